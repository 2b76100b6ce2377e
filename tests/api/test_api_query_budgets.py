"""Query budgets for the API (DESIGN.md, principle 2): each endpoint runs the same number
of queries with 10 stories and with 60, within its budget. The archive is the reader
pages' one (tests/news/test_query_budgets.py): lead images, authors, tags, regions,
coverage, views, breaking lines and bodies with images and links to other stories."""

import pytest
from django.test import Client

from masthead.api.views import encode_cursor
from tests.news.test_query_budgets import Archive, count_queries

SMALL, LARGE = 10, 60

# Queries per request with 60 stories. Raise one only with a reason (see the reader
# pages' budgets). A list is: the edition's home, the stories, their lead images'
# renditions, their sections; each filter adds at most one (the section's lookup).
BUDGETS = {
    "editions": 1,
    "sections": 2,
    "articles": 4,
    "articles, filtered": 5,
    "articles, next page": 4,
    # The story; its section, authors (+photos' renditions), tags, regions, coverage; the
    # body's images and linked stories; read next and its sections.
    "article": 14,
    "breaking": 2,
    "most read": 4,
    "openapi": 0,
}


def urls(archive):
    target = archive.stories[SMALL // 2]  # every kind of body block
    # The fifth-newest story: a page boundary however many stories there are.
    cursor_from = sorted(archive.stories, key=lambda s: (s.published_at, s.pk))[-5]
    return {
        "editions": "/api/v1/editions",
        "sections": "/api/v1/sections?edition=en",
        "articles": "/api/v1/articles?edition=en",
        "articles, filtered": (
            f"/api/v1/articles?section={archive.newsroom['news'].pk}&region=europe"
            "&tag=budget&author=jane-writer&limit=5"
        ),
        "articles, next page": f"/api/v1/articles?limit=5&cursor={encode_cursor(cursor_from)}",
        "article": f"/api/v1/articles/{target.pk}",
        "breaking": "/api/v1/breaking?edition=en",
        "most read": "/api/v1/most-read?edition=en",
        "openapi": "/api/v1/openapi.json",
    }


@pytest.fixture(scope="module")
def archive(module_db):
    archive = Archive().grow(SMALL)
    small = {name: count_queries(url)[0] for name, url in urls(archive).items()}
    archive.grow(LARGE)
    return archive, small


@pytest.mark.parametrize("endpoint", list(BUDGETS))
def test_query_count_does_not_grow_with_the_archive(archive, endpoint):
    archive, small = archive
    url = urls(archive)[endpoint]
    large, queries = count_queries(url)
    detail = "\n".join(query["sql"][:160] for query in queries.captured_queries)
    summary = f"{endpoint} ({url}): {small[endpoint]} queries with {SMALL}, {large} with {LARGE}"
    assert small[endpoint] == large, f"{summary}\n{detail}"
    assert large <= BUDGETS[endpoint], f"{summary}; budget {BUDGETS[endpoint]}\n{detail}"


def test_the_lists_really_are_full(archive):
    archive, _ = archive
    client = Client(HTTP_HOST="localhost")
    assert len(client.get("/api/v1/articles?edition=en").json()["articles"]) == 20
    filtered = client.get(urls(archive)["articles, filtered"]).json()["articles"]
    assert len(filtered) == 5
    assert len(client.get("/api/v1/most-read").json()["articles"]) == 5
    assert client.get("/api/v1/breaking").json()["items"]
