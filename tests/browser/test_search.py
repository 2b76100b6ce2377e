"""A reader searching in headless Chromium: suggestions in the header box chosen by
keyboard, a results page with marked words, and axe-core on that page."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.helpers import horizontal_overflow, serious_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def indexed_site(demo_site):
    # The restored snapshot may not carry the full-text tables: index what the demo wrote.
    call_command("reindex", verbosity=0)
    return demo_site


def first_word(title):
    return next(word for word in title.split() if len(word) > 3).strip(":,'")


def test_suggestions_by_keyboard_lead_to_the_story(new_page, indexed_site):
    story = indexed_site.article
    page = new_page()
    page.goto(indexed_site.absolute("/en/"))
    box = page.get_by_role("combobox", name="Search stories")
    box.press_sequentially(story.title[:12], delay=30)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    option = listbox.get_by_role("option", name=story.title, exact=True)
    expect(option).to_be_visible()
    options = listbox.get_by_role("option")
    position = [options.nth(i).text_content() for i in range(options.count())].index(story.title)
    for _ in range(position + 1):
        box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    box.press("Escape")
    expect(listbox).to_be_hidden()
    box.press("ArrowDown")
    for _ in range(position):
        box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(indexed_site.absolute(story.url))
    expect(page.locator("h1")).to_have_text(story.title)


@pytest.mark.parametrize("width", [1366, 390])
def test_results_page_marks_the_words_and_is_accessible(new_page, indexed_site, screenshot, width):
    story = indexed_site.article
    word = first_word(story.title)
    page = new_page(width=width, height=900)
    page.goto(indexed_site.absolute("/en/"))
    box = page.get_by_role("combobox", name="Search stories")
    box.fill(word)
    # Enter with no suggestion chosen submits the form, as it would without JavaScript.
    box.press("Enter")
    page.wait_for_url("**/en/search/?q=*")
    expect(page.locator(".search-summary")).to_contain_text(word)
    expect(page.locator(".result-title mark").first).to_have_text(word, ignore_case=True)
    assert horizontal_overflow(page) == 0
    page.locator(".search-filters > summary").click()
    screenshot(page, f"search-results-{width}", full_page=False)
    assert serious_axe_violations(page) == []
