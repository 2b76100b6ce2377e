"""Breaking news: one-line items shown in the ticker under the navigation."""

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel


def default_expiry():
    return timezone.now() + timedelta(hours=6)


class BreakingQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now)).order_by(
            "-created_at"
        )


class BreakingItem(models.Model):
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
    expires_at = models.DateTimeField(
        null=True, blank=True, default=default_expiry, help_text="Leave empty to keep it up."
    )

    objects = BreakingQuerySet.as_manager()

    panels = [
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


def ticker_items(limit=10):
    """Active breaking items, newest first, with their linked stories (one query).

    A line may point at a story that is still a draft or under embargo; it is shown
    without the link until readers can open the story.
    """
    items = list(BreakingItem.objects.active().select_related("article")[:limit])
    for item in items:
        if item.article is not None and not (item.article.live and item.article.is_published()):
            item.article = None
    return items
