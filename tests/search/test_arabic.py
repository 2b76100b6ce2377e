"""Arabic search: a word matches however either the story or the reader spelt it, with or
without short vowels and tatweel, with any alef or hamza form, with or without the
article. Runs on the database backend in use (SQLite FTS5, or PostgreSQL full-text)."""

import pytest

from masthead.search.arabic import fold, index_text, search_term
from tests import factories
from tests.conftest import by_class, parse, text_of
from tests.search.conftest import days_ago, reindex
from tests.search.test_search_page import titles


def test_folding():
    assert fold("أَحْمَدُ") == "احمد"
    assert fold("إعلان آمن ٱلله") == "اعلان امن الله"
    assert fold("الـــعاصمة") == "العاصمه"
    assert fold("على") == "علي"
    assert fold("مسؤول") == fold("مسئول") == "مسءول"
    assert fold("عام ٢٠٣٠") == "عام 2030"
    assert fold("El niño, Año 2030") == "El niño, Año 2030"


def test_the_article_comes_off_search_words_and_is_indexed_both_ways():
    assert search_term("الإِعْلَانُ") == "اعلان"
    assert search_term("بالعاصمة") == "عاصمه"
    assert search_term("ال") == "ال"  # too short to be an article and a word
    assert index_text("أعلنت الحكومة") == "اعلنت الحكومه حكومه"
    assert index_text("The government announced") == ""


@pytest.fixture
def arabic_desk(newsroom):
    factories.open_edition("ar")
    factories.translate(newsroom["news"], "ar", title="أخبار")
    return factories.translate(newsroom["politics"], "ar", title="سياسة")


@pytest.fixture
def arabic_stories(arabic_desk, newsroom):
    # Written as a careful sub-editor would: short vowels, hamza and taa marbuta.
    factories.make_article(
        arabic_desk,
        "الحُكُومَةُ تُعْلِنُ المِيزَانِيَّةَ",
        slug="budget",
        standfirst="أَعْلَنَ وَزِيرُ المَالِيَّةِ إِطَارَ المِيزَانِيَّةِ الجَدِيدَةِ.",
        body=[("paragraph", "<p>قال المسؤول إن القرار نهائي.</p>")],
        published_at=days_ago(1),
    )
    # Written plainly, as most copy is: no vowels, bare alef.
    factories.make_article(
        arabic_desk,
        "امطار غزيرة في العاصمة",
        slug="rain",
        standfirst="اغلقت المدارس ابوابها بسبب السيول.",
        published_at=days_ago(2),
    )
    # An English story with the same subject never shows in the Arabic edition.
    factories.make_article(newsroom["politics"], "Budget announced", published_at=days_ago(1))
    reindex()


def arabic_search(client, q):
    return titles(client.get("/ar/search/", {"q": q}))


@pytest.mark.parametrize(
    "typed",
    [
        "الميزانية",  # as most readers type it
        "المِيزَانِيَّة",  # with the vowels the story has
        "ميزانيه",  # no article, haa for taa marbuta
        "المــيزانية",  # tatweel
        "اعلن",  # bare alef for the story's أَعْلَنَ
        "إطار",  # hamza below, the story has it with vowels
        "مسئول",  # the other accepted spelling of the story's مسؤول
    ],
)
def test_a_vowelled_story_is_found_however_the_reader_types(client, arabic_stories, typed):
    assert arabic_search(client, typed) == ["الحُكُومَةُ تُعْلِنُ المِيزَانِيَّةَ"]


@pytest.mark.parametrize("typed", ["أَمْطَار", "أمطار", "الأمطار", "العَاصِمَة", "أغلقت", "بالعاصمة"])
def test_a_plain_story_is_found_with_vowels_and_hamza_in_the_query(client, arabic_stories, typed):
    assert arabic_search(client, typed) == ["امطار غزيرة في العاصمة"]


def test_the_match_is_marked_as_the_story_wrote_it(client, arabic_stories):
    response = client.get("/ar/search/", {"q": "ميزانيه"})
    [title] = by_class(parse(response), "result-title")
    assert [text_of(mark) for mark in title.iter("mark")] == ["المِيزَانِيَّةَ"]


def test_suggestions_fold_too(client, arabic_stories):
    response = client.get("/ar/search/suggest.json", {"q": "أمطا"})
    assert [s["title"] for s in response.json()["suggestions"]] == ["امطار غزيرة في العاصمة"]
    response = client.get("/ar/search/suggest.json", {"q": "الحكومه"})
    assert [s["title"] for s in response.json()["suggestions"]] == ["الحُكُومَةُ تُعْلِنُ المِيزَانِيَّةَ"]


def test_other_kinds_are_folded_too(client, arabic_desk):
    from tests.media.factories import DESCRIPTION, make_infograph

    make_infograph(
        arabic_desk,
        "خَرِيطَةُ الأَمْطَارِ",
        slug="rain-map",
        standfirst="كمية المطر في كل مدينة.",
        description=DESCRIPTION + " تُظْهِرُ الخَرِيطَةُ السُّيُولَ.",
        published_at=days_ago(1),
    )
    reindex()
    assert arabic_search(client, "خريطه") == ["خَرِيطَةُ الأَمْطَارِ"]  # the headline
    assert arabic_search(client, "السيول") == ["خَرِيطَةُ الأَمْطَارِ"]  # the description
    response = client.get("/ar/search/suggest.json", {"q": "خريط"})
    assert [s["title"] for s in response.json()["suggestions"]] == ["خَرِيطَةُ الأَمْطَارِ"]
