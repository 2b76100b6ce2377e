"""LIVE TV: the channel's page, its schedule, the stream setting and the LIVE menu item."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masthead.core.models import SiteSettings, validate_stream_url
from masthead.live.models import LiveBlogPage, LiveTvPage, programme_schedule
from tests import factories
from tests.conftest import by_class, json_ld_node, one, parse, text_of

STREAM = "https://video.example.org/channel/index.m3u8"
MADRID = ZoneInfo("Europe/Madrid")
# A Thursday morning in Madrid; the tests' clock stands still there.
NOW = datetime(2030, 3, 14, 10, 30, tzinfo=MADRID)


def at(day, hhmm):
    """`day` days from NOW's date, at a Madrid wall-clock time."""
    hour, minute = map(int, hhmm.split(":"))
    return (NOW + timedelta(days=day)).replace(hour=hour, minute=minute)


@pytest.fixture
def clock(monkeypatch, settings):
    settings.TIME_ZONE = "Europe/Madrid"
    monkeypatch.setattr(timezone, "now", lambda: NOW.astimezone(UTC))
    return NOW


@pytest.fixture
def channel(clock, site_settings):
    site_settings.live_stream_url = STREAM
    site_settings.save()
    return factories.make_live_tv_page(
        intro="Our news channel, around the clock.",
        programmes=[
            (at(0, "12:00"), "Midday News"),  # out of order on purpose: sorted by time
            (at(-1, "22:00"), "Late Edition"),
            (at(0, "06:00"), "First Light"),
            (at(0, "09:00"), "The Briefing"),
            (at(0, "23:30"), "Night Desk"),
            (at(1, "09:00"), "Friday Briefing"),
            (at(2, "09:00"), "Saturday Briefing"),
        ],
    )


def get_page(client, page=None):
    response = client.get(page.url if page else "/en/live/")
    assert response.status_code == 200
    return parse(response)


def schedule_titles(tree):
    return [
        text_of(one(day, "live-programme-title")) for day in by_class(tree, "live-programme", "li")
    ]


def test_on_now_up_next_and_the_rest_of_today_and_tomorrow(client, channel):
    tree = get_page(client)

    now, after = by_class(tree, "live-slot")
    assert text_of(one(now, "live-slot-label")) == "On now"
    assert text_of(one(now, "live-slot-title")) == "The Briefing"
    assert text_of(one(now, "live-slot-time")) == "09:00–12:00"
    assert text_of(one(now, "live-slot-text")) == "About The Briefing."
    assert text_of(one(after, "live-slot-label")) == "Up next"
    assert text_of(one(after, "live-slot-title")) == "Midday News"

    # Past programmes are gone; the day after tomorrow is not listed yet.
    assert [text_of(h) for h in tree.xpath("//h3[@class='live-day']")] == [
        "Today, Thursday 14 March",
        "Tomorrow, Friday 15 March",
    ]
    assert schedule_titles(tree) == [
        "The Briefing On now",
        "Midday News",
        "Night Desk",
        "Friday Briefing",
    ]
    # Times in the site's time zone: 23:30 in Madrid is still today (22:30 UTC).
    night = by_class(tree, "live-programme", "li")[2]
    assert text_of(one(night, "live-programme-time")) == "23:30"
    assert "Times are Europe/Madrid." in text_of(one(tree, "live-schedule", "section"))


def test_the_player_plays_the_stream_from_the_settings(client, channel):
    tree = get_page(client)

    video = one(tree, "live-video", "video")
    assert video.get("src") == video.get("data-live-stream") == STREAM
    assert {"controls", "playsinline"} <= set(video.attrib)
    assert video.get("preload") == "none"  # nothing downloads until the reader asks
    # Without JavaScript, or where the video cannot play it: a plain link to the stream.
    assert STREAM in [a.get("href") for a in one(tree, "live-stream-link", "p").iter("a")]
    status = one(tree, "live-status")
    assert status.get("role") == "status"
    assert "unavailable right now" in status.get("data-unavailable")
    scripts = [s.get("src") for s in tree.xpath("//script[@type='module']")]
    assert "/static/masthead/live-tv.js" in scripts
    assert not by_class(tree, "live-offair")


