"""Sending queued webhook deliveries: signed POSTs, retried with backoff, from the worker.

Each worker tick sends a bounded batch of due deliveries, oldest first, so a backlog (or a
receiver that hangs until the timeout) cannot hold up scheduled publishing for long.
"""

import hashlib
import hmac
import http.client
import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from masthead.webhooks.models import WebhookDelivery

logger = logging.getLogger(__name__)

BATCH = 20
MAX_ATTEMPTS = 10
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
USER_AGENT = "Masthead-Webhooks/1"


def retry_delay(attempts):
    """Wait after the `attempts`-th failure: 30 s, 1, 2, 4 … 32 min, then hourly."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def signature(secret, timestamp, body):
    message = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect would turn the POST into a GET somewhere else: count it as a failure.
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_RefuseRedirects)


def post(delivery, now):
    """POST the delivery once. Returns the HTTP status; raises on a failed connection."""
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    timestamp = int(now.timestamp())
    request = urllib.request.Request(
        delivery.webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Masthead-Event": delivery.event,
            "X-Masthead-Delivery": str(delivery.pk),
            "X-Masthead-Timestamp": str(timestamp),
            "X-Masthead-Signature": signature(delivery.webhook.secret, timestamp, body),
        },
    )
    try:
        with _opener.open(request, timeout=settings.MASTHEAD_WEBHOOK_TIMEOUT) as response:
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def claim(delivery, now):
    """Book the next retry before sending, so a second worker (or a crash mid-send) neither
    sends twice at once nor loses the delivery. False when another worker got there first."""
    attempts = delivery.attempts + 1
    retry_at = now + retry_delay(attempts) if attempts < MAX_ATTEMPTS else None
    claimed = WebhookDelivery.objects.filter(
        pk=delivery.pk, attempts=delivery.attempts, next_attempt_at=delivery.next_attempt_at
    ).update(attempts=F("attempts") + 1, next_attempt_at=retry_at)
    delivery.attempts, delivery.next_attempt_at = attempts, retry_at
    return bool(claimed)


def delivery_attempt(*, delivery, now):
    """Send one delivery and record the outcome: True when the receiver took it, False when
    it failed, None when another worker had already claimed it."""
    if not claim(delivery, now):
        return None
    try:
        status, error = post(delivery, now), ""
    except (OSError, ValueError, http.client.HTTPException) as failure:
        # Refused, DNS, timeout, TLS, a garbled answer: all worth another try later.
        status, error = None, str(getattr(failure, "reason", failure)) or type(failure).__name__
    delivered = status is not None and 200 <= status < 300
    if delivered:
        delivery.delivered_at, delivery.next_attempt_at = now, None
    elif status is not None:
        error = f"HTTP {status}"
    delivery.last_status_code, delivery.last_error = status, error
    delivery.given_up = not delivered and delivery.next_attempt_at is None
    delivery.save(
        update_fields=[
            "delivered_at",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "given_up",
        ]
    )
    if not delivered:
        logger.warning(
            "webhook %s: %s delivery %s failed (attempt %s): %s%s",
            delivery.webhook.name,
            delivery.event,
            delivery.pk,
            delivery.attempts,
            error,
            "; giving up" if delivery.given_up else "",
        )
    return delivered


def webhooks_deliver(*, now=None, limit=BATCH):
    """Send the deliveries that are due, oldest first, at most `limit` of them.

    Returns a line for the worker's log ("" when nothing was due). One failing receiver,
    or a bug in handling one delivery, never stops the others.
    """
    now = now or timezone.now()
    due = (
        WebhookDelivery.objects.filter(next_attempt_at__lte=now, webhook__active=True)
        .select_related("webhook")
        .order_by("next_attempt_at", "pk")[:limit]
    )
    sent = failed = 0
    for delivery in due:
        try:
            ok = delivery_attempt(delivery=delivery, now=now)
        except Exception:
            logger.exception("webhook delivery %s could not be attempted", delivery.pk)
            ok = False
        if ok is not None:
            sent, failed = sent + ok, failed + (not ok)
    return f"webhooks: {sent} delivered, {failed} failed" if sent or failed else ""


def delivery_retry(*, delivery, now=None):
    """Give a delivery that was given up a fresh round of attempts, starting now."""
    WebhookDelivery.objects.filter(pk=delivery.pk, given_up=True).update(
        given_up=False, attempts=0, next_attempt_at=now or timezone.now()
    )
    delivery.refresh_from_db()
    return delivery
