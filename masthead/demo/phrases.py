"""Sentences any story can use, grouped by the job they do in an article.

Every desk's own sentences come first in a story; these fill out the body around them in
a newsroom's usual order (background, numbers, reaction, what comes next). Placeholders
are filled per article by `text.Context`, so the same sentence reads differently in
each story. Opinion, analysis, blog and feature pieces get voices of their own.
"""

BACKGROUND = [
    "Interest in {topic} has been building since {month}, and officials in {city} have "
    "been preparing for months.",
    "It is not the first time the question has come up: a similar plan was shelved "
    "{few} years ago when priorities shifted elsewhere.",
    "Residents of {town} have followed the process closely, in part because the town has "
    "felt the effects earlier than most.",
    "Much of the groundwork was done by a small working group that met through the spring, "
    "according to people familiar with its discussions.",
    "Officials in {city} say their approach was shaped by long consultation rather than a "
    "sudden change of course.",
    "For many in {country}, the issue is less about policy detail than about whether "
    "promises made in earlier years will be kept.",
    "Previous attempts stalled over funding, and some of the same questions remain open.",
    "Local newspapers in {town} have given the subject their front pages for weeks.",
    "A public consultation drew more than {many} written responses, an unusually high "
    "number for a measure of this kind.",
    "Neighbouring countries in {region} are watching closely, since several face similar "
    "choices of their own.",
    "People who work on the issue day to day say the change has been a long time coming.",
    "An earlier report by {institute} set out many of the options now under discussion.",
    "The question first reached the national agenda after a series of reports from "
    "{town} described the problem in plain terms.",
    "Regional authorities have handled the issue in different ways, with mixed results.",
    "Officials say lessons from a smaller pilot in {town} shaped the final design.",
    "The matter has been discussed at every level of government, from village councils "
    "to ministries in {city}.",
    "Some of the people most affected live far from {city} and have rarely been consulted "
    "on such matters before.",
]

NUMBERS = [
    "According to figures from {institute}, the share of households affected has risen by "
    "{rate} percentage points over the past {few} years.",
    "The cost is estimated at {cost}, to be spread over several budget years.",
    "Around {many} people are expected to be directly affected in the first phase alone.",
    "Officials put the number of sites involved at {some}, most of them outside {city}.",
    "A survey published last month found that {some} per cent of respondents had heard of "
    "the plan, though far fewer could describe it in any detail.",
    "The figures vary widely from one district to the next, which critics say makes a "
    "single national approach hard to justify.",
    "Data collected over the past {few} months suggest a steady trend rather than a sudden shift.",
    "Spending in this area has grown by about {rate} per cent a year, slightly faster than "
    "the budget as a whole.",
    "Even the most cautious estimates suggest the effects will be felt for a decade.",
    "Official statistics show a gap of {rate} percentage points between the best and "
    "worst performing districts.",
    "Roughly {some} organisations have registered to take part so far.",
    "The budget line for the programme has grown {few} times over since it was created.",
]

REACTION = [
    "“We have waited a long time for clarity, and this is a start,” said {witness}, "
    "{witness_role}.",
    "{expert}, {expert_role}, called the move “sensible but overdue” and said its success "
    "would depend on how it is carried out.",
    "Not everyone is convinced. Some business groups said the timetable was too tight, "
    "while others asked for more detail on costs.",
    "Opposition members said they supported the aims but would press for closer scrutiny.",
    "In {town}, reactions were mixed: some residents welcomed the news, while others said "
    "they would wait to see results.",
    "“People here are practical,” {witness_last} said. “They want to know what changes on "
    "Monday morning.”",
    "Community organisations asked to be involved in the next stage, arguing that local "
    "knowledge had been overlooked before.",
    "{expert_last} said the approach compared well with similar efforts elsewhere in "
    "{region}, though it was smaller in scale.",
    "A spokesperson for {company} said the company welcomed the decision and would set out "
    "its own plans in the coming weeks.",
    "Several mayors issued a joint statement asking for guidance to be published before the "
    "changes take effect.",
    "“The direction is right,” {expert_last} said. “The question is whether the money follows.”",
    "{expert}, {expert_role}, said the detail would matter more than the headline, and "
    "urged officials to publish their evidence.",
    "Residents who spoke to Masthead Daily in {town} were cautiously hopeful.",
    "“This affects everybody, so everybody should have a say,” {witness_last} said.",
    "Trade associations said their members needed time to adjust, but did not oppose the change.",
]