def test_structured_data_announces_the_live_programme(client, channel):
    tree = get_page(client)
    data = json_ld_node(tree, "BroadcastEvent")
    assert data["isLiveBroadcast"] is True
    assert data["name"] == "The Briefing"
    assert datetime.fromisoformat(data["startDate"]) == at(0, "09:00")
    assert datetime.fromisoformat(data["endDate"]) == at(0, "12:00")
    assert data["publishedOn"]["name"] == "The Daily Test"


def test_without_a_stream_the_channel_is_off_air_with_its_schedule(client, channel):
    SiteSettings.objects.update(live_stream_url="")
    tree = get_page(client)

    offair = one(tree, "live-offair")
    assert offair.get("role") == "status"
    assert text_of(offair).startswith("Live TV is off air right now.")
    assert not tree.xpath("//video")
    assert not tree.xpath("//script[contains(@src, 'live-tv.js')]")
    json_ld_node(tree, "WebPage")  # a page about the channel, no live broadcast
    assert schedule_titles(tree)[1:] == ["Midday News", "Night Desk", "Friday Briefing"]


def test_an_empty_or_stale_schedule_says_so(client, clock, site_settings):
    # Started 13 hours ago with nothing after it: the schedule was not kept up.
    factories.make_live_tv_page(programmes=[(NOW - timedelta(hours=13), "Old Programme")])
    tree = get_page(client)
    assert text_of(one(tree, "empty", "p")) == (
        "No programmes are scheduled for today or tomorrow."
    )
    assert not by_class(tree, "live-slot")
    assert not by_class(tree, "live-schedule")
    assert "Old Programme" not in text_of(tree)


def test_a_programme_links_to_its_page_only_once_readers_can_open_it(client, clock, newsroom):
    draft = factories.make_section(newsroom["news"], "Planet Desk", live=False)
    factories.make_live_tv_page(
        programmes=[
            (at(0, "10:00"), "Market Watch", newsroom["economy"]),
            (at(0, "11:00"), "Planet Desk", draft),
        ]
    )
    tree = get_page(client)
    now = one(tree, "live-slot--now")
    assert [a.get("href") for a in now.iter("a")] == ["/en/news/economy/"]
    nxt = by_class(tree, "live-slot")[1]
    assert text_of(nxt).startswith("Up next Planet Desk") and not list(nxt.iter("a"))


def test_the_poster_is_shown_before_the_stream_starts(client, channel):
    SiteSettings.objects.update(live_stream_poster=factories.make_image(size=(320, 180)))
    video = one(get_page(client), "live-video", "video")
    assert video.get("poster").startswith("/media/images/")


def test_the_schedule_follows_the_clock(channel):
    """Half an hour later the briefing is over and the midday news is on."""
    schedule = programme_schedule(channel, now=at(0, "12:30"))
    assert schedule.on_now.title == "Midday News" and schedule.up_next.title == "Night Desk"
    assert [p.title for day in schedule.days for p in day.programmes] == [
        "Midday News",
        "Night Desk",
        "Friday Briefing",
    ]
    # Just after midnight, what began last night is on now and listed under today.
    schedule = programme_schedule(channel, now=at(1, "00:10"))
    assert schedule.on_now.title == "Night Desk"
    assert [day.label for day in schedule.days] == ["Today", "Tomorrow"]
    assert schedule.days[0].programmes[0].title == "Night Desk"


# -- navigation and the page tree ------------------------------------------------------


def test_the_live_menu_item_opens_the_channel(client, channel, newsroom):
    nav = get_page(client, newsroom["home"]).get_element_by_id("site-nav")
    live = [item for item in by_class(nav, "nav-item", "li") if text_of(item) == "LIVE"]
    assert len(live) == 1 and "is-live" in live[0].get("class")
    assert [a.get("href") for a in live[0].iter("a")] == ["/en/live/"]
    # On the channel's page, the item is the current one.
    current = get_page(client).get_element_by_id("site-nav").xpath(".//a[@aria-current]")
    assert [a.get("href") for a in current] == ["/en/live/"]


