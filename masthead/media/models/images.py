"""Masthead's image model: every photo carries its caption and credit with it.

Editors fill the caption and credit once, at upload; every page that uses the image shows
them unless that page overrides the caption for its own story.
"""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class NewsImage(AbstractImage):
    caption = models.CharField(
        max_length=500, blank=True, help_text="Default caption shown under the image."
    )
    credit = models.CharField(
        max_length=200, blank=True, help_text="Photographer or agency, e.g. 'Agencies'."
    )

    admin_form_fields = WagtailImage.admin_form_fields + ("caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
