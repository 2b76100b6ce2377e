"""The gallery page: what a reader gets with JavaScript off, its structured data, the
embargo, and the editors' 3-to-100-photos rule."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from masthead.media.models import GalleryPage
from tests import factories
from tests.conftest import by_class, json_ld_node, parse, text_of
from tests.media.factories import make_gallery


@pytest.fixture
def pictures(newsroom):
    return factories.make_section(newsroom["home"], "In Pictures", slug="in-pictures")


def test_a_gallery_without_javascript_is_a_list_of_figures(client, pictures, newsroom):
    images = [
        factories.make_image(caption="Image's own caption", credit="Image's own credit"),
        factories.make_image(caption="Second picture", credit="Agencies"),
        factories.make_image(caption="Third picture", credit="Agencies"),
    ]
    gallery = make_gallery(
        pictures,
        "Harvest season",
        images=images,
        captions=["", "Pickers rest at noon", ""],
        credits=["", "Staff photographer", ""],
        authors=[newsroom["writer"]],
        tags=["farming"],
    )
    response = client.get(gallery.url)
    assert response.status_code == 200
    tree = parse(response)
    assert text_of(tree.xpath("//h1")[0]) == "Harvest season"
    assert "Jane Writer" in text_of(by_class(tree, "byline")[0])
    figures = tree.xpath("//ol[contains(@class, 'gallery-photos')]/li/figure")
    assert len(figures) == 3
    captions = [text_of(figure.find("figcaption")) for figure in figures]
    # The image's own caption and credit, unless the gallery overrides them for this set.
    assert captions == [
        "1 / 3 Image's own caption Image's own credit",
        "2 / 3 Pickers rest at noon Staff photographer",
        "3 / 3 Third picture Agencies",
    ]
    for number, figure in enumerate(figures, start=1):
        link = figure.find("a")
        # Without JavaScript each picture links straight to its full-size file.
        assert link.get("href").startswith("/media/images/")
        assert link.get("href") == link.get("data-full")
        assert link.get("aria-label") == f"Photo {number} of 3, full size"
        assert link.find(".//img") is not None
    assert "3 photos" in text_of(by_class(tree, "story-meta")[0])
    # The viewer's script is on gallery pages, and its dialog waits inert in a <template>.
    scripts = [s.get("src") for s in tree.xpath("//script[@type='module']")]
    assert "/static/masthead/gallery.js" in scripts
    assert tree.xpath("//template[@id='gallery-viewer']")
    assert not tree.xpath("//body/dialog")


def test_gallery_structured_data_is_an_image_gallery(client, pictures, newsroom):
    gallery = make_gallery(
        pictures,
        "Night shift",
        photos=4,
        captions=["A baker at work", "", "", ""],
        credits=["Staff", "", "", ""],
        authors=[newsroom["writer"]],
    )
    data = json_ld_node(parse(client.get(gallery.url)), "ImageGallery")
    assert data["name"] == "Night shift"
    assert data["url"] == "http://localhost" + gallery.url
    assert data["author"] == [{"@type": "Person", "name": "Jane Writer"}]
    media = data["associatedMedia"]
    assert [item["@type"] for item in media] == ["ImageObject"] * 4
    assert [item["position"] for item in media] == [1, 2, 3, 4]
    assert media[0]["caption"] == "A baker at work"
    assert media[0]["creditText"] == "Staff"
    assert media[1]["caption"] == "Image caption 2"
    assert all(item["contentUrl"].startswith("http://localhost/media/images/") for item in media)


def test_another_page_has_no_gallery_script(client, newsroom):
    article = factories.make_article(newsroom["politics"], "A story")
    tree = parse(client.get(article.url))
    assert "/static/masthead/gallery.js" not in [s.get("src") for s in tree.xpath("//script")]


def test_an_embargoed_gallery_is_not_there_yet(client, pictures):
    later = timezone.now() + timedelta(hours=2)
    gallery = make_gallery(pictures, "Tomorrow's pictures", published_at=later)
    assert client.get(gallery.url).status_code == 404
    assert not GalleryPage.objects.published().filter(pk=gallery.pk).exists()
    listing = client.get(pictures.url).content.decode()
    assert "Tomorrow&#x27;s pictures" not in listing and "Tomorrow's pictures" not in listing


def test_a_draft_gallery_gets_its_publication_time_when_published(pictures):
    gallery = make_gallery(pictures, "Draft set", live=False)
    assert gallery.published_at is None
    gallery.save_revision().publish()
    gallery.refresh_from_db()
    assert gallery.published_at is not None and gallery.is_published()


def queries_for(client, url):
    client.get(url)  # renditions are made on the first visit
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_gallery_costs_the_same_queries_with_3_photos_or_60(client, pictures):
    small = make_gallery(pictures, "Small set", photos=3)
    large = make_gallery(pictures, "Large set", photos=60)
    assert queries_for(client, small.url) == queries_for(client, large.url)


# --- The editors' rule: 3 to 100 photos ------------------------------------------------


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(user)
    return client


def add_gallery(editor_client, section, photo_count, *, publish=True):
    image = factories.make_image(caption="A caption", credit="Staff")
    data = nested_form_data(
        {
            "title": "From the admin",
            "slug": "from-the-admin",
            "standfirst": "Made in the newsroom.",
            "photos": inline_formset(
                [{"image": image.pk, "caption": "", "credit": ""}] * photo_count
            ),
            "page_authors": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    url = f"/admin/pages/add/media/gallerypage/{section.pk}/"
    return editor_client.post(url, data)


def test_the_admin_refuses_a_gallery_of_two_photos(editor_client, pictures):
    response = add_gallery(editor_client, pictures, 2)
    assert response.status_code == 200  # the form again, with the reason
    assert "A gallery needs at least 3 photos." in response.content.decode()
    assert not GalleryPage.objects.filter(slug="from-the-admin").exists()


def test_the_admin_refuses_a_gallery_of_101_photos(editor_client, pictures):
    response = add_gallery(editor_client, pictures, 101)
    assert response.status_code == 200
    assert "A gallery can hold at most 100 photos." in response.content.decode()
    assert not GalleryPage.objects.filter(slug="from-the-admin").exists()


def test_the_admin_publishes_a_gallery_of_three_photos(editor_client, pictures):
    response = add_gallery(editor_client, pictures, 3)
    assert response.status_code == 302, response.content.decode()[:2000]
    gallery = GalleryPage.objects.get(slug="from-the-admin")
    assert gallery.live and gallery.photos.count() == 3
    assert gallery.get_parent().pk == pictures.pk


def test_a_draft_may_hold_fewer_photos_so_no_work_is_lost(editor_client, pictures):
    # Wagtail defers "at least" rules for drafts; the rule applies when publishing.
    response = add_gallery(editor_client, pictures, 2, publish=False)
    assert response.status_code == 302
    gallery = GalleryPage.objects.get(slug="from-the-admin")
    assert not gallery.live and gallery.photos.count() == 2
