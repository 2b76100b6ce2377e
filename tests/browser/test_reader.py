"""A reader in headless Chromium: the journey from the front page to a story, and what
every reader must get on the way (accessibility, privacy, phones, no JavaScript).

The demo (30 stories) is built once for the module; before each test Django's
`serialized_rollback` restores it into the live server's database (conftest.py).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import horizontal_overflow, load_every_image, serious_axe_violations
from tests.reference import MENU, SUBSECTIONS
from tests.reference import REGIONS as REFERENCE_REGIONS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SECTIONS = MENU
NEWS_SUBSECTIONS = SUBSECTIONS["news"]
REGIONS = [name for name, _slug in REFERENCE_REGIONS]
SHARE_LINKS = ["X", "Facebook", "WhatsApp", "Telegram", "Email", "Copy link"]
FOOTER_LINKS = ["Privacy Policy", "About Us", "Contact Us", "Authors"]


def nav_item(page, title):
    """The <li> of a main-menu section, found by its link's exact name."""
    return page.locator("#site-nav .nav-item").filter(
        has=page.get_by_role("link", name=title, exact=True)
    )


def open_sub_menu(page, title):
    item = nav_item(page, title)
    item.locator("details.sub-menu > summary").click()
    menu = item.locator("details.sub-menu ul")
    expect(menu).to_be_visible()
    return menu


def go_to_article_from_listing(page, article):
    """On a section listing, follow "Older" until the story is listed, then open it."""
    for _ in range(20):
        link = page.locator(".listing .teaser-title").get_by_role(
            "link", name=article.title, exact=True
        )
        if link.count():
            link.click()
            return
        page.locator(".pagination a[rel=next]").click()
        page.wait_for_load_state()
    raise AssertionError(f"{article.title!r} is not listed in its subsection")


def in_dom_order(page, selectors):
    """ "ok" when the first match of each selector follows the previous one, else why not."""
    return page.evaluate(
        """(selectors) => {
            const nodes = selectors.map((s) => document.querySelector(s));
            const missing = selectors.filter((s, i) => !nodes[i]);
            if (missing.length) return "missing: " + missing.join(", ");
            for (let i = 1; i < nodes.length; i++) {
                const follows = nodes[i - 1].compareDocumentPosition(nodes[i])
                    & Node.DOCUMENT_POSITION_FOLLOWING;
                if (!follows) return selectors[i] + " comes before " + selectors[i - 1];
            }
            return "ok";
        }""",
        selectors,
    )


def check_teaser(teaser, *, image=True, section=True, date=False):
    if image:
        expect(teaser.locator(".teaser-media img")).to_be_visible()
    if section:
        expect(teaser.locator(".teaser-section")).to_be_visible()
    expect(teaser.locator(".teaser-title a")).to_be_visible()
    if date:
        expect(teaser.locator("time.teaser-time")).to_be_visible()


def test_reader_journey_reaches_a_story_with_every_reference_element(
    demo_site, new_page, screenshot
):
    """Home page → sub-menu → subsection → story; each reference-page element is shown."""
    article = demo_site.article
    page = new_page()
    page.goto(demo_site.absolute("/"))
    expect(page).to_have_title(re.compile(re.escape(demo_site.site_name)))
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    screenshot(page, "home-desktop-1366", full_page=False, docs_name="screenshot-home.png")
    assert not load_every_image(page), "broken images on the home page"
    screenshot(page, "home-desktop-1366-full")

    # The main menu, as editors built it, with News' sub-menu.
    expect(page.locator("#site-nav .nav-link")).to_have_text(SECTIONS)
    expect(nav_item(page, "News").locator(".sub-menu ul")).to_be_hidden()
    news_menu = open_sub_menu(page, "News")
    expect(news_menu.get_by_role("link")).to_have_text(NEWS_SUBSECTIONS)
    # Opening another sub-menu closes the first one; Escape closes that one.
    articles_menu = open_sub_menu(page, "Articles")
    expect(news_menu).to_be_hidden()
    page.keyboard.press("Escape")
    expect(articles_menu).to_be_hidden()
    expect(nav_item(page, "Articles").locator("summary")).to_be_focused()

    menu = open_sub_menu(page, article.section)
    menu.get_by_role("link", name=article.subsection, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(article.subsection_url) + r"$"))
    expect(page.locator("h1.listing-title")).to_have_text(article.subsection)
    expect(page.locator(".listing-kicker")).to_have_text(article.section)
    expect(nav_item(page, article.section)).to_have_class(re.compile(r"\bis-current\b"))

    go_to_article_from_listing(page, article)
    expect(page).to_have_url(re.compile(re.escape(article.url) + r"$"))
    assert not load_every_image(page), "broken images on the article page"
    screenshot(page, "article-desktop-1366", full_page=False, docs_name="screenshot-article.png")
    screenshot(page, "article-desktop-1366-full")
    check_article_page(page, demo_site)

    # A story with named authors links each of them to their page.
    authored = demo_site.authored
    page.goto(demo_site.absolute(authored.url))
    byline = page.locator("article.story .story-meta .byline")
    check_byline(byline, authored, demo_site)
    name, _slug = authored.authors[0]
    byline.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_role("link", name=authored.title, exact=True).first).to_be_visible()


