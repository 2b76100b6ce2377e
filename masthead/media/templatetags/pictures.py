"""`{% news_picture %}`: Wagtail's `{% picture %}` with the formats chosen at run time.

    {% load pictures %}
    {% news_picture article.lead_image fill-{320x180,640x360}-c100 sizes="20rem" alt="" %}

renders what `{% picture image fill-{320x180,640x360}-c100|format-{avif,webp,jpeg} … %}`
would: a <picture> with a <source type="image/avif"> and a <source type="image/webp">, each
with its srcset, and a JPEG <img> carrying width, height, srcset and the given attributes.
The only difference is that the formats come from `masthead.media.pictures`, which drops
one the installed Pillow cannot encode; Wagtail's tag fixes them when the template is
compiled. Renditions are looked up exactly as `{% picture %}` does, so prefetched
renditions and the rendition cache serve them without queries.
"""

from django import template
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode

from masthead.media.pictures import picture_formats

register = template.Library()


class NewsPictureNode(PictureNode):
    def filters_for(self, image):
        sizes = Filter.expand_spec(self.filter_specs)
        if image.is_svg():
            # Vector images (if WAGTAILIMAGES_EXTENSIONS ever allows them) stay vectors.
            return [Filter(spec=spec) for spec in sizes]
        return [Filter(spec=f"{spec}|format-{fmt}") for fmt in picture_formats() for spec in sizes]

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.filters_for(image))
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        return Picture(renditions, attrs).__html__()


@register.tag
def news_picture(parser, token):
    tag_name, *bits = token.split_contents()
    if not bits:
        raise template.TemplateSyntaxError(f"{tag_name} needs an image and a filter spec")
    image_expr = parser.compile_filter(bits[0])
    specs, attrs = [], {}
    for bit in bits[1:]:
        if "=" in bit:
            name, value = bit.split("=", 1)
            attrs[name] = parser.compile_filter(value)
        elif Filter.expanding_spec_pattern.match(bit) and "format-" not in bit:
            specs.append(bit)
        else:
            raise template.TemplateSyntaxError(
                f"{tag_name}: {bit!r} is not a size filter spec (formats are chosen for you)"
            )
    if not specs:
        raise template.TemplateSyntaxError(f"{tag_name} needs at least one filter spec")
    return NewsPictureNode(image_expr, specs, attrs=attrs)
