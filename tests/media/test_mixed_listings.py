"""Region, tag and author pages list everything filed under them: stories, videos,
galleries and infographs in one list, newest first, each drawn with its own card, at a
fixed number of queries however many of each kind there are (masthead/media/mixed.py).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.conftest import parse
from tests.media import factories as visual_factories
from tests.media import video_factories
from tests.news.test_query_budgets import count_queries

pytestmark = pytest.mark.django_db


class Desk:
    """One of each kind, all by Jane Writer, in Europe, tagged Budget; `add` files more."""

    def __init__(self):
        self.newsroom = factories.build_newsroom()
        self.videos = video_factories.make_video_section(title="Videos", slug="videos")
        self.pictures = factories.make_section(title="In Pictures", slug="in-pictures")
        self.now = timezone.now()
        self.count = 0

    def filed(self, minutes_ago):
        return {
            "authors": [self.newsroom["writer"]],
            "tags": ["Budget"],
            "regions": [self.newsroom["europe"]],
            "published_at": self.now - timedelta(minutes=minutes_ago),
        }

    def add(self, rounds):
        for _ in range(rounds):
            n, self.count = self.count, self.count + 1
            minutes = 10 * n
            factories.make_article(
                self.newsroom["politics"], f"Story {n}", **self.filed(minutes + 1)
            )
            video_factories.make_video(self.videos, f"Film {n}", **self.filed(minutes + 2))
            visual_factories.make_gallery(self.pictures, f"Gallery {n}", **self.filed(minutes + 3))
            visual_factories.make_infograph(self.pictures, f"Chart {n}", **self.filed(minutes + 4))
        return self


def cards(client, url):
    tree = parse(client.get(url))
    items = tree.xpath("//ul[contains(@class, 'listing')]/li/article")
    return [
        (item.get("class").split()[-1], item.xpath(".//h3//a")[0].text_content().strip())
        for item in items
    ]


EVERY_KIND = [
    ("teaser--card", "Story 0"),
    ("teaser--video", "Film 0"),
    ("visual-card", "Gallery 0"),
    ("visual-card", "Chart 0"),
]


@pytest.mark.parametrize(
    "url", ["/en/regions/europe/", "/en/tags/budget/", "/en/authors/jane-writer/"]
)
def test_term_pages_list_every_kind_newest_first(client, url):
    Desk().add(1)
    assert cards(client, url) == EVERY_KIND


def test_other_terms_do_not_list_them(client):
    Desk().add(1)
    assert cards(client, "/en/regions/africa/") == []
    assert cards(client, "/en/authors/sam-critic/") == []


def test_embargoed_and_draft_pages_stay_out(client):
    desk = Desk().add(1)
    later = desk.filed(-60)  # an hour from now
    video_factories.make_video(desk.videos, "Film under embargo", **later)
    visual_factories.make_gallery(desk.pictures, "Gallery under embargo", **later)
    visual_factories.make_infograph(desk.pictures, "Draft chart", live=False, **desk.filed(0))
    assert cards(client, "/en/regions/europe/") == EVERY_KIND


def test_a_gallery_card_shows_its_cover_and_photo_count(client):
    Desk().add(1)
    tree = parse(client.get("/en/tags/budget/"))
    gallery = tree.xpath("//article[.//a[normalize-space()='Gallery 0']]")[0]
    assert gallery.xpath(".//picture")
    assert gallery.xpath("string(.//*[@class='photo-count'])") == "3 photos"


def test_pages_follow_each_other_across_kinds(client):
    Desk().add(6)  # 24 items: 20 on the first page, 4 on the second
    first = cards(client, "/en/regions/europe/")
    second = cards(client, "/en/regions/europe/?page=2")
    assert len(first) == 20 and len(second) == 4
    assert second[-1] == ("visual-card", "Chart 5")


@pytest.mark.parametrize(
    "url", ["/en/regions/europe/", "/en/tags/budget/", "/en/authors/jane-writer/"]
)
def test_query_count_does_not_grow_with_the_number_of_each_kind(client, url):
    desk = Desk().add(2)
    small, _ = count_queries(url)
    desk.add(8)
    large, queries = count_queries(url)
    # Stories 17 (tests/news/test_query_budgets.py); one teaser query each for videos,
    # galleries (+ their covers) and infographs on the page. Region and author pages +1:
    # their counterparts in the other editions, for the language links.
    budget = 21 if "/tags/" in url else 22
    assert small == large <= budget, "\n".join(q["sql"][:160] for q in queries.captured_queries)
