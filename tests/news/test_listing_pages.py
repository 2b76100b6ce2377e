"""Section, subsection, region, tag, author, authors directory and coverage pages."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests import factories
from tests.conftest import by_class, links, one, parse, text_of

PER_PAGE = 20


@pytest.fixture(scope="module")
def world(module_db):
    """25 politics stories (newest first: Politics 1 … Politics 25), a few elsewhere."""
    newsroom = factories.build_newsroom()
    now = timezone.now()
    image = factories.make_image()
    politics = [
        factories.make_article(
            newsroom["politics"],
            f"Politics {number}",
            slug=f"politics-{number}",
            published_at=now - timedelta(hours=number),
            lead_image=image,
            regions=[newsroom["europe"]] if number % 2 else [],
            tags=["Budget"] if number <= 3 else [],
            authors=[newsroom["writer"]] if number <= 2 else [],
            coverage=[newsroom["election"]] if number <= 5 else [],
        )
        for number in range(1, 26)
    ]
    economy = factories.make_article(
        newsroom["economy"],
        "Economy story",
        published_at=now - timedelta(minutes=30),
        regions=[newsroom["africa"]],
        tags=["Markets"],
        authors=[newsroom["critic"]],
        coverage=[newsroom["floods"]],
    )
    column = factories.make_article(
        newsroom["opinion"],
        "A column",
        published_at=now - timedelta(minutes=10),
        authors=[newsroom["writer"]],
    )
    draft = factories.make_article(
        newsroom["politics"],
        "Draft politics",
        live=False,
        tags=["Budget"],
        regions=[newsroom["europe"]],
        authors=[newsroom["writer"]],
        coverage=[newsroom["election"]],
    )
    embargoed = factories.make_article(
        newsroom["politics"],
        "Embargoed politics",
        published_at=now + timedelta(hours=1),
        tags=["Budget"],
        regions=[newsroom["europe"]],
        authors=[newsroom["writer"]],
        coverage=[newsroom["election"]],
    )
    factories.pin(newsroom["election"], politics[4], politics[2], embargoed)
    return {
        **newsroom,
        "politics_stories": politics,
        "economy_story": economy,
        "column": column,
        "draft": draft,
        "embargoed": embargoed,
    }


@pytest.fixture
def reader():
    return Client(HTTP_HOST="localhost")


def titles(tree, container="listing"):
    lists = by_class(tree, container)
    assert lists, f"no .{container} on the page"
    return [text_of(one(teaser, "teaser-title")) for teaser in by_class(lists[0], "teaser")]


def get(reader, url, status=200):
    response = reader.get(url)
    assert response.status_code == status, url
    return parse(response)


def politics_titles(numbers):
    return [f"Politics {number}" for number in numbers]


class TestSectionPages:
    def test_section_lists_its_subsections_stories_newest_first(self, reader, world):
        tree = get(reader, "/en/news/")
        assert text_of(one(tree, "listing-title", "h1")) == "News"
        assert titles(tree) == ["Economy story", *politics_titles(range(1, 20))]

    def test_section_links_its_subsections(self, reader, world):
        nav = one(get(reader, "/en/news/"), "subsections", "nav")
        assert links(nav) == ["/en/news/politics/", "/en/news/economy/"]

    def test_subsection_lists_only_its_stories(self, reader, world):
        tree = get(reader, "/en/news/politics/")
        assert titles(tree) == politics_titles(range(1, 21))
        assert links(one(tree, "listing-kicker")) == ["/en/news/"]

    def test_drafts_and_embargoed_stories_are_not_listed(self, reader, world):
        for url in ("/en/news/", "/en/news/politics/"):
            content = reader.get(url).content.decode()
            assert "Draft politics" not in content
            assert "Embargoed politics" not in content

    def test_teasers_show_section_standfirst_date_and_image(self, reader, world):
        teaser = by_class(get(reader, "/en/news/politics/"), "teaser")[0]
        assert text_of(one(teaser, "teaser-section")) == "Politics"
        assert text_of(one(teaser, "teaser-standfirst")) == "A short summary of what happened."
        assert one(teaser, "teaser-time", "time").get("datetime")
        assert teaser.find(".//img").get("src").startswith("/media/images/")
        assert one(teaser, "teaser-title").find("a").get("href") == (
            "/en/news/politics/politics-1/"
        )

    def test_second_page_holds_the_older_stories(self, reader, world):
        tree = get(reader, "/en/news/politics/?page=2")
        assert titles(tree) == politics_titles(range(21, 26))
        pagination = one(tree, "pagination", "nav")
        assert "Page 2 of 2" in text_of(pagination)
        assert [a.get("href") for a in pagination.xpath(".//a[@rel='prev']")] == ["?page=1"]
        assert not pagination.xpath(".//a[@rel='next']")
        # A tab or a search result tells page 2 from page 1.
        assert tree.findtext(".//title") == "Politics — Page 2 | The Daily Test"
        assert get(reader, "/en/news/politics/").findtext(".//title") == "Politics | The Daily Test"

    def test_first_page_links_to_older_stories(self, reader, world):
        pagination = one(get(reader, "/en/news/politics/"), "pagination", "nav")
        assert "Page 1 of 2" in text_of(pagination)
        assert [a.get("href") for a in pagination.xpath(".//a[@rel='next']")] == ["?page=2"]

    def test_empty_section_says_so(self, reader, world):
        tree = get(reader, "/en/articles/")
        assert titles(tree) == ["A column"]
        tree = get(reader, world["economy"].url + "?page=3")
        assert titles(tree) == ["Economy story"]


class TestBadPageNumbers:
    @pytest.mark.parametrize("value", ["abc", "0", "-1", "999999"])
    @pytest.mark.parametrize(
        "url",
        [
            "/en/news/politics/",
            "/en/regions/europe/",
            "/en/tags/budget/",
            "/en/authors/jane-writer/",
            "/en/coverage/election-2030/",
        ],
    )
    def test_never_an_error(self, reader, world, url, value):
        tree = get(reader, f"{url}?page={value}")
        assert titles(tree), "a bad page number still shows a list of stories"

    @pytest.mark.parametrize("value", ["1.5", "", "%00", "9" * 30, "2&page=x", "１"])
    def test_odd_values_on_a_section(self, reader, world, value):
        assert titles(get(reader, f"/en/news/politics/?page={value}"))

    def test_not_a_number_shows_the_first_page(self, reader, world):
        assert titles(get(reader, "/en/news/politics/?page=abc")) == politics_titles(range(1, 21))

    @pytest.mark.parametrize("value", ["0", "-1", "-999"])
    def test_zero_or_negative_shows_the_first_page(self, reader, world, value):
        tree = get(reader, f"/en/news/politics/?page={value}")
        assert titles(tree) == politics_titles(range(1, 21))

    def test_past_the_end_shows_the_last_page(self, reader, world):
        tree = get(reader, "/en/news/politics/?page=999999")
        assert titles(tree) == politics_titles(range(21, 26))


class TestRegionPages:
    def test_lists_the_regions_stories(self, reader, world):
        tree = get(reader, "/en/regions/europe/")
        assert text_of(one(tree, "listing-title", "h1")) == "Europe"
        assert titles(tree) == politics_titles(range(1, 26, 2))

    def test_other_regions_stories_are_not_listed(self, reader, world):
        assert titles(get(reader, "/en/regions/africa/")) == ["Economy story"]

    def test_region_navigation_links_here(self, reader, world):
        nav = one(get(reader, "/en/"), "region-nav", "nav")
        assert links(nav) == ["/en/regions/africa/", "/en/regions/europe/"]


class TestTagPages:
    def test_lists_the_tagged_stories(self, reader, world):
        tree = get(reader, "/en/tags/budget/")
        assert text_of(one(tree, "listing-title", "h1")) == "Budget"
        assert titles(tree) == politics_titles([1, 2, 3])

    def test_another_tag(self, reader, world):
        assert titles(get(reader, "/en/tags/markets/")) == ["Economy story"]


class TestAuthorPages:
    def test_author_page_shows_the_author_and_their_stories(self, reader, world):
        tree = get(reader, "/en/authors/jane-writer/")
        header = one(tree, "author-header")
        assert text_of(one(header, "listing-title")) == "Jane Writer"
        assert text_of(one(header, "author-role")) == "Political editor"
        assert "Jane covers parliament and the budget." in text_of(header)
        assert "https://x.com/janewriter" in links(header)
        assert one(header, "author-photo", "img").get("src").startswith("/media/images/")
        assert titles(tree) == ["A column", *politics_titles([1, 2])]

    def test_another_author(self, reader, world):
        assert titles(get(reader, "/en/authors/sam-critic/")) == ["Economy story"]

    def test_authors_directory_links_every_author(self, reader, world):
        tree = get(reader, "/en/authors/")
        assert text_of(one(tree, "listing-title", "h1")) == "Authors"
        cards = by_class(tree, "author-card", "li")
        assert [(text_of(one(c, "author-name")), links(c)) for c in cards] == [
            ("Jane Writer", ["/en/authors/jane-writer/"]),
            ("Sam Critic", ["/en/authors/sam-critic/"]),
        ]
        assert text_of(one(cards[0], "author-role")) == "Political editor"
        assert cards[0].find(".//img") is not None


class TestCoveragePages:
    def test_pinned_stories_come_first_in_the_editors_order(self, reader, world):
        tree = get(reader, "/en/coverage/election-2030/")
        assert text_of(one(tree, "listing-title", "h1")) == "Election 2030"
        pinned = one(tree, "pinned", "section")
        assert [text_of(one(t, "teaser-title")) for t in by_class(pinned, "teaser")] == [
            "Politics 5",
            "Politics 3",
        ]
        order = {element: index for index, element in enumerate(tree.iter())}
        assert order[pinned] < order[one(tree, "listing")]

    def test_the_rest_follow_newest_first_without_the_pinned(self, reader, world):
        tree = get(reader, "/en/coverage/election-2030/")
        assert titles(tree) == politics_titles([1, 2, 4])

    def test_an_embargoed_pin_is_not_shown(self, reader, world):
        content = reader.get("/en/coverage/election-2030/").content.decode()
        assert "Embargoed politics" not in content
        assert "Draft politics" not in content

    def test_topic_without_pins(self, reader, world):
        tree = get(reader, "/en/coverage/river-floods/")
        assert not by_class(tree, "pinned")
        assert titles(tree) == ["Economy story"]


class TestUnknownSlugs:
    @pytest.mark.parametrize(
        "url",
        [
            "/en/news/politics/no-such-story/",
            "/en/news/no-such-section/",
            "/en/no-such-section/",
            "/en/regions/atlantis/",
            "/en/tags/no-such-tag/",
            "/en/authors/nobody/",
            "/en/coverage/no-such-topic/",
            "/en/news/politics/politics-1/extra/",
            "/en/news/economy/politics-1/",
        ],
    )
    def test_404(self, reader, world, url):
        assert reader.get(url).status_code == 404

    def test_404_page_has_the_site_chrome(self, reader, world):
        response = reader.get("/en/regions/atlantis/")
        assert response.status_code == 404
        tree = parse(response)
        assert text_of(one(tree, "error-code")) == "404"
        assert text_of(one(tree, "brand-name")) == "The Daily Test"
        assert links(one(tree, "site-nav", "nav"))[:2] == ["/en/news/", "/en/news/politics/"]
        assert one(tree, "site-footer", "footer") is not None
        assert "/en/authors/" in links(one(tree, "site-footer", "footer"))
        assert tree.findtext(".//title").startswith("Page not found")
