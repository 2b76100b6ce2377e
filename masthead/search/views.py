"""The readers' search page and the headline suggestions behind the header's search box.

Both are plain views under the edition's language prefix (`/en/search/`), not routes of
the home page: search is not a place in the page tree, and a named URL lets every page's
header link to it without looking the home page up. Both are the same for every reader,
so they are cached like any other public page.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from masthead.core.editions import closed_edition_redirect
from masthead.core.models import HomePage
from masthead.core.pagination import paginate
from masthead.media.mixed import SEARCHED, published_pages
from masthead.search.forms import SearchForm
from masthead.search.query import (
    MAX_QUERY_LENGTH,
    WINDOW,
    Ranking,
    blend,
    clean_query,
    matches,
    rank,
)
from masthead.search.results import results_for

PER_PAGE = 10
SUGGESTIONS = 8
# Suggestions start at this many characters: one letter matches half the archive.
SUGGEST_MIN_LENGTH = 2
# Seconds browsers and shared caches may keep a results page.
PAGE_MAX_AGE = 60


def edition():
    """The active edition's locale and home page."""
    locale = Locale.get_active()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    return locale, home


@require_GET
def search_page(request):
    closed = closed_edition_redirect(request)
    if closed is not None:
        return closed
    locale, home = edition()
    if home is not None:
        # base.html's header finds the edition's home here instead of asking again.
        request._masthead_home = home
    query = clean_query(request.GET.get("q"))
    form = SearchForm(request.GET, locale=locale, home=home)
    notes = list(form.ignored())
    if query.truncated:
        notes.append(
            (
                "search-shortened",
                _("Your search was shortened to its first %(count)s characters.")
                % {"count": MAX_QUERY_LENGTH},
            )
        )
    ranking = rank(searched(form), query) if query.terms else Ranking()
    hits = ranking.hits
    page_obj = paginate(request, hits, per_page=PER_PAGE)
    page_obj.object_list = results_for(page_obj.object_list, query.terms)
    response = TemplateResponse(
        request,
        "search/search_page.html",
        {
            "form": form,
            "query": query,
            "page_obj": page_obj,
            "result_count": len(hits),
            "more_than_shown": len(hits) >= WINDOW,
            "partial": ranking.partial,
            "notes": notes,
            "filtered": form.is_filtered(),
            "home": home,
        },
    )
    patch_cache_control(response, public=True, max_age=PAGE_MAX_AGE)
    return response


def searched(form):
    """{kind name: its published pages the form's filters leave}: where search looks."""
    return published_pages(None, form.where, kinds=form.kinds())


def suggestion_key(locale, query):
    digest = hashlib.sha256(query.normalized.encode()).hexdigest()[:32]
    return f"masthead:search-suggest:{locale.pk}:{digest}"


@require_GET
def suggest_json(request):
    """Up to eight published headlines (of every kind) starting with the reader's words,
    as JSON.

    Cached by the words (case, spacing and punctuation do not make a new entry), so a
    busy search box costs the database one query per kind per distinct prefix per few
    minutes.
    """
    locale = Locale.get_active()
    query = clean_query(request.GET.get("q"))
    seconds = settings.MASTHEAD_SEARCH_SUGGEST_SECONDS
    data = {"query": query.normalized, "suggestions": []}
    if len(query.normalized) >= SUGGEST_MIN_LENGTH:
        key = suggestion_key(locale, query)
        cached = cache.get(key)
        if cached is None:
            cached = [
                {"title": page.title, "url": page.get_url(request)}
                for page in headlines(locale, query)
            ]
            cache.set(key, cached, seconds)
        data["suggestions"] = cached
    response = JsonResponse(data)
    patch_cache_control(response, public=True, max_age=seconds)
    return response


def headlines(locale, query):
    """The best SUGGESTIONS headlines of all kinds, ranked as results are (query.blend)."""
    found = []
    try:
        for name, pages in published_pages(locale.pk, kinds=tuple(SEARCHED)).items():
            pages = pages.defer_streamfields()
            suggested = pages.autocomplete(query.normalized, operator="and")
            found += matches(name, suggested.annotate_score("_score")[:SUGGESTIONS])
    except DatabaseError:  # an engine refusing a prefix means "no suggestions"
        return []
    pages = {(match.kind, match.page.pk): match.page for match in found}
    hits = blend(found, query.terms, now=timezone.now())[:SUGGESTIONS]
    return [pages[(hit.kind, hit.pk)] for hit in hits]
