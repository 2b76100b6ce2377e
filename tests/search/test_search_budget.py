"""Query budget (DESIGN.md, principle 2): the search page and the suggestions run the same
number of queries with 10 matching pages as with 100, stories, videos, galleries,
infographs and live blogs mixed: one search query per kind, one teaser query per kind on
the page, whatever the archive holds."""

import itertools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from masthead.live.liveblog import liveblog_post
from masthead.search.query import clean_query
from masthead.search.views import suggestion_key
from tests import factories
from tests.media.factories import make_gallery, make_infograph
from tests.media.video_factories import make_video, make_video_section
from tests.search.conftest import reindex

# The first SMALL pages are fresh and fill the first two pages of results, all kinds mixed;
# the rest are months old, so they grow the archive and the ranked window behind them.
SMALL, LARGE = 20, 100
# Stories only searched in 14 queries (results) and 3 (suggestions). Each other kind adds
# its search query, and when it is on the page its teaser query and its pictures'
# renditions (a gallery three more: its captions, their images, its cover); suggestions
# add one autocomplete query per kind.
BUDGETS = {
    "results": 29,
    "results, page 2": 29,
    "filtered": 14,
    "videos only": 14,
    "suggestions": 7,
}
URLS = {
    "results": "/en/search/?q=ferry",
    "results, page 2": "/en/search/?q=ferry&page=2",
    "filtered": "/en/search/?q=ferry+timetable&type=news&region={region}&from=2000-01-01",
    "videos only": "/en/search/?q=ferry&type=video",
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


PASSAGE = (
    "Passengers with cars should arrive half an hour early; foot passengers can board "
    "until five minutes before departure. Tickets bought online stay valid on every "
    "crossing of the same day."
)


def age(number):
    return timedelta(hours=number + 1, days=0 if number < SMALL else 90)


def grow(newsroom, images, start, total):
    """Pages `start` to `total`: a story, a video, a gallery, an infograph and a live blog
    in turn, alike in their words, so that every page of results mixes the kinds."""
    regions = itertools.cycle([newsroom["europe"], newsroom["africa"]])
    videos = newsroom.get("videos") or make_video_section(title="Videos", slug="videos")
    newsroom["videos"] = videos
    now = timezone.now()
    for number in range(start, total):
        title = f"Ferry timetable change {number}"
        # An infograph's description takes 200 characters or more; every kind has the same.
        words = f"The boat leaves at {number} past the hour. " + PASSAGE
        image = images[number % 3]
        common = {
            "standfirst": "Crossings move to the winter timetable.",
            "authors": [newsroom["writer"]],
            "regions": [next(regions)],
            "tags": ["Transport"],
            "published_at": now - age(number),
        }
        kind = number % 5
        if kind == 0:
            body = [
                ("paragraph", f"<p>{words}</p>"),
                ("image", {"image": image, "caption": "", "credit": ""}),
            ]
            factories.make_article(
                newsroom["politics"], title, body=body, lead_image=image, **common
            )
        elif kind == 1:
            make_video(videos, title, poster=image, transcript=f"<p>{words}</p>", **common)
        elif kind == 2:
            make_gallery(
                newsroom["politics"], title, images=images, captions=[words, "", ""], **common
            )
        elif kind == 3:
            make_infograph(newsroom["politics"], title, image=image, description=words, **common)
        else:
            del common["published_at"]
            blog = factories.make_live_blog(
                newsroom["politics"],
                title,
                introduction="",
                lead_image=image,
                started_minutes_ago=age(number).total_seconds() // 60,
                **common,
            )
            liveblog_post(blog=blog, text=words)
    reindex()


@pytest.mark.django_db
def test_search_queries_do_not_grow_with_the_archive(newsroom):
    images = [factories.make_image() for _ in range(3)]
    urls = {name: url.format(region=newsroom["europe"].pk) for name, url in URLS.items()}

    grow(newsroom, images, 0, SMALL)
    small = {name: count_queries(url) for name, url in urls.items()}
    grow(newsroom, images, SMALL, LARGE)
    large = {name: count_queries(url) for name, url in urls.items()}

    print(f"\nsearch queries with {SMALL} / {LARGE} pages: {small} / {large}")
    for name in urls:
        assert small[name] == large[name], f"{name}: {small[name]} vs {large[name]} queries"
        assert large[name] <= BUDGETS[name], f"{name}: {large[name]} > {BUDGETS[name]}"
