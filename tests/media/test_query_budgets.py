"""Query budgets for the In Pictures and Infographs listings (DESIGN.md, principle 2).

Each listing is rendered with a few pages and again with many (more than one page of
cards), and must run the same number of queries both times, within its budget.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.media.factories import make_gallery, make_infograph

FEW, MANY = 3, 30  # the listing shows 24 a page, so MANY paginates
BUDGETS = {"In Pictures": 24, "Infographs": 23}


def count_queries(url):
    client = Client(HTTP_HOST="localhost")
    assert client.get(url).status_code == 200  # the first visit makes the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), queries, response


@pytest.fixture(scope="module")
def sections(module_db):
    newsroom = factories.build_newsroom()
    pictures = factories.make_section(newsroom["home"], "In Pictures", slug="in-pictures")
    infographs = factories.make_section(newsroom["home"], "Infographs", slug="infographs")
    images = [factories.make_image(credit="Agencies") for _ in range(12)]
    # A story filed beside the galleries is listed too.
    factories.make_article(pictures, "A photo story", lead_image=images[0])
    return {"In Pictures": pictures, "Infographs": infographs, "images": images}


def grow(sections, name, total):
    section = sections[name]
    images = sections["images"]
    existing = section.get_children().count() - (1 if name == "In Pictures" else 0)
    for number in range(existing, total):
        if name == "In Pictures":
            chosen = [images[(number + k) % len(images)] for k in range(3 + number % 5)]
            make_gallery(section, f"Gallery {number}", images=chosen)
        else:
            make_infograph(section, f"Infograph {number}", image=images[number % len(images)])


@pytest.mark.parametrize("name", list(BUDGETS))
def test_listing_queries_do_not_grow_with_the_archive(sections, name):
    url = sections[name].url
    grow(sections, name, FEW)
    few, _, response = count_queries(url)
    assert response.content.decode().count('class="teaser teaser--card visual-card"') == FEW
    grow(sections, name, MANY)
    many, queries, response = count_queries(url)
    page = response.content.decode()
    assert page.count('class="teaser teaser--card visual-card"') == 24
    assert "Page 1 of 2" in page
    detail = "\n".join(query["sql"][:160] for query in queries.captured_queries)
    assert few == many, f"{name}: {few} queries with {FEW}, {many} with {MANY}\n{detail}"
    assert many <= BUDGETS[name], f"{name}: {many} queries, budget {BUDGETS[name]}\n{detail}"


def test_gallery_cards_show_their_cover_and_photo_count(sections):
    grow(sections, "In Pictures", FEW)
    _, _, response = count_queries(sections["In Pictures"].url)
    page = response.content.decode()
    # Gallery 2 holds 3 + 2 % 5 = 5 photos; its cover is its first photo.
    assert "5 photos" in page
    assert "A photo story" in page  # stories filed in the section are still listed
