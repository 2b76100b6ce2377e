"""Right-to-left in headless Chromium: the Arabic edition is a mirror of the English one
(measured, not just dir="rtl"), mixed Arabic and Latin text keeps its order, and axe-core
finds nothing serious in English, Arabic or Spanish (home, section, story, gallery, search
and the author directory of each).

The Arabic and Spanish editions are written into the module's demo snapshot
(tests/browser/editions.py), so each test starts from them.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.editions import ARABIC, SPANISH, build_edition
from tests.browser.helpers import horizontal_overflow, serious_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STORY = ARABIC.stories[0]
WIDE, PHONE = 1280, 390


def warm_up_paths():
    """Called by conftest.py right after the demo is built, inside the snapshot: write the
    two editions there, and render their pages once (the renditions are kept)."""
    paths = []
    for text in (ARABIC, SPANISH):
        paths += build_edition(text).values()
    return paths


def edition_paths(language_code, demo_site):
    """The pages the tests visit in one edition, found in the restored database."""
    from masthead.core.models import HomePage
    from masthead.media.models import GalleryPage
    from masthead.news.models import ArticlePage

    home = HomePage.objects.get(locale__language_code=language_code)
    # Search for a word of the edition's lead story; the author directory is a listing.
    listings = {"authors": f"{home.url}authors/"}
    if language_code == "en":
        word = demo_site.article.title.split()[0]
        gallery = GalleryPage.objects.filter(locale=home.locale).first()
        return {
            "home": home.url,
            "section": demo_site.article.subsection_url,
            "article": demo_site.article.url,
            "gallery": gallery.url,
            "search": f"{home.url}search/?q={word}",
            **listings,
        }
    text = {"ar": ARABIC, "es": SPANISH}[language_code]
    article = ArticlePage.objects.get(locale=home.locale, title=text.stories[0].title)
    gallery = GalleryPage.objects.get(locale=home.locale, title=text.gallery_title)
    return {
        "home": home.url,
        "section": article.get_parent().url,
        "article": article.url,
        "gallery": gallery.url,
        "search": f"{home.url}search/?q={text.stories[0].title.split()[1]}",
        **listings,
    }


@pytest.fixture
def paths(demo_site):
    return {code: edition_paths(code, demo_site) for code in ("en", "ar", "es")}


def visit(new_page, demo_site, path, *, width=WIDE):
    page = new_page(width=width, height=900)
    page.goto(demo_site.absolute(path))
    return page


def box(page, selector):
    found = page.locator(selector).first
    expect(found).to_be_visible()
    return found.bounding_box()


def centre(b):
    return b["x"] + b["width"] / 2


def word_boxes(page, selector, words):
    """Where each word of an element's text is drawn: {word: (left, right, top)}."""
    return page.evaluate(
        """([selector, words]) => {
            const el = document.querySelector(selector);
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            const found = {};
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const word of words) {
                    const at = node.data.indexOf(word);
                    if (at < 0 || found[word]) continue;
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + word.length);
                    const r = range.getClientRects()[0];
                    found[word] = [r.left, r.right, r.top];
                }
            }
            return found;
        }""",
        [selector, words],
    )


def header_geometry(page):
    nav = page.locator("#site-nav .nav-item > .nav-link")
    return {
        "brand": box(page, ".brand"),
        "search": box(page, ".site-search"),
        "first_nav": nav.first.bounding_box(),
        "last_nav": nav.last.bounding_box(),
        "ticker_label": box(page, ".ticker-label"),
        "ticker_items": box(page, ".ticker-items"),
        "ticker_prev": box(page, "[data-ticker-prev]"),
        "ticker_next": box(page, "[data-ticker-next]"),
    }


