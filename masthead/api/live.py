"""Live blogs in the app API: the list apps find them by, one blog, and a blog's updates
since the one a client already has.

Every blog comes from `LiveBlogPage.objects.published()` (news/models/embargo.py): live
and public, as on the reader site. The updates are those of the reader page's
`updates.json` (each update rendered by the same template, read from the same fragment
cache), asked for by the last update the client holds instead of polled whole.
"""

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import translation
from wagtail.rich_text import expand_db_html

from masthead.api.http import api_view, bad_parameter, json_response, not_found
from masthead.api.serializers import (
    absolute,
    image_data,
    iso,
    names,
    page_link,
    page_url,
    people,
    section_data,
)
from masthead.api.views import _edition, cursor_page, filtered, latest, page_limit, whole_number
from masthead.live.models import LiveBlogPage, LiveUpdate, render_updates
from masthead.live.models.blog import LiveBlogStatus
from masthead.news import teasers

MAX_AGE = 5  # seconds: a running blog moves fast; the ETag makes polling cheap
LIST_MAX_AGE = 30  # seconds: a new blog or a new update's count may wait that long
# A blog's start is its first publication; lists are newest first by it.
STARTED = "first_published_at"


def _since(request, blog):
    update_id = whole_number(request, "since", "an update id")
    if update_id is None:
        return None
    update = LiveUpdate.objects.filter(blog=blog, pk=update_id).first()
    if update is None:
        raise bad_parameter("since", f"no update {update_id} on this live blog.")
    return update


def update_data(update):
    return {
        "id": update.pk,
        "posted_at": update.posted_at.isoformat(),
        "version": update.updated_at.isoformat(),
        "headline": update.headline,
        "text": update.plain_text(),
        "author": update.author_name,
        "key_event": update.key_event,
        "html": update.html,
    }


def with_update_counts(blogs):
    """Blogs with how many updates each has and when the newest was posted, in the same
    query; with the lead image and its renditions."""
    return (
        blogs.annotate(update_count=Count("updates"), last_update_at=Max("updates__posted_at"))
        .select_related("lead_image", "locale")
        .prefetch_related("lead_image__renditions")
    )


def blog_teaser(request, blog):
    return {
        **page_link(request, blog, "live_blog"),
        "standfirst": blog.standfirst,
        "status": blog.status,
        "started_at": iso(blog.first_published_at),
        "ended_at": iso(blog.ended_at),
        "last_update_at": iso(blog.last_update_at),
        "update_count": blog.update_count,
        "updates_url": absolute(request, reverse("api:live_blog_updates", args=[blog.pk])),
        "section": section_data(request, blog.section),
        "lead_image": image_data(request, blog.lead_image),
    }


def changed_at(blog):
    return latest(blog.last_published_at, blog.last_update_at)


def _status(request, blogs):
    status = request.GET.get("status")
    if status is None:
        return blogs
    if status not in LiveBlogStatus.values:
        raise bad_parameter("status", f"one of {', '.join(LiveBlogStatus.values)}.")
    return blogs.filter(status=status)


@api_view
def blogs(request):
    """The edition's live blogs, newest first: running and ended, or one of the two."""
    code, home = _edition(request)
    found = LiveBlogPage.objects.published().filter(locale_id=home.locale_id)
    # Publishing stamps a blog's start; one made live by code without it has no place
    # in the order, so it is left out rather than guessed at.
    found = _status(request, filtered(request, home, found)).exclude(**{STARTED: None})
    found = with_update_counts(found).order_by(f"-{STARTED}", "-pk")
    page, next_url = cursor_page(request, found, page_limit(request), STARTED)
    page = teasers.with_sections(page)
    data = {
        "edition": code,
        "live_blogs": [blog_teaser(request, blog) for blog in page],
        "next": next_url,
    }
    modified = latest(*(changed_at(blog) for blog in page))
    return json_response(request, data, max_age=LIST_MAX_AGE, last_modified=modified)


@api_view
def blog(request, blog_id):
    """One live blog: its teaser, introduction, byline, tags and regions."""
    found = with_update_counts(LiveBlogPage.objects.published().filter(pk=blog_id))
    item = found.prefetch_related("authors__photo__renditions").first()
    if item is None:
        raise not_found(f"No published live blog {blog_id}.")
    [item] = teasers.with_sections([item])
    data = {
        **blog_teaser(request, item),
        "edition": item.locale.language_code,
        "introduction_html": expand_db_html(item.introduction),
        "authors": people(request, item.authors.all()),
        "tags": names(item.tags.all()),
        "regions": names(item.regions.all()),
    }
    return json_response(request, data, max_age=LIST_MAX_AGE, last_modified=changed_at(item))


@api_view
def updates(request, blog_id):
    blog = LiveBlogPage.objects.published().filter(pk=blog_id).select_related("locale").first()
    if blog is None:
        raise not_found(f"No published live blog {blog_id}.")
    limit = page_limit(request)
    since = _since(request, blog)
    found = blog.updates_newest_first()
    if since is not None:
        found = found.filter(
            Q(posted_at__gt=since.posted_at) | Q(posted_at=since.posted_at, pk__gt=since.pk)
        )
    newer = list(found[: limit + 1])
    with translation.override(blog.locale.language_code):
        shown = render_updates(newer[:limit])
    data = {
        "blog": {
            "id": blog.pk,
            "title": blog.title,
            "url": page_url(request, blog),
            "edition": blog.locale.language_code,
            "status": blog.status,
        },
        "since": since.pk if since else None,
        # False when more updates are newer than `since` than this answer holds: ask
        # again with `since` set to the newest update shown, or reload the page.
        "complete": len(newer) <= limit,
        "updates": [update_data(update) for update in shown],
        "key_events": [event.pk for event in blog.key_events()],
    }
    modified = latest(blog.last_published_at, *(u.updated_at for u in shown))
    return json_response(request, data, max_age=MAX_AGE, last_modified=modified)
