"""Query budgets for the API (DESIGN.md, principle 2): each endpoint runs the same number
of queries with 10 stories (and videos, galleries, infographs, live blogs) and with 60,
within its budget. The archive is the reader
pages' one (tests/news/test_query_budgets.py): lead images, authors, tags, regions,
coverage, views, breaking lines and bodies with images and links to other stories."""

from datetime import timedelta

import pytest
from django.test import Client

from masthead.api.views import encode_cursor
from masthead.live.liveblog import liveblog_post
from tests import factories
from tests.media import factories as media_factories
from tests.media import video_factories
from tests.news.test_query_budgets import Archive, count_queries
from tests.search.conftest import reindex

SMALL, LARGE = 10, 60

# Queries per request with 60 stories. Raise one only with a reason (see the reader
# pages' budgets). A list is: the edition's home, the stories, their lead images'
# renditions, their sections; each filter adds at most one (the section's lookup).
BUDGETS = {
    # The index and the description are built from code alone.
    "index": 0,
    "editions": 1,
    "sections": 2,
    "articles": 4,
    "articles, filtered": 5,
    "articles, next page": 4,
    # The story; its section, authors (+photos' renditions), tags, regions, coverage; the
    # body's images and linked stories; read next and its sections; its translations.
    "article": 15,
    "breaking": 2,
    "most read": 4,
    "openapi": 0,
    "docs": 0,
    # The menu; the regions. Each list: the home and the list itself.
    "navigation": 3,
    "regions": 2,
    "coverage": 2,
    # The topic; its pins' ids; pinned stories and the latest, each with renditions; their
    # sections.
    "coverage topic": 8,
    # The story's and the edition home's; byline (authors, photos' renditions), tags,
    # regions; the body's linked stories and images; site settings for the rights.
    "ninjs": 12,
    # Home, the videos with posters, the posters' renditions (+ a lookup per filter that
    # names a section or series).
    "videos": 3,
    "videos, filtered": 5,
    # The video with poster and file; its series, section, authors, tags, regions and the
    # poster's renditions.
    "video": 7,
    # Home; galleries with count and cover id; the covers and their renditions.
    "galleries": 4,
    # The gallery; cover and renditions; section, authors, tags, regions; the photos with
    # images, and their renditions.
    "gallery": 9,
    "infographs": 3,
    "infograph": 7,
    # Home; the blogs with their update counts and lead images; the images' renditions;
    # their sections (+ the section filter's lookup).
    "live blogs": 4,
    "live blogs, filtered": 5,
    # The blog with its counts and lead image; renditions; section; authors, their
    # photos' renditions; tags; regions.
    "live blog": 8,
    # The blog; its updates; its key events (+ the `since` update).
    "live blog updates": 3,
    "live blog updates since": 4,
    # The form's editions, sections and regions; the ranking; the page's stories, their
    # renditions and sections; home.
    "search": 9,
}


