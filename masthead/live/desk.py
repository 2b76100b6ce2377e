"""The breaking desk: post, move, retract and develop breaking lines, from the dashboard,
hooks or code."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from masthead.live.models import BreakingItem, ticker_changed
from masthead.webhooks.events import breaking_event

DEFAULT_EXPIRY = timedelta(hours=6)


def breaking_post(*, text, attribution="", article=None, expires_in=DEFAULT_EXPIRY, edition=None):
    """Put a line at the top of an edition's ticker now (the default edition's unless
    told); it comes down by itself after `expires_in`."""
    now = timezone.now()
    locale = Locale.objects.get(language_code=edition or settings.LANGUAGE_CODE)
    item = BreakingItem.objects.create(
        locale=locale,
        text=text.strip(),
        attribution=attribution.strip(),
        article=article,
        created_at=now,
        expires_at=now + expires_in if expires_in else None,
        position=_top_position(locale.pk),
    )
    breaking_event(event="breaking.posted", item=item)
    return item


def breaking_added(*, item):
    """A line saved some other way (the *Breaking* admin screen) joins the desk's flow:
    on top of the ticker, announced to webhooks like a posted one."""
    item.position = _top_position(item.locale_id, excluding=item)
    item.save(update_fields=["position"])
    breaking_event(event="breaking.posted", item=item)
    return item


def breaking_deleted(*, item):
    """Announce a line about to be deleted: for readers it is retracted."""
    if item.is_active():
        breaking_event(event="breaking.retracted", item=item, now=True)


def _top_position(locale_id, excluding=None):
    active = BreakingItem.objects.active().filter(locale_id=locale_id)
    if excluding is not None:
        active = active.exclude(pk=excluding.pk)
    top = active.aggregate(top=Min("position"))["top"]
    return (top or 0) - 1


def breaking_retract(*, item):
    """Take a line out of the ticker at once. It stays on record as expired."""
    item.expires_at = timezone.now()
    item.save(update_fields=["expires_at"])
    breaking_event(event="breaking.retracted", item=item)
    return item


@transaction.atomic
def breaking_move(*, item, by):
    """Move a line `by` places in its edition's running order (-1: up, 1: down).

    The edition's active lines are renumbered 0..n-1 in their new order, so ties left by
    older lines or concurrent posts never make a move a no-op.
    """
    lines = list(BreakingItem.objects.active().filter(locale_id=item.locale_id).select_for_update())
    if item not in lines:
        return item
    index = lines.index(item)
    target = min(max(index + by, 0), len(lines) - 1)
    lines.insert(target, lines.pop(index))
    for position, line in enumerate(lines):
        line.position = position
    BreakingItem.objects.bulk_update(lines, ["position"])
    ticker_changed(item.edition)  # bulk_update sends no signals
    return lines[target]


def breaking_develop(*, item, section, user):
    """Start a draft story from a breaking line, and link the line to it.

    The headline (and, until the reporter writes one, the standfirst) is the line
    itself. The line's link only shows in the ticker once the story is published.
    """
    from masthead.news.models import ArticlePage

    headline = item.text
    story = ArticlePage(
        title=headline,
        standfirst=f"{item.attribution}: {headline}" if item.attribution else headline,
        slug=_free_slug(section, headline),
        live=False,
        owner=user,
    )
    section.add_child(instance=story)
    story.save_revision(user=user, log_action=True)
    item.article = story
    item.save(update_fields=["article"])
    return story


def _free_slug(parent, text):
    base = slugify(text)[:70].strip("-") or "breaking"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
