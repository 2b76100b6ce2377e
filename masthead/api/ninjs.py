"""One story as an IPTC ninjs 2.0 item, for news agencies' and partners' tools.

`/api/v1/articles/<id>/ninjs` answers the same published story as `/articles/<id>`, in
the standard's vocabulary. Only fields Masthead can fill truthfully are sent; the schema
the tests check it against is in `ninjs_schema.py`, and docs/api.md maps each field.
"""

import mimetypes
import re

from django.utils import timezone
from django.utils.html import strip_tags

from masthead.api.http import api_view, json_response, not_found
from masthead.api.ninjs_schema import NINJS_2_0_SCHEMA_URI
from masthead.api.serializers import IMAGE_SPECS, absolute, iso, page_url, route_url
from masthead.api.views import MAX_AGE, latest, published_story
from masthead.core.lists import human_list
from masthead.core.models import HomePage, SiteSettings
from masthead.news.models import ArticleType


def _concepts(request, home, route, items):
    return [
        {"name": item.name, "literal": item.slug, "uri": route_url(request, home, route, item.slug)}
        for item in items
    ]


def _renditions(request, image):
    found = image.get_renditions(*IMAGE_SPECS.values())
    return [
        {
            "name": size,
            "href": absolute(request, found[spec].url),
            "contenttype": mimetypes.guess_type(found[spec].file.name)[0] or "image/jpeg",
            "width": found[spec].width,
            "height": found[spec].height,
        }
        for size, spec in IMAGE_SPECS.items()
    ]


def lead_picture(request, story):
    """The lead image as an associated ninjs picture, named as ninjs names it."""
    image = story.lead_image
    if image is None:
        return []
    picture = {
        "name": "featureimage",
        "uri": absolute(request, image.file.url),
        "type": "picture",
        "renditions": _renditions(request, image),
    }
    if story.caption:
        caption = {"role": "caption", "contenttype": "text/plain", "value": story.caption}
        picture["descriptions"] = [caption]
    if image.credit:
        picture["by"] = image.credit
    return [picture]


# ninjs counts a body's words without its figure captions (pictures' and quotes' credits).
FIGCAPTION = re.compile(r"<figcaption\b.*?</figcaption>", re.IGNORECASE | re.DOTALL)


def _body(story):
    html = str(story.body.render_as_block())
    words = len(strip_tags(FIGCAPTION.sub(" ", html)).split())
    return {"role": "main", "contenttype": "text/html", "wordcount": words, "value": html}


def _rights(request, item):
    site = SiteSettings.for_request(request)
    year = (item["contentcreated"] or timezone.now().isoformat())[:4]
    rights = {
        "copyrightholder": site.site_name,
        "copyrightnotice": f"© {year} {site.site_name}. {site.copyright_line}".strip(),
    }
    if site.copyright_line:  # an empty statement of terms would tell partners nothing
        rights["usageterms"] = site.copyright_line
    return rights


def ninjs_item(request, story, home):
    authors = [author.name for author in story.authors()]
    item = {
        # Which standard and version this is, so partners' tools can pick their parser.
        "standard": {"name": "ninjs", "version": "2.0", "schema": NINJS_2_0_SCHEMA_URI},
        "uri": page_url(request, story),
        "type": "text",
        "representationtype": "full",
        "version": str(story.live_revision_id or 1),
        "firstcreated": iso(story.first_published_at or story.published_at),
        "versioncreated": iso(
            latest(story.published_at, story.last_published_at, story.updated_at)
        ),
        "contentcreated": iso(story.published_at),
        "pubstatus": "usable",
        "language": story.locale.language_code,
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": story.title}],
        "descriptions": [
            {"role": "summary", "contenttype": "text/plain", "value": story.standfirst}
        ],
        "bodies": [_body(story)],
        "genres": [
            {"name": str(ArticleType(story.article_type).label), "literal": story.article_type}
        ],
        "subjects": _concepts(request, home, "tag", story.tags.all()),
        "places": _concepts(request, home, "region", story.regions.all()),
        "associations": lead_picture(request, story),
    }
    if authors:
        item["by"] = human_list(authors, story.locale.language_code)
    if story.source:
        item["infosources"] = [{"name": story.source}]
    item.update(_rights(request, item))
    return item


@api_view
def article_ninjs(request, article_id):
    story = published_story(article_id)
    home = HomePage.objects.filter(locale_id=story.locale_id, depth=2).first()
    if home is None:
        raise not_found(f"The edition of article {article_id} has no home page.")
    modified = latest(story.published_at, story.last_published_at, story.updated_at)
    data = ninjs_item(request, story, home)
    return json_response(request, data, max_age=MAX_AGE["article"], last_modified=modified)
