"""Which file formats reader pages offer each picture in.

Every picture on a reader page is a <picture>: one <source> per modern format, newest
first, and a JPEG <img> that every browser can show. Operators choose the modern formats
with IMAGE_FORMATS (default "avif,webp"); a format the installed Pillow cannot encode is
dropped here, once, so a Pillow built without libavif still serves WebP and JPEG instead
of failing on the first page that needs a new rendition.
"""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from PIL import Image, features

# Every browser shows JPEG: the <img> inside each <picture> always uses it.
FALLBACK_FORMAT = "jpeg"
# The formats a <source> can offer, in the order browsers should try them.
MODERN_FORMATS = ("avif", "webp")


def encodable(fmt):
    """True when this Pillow can write `fmt` (AVIF needs Pillow >= 11.3 built with libavif)."""
    return bool(features.check(fmt))


@cache
def picture_formats():
    """The formats to render, best first, ending with the JPEG fallback.

    Cached for the life of the process: Pillow's abilities do not change while it runs.
    """
    wanted = [fmt.strip().lower() for fmt in settings.MASTHEAD_IMAGE_FORMATS]
    modern = [fmt for fmt in MODERN_FORMATS if fmt in wanted and encodable(fmt)]
    return (*modern, FALLBACK_FORMAT)


@receiver(setting_changed)
def _forget_formats(*, setting, **kwargs):
    if setting == "MASTHEAD_IMAGE_FORMATS":
        picture_formats.cache_clear()


# libavif's encoder speed, 0 (slowest, smallest) to 10. Pillow's default, 6, takes about
# three times as long as 8 for files a few per cent smaller: too slow for a front page
# whose first render creates dozens of renditions.
AVIF_SPEED = 8


def encode_avif_faster():
    """Have Pillow encode AVIF at AVIF_SPEED unless the caller asks for another speed.

    Wagtail saves renditions through Willow, which passes Pillow only the quality; the
    speed is set instead in Pillow's AVIF writer, registered with Pillow's own
    `register_save`. Does nothing when this Pillow cannot write AVIF.
    """
    if not encodable("avif"):
        return
    Image.init()
    pillow_save = Image.SAVE["AVIF"]
    if getattr(pillow_save, "masthead_speed", False):
        return  # already in place

    def save(im, fp, filename):
        im.encoderinfo.setdefault("speed", AVIF_SPEED)
        return pillow_save(im, fp, filename)

    save.masthead_speed = True
    Image.register_save("AVIF", save)