class MediaArchive(Archive):
    """The story archive plus videos (in a series and not), galleries, infographs, a
    live blog's updates and a search index, each growing with the stories."""

    def __init__(self):
        super().__init__()
        newsroom = self.newsroom
        self.film_section = video_factories.make_video_section(newsroom["home"], "Films")
        self.series = video_factories.make_series(self.film_section, "Series")
        self.film = video_factories.make_video_file(captions=video_factories.CAPTIONS)
        self.data = media_factories.make_document()
        self.blog = factories.make_live_blog(
            newsroom["politics"],
            "Live count",
            lead_image=self.images[0],
            authors=[newsroom["writer"], newsroom["critic"]],
        )
        self.blog.tags.add("river")
        self.blog.regions = [newsroom["europe"]]
        self.blog.save()
        self.videos, self.galleries, self.infographs, self.updates = [], [], [], []
        self.blogs = []

    def grow(self, total):
        super().grow(total)
        newsroom = self.newsroom
        while len(self.videos) < total:
            number = len(self.videos)
            published_at = self.now - timedelta(minutes=10 * (LARGE - number) + 5)
            tags = ["river", f"topic-{number % 5}"]
            self.videos.append(
                video_factories.make_video(
                    self.series if number % 2 else self.film_section,
                    f"Film {number}",
                    video_file=self.film if number % 3 == 0 else None,
                    poster=self.images[number % len(self.images)],
                    episode_number=number if number % 2 else None,
                    authors=[newsroom["writer"]],
                    tags=tags,
                    regions=[newsroom["europe"]],
                    published_at=published_at,
                )
            )
            self.galleries.append(
                media_factories.make_gallery(
                    newsroom["news"],
                    f"Gallery {number}",
                    images=self.images[number % 20 : number % 20 + 3 + number % 5],
                    authors=[newsroom["critic"]],
                    tags=tags,
                    published_at=published_at,
                )
            )
            self.infographs.append(
                media_factories.make_infograph(
                    newsroom["economy"],
                    f"Infograph {number}",
                    image=self.images[number % len(self.images)],
                    data_file=self.data,
                    authors=[newsroom["writer"]],
                    published_at=published_at,
                )
            )
            self.blogs.append(
                factories.make_live_blog(
                    newsroom["economy"] if number % 2 else newsroom["politics"],
                    f"Live {number}",
                    lead_image=self.images[number % len(self.images)] if number % 3 else None,
                    status="ended" if number % 4 == 0 else "live",
                    authors=[newsroom["writer"]],
                    started_minutes_ago=10 * (LARGE - number) + 5,
                )
            )
            self.updates.append(
                liveblog_post(
                    blog=self.blog,
                    text=f"Update {number}",
                    key_event=number % 4 == 0,
                    posted_at=published_at,
                )
            )
        reindex()
        return self


def urls(archive):
    target = archive.stories[SMALL // 2]  # every kind of body block
    # The fifth-newest story: a page boundary however many stories there are.
    cursor_from = sorted(archive.stories, key=lambda s: (s.published_at, s.pk))[-5]
    return {
        "index": "/api/v1/",
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
        "docs": "/api/v1/docs",
        "navigation": "/api/v1/navigation",
        "regions": "/api/v1/regions",
        "coverage": "/api/v1/coverage",
        "coverage topic": "/api/v1/coverage/election-2030",
        "ninjs": f"/api/v1/articles/{target.pk}/ninjs",
        "videos": "/api/v1/videos",
        "videos, filtered": (
            f"/api/v1/videos?section={archive.film_section.pk}&region=europe&tag=river"
            f"&author=jane-writer&series={archive.series.pk}&limit=5"
        ),
        "video": f"/api/v1/videos/{archive.videos[3].pk}",
        "galleries": "/api/v1/galleries",
        "gallery": f"/api/v1/galleries/{archive.galleries[-1].pk}",
        "infographs": "/api/v1/infographs",
        "infograph": f"/api/v1/infographs/{archive.infographs[1].pk}",
        "live blogs": "/api/v1/live-blogs",
        "live blogs, filtered": (
            f"/api/v1/live-blogs?section={archive.newsroom['news'].pk}&status=live"
            "&author=jane-writer&limit=5"
        ),
        "live blog": f"/api/v1/live-blogs/{archive.blog.pk}",
        "live blog updates": f"/api/v1/live-blogs/{archive.blog.pk}/updates",
        "live blog updates since": (
            f"/api/v1/live-blogs/{archive.blog.pk}/updates?since={archive.updates[2].pk}"
        ),
        "search": "/api/v1/search?q=story&type=news",
    }


@pytest.fixture(scope="module")
def archive(module_db):
    archive = MediaArchive().grow(SMALL)
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
    assert len(client.get(urls(archive)["videos"]).json()["videos"]) == 20
    assert len(client.get(urls(archive)["videos, filtered"]).json()["videos"]) == 5
    assert len(client.get(urls(archive)["galleries"]).json()["galleries"]) == 20
    assert len(client.get(urls(archive)["infographs"]).json()["infographs"]) == 20
    assert len(client.get(urls(archive)["live blogs"]).json()["live_blogs"]) == 20
    filtered_blogs = client.get(urls(archive)["live blogs, filtered"]).json()["live_blogs"]
    assert len(filtered_blogs) == 5
    updates = client.get(urls(archive)["live blog updates since"]).json()["updates"]
    assert len(updates) == 20
    assert len(client.get(urls(archive)["search"]).json()["results"]) == 10
    topic = client.get(urls(archive)["coverage topic"]).json()
    assert len(topic["pinned"]) == 2 and len(topic["latest"]) == 20
