"""Query budget (DESIGN.md, principle 2): the search page and the suggestions run the same
number of queries with 10 matching stories as with 100."""

import itertools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from masthead.search.query import clean_query
from masthead.search.views import suggestion_key
from tests import factories
from tests.search.conftest import reindex

SMALL, LARGE = 10, 100
BUDGETS = {"results": 14, "results, page 2": 14, "filtered": 14, "suggestions": 3}
URLS = {
    "results": "/en/search/?q=ferry",
    "results, page 2": "/en/search/?q=ferry&page=2",
    "filtered": "/en/search/?q=ferry+timetable&type=news&region={region}&from=2000-01-01",
    "suggestions": "/en/search/suggest.json?q=ferry+tim",
}


def count_queries(url):
    client = Client(HTTP_HOST="localhost")
    warm = client.get(url)  # renditions are made once; the site root paths are cached
    assert warm.status_code == 200, url
    # Count the suggestions' real work, not their cached answer.
    cache.delete(suggestion_key(Locale.objects.get(language_code="en"), clean_query("ferry tim")))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(newsroom, images, start, total):
    regions = itertools.cycle([newsroom["europe"], newsroom["africa"]])
    now = timezone.now()
    for number in range(start, total):
        factories.make_article(
            newsroom["politics"],
            f"Ferry timetable change {number}",
            standfirst="Crossings move to the winter timetable.",
            body=[
                ("paragraph", f"<p>The ferry leaves at {number} past the hour.</p>"),
                ("image", {"image": images[number % 3], "caption": "", "credit": ""}),
            ],
            lead_image=images[number % 3],
            authors=[newsroom["writer"]],
            tags=["Transport"],
            regions=[next(regions)],
            published_at=now - timedelta(hours=number + 1),
        )
    reindex()


@pytest.mark.django_db
def test_search_queries_do_not_grow_with_the_archive(newsroom):
    images = [factories.make_image() for _ in range(3)]
    urls = {name: url.format(region=newsroom["europe"].pk) for name, url in URLS.items()}

    grow(newsroom, images, 0, SMALL)
    small = {name: count_queries(url) for name, url in urls.items()}
    grow(newsroom, images, SMALL, LARGE)
    large = {name: count_queries(url) for name, url in urls.items()}

    print(f"\nsearch queries with {SMALL} / {LARGE} stories: {small} / {large}")
    for name in urls:
        assert small[name] == large[name], f"{name}: {small[name]} vs {large[name]} queries"
        assert large[name] <= BUDGETS[name], f"{name}: {large[name]} > {BUDGETS[name]}"
