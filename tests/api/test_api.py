"""The app API, v1: shapes, embargo, filters, cursor pagination, errors, caching and CORS."""

import base64
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from tests import factories


def get(client, url, **headers):
    return client.get(url, headers=headers)


def titles(response):
    return [item["title"] for item in response.json()["articles"]]


def assert_error(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]


# -- editions and sections ---------------------------------------------------------------


def test_editions_list_each_language_with_its_front_page(client, home):
    response = client.get("/api/v1/editions")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    [edition] = response.json()["editions"]
    assert edition["code"] == "en"
    assert edition["name"] == "English"
    assert edition["url"] == "http://localhost/en/"


def test_sections_are_the_menu_tree(client, newsroom):
    factories.make_section(newsroom["news"], "Hidden", show_in_menus=False)
    response = client.get("/api/v1/sections?edition=en")
    assert response.status_code == 200
    tree = response.json()["sections"]
    assert [s["title"] for s in tree] == ["News", "Articles"]
    news = tree[0]
    assert news["id"] == newsroom["news"].pk
    assert news["url"] == "http://localhost/en/news/"
    assert [c["title"] for c in news["children"]] == ["Politics", "Economy"]
    assert [c["title"] for c in tree[1]["children"]] == ["Opinion"]


@pytest.mark.parametrize("url", ["/api/v1/sections?edition=xx", "/api/v1/articles?edition=de"])
def test_an_unknown_edition_is_a_400(client, home, url):
    assert_error(client.get(url), 400, "invalid_parameter")


# -- articles: the list ------------------------------------------------------------------


def test_the_list_holds_only_readable_stories_newest_first(client, stories):
    response = client.get("/api/v1/articles?edition=en")
    assert response.status_code == 200
    assert titles(response) == [
        "Markets calm",
        "Vote tonight",
        "A column",
        "Rates rise",
        "Budget passes",
    ]
    assert response.json()["next"] is None


def test_a_teaser_has_its_section_and_lead_image_renditions(client, stories):
    budget = stories["readable"][0]
    [item] = client.get("/api/v1/articles?tag=budget").json()["articles"]
    assert item["id"] == budget.pk
    assert item["url"] == "http://localhost/en/news/politics/budget-passes/"
    assert item["api_url"] == f"http://localhost/api/v1/articles/{budget.pk}"
    assert item["section"]["title"] == "Politics"
    assert item["standfirst"] == budget.standfirst
    assert item["article_type"] == "news"
    image = item["lead_image"]
    assert image["caption"] == "A river" and image["credit"] == "Agencies"
    assert set(image["renditions"]) == {"small", "medium", "large"}
    assert image["renditions"]["large"]["url"].startswith("http://localhost/media/")
    assert image["renditions"]["small"]["width"] <= 480


@pytest.mark.parametrize(
    "query, expected",
    [
        ("region=europe", ["Budget passes"]),
        ("region=africa", ["A column"]),
        ("tag=budget", ["Budget passes"]),  # the embargoed story shares the tag
        ("tag=rates", ["Rates rise"]),
        ("author=jane-writer", ["Budget passes"]),
        ("author=sam-critic", ["A column"]),
        ("region=nowhere", []),
    ],
)
def test_filters(client, stories, query, expected):
    assert titles(client.get(f"/api/v1/articles?{query}")) == expected


def test_the_section_filter_includes_subsections(client, stories, newsroom):
    news = titles(client.get(f"/api/v1/articles?section={newsroom['news'].pk}"))
    assert news == ["Markets calm", "Vote tonight", "Rates rise", "Budget passes"]
    economy = titles(client.get(f"/api/v1/articles?section={newsroom['economy'].pk}"))
    assert economy == ["Markets calm", "Rates rise"]


def test_the_cursor_walks_every_story_exactly_once(client, newsroom):
    same_time = timezone.now() - timedelta(hours=1)
    made = [
        # Several stories share a publication time: the id breaks the tie.
        factories.make_article(
            newsroom["politics"], published_at=same_time - timedelta(minutes=i // 3)
        )
        for i in range(11)
    ]
    url, seen, pages = "/api/v1/articles?limit=3&edition=en", [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        assert len(body["articles"]) <= 3
        seen += [item["id"] for item in body["articles"]]
        url, pages = body["next"], pages + 1
        assert pages < 10
    assert pages == 4
    assert sorted(seen) == sorted(a.pk for a in made)
    assert len(seen) == len(set(seen))


def test_the_next_link_keeps_the_filters(client, stories, newsroom):
    body = client.get(f"/api/v1/articles?section={newsroom['news'].pk}&limit=2").json()
    assert f"section={newsroom['news'].pk}" in body["next"]
    second = client.get(body["next"]).json()
    assert [a["title"] for a in second["articles"]] == ["Rates rise", "Budget passes"]
    assert second["next"] is None


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=101",
        "limit=ten",
        "limit=-1",
        "cursor=nonsense!",
        "cursor=" + base64.urlsafe_b64encode(b'["yesterday", 3]').decode(),
        "cursor=" + base64.urlsafe_b64encode(b'["2026-01-01T00:00:00", 3]').decode(),
        "cursor=" + base64.urlsafe_b64encode(b'["2026-01-01T00:00:00+00:00", "3"]').decode(),
        "cursor=" + base64.urlsafe_b64encode(b"{}").decode(),
        "section=abc",
        "section=999999",
    ],
)
def test_bad_parameters_are_400_json(client, stories, query):
    assert_error(client.get(f"/api/v1/articles?{query}"), 400, "invalid_parameter")


