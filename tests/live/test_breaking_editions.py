"""Each edition has its own ticker: a line posted to the Arabic edition reaches Arabic
readers, Arabic breaking.json and the API's Arabic edition, and nobody else."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from masthead.live.desk import breaking_develop, breaking_move, breaking_post
from masthead.live.models import BreakingItem, ticker_items
from masthead.live.models.breaking import ticker_pulse_name
from masthead.live.pulse import _version_key
from masthead.live.views import default_section
from masthead.newsroom.roles import EDITOR
from tests import factories
from tests.conftest import by_class, parse, text_of
from tests.live.test_breaking_desk import signed_in


@pytest.fixture
def editions(newsroom):
    arabic_home = factories.open_edition("ar")
    arabic_news = factories.translate(newsroom["news"], "ar", title="أخبار")
    return {**newsroom, "ar_home": arabic_home, "ar_news": arabic_news}


def ticker_text(client, url):
    tickers = by_class(parse(client.get(url)), "ticker", "section")
    return text_of(tickers[0]) if tickers else ""


def json_lines(client, url):
    return [line["text"] for line in client.get(url).json()["items"]]


def test_lines_go_to_their_own_edition(client, editions):
    breaking_post(text="Polls close in the capital")
    breaking_post(text="إغلاق مراكز الاقتراع في العاصمة", edition="ar")
    assert "Polls close" in ticker_text(client, "/en/")
    assert "إغلاق" not in ticker_text(client, "/en/")
    assert "إغلاق مراكز الاقتراع" in ticker_text(client, "/ar/")
    assert "Polls close" not in ticker_text(client, "/ar/")
    assert json_lines(client, "/en/breaking.json") == ["Polls close in the capital"]
    assert json_lines(client, "/ar/breaking.json") == ["إغلاق مراكز الاقتراع في العاصمة"]
    assert json_lines(client, "/api/v1/breaking?edition=ar") == ["إغلاق مراكز الاقتراع في العاصمة"]
    assert json_lines(client, "/api/v1/breaking") == ["Polls close in the capital"]


def test_a_line_without_an_edition_is_the_default_editions(editions):
    line = BreakingItem.objects.create(text="Written before editions")
    assert line.edition == "en"
    assert ticker_items("en") == [line]
    assert ticker_items("ar") == []


def test_a_change_bumps_only_its_editions_pulse(editions):
    before = {code: cache.get(_version_key(ticker_pulse_name(code))) for code in ("en", "ar")}
    line = breaking_post(text="خبر عاجل", edition="ar")
    after = {code: cache.get(_version_key(ticker_pulse_name(code))) for code in ("en", "ar")}
    assert after["en"] == before["en"]
    assert after["ar"] != before["ar"]
    line.delete()
    assert cache.get(_version_key(ticker_pulse_name("en"))) == before["en"]


def test_lines_move_within_their_edition(editions):
    first = breaking_post(text="English one")
    arabic = breaking_post(text="عاجل", edition="ar")
    second = breaking_post(text="English two")
    assert ticker_items("en") == [second, first]
    breaking_move(item=first, by=-1)
    assert ticker_items("en") == [first, second]
    assert ticker_items("ar") == [arabic]


def test_the_desk_posts_to_the_chosen_edition(client, editions):
    editor = signed_in(EDITOR)
    dashboard = parse(editor.get("/admin/"))
    [select] = dashboard.xpath("//select[@name='edition']")
    options = {option.get("value"): option.get("selected") for option in select.iter("option")}
    # Open editions only (Spanish has no home), the editor's own language chosen.
    assert list(options) == ["en", "ar"]
    assert options["en"] is not None

    response = editor.post("/admin/breaking-desk/post/", {"edition": "ar", "text": "عاجل"})
    assert response.status_code == 302
    assert BreakingItem.objects.get().edition == "ar"
    assert "عاجل" in ticker_text(client, "/ar/")
    dashboard = parse(editor.get("/admin/"))
    assert [text_of(h) for h in dashboard.xpath("//h3[contains(., 'in the ticker now')]")] == [
        "العربيّة: in the ticker now, in running order"
    ]


def test_the_desk_links_only_stories_of_the_same_edition(editions):
    story = factories.make_article(editions["politics"], "Budget vote")
    editor = signed_in(EDITOR)
    editor.post(
        "/admin/breaking-desk/post/", {"edition": "ar", "text": "عاجل", "article": story.pk}
    )
    assert not BreakingItem.objects.exists()


def test_an_arabic_line_develops_into_an_arabic_draft(editions):
    line = breaking_post(text="زلزال قوي", edition="ar")
    user = get_user_model().objects.create_superuser("chief")
    section = default_section(line)
    assert section.pk == editions["ar_news"].pk
    story = breaking_develop(item=line, section=section, user=user)
    assert story.locale.language_code == "ar"
