"""A fresh installation, before anyone has written a story, still serves its pages."""

import pytest

from tests.conftest import by_class, one, parse, text_of


@pytest.mark.parametrize("url", ["/en/", "/en/authors/"])
def test_pages_render_without_content_or_settings(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    tree = parse(response)
    # The brand falls back to the default site name until editors set their own.
    assert text_of(one(tree, "brand-name")) == "Masthead"
    assert by_class(tree, "site-footer", "footer")
    assert one(tree, "ticker", "section").get("hidden") is not None


def test_empty_edition_has_no_empty_blocks(client, db):
    tree = parse(client.get("/en/"))
    for block in ("most-read", "coverage", "read-next-rail", "section-row"):
        assert not by_class(tree, block), block


def test_unknown_pages_are_404_not_500(client, db):
    for url in ("/en/news/", "/en/regions/europe/", "/en/coverage/x/", "/en/tags/x/"):
        assert client.get(url).status_code == 404, url
