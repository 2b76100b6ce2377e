"""RSS and Atom feeds, read back with feedparser as a feed reader would read them."""

import time
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from masthead.syndication.models import SyndicationSettings
from tests import factories
from tests.conftest import parse

STORY_URL = "http://localhost/en/news/politics/parliament-passes-the-budget/"

# Every scope: its reader page, and its feed (RSS at feed/, Atom at feed/atom/).
SCOPES = {
    "site": (None, "/feed/"),
    "edition": ("/en/", "/en/feed/"),
    "section": ("/en/news/", "/en/news/feed/"),
    "subsection": ("/en/news/politics/", "/en/news/politics/feed/"),
    "region": ("/en/regions/europe/", "/en/regions/europe/feed/"),
    "tag": ("/en/tags/budget/", "/en/tags/budget/feed/"),
    "author": ("/en/authors/jane-writer/", "/en/authors/jane-writer/feed/"),
    "coverage": ("/en/coverage/election-2030/", "/en/coverage/election-2030/feed/"),
}


def read_feed(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, f"{url}: {feed.get('bozo_exception')}"
    return feed


def entry_for(feed, link):
    found = [entry for entry in feed.entries if entry.link == link]
    assert len(found) == 1, [entry.link for entry in feed.entries]
    return found[0]


@pytest.mark.parametrize("scope", list(SCOPES))
@pytest.mark.parametrize(
    ("suffix", "content_type", "version"),
    [("", "application/rss+xml", "rss20"), ("atom/", "application/atom+xml", "atom10")],
)
def test_every_scope_has_a_valid_feed_with_the_story(
    client, desk, scope, suffix, content_type, version
):
    feed = read_feed(client, SCOPES[scope][1] + suffix, content_type)
    assert feed.version == version
    assert "The Daily Test" in feed.feed.title
    assert feed.feed.link.startswith("http://localhost/")
    links = [entry.link for entry in feed.entries]
    assert STORY_URL in links
    # Never a story under embargo, never a draft.
    assert not any("embargoed" in link or "unfinished" in link for link in links)


@pytest.mark.parametrize("scope", ["section", "tag", "author"])
def test_feed_titles_name_their_scope(client, desk, scope):
    feed = read_feed(client, SCOPES[scope][1], "application/rss+xml")
    expected = {"section": "News", "tag": "Budget", "author": "Jane Writer"}[scope]
    assert feed.feed.title == f"{expected} | The Daily Test"


def test_the_opinion_section_feed_holds_only_its_own_stories(client, desk):
    feed = read_feed(client, "/en/articles/feed/", "application/rss+xml")
    assert [entry.title for entry in feed.entries] == ["Why the budget falls short"]


@pytest.mark.parametrize("url", ["/en/feed/", "/en/feed/atom/"])
def test_an_entry_carries_everything_a_reader_needs(client, desk, url):
    feed = read_feed(client, url, "application/")
    entry = entry_for(feed, STORY_URL)
    story = desk["story"]
    assert entry.title == "Parliament passes the budget"
    assert entry.summary == "Lawmakers approved the spending plan after a night of debate."
    # A GUID that does not change when the story is renamed or moved.
    assert entry.id.startswith("tag:localhost,") and entry.id.endswith(f":article:{story.pk}")
    assert entry.published_parsed == story.published_at.utctimetuple()
    assert entry.updated_parsed == story.updated_at.utctimetuple()
    assert entry.author == "Jane Writer and Sam Critic"
    assert sorted(tag.term for tag in entry.tags) == ["Budget", "Parliament", "Politics"]
    [media] = entry.media_content
    assert media["url"].startswith("http://localhost/media/images/")
    assert media["medium"] == "image"
    assert media["type"] == "image/png"
    assert (int(media["width"]), int(media["height"])) == (1200, 675)
    assert entry.media_credit[0]["content"] == "Agencies"


def test_atom_authors_link_to_their_pages(client, desk):
    feed = read_feed(client, "/en/feed/atom/", "application/atom+xml")
    entry = entry_for(feed, STORY_URL)
    assert entry.author_detail.href == "http://localhost/en/authors/jane-writer/"


def full_text(entry):
    # feedparser lists the image's plain-text media:description as content too.
    return [item.value for item in entry.get("content", []) if item.type == "text/html"]


def test_full_text_only_when_editors_allow_it(client, desk):
    for url in ("/en/feed/", "/en/feed/atom/"):
        entry = entry_for(read_feed(client, url, "application/"), STORY_URL)
        assert full_text(entry) == [], url

    settings = SyndicationSettings.for_site(desk["home"].get_site())
    settings.feeds_full_text = True
    settings.save()  # the feeds are rebuilt at once

    for url in ("/en/feed/", "/en/feed/atom/"):
        entry = entry_for(read_feed(client, url, "application/"), STORY_URL)
        [html] = full_text(entry)
        assert "<b>after midnight</b>" in html
        assert "<h2>What changes</h2>" in html
        assert "A budget for everyone." in html and "The minister" in html
    settings.feeds_full_text = False
    settings.save()


def test_publishing_a_story_puts_it_in_the_feeds_at_once(client, desk):
    before = read_feed(client, "/en/news/feed/", "application/rss+xml")
    assert "Fresh from the desk" not in [entry.title for entry in before.entries]
    fresh = factories.make_article(desk["economy"], "Fresh from the desk", live=False)
    fresh.save_revision().publish()
    after = read_feed(client, "/en/news/feed/", "application/rss+xml")
    assert after.entries[0].title == "Fresh from the desk"

    fresh.refresh_from_db()
    fresh.unpublish()
    again = read_feed(client, "/en/news/feed/", "application/rss+xml")
    assert "Fresh from the desk" not in [entry.title for entry in again.entries]


def test_an_embargoed_story_appears_when_its_time_comes(client, desk):
    soon = factories.make_article(
        desk["politics"],
        "Result at the stroke of the hour",
        published_at=timezone.now() + timedelta(seconds=2),
    )
    feed = read_feed(client, "/en/feed/", "application/rss+xml")
    assert soon.title not in [entry.title for entry in feed.entries]
    # No signal marks the moment an embargo lifts: the cached feed must not outlive it.
    time.sleep(3)
    feed = read_feed(client, "/en/feed/", "application/rss+xml")
    assert feed.entries[0].title == soon.title


def test_a_reader_with_the_current_copy_gets_304(client, desk):
    first = client.get("/en/feed/")
    assert first["ETag"] and "max-age" in first["Cache-Control"]
    again = client.get("/en/feed/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    "url",
    [
        "/en/regions/atlantis/feed/",
        "/en/tags/no-such-tag/feed/atom/",
        "/en/authors/nobody/feed/",
        "/en/coverage/nothing/feed/",
        "/en/no-section/feed/",
    ],
)
def test_unknown_scopes_are_404(client, desk, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("scope", [name for name in SCOPES if SCOPES[name][0]])
def test_each_page_links_its_feeds(client, desk, scope):
    page_url, feed_url = SCOPES[scope]
    tree = parse(client.get(page_url))
    alternates = {
        link.get("type"): link.get("href")
        for link in tree.xpath("//head/link[@rel='alternate']")
        if link.get("href") in (f"http://localhost{feed_url}", f"http://localhost{feed_url}atom/")
    }
    assert alternates == {
        "application/rss+xml": f"http://localhost{feed_url}",
        "application/atom+xml": f"http://localhost{feed_url}atom/",
    }
    for href in alternates.values():
        assert client.get(href).status_code == 200


def test_a_story_page_links_the_edition_feed(client, desk):
    tree = parse(client.get(desk["story"].url))
    hrefs = tree.xpath("//head/link[@rel='alternate'][@type='application/rss+xml']/@href")
    assert "http://localhost/en/feed/" in hrefs
    assert "http://localhost/en/news/politics/feed/" in hrefs
