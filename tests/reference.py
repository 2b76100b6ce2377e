"""The reference page's navigation, as the tests expect to find it: one list for all."""

MENU = ["News", "Articles", "Videos", "Infographs", "In Pictures", "LIVE"]
SUBSECTIONS = {
    "news": [
        "Politics",
        "Economy",
        "Sports",
        "Arts&Culture",
        "Health",
        "Miscellaneous",
        "Technology",
        "Environment",
    ],
    "articles": ["Opinion", "Analysis", "Blog", "Features"],
    "videos": ["NewsFeed", "Video Features", "Explainers", "TV", "Digital Series"],
}
REGIONS = [
    ("Africa", "africa"),
    ("Asia", "asia"),
    ("Asia-Pacific", "asia-pacific"),
    ("Europe", "europe"),
    ("Latin America", "latin-america"),
    ("MENA", "mena"),
    ("Palestine", "palestine"),
    ("US & Canada", "us-canada"),
]
