"""Lists of names in each edition's language: bylines on reader pages, feeds and ninjs."""

import feedparser
import pytest
from django.utils import translation

from masthead.core.lists import human_list, list_joiners, sounds_like_i
from tests import factories
from tests.conftest import one, parse, text_of


@pytest.mark.parametrize(
    "language, names, expected",
    [
        ("en", ["Ana"], "Ana"),
        ("en", ["Ana", "Ben"], "Ana and Ben"),
        ("en", ["Ana", "Ben", "Cy"], "Ana, Ben and Cy"),
        ("es", ["Ana", "Ben", "Cy"], "Ana, Ben y Cy"),
        ("es", ["Ana", "Inés"], "Ana e Inés"),
        ("es", ["Ana", "Hilda"], "Ana e Hilda"),
        ("es", ["Ana", "Hierro"], "Ana y Hierro"),
        ("ar", ["Ana", "Ben"], "Ana وBen"),
        ("ar", ["ليلى", "سامي", "نور"], "ليلى، سامي ونور"),
        ("ar", [], ""),
    ],
)
def test_a_list_reads_as_each_language_writes_it(language, names, expected):
    assert human_list(names, language) == expected


def test_the_arabic_comma_is_the_arabic_one():
    assert human_list(["A", "B", "C"], "ar") == "A\u060c B \u0648C"


def test_the_active_language_is_used_and_left_as_it_was():
    with translation.override("es"):
        assert human_list(["A", "B", "C"]) == "A, B y C"
        assert human_list(["A", "B", "C"], "en") == "A, B and C"
        assert translation.get_language() == "es"


def test_joiners_keep_the_items_for_templates_that_link_them():
    writer, critic = object(), object()
    with translation.override("ar"):
        assert list_joiners([writer, critic]) == [("", writer), (" و", critic)]


@pytest.mark.parametrize(
    "word, expected",
    [("Inés", True), ("Íñigo", True), ("hilo", True), ("Iowa", False), ("hielo", False)],
)
def test_spanish_i_sound(word, expected):
    assert sounds_like_i(word) is expected


@pytest.fixture
def third(newsroom):
    return factories.make_author("Inés Iglesias", slug="ines-iglesias")


def story_in(code, newsroom, authors):
    factories.open_edition(code)
    factories.translate(newsroom["news"], code)
    politics = factories.translate(newsroom["politics"], code)
    return factories.make_article(politics, f"Story in {code}", authors=authors)


@pytest.mark.parametrize(
    "code, expected",
    [
        ("en", "By Jane Writer, Sam Critic and Inés Iglesias"),
        ("es", "Por Jane Writer, Sam Critic e Inés Iglesias"),
        ("ar", "بقلم Jane Writer، Sam Critic وInés Iglesias"),
    ],
)
def test_a_story_byline_in_each_edition(client, newsroom, third, code, expected):
    authors = [newsroom["writer"], newsroom["critic"], third]
    story = story_in(code, newsroom, authors) if code != "en" else None
    story = story or factories.make_article(newsroom["politics"], "Story", authors=authors)
    byline = one(parse(client.get(story.url)), "byline")
    assert text_of(byline) == expected
    assert len(byline.findall(".//a")) == 3


def test_a_live_blog_byline_in_arabic(client, newsroom, third):
    factories.open_edition("ar")
    factories.translate(newsroom["news"], "ar")
    politics = factories.translate(newsroom["politics"], "ar")
    blog = factories.make_live_blog(politics, "Count", authors=[newsroom["writer"], third])
    byline = one(parse(client.get(blog.url)), "byline")
    assert text_of(byline) == "بقلم Inés Iglesias وJane Writer"  # authors by name


def test_feeds_and_ninjs_name_authors_in_the_storys_language(client, newsroom, third):
    story = story_in("ar", newsroom, [newsroom["writer"], newsroom["critic"], third])
    feed = feedparser.parse(client.get("/ar/feed/").content)
    [entry] = [e for e in feed.entries if e.title == story.title]
    assert entry.author == "Jane Writer، Sam Critic وInés Iglesias"
    site_wide = feedparser.parse(client.get("/feed/atom/").content)
    [entry] = [e for e in site_wide.entries if e.title == story.title]
    assert entry.author == "Jane Writer، Sam Critic وInés Iglesias"
    ninjs = client.get(f"/api/v1/articles/{story.pk}/ninjs").json()
    assert ninjs["by"] == "Jane Writer، Sam Critic وInés Iglesias"
