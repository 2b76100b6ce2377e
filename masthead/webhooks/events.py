"""Newsroom events become queued webhook deliveries.

`webhook_event()` is the one way in: the breaking desk calls it, and Wagtail's page signals
call it for stories. The worker sends what is queued (see `delivery.py`).
"""

import uuid
from datetime import UTC
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from masthead.webhooks.models import Webhook, WebhookDelivery, WebhookEvent


def webhook_event(*, event, data):
    """Queue `event` for every active webhook subscribed to it, once the transaction commits.

    A publish that is rolled back sends nothing. `data` is a dict, or a function returning
    one, called only when some webhook listens, so an installation without webhooks pays
    one query per event.
    """
    event = WebhookEvent(event).value  # an unknown event fails here, in the caller
    occurred_at = timezone.now()
    # Robust: the story is saved by then, so a failure here is logged, never an error page.
    transaction.on_commit(lambda: _queue(event, data, occurred_at), robust=True)


def _queue(event, data, occurred_at):
    hooks = [hook for hook in Webhook.objects.filter(active=True) if event in hook.events]
    if not hooks:
        return []
    payload = {
        "event": event,
        # One id per event, the same for every webhook and every retry: receivers use it
        # to ignore a delivery they have already handled.
        "id": str(uuid.uuid4()),
        "occurred_at": iso(occurred_at),
        "data": data() if callable(data) else data,
    }
    return WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            webhook=hook,
            event=event,
            payload=payload,
            created_at=occurred_at,
            next_attempt_at=occurred_at,
        )
        for hook in hooks
    )


def iso(moment):
    """ISO 8601 in UTC with a Z, whatever TIME_ZONE the installation shows dates in."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def absolute_url(page):
    """The page's public address: Wagtail's URL, on BASE_URL when it is relative (one site)."""
    url = page.get_url()
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url) if url else None


def article_data(article):
    # By path rather than get_parent(): a story deleted with its section has none left.
    section = Page.objects.filter(path=article.path[: -Page.steplen]).first()
    return {
        "id": article.pk,
        "title": article.title,
        "url": absolute_url(article),
        "first_published_at": iso(article.first_published_at),
        "published_at": iso(article.published_at),
        "updated_at": iso(article.updated_at or article.last_published_at),
        "section": {"id": section.pk, "title": section.title} if section else None,
    }


def breaking_data(item):
    article = item.article
    return {
        "id": item.pk,
        "edition": item.locale.language_code,
        "text": item.text,
        "attribution": item.attribution,
        "url": absolute_url(article) if article is not None else None,
        "created_at": iso(item.created_at),
        "expires_at": iso(item.expires_at),
    }


def breaking_event(*, event, item, now=False):
    """For the breaking desk: one call after a line is posted or retracted. `now=True`
    reads the line at once (it is about to be deleted) rather than at commit."""
    data = breaking_data(item) if now else lambda: breaking_data(item)
    webhook_event(event=event, data=data)


def article_published(sender, instance, **kwargs):
    # Wagtail sends page_published also when it merely schedules a story for later; the
    # event waits until the worker really makes it live (and the signal comes again).
    if instance.live:
        webhook_event(event=WebhookEvent.ARTICLE_PUBLISHED, data=lambda: article_data(instance))


def article_unpublished(sender, instance, **kwargs):
    webhook_event(event=WebhookEvent.ARTICLE_UNPUBLISHED, data=lambda: article_data(instance))


def connect_signals():
    """Stories are watched through Wagtail's signals rather than admin hooks, because the
    signals also fire when the worker publishes a scheduled story or expires one, which
    never passes through the admin."""
    from masthead.news.models import ArticlePage

    page_published.connect(article_published, sender=ArticlePage, dispatch_uid="webhooks-pub")
    page_unpublished.connect(article_unpublished, sender=ArticlePage, dispatch_uid="webhooks-unpub")