def test_arabic_home_is_the_english_home_mirrored(demo_site, new_page, paths, screenshot):
    english = visit(new_page, demo_site, paths["en"]["home"])
    arabic = visit(new_page, demo_site, paths["ar"]["home"])
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    expect(arabic.locator("html")).to_have_attribute("lang", "ar")
    expect(english.locator("html")).to_have_attribute("dir", "ltr")
    screenshot(arabic, "arabic-home-desktop", docs_name="screenshot-arabic-home.png")
    screenshot(english, "english-home-desktop")

    en, ar = header_geometry(english), header_geometry(arabic)
    # The brand starts the line: at the left in English, at the right in Arabic.
    assert centre(en["brand"]) < centre(en["search"])
    assert centre(ar["brand"]) > centre(ar["search"])
    assert ar["brand"]["x"] + ar["brand"]["width"] > WIDE * 0.8
    # The sections flow with the reading direction.
    assert en["first_nav"]["x"] < en["last_nav"]["x"]
    assert ar["first_nav"]["x"] > ar["last_nav"]["x"]
    # The ticker's label leads its line; "previous" points back to the start.
    assert en["ticker_label"]["x"] < en["ticker_items"]["x"]
    assert ar["ticker_label"]["x"] > ar["ticker_items"]["x"]
    assert en["ticker_prev"]["x"] < en["ticker_next"]["x"]
    assert ar["ticker_prev"]["x"] > ar["ticker_next"]["x"]
    # Front page columns: the lead story at the start, Most Read at the end.
    for page, leads_right in ((english, False), (arabic, True)):
        lead, rail = box(page, ".front-lead"), box(page, ".front-rail")
        assert (centre(lead) > centre(rail)) is leads_right

    # A sub-menu opens under its section, lined up on the section's starting edge.
    for page, rtl in ((english, False), (arabic, True)):
        item = page.locator("#site-nav .nav-item.has-sub").first
        item.locator("summary").click()
        menu = item.locator(".sub-menu ul")
        expect(menu).to_be_visible()
        item_box, menu_box = item.bounding_box(), menu.bounding_box()
        if rtl:
            right = item_box["x"] + item_box["width"]
            assert abs(menu_box["x"] + menu_box["width"] - right) < 2
        else:
            assert abs(menu_box["x"] - item_box["x"]) < 2

    # The footer's "about" text is the edition's own (its home page's), else the site's:
    # dir="auto" gives it the direction of its own words, and the page's alignment.
    about = arabic.locator(".footer-about p[dir=auto]")
    alignment = "(el) => { const s = getComputedStyle(el); return [s.direction, s.textAlign]; }"
    from masthead.core.models import HomePage

    arabic_about = HomePage.objects.get(locale__language_code="ar").about
    expected = "rtl" if arabic_about else "ltr"  # Arabic words, or the site's English ones
    assert about.evaluate(alignment) == [expected, "right"]


def test_arabic_story_is_mirrored_and_keeps_mixed_text_in_order(
    demo_site, new_page, paths, screenshot
):
    english = visit(new_page, demo_site, paths["en"]["article"])
    arabic = visit(new_page, demo_site, paths["ar"]["article"])
    expect(arabic.locator(".story-headline")).to_have_text(STORY.title)
    screenshot(arabic, "arabic-article-desktop", docs_name="screenshot-arabic-article.png")
    screenshot(english, "english-article-desktop")

    for page, rtl in ((english, False), (arabic, True)):
        header, byline = box(page, ".story-header"), box(page, ".story-meta .byline")
        story, rail = box(page, ".story"), box(page, ".story-rail")
        share = page.locator(".share li")
        first_share, last_share = share.first.bounding_box(), share.last.bounding_box()
        if rtl:
            # The byline starts at the right edge of the header; the rail is on the left.
            assert abs((byline["x"] + byline["width"]) - (header["x"] + header["width"])) < 2
            assert rail["x"] + rail["width"] <= story["x"]
            assert first_share["x"] > last_share["x"]
        else:
            assert abs(byline["x"] - header["x"]) < 2
            assert story["x"] + story["width"] <= rail["x"]
            assert first_share["x"] < last_share["x"]

    # "وزيرة المالية Elena Marquez تتوقع نمواً بنسبة 3.2% ...": the Arabic reads from
    # the right, the Latin name inside it from the left, and the figure stays whole.
    words = word_boxes(arabic, ".story-headline", ["وزيرة", "Elena", "Marquez", "تتوقع"])
    assert words["Elena"][1] <= words["Marquez"][0], "a Latin name reads left to right"
    assert words["وزيرة"][0] >= words["Marquez"][1], "the Arabic before it sits to its right"
    if words["تتوقع"][2] == words["Marquez"][2]:  # on the same line
        assert words["تتوقع"][1] <= words["Elena"][0], "the Arabic after it sits to its left"
    standfirst = word_boxes(arabic, ".standfirst", ["14,500"])
    assert standfirst["14,500"][1] - standfirst["14,500"][0] > 20, "the figure is not split"

    # Two Latin author names in an Arabic byline: the first is read first (rightmost).
    authors = arabic.locator(".story-meta .byline a")
    expect(authors).to_have_count(2)
    first, second = authors.nth(0).bounding_box(), authors.nth(1).bounding_box()
    assert first["x"] > second["x"]
    expect(authors.first).to_have_attribute("dir", "auto")


