"""Feeds and sitemaps are built once per change and served from the cache in between.

Every document (a feed, a sitemap page) is stored under the current *syndication version*,
a token that publishing, unpublishing, moving or deleting a page replaces (and so do edits
to the taxonomy and the syndication settings, whose names and choices show in feeds). The
next request after a change finds nothing under the new token and rebuilds; old bodies
simply age out. This is the token approach of `masthead/live/pulse.py`, with its own key.

Two things bound how long a body is kept, besides the token:

- an embargo: a live story (or video, gallery, infograph) whose publication time is still
  ahead changes feeds and sitemaps at that moment with no signal to mark it, so no body
  outlives the next publication time;
- the cache itself: with Redis every web process shares the token, so a change made in
  the admin or by the worker reaches all of them at once (SHARED_TTL only bounds memory);
  with the local-memory cache each process has its own token, and the worker runs in
  another process, so a body is kept LOCAL_TTL seconds at most.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

VERSION_KEY = "syndication:version"
SHARED_TTL = 60 * 60  # seconds
LOCAL_TTL = 60  # seconds
MAX_AGE = 60  # seconds a feed reader or CDN may reuse a response without asking again


def syndication_changed(**kwargs):
    """Mark every feed and sitemap as out of date (a signal receiver, too)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def next_embargo_lifts():
    """When the next live page under embargo (of any kind) becomes visible, or None."""
    from masthead.media.mixed import KINDS

    now = timezone.now()
    waiting = [
        kind.model.objects.live()
        .filter(published_at__gt=now)
        .order_by()
        .values_list("published_at", flat=True)
        for kind in KINDS.values()
    ]
    return waiting[0].union(*waiting[1:], all=True).order_by("published_at").first()


def _timeout():
    cap = LOCAL_TTL if isinstance(cache, LocMemCache) else SHARED_TTL
    lifts = next_embargo_lifts()
    if lifts is not None:
        cap = min(cap, max(1, int((lifts - timezone.now()).total_seconds()) + 1))
    return cap


def cached_response(request, name, build):
    """A response for the document `name`, built by `build()` -> (body bytes, content type)
    at most once per syndication version; 304 when the reader's copy is current."""
    # Bodies hold absolute links, so the host and scheme they were built for are part of
    # the key, and so is the query string (sitemap pages).
    where = f"{request.scheme}://{request.get_host()}"
    query = request.META.get("QUERY_STRING", "")
    digest = hashlib.blake2b(f"{where}|{name}|{query}".encode(), digest_size=16).hexdigest()
    key = f"syndication:{_version()}:{digest}"
    stored = cache.get(key)
    if stored is None:
        body, content_type = build()
        etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        stored = (body, content_type, etag, http_date())
        cache.set(key, stored, timeout=_timeout())
    body, content_type, etag, built = stored
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Last-Modified"] = built
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def connect_signals():
    from taggit.models import Tag
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from masthead.core.models import SiteSettings
    from masthead.news.models import Author, Coverage, Region
    from masthead.syndication.models import SyndicationSettings

    uid = "syndication-changed"
    # Sent for every page type, by the admin and by the worker's scheduled publishing.
    page_published.connect(syndication_changed, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(syndication_changed, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(syndication_changed, dispatch_uid=f"{uid}-moved")
    post_delete.connect(syndication_changed, sender=Page, dispatch_uid=f"{uid}-deleted")
    for model in (Region, Author, Coverage, Tag, SiteSettings, SyndicationSettings):
        post_save.connect(syndication_changed, sender=model, dispatch_uid=f"{uid}-{model}")
        post_delete.connect(syndication_changed, sender=model, dispatch_uid=f"{uid}-{model}-d")
