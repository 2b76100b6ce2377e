"""The sitemap index, its sitemaps, the Google News sitemap and robots.txt, parsed by lxml."""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree

from tests import factories

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
STORY = "http://localhost/en/news/politics/parliament-passes-the-budget/"


def xml_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert "xml" in response["Content-Type"]
    return etree.fromstring(response.content)


def urls_of(tree):
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in tree.iterfind("sm:url", NS)
    }


@pytest.fixture(scope="module")
def archive_story(desk):
    """A story older than the Google News window, updated since."""
    now = timezone.now()
    return factories.make_article(
        desk["economy"],
        "Last year's budget",
        published_at=now - timedelta(days=400),
        updated_at=now - timedelta(days=3),
    )


def test_the_index_lists_every_edition_and_section_sitemap(client, desk, archive_story):
    tree = xml_of(client, "/sitemap.xml")
    assert tree.tag == f"{{{NS['sm']}}}sitemapindex"
    children = {
        item.findtext("sm:loc", namespaces=NS): item.findtext("sm:lastmod", namespaces=NS)
        for item in tree.iterfind("sm:sitemap", NS)
    }
    assert set(children) == {
        "http://localhost/sitemap-en.xml",
        "http://localhost/sitemap-en-news.xml",
        "http://localhost/sitemap-en-articles.xml",
    }
    # Each child's lastmod is the latest change among its stories.
    story = desk["story"]
    assert children["http://localhost/sitemap-en-news.xml"] == story.updated_at.isoformat()
    assert children["http://localhost/sitemap-en-articles.xml"] == (
        desk["column"].published_at.isoformat()
    )
    for url in children:
        assert client.get(url).status_code == 200


def test_a_section_sitemap_lists_its_stories_with_lastmod(client, desk, archive_story):
    urls = urls_of(xml_of(client, "/sitemap-en-news.xml"))
    assert urls[STORY] == desk["story"].updated_at.isoformat()
    archive_url = f"http://localhost{archive_story.url}"
    assert urls[archive_url] == archive_story.updated_at.isoformat()
    # Not the opinion column (another section), not the embargoed story, not a draft.
    assert not any("falls-short" in url for url in urls)
    assert not any("embargoed" in url or "unfinished" in url for url in urls)


def test_the_edition_sitemap_lists_its_pages(client, desk):
    urls = urls_of(xml_of(client, "/sitemap-en.xml"))
    for path in [
        "",
        "news/",
        "news/politics/",
        "articles/opinion/",
        "authors/",
        "authors/jane-writer/",
        "regions/europe/",
        "coverage/election-2030/",
    ]:
        assert f"http://localhost/en/{path}" in urls, path
    assert urls["http://localhost/en/news/politics/"] == desk["story"].updated_at.isoformat()
    assert not any("parliament-passes" in url for url in urls)


def test_large_sections_are_split_into_pages(client, desk, archive_story, monkeypatch):
    from masthead.syndication.sitemaps import SectionStoriesSitemap

    monkeypatch.setattr(SectionStoriesSitemap, "limit", 1)
    tree = xml_of(client, "/sitemap.xml")
    locations = [item.findtext("sm:loc", namespaces=NS) for item in tree.iterfind("sm:sitemap", NS)]
    assert "http://localhost/sitemap-en-news.xml?p=2" in locations
    page_two = urls_of(xml_of(client, "/sitemap-en-news.xml?p=2"))
    assert len(page_two) == 1  # News holds two published stories: one per page


@pytest.mark.parametrize(
    "url", ["/sitemap-xx.xml", "/sitemap-en-nothing.xml", "/sitemap-en.xml?p=9"]
)
def test_unknown_sitemaps_are_404(client, desk, url):
    assert client.get(url).status_code == 404


def test_the_news_sitemap_holds_the_last_48_hours(client, desk, archive_story):
    tree = xml_of(client, "/news-sitemap.xml")
    entries = {}
    for url in tree.iterfind("sm:url", NS):
        news = url.find("news:news", NS)
        entries[url.findtext("sm:loc", namespaces=NS)] = {
            "name": news.findtext("news:publication/news:name", namespaces=NS),
            "language": news.findtext("news:publication/news:language", namespaces=NS),
            "date": news.findtext("news:publication_date", namespaces=NS),
            "title": news.findtext("news:title", namespaces=NS),
        }
    story = desk["story"]
    assert entries[STORY] == {
        "name": "The Daily Test",
        "language": "en",
        "date": story.published_at.replace(microsecond=0).isoformat(),
        "title": "Parliament passes the budget",
    }
    # Three days old, a year old, embargoed or a draft: not news any more, or not yet.
    assert all("falls-short" not in url for url in entries)
    assert f"http://localhost{archive_story.url}" not in entries
    assert all("embargoed" not in url and "unfinished" not in url for url in entries)


def test_publishing_updates_the_sitemaps_at_once(client, desk):
    xml_of(client, "/news-sitemap.xml")
    xml_of(client, "/sitemap-en-news.xml")
    fresh = factories.make_article(desk["economy"], "Breaking budget vote", live=False)
    fresh.save_revision().publish()
    url = f"http://localhost{fresh.url}"
    assert url in urls_of(xml_of(client, "/news-sitemap.xml"))
    assert url in urls_of(xml_of(client, "/sitemap-en-news.xml"))


def test_robots_txt_points_at_both_sitemaps(client, desk):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Sitemap: http://localhost/news-sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
