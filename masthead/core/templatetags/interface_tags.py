"""Interface text for scripts: handed over in the page itself, so no extra request."""

from django import template

from masthead.core import counted

register = template.Library()


@register.simple_tag
def count_labels(name):
    """JSON of a counted phrase in every plural form, for a data- attribute (autoescaped)."""
    return counted.count_labels(name)
