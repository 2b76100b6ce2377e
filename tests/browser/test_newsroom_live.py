"""The newsroom at work, seen from an open reader page: a breaking line posted on the
admin dashboard reaches a reader's tab within two seconds, a retraction takes it down,
and the worker publishes a scheduled story when its time comes.

The demo is restored before each test (conftest.py); its staff sign in with the demo
password.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from masthead.demo.build import DEMO_PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LIVE_WITHIN = 2_000  # ms: the promise to readers


def signed_in_editor(new_page, site):
    page = new_page()
    page.goto(site.absolute("/admin/login/"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".breaking-desk-form")).to_be_visible()
    return page


def test_a_breaking_line_reaches_an_open_reader_page_and_leaves_it(new_page, demo_site):
    reader = new_page()
    reader.goto(demo_site.absolute("/en/"))
    ticker = reader.locator("[data-ticker]")
    line = "Harbour bridge reopens after overnight inspection"
    expect(ticker).not_to_contain_text(line)

    desk = signed_in_editor(new_page, demo_site)
    desk.fill("#id_text", line)
    desk.fill("#id_attribution", "Our correspondent at the port")
    with desk.expect_navigation():
        desk.get_by_role("button", name="Post breaking line").click()

    # The new line is shown first, without the reader reloading.
    shown = reader.locator(".ticker-item.is-shown")
    expect(shown).to_contain_text(line, timeout=LIVE_WITHIN)
    expect(shown).to_contain_text("Our correspondent at the port:")
    expect(reader.locator("[data-ticker-news]")).to_contain_text(line)

    row = desk.locator(".breaking-desk-lines tr").filter(has_text=line)
    with desk.expect_navigation():
        row.get_by_role("button", name="Retract").click()
    expect(ticker).not_to_contain_text(line, timeout=LIVE_WITHIN)


def test_the_ticker_appears_on_a_page_that_had_none(new_page, demo_site):
    from masthead.live.desk import breaking_post, breaking_retract
    from masthead.live.models import BreakingItem

    for item in BreakingItem.objects.active():
        breaking_retract(item=item)
    reader = new_page()
    reader.goto(demo_site.absolute("/en/"))
    ticker = reader.locator("[data-ticker]")
    expect(ticker).to_be_hidden()

    breaking_post(text="Polls close in the capital")
    expect(ticker).to_be_visible(timeout=LIVE_WITHIN)
    expect(ticker).to_contain_text("Polls close in the capital")


def test_the_worker_publishes_a_scheduled_story_on_time(new_page, demo_site):
    from masthead.news.models import ArticlePage
    from masthead.newsroom.worker import worker_loop

    story = ArticlePage.objects.live().order_by("-published_at").first()
    section = story.get_parent()
    scheduled = section.add_child(
        instance=ArticlePage(
            title="Council sets out next year's budget",
            standfirst="The plan goes to a vote next month.",
            live=False,
        )
    )
    # A short schedule rather than a fake clock: Wagtail stamps the publication with
    # the real time, and a story stamped in the future stays under embargo.
    scheduled.go_live_at = timezone.now() + timedelta(seconds=3)
    scheduled.save_revision().publish()
    url = demo_site.absolute(scheduled.get_url())

    # The worker runs beside the web server, as `masthead run` starts it.
    worker = threading.Thread(target=worker_loop, kwargs={"interval": 0.5, "ticks": 24})
    worker.start()
    try:
        reader = new_page()
        assert reader.goto(url).status == 404, "not before its time"
        reader.goto(demo_site.absolute(section.url))
        expect(reader.locator(".listing")).not_to_contain_text(scheduled.title)

        # Wait without loading pages meanwhile: on the tests' shared in-memory SQLite a
        # page render holds table locks that would make the worker's write wait its turn.
        deadline = scheduled.go_live_at + timedelta(seconds=5)
        while not ArticlePage.objects.filter(pk=scheduled.pk, live=True).exists():
            assert timezone.now() < deadline, "the worker did not publish the story on time"
            time.sleep(0.2)
        assert reader.goto(url).status == 200
        expect(reader.locator("h1")).to_have_text(scheduled.title)
        reader.goto(demo_site.absolute(section.url))
        expect(reader.locator(".listing")).to_contain_text(scheduled.title)
    finally:
        worker.join(timeout=30)