def test_a_section_of_another_tree_is_refused(client, stories, newsroom):
    # A page that exists but is not under the edition's home (the tree root).
    assert_error(client.get("/api/v1/articles?section=1"), 400, "invalid_parameter")


# -- articles: one story -----------------------------------------------------------------


def test_the_detail_has_metadata_blocks_and_html(client, newsroom):
    image = factories.make_image(caption="Own caption", credit="Own credit")
    other = factories.make_article(newsroom["economy"], "Other story", tags=["budget"])
    waiting = factories.make_article(
        newsroom["economy"], "Waiting story", published_at=timezone.now() + timedelta(days=1)
    )
    story = factories.make_article(
        newsroom["politics"],
        "Full story",
        authors=[newsroom["writer"], newsroom["critic"]],
        tags=["budget"],
        regions=[newsroom["europe"]],
        coverage=[newsroom["election"]],
        lead_image=image,
        lead_image_caption="Story caption",
        source="Agencies",
        body=[
            ("paragraph", "<p>First <b>words</b>.</p>"),
            ("subheading", "Next"),
            ("quote", {"text": "We did it.", "attribution": "A minister"}),
            ("image", {"image": image, "caption": "", "credit": ""}),
            ("read_next", {"article": other}),
            ("read_next", {"article": waiting}),
            ("related_news", {"articles": [other, waiting]}),
        ],
    )
    response = client.get(f"/api/v1/articles/{story.pk}")
    assert response.status_code == 200
    data = response.json()
    assert data["id"] == story.pk and data["title"] == "Full story"
    assert data["edition"] == "en"
    assert data["source"] == "Agencies"
    assert data["section"]["title"] == "Politics"
    assert [a["slug"] for a in data["authors"]] == ["jane-writer", "sam-critic"]
    assert data["authors"][0]["photo"]["renditions"]["small"]["url"]
    assert data["authors"][1]["photo"] is None
    assert data["tags"] == [{"name": "budget", "slug": "budget"}]
    assert data["regions"] == [{"name": "Europe", "slug": "europe"}]
    assert data["coverage"] == [{"title": "Election 2030", "slug": "election-2030"}]
    assert data["lead_image"]["caption"] == "Story caption"
    assert data["lead_image"]["credit"] == "Own credit"
    blocks = [(b["type"], b["value"]) for b in data["body"]]
    link = {
        "id": other.pk,
        "title": "Other story",
        "url": "http://localhost/en/news/economy/other-story/",
        "api_url": f"http://localhost/api/v1/articles/{other.pk}",
    }
    assert blocks[:3] == [
        ("paragraph", "<p>First <b>words</b>.</p>"),
        ("subheading", "Next"),
        ("quote", {"text": "We did it.", "attribution": "A minister"}),
    ]
    assert blocks[3][0] == "image"
    assert blocks[3][1]["caption"] == "Own caption"
    assert blocks[3][1]["renditions"]["medium"]["url"].startswith("http://localhost/media/")
    # The embargoed story is neither a read-next block nor among the related stories.
    assert blocks[4:] == [("read_next", {"article": link}), ("related_news", {"articles": [link]})]
    assert "Waiting story" not in response.content.decode()
    assert "<p>First <b>words</b>.</p>" in data["body_html"]
    assert "We did it." in data["body_html"]
    assert [a["id"] for a in data["read_next"]] == [other.pk]


@pytest.mark.parametrize("which", ["draft", "embargoed", "private"])
def test_unreadable_stories_are_never_listed_nor_retrievable(client, stories, which):
    story = stories[which]
    assert_error(client.get(f"/api/v1/articles/{story.pk}"), 404, "not_found")
    listed = client.get("/api/v1/articles?limit=100").json()["articles"]
    assert story.pk not in [item["id"] for item in listed]
    most_read = client.get("/api/v1/most-read").json()["articles"]
    assert story.pk not in [item["id"] for item in most_read]


