"""Galleries and infographs in headless Chromium: the viewer walked with the keyboard and
a swipe, the infograph's zoom, and axe-core on each new page type and both listings."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import serious_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def warm_up_paths():
    """Rendered once into the module's demo snapshot (conftest.py): a gallery's first
    render makes every photo in three widths and three formats, too slow to repeat in
    every test on a loaded machine."""
    from masthead.media.models import GalleryPage, InfographPage

    pages = [
        GalleryPage.objects.published().order_by("-published_at").first(),
        InfographPage.objects.published().order_by("-published_at").first(),
    ]
    return [page.url for page in pages if page] + ["/en/in-pictures/", "/en/infographs/"]


@pytest.fixture
def visual_pages(demo_site):
    from masthead.media.models import GalleryPage, InfographPage

    gallery = GalleryPage.objects.published().order_by("-published_at").first()
    infograph = InfographPage.objects.published().order_by("-published_at").first()
    assert gallery is not None and infograph is not None, "the demo has no gallery/infograph"
    return {
        "gallery": demo_site.absolute(gallery.url),
        "photos": gallery.photos.count(),
        "infograph": demo_site.absolute(infograph.url),
        "pictures": demo_site.absolute("/en/in-pictures/"),
        "infographs": demo_site.absolute("/en/infographs/"),
    }


def swipe(page, selector, dx):
    """A finger drag across `selector`, as pointer events."""
    page.evaluate(
        """([selector, dx]) => {
            const el = document.querySelector(selector);
            const box = el.getBoundingClientRect();
            const y = box.top + box.height / 2, x = box.left + box.width / 2;
            const at = (clientX) => ({
                bubbles: true, pointerId: 7, pointerType: "touch", isPrimary: true,
                clientX, clientY: y,
            });
            el.dispatchEvent(new PointerEvent("pointerdown", at(x)));
            el.dispatchEvent(new PointerEvent("pointermove", at(x + dx / 2)));
            el.dispatchEvent(new PointerEvent("pointerup", at(x + dx)));
        }""",
        [selector, dx],
    )


def test_walk_a_gallery_with_the_keyboard(new_page, visual_pages, screenshot):
    total = visual_pages["photos"]
    page = new_page()
    page.goto(visual_pages["gallery"])
    expect(page.locator(".gallery-photos > li")).to_have_count(total)
    viewer = page.locator("dialog.viewer")
    counter = viewer.locator(".viewer-counter")

    # Keyboard only: tab to the first photo's link and open it with Enter.
    first = page.locator(".gallery-open").first
    first.focus()
    page.keyboard.press("Enter")
    expect(viewer).to_be_visible()
    expect(counter).to_have_text(f"1 / {total}")
    expect(counter).to_have_attribute("aria-live", "polite")
    expect(viewer.locator(".viewer-caption")).not_to_be_empty()
    screenshot(page, "gallery-viewer", full_page=False)

    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(f"2 / {total}")
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(f"3 / {total}")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(f"2 / {total}")
    # Going back from the first photo wraps round to the last.
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(f"{total} / {total}")
    # The shown photo is the full-size rendition of the one that counter names.
    expected = page.locator(".gallery-open").nth(total - 1).get_attribute("data-full")
    assert viewer.locator(".viewer-image").get_attribute("src") == expected

    # A swipe towards the start of the line brings the next photo; back the other way.
    swipe(page, ".viewer-stage", -200)
    expect(counter).to_have_text(f"1 / {total}")
    swipe(page, ".viewer-stage", 200)
    expect(counter).to_have_text(f"{total} / {total}")
    # A short drag is not a swipe.
    swipe(page, ".viewer-stage", -20)
    expect(counter).to_have_text(f"{total} / {total}")

    # The buttons work too, and focus shows where it is.
    viewer.get_by_role("button", name="Next photo").click()
    expect(counter).to_have_text(f"1 / {total}")

    page.keyboard.press("Escape")
    expect(viewer).to_be_hidden()
    # Focus is back on the photo the viewer was opened from.
    assert page.evaluate("() => document.activeElement === document.querySelector('.gallery-open')")


def test_arrow_keys_follow_a_right_to_left_page(new_page, visual_pages):
    page = new_page()
    page.goto(visual_pages["gallery"])
    page.evaluate("() => document.documentElement.setAttribute('dir', 'rtl')")
    page.locator(".gallery-open").first.click()
    counter = page.locator("dialog.viewer .viewer-counter")
    expect(counter).to_have_text(f"1 / {visual_pages['photos']}")
    page.keyboard.press("ArrowLeft")  # forwards, in a right-to-left edition
    expect(counter).to_have_text(f"2 / {visual_pages['photos']}")


def test_a_gallery_without_javascript_is_a_list_of_figures(new_page, visual_pages):
    page = new_page(java_script_enabled=False)
    page.goto(visual_pages["gallery"])
    figures = page.locator(".gallery-photos figure")
    expect(figures).to_have_count(visual_pages["photos"])
    expect(figures.first.locator("figcaption .credit")).to_be_visible()
    expect(page.locator("dialog")).to_have_count(0)


def test_the_infograph_zooms(new_page, visual_pages, screenshot):
    page = new_page()
    page.goto(visual_pages["infograph"])
    image = page.locator(".infograph-figure img")
    description = page.locator("#" + image.get_attribute("aria-describedby"))
    expect(description).to_contain_text("bar chart")
    page.locator(".infograph-zoom").click()
    zoom = page.locator("dialog.zoom")
    expect(zoom).to_be_visible()
    level = zoom.locator(".zoom-level")
    zoomed = zoom.locator(".zoom-image")
    expect(zoomed).to_have_js_property("complete", True)
    before_level, before_width = level.text_content(), zoomed.bounding_box()["width"]
    zoom.get_by_role("button", name="Zoom in").click()
    assert level.text_content() != before_level
    assert zoomed.bounding_box()["width"] > before_width * 1.2
    screenshot(page, "infograph-zoom", full_page=False)
    page.keyboard.press("Escape")
    expect(zoom).to_be_hidden()
    assert page.evaluate(
        "() => document.activeElement === document.querySelector('.infograph-zoom')"
    )


@pytest.mark.parametrize("name", ["gallery", "infograph", "pictures", "infographs"])
def test_no_serious_accessibility_problems(new_page, visual_pages, name):
    page = new_page()
    page.goto(visual_pages[name])
    problems = serious_axe_violations(page)
    assert problems == [], "\n".join(problems)


def test_the_open_viewer_has_no_serious_accessibility_problems(new_page, visual_pages):
    page = new_page()
    page.goto(visual_pages["gallery"])
    page.locator(".gallery-open").nth(1).click()
    expect(page.locator("dialog.viewer")).to_be_visible()
    problems = serious_axe_violations(page)
    assert problems == [], "\n".join(problems)
