"""The edition's navigation, its regions and its coverage topics in the app API."""

from django.urls import reverse
from django.utils.http import urlencode

from masthead.api.http import api_view, json_response, not_found
from masthead.api.serializers import absolute, page_url, route_url, teaser
from masthead.api.views import _edition, latest, menu_tree, newest, page_limit
from masthead.news import teasers
from masthead.news.models import Coverage, Region

MAX_AGE = {"navigation": 300, "regions": 300, "coverage": 300, "topic": 60}


def _articles_url(request, code, **filters):
    query = urlencode({"edition": code, **filters})
    return absolute(request, f"{reverse('api:articles')}?{query}")


def region_data(request, home, code, region):
    return {
        "id": region.pk,
        "name": region.name,
        "slug": region.slug,
        "url": route_url(request, home, "region", region.slug),
        "articles_url": _articles_url(request, code, region=region.slug),
    }


def _regions(request, home, code):
    """The edition's regions as the API shows them, and when the newest was saved."""
    regions = Region.objects.filter(locale_id=home.locale_id)
    listed = [region_data(request, home, code, region) for region in regions]
    return listed, latest(*(region.updated_at for region in regions))


@api_view
def navigation(request):
    """The header's navigation: menu sections with subsections, then the region links."""
    code, home = _edition(request)
    sections, sections_changed = menu_tree(request, home)
    regions, regions_changed = _regions(request, home, code)
    data = {
        "edition": code,
        "home": {"title": home.title, "url": page_url(request, home)},
        "sections": sections,
        "regions": regions,
    }
    modified = latest(sections_changed, regions_changed)
    return json_response(request, data, max_age=MAX_AGE["navigation"], last_modified=modified)


@api_view
def regions(request):
    code, home = _edition(request)
    listed, modified = _regions(request, home, code)
    data = {"edition": code, "regions": listed}
    return json_response(request, data, max_age=MAX_AGE["regions"], last_modified=modified)


def topic_data(request, home, code, topic):
    return {
        "id": topic.pk,
        "title": topic.title,
        "slug": topic.slug,
        "description": topic.description,
        "active": topic.active,
        "url": route_url(request, home, "coverage", topic.slug),
        "api_url": absolute(
            request, f"{reverse('api:coverage_topic', args=[topic.slug])}?edition={code}"
        ),
        "articles_url": _articles_url(request, code, coverage=topic.slug),
    }


@api_view
def coverage(request):
    code, home = _edition(request)
    topics = Coverage.objects.filter(locale_id=home.locale_id)
    data = {"edition": code, "topics": [topic_data(request, home, code, t) for t in topics]}
    modified = latest(*(topic.updated_at for topic in topics))
    return json_response(request, data, max_age=MAX_AGE["coverage"], last_modified=modified)


@api_view
def coverage_topic(request, slug):
    """One topic: the editors' pinned stories in their order, then the latest others."""
    code, home = _edition(request)
    limit = page_limit(request)
    topic = Coverage.objects.filter(locale_id=home.locale_id, slug=slug).first()
    if topic is None:
        raise not_found(f"No coverage topic {slug!r} in this edition.")
    pinned, rest = teasers.in_coverage(topic)
    rest = list(rest[:limit])
    teasers.with_sections(pinned + rest)
    data = {
        **topic_data(request, home, code, topic),
        "edition": code,
        "pinned": [teaser(request, article) for article in pinned],
        "latest": [teaser(request, article) for article in rest],
    }
    modified = latest(topic.updated_at, newest(pinned + rest))
    return json_response(request, data, max_age=MAX_AGE["topic"], last_modified=modified)
