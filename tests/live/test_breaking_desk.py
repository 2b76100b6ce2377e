"""The breaking desk on the admin dashboard: three fields and one click, retract at once."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from masthead.live.desk import breaking_move, breaking_post, breaking_retract
from masthead.live.models import BreakingItem, ticker_items
from masthead.news.models import ArticlePage
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


def running_order():
    return [item.text for item in BreakingItem.objects.active()]


def test_a_new_line_goes_on_top_of_moved_ones(newsroom):
    breaking_post(text="First")
    second = breaking_post(text="Second")
    breaking_move(item=second, by=1)
    assert running_order() == ["First", "Second"]
    breaking_post(text="Third")
    assert running_order() == ["Third", "First", "Second"]


def test_an_editor_reorders_from_the_dashboard(client, newsroom):
    first = breaking_post(text="First line")
    breaking_post(text="Second line")
    assert running_order() == ["Second line", "First line"]
    editor = signed_in(EDITOR)
    assert editor.post(f"/admin/breaking-desk/{first.pk}/move/up/").status_code == 302
    assert running_order() == ["First line", "Second line"]
    assert ticker_text(client).index("First line") < ticker_text(client).index("Second line")
    editor.post(f"/admin/breaking-desk/{first.pk}/move/down/")
    assert running_order() == ["Second line", "First line"]
    # Moving past either end leaves the order as it is.
    editor.post(f"/admin/breaking-desk/{first.pk}/move/down/")
    assert running_order() == ["Second line", "First line"]
    # Not a direction: nothing moves (the 404 becomes the locale middleware's redirect).
    assert editor.post(f"/admin/breaking-desk/{first.pk}/move/sideways/").status_code != 200
    assert running_order() == ["Second line", "First line"]


def test_a_reporter_cannot_reorder(newsroom):
    first = breaking_post(text="First line")
    breaking_post(text="Second line")
    response = signed_in(REPORTER).post(f"/admin/breaking-desk/{first.pk}/move/up/")
    assert response.status_code in {302, 403}
    assert running_order() == ["Second line", "First line"]


def test_develop_a_line_into_a_draft_story_in_one_click(client, newsroom):
    item = breaking_post(text="Bridge closed after crash", attribution="Police")
    editor = signed_in(EDITOR)
    panel = parse(editor.get("/admin/"))
    assert "Develop into story" in text_of(by_class(panel, "breaking-desk-lines", "form")[0])

    response = editor.post(f"/admin/breaking-desk/{item.pk}/develop/")
    item.refresh_from_db()
    story = item.article
    assert story is not None
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{story.pk}/edit/"
    assert story.title == "Bridge closed after crash"
    assert story.standfirst == "Police: Bridge closed after crash"
    assert not story.live and story.has_unpublished_changes
    assert story.get_parent().specific == newsroom["news"]
    assert story.owner.username == "editor"
    # The draft is not linked from the ticker until it is published.
    assert ticker_items("en")[0].article is None
    assert editor.get(response["Location"]).status_code == 200

    # A second click opens the same draft rather than starting another.
    again = editor.post(f"/admin/breaking-desk/{item.pk}/develop/")
    assert again["Location"] == f"/admin/pages/{story.pk}/edit/"
    assert ArticlePage.objects.filter(title="Bridge closed after crash").count() == 1

    story.save_revision().publish()
    assert ticker_items("en")[0].article == story


def test_developed_stories_get_free_slugs(newsroom):
    first = breaking_post(text="Storm warning")
    second = breaking_post(text="Storm warning")
    editor = signed_in(EDITOR)
    editor.post(f"/admin/breaking-desk/{first.pk}/develop/")
    editor.post(f"/admin/breaking-desk/{second.pk}/develop/")
    first.refresh_from_db()
    second.refresh_from_db()
    assert {first.article.slug, second.article.slug} == {"storm-warning", "storm-warning-2"}


def test_a_reporter_cannot_develop_lines(newsroom):
    item = breaking_post(text="Not for reporters")
    signed_in(REPORTER).post(f"/admin/breaking-desk/{item.pk}/develop/")
    item.refresh_from_db()
    assert item.article is None