def test_arabic_typography(demo_site, new_page, paths):
    """Arabic gets a font stack that carries it and no letter-spacing (which would break
    its joins); English keeps its own."""
    style = "(el) => { const s = getComputedStyle(el); return [s.fontFamily, s.letterSpacing]; }"
    arabic = visit(new_page, demo_site, paths["ar"]["home"])
    english = visit(new_page, demo_site, paths["en"]["home"])
    ar_font, ar_spacing = arabic.locator(".ticker-label").evaluate(style)
    en_font, en_spacing = english.locator(".ticker-label").evaluate(style)
    assert "Arabic" in ar_font and "Arabic" not in en_font
    assert ar_spacing == "normal" and en_spacing != "normal"
    assert "Naskh" in arabic.locator(".teaser--lead .teaser-title").evaluate(style)[0]


def test_arabic_gallery_viewer_steps_from_right_to_left(demo_site, new_page, paths, screenshot):
    page = visit(new_page, demo_site, paths["ar"]["gallery"])
    page.locator(".gallery-open").first.click()
    viewer = page.locator("dialog.viewer")
    counter = viewer.locator(".viewer-counter")
    expect(counter).to_have_text(f"1 / {len(ARABIC.gallery_captions)}")
    screenshot(page, "arabic-gallery-viewer", full_page=False)
    # The buttons' names are in Arabic (the interface catalogue).
    previous = viewer.get_by_role("button", name="الصورة السابقة").bounding_box()
    following = viewer.get_by_role("button", name="الصورة التالية").bounding_box()
    assert centre(following) < WIDE / 2 < centre(previous), "next is on the left"
    # The counter reads "1 / 3" left to right, as a figure, inside the Arabic page.
    digits = word_boxes(page, ".viewer-counter", ["1", str(len(ARABIC.gallery_captions))])
    assert digits["1"][1] <= digits[str(len(ARABIC.gallery_captions))][0]
    # A Latin credit keeps its words in order after an Arabic caption.
    credit = word_boxes(page, ".viewer-caption", ["Masthead", "Lindqvar"])
    assert credit["Masthead"][1] <= credit["Lindqvar"][0]
    viewer.get_by_role("button", name="الصورة التالية").click()
    expect(counter).to_have_text(f"2 / {len(ARABIC.gallery_captions)}")


@pytest.mark.parametrize("kind", ["home", "article"])
def test_arabic_pages_fit_a_phone(demo_site, new_page, paths, screenshot, kind):
    page = visit(new_page, demo_site, paths["ar"][kind], width=PHONE)
    screenshot(page, f"arabic-{kind}-phone")
    assert horizontal_overflow(page) == 0
    brand, menu = box(page, ".brand"), box(page, ".menu-button")
    assert centre(brand) > centre(menu), "the brand is at the right, the menu button left"
    label, controls = box(page, ".ticker-label"), box(page, ".ticker-controls")
    assert centre(label) > centre(controls)


@pytest.mark.parametrize("language_code", ["en", "ar", "es"])
def test_axe_finds_no_serious_problems_in_each_edition(demo_site, new_page, paths, language_code):
    problems = []
    for kind in ("home", "section", "article", "gallery", "search", "authors"):
        page = visit(new_page, demo_site, paths[language_code][kind])
        expect(page.locator("html")).to_have_attribute("lang", language_code)
        for violation in serious_axe_violations(page):
            problems.append(f"{language_code} {kind}: {violation}")
    assert not problems, "axe-core found serious problems:\n" + "\n".join(problems)


def test_infograph_zoom_keeps_its_centre_right_to_left(demo_site, new_page):
    """In a right-to-left page the zoom stage scrolls from its right edge (scrollLeft runs
    negative): zooming in must still keep the middle of the graphic in the middle."""
    from masthead.media.models import InfographPage

    infograph = InfographPage.objects.live().order_by("-published_at").first()
    page = visit(new_page, demo_site, infograph.url)
    page.evaluate("() => document.documentElement.setAttribute('dir', 'rtl')")
    page.locator(".infograph-zoom").click()
    zoom = page.locator("dialog.zoom")
    expect(zoom.locator(".zoom-image")).to_have_js_property("complete", True)
    zoom.get_by_role("button", name="Zoom in").click()
    stage = zoom.locator(".zoom-stage")
    overflow, offset = stage.evaluate("(el) => [el.scrollWidth - el.clientWidth, -el.scrollLeft]")
    assert overflow > 0, "zoomed in, the graphic is wider than the stage"
    assert abs(offset - overflow / 2) <= 2, "the view stays on the graphic's middle"