OUTLOOK = [
    "The next step is a detailed plan, which officials say will be published within {few} weeks.",
    "A review is scheduled for the end of the year, when the first results should be clearer.",
    "Officials said further announcements would follow once talks with regional "
    "authorities had concluded.",
    "For now the changes apply to a first group of districts; others will follow if the "
    "pilot goes well.",
    "Observers will be watching whether the funding promised for this year arrives.",
    "Those involved say the real test will come next season, when demand is highest.",
    "The authorities have promised to publish progress figures every quarter.",
    "{person_last} said more details would be shared on {weekday}.",
    "Whatever the outcome, the episode has prompted a wider conversation in {country} "
    "about how such decisions are made.",
    "A public meeting has been called in {town} for {weekday} evening.",
    "Independent auditors will assess the first year and report to parliament.",
    "Officials acknowledge that some questions will only be answered once work begins.",
    "A second phase, covering rural districts, is being prepared for next year.",
    "Those who have followed the issue for years say the coming months will be decisive.",
]

OPINION = [
    "It is tempting to treat {topic} as a technical matter best left to specialists. That "
    "would be a mistake.",
    "I have spent enough time in places like {town} to know that decisions made in {city} "
    "land very differently there.",
    "The strongest argument on the other side deserves a fair hearing: change costs money, "
    "and the money has to come from somewhere.",
    "But the cost of doing nothing is also real, even if it rarely appears in a budget.",
    "What is missing from the debate so far is a plain account of who gains, who pays and "
    "over what period.",
    "We should be wary of anyone who promises quick results; the honest answer is that "
    "this will take years.",
    "There is a better way to approach this, and it starts with listening to the people "
    "who will live with the consequences.",
    "None of this is an argument for standing still.",
    "The good news is that the tools already exist. What has been lacking is the patience "
    "to use them well.",
    "If the past decade has taught us anything, it is that trust is built slowly and lost quickly.",
    "Reasonable people will disagree about the details, and they should say so openly.",
    "In the end, this is a test of whether institutions can still plan beyond the next news cycle.",
    "I would rather see a modest plan carried out carefully than an ambitious one "
    "abandoned halfway.",
    "That is the conversation worth having, and it is not too late to have it.",
    "Critics will say this is naive. I would ask them to visit {town} first.",
    "The choice is not between spending and saving, but between paying now and paying more later.",
]

ANALYSIS = [
    "To understand why {topic} matters, it helps to look at how things have changed over "
    "the past {few} years.",
    "Three factors stand out: money, timing and the capacity of the institutions involved.",
    "The first scenario, and the most likely, is a slow and partial implementation.",
    "A second possibility is that the plan is revised after its first review, as similar "
    "efforts elsewhere in {region} were.",
    "The least likely outcome, though not an impossible one, is that it is quietly dropped.",
    "Comparisons with neighbouring countries are useful only up to a point; local "
    "conditions differ sharply.",
    "What the official figures do not show is how unevenly the effects are spread.",
    "{expert}, {expert_role}, argues that the real constraint is not money but skilled staff.",
    "Earlier reforms of this kind took longer than planned and cost more, but most were "
    "never reversed.",
    "The politics are less fraught than they first appear, because the measure draws "
    "support from several directions.",
    "The risk lies in the detail: small design choices will decide who benefits first.",
    "Taken together, the evidence points to a cautious but real shift.",
    "The record elsewhere in {region} suggests early results will be modest.",
    "Much will depend on whether the next budget round protects the funding.",
]

