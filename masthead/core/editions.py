"""Editions: one per language, each with its own home page translated from the English one.

An edition exists for readers once its home page is live. `edition_homes()` knows which
do, from the cache, so routing and the language links on every page cost no query for
it; saving, publishing, unpublishing or deleting a home page clears the cache.
"""

import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from masthead.core.models import HomePage

HOMES_CACHE_KEY = "masthead:edition-homes"


@dataclass(frozen=True)
class EditionHome:
    code: str
    locale_id: int
    page_id: int
    url: str  # relative, e.g. "/ar/"
    time_zone: str = ""  # the home page's; empty for the site's TIME_ZONE


def edition_homes():
    """{language code: EditionHome} for the editions whose home page is live, in the order
    of LANGUAGES."""
    homes = cache.get(HOMES_CACHE_KEY)
    if homes is None:
        homes = _find_edition_homes()
        cache.set(HOMES_CACHE_KEY, homes, None)
    return homes


def _find_edition_homes():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    pages = (
        Page.objects.filter(translation_key=site.root_page.translation_key)
        .live()
        .select_related("locale", "homepage")
    )
    by_code = {page.locale.language_code: page for page in pages}
    return {
        code: EditionHome(
            code=code,
            locale_id=by_code[code].locale_id,
            page_id=by_code[code].pk,
            url=by_code[code].get_url(),
            time_zone=_time_zone(by_code[code]),
        )
        for code, _name in settings.LANGUAGES
        if code in by_code
    }


def _time_zone(page):
    try:
        return page.homepage.time_zone
    except HomePage.DoesNotExist:  # a site whose root is some other kind of page
        return ""


def edition_time_zone(code):
    """The zone edition `code` shows times in: its home page's, else TIME_ZONE."""
    home = edition_homes().get(code)
    return (home and home.time_zone) or settings.TIME_ZONE


class EditionTimeZoneMiddleware:
    """Shows each edition's pages on its own clock: activates the edition's time zone
    for the request (dates in templates, "today" in the LIVE schedule, whole days in
    search filters), so a page's cached body is right for every reader of its edition."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = get_language()
        if not request.path_info.startswith(f"/{code}/"):
            # Not an edition's page: the admin (each editor's own zone), the API, site-wide
            # feeds and sitemaps (times with their offsets) keep TIME_ZONE.
            return self.get_response(request)
        timezone.activate(zoneinfo.ZoneInfo(edition_time_zone(code)))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def readable(model):
    """Pages of this type that readers may open now: published for those with an embargo
    rule (stories, videos, galleries, infographs), live for the others. A private
    translation of a public page is an edge not worth the view-restriction query."""
    manager = model.objects
    return manager.published() if hasattr(manager, "published") else Page.objects.live()


def default_edition():
    return settings.LANGUAGE_CODE


def edition_name(code):
    """The language's own name for itself: what a reader of that edition looks for."""
    return get_language_info(code)["name_local"]


def in_default_edition(path, code):
    """The same address in the default edition: /ar/news/ -> /en/news/."""
    prefix = f"/{code}/"
    if not path.startswith(prefix):
        return f"/{default_edition()}/"
    return f"/{default_edition()}/{path[len(prefix) :]}"


def closed_edition_redirect(request):
    """For a reader in an edition that is not open (no live home): a temporary redirect to
    the same address in the default edition; None in an open edition."""
    code = get_language()
    if code in edition_homes() or code == default_edition():
        return None
    return redirect(in_default_edition(request.get_full_path(), code))


@receiver(page_published, sender=HomePage)
@receiver(page_unpublished, sender=HomePage)
@receiver(post_save, sender=HomePage)
@receiver(post_delete, sender=HomePage)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _forget_edition_homes(**kwargs):
    cache.delete(HOMES_CACHE_KEY)
