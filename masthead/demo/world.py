"""The invented world the demo reports on: its places, people, institutions and brand.

Countries and capitals are real and used only neutrally; every town, person, company,
agency and institute is made up. Stories draw from these lists through `text.context`.
"""


def names(*lines):
    """A list from comma-separated lines: keeps long vocabularies compact and readable."""
    return [name.strip() for line in lines for name in line.split(",") if name.strip()]


SITE = {
    "site_name": "Masthead Daily",
    "slogan": "Calm, careful news from every region",
    "about": (
        "Masthead Daily is an invented international newsroom that shows what the "
        "Masthead publishing platform can do. Its stories, people and places are made up "
        "for the demonstration; its care for accuracy is not."
    ),
    "copyright_line": "All Rights Reserved",
    "x_url": "https://x.com/mastheaddemo",
    "facebook_url": "https://www.facebook.com/mastheaddemo",
    "instagram_url": "https://www.instagram.com/mastheaddemo",
    "youtube_url": "https://www.youtube.com/@mastheaddemo",
    "telegram_url": "https://t.me/mastheaddemo",
    "android_app_url": "https://play.google.com/store/apps/details?id=org.masthead.demo",
    "ios_app_url": "https://apps.apple.com/app/masthead-daily/id0000000000",
}

# (name, slug, [(country, city), ...]): the order is the order readers see.
REGIONS = [
    (
        "Africa",
        "africa",
        [("Kenya", "Nairobi"), ("Ghana", "Accra"), ("Senegal", "Dakar"), ("Zambia", "Lusaka")],
    ),
    (
        "Asia",
        "asia",
        [("India", "New Delhi"), ("Nepal", "Kathmandu"), ("Kazakhstan", "Astana")],
    ),
    (
        "Asia-Pacific",
        "asia-pacific",
        [("Indonesia", "Jakarta"), ("Vietnam", "Hanoi"), ("Fiji", "Suva"), ("Australia", "Perth")],
    ),
    (
        "Europe",
        "europe",
        [("Portugal", "Lisbon"), ("Poland", "Warsaw"), ("Ireland", "Dublin"), ("Norway", "Oslo")],
    ),
    (
        "Latin America",
        "latin-america",
        [("Peru", "Lima"), ("Chile", "Santiago"), ("Uruguay", "Montevideo")],
    ),
    (
        "MENA",
        "mena",
        [("Jordan", "Amman"), ("Morocco", "Rabat"), ("Oman", "Muscat"), ("Tunisia", "Tunis")],
    ),
    (
        "Palestine",
        "palestine",
        [("Palestine", "Ramallah"), ("Palestine", "Bethlehem"), ("Palestine", "Nablus")],
    ),
    (
        "US & Canada",
        "us-canada",
        [("the United States", "Denver"), ("Canada", "Halifax"), ("Canada", "Winnipeg")],
    ),
]

# For stories that carry no region: a place still has to be somewhere.
ELSEWHERE = [
    ("Portugal", "Porto", "Europe"),
    ("Kenya", "Mombasa", "Africa"),
    ("Chile", "Valparaíso", "Latin America"),
]

TOWNS = names(
    "Velmar, Kestrel Bay, Orrin Falls, Santa Irela, Lowmoor, Tarrow, Ebbridge,",
    "Caldera Springs, Marisco, Halden, Ostrel, Palmyre, Wendover Flats, Arcoli, Sunhaven,",
    "Brisk Hollow, Talavanta, Greystone Ferry",
)

FIRST_NAMES = names(
    "Amara, Tomas, Leila, Kwame, Ines, Rafael, Hana, Oskar, Naledi, Mateo, Sanna, Farid,",
    "Celeste, Joaquin, Yara, Anders, Nadia, Kofi, Marisol, Dev, Ayesha, Lukas, Zanele,",
    "Emre, Ilse, Tariq, Wren, Paulo",
)

LAST_NAMES = names(
    "Okonkwo-Reyes, Valtteri, Marchetti, Dembélé-Hart, Ostrowska, Torvane, Amadi,",
    "Ashdown-Mele, Serrat, Haddaway, Moreau-Tanaka, Quist, Abernathy-Sol, Ferreiro,",
    "Nakamura-Lowe, Brennagh, Achterberg, Solano, Kettering, Idowu-Marsh, Rasmundsen,",
    "Halloran, Benhadj, Varga-Ellis, Mwenda-Strand, Castelloe",
)

COMPANIES = names(
    "Halvard Freight, Sunmere Energy, Corvane Systems, Tessaline Foods,",
    "Brightwater Utilities, Northwind Rail, Ostrel Textiles, Quillon Health,",
    "Meridale Bank, Kestrel Mobile, Arbor Cement, Lumaro Solar, Palisade Logistics",
)

