"""Bad input gets a clear page, never a 500 (DESIGN.md, principle 5)."""

import pytest

from masthead.search.query import MAX_QUERY_LENGTH, clean_query
from tests.conftest import by_class, parse, text_of
from tests.search.conftest import reindex, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(story):
    story("Drop in table tennis funding", body_words="Select clubs lose their grants.")
    story("Script writers strike", body_words="Alert: the studios are quiet.")
    reindex()


def page(client, q):
    response = search(client, q=q)
    assert response.status_code == 200, q
    tree = parse(response)
    return tree, text_of(by_class(tree, "search-summary")[0])


def test_empty_query_shows_a_prompt_and_no_results(client, archive):
    for q in ("", "   "):
        tree, said = page(client, q)
        assert said == "Type a few words from a headline, a name or a topic."
        assert not by_class(tree, "result")
    assert client.get("/en/search/").status_code == 200


def test_a_very_long_query_is_shortened_with_a_note(client, archive):
    tree, said = page(client, "script " * 1500)  # 10,500 characters
    notes = text_of(tree.get_element_by_id("search-shortened"))
    assert f"first {MAX_QUERY_LENGTH} characters" in notes
    assert [text_of(h) for h in by_class(tree, "result-title")] == ["Script writers strike"]
    assert tree.get_element_by_id("id_q").get("value") == ("script " * 1500)[:200].strip()


@pytest.mark.parametrize("q", ["!!!", '"', "''' ;; --", "***", "()", "_", "  ¿?¡!  ", "\x00"])
def test_only_punctuation_says_there_is_nothing_to_look_for(client, archive, q):
    tree, said = page(client, q)
    assert not by_class(tree, "result")
    if q.strip(" \x00"):
        assert "has no letters or numbers" in said


@pytest.mark.parametrize(
    "q",
    [
        "'; DROP TABLE news_articlepage; --",
        "1' OR '1'='1",
        'script" OR "1',
        "table NEAR(drop funding)",
        "tennis AND NOT OR",
        "title:drop* ^2",
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        "%' LIKE '%",
        "drop\\ table",
    ],
)
def test_sql_and_html_fragments_are_words_escaped_never_syntax(client, archive, q):
    response = search(client, q=q)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body
    assert by_class(parse(response), "search-summary")


def test_fragments_still_find_the_words_in_them(client, archive):
    tree, _ = page(client, "'; DROP TABLE --")
    assert [text_of(h) for h in by_class(tree, "result-title")] == ["Drop in table tennis funding"]


def test_cleaning_keeps_words_in_any_script():
    query = clean_query("  Élection   présidentielle: «2030»!  انتخابات ")
    assert query.terms == ["élection", "présidentielle", "2030", "انتخابات"]
    assert query.text == "Élection présidentielle: «2030»! انتخابات"
    assert not query.truncated
    assert clean_query("a " * 300).truncated
    assert clean_query("'; --").terms == []
