"""The push channel: small JSON documents that open reader pages poll.

A reader page is the same for everyone and may be cached whole, so what changes by the
second (breaking items, live-blog updates) is fetched by the page from a small document
of its own, every second or so. Each document is built from the database once per
change and kept in the cache; every request in between is a cache read, and a reader
whose copy is current gets a 304 from its ETag.

A change calls `pulse_changed(name)`, which gives the document a new version token, so
the next poll rebuilds it. With Redis (REDIS_URL) the token and the body are shared by
every web process, so a change made through one process is served by all of them on
their next poll. With the local-memory cache each process keeps its own copy for at
most LOCAL_TTL seconds, which bounds how stale another process can be.

The token, not a delete, marks the change: a rebuild that read the database just before
a change stores its body under the old token, where no one will look for it.
"""

import hashlib
import json
import uuid

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

LOCAL_TTL = 1  # seconds: the staleness bound between processes without a shared cache
SHARED_TTL = 60  # seconds: a shared entry is replaced on change; this only bounds memory
MAX_AGE = 1  # seconds a browser or CDN may reuse a response without asking again


def _version_key(name):
    return f"pulse:{name}:version"


def pulse_changed(*names):
    """Mark documents as changed: their next request rebuilds them from the database."""
    cache.set_many({_version_key(name): uuid.uuid4().hex for name in names}, timeout=None)


def _ttl(valid_for):
    shared = not isinstance(cache, LocMemCache)
    cap = SHARED_TTL if shared else LOCAL_TTL
    if valid_for is None:
        return cap
    return max(1, min(cap, int(valid_for)))


def pulse_document(name, build):
    """The document's (etag, body), from the cache or freshly built.

    `build()` returns (data, valid_for): the JSON-ready data and how many seconds it
    stays true by itself (until the next breaking item expires, say), or None.
    """
    version = cache.get(_version_key(name))
    if version is None:
        version = uuid.uuid4().hex
        cache.add(_version_key(name), version, timeout=None)
        version = cache.get(_version_key(name), version)
    body_key = f"pulse:{name}:{version}"
    stored = cache.get(body_key)
    if stored is None:
        data, valid_for = build()
        body = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        etag = '"' + hashlib.blake2b(body.encode(), digest_size=12).hexdigest() + '"'
        stored = (etag, body)
        cache.set(body_key, stored, timeout=_ttl(valid_for))
    return stored


def pulse_response(request, name, build):
    """A cacheable JSON response for a document, 304 when the reader's copy is current.

    A build that returns None as its data says the document does not exist (a draft live
    blog, an unknown id): that answer is a small 404, cached like any other.
    """
    etag, body = pulse_document(name, build)
    if body == "null":
        response = HttpResponse(b'{"error":"not found"}', status=404)
        response["Content-Type"] = "application/json"
    elif etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
