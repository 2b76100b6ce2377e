"""Template filters for live pages."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

register = template.Library()

# Inside <script>, these would let text end the element or start markup.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """Data as JSON safe to place inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(SCRIPT_ESCAPES))
