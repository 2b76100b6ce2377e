"""The search page as a reader sees it: what is found, in which order, filtered, marked,
paginated, and what never is (embargoed, unpublished and private stories)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, PageViewRestriction

from masthead.news.models import ArticleType
from tests.conftest import by_class, parse, text_of
from tests.search.conftest import days_ago, reindex, search

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    return [text_of(h) for h in by_class(parse(response), "result-title")]


def summary(response):
    return text_of(by_class(parse(response), "search-summary")[0])


def notes(response):
    return [text_of(li) for li in parse(response).xpath("//ul[@class='search-notes']/li")]


# --- what is searched, and the order -------------------------------------------------------


def test_finds_headline_standfirst_body_tags_and_bylines(client, story, newsroom):
    story("Harbour cranes return", published_at=days_ago(1))
    story("Quiet day", standfirst="The harbour reopened.", published_at=days_ago(2))
    story("Another day", body_words="Fishing boats left the harbour at dawn.")
    story("Tagged story", tags=["Harbour"], published_at=days_ago(3))
    story("Bylined story", authors=[newsroom["writer"]], published_at=days_ago(4))
    story("Unrelated", body_words="Nothing to see.")
    reindex()

    found = titles(search(client, q="harbour"))
    assert set(found) == {"Harbour cranes return", "Quiet day", "Another day", "Tagged story"}
    assert titles(search(client, q="Jane Writer")) == ["Bylined story"]


def test_a_headline_match_outranks_a_body_match(client, story):
    same_time = days_ago(3)
    story("Budget talks", body_words="Ministers met.", published_at=same_time)
    story("Ministers met", body_words="They discussed the budget.", published_at=same_time)
    reindex()

    assert titles(search(client, q="budget")) == ["Budget talks", "Ministers met"]


def test_among_equal_matches_the_newer_story_comes_first(client, story):
    text = "The lighthouse keeper retired after forty years."
    story("Lighthouse keeper retires", slug="old", body_words=text, published_at=days_ago(90))
    story("Lighthouse keeper retires", slug="new", body_words=text, published_at=days_ago(1))
    reindex()

    response = search(client, q="lighthouse keeper")
    links = [a.get("href") for a in parse(response).xpath("//h2[@class='result-title']/a")]
    assert links == ["/en/news/politics/new/", "/en/news/politics/old/"]


def test_every_word_must_match_before_some_do(client, story):
    story("Orchard harvest", body_words="Apples everywhere.")
    story("Orchard fire", body_words="Smoke over the valley.")
    reindex()

    assert titles(search(client, q="orchard apples")) == ["Orchard harvest"]
    response = search(client, q="orchard zeppelins")
    assert set(titles(response)) == {"Orchard harvest", "Orchard fire"}
    assert "Nothing has all of these words" in summary(response)


# --- never found -----------------------------------------------------------------------------


def test_embargoed_unpublished_and_private_stories_are_never_found(client, story, newsroom):
    story("Walrus census published")
    embargoed = story("Walrus census embargoed", published_at=days_ago(-1))
    story("Walrus census draft", live=False)
    private = story("Walrus census private")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Insiders"))
    reindex()

    assert titles(search(client, q="walrus")) == ["Walrus census published"]
    suggested = client.get("/en/search/suggest.json", {"q": "walrus"}).json()["suggestions"]
    assert [s["title"] for s in suggested] == ["Walrus census published"]

    # When the embargo lifts, the story is found without reindexing.
    embargoed.published_at = days_ago(0.01)
    embargoed.save(update_fields=["published_at"])
    assert "Walrus census embargoed" in titles(search(client, q="walrus"))


# --- filters ---------------------------------------------------------------------------------


@pytest.fixture
def filtered_archive(story, newsroom):
    story(
        "Canal plan in Politics",
        regions=[newsroom["europe"]],
        published_at=days_ago(40),
    )
    story(
        "Canal plan in Economy",
        section=newsroom["economy"],
        regions=[newsroom["africa"]],
        article_type=ArticleType.ANALYSIS,
        published_at=days_ago(10),
    )
    story(
        "Canal plan opinion",
        section=newsroom["opinion"],
        article_type=ArticleType.OPINION,
        published_at=days_ago(2),
    )
    reindex()
    return newsroom


def test_filter_by_section(client, filtered_archive):
    news = filtered_archive["news"].pk
    articles = filtered_archive["articles"].pk
    assert set(titles(search(client, q="canal", section=news))) == {
        "Canal plan in Politics",
        "Canal plan in Economy",
    }
    assert titles(search(client, q="canal", section=articles)) == ["Canal plan opinion"]


def test_filter_by_region(client, filtered_archive):
    europe = filtered_archive["europe"].pk
    assert titles(search(client, q="canal", region=europe)) == ["Canal plan in Politics"]


def test_filter_by_article_type(client, filtered_archive):
    assert titles(search(client, q="canal", type="analysis")) == ["Canal plan in Economy"]


def test_filter_by_date_range(client, filtered_archive):
    start = days_ago(20).date().isoformat()
    end = days_ago(5).date().isoformat()
    assert titles(search(client, q="canal", date_from=start, date_to=end)) == [
        "Canal plan in Economy"
    ]
    # Short names in a URL, and dates given backwards, mean the same range.
    assert titles(search(client, q="canal", **{"from": end, "to": start})) == [
        "Canal plan in Economy"
    ]
    assert set(titles(search(client, q="canal", date_from=start))) == {
        "Canal plan in Economy",
        "Canal plan opinion",
    }


def test_filter_by_edition(client, filtered_archive):
    english = Locale.objects.get(language_code="en")
    arabic = Locale.objects.get(language_code="ar")
    assert len(titles(search(client, q="canal", edition=english.pk))) == 3
    assert titles(search(client, q="canal", edition=arabic.pk)) == []


def test_bad_filter_values_are_ignored_with_a_note(client, filtered_archive):
    response = search(
        client, q="canal", section="abc", region="99999", type="gossip", date_from="2024-13-45"
    )
    assert len(titles(response)) == 3
    said = " ".join(notes(response))
    for name in ("section", "region", "type", "start date"):
        assert f"The {name} filter was not understood" in said
    # Each note is what the field's aria-describedby points at.
    tree = parse(response)
    for field in ("section", "region", "type", "date_from"):
        described = tree.get_element_by_id(f"id_{field}").get("aria-describedby")
        assert tree.get_element_by_id(described).tag == "li"


def test_a_year_9999_end_date_is_no_bound_not_an_error(client, filtered_archive):
    assert len(titles(search(client, q="canal", date_to="9999-12-31"))) == 3


# --- marking, pagination ---------------------------------------------------------------------


def test_headline_and_snippet_mark_the_words_and_escape_the_rest(client, story):
    story(
        "Tariff <b>row</b> & more",
        standfirst='Tariffs rise; "<script>alert(1)</script>" & amp.',
    )
    reindex()

    response = search(client, q="tariff amp")
    html = response.content.decode()
    assert "<mark>Tariff</mark> &lt;b&gt;row&lt;/b&gt; &amp; more" in html
    assert (
        "<mark>Tariffs</mark> rise; &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; "
        "&amp; <mark>amp</mark>." in html
    )
    assert "<script>alert(1)" not in html


def test_the_snippet_is_the_body_around_the_first_match(client, story):
    filler = " ".join(["Words before the point."] * 30)
    story(
        "A long read",
        standfirst="Nothing about it here.",
        body_words=f"{filler} The volcano woke at noon. {filler}",
    )
    reindex()

    snippet = by_class(parse(search(client, q="volcano")), "result-snippet")[0]
    assert snippet.xpath("mark")[0].text == "volcano"
    text = text_of(snippet)
    assert text.startswith("…") and text.endswith("…")
    assert len(text) < 300


def test_results_are_paginated_and_links_keep_the_query(client, story):
    for number in range(23):
        story(f"Glacier report {number}", published_at=days_ago(number + 1))
    reindex()

    first = search(client, q="glacier", type="news")
    assert titles(first)[0] == "Glacier report 0"
    assert len(titles(first)) == 10
    assert "23 results" in summary(first)
    next_link = parse(first).xpath("//nav[@class='pagination']/a[@rel='next']")[0].get("href")
    assert "q=glacier" in next_link and "type=news" in next_link and "page=2" in next_link

    third = client.get("/en/search/" + next_link.replace("page=2", "page=3"))
    assert titles(third) == [f"Glacier report {n}" for n in range(20, 23)]
    for bad in ("abc", "0", "-4", "99999", "1e9", ""):
        assert titles(search(client, q="glacier", page=bad)), bad


def test_the_page_is_public_and_not_for_search_engines(client, story):
    story("Pelican sighting")
    reindex()
    response = search(client, q="pelican")
    assert "public" in response["Cache-Control"]
    assert parse(response).xpath("//meta[@name='robots']/@content") == ["noindex, follow"]


def test_header_has_a_search_box_that_works_without_javascript(client, home):
    tree = parse(client.get("/en/", follow=True))
    form = tree.xpath("//header//form[@role='search']")[0]
    assert form.get("action") == "/en/search/"
    assert form.get("method") == "get"
    field = form.xpath(".//input[@name='q']")[0]
    assert tree.xpath(f"//label[@for='{field.get('id')}']")
    assert form.get("data-suggest") == "/en/search/suggest.json"
