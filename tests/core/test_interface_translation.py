"""Every interface string on the Arabic and Spanish home and article pages comes from the
catalogues (docs/translating-the-interface.md).

The fixture builds three editions of the same front page and story. The Arabic and
Spanish editions' content is written in those languages, so whatever English is left on
their pages is interface text someone forgot to mark or to translate:

- on the Arabic pages no Latin-script word may appear at all, beyond the site's settings
  (one set for every edition), brand names and text marked as another language: this
  catches a string that was never marked;
- on both, no English msgid of the catalogue may appear: this catches a string that is
  marked but has no translation (makemessages was not run, or the msgstr is empty);
- the English pages do show the same interface words, so neither check passes because a
  block was missing.
"""

import calendar
import json
import re
from datetime import timedelta

import polib
import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from masthead.core.models import SiteSettings
from masthead.news.models import ArticleNote, ArticleType, Coverage, NoteKind
from tests import factories
from tests.conftest import parse

LOCALE_DIR = settings.LOCALE_PATHS[0]

# Names that stay in Latin script in every language.
BRANDS = {"X", "Facebook", "WhatsApp", "Telegram", "Android", "iOS", "HLS"}

# English interface words that would give away an untranslated date or label even if
# they were never in the catalogue (Django's own month and day names among them).
ENGLISH_GIVEAWAYS = [
    *calendar.month_name[1:],
    *calendar.month_abbr[1:],
    *calendar.day_name,
    "Min Read",
    "Read next",
    "Read Next",
    "Related News",
    "Most Read",
    "Coverage",
    "Updated",
    "By",
    "Share",
    "Menu",
    "Search",
]

# Attributes whose text a reader sees or hears.
SPOKEN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "label")

CONTENT = {
    "ar": {
        "home": "الرئيسية",
        "section": ("سياسة", "siyasa"),
        "region": ("الشرق الأوسط", "middle-east"),
        "coverage": ("الانتخابات البلدية", "baladiya"),
        "author": ("سلمى الراوي", "salma"),
        "tag": "الميزانية",
        "headline": "البرلمان يقر الميزانية بعد نقاش طويل",
        "other": ("الأسواق تترقب قرار المصرف المركزي", "aswaq"),
        "standfirst": "صوت النواب بالأغلبية على مشروع الموازنة الجديدة.",
        "paragraph": "قال رئيس اللجنة المالية إن الموازنة تركز على التعليم والصحة والنقل.",
        "source": "وكالة الأنباء المحلية",
        "note": "صُحح رقم الإنفاق على التعليم.",
        "caption": "قاعة البرلمان خلال التصويت",
        "credit": "مصور الصحيفة",
        "filler": "خبر محلي رقم",
    },
    "es": {
        "home": "Portada",
        "section": ("Política", "politica"),
        "region": ("Oriente Medio", "oriente-medio"),
        "coverage": ("Elecciones municipales", "municipales"),
        "author": ("Lucía Ferrer", "lucia"),
        "tag": "Presupuesto",
        "headline": "El parlamento aprueba el presupuesto tras un largo debate",
        "other": ("Los mercados esperan la decisión del banco central", "mercados"),
        "standfirst": "Los diputados votaron por mayoría el nuevo proyecto de presupuesto.",
        "paragraph": "El presidente de la comisión dijo que el plan prioriza la educación.",
        "source": "Agencia local de noticias",
        "note": "Se corrigió la cifra de gasto en educación.",
        "caption": "El pleno durante la votación",
        "credit": "Fotógrafo del diario",
        "filler": "Noticia local número",
    },
    "en": {
        "home": "Home",
        "section": ("Politics", "politics"),
        "region": ("Middle East", "middle-east"),
        "coverage": ("Local elections", "local-elections"),
        "author": ("Jane Writer", "jane"),
        "tag": "Budget",
        "headline": "Parliament passes the budget after a long debate",
        "other": ("Markets await the central bank's decision", "markets"),
        "standfirst": "Members voted by a majority for the new budget.",
        "paragraph": "The committee chair said the plan puts education first.",
        "source": "Local news agency",
        "note": "The education spending figure was corrected.",
        "caption": "The chamber during the vote",
        "credit": "Staff photographer",
        "filler": "Local story number",
    },
}


