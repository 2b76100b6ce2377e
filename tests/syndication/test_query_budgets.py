"""Query budgets for feeds and sitemaps: building one costs the same with 10 stories as
with 100 (DESIGN.md, principle 2). Each document is fetched once to create image
renditions, then the syndication version is bumped so the counted request rebuilds it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from masthead.syndication.cache import syndication_changed
from masthead.syndication.models import SyndicationSettings
from tests.news.test_query_budgets import Archive

SMALL, LARGE = 10, 100

# Queries to build each document; a cached one costs fewer still (see the last test).
# The index grows with the number of sections (two queries each), never with stories.
# Feeds +1 since they mix stories, videos, galleries and infographs: one query picks the
# newest items across kinds (media/mixed.py); each other kind present adds its own.
BUDGETS = {
    "/feed/": 12,
    "/en/feed/atom/": 16,
    "/en/news/feed/": 18,
    "/en/news/politics/feed/atom/": 20,
    "/en/regions/europe/feed/": 17,
    "/en/tags/budget/feed/": 17,
    "/en/authors/jane-writer/feed/": 17,
    "/en/coverage/election-2030/feed/": 17,
    "/sitemap.xml": 21,
    # +1 since editions: the listed pages' versions in other editions (hreflang); in a
    # section's sitemap one per kind of page on it (stories only here).
    "/sitemap-en.xml": 17,
    "/sitemap-en-news.xml": 9,
    "/news-sitemap.xml": 6,
}


def count_build(url, *, full_text=False):
    client = Client(HTTP_HOST="localhost")
    assert client.get(url).status_code == 200, url
    syndication_changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), queries


@pytest.fixture(scope="module")
def archive(module_db):
    archive = Archive().grow(SMALL)
    small = {url: count_build(url)[0] for url in BUDGETS}
    archive.grow(LARGE)
    return archive, small


@pytest.mark.parametrize("url", list(BUDGETS))
def test_building_a_document_does_not_grow_with_the_archive(archive, url):
    _archive, small = archive
    large, queries = count_build(url)
    detail = "\n".join(query["sql"][:160] for query in queries.captured_queries)
    summary = f"{url}: {small[url]} queries with {SMALL} stories, {large} with {LARGE}"
    assert small[url] == large, f"{summary}\n{detail}"
    assert large <= BUDGETS[url], f"{summary}; budget {BUDGETS[url]}\n{detail}"


def test_full_text_costs_no_query_per_story(archive):
    archive, _small = archive
    settings = SyndicationSettings.for_site(archive.newsroom["home"].get_site())
    settings.feeds_full_text = True
    settings.save()
    large, queries = count_build("/en/feed/")
    assert large <= BUDGETS["/en/feed/atom/"], "\n".join(q["sql"][:160] for q in queries)
    settings.feeds_full_text = False
    settings.save()


def test_a_cached_feed_costs_next_to_nothing(archive):
    client = Client(HTTP_HOST="localhost")
    client.get("/en/news/feed/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/news/feed/").status_code == 200
    # Only Wagtail finding the section page for the route: no story, image or author is read.
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "news_articlepage" not in tables and "media_" not in tables and "taggit" not in tables
    assert len(queries) < BUDGETS["/en/news/feed/"] / 2
