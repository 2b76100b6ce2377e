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
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from masthead.core.editions import closed_edition_redirect
from masthead.core.models import HomePage
from masthead.core.pagination import paginate
from masthead.news import teasers
from masthead.news.models import ArticlePage
from masthead.search import highlight
from masthead.search.forms import SearchForm
from masthead.search.query import MAX_QUERY_LENGTH, WINDOW, Ranking, clean_query, rank

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


def results_for(hits, terms, request):
    """The stories for one page of hits, in rank order, with marked headline and snippet."""
    by_pk = {
        article.pk: article
        for article in ArticlePage.objects.filter(pk__in=[hit.pk for hit in hits])
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
    }
    # A story unpublished between the two queries simply drops out.
    articles = [by_pk[hit.pk] for hit in hits if hit.pk in by_pk]
    for article in teasers.with_sections(articles):
        article.marked_title = highlight.headline(article, terms)
        article.snippet = highlight.snippet(article, terms)
    return articles


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
    ranking = rank(form.filter(teasers.published()), query) if query.terms else Ranking()
    hits = ranking.hits
    page_obj = paginate(request, hits, per_page=PER_PAGE)
    page_obj.object_list = results_for(page_obj.object_list, query.terms, request)
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


def suggestion_key(locale, query):
    digest = hashlib.sha256(query.normalized.encode()).hexdigest()[:32]
    return f"masthead:search-suggest:{locale.pk}:{digest}"


@require_GET
def suggest_json(request):
    """Up to eight published headlines starting with the reader's words, as JSON.

    Cached by the words (case, spacing and punctuation do not make a new entry), so a
    busy search box costs the database one query per distinct prefix per few minutes.
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
                {"title": article.title, "url": article.get_url(request)}
                for article in headlines(locale, query)
            ]
            cache.set(key, cached, seconds)
        data["suggestions"] = cached
    response = JsonResponse(data)
    patch_cache_control(response, public=True, max_age=seconds)
    return response


def headlines(locale, query):
    articles = teasers.published(locale.pk).defer_streamfields()
    try:
        return list(articles.autocomplete(query.normalized, operator="and")[:SUGGESTIONS])
    except DatabaseError:  # an engine refusing a prefix means "no suggestions"
        return []
