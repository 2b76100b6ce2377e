"""The anonymous rate limit: 429 with headers, windows that reset, clients counted apart,
signed-in staff exempt, proxies trusted only when configured, and Redis when available."""

import os
import uuid
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from masthead.api import ratelimit
from tests.api.test_api import assert_error

URL = "/api/v1/editions"


@pytest.fixture
def limited(settings, monkeypatch):
    """3 requests a minute, counted under keys of this test's own (the cache may be a
    Redis shared with other tests, so it is never cleared)."""
    settings.API_RATE_LIMIT = "3/60"
    settings.API_TRUSTED_PROXIES = 0
    monkeypatch.setattr(ratelimit, "KEY_PREFIX", f"test-rate:{uuid.uuid4().hex}")
    return settings


@pytest.fixture
def rf_request():
    return lambda **meta: RequestFactory().get(URL, **meta)


@pytest.fixture
def clock():
    """Time frozen at the start of a window, moved by hand."""
    moment = {"now": 6000.0}  # a multiple of 60
    with mock.patch.object(ratelimit.time, "time", lambda: moment["now"]):
        yield moment


def test_the_limit_answers_429_with_headers(client, home, limited, clock):
    for remaining in (2, 1, 0):
        response = client.get(URL)
        assert response.status_code == 200
        assert response["RateLimit-Limit"] == "3"
        assert response["RateLimit-Remaining"] == str(remaining)
        assert response["RateLimit-Reset"] == "60"
    clock["now"] += 20
    refused = client.get(URL)
    assert_error(refused, 429, "rate_limited")
    assert refused["Retry-After"] == "40"
    assert refused["RateLimit-Remaining"] == "0"
    assert refused["RateLimit-Reset"] == "40"
    assert refused["Cache-Control"] == "no-cache"


def test_the_window_resets(client, home, limited, clock):
    for _ in range(4):
        client.get(URL)
    assert client.get(URL).status_code == 429
    clock["now"] += 60
    again = client.get(URL)
    assert again.status_code == 200
    assert again["RateLimit-Remaining"] == "2"


def test_two_clients_are_counted_apart(client, home, limited, clock):
    for _ in range(3):
        client.get(URL, REMOTE_ADDR="192.0.2.1")
    assert client.get(URL, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get(URL, REMOTE_ADDR="192.0.2.2").status_code == 200


def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(client, home, limited, clock):
    # Without a trusted proxy, a client cannot dodge the limit by inventing addresses.
    for n in range(3):
        client.get(URL, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert client.get(URL, HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 429


def test_behind_one_trusted_proxy_the_address_it_saw_counts(rf_request, limited):
    limited.API_TRUSTED_PROXIES = 1
    # The client claims 203.0.113.7; our proxy appended the address it really saw.
    request = rf_request(HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.20")
    assert ratelimit.client_address(request) == "198.51.100.20"
    limited.API_TRUSTED_PROXIES = 2
    assert ratelimit.client_address(request) == "203.0.113.7"
    assert ratelimit.client_address(rf_request()) == "127.0.0.1"


def test_signed_in_staff_are_not_limited(client, home, limited, clock, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(editor)
    for _ in range(5):
        response = client.get(URL)
        assert response.status_code == 200
        assert not response.has_header("RateLimit-Limit")


def test_zero_turns_the_limit_off(client, home, limited, clock):
    limited.API_RATE_LIMIT = "0"
    for _ in range(5):
        response = client.get(URL)
        assert response.status_code == 200
        assert not response.has_header("RateLimit-Limit")


@pytest.mark.parametrize("value", ["600", "a/b", "0/60", "10/0"])
def test_a_malformed_setting_is_a_clear_error(limited, value):
    limited.API_RATE_LIMIT = value
    with pytest.raises(ImproperlyConfigured, match="API_RATE_LIMIT"):
        ratelimit.limit_and_period()


def test_cors_lets_browser_apps_read_the_headers(client, home, limited, clock):
    exposed = client.get(URL, HTTP_ORIGIN="https://app.example.org")
    assert "RateLimit-Remaining" in exposed["Access-Control-Expose-Headers"]
    assert "Retry-After" in exposed["Access-Control-Expose-Headers"]


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="REDIS_URL is not set, so the cache is local memory: Redis is not tested here",
)
def test_counts_are_shared_through_redis(client, home, limited, clock):
    """Two app servers sharing Redis see one count: a second connection to the same
    database stands in for the second server."""
    from django.core.cache.backends.redis import RedisCache

    default = caches["default"]
    assert isinstance(default, RedisCache)
    for _ in range(3):
        assert client.get(URL).status_code == 200
    other = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": default.key_prefix})
    with mock.patch.object(ratelimit, "cache", other):
        assert client.get(URL).status_code == 429
        clock["now"] += 60
        assert client.get(URL).status_code == 200
    assert client.get(URL)["RateLimit-Remaining"] == "1"
