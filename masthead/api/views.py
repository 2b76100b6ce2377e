"""The app API, v1: plain views over the same queries the reader pages use.

Every list starts from `ArticlePage.objects.published()` (via `teasers`), so a draft, a
private story or one under embargo is invisible here until readers can see it too. Each
view runs a fixed number of queries however large the archive (tests/api count them).
"""

import base64
import binascii
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.common import no_append_slash
from wagtail.models import Page

from masthead.api import openapi
from masthead.api.http import (
    ApiError,
    api_view,
    bad_parameter,
    content_response,
    json_response,
    not_found,
)
from masthead.api.serializers import (
    absolute,
    article_link,
    body_blocks,
    image_data,
    iso,
    page_url,
    section_data,
    teaser,
)
from masthead.core.editions import edition_homes
from masthead.core.models import HomePage
from masthead.live.models.breaking import ticker_document
from masthead.news import teasers
from masthead.news.models import ArticlePage

# Seconds a client or cache may reuse each resource without asking again.
MAX_AGE = {
    "editions": 300,
    "sections": 300,
    "articles": 60,
    "article": 60,
    "breaking": 15,
    "most_read": 120,
    "openapi": 300,
    "index": 300,
}
DEFAULT_LIMIT, MAX_LIMIT = 20, 100
# Ids are ASCII digits, few enough for any database's integers (SQLite refuses a Python
# int past 2**63 with an OverflowError, which would be a 500).
ID_RE = re.compile(r"[0-9]{1,18}")


def whole_number(request, name, what, *, lowest=None, highest=None):
    """The parameter as an int (None when absent), or a 400 naming it."""
    raw = request.GET.get(name)
    if raw is None:
        return None
    bounded = f" from {lowest} to {highest}" if highest is not None else ""
    if not ID_RE.fullmatch(raw):
        raise bad_parameter(name, f"{what}, a whole number{bounded}.")
    value = int(raw)
    if (lowest is not None and value < lowest) or (highest is not None and value > highest):
        raise bad_parameter(name, f"{what}, a whole number{bounded}.")
    return value


def _edition(request):
    """The edition named by `?edition=` (default: the site's language) and its home page."""
    code = request.GET.get("edition") or settings.LANGUAGE_CODE
    if code not in dict(settings.LANGUAGES):
        raise bad_parameter("edition", f"unknown edition {code!r}.")
    home = HomePage.objects.live().filter(locale__language_code=code).first()
    if home is None:
        raise not_found(f"The edition {code!r} has no home page yet.")
    return code, home


def latest(*times):
    times = [t for t in times if t]
    return max(times) if times else None


def code_changed_at():
    """When the code behind the API's fixed documents (the index, the description, its
    page) last changed: the newest file of masthead/api, read once. Those documents change
    only with a release; a restart keeps the time, and machines built from the same
    release agree on it."""
    files = [f for f in Path(__file__).parent.rglob("*") if f.suffix in (".py", ".html")]
    return datetime.fromtimestamp(max(f.stat().st_mtime for f in files), tz=UTC)


CODE_CHANGED_AT = code_changed_at()


# -- editions and navigation --------------------------------------------------------------


@api_view
def editions(request):
    names = dict(settings.LANGUAGES)
    homes = HomePage.objects.live().select_related("locale").order_by("path")
    data = {
        "editions": [
            {
                "code": home.locale.language_code,
                "name": str(names.get(home.locale.language_code, home.locale.language_code)),
                "title": home.title,
                "url": page_url(request, home),
                "last_published_at": iso(home.last_published_at),
            }
            for home in homes
            if home.locale.language_code in names
        ]
    }
    modified = latest(*(home.last_published_at for home in homes))
    return json_response(request, data, max_age=MAX_AGE["editions"], last_modified=modified)


def menu_tree(request, home):
    """Menu sections and their subsections, as editors arranged them and as the site's
    header shows them (the same query as `main_navigation` in core's template tags); and
    when the newest of them, or the home, was last published."""
    pages = (
        Page.objects.filter(path__startswith=home.path, depth__in=[home.depth + 1, home.depth + 2])
        .live()
        .in_menu()
        .order_by("path")
    )
    tree, by_path = [], {}
    for page in pages:
        entry = {**section_data(request, page), "slug": page.slug, "children": []}
        if page.depth == home.depth + 1:
            by_path[page.path] = entry
            tree.append(entry)
        elif (parent := by_path.get(page.path[: -Page.steplen])) is not None:
            del entry["children"]
            parent["children"].append(entry)
    return tree, latest(home.last_published_at, *(page.last_published_at for page in pages))


