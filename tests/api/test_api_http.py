"""What every API answer shares beyond its body: a JSON 500 that Django still hears about,
true Last-Modified times, the index at /api/v1/, and no `Vary: Cookie` for public clients."""

import logging
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.core.signals import got_request_exception
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from masthead.api import ratelimit
from masthead.news import teasers
from masthead.news.models import Region
from tests.api.test_api import assert_error, get


def modified(response):
    return datetime.fromtimestamp(parse_http_date(response["Last-Modified"]), tz=UTC)


def seconds(moment):
    return moment.replace(microsecond=0)


# -- a bug in a view ------------------------------------------------------------------------


@pytest.fixture
def broken_most_read(monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("the ranking broke")

    monkeypatch.setattr(teasers, "most_read", explode)


def test_a_bug_is_a_json_500_with_cors(home, broken_most_read):
    client = Client(raise_request_exception=False)
    response = get(client, "/api/v1/most-read", origin="https://app.example.org")
    assert_error(response, 500, "server_error")
    assert "ranking" not in response.json()["error"]["message"]  # no internals shown
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "no-cache"


def test_a_bug_still_reaches_djangos_error_reporting(home, broken_most_read, caplog):
    heard = []

    def receiver(sender, request, **kwargs):
        heard.append(request.path)

    got_request_exception.connect(receiver)
    try:
        with caplog.at_level(logging.ERROR, logger="django.request"):
            Client(raise_request_exception=False).get("/api/v1/most-read")
    finally:
        got_request_exception.disconnect(receiver)
    assert heard == ["/api/v1/most-read"]
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.ERROR
    assert record.status_code == 500
    assert isinstance(record.exc_info[1], RuntimeError)


def test_the_test_client_still_raises_the_bug(client, home, broken_most_read):
    """Through the same signal: tests see the real exception, not a 500 to puzzle over."""
    with pytest.raises(RuntimeError, match="the ranking broke"):
        client.get("/api/v1/most-read")


# -- the index ------------------------------------------------------------------------------


def test_the_index_names_the_api_and_links_its_lists(client, stories):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["name"] == "Masthead API"
    assert data["version"] == "1"
    links = data["links"]
    assert links["openapi"] == "http://localhost/api/v1/openapi.json"
    assert links["docs"] == "http://localhost/api/v1/docs"
    for name in ("editions", "articles", "videos", "live_blogs", "search"):
        assert name in links
    for url in links.values():
        if not url.endswith("/search"):  # search needs words to look for
            assert client.get(url).status_code == 200, url


def test_the_index_answers_conditional_requests(client, home):
    first = client.get("/api/v1/")
    assert get(client, "/api/v1/", if_none_match=first["ETag"]).status_code == 304
    since = first["Last-Modified"]
    assert get(client, "/api/v1/", if_modified_since=since).status_code == 304


# -- Last-Modified: when what is listed last changed -----------------------------------------


def test_editions_change_when_a_front_page_is_published(client, home):
    home.save_revision().publish()
    home.refresh_from_db()
    response = client.get("/api/v1/editions")
    assert modified(response) == seconds(home.last_published_at)
    assert (
        get(client, "/api/v1/editions", if_modified_since=response["Last-Modified"]).status_code
        == 304
    )


def test_sections_and_navigation_change_with_the_newest_menu_page(client, newsroom):
    politics = newsroom["politics"]
    politics.save_revision().publish()
    politics.refresh_from_db()
    for url in ("/api/v1/sections", "/api/v1/navigation"):
        response = client.get(url)
        assert modified(response) == seconds(politics.last_published_at), url
        since = response["Last-Modified"]
        assert get(client, url, if_modified_since=since).status_code == 304


def test_regions_change_when_one_is_saved(client, newsroom):
    before = client.get("/api/v1/regions")
    region = Region.objects.get(pk=newsroom["europe"].pk)
    later = timezone.now() + timedelta(minutes=5)
    Region.objects.filter(pk=region.pk).update(updated_at=later)
    after = get(client, "/api/v1/regions", if_modified_since=before["Last-Modified"])
    assert after.status_code == 200
    assert modified(after) == seconds(later)
    assert modified(client.get("/api/v1/navigation")) == seconds(later)


def test_saving_a_region_stamps_it(newsroom):
    region = newsroom["europe"]
    stamped = region.updated_at
    region.name = "Europa"
    region.save()
    assert region.updated_at > stamped


def test_coverage_changes_when_a_topic_is_saved(client, newsroom):
    topic = newsroom["election"]
    topic.description = "Who runs."
    topic.save()
    for url in ("/api/v1/coverage", "/api/v1/coverage/election-2030"):
        response = client.get(url)
        assert modified(response) == seconds(topic.updated_at), url


def test_most_read_says_now(client, stories):
    """Its order moves with every read: no earlier time would be true."""
    before = seconds(timezone.now())
    response = client.get("/api/v1/most-read")
    assert before <= modified(response) <= timezone.now()
    stale = http_date((before - timedelta(seconds=1)).timestamp())
    assert get(client, "/api/v1/most-read", if_modified_since=stale).status_code == 200


@pytest.mark.parametrize("url", ["/api/v1/openapi.json", "/api/v1/docs"])
def test_the_description_changes_only_with_the_code(client, home, url):
    first = client.get(url)
    assert modified(first) <= timezone.now()
    assert client.get(url)["Last-Modified"] == first["Last-Modified"]
    assert get(client, url, if_none_match=first["ETag"]).status_code == 304
    assert get(client, url, if_modified_since=first["Last-Modified"]).status_code == 304
    assert first["Cache-Control"].startswith("public, max-age=")


# -- caches shared by many readers ---------------------------------------------------------


@pytest.fixture
def limited(settings, monkeypatch):
    """The rate limit on (it is what looks for a signed-in user), counted apart."""
    settings.API_RATE_LIMIT = "100/60"
    monkeypatch.setattr(ratelimit, "KEY_PREFIX", f"test-vary:{uuid.uuid4().hex}")


def test_public_answers_do_not_vary_on_cookies(client, home, limited):
    client.cookies["analytics"] = "abc"  # a cookie that is not a session
    response = client.get("/api/v1/editions")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert response["Cache-Control"].startswith("public,")
    assert response.has_header("RateLimit-Limit")


def test_a_signed_in_editors_answers_stay_private(client, home, limited, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(editor)
    response = client.get("/api/v1/editions")
    assert response.status_code == 200
    assert not response.has_header("RateLimit-Limit")  # chosen by the session...
    assert "Cookie" in response["Vary"]
    assert response["Cache-Control"].startswith("private,")  # ...so for no shared cache
