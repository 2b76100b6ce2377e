"""A live blog's updates since the one a client already has, in the app API.

The same updates, HTML and key events as the reader page's `updates.json` (each update
rendered by the same template, read from the same fragment cache), asked for by the last
update the client holds instead of polled whole.
"""

from django.db.models import Q
from django.utils import translation

from masthead.api.http import api_view, bad_parameter, json_response, not_found
from masthead.api.serializers import page_url
from masthead.api.views import latest, page_limit, whole_number
from masthead.live.models import LiveBlogPage, LiveUpdate, render_updates

MAX_AGE = 5  # seconds: a running blog moves fast; the ETag makes polling cheap


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
