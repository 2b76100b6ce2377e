"""The worker POSTs queued deliveries to a real HTTP server, signed, retried with backoff."""

import hashlib
import hmac
import json
import time
import uuid
from datetime import datetime, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from masthead.newsroom import worker
from masthead.webhooks import delivery as sending
from masthead.webhooks.delivery import MAX_ATTEMPTS, retry_delay, webhooks_deliver
from masthead.webhooks.models import WebhookDelivery
from tests.webhooks.conftest import make_webhook

pytestmark = pytest.mark.django_db


def signature_is_valid(secret, headers, body, *, max_age=300):
    """What a receiver does (as docs/webhooks.md shows), written here independently."""
    timestamp = headers["X-Masthead-Timestamp"]
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    fresh = abs(time.time() - int(timestamp)) <= max_age
    given = headers["X-Masthead-Signature"].removeprefix("sha256=")
    return fresh and hmac.compare_digest(expected.hexdigest(), given)


def test_a_delivery_is_a_signed_json_post(receiver, queue):
    hook = make_webhook(receiver.url, secret="a-long-shared-secret")
    queue("breaking.posted", {"id": 7, "text": "Bridge reopens"})
    [queued] = WebhookDelivery.objects.all()

    assert webhooks_deliver() == "webhooks: 1 delivered, 0 failed"

    [request] = receiver.requests
    assert request.path == "/hooks/masthead"
    headers = request.headers
    assert headers["Content-Type"] == "application/json"
    assert headers["User-Agent"] == "Masthead-Webhooks/1"
    assert headers["X-Masthead-Event"] == "breaking.posted"
    assert headers["X-Masthead-Delivery"] == str(queued.pk)
    assert abs(int(headers["X-Masthead-Timestamp"]) - time.time()) < 60
    assert signature_is_valid(hook.secret, headers, request.body)
    assert not signature_is_valid("another-secret", headers, request.body)
    assert not signature_is_valid(hook.secret, headers, request.body + b" ")

    body = json.loads(request.body)
    assert body["event"] == "breaking.posted"
    assert body["data"] == {"id": 7, "text": "Bridge reopens"}
    uuid.UUID(body["id"])
    assert body["occurred_at"].endswith("Z")
    assert datetime.fromisoformat(body["occurred_at"]) == queued.created_at

    queued.refresh_from_db()
    assert queued.delivered_at is not None and queued.next_attempt_at is None
    assert (queued.attempts, queued.last_status_code, queued.given_up) == (1, 200, False)
    assert webhooks_deliver() == "" and len(receiver.requests) == 1, "sent once only"


def test_a_500_is_retried_after_the_backoff_and_delivered(receiver, queue):
    make_webhook(receiver.url)
    queue()
    receiver.statuses = [500]
    start = timezone.now()

    webhooks_deliver(now=start)
    failed = WebhookDelivery.objects.get()
    assert (failed.attempts, failed.last_status_code, failed.last_error) == (1, 500, "HTTP 500")
    assert failed.next_attempt_at == start + timedelta(seconds=30)
    assert failed.delivered_at is None and not failed.given_up

    webhooks_deliver(now=start + timedelta(seconds=29))
    assert len(receiver.requests) == 1, "not before its retry time"

    webhooks_deliver(now=start + timedelta(seconds=30))
    delivered = WebhookDelivery.objects.get()
    assert delivered.delivered_at == start + timedelta(seconds=30)
    assert (delivered.attempts, delivered.last_status_code, delivered.last_error) == (2, 200, "")
    first, second = receiver.requests
    assert first.body == second.body, "the same event, resent"
    assert first.headers["X-Masthead-Delivery"] == second.headers["X-Masthead-Delivery"]


def test_the_backoff_doubles_from_30_seconds_up_to_an_hour():
    waits = [retry_delay(attempt).total_seconds() for attempt in range(1, MAX_ATTEMPTS)]
    assert waits == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert sum(waits) / 3600 == pytest.approx(3.06, abs=0.01)  # about three hours in all