@api_view
def sections(request):
    """The edition's menu: sections and their subsections, as editors arranged them."""
    code, home = _edition(request)
    tree, modified = menu_tree(request, home)
    data = {"edition": code, "sections": tree}
    return json_response(request, data, max_age=MAX_AGE["sections"], last_modified=modified)


# -- articles -----------------------------------------------------------------------------


def encode_cursor(item, field="published_at"):
    """Where the next page starts: the last item's time (by `field`, the list's order)
    and id."""
    raw = json.dumps([getattr(item, field).isoformat(), item.pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(value):
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        stamp, pk = json.loads(raw)
        published_at = datetime.fromisoformat(stamp)
        if timezone.is_naive(published_at) or type(pk) is not int or not ID_RE.fullmatch(str(pk)):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise bad_parameter("cursor", "not a cursor this API gave out.") from None
    return published_at, pk


def page_limit(request):
    limit = whole_number(request, "limit", "how many", lowest=1, highest=MAX_LIMIT)
    return DEFAULT_LIMIT if limit is None else limit


def in_section(request, home, found):
    section_id = whole_number(request, "section", "a section id")
    if section_id is not None:
        section = Page.objects.filter(pk=section_id).descendant_of(home).first()
        if section is None:
            raise bad_parameter("section", f"no section {section_id} in this edition.")
        found = found.descendant_of(section)
    return found


# How each kind of page names its authors, for the `author` filter.
AUTHOR_LINKS = {
    "articlepage": "article_authors__author__slug",
    "videopage": "video_authors__author__slug",
    "liveblogpage": "authors__slug",
}


def filtered(request, home, found):
    """`found` narrowed by the `section`, `region`, `tag` and `author` parameters.

    Stories, videos, galleries, infographs and live blogs share the filters. Each link filter is a
    subquery, so an item is never listed twice.
    """
    found = in_section(request, home, found)
    params, model = request.GET, found.model
    if region := params.get("region"):
        found = found.filter(
            pk__in=model.objects.filter(
                regions__slug=region, regions__locale_id=home.locale_id
            ).values("pk")
        )
    if tag := params.get("tag"):
        found = found.filter(pk__in=model.objects.filter(tagged_items__tag__slug=tag).values("pk"))
    if author := params.get("author"):
        link = AUTHOR_LINKS.get(model._meta.model_name, "page_authors__author__slug")
        found = found.filter(pk__in=model.objects.filter(**{link: author}).values("pk"))
    if coverage := params.get("coverage"):
        if model is not ArticlePage:
            raise bad_parameter("coverage", "only stories belong to coverage topics.")
        found = found.filter(
            pk__in=ArticlePage.objects.filter(
                coverage__slug=coverage, coverage__locale_id=home.locale_id
            ).values("pk")
        )
    return found


def cursor_page(request, found, limit, field="published_at"):
    """One page of `found` (ordered newest first by `field`, then id) and the next page's
    URL, or None."""
    if cursor := request.GET.get("cursor"):
        when, pk = decode_cursor(cursor)
        found = found.filter(Q(**{f"{field}__lt": when}) | Q(**{field: when, "pk__lt": pk}))
    page = list(found[: limit + 1])
    more, page = len(page) > limit, page[:limit]
    next_url = None
    if more:
        query = request.GET.copy()
        query["cursor"] = encode_cursor(page[-1], field)
        next_url = absolute(request, f"{request.path}?{query.urlencode()}")
    return page, next_url


def newest(items):
    return latest(*(latest(i.published_at, i.last_published_at) for i in items))


@api_view
def articles(request):
    code, home = _edition(request)
    limit = page_limit(request)
    found = teasers.as_teasers(filtered(request, home, teasers.published(home.locale_id)))
    page, next_url = cursor_page(request, found, limit)
    page = teasers.with_sections(page)
    data = {
        "edition": code,
        "articles": [teaser(request, article) for article in page],
        "next": next_url,
    }
    modified = latest(*(latest(a.published_at, a.last_published_at, a.updated_at) for a in page))
    return json_response(request, data, max_age=MAX_AGE["articles"], last_modified=modified)


def published_story(article_id):
    """One published story with its lead image's renditions, or a JSON 404."""
    story = (
        ArticlePage.objects.published()
        .filter(pk=article_id)
        .select_related("lead_image", "locale")
        .prefetch_related("lead_image__renditions")
        .first()
    )
    if story is None:
        raise not_found(f"No published article {article_id}.")
    return story


@api_view
def article(request, article_id):
    story = published_story(article_id)
    section = teasers.section_of(story)
    data = {
        **article_link(request, story),
        "edition": story.locale.language_code,
        "standfirst": story.standfirst,
        "article_type": story.article_type,
        "source": story.source,
        "published_at": iso(story.published_at),
        "updated_at": iso(story.updated_at),
        "reading_minutes": story.reading_minutes,
        "section": section_data(request, section),
        "authors": [
            {
                "name": author.name,
                "slug": author.slug,
                "role": author.role,
                "photo": image_data(request, author.photo),
            }
            for author in story.authors()
        ],
        "tags": [{"name": tag.name, "slug": tag.slug} for tag in story.tags.all()],
        "regions": [{"name": r.name, "slug": r.slug} for r in story.regions.all()],
        "coverage": [{"title": c.title, "slug": c.slug} for c in story.coverage.all()],
        "lead_image": image_data(request, story.lead_image, caption=story.lead_image_caption),
        "body": body_blocks(request, story),
        "body_html": str(story.body.render_as_block()),
        "read_next": [article_link(request, a) for a in teasers.read_next(story)],
        "translations": translations(request, story),
    }
    modified = latest(story.published_at, story.last_published_at, story.updated_at)
    return json_response(request, data, max_age=MAX_AGE["article"], last_modified=modified)


def translations(request, story):
    """The story's published versions in the other open editions, so an app can offer
    "read in Arabic": one query."""
    open_editions = {home.locale_id: code for code, home in edition_homes().items()}
    versions = (
        ArticlePage.objects.published()
        .filter(translation_key=story.translation_key, locale_id__in=open_editions)
        .exclude(pk=story.pk)
        .only("title", "url_path", "locale_id")
        .order_by("locale_id")
    )
    return [
        {"edition": open_editions[version.locale_id], **article_link(request, version)}
        for version in versions
    ]


# -- breaking and most read ---------------------------------------------------------------


@api_view
def breaking(request):
    code, _home = _edition(request)
    document, valid_for = ticker_document(code)
    max_age = MAX_AGE["breaking"]
    if valid_for is not None:  # never cached past the moment its first line expires
        max_age = max(0, min(max_age, int(valid_for)))
    items = [{**item, "url": absolute(request, item["url"])} for item in document["items"]]
    modified = max((datetime.fromisoformat(i["created_at"]) for i in items), default=None)
    return json_response(
        request, {"edition": code, "items": items}, max_age=max_age, last_modified=modified
    )


@api_view
def most_read(request):
    code, home = _edition(request)
    ranked = teasers.most_read(home.locale_id)
    data = {"edition": code, "articles": [teaser(request, a) for a in ranked]}
    # No Last-Modified of its own: the order moves with every read counted and as the
    # window slides, so the answer says "now" (json_response); the ETag gives the 304s.
    return json_response(request, data, max_age=MAX_AGE["most_read"])


# -- the description of all of the above ----------------------------------------------------


# What the index links to, by URL name: the description, then the lists an app starts from.
INDEX_LINKS = (
    "openapi",
    "docs",
    "editions",
    "navigation",
    "sections",
    "regions",
    "coverage",
    "articles",
    "videos",
    "galleries",
    "infographs",
    "live_blogs",
    "breaking",
    "most_read",
    "search",
)


@api_view
def index(request):
    """Where an app starts: what this API is and where its description and lists are."""
    data = {
        "name": openapi.DOCUMENT["info"]["title"],
        "version": openapi.DOCUMENT["info"]["version"],
        "links": {name: absolute(request, reverse(f"api:{name}")) for name in INDEX_LINKS},
    }
    return json_response(request, data, max_age=MAX_AGE["index"], last_modified=CODE_CHANGED_AT)


@api_view
def openapi_json(request):
    return json_response(
        request, openapi.document(), max_age=MAX_AGE["openapi"], last_modified=CODE_CHANGED_AT
    )


@api_view
def docs(request):
    response = render(request, "api/docs.html", {"doc": openapi.for_docs()})
    return content_response(
        request, response, max_age=MAX_AGE["openapi"], last_modified=CODE_CHANGED_AT
    )


@no_append_slash  # no redirect to ".../": that would be this same 404 again
def unknown(request):
    return api_view(_raise_unknown)(request)


def _raise_unknown(request):
    raise ApiError(404, "not_found", f"No API endpoint at {request.path}.")
