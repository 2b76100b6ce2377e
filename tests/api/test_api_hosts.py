"""Absolute URLs in the API follow the request: the scheme and host the client called, as
Django's ALLOWED_HOSTS and proxy settings accept them, never the Site record's hostname
(`localhost`, port 80, in these tests and on a fresh install)."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests import factories
from tests.search.conftest import reindex

ORIGIN = "http://127.0.0.1:8000"
# Names that mean this site; a URL on any other host (a video platform, IPTC's schema)
# is someone else's and is left as it is.
OUR_NAMES = {"localhost", "127.0.0.1", "testserver"}

ENDPOINTS = [
    "/api/v1/editions",
    "/api/v1/sections",
    "/api/v1/navigation",
    "/api/v1/regions",
    "/api/v1/coverage",
    "/api/v1/coverage/election-2030",
    "/api/v1/articles?limit=2",
    "/api/v1/articles/{story}",
    "/api/v1/articles/{story}/ninjs",
    "/api/v1/most-read",
    "/api/v1/breaking",
    "/api/v1/videos?limit=1",
    "/api/v1/videos/{uploaded}",
    "/api/v1/galleries",
    "/api/v1/galleries/{gallery}",
    "/api/v1/infographs",
    "/api/v1/infographs/{infograph}",
    "/api/v1/live-blogs",
    "/api/v1/live-blogs/{blog}",
    "/api/v1/live-blogs/{blog}/updates",
    "/api/v1/search?q=budget",
]


def urls_in(data):
    """Every string in the JSON that is an absolute http(s) URL."""
    if isinstance(data, dict):
        return [url for value in data.values() for url in urls_in(value)]
    if isinstance(data, list):
        return [url for value in data for url in urls_in(value)]
    if isinstance(data, str) and data.startswith(("http://", "https://")):
        return [data]
    return []


def ours(urls):
    return [url for url in urls if urlsplit(url).hostname in OUR_NAMES]


@pytest.fixture
def content(stories, media, newsroom):
    story = stories["readable"][0]
    factories.make_breaking("A line", article=story)
    factories.pin(newsroom["election"], story)
    reindex()
    return {"story": story.pk, **{k: v.pk for k, v in media.items() if hasattr(v, "pk")}}


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_absolute_url_is_on_the_host_the_client_called(content, url):
    response = Client(HTTP_HOST="127.0.0.1:8000").get(url.format(**content))
    assert response.status_code == 200
    found = ours(urls_in(response.json()))
    assert found, f"{url}: no URL of ours to check"
    wrong = [u for u in found if not u.startswith(f"{ORIGIN}/")]
    assert not wrong, f"{url}: {wrong[:5]}"


def test_a_page_is_the_same_path_whatever_the_host(content):
    story = content["story"]
    there = Client(HTTP_HOST="localhost").get(f"/api/v1/articles/{story}").json()
    here = Client(HTTP_HOST="127.0.0.1:8000").get(f"/api/v1/articles/{story}").json()
    assert there["url"] == "http://localhost/en/news/politics/budget-passes/"
    assert here["url"] == f"{ORIGIN}/en/news/politics/budget-passes/"
    assert here["api_url"] == f"{ORIGIN}/api/v1/articles/{story}"


def test_the_next_page_stays_on_the_callers_host(content):
    first = Client(HTTP_HOST="127.0.0.1:8000").get("/api/v1/articles?limit=2").json()
    assert first["next"].startswith(f"{ORIGIN}/api/v1/articles?")
    second = Client(HTTP_HOST="127.0.0.1:8000").get(first["next"])
    assert second.status_code == 200


def test_a_real_public_name_works_once_allowed(content, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "news.example.org"]
    data = Client(HTTP_HOST="news.example.org").get("/api/v1/editions").json()
    assert data["editions"][0]["url"] == "http://news.example.org/en/"


def test_a_host_django_does_not_allow_is_refused_before_any_link_is_built(content):
    response = Client(HTTP_HOST="attacker.example").get("/api/v1/editions")
    assert response.status_code == 400
    assert b"attacker.example" not in response.content


def test_https_behind_a_proxy_only_when_the_proxy_is_trusted(content, settings):
    """BEHIND_PROXY sets SECURE_PROXY_SSL_HEADER: only then is X-Forwarded-Proto believed."""
    proxied = Client(HTTP_HOST="127.0.0.1:8000", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.get("/api/v1/editions").json()["editions"][0]["url"].startswith("http://")
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    url = proxied.get("/api/v1/editions").json()["editions"][0]["url"]
    assert url == "https://127.0.0.1:8000/en/"


def test_a_forwarded_host_is_ignored_as_django_is_configured(content):
    """USE_X_FORWARDED_HOST is off: a client cannot put another host into our links."""
    client = Client(HTTP_HOST="127.0.0.1:8000", HTTP_X_FORWARDED_HOST="elsewhere.example")
    url = client.get("/api/v1/editions").json()["editions"][0]["url"]
    assert url == f"{ORIGIN}/en/"


def test_the_etag_is_stable_per_host_and_differs_between_hosts(content):
    here, there = Client(HTTP_HOST="127.0.0.1:8000"), Client(HTTP_HOST="localhost")
    url = f"/api/v1/articles/{content['story']}"
    etag = here.get(url)["ETag"]
    assert here.get(url)["ETag"] == etag
    assert here.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert there.get(url)["ETag"] != etag
    # A copy made for one host is not "fresh" on another: its links point elsewhere.
    assert there.get(url, headers={"If-None-Match": etag}).status_code == 200
