"""Feeds and sitemaps per edition: each edition's feeds speak its language and carry only
its stories; sitemaps name every version of a translated page; Google News gets each
story's language."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone
from lxml import etree
from wagtail.models import Locale

from tests import factories
from tests.syndication.test_sitemaps import NS, xml_of

XHTML = "{http://www.w3.org/1999/xhtml}link"


@pytest.fixture
def editions(newsroom):
    """An English story translated into Arabic, and one story in each edition alone."""
    factories.open_edition("ar")
    factories.translate(newsroom["news"], "ar", title="أخبار")
    arabic_politics = factories.translate(newsroom["politics"], "ar", title="سياسة")
    earlier = timezone.now() - timedelta(hours=2)
    budget = factories.make_article(
        newsroom["politics"], "Budget passes", slug="budget", published_at=earlier
    )
    arabic_budget = factories.translate(budget, "ar", title="إقرار الميزانية", slug="mizania")
    english_only = factories.make_article(newsroom["politics"], "Only in English", slug="en-only")
    arabic_only = factories.make_article(arabic_politics, "خبر عربي فقط", slug="ar-only")
    return {
        "budget": budget,
        "arabic_budget": arabic_budget,
        "english_only": english_only,
        "arabic_only": arabic_only,
    }


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return feedparser.parse(response.content)


@pytest.mark.parametrize("url", ["/ar/feed/", "/ar/feed/atom/", "/ar/news/feed/"])
def test_an_editions_feeds_speak_its_language_and_carry_its_stories(client, editions, url):
    parsed = feed(client, url)
    assert parsed.feed.language == "ar"
    assert {entry.title for entry in parsed.entries} == {"إقرار الميزانية", "خبر عربي فقط"}


def test_the_english_feed_has_no_arabic_story(client, editions):
    parsed = feed(client, "/en/feed/")
    assert parsed.feed.language == "en"
    assert {entry.title for entry in parsed.entries} == {"Budget passes", "Only in English"}


def test_each_editions_feed_has_its_own_name_and_slogan(client, editions):
    arabic_home = factories.home_page().get_translation(Locale.objects.get(language_code="ar"))
    arabic_home = arabic_home.specific.get_latest_revision_as_object()
    arabic_home.slogan = "أخبار هادئة"
    arabic_home.save_revision().publish()
    arabic, english = feed(client, "/ar/feed/").feed, feed(client, "/en/feed/").feed
    assert arabic.title == "العربيّة | The Daily Test"  # Django's own name for Arabic
    assert arabic.subtitle == "أخبار هادئة"
    assert english.title == "English | The Daily Test"
    assert english.title != feed(client, "/ar/feed/atom/").feed.title


def test_atom_says_its_language_on_the_feed(client, editions):
    root = etree.fromstring(client.get("/ar/feed/atom/").content)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EDITION_TITLES = {
    "Budget passes": "en",
    "Only in English": "en",
    "إقرار الميزانية": "ar",
    "خبر عربي فقط": "ar",
}


def test_the_site_wide_rss_feed_names_each_items_language_not_one_for_all(client, editions):
    response = client.get("/feed/")
    assert b"<language>" not in response.content
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0
    assert "language" not in parsed.feed
    assert {entry.title: entry.language for entry in parsed.entries} == EDITION_TITLES


def test_the_site_wide_atom_feed_puts_xml_lang_on_each_entry(client, editions):
    response = client.get("/feed/atom/")
    root = etree.fromstring(response.content)
    assert root.get(XML_LANG) is None
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0
    by_title = {entry.title: entry.title_detail.language for entry in parsed.entries}
    assert by_title == EDITION_TITLES
    assert {entry.summary_detail.language for entry in parsed.entries} == {"en", "ar"}


@pytest.mark.parametrize("url", ["/en/feed/", "/ar/feed/atom/"])
def test_an_editions_feed_says_its_language_once(client, editions, url):
    content = client.get(url).content
    assert b"dc:language" not in content
    if url.endswith("atom/"):
        root = etree.fromstring(content)
        assert [e.get(XML_LANG) for e in root.iter("{http://www.w3.org/2005/Atom}entry")] == [
            None,
            None,
        ]


def test_each_edition_has_its_sitemaps(client, editions):
    children = {
        loc.text for loc in xml_of(client, "/sitemap.xml").iterfind("sm:sitemap/sm:loc", NS)
    }
    assert {"http://localhost/sitemap-ar.xml", "http://localhost/sitemap-ar-news.xml"} <= children


def alternates_by_url(tree):
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.iter(XHTML)
        }
        for url in tree.iterfind("sm:url", NS)
    }


def test_story_sitemaps_name_every_version_of_a_translated_story(client, editions):
    english = "http://localhost/en/news/politics/budget/"
    arabic = "http://localhost/ar/news/politics/mizania/"
    versions = {"en": english, "ar": arabic, "x-default": english}
    in_english = alternates_by_url(xml_of(client, "/sitemap-en-news.xml"))
    assert in_english[english] == versions
    assert in_english["http://localhost/en/news/politics/en-only/"] == {}
    in_arabic = alternates_by_url(xml_of(client, "/sitemap-ar-news.xml"))
    assert in_arabic[arabic] == versions
    assert set(in_arabic) == {arabic, "http://localhost/ar/news/politics/ar-only/"}


def test_edition_sitemaps_name_the_homes_and_sections_in_each_edition(client, editions):
    pages = alternates_by_url(xml_of(client, "/sitemap-ar.xml"))
    assert pages["http://localhost/ar/"] == {
        "en": "http://localhost/en/",
        "ar": "http://localhost/ar/",
        "x-default": "http://localhost/",  # as the home pages' own hreflang: "/" chooses
    }
    assert pages["http://localhost/ar/news/politics/"]["en"] == (
        "http://localhost/en/news/politics/"
    )
    assert pages["http://localhost/ar/news/politics/"]["x-default"] == (
        "http://localhost/en/news/politics/"
    )


def test_an_embargoed_translation_is_not_an_alternate(client, editions):
    later = timezone.now() + timedelta(hours=3)
    factories.translate(editions["english_only"], "ar", slug="later", published_at=later)
    urls = alternates_by_url(xml_of(client, "/sitemap-en-news.xml"))
    assert urls["http://localhost/en/news/politics/en-only/"] == {}


def test_google_news_gets_each_storys_language(client, editions):
    tree = xml_of(client, "/news-sitemap.xml")
    languages = {
        url.findtext("sm:loc", namespaces=NS): url.findtext(
            "news:news/news:publication/news:language", namespaces=NS
        )
        for url in tree.iterfind("sm:url", NS)
    }
    assert languages["http://localhost/ar/news/politics/mizania/"] == "ar"
    assert languages["http://localhost/en/news/politics/budget/"] == "en"
