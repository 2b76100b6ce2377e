"""Query budgets (DESIGN.md, principle 2): cost does not grow with the archive.

Every reader page type is rendered with 10 stories in the database and again with 300,
each story carrying a lead image (from a pool of 30), authors, tags, regions, coverage
topics and body blocks that point at other stories. The page must run the same number of
queries both times, within its budget. Each page is rendered once before counting,
because the first render creates image renditions (a one-off write per image and size).
"""

import itertools
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.news.models import ArticleType
from tests import factories

SMALL, LARGE = 10, 300

# Queries per page, the second time it is rendered with 300 stories. Raise one only with a
# reason: a budget that grows with every feature stops protecting anything.
# Structured data (masthead/syndication) added: the breadcrumb trail (one query for the
# page's ancestors) on sections, stories and plain pages; the publisher's logo setting on
# the home page and stories; on stories, their tags and lead-image crops for JSON-LD.
# Editions +1 on every page below the home: one query for the page's live translations,
# which the language links and hreflang share (edition homes come from the cache).
BUDGETS = {
    "home": 38,
    # Sections +1: one query asks whether the section holds galleries or infographs.
    "section": 22,
    "section, a deep page": 22,
    "subsection": 23,
    "article": 44,
    # Region, tag and author pages +2 (media/mixed.py): one query picks the page's rows
    # from stories, videos, galleries and infographs; one labels stories with sections.
    # Each other kind on the page adds its own teaser query (tests/media/test_mixed.py).
    # Region, coverage and author pages +1 for their counterparts in the other editions
    # (the language links): the term's translations; for an author, one query per open
    # edition asking whether they have published work there.
    "region": 18,
    "tag": 17,
    "author": 18,
    "authors directory": 12,
    "coverage": 20,
    "standard page": 15,
}
# Where a small archive leaves a block empty, the page skips that block's queries.
FEWER_WHEN_SMALL = {
    "home": "with 10 stories every story is already on the front page, so Read Next is empty",
}


def count_queries(url):
    client = Client(HTTP_HOST="localhost")
    warm = client.get(url)
    assert warm.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), queries


class Archive:
    """A newsroom that can grow its archive; stories are added newest last."""

    def __init__(self):
        self.newsroom = factories.build_newsroom()
        self.now = timezone.now()
        self.count = 0
        self.stories = []
        self.pinned = False
        # Enough distinct pictures that no list shows one twice, few enough to stay quick.
        self.images = [factories.make_image(credit="Agencies") for _ in range(30)]
        about = factories.make_standard_page(
            "About Us", intro="Who we are.", body=[("paragraph", "<p>We report.</p>")]
        )
        factories.set_footer_links(about, factories.make_contact_page())
        self.sections = itertools.cycle(
            [
                (self.newsroom["politics"], ArticleType.NEWS),
                (self.newsroom["economy"], ArticleType.ANALYSIS),
                (self.newsroom["opinion"], ArticleType.OPINION),
            ]
        )

    def grow(self, total):
        newsroom = self.newsroom
        authors = [newsroom["writer"], newsroom["critic"]]
        regions = [newsroom["europe"], newsroom["africa"]]
        topics = [newsroom["election"], newsroom["floods"]]
        while self.count < total:
            number = self.count
            section, kind = next(self.sections)
            previous = self.stories[-3:]
            body = [("paragraph", f"<p>Story {number} begins here.</p>"), ("subheading", "Next")]
            if previous:
                body += [
                    ("read_next", {"article": previous[-1]}),
                    ("related_news", {"articles": previous}),
                    ("image", {"image": previous[-1].lead_image, "caption": "", "credit": ""}),
                ]
            story = factories.make_article(
                section,
                f"Archive story {number}",
                slug=f"archive-story-{number}",
                lead_image=self.images[number % len(self.images)],
                authors=authors[: 1 + number % 2],
                tags=["Budget", f"topic-{number % 7}"],
                regions=regions[: 1 + number % 2],
                coverage=topics[: 1 + number % 2],
                article_type=kind,
                source="Agencies",
                body=body,
                published_at=self.now - timedelta(minutes=10 * (LARGE - number)),
            )
            if number % 2 == 0:
                factories.add_views(story, 1 + number % 13)
            if number % 60 == 0:
                factories.make_breaking(f"Breaking {number}", article=story, attribution="Desk")
            self.stories.append(story)
            self.count += 1
        if not self.pinned:
            factories.pin(self.newsroom["election"], self.stories[4], self.stories[2])
            self.pinned = True
        return self

    def urls(self):
        target = self.stories[SMALL // 2]  # in Politics, with every kind of body block
        return {
            "home": "/en/",
            "section": "/en/news/",
            # The last page with 10 stories; an old page in the middle with 300.
            "section, a deep page": "/en/news/?page=5",
            "subsection": "/en/news/politics/",
            "article": target.url,
            "region": "/en/regions/europe/",
            "tag": "/en/tags/budget/",
            "author": "/en/authors/jane-writer/",
            "authors directory": "/en/authors/",
            "coverage": "/en/coverage/election-2030/",
            "standard page": "/en/about-us/",
        }


@pytest.fixture(scope="module")
def archive(module_db):
    archive = Archive().grow(SMALL)
    small = {name: count_queries(url)[0] for name, url in archive.urls().items()}
    archive.grow(LARGE)
    return archive, small


@pytest.mark.parametrize("page_type", list(BUDGETS))
def test_query_count_does_not_grow_with_the_archive(archive, page_type):
    archive, small = archive
    url = archive.urls()[page_type]
    large, queries = count_queries(url)
    detail = "\n".join(query["sql"][:160] for query in queries.captured_queries)
    summary = (
        f"{page_type} ({url}): {small[page_type]} queries with {SMALL} stories, "
        f"{large} with {LARGE}"
    )
    if page_type in FEWER_WHEN_SMALL:
        assert small[page_type] <= large, summary
    else:
        assert small[page_type] == large, f"{summary}\n{detail}"
    assert large <= BUDGETS[page_type], f"{summary}; budget {BUDGETS[page_type]}\n{detail}"


def test_the_archive_really_is_large(archive):
    archive, _ = archive
    from masthead.news.models import ArticlePage

    assert ArticlePage.objects.published().count() == LARGE
    # Listings are long enough to paginate, so the count query and page slicing run.
    assert b"Page 1 of" in Client(HTTP_HOST="localhost").get("/en/news/").content
