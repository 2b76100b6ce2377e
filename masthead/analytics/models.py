"""View counting for Most Read: hourly counters per article, nothing about the reader."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


class ArticleView(models.Model):
    """How many times an article was read during one hour (UTC).

    One row per article per hour keeps the table small (at most 72 rows per article in
    the Most Read window) and the ranking a single indexed aggregate.
    """

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="view_counts"
    )
    hour = models.DateTimeField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="one_counter_per_hour")
        ]
        indexes = [models.Index(fields=["hour", "article"], name="view_hour_idx")]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}:00 — {self.views}"


def view_record(*, article_id, when=None):
    """Count one read of an article in the hour of `when` (default: now)."""
    when = when or timezone.now()
    hour = when.replace(minute=0, second=0, microsecond=0)
    counters = ArticleView.objects.filter(article_id=article_id, hour=hour)
    if counters.update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            ArticleView.objects.create(article_id=article_id, hour=hour, views=1)
    except IntegrityError:
        # Another process created this hour's row between our update and insert.
        counters.update(views=F("views") + 1)
