"""Publishing, unpublishing and the breaking desk queue one delivery per listening webhook."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from masthead.live.desk import breaking_post, breaking_retract
from masthead.newsroom import worker
from masthead.webhooks.events import iso, webhook_event
from masthead.webhooks.models import WebhookDelivery
from tests import factories
from tests.webhooks.conftest import make_webhook

HOOK = "https://push.example.org/masthead"


def queued(event=None):
    deliveries = WebhookDelivery.objects.order_by("pk")
    return list(deliveries.filter(event=event) if event else deliveries)


@pytest.fixture
def politics(newsroom):
    return newsroom["politics"]


def test_only_active_subscribed_webhooks_get_the_event(db, queue):
    listening = make_webhook(HOOK, events=["breaking.posted", "article.published"])
    make_webhook(HOOK, name="Paused", active=False)
    make_webhook(HOOK, name="Articles only", events=["article.published"])
    queue("breaking.posted", {"id": 1})
    [delivery] = queued()
    assert delivery.webhook == listening
    assert delivery.payload["event"] == "breaking.posted"
    assert delivery.next_attempt_at == delivery.created_at, "due at once"


def test_an_unknown_event_is_refused(db):
    with pytest.raises(ValueError):
        webhook_event(event="article.deleted", data={})


@override_settings(WAGTAILADMIN_BASE_URL="https://news.example.org")
def test_publishing_a_story_queues_article_published(politics, django_capture_on_commit_callbacks):
    make_webhook(HOOK)
    story = factories.make_article(politics, "Budget passes", slug="budget-passes", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    story.refresh_from_db()

    [delivery] = queued()
    assert delivery.event == "article.published"
    data = delivery.payload["data"]
    assert data == {
        "id": story.pk,
        "title": "Budget passes",
        "url": "https://news.example.org/en/news/politics/budget-passes/",
        "first_published_at": iso(story.first_published_at),
        "published_at": iso(story.published_at),
        "updated_at": iso(story.last_published_at),
        "section": {"id": politics.pk, "title": "Politics"},
    }
    assert data["first_published_at"].endswith("Z")


def test_unpublishing_a_story_queues_article_unpublished(
    politics, django_capture_on_commit_callbacks
):
    make_webhook(HOOK, events=["article.unpublished"])
    story = factories.make_article(politics, "Withdrawn story")
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    [delivery] = queued()
    assert delivery.event == "article.unpublished"
    assert delivery.payload["data"]["id"] == story.pk


def test_deleting_a_live_story_queues_article_unpublished(
    politics, django_capture_on_commit_callbacks
):
    make_webhook(HOOK)
    story = factories.make_article(politics, "Published by mistake")
    story_id = story.pk
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    [delivery] = queued()
    assert delivery.event == "article.unpublished"
    assert delivery.payload["data"]["id"] == story_id
    assert delivery.payload["data"]["section"]["title"] == "Politics"


def test_a_story_scheduled_for_later_is_announced_when_the_worker_publishes_it(
    politics, django_capture_on_commit_callbacks
):
    make_webhook(HOOK)
    story = factories.make_article(politics, "Embargoed report", live=False)
    story.go_live_at = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        revision = story.save_revision()
        revision.publish()
    assert queued() == [], "scheduling is not publishing"

    # Move the schedule into the past instead of waiting an hour.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    with django_capture_on_commit_callbacks(execute=True):
        worker.worker_tick()

    [delivery] = queued()
    assert delivery.event == "article.published"
    assert delivery.payload["data"]["title"] == "Embargoed report"


def test_a_story_expired_by_the_worker_queues_article_unpublished(
    politics, django_capture_on_commit_callbacks
):
    make_webhook(HOOK)
    story = factories.make_article(politics, "Expiring story")
    story.__class__.objects.filter(pk=story.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        worker.worker_tick()
    assert [d.payload["data"]["id"] for d in queued("article.unpublished")] == [story.pk]


@override_settings(WAGTAILADMIN_BASE_URL="https://news.example.org")
def test_the_breaking_desk_queues_posted_and_retracted(
    politics, django_capture_on_commit_callbacks
):
    make_webhook(HOOK)
    story = factories.make_article(politics, "Ceasefire agreed", slug="ceasefire-agreed")
    with django_capture_on_commit_callbacks(execute=True):
        item = breaking_post(
            text="Ceasefire agreed ", attribution="Our correspondent", article=story
        )
    [posted] = queued()
    assert posted.event == "breaking.posted"
    assert posted.payload["data"] == {
        "id": item.pk,
        "edition": "en",
        "text": "Ceasefire agreed",
        "attribution": "Our correspondent",
        "url": "https://news.example.org/en/news/politics/ceasefire-agreed/",
        "created_at": iso(item.created_at),
        "expires_at": iso(item.expires_at),
    }

    with django_capture_on_commit_callbacks(execute=True):
        breaking_retract(item=item)
    [retracted] = queued("breaking.retracted")
    assert retracted.payload["data"]["expires_at"] == iso(item.expires_at)
    assert retracted.payload["data"]["expires_at"] != posted.payload["data"]["expires_at"]
    assert retracted.payload["id"] != posted.payload["id"]


def test_a_breaking_line_without_a_story_has_no_url(db, queue, django_capture_on_commit_callbacks):
    make_webhook(HOOK)
    with django_capture_on_commit_callbacks(execute=True):
        breaking_post(text="Polls close", expires_in=None)
    [delivery] = queued()
    assert delivery.payload["data"]["url"] is None
    assert delivery.payload["data"]["expires_at"] is None


def test_nothing_is_queued_before_the_post_commits(db, django_capture_on_commit_callbacks):
    make_webhook(HOOK)
    with django_capture_on_commit_callbacks(execute=True):
        breaking_post(text="Still in the editor's transaction")
        assert queued() == [], "the worker must not see it before the line exists"
    assert len(queued()) == 1


def test_a_rolled_back_post_queues_nothing(db, django_capture_on_commit_callbacks):
    make_webhook(HOOK)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        breaking_post(text="Never happened")
        raise RuntimeError("the editor's request failed half way")
    assert callbacks == []
    assert queued() == []


@pytest.mark.parametrize("hooks", [1, 8])
def test_queuing_costs_two_queries_however_many_webhooks(
    db, hooks, django_capture_on_commit_callbacks, django_assert_num_queries
):
    for number in range(hooks):
        make_webhook(f"{HOOK}/{number}")
    # The webhooks, then one insert for all the deliveries.
    with django_assert_num_queries(2), django_capture_on_commit_callbacks(execute=True):
        webhook_event(event="breaking.posted", data={"id": 1})
    assert len(queued()) == hooks


def test_without_webhooks_an_event_costs_one_query_and_builds_no_payload(
    db, django_capture_on_commit_callbacks, django_assert_num_queries
):
    def build():
        raise AssertionError("nobody listens: the payload is not built")

    with django_assert_num_queries(1), django_capture_on_commit_callbacks(execute=True):
        webhook_event(event="article.published", data=build)


def test_lines_added_and_deleted_under_breaking_are_announced_too(
    newsroom, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from wagtail.models import Locale

    from masthead.live.models import BreakingItem
    from masthead.newsroom.roles import EDITOR

    make_webhook(HOOK)
    editor = get_user_model().objects.create_user("desk-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    earlier = breaking_post(text="Earlier line")  # its event never commits in this test

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/snippets/live/breakingitem/add/",
            {
                "locale": Locale.objects.get(language_code="en").pk,
                "text": "Added under Breaking",
                "attribution": "",
                "article": "",
                "expires_at": "",
            },
        )
    assert response.status_code == 302
    added = BreakingItem.objects.get(text="Added under Breaking")
    # On top of the ticker, like a line posted from the desk.
    assert list(BreakingItem.objects.active()) == [added, earlier]
    [posted] = queued("breaking.posted")
    assert posted.payload["data"]["text"] == "Added under Breaking"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/snippets/live/breakingitem/delete/{added.pk}/")
    assert response.status_code == 302
    assert not BreakingItem.objects.filter(pk=added.pk).exists()
    [retracted] = queued("breaking.retracted")
    assert retracted.payload["data"]["id"] == added.pk
