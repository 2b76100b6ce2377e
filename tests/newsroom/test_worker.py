"""The worker publishes scheduled stories and expires pages on time."""

import io
import time
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from masthead.news.models import ArticlePage
from masthead.newsroom import worker
from tests import factories


def test_a_scheduled_story_goes_live_on_the_first_tick_after_its_time(client, newsroom):
    story = factories.make_article(newsroom["politics"], "Scheduled story", live=False)
    story.go_live_at = timezone.now() + timedelta(seconds=1)
    story.save_revision().publish()  # scheduled, not yet live
    story.refresh_from_db()
    assert not story.live

    worker.worker_tick()
    assert not ArticlePage.objects.get(pk=story.pk).live, "not before its time"
    assert client.get(story.url).status_code == 404

    time.sleep(1.2)  # a short schedule instead of a fake clock
    worker.worker_tick()
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.live and story.published_at is not None
    assert story in set(ArticlePage.objects.published())
    assert client.get(story.url).status_code == 200


def test_an_expired_page_is_unpublished(client, newsroom):
    story = factories.make_article(newsroom["politics"], "Expiring story")
    ArticlePage.objects.filter(pk=story.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    worker.worker_tick()
    story = ArticlePage.objects.get(pk=story.pk)
    assert not story.live and story.expired
    assert client.get(story.url).status_code == 404


def test_one_failing_tick_does_not_stop_the_worker(monkeypatch, db):
    calls = []

    def tick():
        calls.append(len(calls))
        if len(calls) == 1:
            raise RuntimeError("database went away for a moment")
        return ""

    monkeypatch.setattr(worker, "worker_tick", tick)
    worker.worker_loop(interval=0, ticks=3)
    assert calls == [0, 1, 2]


def test_the_command_runs_one_tick(newsroom):
    story = factories.make_article(newsroom["politics"], "Via the command", live=False)
    story.go_live_at = timezone.now() + timedelta(seconds=1)
    story.save_revision().publish()
    time.sleep(1.2)
    call_command("worker", "--once", stdout=io.StringIO())
    assert ArticlePage.objects.get(pk=story.pk).live