def test_an_embargoed_story_appears_when_its_time_comes(client, stories):
    story = stories["embargoed"]
    assert client.get(f"/api/v1/articles/{story.pk}").status_code == 404
    story.published_at = timezone.now() - timedelta(seconds=1)
    story.save()
    assert client.get(f"/api/v1/articles/{story.pk}").status_code == 200
    assert story.pk in [a["id"] for a in client.get("/api/v1/articles").json()["articles"]]


def test_a_missing_article_is_a_json_404(client, home):
    assert_error(client.get("/api/v1/articles/999999"), 404, "not_found")


def test_an_unknown_api_path_is_a_json_404(client, home):
    assert_error(client.get("/api/v1/nothing-here"), 404, "not_found")


# -- breaking and most read ----------------------------------------------------------------


def test_breaking_reuses_the_ticker_and_hides_unpublished_links(client, stories):
    live_story = stories["readable"][0]
    factories.make_breaking("Older line", minutes_ago=5, article=stories["embargoed"])
    factories.make_breaking("Newest line", minutes_ago=1, article=live_story)
    factories.make_breaking("Gone", minutes_ago=30, expires_in=-1)
    response = client.get("/api/v1/breaking?edition=en")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["text"] for i in items] == ["Newest line", "Older line"]
    assert items[0]["url"] == "http://localhost/en/news/politics/budget-passes/"
    assert items[1]["url"] is None
    assert "Last-Modified" in response
    assert response["Cache-Control"] == "public, max-age=15"


def test_breaking_is_not_cached_past_its_first_expiry(client, home):
    factories.make_breaking("Short-lived", expires_in=0.1)  # six seconds
    max_age = int(client.get("/api/v1/breaking")["Cache-Control"].split("=")[1])
    assert max_age <= 6


def test_most_read_ranks_by_views(client, stories):
    rates, column = stories["readable"][1], stories["readable"][2]
    factories.add_views(column, 50)
    factories.add_views(rates, 10)
    factories.add_views(stories["embargoed"], 500)
    response = client.get("/api/v1/most-read?edition=en")
    assert response.status_code == 200
    assert titles(response)[:2] == ["A column", "Rates rise"]
    assert len(titles(response)) == 5


# -- HTTP: caching, errors, CORS -----------------------------------------------------------


ENDPOINTS = [
    "/api/v1/editions",
    "/api/v1/sections",
    "/api/v1/articles",
    "/api/v1/breaking",
    "/api/v1/most-read",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("url", ENDPOINTS + ["detail"])
def test_etag_and_304(client, stories, url):
    if url == "detail":
        url = f"/api/v1/articles/{stories['readable'][0].pk}"
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert first["Cache-Control"].startswith("public, max-age=")
    again = get(client, url, if_none_match=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert get(client, url, if_none_match='"stale"').status_code == 200


def test_the_etag_changes_with_the_content(client, stories):
    etag = client.get("/api/v1/articles")["ETag"]
    factories.make_article(stories["readable"][0].get_parent(), "Fresh story")
    response = get(client, "/api/v1/articles", if_none_match=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_last_modified_and_if_modified_since(client, stories):
    story = stories["readable"][0]
    url = f"/api/v1/articles/{story.pk}"
    last_modified = client.get(url)["Last-Modified"]
    assert last_modified.endswith("GMT")
    assert get(client, url, if_modified_since=last_modified).status_code == 304
    assert get(client, url, if_modified_since="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200


def test_other_methods_are_405_json(client, home):
    response = client.post("/api/v1/articles")
    assert_error(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


def test_cors_allows_any_origin_by_default(client, home):
    response = get(client, "/api/v1/editions", origin="https://app.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    error = get(client, "/api/v1/articles?limit=0", origin="https://app.example.org")
    assert error["Access-Control-Allow-Origin"] == "*"


@override_settings(API_CORS_ORIGINS=["https://app.example.org"])
def test_cors_can_be_limited_to_listed_origins(client, home):
    allowed = get(client, "/api/v1/editions", origin="https://app.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "Origin" in allowed["Vary"]
    other = get(client, "/api/v1/editions", origin="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


def test_preflight(client, home):
    response = client.options("/api/v1/articles", headers={"origin": "https://a.example"})
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_head_has_the_headers_and_no_body(client, stories):
    got = client.get("/api/v1/articles")
    head = client.head("/api/v1/articles")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == got["ETag"]
    assert head["Cache-Control"] == got["Cache-Control"]


@pytest.mark.parametrize(
    "url", ["/api/v1/articles/999999/", "/api/v1/articles/", "/api/v1/editions/"]
)
def test_near_misses_are_json_404s_not_redirects(client, home, url):
    assert_error(client.get(url), 404, "not_found")


def test_the_reader_site_still_redirects_to_the_edition(client, newsroom):
    response = client.get("/news/")
    assert response.status_code == 302
    assert response["Location"] == "/en/news/"
