"""IPTC ninjs 2.0 output: valid against the schema written from the standard, true to the
story, and only for stories readers can see.

The facts checked against the approved ninjs 2.0 JSON Schema are listed in
masthead/api/ninjs_schema.py; the tests here hold our schema and our output to them."""

import copy
from datetime import timedelta

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker
from wagtail.models import Site

from masthead.api.ninjs_schema import SCHEMA
from masthead.core.models import SiteSettings
from tests import factories
from tests.api.test_api import assert_error


def validate(item):
    # Without its format checkers jsonschema passes any string as a date-time or URI.
    assert {"date-time", "uri"} <= set(FormatChecker().checkers)
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(item), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


@pytest.fixture
def story(newsroom):
    image = factories.make_image(caption="Own caption", credit="Agency photo")
    return factories.make_article(
        newsroom["opinion"],
        "A column on rates",
        article_type="opinion",
        authors=[newsroom["writer"], newsroom["critic"]],
        tags=["rates", "budget"],
        regions=[newsroom["europe"]],
        lead_image=image,
        lead_image_caption="The central bank",
        source="Agencies",
        body=[
            ("paragraph", "<p>Rates rose by a quarter point.</p>"),
            ("image", {"image": image, "caption": "The vault doors", "credit": "Staff"}),
        ],
        published_at=timezone.now() - timedelta(hours=1),
    )


def test_the_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


def test_a_story_as_ninjs(client, story):
    response = client.get(f"/api/v1/articles/{story.pk}/ninjs")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    item = response.json()
    validate(item)
    assert item["uri"] == "http://localhost/en/articles/opinion/a-column-on-rates/"
    assert item["standard"] == {
        "name": "ninjs",
        "version": "2.0",
        "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json",
    }
    assert item["type"] == "text" and item["pubstatus"] == "usable"
    assert item["language"] == "en"
    assert item["contentcreated"] == story.published_at.isoformat()
    assert item["headlines"] == [
        {"role": "main", "contenttype": "text/plain", "value": "A column on rates"}
    ]
    assert item["descriptions"][0]["value"] == story.standfirst
    [body] = item["bodies"]
    assert body["contenttype"] == "text/html"
    # The picture's caption and credit are in the HTML but, as ninjs says, not counted.
    assert "The vault doors" in body["value"]
    assert "Rates rose by a quarter point." in body["value"] and body["wordcount"] == 6
    assert item["by"] == "Jane Writer and Sam Critic"
    assert item["genres"] == [{"name": "Opinion", "literal": "opinion"}]
    assert sorted(s["literal"] for s in item["subjects"]) == ["budget", "rates"]
    assert item["places"][0]["uri"] == "http://localhost/en/regions/europe/"
    assert item["infosources"] == [{"name": "Agencies"}]
    assert item["copyrightholder"] == "The Daily Test"
    assert item["usageterms"] == "All Rights Reserved"
    [picture] = item["associations"]
    assert picture["name"] == "featureimage" and picture["type"] == "picture"
    assert picture["descriptions"][0]["value"] == "The central bank"
    assert picture["by"] == "Agency photo"
    assert picture["uri"].startswith("http://localhost/")
    assert [r["name"] for r in picture["renditions"]] == ["small", "medium", "large"]
    assert picture["renditions"][0]["contenttype"] == "image/png"


def _picture(item):
    return item["associations"][0]


def test_the_schema_rejects_what_ninjs_2_0_does_not_define(client, story):
    item = client.get(f"/api/v1/articles/{story.pk}/ninjs").json()
    for change in (
        lambda i: i.update(headline="a 1.x-style field"),
        lambda i: i.update({"$standard": i.pop("standard")}),  # 1.x's spelling
        lambda i: i.update(type="article"),
        lambda i: i.update(pubstatus="published"),
        lambda i: i["bodies"][0].pop("value"),
        lambda i: i["headlines"][0].update(wordcount=4),  # counts are for bodies only
        lambda i: i["headlines"][0].update(mimetype="text/plain"),  # 2.0 says contenttype
        lambda i: i.pop("uri"),
        lambda i: i.update(urgency=12),
        lambda i: i.update(versioncreated=20261128),
        lambda i: i.update(versioncreated="28 November 2026"),
        lambda i: i.update(contentcreated="2026-11-28T10:00:00"),  # no offset
        lambda i: i.update(uri="not a uri"),
        lambda i: i["genres"][0].update(rel="about"),  # genres have no rel
        lambda i: i["subjects"][0].update(type="tag"),
        lambda i: i["infosources"][0].update(rel="source"),  # infosources have a role
        lambda i: i["infosources"][0].update(role="wire"),  # ...and it is a URI
        lambda i: i.update(altids={"masthead": "42"}),  # 1.x's object keyed by role
        lambda i: _picture(i).pop("name"),
        lambda i: _picture(i)["renditions"][0].pop("name"),
        lambda i: _picture(i).update(renditions={"small": {"href": "http://localhost/s.png"}}),
        lambda i: _picture(i)["renditions"][0].update(width="480"),
    ):
        broken = copy.deepcopy(item)
        change(broken)
        with pytest.raises(AssertionError):
            validate(broken)


def test_the_schema_admits_what_ninjs_2_0_defines(client, story):
    """Only `uri` is required; these are shapes the approved 2.0 schema accepts."""
    validate({"uri": "http://localhost/en/articles/a/"})
    item = client.get(f"/api/v1/articles/{story.pk}/ninjs").json()
    item.update(
        type="component",
        urgency=2.0,
        title="Rates column",
        altids=[{"role": "print", "value": "A1"}, {"value": "42"}],
        events=[{"name": "Rate decision", "rel": "about"}],
        objects=[{"name": "Vault"}],
        organisations=[{"name": "Bank", "symbols": [{"ticker": "BK", "exchange": "XLON"}]}],
        trustindicators=[{"role": "http://localhost/t", "href": "http://localhost/standards/"}],
        rightsinfo={"linkedrights": "http://localhost/rights/"},
    )
    item["infosources"][0].update(role="http://localhost/roles/source", literal="agencies")
    item["bodies"][0]["charcount"] = 30
    _picture(item)["renditions"][0].pop("href")  # a rendition needs only its name
    validate(item)


def test_a_story_without_byline_image_or_source(client, newsroom):
    plain = factories.make_article(newsroom["politics"], "Plain story")
    item = client.get(f"/api/v1/articles/{plain.pk}/ninjs").json()
    validate(item)
    assert item["associations"] == []
    assert "by" not in item and "infosources" not in item


def test_no_usage_terms_without_a_copyright_line(client, newsroom):
    site = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site.copyright_line = ""
    site.save()
    plain = factories.make_article(newsroom["politics"], "Plain story")
    item = client.get(f"/api/v1/articles/{plain.pk}/ninjs").json()
    validate(item)
    assert "usageterms" not in item
    assert item["copyrightnotice"].endswith(f"{site.site_name}.")


def test_embargoed_and_missing_stories_are_404(client, stories):
    url = f"/api/v1/articles/{stories['embargoed'].pk}/ninjs"
    assert_error(client.get(url), 404, "not_found")
    assert_error(client.get("/api/v1/articles/999999/ninjs"), 404, "not_found")
    story = stories["embargoed"]
    story.published_at = timezone.now() - timedelta(seconds=1)
    story.save()
    assert client.get(url).status_code == 200


def test_ninjs_has_an_etag_and_304(client, story):
    url = f"/api/v1/articles/{story.pk}/ninjs"
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=60"
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