def build_edition(language, english_home):
    """One edition's front page and a story with every interface element around it."""
    text = CONTENT[language]
    locale = Locale.objects.get(language_code=language)
    if language == "en":
        home = english_home
    else:
        home = english_home.copy_for_translation(locale)
        home.title = text["home"]
        home.live = True
        home.save()
    section = factories.make_section(home, text["section"][0], slug=text["section"][1])
    region = factories.make_region(text["region"][0], slug=text["region"][1], locale=locale)
    coverage = Coverage.objects.create(
        title=text["coverage"][0], slug=text["coverage"][1], locale=locale, active=True
    )
    author = factories.make_author(text["author"][0], slug=text["author"][1])
    earlier = timezone.now() - timedelta(hours=5)
    other = factories.make_article(
        section,
        text["other"][0],
        slug=text["other"][1],
        standfirst=text["standfirst"],
        body=[("paragraph", f"<p>{text['paragraph']}</p>")],
        coverage=[coverage],
        article_type=ArticleType.OPINION,
        published_at=earlier,
    )
    # Newer stories fill the front page's top ten, so the opinion piece goes to Read Next.
    for number in range(10):
        factories.make_article(
            section,
            f"{text['filler']} {number}",
            slug=f"filler-{number}",
            standfirst=text["standfirst"],
            body=[("paragraph", f"<p>{text['paragraph']}</p>")],
            published_at=timezone.now() - timedelta(minutes=number),
        )
    story = factories.make_article(
        section,
        text["headline"],
        slug="story",
        standfirst=text["standfirst"],
        body=[
            ("paragraph", f"<p>{text['paragraph']}</p>"),
            ("related_news", {"articles": [other]}),
            ("read_next", {"article": other}),
        ],
        lead_image=factories.make_image(
            text["caption"], caption=text["caption"], credit=text["credit"]
        ),
        authors=[author],
        tags=[text["tag"]],
        regions=[region],
        coverage=[coverage],
        article_type=ArticleType.ANALYSIS,
        source=text["source"],
        published_at=earlier - timedelta(hours=1),
        updated_at=earlier,
    )
    ArticleNote.objects.create(
        article=story, kind=NoteKind.CORRECTION, text=text["note"], noted_at=earlier
    )
    factories.add_views(story, 40)
    factories.add_views(other, 30)
    return {"home": home.url, "article": story.url}


@pytest.fixture(scope="module")
def editions(module_db):
    english_home = factories.home_page()
    factories.configure_site()
    return {language: build_edition(language, english_home) for language in CONTENT}


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def interface_texts(response):
    """What a reader sees or hears on the page: text nodes and spoken attributes, plus
    the phrases handed to scripts; without text marked as another language, and without
    the links to the editions, which name each edition in its own language."""
    tree = parse(response)
    page_language = tree.get("lang")
    for element in tree.xpath("//*[@lang]"):
        if element.get("lang") != page_language and element is not tree:
            element.drop_tree()
    for element in tree.xpath("//a[@hreflang]"):
        element.drop_tree()
    for element in tree.xpath("//script | //style | //head"):
        element.drop_tree()
    texts = [" ".join(text.split()) for text in tree.xpath("//body//text()")]
    for element in tree.iter():
        for name, value in element.attrib.items():
            if name in SPOKEN_ATTRIBUTES or re.fullmatch(r"data-[\w-]*label", name):
                texts.append(value)
            elif name == "data-count-labels":
                texts.extend(label.replace("{n}", "") for label in json.loads(value).values())
    return [text for text in texts if text.strip()]


def without_site_settings(texts):
    """The site's settings are editor content shared by every edition: leave them out."""
    values = SiteSettings.objects.values_list(
        "site_name", "slogan", "about", "copyright_line"
    ).first()
    cleaned = []
    for text in texts:
        for value in sorted(filter(None, values), key=len, reverse=True):
            text = text.replace(value, "")
        cleaned.append(text)
    return cleaned


def english_fragments(language):
    """The English words of every msgid whose translation in `language` differs: the
    parts between placeholders, as they would show if the msgid were left untranslated."""
    fragments = set(ENGLISH_GIVEAWAYS)
    for entry in catalogue(language):
        translations = [entry.msgstr, *entry.msgstr_plural.values()]
        for msgid in filter(None, [entry.msgid, entry.msgid_plural]):
            if entry.msgctxt and "date format" in entry.msgctxt:
                continue  # a format string, not words
            for part in re.split(r"%\(\w+\)s|\{\w+\}", msgid):
                part = part.strip(" .,:;()“”?→←")
                if re.search(r"[A-Za-z]", part) and not any(part in t for t in translations):
                    fragments.add(part)
    return fragments


