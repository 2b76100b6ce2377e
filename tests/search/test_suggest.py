"""The header box's suggestions: published headlines as JSON, cached per query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.search.conftest import reindex

pytestmark = pytest.mark.django_db

URL = "/en/search/suggest.json"


@pytest.fixture
def archive(story):
    for number in range(10):
        story(f"Monsoon update {number}")
    story("Monetary policy holds")
    story("Harvest festival")
    reindex()


def test_suggests_up_to_eight_headlines_with_their_addresses(client, archive):
    response = client.get(URL, {"q": "Monsoon upd"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["query"] == "monsoon upd"
    assert len(data["suggestions"]) == 8
    for suggestion in data["suggestions"]:
        assert suggestion["title"].startswith("Monsoon update ")
        assert suggestion["url"].startswith("/en/news/politics/monsoon-update-")
    # The last word is a prefix; earlier ones must match too.
    titles = [s["title"] for s in client.get(URL, {"q": "mone"}).json()["suggestions"]]
    assert titles == ["Monetary policy holds"]


def test_short_empty_and_junk_queries_suggest_nothing(client, archive):
    for q in ("", "m", "!!", "'; --", "<b>", "x" * 10_000):
        response = client.get(URL, {"q": q})
        assert response.status_code == 200, q
        assert response.json()["suggestions"] == [], q


def index_queries(queries):
    return [q["sql"] for q in queries.captured_queries if "indexentry" in q["sql"].lower()]


def test_answers_are_cached_by_their_words_and_by_browsers(client, archive):
    with CaptureQueriesContext(connection) as first:
        response = client.get(URL, {"q": "harvest"})
    assert index_queries(first), "the first answer comes from the index"
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]

    # Case, spaces and punctuation do not make a new question.
    with CaptureQueriesContext(connection) as again:
        cached = client.get(URL, {"q": "  HARVEST!! "})
    assert index_queries(again) == []
    assert cached.json()["suggestions"] == response.json()["suggestions"]
