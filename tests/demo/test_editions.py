"""The demo's Arabic and Spanish editions: their trees, their own stories, translations."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.models import Locale

from masthead.core.models import ContactPage, HomePage, StandardPage
from masthead.demo import editions, plan, text
from masthead.live.models import BreakingItem, LiveTvPage, programme_schedule
from masthead.media.models import GalleryPage, VideoPage
from masthead.news import teasers
from masthead.news.models import ArticlePage, ArticleType, Coverage, Region, SectionPage

LANGUAGES = editions.LANGUAGES
EDITION_ARTICLES = 30  # the least each edition carries


def locale(code):
    return Locale.objects.get(language_code=code)


def articles_in(code):
    return ArticlePage.objects.filter(locale__language_code=code)


def english_home():
    return HomePage.objects.get(depth=2, locale__language_code="en")


def paragraphs(article):
    return [
        strip_tags(block.value.source) for block in article.body if block.block_type == "paragraph"
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("small_demo")
class TestEditions:
    @pytest.mark.parametrize("code", LANGUAGES)
    def test_home_is_the_english_home_translated(self, code):
        home = HomePage.objects.get(locale__language_code=code)
        assert home.translation_key == english_home().translation_key
        assert home.live and home.title == editions.writing(code)["home"]["title"]
        assert home.get_parent().is_root()
        # Each shows its readers' clock (the English edition keeps TIME_ZONE).
        assert home.time_zone == {"ar": "Asia/Qatar", "es": "America/Bogota"}[code]
        home.full_clean()

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_sections_mirror_the_english_menu(self, code):
        english_sections = SectionPage.objects.filter(locale__language_code="en").order_by("path")
        names = {spec["en"]: spec for spec in editions.writing(code)["sections"]}
        for section in english_sections:
            translation = section.get_translation(locale(code))
            spec = names[section.slug]
            assert (translation.title, translation.slug) == (spec["title"], spec["slug"])
            assert type(translation.specific) is type(section.specific)
            assert translation.live and translation.show_in_menus and translation.specific.intro
            parent = translation.get_parent()
            assert parent.translation_key == section.get_parent().translation_key
            assert parent.locale.language_code == code
        menu = HomePage.objects.get(locale__language_code=code).get_children().in_menu()
        english_menu = english_home().get_children().in_menu()
        assert [p.translation_key for p in menu.order_by("path")] == [
            p.translation_key for p in english_menu.order_by("path")
        ]

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_regions_and_coverage_topics_in_the_language(self, code):
        for model, name in ((Region, "name"), (Coverage, "title")):
            english = model.objects.filter(locale__language_code="en").order_by("sort_order")
            translated = model.objects.filter(locale__language_code=code).order_by("sort_order")
            assert [t.translation_key for t in translated] == [e.translation_key for e in english]
            assert all(
                getattr(t, name) != getattr(e, name) or code == "es"
                for t, e in zip(translated, english, strict=True)
            )
        for topic in Coverage.objects.filter(locale__language_code=code):
            assert topic.active and topic.description
            pinned = [pin.article for pin in topic.pins.order_by("sort_order")]
            assert len(pinned) == 2
            assert all(p.locale.language_code == code and topic in p.coverage.all() for p in pinned)
            assert pinned[0].published_at >= pinned[1].published_at

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_plain_pages_contact_form_and_live(self, code):
        data = editions.writing(code)
        for key, model in (
            ("about", StandardPage),
            ("privacy", StandardPage),
            ("contact", ContactPage),
        ):
            english = model.objects.get(slug=data[key]["en"])
            page = english.get_translation(locale(code)).specific
            assert (page.title, page.slug) == (data[key]["title"], data[key]["slug"])
            assert page.live and not page.show_in_menus
        contact = ContactPage.objects.get(slug=data["contact"]["slug"])
        labels = [f.label for f in contact.form_fields.order_by("sort_order")]
        assert labels == [f["label"] for f in data["contact"]["fields"]]
        assert len(contact.get_form_class().base_fields) == len(labels)
        live = LiveTvPage.objects.get(locale__language_code=code)
        assert (
            live.translation_key
            == LiveTvPage.objects.get(locale__language_code="en").translation_key
        )
        assert programme_schedule(live).on_now is not None

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_each_edition_carries_its_own_journalism(self, code):
        articles = list(articles_in(code).select_related("lead_image"))
        assert len(teasers.published(locale(code).pk)) >= EDITION_ARTICLES
        assert len(articles) == len(editions.writing(code)["articles"])
        now = timezone.now()
        for article in articles:
            assert article.live and now - timedelta(days=31) < article.published_at <= now
            assert article.get_parent().locale.language_code == code
            assert article.lead_image and article.caption and article.standfirst
            assert 4 <= len(paragraphs(article)) <= 8, article.slug
            assert 2 <= article.tags.count() <= 7
            assert all(r.locale.language_code == code for r in article.regions.all())
        assert {a.article_type for a in articles} == set(ArticleType.values)
        assert len({a.get_parent().pk for a in articles}) >= 10
        assert sum(bool(a.regions.exists()) for a in articles) >= len(articles) * 0.8
        assert sum(bool(a.coverage.exists()) for a in articles) >= 6
        assert sum(bool(a.authors()) for a in articles) >= len(articles) / 2

    def test_arabic_text_mixes_latin_names_and_western_digits(self):
        """Right-to-left pages must cope with runs of Latin and digits inside Arabic."""
        bodies = [" ".join(paragraphs(a)) for a in articles_in("ar")]
        assert all(re.search("[\u0600-\u06ff]", body) for body in bodies)
        assert sum(bool(re.search(r"[A-Za-z]{3,}", body)) for body in bodies) >= 8
        assert sum(bool(re.search(r"\d", body)) for body in bodies) >= 20

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_stories_are_the_fixtures_at_their_ages(self, code):
        """The build adds nothing of its own: the same data writes the same edition."""
        now = max(a.published_at for a in ArticlePage.objects.filter(locale__language_code="en"))
        specs = editions.writing(code)["articles"]
        pages = {a.slug: a for a in articles_in(code)}
        english = {a.slug for a in ArticlePage.objects.filter(locale__language_code="en")}
        for spec in specs:
            page = pages[spec["slug"]]
            assert (page.title, page.standfirst) == (spec["headline"], spec["standfirst"])
            if spec.get("translates") not in english:
                age = timezone.now() - page.published_at
                assert abs(age - timedelta(hours=spec["hours"])) < timedelta(minutes=5)
        assert now  # the English edition is there to translate from

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_translations_missing_their_english_story_stand_alone(self, code):
        english_keys = set(
            ArticlePage.objects.filter(locale__language_code="en").values_list(
                "translation_key", flat=True
            )
        )
        english_slugs = set(
            ArticlePage.objects.filter(locale__language_code="en").values_list("slug", flat=True)
        )
        for spec in editions.writing(code)["articles"]:
            page = articles_in(code).get(slug=spec["slug"])
            linked = spec.get("translates") in english_slugs
            assert (page.translation_key in english_keys) == linked, spec["slug"]

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_breaking_lines_link_to_the_edition_stories(self, code):
        specs = editions.writing(code)["breaking"]
        linked = BreakingItem.objects.filter(article__locale__language_code=code)
        assert linked.count() == sum("article" in spec for spec in specs) >= 2
        assert all(item.text == item.article.title for item in linked)
        unlinked_texts = {spec["text"] for spec in specs if "article" not in spec}
        assert BreakingItem.objects.filter(text__in=unlinked_texts).count() == len(unlinked_texts)

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_in_pictures_has_a_gallery_captioned_in_the_language(self, code):
        spec = editions.writing(code)["galleries"][0]
        gallery = GalleryPage.objects.get(locale__language_code=code, slug=spec["slug"])
        assert gallery.live and gallery.title == spec["title"] and gallery.authors()
        english_section = SectionPage.objects.get(locale__language_code="en", slug="in-pictures")
        assert gallery.get_parent().translation_key == english_section.translation_key
        captions = [photo.caption_text for photo in gallery.photos.order_by("sort_order")]
        assert captions == [photo["caption"] for photo in spec["photos"]]

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_video_sections_carry_films_in_the_language(self, client, code):
        specs = editions.writing(code)["videos"]
        assert {spec["desk"] for spec in specs} >= {"newsfeed", "video-features", "explainers"}
        for spec in specs:
            video = VideoPage.objects.get(locale__language_code=code, slug=spec["slug"])
            assert video.live and video.title == spec["title"] and video.poster_id
            assert video.embed_url == spec["embed"] and video.authors()
            english = SectionPage.objects.get(locale__language_code="en", slug=spec["desk"])
            section = video.get_parent()
            assert section.translation_key == english.translation_key
            assert spec["title"] in client.get(section.url).content.decode()

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_each_edition_has_its_most_read(self, code):
        read = teasers.most_read(locale(code).pk, limit=5)
        latest = teasers.latest(locale(code).pk, limit=5)
        assert len(read) == 5 and all(a.locale.language_code == code for a in read)
        assert [a.pk for a in read] != [a.pk for a in latest], "ranked by views, not date"

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_every_page_of_the_edition_is_served_under_its_prefix(self, client, code):
        home = HomePage.objects.get(locale__language_code=code)
        pages = [home, *home.get_descendants().live().exclude(depth__gt=4).type(SectionPage)]
        pages += [*articles_in(code), *GalleryPage.objects.filter(locale__language_code=code)]
        newest = articles_in(code).order_by("-published_at").first()
        for page in pages:
            url = page.get_url()
            assert url.startswith(f"/{code}/"), url
            response = client.get(url)
            assert response.status_code == 200, url
            # The front page shows the site's name, not its page title: look for its lead.
            expected = newest.title if page == home else page.title
            assert expected in response.content.decode(), url


# -- the writing itself: no database ---------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_edition_writing_is_complete_and_names_real_english_keys(code):
    data = editions.writing(code)
    pages = text.fixture("pages")
    english_sections = [s["slug"] for s in pages["sections"]]
    english_sections += [c["slug"] for s in pages["sections"] for c in s["children"]]
    assert sorted(s["en"] for s in data["sections"]) == sorted(english_sections)
    assert len({s["slug"] for s in data["sections"]}) == len(data["sections"])
    slugs = [a["slug"] for a in data["articles"]]
    assert len(set(slugs)) == len(slugs) >= 32
    # Latin slugs, Arabic ones transliterated: readable when a link is shared.
    for slug in slugs + [s["slug"] for s in data["sections"] + data["regions"] + data["coverage"]]:
        assert slug == slugify(slug) and slug.isascii(), slug
    leaves = set(plan.leaf_sections())
    for spec in data["articles"]:
        assert spec["section"] in leaves and spec["type"] in ArticleType.values


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_follow_the_english_plan(code):
    """Each translation names a story of the full English demo and keeps its section,
    type, regions and coverage: if the English plan changes, this says which to rewrite."""
    english = {p.slug: p for p in plan.make_plan(160)}
    translations = [a for a in editions.writing(code)["articles"] if "translates" in a]
    assert len(translations) >= 8
    for spec in translations:
        source = english[spec["translates"]]
        assert (spec["section"], spec["type"]) == (source.section, source.article_type)
        assert spec.get("regions", []) == source.regions
        assert spec.get("coverage") == source.coverage
        assert spec.get("authors", []) == source.authors
        english_paragraphs = sum(kind == "paragraph" for kind, _ in source.blocks)
        own = [line for line in spec["body"] if not line.startswith("## ")]
        assert abs(len(own) - english_paragraphs) <= 2, spec["slug"]


def assert_translations_linked():
    """In the full demo every translation shares its English story's translation_key."""
    for code in LANGUAGES:
        for spec in editions.writing(code)["articles"]:
            if "translates" not in spec:
                continue
            source = ArticlePage.objects.get(locale__language_code="en", slug=spec["translates"])
            page = source.get_translation(locale(code)).specific
            assert page.slug == spec["slug"] and page.title == spec["headline"]
            assert page.published_at >= source.published_at
            assert page.lead_image_id == source.lead_image_id
