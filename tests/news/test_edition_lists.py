"""Every list on an edition's pages holds that edition's stories only: latest, most read,
read next, coverage; and a translated story takes its edition's regions and topics."""

import pytest
from wagtail.models import Locale

from tests import factories
from tests.conftest import parse


@pytest.fixture
def two_editions(newsroom):
    """Busy English pages (read, in coverage, tagged) beside a small Arabic edition."""
    factories.open_edition("ar")
    factories.translate(newsroom["news"], "ar", title="أخبار")
    arabic_politics = factories.translate(newsroom["politics"], "ar", title="سياسة")
    arabic_topic = newsroom["election"].copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_topic.title = "الانتخابات"
    arabic_topic.save()
    for number in range(6):
        story = factories.make_article(
            newsroom["politics"],
            f"English story {number}",
            tags=["Budget"],
            coverage=[newsroom["election"]],
        )
        factories.add_views(story, 100 + number)
    arabic = [
        factories.make_article(
            arabic_politics, f"خبر {number}", slug=f"khabar-{number}", tags=["Budget"]
        )
        for number in range(3)
    ]
    return {**newsroom, "arabic": arabic, "arabic_topic": arabic_topic}


def story_links(response):
    assert response.status_code == 200
    hrefs = parse(response).xpath("//main//a/@href")
    return {href.removeprefix("http://localhost") for href in hrefs if "/news/politics/" in href}


def test_the_arabic_home_lists_only_arabic_stories(client, two_editions):
    links = story_links(client.get("/ar/"))
    assert links
    assert all(href.startswith("/ar/") for href in links), links


def test_an_arabic_story_suggests_only_arabic_stories(client, two_editions):
    links = story_links(client.get(two_editions["arabic"][0].url))
    assert links
    assert all(href.startswith("/ar/") for href in links), links


def test_the_english_home_lists_no_arabic_story(client, two_editions):
    links = story_links(client.get("/en/"))
    assert links
    assert not any(href.startswith("/ar/") for href in links), links


def test_a_translation_takes_its_editions_regions_and_topics(two_editions):
    arabic = Locale.objects.get(language_code="ar")
    europe = two_editions["europe"]
    arabic_europe = europe.copy_for_translation(arabic)
    arabic_europe.name = "أوروبا"
    arabic_europe.save()
    english = factories.make_article(
        two_editions["politics"],
        "Summit ends",
        regions=[europe, two_editions["africa"]],
        coverage=[two_editions["election"], two_editions["floods"]],
    )
    translated = factories.translate(english, "ar", title="انتهاء القمة")
    assert list(translated.regions.all()) == [arabic_europe]  # Africa has no Arabic yet
    assert list(translated.coverage.all()) == [two_editions["arabic_topic"]]
