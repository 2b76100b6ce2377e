"""Template tags for the parts every reader page shares: edition, navigation, ticker."""

from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Page, Site

from masthead.core.editions import edition_homes, edition_name, readable
from masthead.core.lists import list_joiners
from masthead.core.models import HomePage
from masthead.live.models import ticker_items
from masthead.media.mixed import writing_in
from masthead.news.models import Author, Region

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


@register.inclusion_tag("live/includes/ticker.html", takes_context=True)
def breaking_ticker(context):
    """The edition's ticker as the page is rendered (so it reads with JavaScript off); open
    pages then follow the edition's breaking.json for new and retracted lines."""
    edition = context.get("LANGUAGE_CODE") or get_language()
    return {"items": ticker_items(edition), "live_url": reverse("breaking_json")}


def page_in_editions(context):
    """{language code: URL} of the page being rendered in every edition readers can open:
    its own live (for stories: published) translations, else the edition's home.

    One query for the page's translations (none on a home page, whose translations are the
    cached edition homes), shared by the language links and the hreflang links.
    """
    request = context.get("request")
    cached = getattr(request, "_masthead_editions", None)
    if cached is not None:
        return cached
    homes = edition_homes()
    urls = {code: home.url for code, home in homes.items()}
    page = context.get("page")
    if isinstance(page, Page) and not isinstance(page, HomePage) and page.depth > HOME_DEPTH:
        codes = {home.locale_id: code for code, home in homes.items()}
        for translation in readable_translations(page):
            if translation.locale_id in codes:
                urls[codes[translation.locale_id]] = translation.get_url(request)
    elif request is not None:
        urls |= listing_in_editions(context, request, homes)
    if request is not None:
        request._masthead_editions = urls
    return urls


def listing_in_editions(context, request, homes):
    """{code: URL} for the listings that are not pages of their own: the search page (the
    reader's words, not the edition's filters), the author directory, a region or coverage
    topic (its translation, by translation key) and an author (where they have published
    work). Editions without a counterpart are left to their home."""
    match = getattr(request, "routable_resolver_match", None)
    route = match.url_name if match is not None else None
    resolved = getattr(request, "resolver_match", None)
    if route is None and resolved is not None and resolved.url_name == "search":
        words = request.GET.get("q", "")
        query = f"?{urlencode({'q': words})}" if words else ""
        return {code: f"{home.url}search/{query}" for code, home in homes.items()}
    if route == "authors":
        return {code: f"{home.url}authors/" for code, home in homes.items()}
    if route in ("region", "coverage") and route in context:
        term = context[route]
        codes = {home.locale_id: code for code, home in homes.items()}
        versions = type(term).objects.filter(translation_key=term.translation_key)
        return {
            codes[locale_id]: f"{homes[codes[locale_id]].url}{PLURAL[route]}/{slug}/"
            for locale_id, slug in versions.values_list("locale_id", "slug")
            if locale_id in codes
        }
    if route == "author" and "author" in context:
        slug = context["author"].slug
        return {
            code: f"{homes[code].url}authors/{slug}/"
            for code in editions_of_author(context["author"], homes)
        }
    return {}


def editions_of_author(author, homes):
    """The editions where `author` has published work: one query however many editions."""
    asks = {
        code: ExpressionWrapper(writing_in(home.locale_id), output_field=BooleanField())
        for code, home in homes.items()
    }
    found = Author.objects.filter(pk=author.pk).annotate(**asks).values(*asks).first() or {}
    return [code for code, yes in found.items() if yes]


# The home page's routes for a region and a coverage topic: /<edition>/regions/<slug>/.
PLURAL = {"region": "regions", "coverage": "coverage"}


def readable_translations(page):
    """The page and its translations that readers may open now (the embargo rule for the
    pages that have one)."""
    pages = readable(type(page)).filter(translation_key=page.translation_key)
    return pages.only("url_path", "locale_id")


@register.inclusion_tag("core/includes/language_links.html", takes_context=True)
def language_links(context):
    """Links to the same page in the other editions that have it, else to their homes.

    Editions whose home page is not live yet are left out.
    """
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    urls = page_in_editions(context)
    editions = [
        {
            "code": code,
            "label": code[:1].upper() + code[1:],
            "name": edition_name(code),
            "url": url,
            "current": code == current,
        }
        for code, url in urls.items()
    ]
    return {"editions": editions}


@register.inclusion_tag("core/includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for a Wagtail page in each edition that has it.

    x-default is where a reader with no matching language lands: "/" (which picks an
    edition from the browser's languages) for the home page, else the default edition's
    version of the page when it has one.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return {"alternates": []}
    is_home = isinstance(page, HomePage) and request.path == page.get_url(request)
    urls = page_in_editions(context)
    homes = edition_homes()
    alternates = [
        (code, request.build_absolute_uri(url))
        for code, url in urls.items()
        if is_home or url != homes[code].url
    ]
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    if is_home:
        default = request.build_absolute_uri("/")
    if len(alternates) < 2:
        return {"alternates": []}  # no other edition has this page
    if default:
        alternates.append(("x-default", default))
    return {"alternates": alternates}


@register.simple_tag(takes_context=True)
def listing_page_number(context):
    """The listing page a reader is on past the first (?page=3), for the title: tabs and
    search results should tell page 3 from page 1. None on the first page."""
    request = context.get("request")
    number = request.GET.get("page", "") if request is not None else ""
    return int(number) if number.isdigit() and 1 < int(number) < 10**6 else None


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    request = context["request"]
    return request.build_absolute_uri(page.get_url(request))


@register.filter
def joined(items):
    """(joiner, item) pairs that read as a list in the page's language, for bylines whose
    names are links: {% for joiner, author in authors|joined %}{{ joiner }}<a>…"""
    return list_joiners(items)


@register.filter
def urlquote(value):
    return quote(str(value), safe="")


@register.simple_tag
def footer_pages(site_settings, home):
    """The footer's pages in the edition being read: each one's live translation into the
    edition when it has one, else the page itself. One query for all of them."""
    pages = [block.value for block in site_settings.footer_links if block.value]
    pages = [page for page in pages if page.live]
    if home is None or all(page.locale_id == home.locale_id for page in pages):
        return pages
    translated = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale_id=home.locale_id, translation_key__in=[p.translation_key for p in pages]
        )
    }
    return [translated.get(page.translation_key, page) for page in pages]
