"""Running times for templates: `{{ seconds|clock }}` gives 4:05 or 1:02:03."""

from django import template

from masthead.media.models import video

register = template.Library()
register.filter("clock", video.clock)
