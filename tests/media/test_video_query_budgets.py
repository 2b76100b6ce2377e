"""Query budgets for the video pages (DESIGN.md, principle 2), as for stories in
tests/news/test_query_budgets.py: each page runs the same number of queries with 3 videos
and with 30, within its budget. Videos carry posters, authors, tags and regions; the TV
section holds a series whose episodes grow with the archive, and a few stories.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.media import video_factories
from tests.news.test_query_budgets import count_queries

SMALL, LARGE = 3, 30

# Video sections are sections: +1 for the breadcrumb trail of their structured data.
# Editions +1 on every page: the page's translations (language links and hreflang).
BUDGETS = {
    # +1 since stories in a video section are labelled with their subsection (mixed.py).
    "videos section": 27,
    "video subsection": 28,  # and its series strip
    "video subsection, page 2": 28,
    # +1 for the breadcrumb trail in their structured data.
    "series": 22,
    "episode": 30,
    "uploaded video": 27,
}
# With 3 videos the subsection has one page, so ?page=2 shows the last (the first) page;
# with 30 it is a real second page. A page showing only one kind skips a fetch.


class VideoArchive:
    def __init__(self):
        newsroom = factories.build_newsroom()
        self.now = timezone.now()
        self.count = 0
        self.authors = [newsroom["writer"], newsroom["critic"]]
        self.regions = [newsroom["europe"], newsroom["africa"]]
        self.posters = [factories.make_image(credit="Agencies") for _ in range(10)]
        self.top = video_factories.make_video_section(title="Videos", slug="videos")
        self.explainers = video_factories.make_video_section(
            self.top, "Explainers", slug="explainers"
        )
        self.tv = video_factories.make_video_section(self.top, "TV", slug="tv")
        self.series = video_factories.make_series(
            self.tv, "The Hour", slug="the-hour", artwork=self.posters[0]
        )
        # Two recent stories and an old one: every listing page mixes stories and videos.
        for number, age in enumerate(
            [timedelta(minutes=15), timedelta(minutes=25), timedelta(days=365)]
        ):
            factories.make_article(
                self.tv,
                f"TV report {number}",
                lead_image=self.posters[1],
                published_at=self.now - age,
            )
        self.uploaded = video_factories.make_video(
            self.explainers,
            "Uploaded film",
            slug="uploaded-film",
            video_file=video_factories.make_video_file(captions=video_factories.CAPTIONS),
            poster=self.posters[2],
            transcript="<p>Every word.</p>",
            authors=self.authors,
            tags=["Harbour"],
            regions=self.regions,
            published_at=self.now - timedelta(days=30),
        )
        self.episodes = []

    def grow(self, total):
        while self.count < total:
            number = self.count
            parent = [self.explainers, self.tv, self.series][number % 3]
            video = video_factories.make_video(
                parent,
                f"Archive video {number}",
                slug=f"archive-video-{number}",
                poster=self.posters[number % len(self.posters)],
                duration=30 + number,
                episode_number=number + 1 if parent is self.series else None,
                authors=self.authors[: 1 + number % 2],
                tags=["Budget", f"topic-{number % 5}"],
                regions=self.regions[: 1 + number % 2],
                published_at=self.now - timedelta(minutes=10 * (LARGE - number)),
            )
            if parent is self.series:
                self.episodes.append(video)
            self.count += 1
        return self

    def urls(self):
        return {
            "videos section": "/en/videos/",
            "video subsection": "/en/videos/tv/",
            "video subsection, page 2": "/en/videos/tv/?page=2",
            "series": "/en/videos/tv/the-hour/",
            "episode": self.episodes[0].url,  # the first: with 30 videos it has a "next"
            "uploaded video": self.uploaded.url,
        }


@pytest.fixture(scope="module")
def archive(module_db):
    archive = VideoArchive().grow(SMALL)
    small = {name: count_queries(url)[0] for name, url in archive.urls().items()}
    archive.grow(LARGE)
    return archive, small


@pytest.mark.parametrize("page_type", list(BUDGETS))
def test_query_count_does_not_grow_with_the_video_archive(archive, page_type):
    archive, small = archive
    url = archive.urls()[page_type]
    large, queries = count_queries(url)
    detail = "\n".join(query["sql"][:160] for query in queries.captured_queries)
    summary = f"{page_type} ({url}): {small[page_type]} queries with {SMALL}, {large} with {LARGE}"
    assert small[page_type] == large, f"{summary}\n{detail}"
    assert large <= BUDGETS[page_type], f"{summary}; budget {BUDGETS[page_type]}\n{detail}"


def test_the_archive_really_is_larger(archive):
    from masthead.media.models import VideoPage

    archive, _ = archive
    assert VideoPage.objects.published().count() == LARGE + 1
    assert len(archive.episodes) == LARGE // 3
