"""`{% page_metadata %}`: canonical link, feed links, Open Graph and Twitter card tags and
JSON-LD for the page being rendered (structured_data.py), placed in base.html's head."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from masthead.syndication.structured_data import page_metadata as build_metadata

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a headline would end or confuse the script;
# escaped as JSON unicode escapes they mean the same to a JSON parser.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(JSON_ESCAPES))


@register.inclusion_tag("syndication/page_metadata.html", takes_context=True)
def page_metadata(context):
    data = build_metadata(context)
    graph = {"@context": "https://schema.org", "@graph": data.graph} if data.graph else None
    return {
        "canonical": data.canonical,
        "feeds": data.feeds,
        "meta": data.meta,
        "json_ld": json_ld(graph) if graph else "",
    }