def leftovers(texts, fragments):
    found = set()
    for text in texts:
        for fragment in fragments:
            if re.search(rf"(?<![\w-]){re.escape(fragment)}(?![\w-])", text):
                found.add(fragment)
    return found


@pytest.mark.parametrize("language", ["ar", "es"])
@pytest.mark.parametrize("kind", ["home", "article"])
def test_no_english_msgid_is_left_on_the_page(client, editions, language, kind):
    response = client.get(editions[language][kind])
    assert response.status_code == 200
    assert response.content.decode().count(f'lang="{language}"') >= 1
    texts = without_site_settings(interface_texts(response))
    assert leftovers(texts, english_fragments(language)) == set()


@pytest.mark.parametrize("kind", ["home", "article"])
def test_no_latin_word_is_left_on_the_arabic_pages(client, editions, kind):
    """An interface string that was never marked shows up here as English."""
    texts = without_site_settings(interface_texts(client.get(editions["ar"][kind])))
    words = {word for text in texts for word in re.findall(r"[A-Za-z]+", text)}
    assert words - BRANDS == set()


@pytest.mark.parametrize("kind", ["home", "article"])
def test_the_english_pages_show_the_words_the_checks_look_for(client, editions, kind):
    """Without this the checks above could pass because a block was not on the page."""
    texts = " | ".join(interface_texts(client.get(editions["en"][kind])))
    expected = {
        "home": ["Most Read", "Coverage", "Read Next", "Latest", "Top story", "Skip to content"],
        "article": ["Most Read", "Read next", "Related News", "1 Min Read", "Updated", "By"],
    }[kind]
    for words in expected:
        assert words in texts
    assert re.search(r"\d{1,2} [A-Z][a-z]{2} \d{4}", texts)  # 28 Nov 2026


ARABIC = {
    "home": ["الأكثر قراءة", "تغطيات خاصة", "اقرأ التالي", "الأحدث", "انتقل إلى المحتوى"],
    "article": [
        "الأكثر قراءة",
        "اقرأ أيضًا",
        "أخبار ذات صلة",
        "دقيقة واحدة للقراءة",  # Min Read, in Arabic's singular form
        "آخر تحديث",
        "بقلم",
        "تحليل",  # the article type
        "تصحيح",  # the correction note's kind
        "حقوق الصورة:",
        "مشاركة",
    ],
}
SPANISH = {
    "home": ["Lo más leído", "Coberturas", "Sigue leyendo", "Lo último", "Saltar al contenido"],
    "article": [
        "Lo más leído",
        "Lee también",
        "Noticias relacionadas",
        "1 min de lectura",
        "Actualizado",
        "Por",
        "Análisis",
        "Corrección",
        "Crédito:",
        "Compartir",
    ],
}


@pytest.mark.parametrize("kind", ["home", "article"])
@pytest.mark.parametrize("language, expected", [("ar", ARABIC), ("es", SPANISH)])
def test_the_translated_pages_show_the_translations(client, editions, kind, language, expected):
    texts = " | ".join(interface_texts(client.get(editions[language][kind])))
    for words in expected[kind]:
        assert words in texts


ARABIC_MONTHS = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
SPANISH_MONTHS = "ene feb mar abr may jun jul ago sep oct nov dic"


@pytest.mark.parametrize(
    "language, months", [("ar", ARABIC_MONTHS), ("es", SPANISH_MONTHS), ("en", "Jan Feb")]
)
def test_dates_follow_the_edition_and_the_datetime_attribute_stays_iso(
    client, editions, language, months
):
    tree = parse(client.get(editions[language]["article"]))
    times = tree.xpath("//ul[contains(@class, 'story-meta')]//time")
    assert len(times) == 2  # published and updated
    for time in times:
        assert re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d", time.get("datetime")
        )
        shown = time.text_content()
        # Day, month, year and a 24-hour clock, in Latin digits (docs: "Dates and times").
        assert re.fullmatch(r"\d{1,2} \w+ \d{4} \d\d:\d\d", shown)
        if language != "en":
            assert shown.split()[1] in months.split()
