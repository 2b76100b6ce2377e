"""The one way an API view answers: JSON with an ETag and Last-Modified, 304 for a
matching conditional request, Cache-Control per resource, CORS and errors that
always look the same (docs/api.md)."""

import functools
import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import got_request_exception
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe
from django.utils.log import log_response

from masthead.api import ratelimit

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
# Headers a browser app may read from a cross-origin answer.
EXPOSED_HEADERS = (
    "ETag",
    "Last-Modified",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
)


class ApiError(Exception):
    """Raised by a view; answered as `{"error": {"code": ..., "message": ...}}`."""

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def bad_parameter(name, message):
    return ApiError(400, "invalid_parameter", f"{name}: {message}")


def not_found(message="Not found."):
    return ApiError(404, "not_found", message)


def _cors(request, response):
    origins = settings.API_CORS_ORIGINS
    if "*" in origins:
        response["Access-Control-Allow-Origin"] = "*"
    else:
        origin = request.headers.get("Origin")
        if origin and origin in origins:
            response["Access-Control-Allow-Origin"] = origin
        response["Vary"] = "Origin"
    if response.has_header("Access-Control-Allow-Origin"):
        response["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_HEADERS)
    return response


def _etag_matches(request, etag):
    header = request.headers.get("If-None-Match")
    if not header:
        return None
    candidates = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in candidates or etag in candidates


def json_response(request, data, *, max_age, last_modified=None, status=200):
    """`last_modified`: when what the answer holds last changed. A view that cannot know
    (a ranking that moves with every read) leaves it out and the answer says "now": never
    earlier than the truth, so If-Modified-Since cannot earn a stale 304 (the ETag still
    can)."""
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    body = body.encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    modified, fresh = None, False
    if status == 200:
        modified = int((last_modified or timezone.now()).timestamp())
        matches = _etag_matches(request, etag)
        if matches is not None:
            fresh = matches  # If-None-Match wins over If-Modified-Since (RFC 9110)
        else:
            since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
            fresh = since is not None and modified <= since
    response = (
        HttpResponseNotModified()
        if fresh
        else HttpResponse(body, status=status, content_type="application/json")
    )
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    if status == 200:
        response["Cache-Control"] = f"public, max-age={max_age}"
    else:
        response["Cache-Control"] = "public, max-age=60" if status == 404 else "no-cache"
    return _cors(request, response)


def content_response(request, response, *, max_age, last_modified):
    """A finished non-JSON answer (the docs page) with the same ETag, Last-Modified, 304
    and Cache-Control as the JSON ones."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    modified = int(last_modified.timestamp())
    matches = _etag_matches(request, etag)
    if matches is None:
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        matches = since is not None and modified <= since
    if matches:
        response = HttpResponseNotModified()
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = f"public, max-age={max_age}"
    return _cors(request, response)


def error_response(request, error):
    data = {"error": {"code": error.code, "message": error.message}}
    response = json_response(request, data, max_age=0, status=error.status)
    if error.status == 405:
        response["Allow"] = ", ".join(ALLOWED_METHODS)
    return response


def api_view(view):
    """Only GET and HEAD (OPTIONS answers CORS preflights); ApiError becomes its JSON, and
    any other exception the JSON 500."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
            return _cors(request, response)
        try:
            allowance = ratelimit.count(request)
            response = _answer(view, request, allowance, *args, **kwargs)
        except Exception as exception:
            return server_error(request, exception)
        if allowance is not None:
            for header, value in allowance.headers().items():
                response[header] = value
        if ratelimit.has_session_cookie(request):
            # The session was read (is this the newsroom, whom the limit spares?), so the
            # answer varies on Cookie: no shared cache should keep a copy per cookie.
            response["Cache-Control"] = response["Cache-Control"].replace("public", "private")
        return response

    return wrapper


def server_error(request, exception):
    """A bug in a view: the API's JSON 500 instead of the reader site's HTML page, told to
    Django as its own handler would (the got_request_exception signal, the
    django.request log with the traceback), so error reporting sees it. Under DEBUG (or
    DEBUG_PROPAGATE_EXCEPTIONS) the exception goes on up to Django, for its debug page."""
    if settings.DEBUG or settings.DEBUG_PROPAGATE_EXCEPTIONS:
        raise exception
    got_request_exception.send(sender=None, request=request)
    error = ApiError(500, "server_error", "Something went wrong on our side; try again later.")
    response = error_response(request, error)
    log_response(
        "%s: %s",
        response.reason_phrase,
        request.path,
        response=response,
        request=request,
        exception=exception,
    )
    return response


def _answer(view, request, allowance, *args, **kwargs):
    if allowance is not None and allowance.exceeded:
        error = ApiError(
            429,
            "rate_limited",
            f"Too many requests: {allowance.limit} allowed per window; "
            f"try again in {allowance.reset} seconds.",
        )
        response = error_response(request, error)
        response["Retry-After"] = str(allowance.reset)
        return response
    if request.method not in ("GET", "HEAD"):
        error = ApiError(405, "method_not_allowed", f"{request.method} is not allowed.")
        return error_response(request, error)
    try:
        return view(request, *args, **kwargs)
    except ApiError as error:
        return error_response(request, error)
