"""The breaking desk: post and retract breaking lines, from the dashboard, hooks or code."""

from datetime import timedelta

from django.utils import timezone

from masthead.live.models import BreakingItem

DEFAULT_EXPIRY = timedelta(hours=6)


def breaking_post(*, text, attribution="", article=None, expires_in=DEFAULT_EXPIRY):
    """Put a line in the ticker now; it comes down by itself after `expires_in`."""
    now = timezone.now()
    return BreakingItem.objects.create(
        text=text.strip(),
        attribution=attribution.strip(),
        article=article,
        created_at=now,
        expires_at=now + expires_in if expires_in else None,
    )


def breaking_retract(*, item):
    """Take a line out of the ticker at once. It stays on record as expired."""
    item.expires_at = timezone.now()
    item.save(update_fields=["expires_at"])
    return item
