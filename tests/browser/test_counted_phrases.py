"""Counted phrases in scripts, in Chromium: the page hands over one phrase per plural
category (masthead/core/counted.py) and the script picks with Intl.PluralRules. Here the
real search.js counts suggestions on an Arabic header, whose six forms a singular/plural
pair could not give. No server: the browser's requests are answered from here."""

import json
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from playwright.sync_api import expect

from masthead.core.counted import PHRASES, SLOT, count_labels

pytestmark = [pytest.mark.browser]

ORIGIN = "http://masthead.test"
SEARCH_JS = Path(__file__).parents[2] / "masthead/search/static/masthead/search.js"


def arabic_header():
    with translation.override("ar"):
        request = RequestFactory().get("/ar/")
        box = render_to_string("search/includes/search_box.html", request=request)
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        '<script type="module" src="/static/masthead/search.js"></script></head>'
        f"<body>{box}</body></html>"
    )


def serve(page, html):
    page.route(f"{ORIGIN}/ar/", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.route(
        f"{ORIGIN}/static/masthead/search.js",
        lambda route: route.fulfill(path=SEARCH_JS, content_type="text/javascript"),
    )

    def answer(route):
        count = int(route.request.url.split("q=")[1].split("&")[0][1:])  # "n5" asks for 5
        items = [{"title": f"عنوان {i}", "url": f"/ar/{i}/"} for i in range(count)]
        route.fulfill(json={"suggestions": items})

    page.route(f"{ORIGIN}/ar/search/suggest.json*", answer)


@pytest.mark.parametrize(
    "count, said",
    [(1, "اقتراح واحد"), (2, "اقتراحان"), (3, "3 اقتراحات"), (11, "11 اقتراحًا")],
)
def test_search_js_counts_suggestions_in_arabic(new_page, count, said):
    page = new_page()
    serve(page, arabic_header())
    page.goto(f"{ORIGIN}/ar/")
    box = page.get_by_role("combobox")
    box.press_sequentially(f"n{count}", delay=30)
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_count(count)
    expect(page.locator("form.site-search [role=status]")).to_have_text(said)


@pytest.mark.parametrize("language", ["ar", "es", "en"])
def test_the_browser_picks_the_form_gettext_would_for_every_count(new_page, language):
    """The category samples in counted.py agree with gettext's plural formula for every
    count up to 1,200 (Arabic's forms repeat every hundred)."""
    with translation.override(language):
        labels = json.loads(count_labels("new_updates"))
        expected = [PHRASES["new_updates"](n) % {"count": n} for n in range(1201)]
    page = new_page()
    page.set_content(f'<html lang="{language}"><body></body></html>')
    shown = page.evaluate(
        """([labels, slot]) => {
            const rules = new Intl.PluralRules(document.documentElement.lang);
            return Array.from({ length: 1201 }, (_, n) =>
                (labels[rules.select(n)] ?? labels.other).replace(slot, n));
        }""",
        [labels, SLOT],
    )
    assert shown == expected
