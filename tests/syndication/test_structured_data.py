"""JSON-LD, Open Graph, Twitter cards and canonical links, read back from the page head."""

import json

import pytest

from masthead.news.models import ArticleType
from tests import factories
from tests.conftest import parse

HOME = "http://localhost/en/"


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response).find("head")


def graph_of(head):
    """Every JSON-LD node on the page, parsed by a real JSON parser, by type."""
    scripts = head.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@context"] == "https://schema.org"
    nodes = {}
    for node in data["@graph"]:
        nodes.setdefault(node["@type"], []).append(node)
    return nodes


def meta_of(head):
    found = {}
    for meta in head.xpath("meta[@property or starts-with(@name, 'twitter:')]"):
        found.setdefault(meta.get("property") or meta.get("name"), []).append(meta.get("content"))
    return found


def canonical_of(head):
    [href] = head.xpath("link[@rel='canonical']/@href")
    return href


def crumbs(nodes):
    [trail] = nodes["BreadcrumbList"]
    return [(item["position"], item["name"], item["item"]) for item in trail["itemListElement"]]


def test_home_page_has_website_with_search_and_organization(client, desk):
    head = head_of(client, "/en/")
    nodes = graph_of(head)
    [website] = nodes["WebSite"]
    assert website["url"] == HOME and website["name"] == "The Daily Test"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{HOME}search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    [organization] = nodes["NewsMediaOrganization"]
    assert organization["name"] == "The Daily Test"
    assert organization["logo"]["url"].startswith("http://localhost/static/")
    assert "https://x.com/dailytest" in organization["sameAs"]
    assert canonical_of(head) == HOME
    meta = meta_of(head)
    assert meta["og:type"] == ["website"] and meta["og:url"] == [HOME]


def test_a_story_is_a_news_article_with_everything_search_engines_ask_for(client, desk):
    story = desk["story"]
    url = f"http://localhost{story.url}"
    head = head_of(client, story.url)
    nodes = graph_of(head)
    [article] = nodes["NewsArticle"]
    assert article["headline"] == "Parliament passes the budget"
    assert article["datePublished"] == story.published_at.isoformat()
    assert article["dateModified"] == story.updated_at.isoformat()
    assert article["mainEntityOfPage"]["@id"] == url
    assert article["articleSection"] == "Politics"
    assert sorted(article["keywords"]) == ["Budget", "Parliament"]
    assert [(a["name"], a["url"]) for a in article["author"]] == [
        ("Jane Writer", f"{HOME}authors/jane-writer/"),
        ("Sam Critic", f"{HOME}authors/sam-critic/"),
    ]
    publisher = article["publisher"]
    assert publisher["name"] == "The Daily Test" and publisher["logo"]["url"]
    # 1:1, 4:3 and 16:9 crops of the lead image.
    ratios = [round(image["width"] / image["height"], 2) for image in article["image"]]
    assert ratios == [1.0, 1.33, 1.78]
    assert all(image["url"].startswith("http://localhost/media/") for image in article["image"])
    assert crumbs(nodes) == [
        (1, "Home", HOME),
        (2, "News", f"{HOME}news/"),
        (3, "Politics", f"{HOME}news/politics/"),
        (4, "Parliament passes the budget", url),
    ]
    assert canonical_of(head) == url


def test_a_story_has_open_graph_and_twitter_card_tags(client, desk):
    story = desk["story"]
    meta = meta_of(head_of(client, story.url))
    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == ["Parliament passes the budget"]
    assert meta["og:url"] == [f"http://localhost{story.url}"]
    assert meta["og:image"][0].startswith("http://localhost/media/images/")
    assert (meta["og:image:width"], meta["og:image:height"]) == (["1200"], ["675"])
    assert meta["og:image:alt"] == ["Members vote at dawn"]
    assert meta["article:published_time"] == [story.published_at.isoformat()]
    assert meta["article:modified_time"] == [story.updated_at.isoformat()]
    assert meta["article:section"] == ["Politics"]
    assert sorted(meta["article:tag"]) == ["Budget", "Parliament"]
    assert len(meta["article:author"]) == 2
    assert meta["twitter:card"] == ["summary_large_image"]
    assert meta["twitter:site"] == ["@dailytest"]
    assert meta["twitter:image"] == meta["og:image"]


