"""Upload limits: no decompression bombs, no files too big to handle, and a clear answer.

Two settings bound what an editor can upload (README, docs/images.md):
WAGTAILIMAGES_MAX_UPLOAD_SIZE (IMAGE_MAX_UPLOAD_MB) and WAGTAILIMAGES_MAX_IMAGE_PIXELS
(IMAGE_MAX_PIXELS). Wagtail checks both at upload; this module makes the refusal say what
is wrong and what to do, and tells Pillow the same pixel limit, so that an image over it is
never decoded anywhere in the process (renditions, the demo, future imports), not only in
the admin's upload form.

A decompression bomb is a small file that declares huge dimensions: a PNG of zeros a few
hundred bytes long can claim 30,000 × 30,000 pixels, 2.7 GB once decoded. Its size is read
from the file's header, before a single pixel is decoded, and refused there.
"""

import math
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def apply_pillow_limit():
    """Make Pillow refuse, before decoding, any image over WAGTAILIMAGES_MAX_IMAGE_PIXELS.

    Pillow raises DecompressionBombError when an image has more than twice
    MAX_IMAGE_PIXELS, and only warns between once and twice that. Half the limit makes its
    error fall exactly on the limit, without relying on warning filters (which test
    runners and `-W` options replace); the warning, for images within the limit, is noise.
    """
    PILImage.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS / 2
    warnings.filterwarnings("ignore", category=PILImage.DecompressionBombWarning)


def declared_size(file):
    """(width, height) as the file's header declares them, without decoding any pixel.

    Pillow's format plugins read only the header when an image is opened; `Image.open`
    then applies the decompression-bomb check, which would hide the very size an editor
    needs to hear about. Returns None when no plugin recognises the file.
    """
    PILImage.init()
    position = file.tell()
    try:
        file.seek(0)
        prefix = file.read(16)
        for format_id in PILImage.ID:
            factory, accept = PILImage.OPEN[format_id]
            recognised = accept(prefix) if accept else True
            if not recognised or isinstance(recognised, str):
                continue
            file.seek(0)
            try:
                return factory(file, "").size
            except Exception:  # not this format after all: try the next plugin
                continue
        return None
    finally:
        file.seek(position)


def megapixels(pixels, *, up):
    """Pixels as megapixels to one decimal ("64", "64.1"). An image's count is rounded up
    and a limit's down, so an image over the limit never reads as equal to it."""
    tenths = math.ceil(pixels / 100_000) if up else math.floor(pixels / 100_000)
    return f"{tenths / 10:,.1f}".removesuffix(".0")


class NewsImageField(WagtailImageField):
    """Wagtail's image upload field, with refusals an editor can act on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Used for animations (every frame counts) and files whose header we cannot read.
        self.error_messages["file_too_many_pixels"] = _(
            "This image has too many pixels (%(num_pixels)s); the limit is "
            "%(max_pixels_count)s. Scale it down, then upload it again."
        )

    def check_image_file_size(self, f):
        if self.max_upload_size is not None and f.size > self.max_upload_size:
            raise ValidationError(
                _(
                    "This file is %(size)s; the limit is %(limit)s. Export the picture at a "
                    "smaller size or with more compression, then upload it again."
                )
                % {"size": filesizeformat(f.size), "limit": self.max_upload_size_text},
                code="file_too_large",
            )

    def check_image_pixel_size(self, f):
        limit = self.max_image_pixels
        source = getattr(f.image, "f", None)
        size = declared_size(source) if limit is not None and source is not None else None
        if size and size[0] * size[1] > limit:
            width, height = size
            raise ValidationError(
                _(
                    "This image is %(width)s × %(height)s pixels (%(megapixels)s megapixels); "
                    "the limit is %(limit)s megapixels. Scale it down, then upload it again."
                )
                % {
                    "width": f"{width:,}",
                    "height": f"{height:,}",
                    "megapixels": megapixels(width * height, up=True),
                    "limit": megapixels(limit, up=False),
                },
                code="file_too_many_pixels",
            )
        # Frames of an animation count too; Wagtail's own check adds them up.
        super().check_image_pixel_size(f)


class NewsImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with NewsImageField."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = NewsImageField(
                label=field.label, required=field.required, widget=field.widget
            )
