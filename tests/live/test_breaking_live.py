"""The ticker's live document: what open pages poll to show new lines without a reload."""

import json
from datetime import timedelta

from masthead.core.editions import edition_homes
from masthead.live.desk import breaking_move, breaking_post, breaking_retract
from masthead.live.models import ticker_document
from masthead.live.pulse import pulse_changed, pulse_document
from tests import factories

URL = "/en/breaking.json"


def lines(client):
    response = client.get(URL)
    assert response.status_code == 200
    return [item["text"] for item in json.loads(response.content)["items"]]


def test_the_document_is_small_public_and_cacheable(client, site_settings):
    breaking_post(text="Ceasefire talks resume", attribution="Our correspondent in Cairo")
    response = client.get(URL)
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "public, max-age=1"
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    (item,) = json.loads(response.content)["items"]
    assert item["text"] == "Ceasefire talks resume"
    assert item["attribution"] == "Our correspondent in Cairo"
    assert item["url"] is None
    assert item["time"] and item["created_at"]


def test_a_current_copy_gets_a_304(client, site_settings):
    breaking_post(text="A line")
    etag = client.get(URL)["ETag"]
    again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""


def test_posting_moving_and_retracting_change_it_at_once(client, site_settings):
    first = breaking_post(text="First")
    assert lines(client) == ["First"]
    etag = client.get(URL)["ETag"]
    breaking_post(text="Second")
    assert lines(client) == ["Second", "First"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 200
    breaking_move(item=first, by=-1)
    assert lines(client) == ["First", "Second"]
    breaking_retract(item=first)
    assert lines(client) == ["Second"]


def test_a_linked_story_shows_once_published(client, newsroom):
    story = factories.make_article(newsroom["politics"], "Parliament votes", live=False)
    breaking_post(text="Vote passes", article=story)
    assert json.loads(client.get(URL).content)["items"][0]["url"] is None
    story.save_revision().publish()
    assert json.loads(client.get(URL).content)["items"][0]["url"] == story.url


def test_served_from_the_cache_between_changes(client, site_settings, django_assert_num_queries):
    for n in range(5):
        breaking_post(text=f"Line {n}")
    edition_homes()  # cached for every request until a home page changes (its clock)
    with django_assert_num_queries(1):  # one query builds it, whatever the archive
        client.get(URL)
    with django_assert_num_queries(0):
        client.get(URL)


def test_it_stays_true_until_its_first_line_expires(site_settings):
    breaking_post(text="Short", expires_in=timedelta(seconds=40))
    breaking_post(text="Long", expires_in=timedelta(hours=2))
    _data, valid_for = ticker_document("en")
    assert 35 < valid_for <= 40


def test_a_change_during_a_rebuild_is_not_lost():
    calls = []

    def build():
        calls.append(1)
        if len(calls) == 1:
            pulse_changed("race")  # a line posted while the first build read the database
        return {"build": len(calls)}, None

    pulse_document("race", build)
    _etag, body = pulse_document("race", build)
    assert json.loads(body) == {"build": 2}
