"""The OpenAPI description: valid, complete, true to the real responses, and the docs page
rendered from it."""

import json
import time

import pytest
from django.urls import URLPattern
from django.utils.http import parse_http_date
from jsonschema import Draft202012Validator

from masthead.api import openapi
from masthead.api import urls as api_urls
from tests import factories
from tests.conftest import parse
from tests.search.conftest import reindex

# The description's path for each implemented endpoint's URL name.
DESCRIBED = {
    "index": "/",
    "editions": "/editions",
    "sections": "/sections",
    "articles": "/articles",
    "article": "/articles/{id}",
    "breaking": "/breaking",
    "most_read": "/most-read",
    "navigation": "/navigation",
    "regions": "/regions",
    "coverage": "/coverage",
    "coverage_topic": "/coverage/{slug}",
    "article_ninjs": "/articles/{id}/ninjs",
    "videos": "/videos",
    "video": "/videos/{id}",
    "galleries": "/galleries",
    "gallery": "/galleries/{id}",
    "infographs": "/infographs",
    "infograph": "/infographs/{id}",
    "live_blogs": "/live-blogs",
    "live_blog": "/live-blogs/{id}",
    "live_blog_updates": "/live-blogs/{id}/updates",
    "search": "/search",
}
NOT_DESCRIBED = {"openapi", "docs", "unknown"}  # the description itself, its page, the 404


def validator(schema):
    """A validator for `schema` whose `#/components/...` references resolve in the document."""
    document = openapi.document()
    return Draft202012Validator({**schema, "components": document["components"]})


def schema_of(path, status="200"):
    operation = openapi.document()["paths"][path]["get"]
    return operation["responses"][status]["content"]["application/json"]["schema"]