BLOG = [
    "I spent most of {weekday} in {town}, notebook in hand, trying to understand what "
    "{topic} means to the people there.",
    "The first person I met was {witness}, {witness_role}, who had plenty to say and a pot "
    "of coffee to say it over.",
    "A small confession: I went in expecting a very different story.",
    "By mid-afternoon the picture had become more complicated, and more interesting.",
    "Readers have written in with questions, and I will try to answer a few of them here.",
    "One reader in {city} asked whether any of this will change daily life. The short "
    "answer is: slowly, yes.",
    "I will be back in {town} next month and will report on what has changed.",
    "As always, if you have a story from your own corner of {region}, I would like to hear it.",
    "There was a moment, late in the day, when the whole thing suddenly made sense to me.",
    "Not everything I heard fits neatly into a news story, which is exactly why this blog exists.",
    "I left with more questions than answers, which is usually a good sign.",
    "If you are ever in {town}, take the long way round. You will not regret it.",
]

FEATURE = [
    "The morning begins early in {town}. By six o'clock the streets are already busy with "
    "people who have done this all their lives.",
    "{witness}, {witness_role}, remembers when things were different.",
    "It is a quiet place, easy to pass through without noticing, and that is part of its story.",
    "Over the years the town has adapted in small ways that visitors rarely see.",
    "There are no grand ceremonies here, only a steady rhythm of work and conversation.",
    "Younger residents talk about the future with a mix of ambition and caution.",
    "At the edge of town, a half-finished building stands as a reminder of plans that changed.",
    "Evenings belong to families, and to long discussions over the day's news.",
    "What happens here rarely makes headlines elsewhere, but it says a lot about {country} today.",
    "Asked what outsiders most often misunderstand, {witness_last} laughs, then thinks for "
    "a long time.",
    "The light fades slowly over the hills, and the work goes on.",
    "On the wall of the workshop hangs a photograph from decades ago, faded but carefully framed.",
    "Nothing here is done in a hurry, and nobody apologises for it.",
]

# For stories about an occasion: a match, a festival, an opening.
COMMUNITY = [
    "In {town}, people still talk about the last time something like this happened, "
    "{few} years ago.",
    "The day began quietly, with a few early arrivals and a great deal of coffee.",
    "Word spread quickly through {town}, mostly by phone and over garden fences.",
    "Local businesses stayed open late to make the most of the visitors.",
    "For a place the size of {town}, it was an unusually busy week.",
    "Families came from across {region}, some travelling for most of a day.",
    "Volunteers did much of the work, as they often do in {town}.",
    "The weather held, which organisers said had made all the difference.",
    "Photographs from the day were pinned up in shop windows within hours.",
    "Older residents compared it with the town they knew as children.",
    "By evening the main square was full of people who did not want to go home yet.",
    "Children ran ahead while their grandparents found the best places to sit.",
    "Stallholders selling food and drink reported one of their best days of the year.",
    "The local radio station broadcast from the scene for most of the afternoon.",
    "It felt, one resident said, as if the whole of {town} had turned out.",
]

VOICES = [
    "“I have never seen anything like it here,” said {witness}, {witness_role}.",
    "“It makes you proud of where you come from,” {witness_last} said.",
    "{expert}, {expert_role}, said moments like this were good for a community in ways "
    "that are hard to measure.",
    "“People need good news, and they need a reason to get together,” {expert_last} said.",
    "Some residents admitted they had doubted it would happen at all.",
    "Messages of congratulation arrived from across {country}.",
    "“We will be telling our grandchildren about this,” said one visitor from {city}.",
    "A few people grumbled about parking, as people always do.",
    "Teachers said their pupils had talked about little else all week.",
    "“It was worth every early morning,” {witness_last} said.",
    "{expert_last} said the best part was seeing so many young people involved.",
    "Visitors from {city} said they had come out of curiosity and would be back.",
    "“You could hear the cheering from the other side of town,” {witness_last} said.",
]

