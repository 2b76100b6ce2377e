"""Rate limiting for anonymous API clients: a fixed window per client address.

Counts live in Django's cache, so one process (locmem) and many machines sharing Redis
both work: the first request of a window creates its counter with `cache.add` (set only if
absent, with the window's expiry), and every request adds one with `cache.incr`, which is
atomic in Redis and under locmem's lock. Signed-in users (the newsroom's staff; the API has
no keys) are not limited. docs/api.md describes the settings and headers.
"""

import math
import os
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

KEY_PREFIX = "masthead:api-rate"


def _setting(name, default):
    """A Django setting when defined (tests override it), else the environment's value."""
    value = getattr(settings, name, None)
    return os.environ.get(name, default) if value is None else value


def limit_and_period():
    """(requests, seconds) from API_RATE_LIMIT ("600/60"); None when it is "0" (off)."""
    raw = str(_setting("API_RATE_LIMIT", "600/60")).strip()
    if raw == "0":
        return None
    try:
        requests, seconds = (int(part) for part in raw.split("/"))
    except ValueError:
        raise ImproperlyConfigured(
            f"API_RATE_LIMIT must look like 600/60 (requests/seconds) or 0, not {raw!r}."
        ) from None
    if requests < 1 or seconds < 1:
        raise ImproperlyConfigured("API_RATE_LIMIT needs at least 1 request per 1 second.")
    return requests, seconds


def client_address(request):
    """REMOTE_ADDR, unless API_TRUSTED_PROXIES says how many proxies of ours append to
    X-Forwarded-For: then the address the outermost of them saw. Entries further left
    are whatever the client sent, so they are never trusted."""
    proxies = int(_setting("API_TRUSTED_PROXIES", "0"))
    forwarded = request.headers.get("X-Forwarded-For", "")
    if proxies > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-proxies] if len(hops) >= proxies else hops[0]
    return request.META.get("REMOTE_ADDR", "")


@dataclass
class Allowance:
    limit: int
    remaining: int
    reset: int  # seconds until the window ends

    @property
    def exceeded(self):
        return self.remaining < 0

    def headers(self):
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(0, self.remaining)),
            "RateLimit-Reset": str(self.reset),
        }


def has_session_cookie(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_exempt(request):
    """Signed in? Asked of the session only when the client sent a session cookie: reading
    the session makes Django add `Vary: Cookie`, and public clients' answers must not vary
    on their cookies (a shared cache would keep a copy per cookie)."""
    if not has_session_cookie(request):
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def count(request, *, now=None):
    """Count this request against its client's window: an Allowance, or None when the
    limit is off or the client is exempt."""
    rule = limit_and_period()
    if rule is None or is_exempt(request):
        return None
    requests, seconds = rule
    now = time.time() if now is None else now
    window = int(now // seconds)
    key = f"{KEY_PREFIX}:{seconds}:{window}:{client_address(request)}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr: this request opens a new window
        cache.add(key, 1, timeout=seconds + 1)
        used = 1
    reset = max(1, math.ceil((window + 1) * seconds - now))
    return Allowance(limit=requests, remaining=requests - used, reset=reset)
