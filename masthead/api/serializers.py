"""Plain functions turning models into the API's JSON shapes. Fields are added, never
renamed or removed within v1 (docs/api.md)."""

from django.urls import reverse
from wagtail.rich_text import expand_db_html

# Lead and body images come in these crops (16:9), each a Wagtail rendition made once.
IMAGE_SPECS = {"small": "fill-480x270", "medium": "fill-960x540", "large": "fill-1440x810"}
# Gallery photos and infographs are shown whole, never cropped: the same sizes by width.
WHOLE_SPECS = {"small": "width-480", "medium": "width-960", "large": "width-1440"}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def page_url(request, page):
    """The page's reader address on the scheme and host the client called.

    Not Wagtail's `get_full_url()`: that starts from the Site record's hostname and port
    (`localhost:80` on a fresh install), which need not be any name the site answers to.
    Every edition lives under the one default Site, so the page's path on it is enough.
    """
    parts = page.get_url_parts(request)
    return absolute(request, parts[2]) if parts else None


def route_url(request, home, route, slug):
    """The reader address of a route of an edition's home page: a region, a tag, a
    coverage topic's page."""
    return page_url(request, home) + home.reverse_subpage(route, args=[slug]).lstrip("/")


def image_data(request, image, *, caption="", credit="", specs=IMAGE_SPECS):
    if image is None:
        return None
    renditions = image.get_renditions(*specs.values())
    return {
        "id": image.pk,
        "caption": caption or image.caption,
        "credit": credit or image.credit,
        "alt": image.default_alt_text or image.title,
        "renditions": {
            size: {
                "url": absolute(request, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for size, spec in specs.items()
        },
    }


def iso(value):
    return value.isoformat() if value else None


def article_link(request, article):
    """The short form other stories are named by: read next, related, body links."""
    return {
        "id": article.pk,
        "title": article.title,
        "url": page_url(request, article),
        "api_url": absolute(request, reverse("api:article", args=[article.pk])),
    }


def section_data(request, section):
    if section is None:
        return None
    return {"id": section.pk, "title": section.title, "url": page_url(request, section)}


def teaser(request, article):
    """One story in a list: what a card shows, no body."""
    return {
        **article_link(request, article),
        "standfirst": article.standfirst,
        "article_type": article.article_type,
        "published_at": iso(article.published_at),
        "updated_at": iso(article.updated_at),
        "section": section_data(request, getattr(article, "section", None)),
        "lead_image": image_data(request, article.lead_image, caption=article.lead_image_caption),
    }


def api_link(request, name, pk):
    return absolute(request, reverse(f"api:{name}", args=[pk]))


def page_link(request, page, api_name):
    """{id, title, url, api_url} for a video, gallery or infograph."""
    return {
        "id": page.pk,
        "title": page.title,
        "url": page_url(request, page),
        "api_url": api_link(request, api_name, page.pk),
    }


def people(request, authors):
    return [
        {
            "name": author.name,
            "slug": author.slug,
            "role": author.role,
            "photo": image_data(request, author.photo),
        }
        for author in authors
    ]


def names(items):
    return [{"name": item.name, "slug": item.slug} for item in items]


def _readable(article):
    return article is not None and article.live and article.is_published()


def body_blocks(request, article):
    """The body as typed blocks `{type, value}`; stories not yet readable are left out."""
    blocks = []
    for block in article.body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            data = expand_db_html(value.source)
        elif kind == "subheading":
            data = value
        elif kind == "quote":
            data = {"text": value["text"], "attribution": value["attribution"]}
        elif kind == "image":
            data = image_data(
                request, value["image"], caption=value["caption"], credit=value["credit"]
            )
            if data is None:
                continue
        elif kind == "read_next":
            if not _readable(value["article"]):
                continue
            data = {"article": article_link(request, value["article"])}
        elif kind == "related_news":
            linked = [article_link(request, a) for a in value["articles"] if _readable(a)]
            if not linked:
                continue
            data = {"articles": linked}
        else:  # a block type added later: its stored form, until it gets its own shape
            data = block.block.get_prep_value(value)
        blocks.append({"type": kind, "id": block.id, "value": data})
    return blocks