@pytest.mark.parametrize(
    ("article_type", "schema_type"),
    [
        (ArticleType.OPINION, "OpinionNewsArticle"),
        (ArticleType.ANALYSIS, "AnalysisNewsArticle"),
        (ArticleType.FEATURE, "ReportageNewsArticle"),
        (ArticleType.BLOG, "NewsArticle"),
    ],
)
def test_article_types_choose_the_schema_type(client, desk, article_type, schema_type):
    story = factories.make_article(desk["opinion"], article_type=article_type)
    nodes = graph_of(head_of(client, story.url))
    [article] = nodes[schema_type]
    # No byline: the house is the author.
    assert article["author"] == [{"@type": "Organization", "name": "The Daily Test", "url": HOME}]
    assert "image" not in article


def test_a_headline_cannot_break_out_of_the_script(client, desk):
    story = factories.make_article(desk["politics"], "Crisis </script><script>alert(1)</script>")
    response = client.get(story.url)
    assert b"</script><script>alert(1)" not in response.content
    [article] = graph_of(parse(response).find("head"))["NewsArticle"]
    assert article["headline"] == "Crisis </script><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("url", "schema_type", "name", "trail"),
    [
        ("/en/news/", "CollectionPage", "News", ["Home", "News"]),
        ("/en/news/politics/", "CollectionPage", "Politics", ["Home", "News", "Politics"]),
        ("/en/regions/europe/", "CollectionPage", "Europe", ["Home", "Europe"]),
        ("/en/tags/budget/", "CollectionPage", "Budget", ["Home", "Budget"]),
        ("/en/coverage/election-2030/", "CollectionPage", "Election 2030", None),
        ("/en/authors/", "CollectionPage", "Authors", ["Home", "Authors"]),
        ("/en/authors/jane-writer/", "ProfilePage", "Jane Writer", ["Home", "Jane Writer"]),
    ],
)
def test_listing_pages(client, desk, url, schema_type, name, trail):
    head = head_of(client, url)
    nodes = graph_of(head)
    [node] = nodes[schema_type]
    assert node["name"] == name
    assert node["url"] == canonical_of(head) == f"http://localhost{url}"
    assert [crumb[1] for crumb in crumbs(nodes)] == (trail or ["Home", name])
    meta = meta_of(head)
    assert meta["og:title"] == [name] and meta["og:url"] == [f"http://localhost{url}"]


def test_an_author_page_describes_the_person(client, desk):
    [profile] = graph_of(head_of(client, "/en/authors/jane-writer/"))["ProfilePage"]
    person = profile["mainEntity"]
    assert person["@type"] == "Person"
    assert person["jobTitle"] == "Political editor"
    assert person["sameAs"] == ["https://x.com/janewriter"]


def test_a_later_listing_page_is_its_own_canonical(client, desk):
    for number in range(25):
        factories.make_article(desk["economy"], f"Filler {number}")
    head = head_of(client, "/en/news/?page=2")
    assert canonical_of(head) == "http://localhost/en/news/?page=2"


def test_plain_and_contact_pages(client, desk):
    about = factories.make_standard_page("About Us", intro="Who we are.")
    contact = factories.make_contact_page()
    nodes = graph_of(head_of(client, about.url))
    assert nodes["WebPage"][0]["name"] == "About Us"
    assert [crumb[1] for crumb in crumbs(nodes)] == ["Home", "About Us"]
    nodes = graph_of(head_of(client, contact.url))
    assert nodes["ContactPage"][0]["name"] == "Contact Us"


def test_the_not_found_page_claims_no_canonical(client, desk):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert not parse(response).xpath("//link[@rel='canonical']")


def test_the_search_page_is_a_search_results_page_without_canonical(client, desk):
    head = head_of(client, "/en/search/?q=budget")
    nodes = graph_of(head)
    [results] = nodes["SearchResultsPage"]
    assert results["url"] == f"{HOME}search/" and results["inLanguage"] == "en"
    assert nodes["WebSite"][0]["potentialAction"]["@type"] == "SearchAction"
    assert crumbs(nodes) == [(1, "Home", HOME), (2, "Search", f"{HOME}search/")]
    assert not head.xpath("link[@rel='canonical']")  # noindex: nothing to canonicalise
