"""Search in the app API: the reader's search page's form, ranking and snippets, as JSON.

The words and filters go through `masthead.search` exactly as on `/en/search/`, so an app
and the reader page list the same pages (stories, videos, galleries, infographs and live
blogs) in the same order. Every result has a story's fields, so clients written when
search found stories only keep working; `kind` says what it is. Where the page forgives (a
filter it cannot read is ignored with a note), the API answers 400: an app should learn
that its request is wrong rather than show unfiltered results.
"""

from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from masthead.api.http import api_view, bad_parameter, json_response
from masthead.api.serializers import absolute, api_link, image_data, iso, section_data, teaser
from masthead.api.views import _edition, whole_number
from masthead.search.forms import SearchForm
from masthead.search.query import MAX_QUERY_LENGTH, WINDOW, clean_query, rank
from masthead.search.results import results_for
from masthead.search.views import PAGE_MAX_AGE, searched

PER_PAGE, MAX_PER_PAGE = 10, 50
# Each kind's own resource in the API, for `api_url`.
RESOURCES = {
    "video": "video",
    "gallery": "gallery",
    "infograph": "infograph",
    "liveblog": "live_blog_updates",
}
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
    ranking = rank(searched(form), query)
    hits = ranking.hits
    start = (number - 1) * limit
    found = results_for(hits[start : start + limit], query.terms)
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
                **_teaser(request, result),
                "kind": result.kind,
                "highlighted_title": str(result.marked_title),
                "snippet": str(result.snippet),
            }
            for result in found
        ],
        "next": next_url,
        "reader_url": _reader_url(request, home, query),
    }
    return json_response(request, data, max_age=PAGE_MAX_AGE)


def _teaser(request, result):
    """A story's teaser; for other kinds the same fields, `article_type` null and the
    page's picture (poster, cover, graphic) as `lead_image`."""
    page = result.page
    if result.kind == "article":
        return teaser(request, page)
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "api_url": api_link(request, RESOURCES[result.kind], page.pk),
        "standfirst": page.standfirst,
        "article_type": None,
        "published_at": iso(result.published_at),
        "updated_at": None,
        "section": section_data(request, result.section),
        "lead_image": image_data(request, result.picture),
    }


def _reader_url(request, home, query):
    with translation.override(home.locale.language_code):
        path = reverse("search")
    params = {"q": query.text, **{n: request.GET[n] for n in FILTERS if request.GET.get(n)}}
    return absolute(request, f"{path}?{urlencode(params)}")