def test_a_refused_connection_is_retried_then_given_up(closed_port_url, queue):
    make_webhook(closed_port_url)
    queue()
    now = timezone.now()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert webhooks_deliver(now=now) == "webhooks: 0 delivered, 1 failed"
        pending = WebhookDelivery.objects.get()
        assert pending.attempts == attempt
        assert pending.last_status_code is None
        assert "refused" in pending.last_error.lower()
        if attempt < MAX_ATTEMPTS:
            assert pending.next_attempt_at == now + retry_delay(attempt)
            assert not pending.given_up
            now = pending.next_attempt_at

    assert pending.given_up and pending.next_attempt_at is None
    assert webhooks_deliver(now=now + timedelta(days=1)) == ""
    assert WebhookDelivery.objects.get().attempts == MAX_ATTEMPTS


@override_settings(MASTHEAD_WEBHOOK_TIMEOUT=0.2)
def test_a_receiver_that_hangs_times_out_and_is_retried(receiver, queue):
    make_webhook(receiver.url)
    queue()
    receiver.delay = 1
    now = timezone.now()
    webhooks_deliver(now=now)
    pending = WebhookDelivery.objects.get()
    assert "timed out" in pending.last_error
    assert pending.next_attempt_at == now + timedelta(seconds=30)


def test_a_redirect_counts_as_a_failure(receiver, queue):
    make_webhook(receiver.url)
    queue()
    receiver.statuses = [302]
    webhooks_deliver()
    pending = WebhookDelivery.objects.get()
    assert pending.last_status_code == 302 and pending.delivered_at is None
    assert len(receiver.requests) == 1, "the redirect was not followed"


def test_one_broken_webhook_does_not_stop_the_others(receiver, closed_port_url, queue):
    make_webhook(closed_port_url, name="Gone away")
    make_webhook("http://127.0.0.1:9/crashes-the-sender", name="Bug")
    make_webhook(receiver.url, name="Healthy")
    queue()
    real_post = sending.post

    def post(delivery, now):
        if delivery.webhook.name == "Bug":
            raise RuntimeError("a bug while sending")
        return real_post(delivery, now)

    sending.post, saved = post, sending.post
    try:
        assert webhooks_deliver() == "webhooks: 1 delivered, 2 failed"
    finally:
        sending.post = saved
    assert len(receiver.requests) == 1
    healthy = WebhookDelivery.objects.get(webhook__name="Healthy")
    assert healthy.delivered_at is not None
    gone = WebhookDelivery.objects.get(webhook__name="Gone away")
    assert gone.attempts == 1 and gone.next_attempt_at is not None


def test_a_tick_sends_a_bounded_batch_oldest_first(receiver, queue):
    make_webhook(receiver.url)
    for number in range(5):
        queue(data={"number": number})
    start = timezone.now()
    # Make the queue's order differ from the ids' order.
    for delivery, minutes in zip(
        WebhookDelivery.objects.order_by("pk"), [1, 5, 2, 4, 3], strict=True
    ):
        delivery.next_attempt_at = start - timedelta(minutes=minutes)
        delivery.save()

    webhooks_deliver(now=start, limit=2)
    sent = [json.loads(request.body)["data"]["number"] for request in receiver.requests]
    assert sent == [1, 3], "the two that waited longest"
    assert WebhookDelivery.objects.filter(delivered_at__isnull=True).count() == 3


def test_the_worker_tick_delivers_what_is_due(receiver, queue):
    make_webhook(receiver.url)
    queue("article.published", {"id": 3})
    report = worker.worker_tick()
    assert "webhooks: 1 delivered" in report
    assert json.loads(receiver.requests[0].body)["event"] == "article.published"


def test_a_paused_webhook_keeps_its_deliveries_waiting(receiver, queue):
    hook = make_webhook(receiver.url)
    queue()
    hook.active = False
    hook.save()
    assert webhooks_deliver() == ""
    assert receiver.requests == []
    hook.active = True
    hook.save()
    webhooks_deliver()
    assert len(receiver.requests) == 1