def test_one_channel_page_per_edition_home_with_live_blogs_under_it(home, newsroom):
    assert LiveTvPage.can_create_at(home)
    assert not LiveTvPage.can_create_at(newsroom["news"])
    page = factories.make_live_tv_page()
    home.refresh_from_db()  # its count of children is stale
    assert not LiveTvPage.can_create_at(home)
    assert list(page.specific_class.allowed_subpage_models()) == [LiveBlogPage]


def test_live_lists_its_live_blogs_running_first(client, home, newsroom):
    page = factories.make_live_tv_page()
    ended = factories.make_live_blog(page, "Election count", status="ended")
    running = factories.make_live_blog(page, "Storm passes the coast", started_minutes_ago=5)
    html = client.get(page.url).content.decode()
    assert html.index(running.title) < html.index(ended.title)
    assert html.count('class="live-blogs-item"') == 2


# -- the stream setting -----------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        STREAM,
        "http://127.0.0.1:8080/live/stream.m3u8",
        "/static/masthead/live/test-pattern/index.m3u8",
    ],
)
def test_stream_url_accepts_web_addresses_and_site_paths(value):
    validate_stream_url(value)


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "ftp://video.example.org/x.m3u8", "//elsewhere.example/x.m3u8", "x"],
)
def test_stream_url_refuses_anything_else(value):
    with pytest.raises(ValidationError):
        validate_stream_url(value)


def test_editors_set_the_stream_in_site_settings(db, home):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    site = home.get_site()
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])
    tree = parse(client.get(url))
    field = tree.xpath("//input[@name='live_stream_url']")
    assert field, "the live stream URL field is missing from Site settings"
    assert "HLS playlist" in text_of(tree)


# -- query budget ---------------------------------------------------------------------------

# The schedule is one query, the live blogs under LIVE another; +1 since editions: the
# page's translations for the language links and hreflang; +1 for the breadcrumb trail in
# its structured data.
BUDGET = 17


def count_queries(url):
    client = Client(HTTP_HOST="localhost")
    assert client.get(url).status_code == 200  # renditions and caches warmed
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries), "\n".join(q["sql"][:160] for q in queries.captured_queries)


def test_query_count_does_not_grow_with_the_schedule(clock, newsroom):
    SiteSettings.objects.update(
        live_stream_url=STREAM, live_stream_poster=factories.make_image(size=(320, 180))
    )
    sections = [newsroom["politics"], newsroom["economy"], newsroom["opinion"]]
    page = factories.make_live_tv_page(
        programmes=[(at(0, f"{h:02}:00"), f"Hour {h}", sections[h % 3]) for h in (9, 11, 14)]
    )
    small, _ = count_queries(page.url)

    # A month back and a month ahead, every half hour, each linked to a section.
    for step in range(-1440, 1440):
        page.programmes.create(
            starts_at=NOW + timedelta(minutes=30 * step) + timedelta(minutes=1),
            title=f"Slot {step}",
            link=sections[step % 3],
            sort_order=step + 2000,
        )
    large, detail = count_queries(page.url)
    assert small == large, f"{small} queries with 3 programmes, {large} with 2,883\n{detail}"
    assert large <= BUDGET, f"{large} queries, budget {BUDGET}\n{detail}"


def test_editors_add_the_page_with_its_schedule_in_the_admin(db, home):
    admin = get_user_model().objects.create_superuser("chief", "chief@example.com", "pw")
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:add", args=["live", "livetvpage", home.pk])
    response = client.get(url)
    assert response.status_code == 200
    tree = parse(response)
    assert "Programme schedule" in text_of(tree)
    assert tree.xpath("//input[@name='programmes-TOTAL_FORMS']")
