"""The breaking ticker: active one-line items, newest first, on every reader page."""

from datetime import UTC, timedelta

from django.utils import timezone

from masthead.live.models import BreakingItem, ticker_items
from tests import factories
from tests.conftest import by_class, links, one, parse, text_of


def ticker(client, url="/en/"):
    found = by_class(parse(client.get(url)), "ticker", "section")
    return found[0] if found else None


def test_shows_only_active_items_newest_first(client, site_settings):
    factories.make_breaking("Oldest line", minutes_ago=30, expires_in=60)
    factories.make_breaking("Expired line", minutes_ago=5, expires_in=-1)
    factories.make_breaking("Newest line", minutes_ago=1, expires_in=None)
    factories.make_breaking("Middle line", minutes_ago=10, expires_in=5)

    items = by_class(ticker(client), "ticker-item", "li")

    assert [text_of(item).rsplit(" ", 1)[0] for item in items] == [
        "Newest line",
        "Middle line",
        "Oldest line",
    ]


def test_attribution_is_a_prefix_with_a_colon(client, site_settings):
    factories.make_breaking("Talks have resumed", attribution="Our correspondent in Gaza")
    item = one(ticker(client), "ticker-item", "li")
    assert text_of(one(item, "ticker-attribution")) == "Our correspondent in Gaza:"
    assert text_of(item).startswith("Our correspondent in Gaza: Talks have resumed")


def test_an_item_links_to_its_story(client, newsroom):
    story = factories.make_article(newsroom["politics"], "Talks resume")
    factories.make_breaking("Talks have resumed", article=story)
    factories.make_breaking("No story yet", minutes_ago=1)
    linked, plain = by_class(ticker(client), "ticker-item", "li")
    assert links(linked) == ["/en/news/politics/talks-resume/"]
    assert links(plain) == []


def test_shows_the_time_in_the_site_time_zone(client, site_settings, settings):
    settings.TIME_ZONE = "Asia/Qatar"
    item = factories.make_breaking("A line")
    created = timezone.now().astimezone(UTC).replace(hour=9, minute=5) - timedelta(days=1)
    BreakingItem.objects.filter(pk=item.pk).update(created_at=created)
    assert text_of(one(ticker(client), "ticker-time", "time")) == "12:05"


def test_ticker_hidden_without_active_items(client, site_settings):
    factories.make_breaking("Expired line", expires_in=-10)
    empty = ticker(client)
    # Hidden, not absent: a line posted later appears in it without a reload.
    assert empty.get("hidden") is not None
    assert empty.get("data-live-url") == "/en/breaking.json"
    assert by_class(empty, "ticker-item", "li") == []


def test_appears_on_story_and_listing_pages(client, newsroom):
    story = factories.make_article(newsroom["politics"])
    factories.make_breaking("Everywhere")
    for url in (story.url, "/en/news/", "/en/regions/europe/", "/en/authors/"):
        assert "Everywhere" in text_of(ticker(client, url)), url


def test_new_items_expire_by_default(db):
    item = factories.make_breaking("A line")
    default = BreakingItem.objects.create(text="With the default expiry")
    assert item.expires_at is None
    assert default.expires_at > timezone.now()
    assert default.is_active()
    assert not default.is_active(now=default.expires_at)


def test_active_queryset_and_limit(db):
    for number in range(12):
        factories.make_breaking(f"Line {number}", minutes_ago=number)
    factories.make_breaking("Gone", expires_in=-1)
    items = ticker_items("en")
    assert [item.text for item in items] == [f"Line {n}" for n in range(10)]
    assert "Gone" not in [item.text for item in BreakingItem.objects.active()]


def test_str_includes_the_attribution(db):
    assert str(factories.make_breaking("Text", attribution="Desk")) == "Desk: Text"
    assert str(factories.make_breaking("Text only")) == "Text only"


def test_no_link_to_a_story_readers_cannot_see_yet(client, newsroom):
    draft = factories.make_article(newsroom["politics"], "Draft story", live=False)
    embargoed = factories.make_article(
        newsroom["politics"],
        "Embargoed story",
        published_at=timezone.now() + timedelta(hours=1),
    )
    factories.make_breaking("Line about the draft", article=draft, minutes_ago=2)
    factories.make_breaking("Line about the embargo", article=embargoed, minutes_ago=1)
    embargo_line, draft_line = by_class(ticker(client), "ticker-item", "li")
    assert "Line about the embargo" in text_of(embargo_line)
    assert "Line about the draft" in text_of(draft_line)
    # The lines stay, without links that would lead readers to a 404.
    assert links(embargo_line) == []
    assert links(draft_line) == []
