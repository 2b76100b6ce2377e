"""Template tags for the parts every reader page shares: edition, navigation, ticker."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language_info
from wagtail.models import Page, Site

from masthead.core.models import HomePage
from masthead.live.models import ticker_items
from masthead.news.models import Region

register = template.Library()

HOME_DEPTH = 2


@register.simple_tag(takes_context=True)
def edition_home(context):
    """The edition's home page for the page being rendered (cached on the request)."""
    request = context.get("request")
    cached = getattr(request, "_masthead_home", None)
    if cached is not None:
        return cached
    page = context.get("page")
    home = None
    if isinstance(page, Page) and page.depth >= HOME_DEPTH:
        home = page if isinstance(page, HomePage) else None
        if home is None:
            home = HomePage.objects.filter(path=page.path[: HOME_DEPTH * Page.steplen]).first()
    if home is None and request is not None:
        site = Site.find_for_request(request)
        root = site.root_page if site else None
        home = HomePage.objects.filter(pk=root.pk).first() if root else None
    if request is not None and home is not None:
        request._masthead_home = home
    return home


@register.inclusion_tag("core/includes/navigation.html", takes_context=True)
def main_navigation(context, home):
    """Sections and their subsections, as editors arranged them, in one query."""
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    sections = []
    if home is not None:
        pages = (
            Page.objects.filter(
                path__startswith=home.path, depth__in=[home.depth + 1, home.depth + 2]
            )
            .live()
            .in_menu()
            .order_by("path")
        )
        by_path = {}
        for item in pages:
            if item.depth == home.depth + 1:
                entry = {
                    "page": item,
                    "children": [],
                    "current": current_path.startswith(item.path),
                }
                by_path[item.path] = entry
                sections.append(entry)
            else:
                parent = by_path.get(item.path[: -Page.steplen])
                if parent is not None:
                    parent["children"].append(item)
    return {"sections": sections, "request": context.get("request")}


@register.inclusion_tag("core/includes/regions.html", takes_context=True)
def region_links(context, home):
    regions = Region.objects.filter(locale_id=home.locale_id) if home else Region.objects.none()
    return {"regions": list(regions), "home": home, "request": context.get("request")}


@register.inclusion_tag("live/includes/ticker.html")
def breaking_ticker():
    """The ticker as the page is rendered (so it reads with JavaScript off); open pages
    then follow the edition's breaking.json for new and retracted lines."""
    return {"items": ticker_items(), "live_url": reverse("breaking_json")}


@register.inclusion_tag("core/includes/language_links.html", takes_context=True)
def language_links(context):
    """Links to the other editions (only those that exist; English alone for now)."""
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    editions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        editions.append(
            {
                "code": code,
                "label": code[:1].upper() + code[1:],
                "name": info["name_local"],
                "url": f"/{code}/",
                "current": code == current,
            }
        )
    return {"editions": editions}


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    request = context["request"]
    return request.build_absolute_uri(page.get_url(request))


@register.filter
def urlquote(value):
    return quote(str(value), safe="")
