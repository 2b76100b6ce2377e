"""Breaking news: one-line items shown in the ticker under the navigation."""

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale
from wagtail.signals import page_published, page_unpublished

from masthead.core.editions import edition_time_zone
from masthead.live.pulse import pulse_changed


def default_expiry():
    return timezone.now() + timedelta(hours=6)


def default_edition_locale():
    """A line goes to the default edition unless the desk picks another."""
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE).pk


class BreakingQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now)).order_by(
            "position", "-created_at"
        )

    def in_edition(self, edition):
        return self.filter(locale__language_code=edition)


class BreakingItem(models.Model):
    # Each edition has its own ticker: its newsroom breaks its own news, in its language.
    locale = models.ForeignKey(
        Locale,
        on_delete=models.PROTECT,
        related_name="+",
        default=default_edition_locale,
        verbose_name="edition",
    )
    text = models.CharField(max_length=280, help_text="One line, as it should read.")
    attribution = models.CharField(
        max_length=120,
        blank=True,
        help_text="Optional prefix such as 'Our correspondent in Gaza'. Shown before a colon.",
    )
    article = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional story the line links to.",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The desk's running order: lowest first. A new line goes on top; editors move lines
    # up and down from the dashboard.
    position = models.IntegerField(default=0, editable=False)
    expires_at = models.DateTimeField(
        null=True, blank=True, default=default_expiry, help_text="Leave empty to keep it up."
    )

    objects = BreakingQuerySet.as_manager()

    panels = [
        FieldPanel("locale"),
        FieldPanel("text"),
        FieldPanel("attribution"),
        FieldPanel("article"),
        FieldPanel("expires_at"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "breaking item"

    def __str__(self):
        return f"{self.attribution}: {self.text}" if self.attribution else self.text

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.expires_at is None or self.expires_at > now

    @property
    def edition(self):
        return self.locale.language_code


def ticker_items(edition, limit=10):
    """The edition's active breaking items in the desk's running order (newest first
    unless moved), with their linked stories (one query).

    A line may point at a story that is still a draft or under embargo; it is shown
    without the link until readers can open the story.
    """
    lines = BreakingItem.objects.active().in_edition(edition)
    items = list(lines.select_related("article")[:limit])
    for item in items:
        if item.article is not None and not (item.article.live and item.article.is_published()):
            item.article = None
    return items


def ticker_document(edition, limit=10):
    """The edition's ticker as JSON-ready data for open pages, and how long it stays true
    by itself (until its first line expires)."""
    now = timezone.now()
    clock = zoneinfo.ZoneInfo(edition_time_zone(edition))  # the same for the API and pages
    items = ticker_items(edition, limit)
    lines = [
        {
            "id": item.pk,
            "text": item.text,
            "attribution": item.attribution,
            "url": item.article.get_url() if item.article else None,
            "created_at": item.created_at.isoformat(),
            "time": date_format(timezone.localtime(item.created_at, clock), "H:i"),
        }
        for item in items
    ]
    expiries = [item.expires_at for item in items if item.expires_at]
    valid_for = (min(expiries) - now).total_seconds() if expiries else None
    return {"items": lines}, valid_for


def ticker_pulse_name(edition):
    return f"breaking:{edition}"


def ticker_changed(*editions):
    """Tell open pages of these editions that their ticker changed (the others' readers
    keep their cached copy)."""
    pulse_changed(*(ticker_pulse_name(code) for code in editions))


@receiver(post_save, sender=BreakingItem)
@receiver(post_delete, sender=BreakingItem)
def _line_changed(instance, raw=False, **kwargs):
    if not raw:  # loading fixtures: no open page to tell, and the locale may not be loaded
        ticker_changed(instance.edition)


@receiver(page_published)
@receiver(page_unpublished)
def _linked_story_changed(instance, **kwargs):
    # A line links to its story only while the story is published.
    lines = BreakingItem.objects.active().filter(article_id=instance.pk)
    editions = set(lines.values_list("locale__language_code", flat=True))
    if editions:
        ticker_changed(*editions)
