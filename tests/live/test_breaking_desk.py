"""The breaking desk on the admin dashboard: three fields and one click, retract at once."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from masthead.live.desk import breaking_post, breaking_retract
from masthead.live.models import BreakingItem
from masthead.newsroom.roles import EDITOR, REPORTER
from tests import factories
from tests.conftest import by_class, parse, text_of


def signed_in(role):
    user = get_user_model().objects.create_user(role.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def ticker_text(client):
    tickers = by_class(parse(client.get("/en/")), "ticker", "section")
    return text_of(tickers[0]) if tickers else ""


def test_an_editor_posts_from_the_dashboard_and_readers_see_it(client, newsroom):
    editor = signed_in(EDITOR)
    story = factories.make_article(newsroom["politics"], "Flood barrier closes")
    dashboard = editor.get("/admin/")
    assert b"Breaking desk" in dashboard.content

    response = editor.post(
        "/admin/breaking-desk/post/",
        {
            "text": "Flood barrier closes for the first time this year",
            "attribution": "Our correspondent in Rotterdam",
            "article": story.pk,
        },
    )
    assert response.status_code == 302
    item = BreakingItem.objects.get()
    assert item.article == story
    assert timedelta(hours=5, minutes=59) < item.expires_at - item.created_at <= timedelta(hours=6)
    assert "Our correspondent in Rotterdam: Flood barrier closes" in ticker_text(client)


def test_text_is_required(newsroom):
    editor = signed_in(EDITOR)
    editor.post("/admin/breaking-desk/post/", {"text": "  "})
    assert not BreakingItem.objects.exists()


def test_a_reporter_has_no_desk(newsroom):
    reporter = signed_in(REPORTER)
    assert b"Breaking desk" not in reporter.get("/admin/").content
    response = reporter.post("/admin/breaking-desk/post/", {"text": "Not from me"})
    # Wagtail answers a refused admin action with a redirect and an error message.
    assert response.status_code in {302, 403}
    assert not BreakingItem.objects.exists()


def test_retract_takes_a_line_down_at_once(client, newsroom):
    item = breaking_post(text="Power restored in the old town")
    assert "Power restored" in ticker_text(client)
    editor = signed_in(EDITOR)
    assert editor.post(f"/admin/breaking-desk/{item.pk}/retract/").status_code == 302
    assert "Power restored" not in ticker_text(client)
    item.refresh_from_db()
    assert item.expires_at <= timezone.now()


def test_a_reporter_cannot_retract(newsroom):
    item = breaking_post(text="Stays up")
    response = signed_in(REPORTER).post(f"/admin/breaking-desk/{item.pk}/retract/")
    assert response.status_code in {302, 403}
    item.refresh_from_db()
    assert item.is_active()


@pytest.mark.parametrize("hours", [1, 24])
def test_expiry_is_adjustable(newsroom, hours):
    item = breaking_post(text="Timed line", expires_in=timedelta(hours=hours))
    assert item.expires_at - item.created_at == timedelta(hours=hours)
    breaking_retract(item=item)
    assert not item.is_active()
