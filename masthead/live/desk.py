"""The breaking desk: post and retract breaking lines, from the dashboard, hooks or code."""

from datetime import timedelta

from django.utils import timezone

from masthead.live.models import BreakingItem
from masthead.webhooks.events import breaking_event

DEFAULT_EXPIRY = timedelta(hours=6)


def breaking_post(*, text, attribution="", article=None, expires_in=DEFAULT_EXPIRY):
    """Put a line in the ticker now; it comes down by itself after `expires_in`."""
    now = timezone.now()
    item = BreakingItem.objects.create(
        text=text.strip(),
        attribution=attribution.strip(),
        article=article,
        created_at=now,
        expires_at=now + expires_in if expires_in else None,
    )
    breaking_event(event="breaking.posted", item=item)
    return item


def breaking_retract(*, item):
    """Take a line out of the ticker at once. It stays on record as expired."""
    item.expires_at = timezone.now()
    item.save(update_fields=["expires_at"])
    breaking_event(event="breaking.retracted", item=item)
    return item