def check_byline(byline, article, demo_site):
    """Authors link to their pages; a story without one carries the house byline."""
    if not article.authors:
        expect(byline).to_have_text(f"By {demo_site.site_name}")
        return
    expect(byline).to_have_text(re.compile(r"^By\s+\S"))
    for name, slug in article.authors:
        link = byline.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", re.compile(rf"/{re.escape(slug)}/$"))


def check_article_page(page, demo_site):
    article = demo_site.article
    header = page.locator("header.site-header")

    # Language links (English only for now), brand and slogan.
    editions = header.locator("nav.editions")
    expect(editions.get_by_role("link", name="En", exact=True)).to_be_visible()
    expect(editions.locator("a[aria-current]")).to_have_attribute("hreflang", "en")
    expect(header.locator(".brand-name")).to_have_text(demo_site.site_name)
    expect(header.locator(".brand-slogan")).to_have_text(demo_site.slogan)

    # The full navigation with its sub-menus, and the regions.
    for title in SECTIONS:
        expect(nav_item(page, title).get_by_role("link", name=title, exact=True)).to_be_visible()
    summaries = page.locator("#site-nav details.sub-menu > summary")
    assert summaries.count() >= 3, "News, Articles and Videos have sub-menus"
    for index in range(summaries.count()):
        expect(summaries.nth(index)).to_be_visible()
    region_links = header.locator("nav.region-nav a")
    expect(region_links).to_have_text(REGIONS)
    for index in range(len(REGIONS)):
        expect(region_links.nth(index)).to_be_visible()

    # The BREAKING ticker under the header.
    ticker = page.locator("section[data-ticker]")
    expect(ticker).to_be_visible()
    expect(ticker.locator(".ticker-label")).to_have_text(re.compile("^breaking$", re.I))
    assert ticker.locator(".ticker-label").inner_text() == "BREAKING"
    expect(ticker.locator(".ticker-item.is-shown")).to_be_visible()

    # Headline, byline, source, date, reading time, standfirst, share links.
    story = page.locator("article.story")
    expect(story.locator("h1.story-headline")).to_have_text(article.title)
    byline = story.locator(".story-meta .byline")
    expect(byline).to_be_visible()
    check_byline(byline, article, demo_site)
    expect(story.locator(".story-meta .source")).to_have_text(f"Source: {article.source}")
    published = story.locator(".story-meta time").first
    expect(published).to_be_visible()
    expect(published).to_have_text(article.dateline)
    expect(published).to_have_text(re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$"))
    expect(story.locator(".reading-time")).to_have_text(f"{article.reading_minutes} Min Read")
    expect(story.locator(".standfirst")).to_have_text(article.standfirst)
    share = story.locator("nav.share")
    for name in SHARE_LINKS:
        expect(share.get_by_role("link", name=re.compile(rf"^{name}\b"))).to_be_visible()
    expect(share.locator(".share-x")).to_have_attribute("href", re.compile(r"^https://x\.com/"))
    expect(share.locator(".share-email")).to_have_attribute("href", re.compile(r"^mailto:"))
    expect(share.locator(".share-copy")).to_have_attribute("href", demo_site.absolute(article.url))

    # Lead image with its caption.
    lead = story.locator("figure.story-lead")
    expect(lead.locator("img")).to_be_visible()
    assert lead.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    expect(lead.locator("figcaption")).to_be_visible()
    expect(lead.locator("figcaption")).not_to_be_empty()

    # The body: subheadings, inline "Read next" and "Related News".
    body = story.locator(".story-body")
    expect(body.locator("h2.body-subheading").first).to_be_visible()
    expect(body.locator("p").first).to_be_visible()
    read_next = body.locator(".inline-read-next").first
    expect(read_next).to_be_visible()
    expect(read_next).to_contain_text("Read next")
    expect(read_next.get_by_role("link")).to_be_visible()
    related = body.locator("aside.inline-related").first
    expect(related).to_be_visible()
    expect(related.get_by_role("heading", name="Related News")).to_be_visible()
    expect(related.get_by_role("link").first).to_be_visible()

    # Tags.
    tags = story.locator("nav.story-tags a")
    expect(tags).to_have_count(article.tag_count)
    expect(tags.first).to_be_visible()

    # Most Read: image, title, section, date.
    most_read = page.locator("section.most-read")
    expect(most_read.get_by_role("heading", name="Most Read")).to_be_visible()
    assert most_read.locator(".teaser").count() >= 3
    check_teaser(most_read.locator(".teaser").first, date=True)

    # Coverage: an "All" tab, one tab per topic; a click shows that topic's panel.
    coverage = page.locator("section.coverage[data-tabs]")
    expect(coverage.get_by_role("heading", name="Coverage")).to_be_visible()
    tabs = coverage.get_by_role("tab")
    assert tabs.count() >= 2, "an All tab and at least one topic"
    expect(tabs.first).to_have_text("All")
    expect(tabs.first).to_have_attribute("aria-selected", "true")
    panels = coverage.get_by_role("tabpanel", include_hidden=True)
    expect(panels.first).to_be_visible()
    expect(panels.nth(1)).to_be_hidden()
    topic_tab = tabs.nth(1)
    topic_tab.click()
    expect(topic_tab).to_have_attribute("aria-selected", "true")
    expect(tabs.first).to_have_attribute("aria-selected", "false")
    expect(panels.first).to_be_hidden()
    topic_panel = page.locator(f"#{topic_tab.get_attribute('aria-controls')}")
    expect(topic_panel).to_be_visible()
    expect(topic_panel.locator(".teaser-title a").first).to_be_visible()
    # Arrow keys move between tabs too.
    topic_tab.press("ArrowLeft")
    expect(tabs.first).to_have_attribute("aria-selected", "true")
    expect(tabs.first).to_be_focused()
    expect(panels.first).to_be_visible()

    # Read Next: image, section, title; never the story itself.
    read_next_rail = page.locator("section.read-next-rail")
    expect(read_next_rail.get_by_role("heading", name="Read Next")).to_be_visible()
    assert read_next_rail.locator(".teaser").count() >= 1
    check_teaser(read_next_rail.locator(".teaser").first)
    expect(read_next_rail.get_by_role("link", name=article.title, exact=True)).to_have_count(0)

    # The footer: about text, rights line, social links, site pages, apps.
    footer = page.locator("footer.site-footer")
    expect(footer.get_by_text(demo_site.about)).to_be_visible()
    expect(footer.locator(".footer-rights")).to_contain_text(demo_site.copyright_line)
    expect(footer.locator(".footer-rights")).to_contain_text(demo_site.site_name)
    social = footer.locator("nav.footer-social a")
    assert social.count() >= 2
    for index in range(social.count()):
        expect(social.nth(index)).to_be_visible()
        expect(social.nth(index)).to_have_attribute("href", re.compile(r"^https://"))
    for name in FOOTER_LINKS:
        expect(footer.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(footer.get_by_role("link", name=re.compile(r"\bAndroid\b"))).to_be_visible()
    expect(footer.get_by_role("link", name=re.compile(r"\biOS\b"))).to_be_visible()

    # ... in the reference page's order.
    order = [
        "nav.editions",
        ".brand-name",
        ".brand-slogan",
        "#site-nav",
        "nav.region-nav",
        "section[data-ticker]",
        "h1.story-headline",
        ".story-meta .byline",
        ".story-meta .source",
        ".story-meta time",
        ".reading-time",
        ".standfirst",
        "nav.share",
        "figure.story-lead",
        ".story-body .body-subheading",
        "nav.story-tags",
        "section.most-read",
        "section.coverage",
        "section.read-next-rail",
        "footer.site-footer",
    ]
    assert in_dom_order(page, order) == "ok"


def test_axe_finds_no_serious_problems_on_home_and_article(demo_site, new_page, screenshot):
    """axe-core, in light and dark colour schemes, on the front page and a story."""
    problems = []
    for scheme in ("light", "dark"):
        page = new_page(color_scheme=scheme)
        for path in ("/", demo_site.article.url):
            page.goto(demo_site.absolute(path))
            # With a sub-menu open, so its links are judged too (axe skips hidden parts).
            page.locator("#site-nav details.sub-menu > summary").first.click()
            for violation in serious_axe_violations(page):
                problems.append(f"{path} ({scheme} scheme): {violation}")
            if scheme == "dark":
                kind = "home" if path == "/" else "article"
                screenshot(page, f"{kind}-desktop-1366-dark", full_page=False)
    assert not problems, "axe-core found serious problems:\n" + "\n".join(problems)


def test_pages_make_no_third_party_requests(demo_site, new_page):
    """Everything the home page and a story load comes from the site itself."""
    page = new_page()
    requests, failures = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "response",
        lambda response: response.status >= 400 and failures.append(response.url),
    )

    def failed(request):
        # Leaving a page cuts off its once-a-second live poll: not a failure of the site.
        if request.failure == "net::ERR_ABORTED" and request.url.endswith(".json"):
            return
        failures.append(request.url)

    page.on("requestfailed", failed)
    for path in ("/", demo_site.article.url):
        page.goto(demo_site.absolute(path))
        page.wait_for_load_state("networkidle")
        load_every_image(page)
    origin = demo_site.url + "/"
    foreign = [url for url in requests if not url.startswith((origin, "data:"))]
    assert requests, "no requests were recorded"
    assert not foreign, "requests left the site:\n" + "\n".join(foreign)
    assert any("/media/" in url for url in requests), "no images were loaded"
    assert any("/static/masthead/site.css" in url for url in requests)
    # The view beacon is one of the site's own requests.
    assert any(f"/views/{demo_site.article.pk}/" in url for url in requests)
    assert not failures, "requests failed:\n" + "\n".join(failures)


def test_phone_menu_button_reveals_the_sections(demo_site, new_page, screenshot):
    """At 375 px the sections hide behind a menu button; nothing scrolls sideways."""
    page = new_page(width=375, height=812, is_mobile=True, has_touch=True)
    page.goto(demo_site.absolute("/"))
    assert horizontal_overflow(page) <= 0, "the home page scrolls sideways at 375 px"
    assert not load_every_image(page), "broken images on the home page"
    screenshot(page, "home-phone-375")

    button = page.get_by_role("button", name="Menu")
    nav = page.locator("#site-nav")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    assert horizontal_overflow(page) <= 0, "the open menu scrolls sideways"

    article = demo_site.article
    menu = open_sub_menu(page, article.section)
    screenshot(page, "home-phone-375-menu", full_page=False)
    menu.get_by_role("link", name=article.subsection, exact=True).click()
    expect(page.locator("h1.listing-title")).to_have_text(article.subsection)
    expect(page.locator("#site-nav")).to_be_hidden()
    assert horizontal_overflow(page) <= 0, "the subsection page scrolls sideways"

    go_to_article_from_listing(page, demo_site.article)
    expect(page.locator("h1.story-headline")).to_have_text(demo_site.article.title)
    assert horizontal_overflow(page) <= 0, "the article scrolls sideways at 375 px"
    assert not load_every_image(page), "broken images on the article page"
    screenshot(page, "article-phone-375")

    # The narrowest phone the site supports.
    page.set_viewport_size({"width": 320, "height": 640})
    assert horizontal_overflow(page) <= 0, "the article scrolls sideways at 320 px"


def test_story_is_readable_without_javascript(demo_site, new_page):
    """With JavaScript off: the story, the menu and the ticker are all there."""
    page = new_page(java_script_enabled=False)
    page.goto(demo_site.absolute(demo_site.article.url))
    expect(page.locator("html")).to_have_class("no-js")

    story = page.locator("article.story")
    expect(story.locator("h1.story-headline")).to_have_text(demo_site.article.title)
    expect(story.locator(".standfirst")).to_be_visible()
    paragraphs = story.locator(".story-body > p")
    assert paragraphs.count() >= 2
    for index in range(paragraphs.count()):
        expect(paragraphs.nth(index)).to_be_visible()
    expect(story.locator("figure.story-lead img")).to_be_visible()

    expect(page.locator(".menu-button")).to_be_hidden()
    for title in SECTIONS:
        expect(nav_item(page, title).get_by_role("link", name=title, exact=True)).to_be_visible()
    # Sub-menus are <details>: they open without any script.
    menu = open_sub_menu(page, demo_site.article.section)
    expect(menu.get_by_role("link", name=demo_site.article.subsection, exact=True)).to_be_visible()

    ticker_items = page.locator("section[data-ticker] .ticker-item")
    assert ticker_items.count() >= 2
    expect(ticker_items.first).to_be_visible()
    expect(ticker_items.first).to_be_in_viewport()
    expect(ticker_items.nth(1)).to_be_visible()
    expect(page.locator("section[data-ticker] .ticker-controls")).to_be_hidden()

    # Without tabs, every Coverage topic is listed under its own heading.
    coverage_panels = page.locator("section.coverage [role=tabpanel]")
    assert coverage_panels.count() >= 2
    for index in range(coverage_panels.count()):
        expect(coverage_panels.nth(index)).to_be_visible()
        expect(coverage_panels.nth(index).locator(".tab-heading")).to_be_visible()

    for name in FOOTER_LINKS:
        expect(page.locator("footer").get_by_role("link", name=name, exact=True)).to_be_visible()


def test_ticker_pause_button_stops_rotation(demo_site, new_page):
    """The ticker turns every few seconds until the reader presses Pause."""
    page = new_page()
    page.clock.install()
    page.goto(demo_site.absolute("/"))
    ticker = page.locator("section[data-ticker]")
    shown = ticker.locator(".ticker-item.is-shown")
    count = ticker.locator("[data-ticker-count]")
    pause = ticker.locator("button[data-ticker-pause]")
    expect(ticker.locator(".ticker-controls")).to_be_visible()
    expect(shown).to_have_count(1)
    expect(count).to_have_text(re.compile(r"^1 / \d+$"))
    first = shown.inner_text()

    # It rotates on its own ...
    page.clock.run_for(6_500)
    expect(count).to_have_text(re.compile(r"^2 / \d+$"))
    assert shown.inner_text() != first

    # ... until paused.
    expect(pause).to_have_attribute("aria-pressed", "false")
    expect(pause).to_have_accessible_name("Pause")
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "true")
    expect(pause).to_have_text("Play")
    page.mouse.move(5, 5)  # leaving the ticker must not restart it
    held = shown.inner_text()
    page.clock.run_for(30_000)
    expect(count).to_have_text(re.compile(r"^2 / \d+$"))
    assert shown.inner_text() == held

    # The arrows still step by hand; Play starts it again.
    ticker.get_by_role("button", name="Next breaking item").click()
    expect(count).to_have_text(re.compile(r"^3 / \d+$"))
    expect(pause).to_have_accessible_name("Play")
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "false")
    expect(pause).to_have_text("Pause")


LAYOUT_SHIFTS = """() => new Promise((resolve) => {
    const shifts = [];
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            const nodes = entry.sources.map((s) => s.node).filter(Boolean);
            shifts.push({value: entry.value, nodes: nodes.map((n) => n.className || n.nodeName)});
        }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(shifts), 800);
})"""


@pytest.mark.parametrize("width", [390, 1366])
def test_the_front_page_does_not_jump_when_its_scripts_start(demo_site, new_page, width):
    """The ticker and the phone menu take their scripted shape from the first paint, so
    the page does not move under the reader's thumb when site.js runs."""
    page = new_page(width=width, height=800)
    page.goto(demo_site.absolute("/en/"))
    page.wait_for_load_state("load")
    expect(page.locator(".ticker.is-rotating")).to_be_visible()
    shifts = page.evaluate(LAYOUT_SHIFTS)
    total = sum(shift["value"] for shift in shifts)
    # 0.1 is the threshold search engines call good; before the fix a phone saw 0.83.
    assert total < 0.1, f"the page shifted by {total:.3f}: {shifts}"
