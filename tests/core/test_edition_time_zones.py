"""Each edition shows times on its own clock: its home page names a time zone, or it
uses TIME_ZONE. Times are stored in UTC whatever the editions show."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from masthead.core.editions import edition_time_zone
from masthead.live.desk import breaking_post
from tests import factories
from tests.conftest import parse
from tests.search.conftest import reindex, search
from tests.search.test_search_page import titles

pytestmark = pytest.mark.django_db

# 22:30 in London (UTC in winter) is already the next day in Dubai (UTC+4).
LATE_EVENING = datetime(2026, 1, 14, 22, 30, tzinfo=UTC)


def set_time_zone(home, zone):
    """As an editor does it: the home page as it is now, its field set, published."""
    home = type(home).objects.get(pk=home.pk).get_latest_revision_as_object()
    home.time_zone = zone
    home.save_revision().publish()


def published_time(response):
    """The story's publication <time>: its machine value and what readers read."""
    time = parse(response).xpath("//article//li/time")[0]
    return time.get("datetime"), time.text_content()


@pytest.fixture
def story(newsroom):
    return factories.make_article(newsroom["politics"], "Night vote", published_at=LATE_EVENING)


def test_an_edition_shows_times_on_its_home_pages_clock(client, settings, story):
    settings.TIME_ZONE = "Europe/London"
    assert published_time(client.get(story.url)) == (
        "2026-01-14T22:30:00+00:00",
        "14 Jan 2026 22:30",
    )

    set_time_zone(factories.home_page(), "Asia/Dubai")
    datetime_attribute, shown = published_time(client.get(story.url))
    assert datetime_attribute == "2026-01-15T02:30:00+04:00"  # the same instant
    assert shown == "15 Jan 2026 02:30"


def test_each_edition_keeps_its_own_clock(client, settings, story):
    settings.TIME_ZONE = "Europe/London"
    arabic_home = factories.open_edition("ar", title="الرئيسية")
    factories.translate(story.get_parent().get_parent(), "ar", title="أخبار")
    factories.translate(story.get_parent(), "ar", title="سياسة")
    arabic = factories.translate(story, "ar", title="تصويت ليلي")
    set_time_zone(arabic_home, "Asia/Dubai")

    assert published_time(client.get(arabic.url))[0] == "2026-01-15T02:30:00+04:00"
    # The next request in the English edition is back on TIME_ZONE: nothing leaks.
    assert published_time(client.get(story.url))[0] == "2026-01-14T22:30:00+00:00"
    assert edition_time_zone("ar") == "Asia/Dubai"
    assert edition_time_zone("en") == "Europe/London"
    assert edition_time_zone("es") == "Europe/London"  # not open: TIME_ZONE


def test_pages_outside_the_editions_keep_time_zone(client, settings, story):
    set_time_zone(factories.home_page(), "Asia/Dubai")
    feed = client.get("/feed/").content.decode()
    assert "Wed, 14 Jan 2026 22:30:00 +0000" in feed
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE


def test_search_dates_are_whole_days_on_the_editions_clock(client, story):
    reindex()

    def found_on(day):
        return titles(search(client, q="night", date_from=day, date_to=day))

    assert found_on("2026-01-14") == ["Night vote"]  # UTC
    set_time_zone(factories.home_page(), "Asia/Dubai")
    assert found_on("2026-01-14") == []
    assert found_on("2026-01-15") == ["Night vote"]


def test_the_live_schedule_names_the_editions_zone(client, story):
    factories.make_live_tv_page(programmes=[(timezone.now(), "The Briefing")])
    set_time_zone(factories.home_page(), "America/Bogota")
    response = client.get("/en/live/")
    assert "Times are America/Bogota." in parse(response).text_content()


def test_a_time_zone_must_be_one_the_machine_knows(home):
    home.time_zone = "Mars/Olympus_Mons"
    with pytest.raises(ValidationError) as error:
        home.full_clean()
    assert "time_zone" in error.value.message_dict
    home.time_zone = "Asia/Qatar"
    home.full_clean()


def test_the_ticker_tells_the_editions_time_to_pages_and_apps(client, home):
    line = breaking_post(text="Storm warning")
    line.created_at = LATE_EVENING
    line.save()
    set_time_zone(home, "Asia/Dubai")
    for url in ("/en/breaking.json", "/api/v1/breaking"):
        assert [item["time"] for item in client.get(url).json()["items"]] == ["02:30"], url