def assert_valid(instance, schema, where=""):
    errors = sorted(validator(schema).iter_errors(instance), key=str)
    messages = [f"{where} {list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    assert not errors, "\n".join(messages)


def test_the_description_is_served_as_openapi_3_1_json(client, home):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = json.loads(response.content)
    assert document["openapi"] == "3.1.0"
    assert document["info"]["version"] == "1"
    assert "never renamed or removed" in document["info"]["description"]
    assert document == openapi.document()


def test_every_endpoint_is_described_and_nothing_else():
    names = {p.name for p in api_urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == set(DESCRIBED) | NOT_DESCRIBED
    assert set(openapi.document()["paths"]) == set(DESCRIBED.values())


def test_every_schema_is_a_valid_json_schema():
    for name, schema in openapi.document()["components"]["schemas"].items():
        Draft202012Validator.check_schema({**schema, "$comment": name})


def test_every_example_matches_its_schema():
    for path, methods in openapi.document()["paths"].items():
        for status, response in methods["get"]["responses"].items():
            content = response.get("content", {}).get("application/json")
            if content:
                assert_valid(content["example"], content["schema"], f"{path} {status}")


def test_the_schemas_really_check(client):
    """A response missing a field or with a wrong type fails: the checks above mean something."""
    example = openapi.document()["paths"]["/articles"]["get"]["responses"]["200"]
    example = example["content"]["application/json"]["example"]
    broken = json.loads(json.dumps(example))
    del broken["articles"][0]["standfirst"]
    with pytest.raises(AssertionError, match="standfirst"):
        assert_valid(broken, schema_of("/articles"))
    broken = json.loads(json.dumps(example))
    broken["articles"][0]["lead_image"] = {"id": 1}
    with pytest.raises(AssertionError):
        assert_valid(broken, schema_of("/articles"))


@pytest.fixture
def full(stories, newsroom):
    """Stories with every kind of body block, a breaking line and views."""
    first, second = stories["readable"][:2]
    image = factories.make_image(caption="Body picture")
    story = factories.make_article(
        newsroom["politics"],
        "Every block",
        tags=["budget"],
        authors=[newsroom["writer"]],
        lead_image=image,
        body=[
            ("paragraph", "<p>Words.</p>"),
            ("subheading", "Then"),
            ("quote", {"text": "Said.", "attribution": ""}),
            ("image", {"image": image, "caption": "", "credit": ""}),
            ("read_next", {"article": first}),
            ("related_news", {"articles": [first, second]}),
        ],
    )
    factories.make_breaking("A line", article=first)
    factories.make_breaking("A line without a story")
    factories.add_views(second, 5)
    return story


@pytest.mark.parametrize(
    "url, path",
    [
        ("/api/v1/", "/"),
        ("/api/v1/editions", "/editions"),
        ("/api/v1/sections?edition=en", "/sections"),
        ("/api/v1/articles?edition=en", "/articles"),
        ("/api/v1/articles?limit=2", "/articles"),
        ("/api/v1/articles/{id}", "/articles/{id}"),
        ("/api/v1/breaking", "/breaking"),
        ("/api/v1/most-read", "/most-read"),
        ("/api/v1/navigation", "/navigation"),
        ("/api/v1/regions", "/regions"),
        ("/api/v1/coverage", "/coverage"),
        ("/api/v1/coverage/election-2030", "/coverage/{slug}"),
        ("/api/v1/articles/{id}/ninjs", "/articles/{id}/ninjs"),
        ("/api/v1/videos", "/videos"),
        ("/api/v1/videos/{uploaded}", "/videos/{id}"),
        ("/api/v1/videos/{embedded}", "/videos/{id}"),
        ("/api/v1/galleries", "/galleries"),
        ("/api/v1/galleries/{gallery}", "/galleries/{id}"),
        ("/api/v1/infographs", "/infographs"),
        ("/api/v1/infographs/{infograph}", "/infographs/{id}"),
        ("/api/v1/live-blogs", "/live-blogs"),
        ("/api/v1/live-blogs?status=live&limit=1", "/live-blogs"),
        ("/api/v1/live-blogs/{blog}", "/live-blogs/{id}"),
        ("/api/v1/live-blogs/{blog}/updates", "/live-blogs/{id}/updates"),
        ("/api/v1/live-blogs/{blog}/updates?since={first_update}", "/live-blogs/{id}/updates"),
        ("/api/v1/search?q=budget", "/search"),
    ],
)
def test_real_responses_match_their_schemas(client, full, media, url, path):
    ids = {key: item.pk for key, item in media.items() if hasattr(item, "pk")}
    url = url.format(id=full.pk, first_update=media["updates"][0].pk, **ids)
    reindex()
    response = client.get(url)
    assert response.status_code == 200
    data = response.json()
    assert_valid(data, schema_of(path))
    lists = ("articles", "videos", "galleries", "infographs", "live_blogs", "updates", "results")
    for key in lists:
        assert data.get(key) != [], f"{url}: an empty {key} list proves little"
    if path == "/articles/{id}":
        kinds = {block["type"] for block in data["body"]}
        assert kinds == {"paragraph", "subheading", "quote", "image", "read_next", "related_news"}


# What fills each path's placeholder, and each required parameter, in the walk below. A new
# endpoint with a placeholder or required parameter not named here fails the walk until
# it is: no operation escapes it.
PLACEHOLDERS = {
    "/articles/{id}": lambda full, media: {"id": full.pk},
    "/videos/{id}": lambda full, media: {"id": media["uploaded"].pk},
    "/galleries/{id}": lambda full, media: {"id": media["gallery"].pk},
    "/infographs/{id}": lambda full, media: {"id": media["infograph"].pk},
    "/live-blogs/{id}": lambda full, media: {"id": media["blog"].pk},
    "/coverage/{slug}": lambda full, media: {"slug": "election-2030"},
}
REQUIRED = {"q": "budget"}


def described_urls(full, media):
    """A working URL for every operation in the description, then the description and
    its docs page themselves."""
    for path, methods in openapi.document()["paths"].items():
        for operation in methods.values():
            url = path
            if "{" in path:
                stem = path.removesuffix("/ninjs").removesuffix("/updates")
                url = path.format(**PLACEHOLDERS[stem](full, media))
            required = [p["name"] for p in operation.get("parameters", []) if p.get("required")]
            required = [p for p in required if p not in ("id", "slug")]
            if required:
                url += "?" + "&".join(f"{name}={REQUIRED[name]}" for name in required)
            yield "/api/v1" + url
    yield "/api/v1/openapi.json"
    yield "/api/v1/docs"


def test_every_operation_answers_with_etag_and_last_modified(client, full, media):
    reindex()
    urls = list(described_urls(full, media))
    assert len(urls) == len(openapi.document()["paths"]) + 2
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.has_header("ETag"), url
        assert response.has_header("Last-Modified"), url
        assert parse_http_date(response["Last-Modified"]) <= time.time(), url
        assert response["Cache-Control"].startswith("public, max-age="), url
        again = client.get(url, headers={"if-none-match": response["ETag"]})
        assert again.status_code == 304, url
        assert again["Last-Modified"] == response["Last-Modified"] or url.endswith(
            ("/most-read", f"q={REQUIRED['q']}")
        ), url  # those two say "now", which may have moved on by a second


@pytest.mark.parametrize(
    "url, path, status",
    [
        ("/api/v1/articles?limit=0", "/articles", "400"),
        ("/api/v1/articles/999999", "/articles/{id}", "404"),
        ("/api/v1/search?q=", "/search", "400"),
        ("/api/v1/videos/999999", "/videos/{id}", "404"),
        ("/api/v1/coverage/nothing", "/coverage/{slug}", "404"),
    ],
)
def test_errors_match_the_error_schema(client, home, url, path, status):
    response = client.get(url)
    assert response.status_code == int(status)
    assert_valid(response.json(), schema_of(path, status))


def test_the_docs_page_lists_every_endpoint_from_the_description(client, home):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    tree = parse(response)
    headings = [h.text_content() for h in tree.iter("h2")]
    assert headings == [f"GET /api/v1{path}" for path in openapi.document()["paths"]]
    text = tree.text_content()
    for name in ("edition", "section", "region", "tag", "author", "limit", "cursor"):
        assert name in text
    assert '"invalid_parameter"' in text  # the error example
    assert "/api/v1/openapi.json" in [a.get("href") for a in tree.iter("a")]


def test_the_docs_page_makes_no_third_party_requests(client, home):
    tree = parse(client.get("/api/v1/docs"))
    assert not tree.xpath("//script[@src] | //link[@href] | //img | //iframe")
    external = [a.get("href") for a in tree.iter("a") if "//" in (a.get("href") or "")]
    assert external == []