INSTITUTES = [
    "the Institute for Regional Studies",
    "the Centre for Public Finance",
    "the Coastal Research Trust",
    "the University of Velmar",
    "the Halden Policy Forum",
    "the Open Data Collective",
    "the Lowmoor School of Public Health",
]

AGENCIES = ["Continental Press Service", "Meridian Wire", "Harbourline News Agency"]
HOUSE_SOURCE = "Masthead Daily"
SOURCES_NEWS = ["Agencies", HOUSE_SOURCE, HOUSE_SOURCE, *AGENCIES]

MONTHS = names(
    "January, February, March, April, May, June, July, August, September, October,",
    "November, December",
)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]

TAGS = names(
    "elections, parliament, diplomacy, local government, budget, inflation, trade, jobs,",
    "markets, central banks, energy, renewables, climate, drought, water, agriculture,",
    "food security, oceans, wildlife, football, athletics, tennis, cycling, cinema, music,",
    "literature, heritage, public health, hospitals, nutrition, science, weather,",
    "artificial intelligence, cybersecurity, start-ups, transport, cities, education,",
    "housing, tourism, data, photography, documentary, peace talks, youth sport,",
    "women's sport",
)

# name, slug, role, handle, the desks they write for, bio.
AUTHORS = [
    (
        "Amara Nwosu-Hale",
        "amara-nwosu-hale",
        "Political editor",
        "amaranh",
        ["politics", "analysis", "opinion", "tv"],
        "Amara has covered parliaments on three continents and still reads every committee "
        "report to the end. She leads the political desk.",
    ),
    (
        "Tomas Rellinger",
        "tomas-rellinger",
        "Economics correspondent",
        "trellinger",
        ["economy", "analysis", "explainers", "infographs"],
        "Tomas writes about prices, wages and the institutions that steer them, and tries to "
        "explain each number in plain words.",
    ),
    (
        "Priya Calloway",
        "priya-calloway",
        "Health and science reporter",
        "pcalloway",
        ["health", "technology", "features", "explainers"],
        "Priya trained as a lab biologist before joining the newsroom. She reports on "
        "medicine, research and public health.",
    ),
    (
        "Kofi Lindqvar",
        "kofi-lindqvar",
        "Sports writer",
        "kofiwrites",
        ["sports", "blog", "newsfeed", "digital-series"],
        "Kofi has followed football, athletics and cycling from stadiums and village "
        "pitches alike. He runs the sports blog.",
    ),
    (
        "Marisol Castellane",
        "marisol-castellane",
        "Culture editor",
        "mcastellane",
        ["arts-culture", "features", "video-features", "in-pictures"],
        "Marisol writes about books, film, music and the people who keep heritage alive, "
        "and edits the weekend culture pages.",
    ),
    (
        "Idris Falkner",
        "idris-falkner",
        "Environment correspondent",
        "idrisfalkner",
        ["environment", "miscellaneous", "in-pictures", "live"],
        "Idris reports on water, weather and land from the places they change most, with a "
        "notebook and a rain gauge.",
    ),
    (
        "Mei Tanaka-Ross",
        "mei-tanaka-ross",
        "Technology reporter",
        "meitr",
        ["technology", "economy", "blog", "explainers"],
        "Mei covers how software, networks and new tools change work and daily life, and "
        "what they quietly ask of the people using them.",
    ),
    (
        "Hannah Verhoeven",
        "hannah-verhoeven",
        "Senior columnist",
        "hverhoeven",
        ["opinion", "analysis", "blog", "tv"],
        "Hannah has written a weekly column for more than a decade, on public life, cities "
        "and the art of disagreeing well.",
    ),
]

# Scene kinds for the image pool, with captions written for each kind of picture.
IMAGE_CAPTIONS = {
    "podium": [
        "Officials prepare to brief reporters in {city}",
        "The briefing room ahead of a statement in {city}",
        "A lectern set for the evening's announcement",
    ],
    "landscape": [
        "Hills above {town} at first light",
        "Dusk settles over the ridges near {town}",
        "The valley road out of {town}, seen from the pass",
    ],
    "harbour": [
        "Boats at anchor off {town}",
        "Evening on the water near the port of {town}",
        "The harbour at {town}, where the fishing fleet sets out before dawn",
    ],
    "skyline": [
        "The skyline of {city} as offices empty for the evening",
        "Lights come on across {city}",
        "Towers along the river in {city}",
    ],
    "farmland": [
        "Fields outside {town} a few weeks before harvest",
        "Farmland stretches towards the hills near {town}",
        "Irrigated plots on the plain below {town}",
    ],
    "gathering": [
        "A crowd gathers for the evening event in {city}",
        "Spectators wait for the opening in {city}",
        "An audience fills the square in {town}",
    ],
}
PHOTO_CREDITS = [f"{HOUSE_SOURCE}/{name}" for name in ("Sanna Quist", "Paulo Ferreiro")] + [
    *AGENCIES,
    "Agencies",
]
