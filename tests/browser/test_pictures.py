"""Pictures in a real browser: Chromium picks the AVIF or WebP source over the JPEG, and
no picture moves the page as it loads (every <img> reserves its box with width and
height; the layout shifts Chromium records while lazy pictures load add up to nothing)."""

import pytest

from tests.browser.helpers import load_every_image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Layout shifts from here on, leaving out those the breaking ticker makes when its script
# turns the list of lines into a rotating band (a shift of its own, not a picture's).
RECORD_LAYOUT_SHIFTS = """() => {
    window.__layoutShifts = [];
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            const nodes = entry.sources.map((s) => s.node).filter(Boolean);
            if (entry.hadRecentInput || nodes.some((n) => n.closest && n.closest(".ticker"))) {
                continue;
            }
            window.__layoutShifts.push({
                value: entry.value,
                nodes: nodes.map((n) => (n.outerHTML || n.nodeName).slice(0, 120)),
            });
        }
    }).observe({type: "layout-shift"});
}"""

PICTURES = """() => [...document.querySelectorAll("picture img")]
    .filter((img) => img.getClientRects().length > 0)
    .map((img) => ({src: img.currentSrc, width: img.getAttribute("width"),
                    height: img.getAttribute("height"), loading: img.loading}))"""

UNSIZED = """() => [...document.images]
    .filter((img) => !img.getAttribute("width") || !img.getAttribute("height"))
    .map((img) => img.currentSrc || img.src)"""


def open_and_load(new_page, url, **viewport):
    page = new_page(**viewport)
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate(RECORD_LAYOUT_SHIFTS)
    # Scrolling down loads every lazy picture: none may push the text about.
    assert load_every_image(page) == []
    return page


def check_pictures(page):
    shown = page.evaluate(PICTURES)
    assert shown, "no <picture> on the page"
    not_modern = [p["src"] for p in shown if not p["src"].endswith((".avif", ".webp"))]
    assert not not_modern, f"Chromium fell back to JPEG for {not_modern}"
    assert page.evaluate(UNSIZED) == []
    # Give any late shift time to be reported, then add them up.
    page.wait_for_timeout(300)
    shifts = page.evaluate("() => window.__layoutShifts")
    total = sum(shift["value"] for shift in shifts)
    assert total < 0.01, f"layout shifted by {total:.3f}: {shifts}"
    return shown


def test_the_article_shows_modern_formats_without_shifting(demo_site, new_page):
    page = open_and_load(new_page, demo_site.absolute(demo_site.article.url))
    shown = check_pictures(page)
    lead = page.locator("figure.story-lead picture img")
    assert lead.get_attribute("loading") == "eager"
    assert lead.get_attribute("fetchpriority") == "high"
    body = page.locator("figure.body-figure picture img")
    assert body.count() >= 1
    assert all(body.nth(i).get_attribute("loading") == "lazy" for i in range(body.count()))
    assert len(shown) >= 1 + body.count()


def test_the_front_page_shows_modern_formats_without_shifting(demo_site, new_page):
    page = open_and_load(new_page, demo_site.absolute("/en/"))
    shown = check_pictures(page)
    assert len(shown) >= 8
    top = page.locator(".teaser--lead picture img")
    assert top.get_attribute("loading") == "eager"
    assert top.evaluate("img => img.complete && img.naturalWidth > 0")


def test_a_phone_gets_the_same_formats_and_no_shift(demo_site, new_page):
    page = open_and_load(new_page, demo_site.absolute(demo_site.article.url), width=390, height=844)
    check_pictures(page)
