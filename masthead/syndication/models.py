"""What editors decide about syndication: full text in feeds, the publisher's logo."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="rss")
class SyndicationSettings(BaseSiteSetting):
    feeds_full_text = models.BooleanField(
        "full text in feeds",
        default=False,
        help_text=(
            "Put the whole story (its text, subheadings and quotes) in RSS and Atom feeds. "
            "Off: feeds carry the headline, standfirst and lead image only."
        ),
    )
    publisher_logo = models.ForeignKey(
        "media.NewsImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "The logo search engines show beside your stories (a wide PNG or JPEG). "
            "Empty: the site icon."
        ),
    )

    panels = [FieldPanel("feeds_full_text"), FieldPanel("publisher_logo")]

    class Meta:
        verbose_name = "feeds and search engines"