NEXT = [
    "Plans are already being made for next year.",
    "Organisers said they hoped to make it an annual event.",
    "A short film about it will be shown at the town hall in {month}.",
    "The town council has promised to support similar projects in future.",
    "For now, {town} is enjoying its moment.",
    "Those involved will meet in {month} to decide what comes next.",
    "Several neighbouring towns have asked how to do the same.",
    "{person_last} said the next goal was already in sight.",
    "A small exhibition about the day will open at the library in {month}.",
    "The organisers are already looking for volunteers for next time.",
    "Residents say they hope the mood lasts beyond the weekend.",
]

# For stories about a place and its people's work, where nothing is being celebrated.
PLACE = [
    "Life in {town} has always followed the seasons, and it still does.",
    "The town has only a few thousand residents, and most of them seem to know each other.",
    "Many families here have lived in the same streets for generations.",
    "Visitors who stop for an hour often find themselves staying for the day.",
    "Over the past decade, new arrivals have brought cafés, workshops and a weekly market.",
    "The nearest large city, {city}, is a long journey away, which has helped keep local "
    "habits alive.",
    "Young people still leave for {city} to study, but more of them come back than before.",
    "Much of what happens here is organised informally, over coffee or at the school gate.",
    "People in {town} are proud of it, and a little wary of hearing it called quaint.",
    "Neighbours still lend each other tools, and sometimes a hand.",
    "The work is seasonal, and the rhythm of the year shapes almost everything here.",
]

PLACE_VOICES = [
    "“We do things the way they have always worked here,” said {witness}, {witness_role}.",
    "{witness_last} says the best thing about the work is that no two days are the same.",
    "“People think it is a slow life. It is not slow, it is steady,” {witness_last} said.",
    "{expert}, {expert_role}, said places like {town} showed how communities adapt without "
    "losing themselves.",
    "“You learn patience here, whether you want to or not,” said one resident.",
    "{expert_last} said small towns were often quicker than cities to try new ideas, "
    "because everyone could see the results.",
    "Asked what would help most, several residents gave the same answer: a better bus service.",
    "“I would not live anywhere else,” {witness_last} said.",
]

PLACE_NEXT = [
    "For now, life in {town} carries on much as it has for years, with small changes at the edges.",
    "The town council is consulting residents on a plan for the next decade.",
    "Those who live here say the future depends on keeping young families.",
    "A new community centre is due to open in {town} next year.",
    "{person_last} said there was still much to learn, and plenty of time to learn it.",
    "The season ends in {month}, and then the preparations for next year begin.",
]

# Which shared groups follow a desk's own sentences, in reading order: by the kind of
# story a desk tells (its fixture says: "policy" for decisions and institutions, the
# default; "event" for matches, festivals and openings; "place" for people and their
# work) and the article type.
GROUPS = {
    ("policy", "news"): [BACKGROUND, NUMBERS, REACTION, OUTLOOK],
    ("policy", "analysis"): [ANALYSIS, BACKGROUND, NUMBERS, OUTLOOK],
    ("policy", "opinion"): [OPINION, NUMBERS],
    ("policy", "blog"): [BLOG, BACKGROUND, REACTION],
    ("policy", "feature"): [FEATURE, BACKGROUND, REACTION],
    ("event", "news"): [COMMUNITY, VOICES, NEXT],
    ("place", "news"): [PLACE, PLACE_VOICES, PLACE_NEXT],
    ("place", "blog"): [BLOG, PLACE, PLACE_VOICES],
    ("place", "feature"): [FEATURE, PLACE, PLACE_VOICES],
}

SUBHEADS_BY_TYPE = {
    "news": ["What happens next", "The background", "Reaction", "The numbers behind it"],
    "analysis": ["Three scenarios", "What the figures miss", "The politics", "Looking ahead"],
    "opinion": ["The case for patience", "Who pays", "A better way"],
    "blog": ["From my notebook", "Your questions", "Before I go"],
    "feature": ["Early mornings", "A changing town", "What stays the same"],
}

DEFAULT_EXPERTS = ["an analyst at {institute}", "a researcher at {institute}"]
DEFAULT_WITNESSES = [
    "a shopkeeper in {town}",
    "a retired teacher from {town}",
    "a community organiser in {town}",
    "a student in {city}",
    "a bus driver in {city}",
]
