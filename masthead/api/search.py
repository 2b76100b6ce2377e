"""Search in the app API: the reader's search page's form, ranking and snippets, as JSON.

The words and filters go through `masthead.search` exactly as on `/en/search/`, so an app
and the reader page list the same stories in the same order. Where the page forgives (a
filter it cannot read is ignored with a note), the API answers 400: an app should learn
that its request is wrong rather than show unfiltered results.
"""

from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from masthead.api.http import api_view, bad_parameter, json_response
from masthead.api.serializers import absolute, teaser
from masthead.api.views import _edition, whole_number
from masthead.news import teasers
from masthead.search.forms import SearchForm
from masthead.search.query import MAX_QUERY_LENGTH, WINDOW, clean_query, rank
from masthead.search.views import PAGE_MAX_AGE, results_for

PER_PAGE, MAX_PER_PAGE = 10, 50
# The reader form's field for each API parameter (the page's URL names them the same).
FILTERS = {
    "section": "section",
    "region": "region",
    "type": "type",
    "from": "date_from",
    "to": "date_to",
}


def _words(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    if query.truncated:
        raise bad_parameter("q", f"at most {MAX_QUERY_LENGTH} characters.")
    if not query.terms:
        raise bad_parameter("q", "at least one word to search for.")
    return query


def _form(request, home):
    data = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    # The reader form names editions by locale id; the API by language code (_edition).
    data["edition"] = str(home.locale_id)
    form = SearchForm(_as_query_dict(data), locale=home.locale, home=home)
    for name, field in FILTERS.items():
        if field in form.errors:
            raise bad_parameter(name, "not a value the reader search offers.")
    return form


def _as_query_dict(data):
    query = QueryDict(mutable=True)
    query.update(data)
    return query


@api_view
def search(request):
    code, home = _edition(request)
    query = _words(request)
    form = _form(request, home)
    limit = whole_number(request, "limit", "results per page", lowest=1, highest=MAX_PER_PAGE)
    limit = limit or PER_PAGE
    last_page = -(-WINDOW // limit)  # pages past WINDOW matches are never reached
    number = whole_number(request, "page", "a page number", lowest=1, highest=last_page) or 1
    ranking = rank(form.filter(teasers.published()), query)
    hits = ranking.hits
    start = (number - 1) * limit
    found = results_for(hits[start : start + limit], query.terms, request)
    next_url = None
    if start + limit < len(hits):
        params = request.GET.copy()
        params["page"] = str(number + 1)
        next_url = absolute(request, f"{request.path}?{params.urlencode()}")
    data = {
        "edition": code,
        "query": query.normalized,
        "total": len(hits),
        "more_than_shown": len(hits) >= WINDOW,
        "partial": ranking.partial,
        "page": number,
        "results": [
            {
                **teaser(request, article),
                "highlighted_title": str(article.marked_title),
                "snippet": str(article.snippet),
            }
            for article in found
        ],
        "next": next_url,
        "reader_url": _reader_url(request, home, query),
    }
    return json_response(request, data, max_age=PAGE_MAX_AGE)


def _reader_url(request, home, query):
    with translation.override(home.locale.language_code):
        path = reverse("search")
    params = {"q": query.text, **{n: request.GET[n] for n in FILTERS if request.GET.get(n)}}
    return absolute(request, f"{path}?{urlencode(params)}")
