"""A reader with a live blog open in headless Chromium: an update posted in the newsroom
reaches the page without a reload, behind a "1 new update" button, and the page asks no
other host for anything.

The demo's running blog (Storm Ilse, under LIVE) is restored before each test
(conftest.py); updates are posted through the same workflow function the fast form uses.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import horizontal_overflow, load_every_image, serious_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RUNNING, ENDED = "storm-ilse-live", "valderra-election-count"


def blog(slug):
    from masthead.live.models import LiveBlogPage

    return LiveBlogPage.objects.get(slug=slug)


def open_blog(page, demo_site, slug):
    """Open the blog and wait for its first poll of the live document."""
    with page.expect_response(lambda response: "/updates.json" in response.url):
        page.goto(demo_site.absolute(blog(slug).url))


def test_a_posted_update_is_offered_then_shown_at_the_top(demo_site, new_page, screenshot):
    from masthead.live.liveblog import liveblog_post

    page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_blog(page, demo_site, RUNNING)
    updates = page.locator(".live-updates > article.live-update")
    before = updates.count()
    first = updates.first.get_attribute("id")
    page.mouse.wheel(0, 900)  # the reader has scrolled into the updates
    page.wait_for_function("window.scrollY > 0")
    position = page.evaluate("window.scrollY")

    update = liveblog_post(
        blog=blog(RUNNING),
        headline="Gale warning lifted",
        text="The weather service has lifted its gale warning for the whole coast.",
    )
    bar = page.get_by_role("button", name="1 new update")
    expect(bar).to_be_visible(timeout=2_000)
    # Offered, not inserted: nothing moved above the reader.
    assert updates.count() == before
    assert updates.first.get_attribute("id") == first
    assert page.evaluate("window.scrollY") == position
    expect(page.locator(".liveblog-bar")).to_have_attribute("role", "status")
    screenshot(page, "liveblog-new-update-bar", full_page=False)

    bar.click()
    newest = updates.first
    expect(newest).to_have_attribute("id", f"update-{update.pk}")
    expect(newest).to_contain_text("Gale warning lifted")
    expect(newest).to_contain_text("lifted its gale warning for the whole coast")
    expect(newest).to_be_focused()
    expect(newest).to_be_in_viewport()
    expect(bar).to_be_hidden()
    assert updates.count() == before + 1

    origin = demo_site.url + "/"
    foreign = [url for url in requests if not url.startswith((origin, "data:"))]
    assert not foreign, "requests left the site:\n" + "\n".join(foreign)
    assert any("/static/masthead/liveblog.js" in url for url in requests)


def test_edits_pins_and_deletions_apply_in_place(demo_site, new_page):
    from masthead.live.liveblog import liveblog_delete, liveblog_edit, liveblog_pin

    running = blog(RUNNING)
    newest, second = list(running.updates_newest_first()[:2])
    page = new_page()
    open_blog(page, demo_site, RUNNING)

    liveblog_edit(update=second, body=[("text", "<p>Corrected: about 6,500 homes.</p>")])
    expect(page.locator(f"#update-{second.pk}")).to_contain_text("Corrected: about 6,500 homes.")
    liveblog_pin(update=newest)
    expect(page.locator(".key-events li").first).to_contain_text(newest.summary())
    liveblog_delete(update=newest)
    expect(page.locator(f"#update-{newest.pk}")).to_have_count(0)
    expect(page.get_by_role("button", name="new update")).to_be_hidden()


def test_axe_and_phones_on_a_live_blog(demo_site, new_page, screenshot):
    from masthead.live.liveblog import liveblog_post

    problems = []
    for scheme in ("light", "dark"):
        page = new_page(color_scheme=scheme)
        open_blog(page, demo_site, RUNNING)
        if scheme == "light":
            liveblog_post(blog=blog(RUNNING), text="Winds ease along the coast.")
            expect(page.get_by_role("button", name="1 new update")).to_be_visible()
        problems += [f"{scheme}: {v}" for v in serious_axe_violations(page)]
        screenshot(page, f"liveblog-desktop-{scheme}")
    assert not problems, "axe-core found serious problems:\n" + "\n".join(problems)

    phone = new_page(width=390, height=844, is_mobile=True, has_touch=True)
    open_blog(phone, demo_site, RUNNING)
    assert horizontal_overflow(phone) <= 0, "the live blog scrolls sideways at 390 px"
    assert not load_every_image(phone), "broken images on the live blog"
    screenshot(phone, "liveblog-phone-390")


def test_an_ended_blog_is_complete_and_quiet(demo_site, new_page):
    page = new_page()
    polls = []
    page.on("request", lambda request: "/updates.json" in request.url and polls.append(1))
    page.goto(demo_site.absolute(blog(ENDED).url))
    expect(page.get_by_text("This live blog has ended.")).to_be_visible()
    expect(page.locator(".key-events li")).to_have_count(4)
    page.wait_for_timeout(1_500)
    assert polls == [], "an ended blog should not poll for updates"


def test_readable_without_javascript(demo_site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(demo_site.absolute(blog(RUNNING).url))
    expect(page.locator("h1.story-headline")).to_have_text(blog(RUNNING).title)
    expect(page.locator(".liveblog-intro")).to_be_visible()
    expect(page.locator(".live-updates > article.live-update")).to_have_count(15)
    expect(page.locator(".key-events li")).to_have_count(3)
    expect(page.locator("[data-new-updates]")).to_be_hidden()
