"""The demo content generator: what `manage.py demo` puts on an empty site."""

import io
import math
import random
from collections import Counter
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import strip_tags

from masthead.analytics.models import ArticleView
from masthead.core.models import ContactPage, HomePage, SiteSettings, StandardPage
from masthead.demo import editions, images, phrases, plan, text, world
from masthead.demo.build import DEMO_PASSWORD, DEMO_USERNAME, build_demo
from masthead.live.models import LiveBlogPage, LiveTvPage, programme_schedule, ticker_items
from masthead.media.models import SeriesPage, VideoPage, VideoSectionPage
from masthead.news import teasers
from masthead.news.models import ArticlePage, ArticleType, Author, Coverage, Region, SectionPage
from tests.demo.conftest import SMALL_DEMO
from tests.demo.test_editions import assert_translations_linked
from tests.reference import MENU, REGIONS, SUBSECTIONS

BLOCK_TYPES = {"paragraph", "subheading", "image", "quote", "read_next", "related_news"}


def home():
    return HomePage.objects.get(depth=2, locale__language_code="en")


def english(queryset):
    """The English edition's part: the Arabic and Spanish ones have tests of their own
    (test_editions.py)."""
    return queryset.filter(locale__language_code="en")


def leaf_sections():
    """Sections that take articles: subsections, and top sections without any."""
    sections = english(SectionPage.objects.all())
    return [s for s in sections if not SectionPage.objects.child_of(s).exists()]


@pytest.mark.django_db
@pytest.mark.usefixtures("small_demo")
class TestSmallDemo:
    def test_menu_sections_in_order_with_readable_slugs(self):
        menu = home().get_children().live().in_menu().order_by("path").specific()
        assert [page.title for page in menu] == MENU
        assert [page.slug for page in menu] == [
            "news",
            "articles",
            "videos",
            "infographs",
            "in-pictures",
            "live",
        ]
        # LIVE opens the channel's page; everything before it is a section.
        assert isinstance(menu[len(menu) - 1], LiveTvPage)
        tops = SectionPage.objects.child_of(home()).order_by("path")
        assert [s.title for s in tops] == MENU[:-1]
        for slug, titles in SUBSECTIONS.items():
            children = SectionPage.objects.child_of(tops.get(slug=slug)).order_by("path")
            assert [c.title for c in children] == titles
        assert SectionPage.objects.get(title="Arts&Culture").slug == "arts-culture"
        assert SectionPage.objects.get(title="Video Features").slug == "video-features"
        sections = SectionPage.objects.all()
        assert all(s.show_in_menus and s.live and s.intro for s in sections)

    def test_every_section_that_takes_articles_has_one(self):
        leaves = leaf_sections()
        assert len(leaves) == 19
        empty = [s.title for s in leaves if not ArticlePage.objects.child_of(s).exists()]
        assert empty == []
        assert english(ArticlePage.objects.all()).count() == SMALL_DEMO

    def test_every_article_type_and_the_desks_that_set_it(self):
        types = set(english(ArticlePage.objects.all()).values_list("article_type", flat=True))
        assert types == set(ArticleType.values)
        for section, article_type in plan.DESK_TYPES.items():
            found = ArticlePage.objects.child_of(english(SectionPage.objects).get(slug=section))
            assert set(found.values_list("article_type", flat=True)) == {article_type}

    def test_regions_in_order_each_with_stories(self):
        regions = english(Region.objects.order_by("sort_order"))
        assert [(r.name, r.slug) for r in regions] == REGIONS
        assert {r.locale_id for r in regions} == {home().locale_id}
        assert [r.name for r in regions if not r.articles.exists()] == []
        assert max(a.regions.count() for a in ArticlePage.objects.all()) <= 2

    def test_coverage_topics_are_active_with_two_pins_of_their_own(self):
        topics = english(Coverage.objects.order_by("sort_order"))
        assert topics.count() == 3
        for topic in topics:
            assert topic.active and topic.description
            pinned = [p.article for p in topic.pins.order_by("sort_order")]
            assert len(pinned) == 2
            assert all(topic in article.coverage.all() for article in pinned)
            assert pinned[0].published_at >= pinned[1].published_at

    def test_ten_active_breaking_items_some_attributed_some_linked(self):
        items = ticker_items("en", limit=50)
        assert len(items) == 10
        # Each other edition runs its own lines, none of them on the English ticker.
        for code in editions.LANGUAGES:
            lines = ticker_items(code, limit=50)
            assert len(lines) == len(editions.writing(code)["breaking"])
            assert not {line.pk for line in lines} & {item.pk for item in items}
        now = timezone.now()
        assert all(now - timedelta(hours=2) <= i.created_at <= now for i in items)
        assert all(i.expires_at > now + timedelta(hours=5) for i in items)
        assert any(i.attribution.startswith("Our correspondent in") for i in items)
        linked = [i for i in items if i.article]
        assert linked and all(i.text == i.article.title for i in linked)

    def test_two_live_blogs_one_running_one_ended_with_every_kind_of_update(self):
        live = english(LiveTvPage.objects).get()  # LIVE in the menu: the channel and blogs
        blogs = {b.status: b for b in LiveBlogPage.objects.child_of(live).live()}
        assert set(blogs) == {"live", "ended"}
        assert blogs["ended"].ended_at is not None and blogs["live"].ended_at is None
        for blog in blogs.values():
            updates = list(blog.updates.all())
            assert len(updates) >= 14
            assert sum(u.key_event for u in updates) >= 3
            kinds = {block.block_type for u in updates for block in u.body}
            assert kinds == {"text", "image", "quote", "embed"}
            assert all(u.posted_at <= timezone.now() for u in updates)

    def test_live_tv_always_has_something_on_now_and_plays_the_test_pattern(self):
        page = english(LiveTvPage.objects).get()
        assert page.live and page.intro
        schedule = programme_schedule(page)
        assert schedule.on_now is not None and schedule.up_next is not None
        assert [day.label for day in schedule.days] == ["Today", "Tomorrow"]
        # A week ahead, so a demo started today still has a schedule next week.
        last = page.programmes.order_by("-starts_at").first().starts_at
        assert last - timezone.now() > timedelta(days=6)
        assert page.programmes.filter(link__isnull=False).exists()
        url = SiteSettings.objects.get().live_stream_url
        assert url == "/static/masthead/live/test-pattern/index.m3u8"
        assert finders.find(url.removeprefix("/static/")), url

    def test_site_settings_filled(self):
        settings = SiteSettings.objects.get()
        assert settings.site_name == "Masthead Daily"
        assert settings.slogan and settings.about
        assert settings.copyright_line == "All Rights Reserved"
        assert [name for name, _ in settings.social_links()] == [
            "X",
            "Facebook",
            "Instagram",
            "YouTube",
            "Telegram",
        ]
        assert settings.x_url == "https://x.com/mastheaddemo"
        assert settings.android_app_url.startswith("https://")
        assert settings.ios_app_url.startswith("https://")

    def test_plain_pages_stay_out_of_the_menu(self):
        for slug, title in (("about-us", "About Us"), ("privacy-policy", "Privacy Policy")):
            page = StandardPage.objects.get(slug=slug)
            assert page.title == title and page.live and not page.show_in_menus
            assert page.intro
            kinds = [block.block_type for block in page.body]
            assert kinds.count("paragraph") >= 3 and "subheading" in kinds

    def test_contact_page_has_its_form(self):
        page = ContactPage.objects.get(slug="contact-us")
        assert page.title == "Contact Us" and not page.show_in_menus
        assert page.intro and page.thank_you_text
        fields = [
            (f.label, f.field_type, f.required, f.clean_name)
            for f in page.form_fields.order_by("sort_order")
        ]
        assert fields == [
            ("Name", "singleline", True, "name"),
            ("Email", "email", True, "email"),
            ("Subject", "singleline", False, "subject"),
            ("Message", "multiline", True, "message"),
        ]
        form_class = page.get_form_class()
        assert {"name", "email", "subject", "message"} <= set(form_class.base_fields)

    def test_articles_are_published_and_complete(self):
        now = timezone.now()
        for article in english(ArticlePage.objects.select_related("lead_image")):
            assert article.live and article.is_published(), article.title
            assert article.first_published_at == article.published_at
            assert article.published_at > now - timedelta(days=31)
            assert article.standfirst and article.source
            assert article.lead_image.caption and article.lead_image.credit
            assert article.caption  # the story's own caption for its picture
            assert 2 <= article.tags.count() <= 7
            assert len(article.authors()) <= 2
            assert 5 <= len(article.body) <= 10
        newest = ArticlePage.objects.order_by("-published_at").first()
        assert newest.published_at > now - timedelta(hours=3)

    def test_every_video_subsection_has_videos_and_two_series_have_episodes(self):
        videos = english(SectionPage.objects).get(slug="videos")
        subsections = list(VideoSectionPage.objects.child_of(videos))
        assert [s.title for s in subsections] == SUBSECTIONS["videos"]
        for subsection in subsections:
            assert VideoPage.objects.published().descendant_of(subsection).exists(), subsection
        series = list(SeriesPage.objects.live())
        assert len(series) >= 2
        for one_series in series:
            numbers = [
                v.episode_number
                for v in VideoPage.objects.child_of(one_series).order_by("episode_number")
            ]
            assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 3
            assert one_series.artwork and one_series.description
        # The suite builds without clips: every video links to a platform, with a poster.
        for video in VideoPage.objects.all():
            assert video.embed and video.poster and video.duration and video.standfirst

    def test_bylines_house_and_signed(self):
        assert Author.objects.count() >= 6
        assert all(a.photo and a.role and a.bio and a.social_handle for a in Author.objects.all())
        articles = list(ArticlePage.objects.all())
        assert any(not a.authors() for a in articles), "some stories carry the house byline"
        opinion = [a for a in articles if a.article_type == ArticleType.OPINION]
        assert all(a.authors() for a in opinion), "opinion pieces show an author box"

    def test_bodies_use_every_block_and_link_backwards(self):
        articles = list(ArticlePage.objects.all())
        used = Counter(block.block_type for a in articles for block in a.body)
        assert set(used) == BLOCK_TYPES
        for article in articles:
            for block in article.body:
                linked = []
                if block.block_type == "read_next":
                    linked = [block.value["article"]]
                elif block.block_type == "related_news":
                    linked = list(block.value["articles"])
                    assert 1 <= len(linked) <= 3
                for other in linked:
                    assert other.specific.published_at < article.published_at

    def test_reading_times_vary(self):
        minutes = set(english(ArticlePage.objects.all()).values_list("reading_minutes", flat=True))
        assert min(minutes) >= 2
        assert len(minutes) >= 3

    def test_most_read_has_recent_views(self):
        since = timezone.now() - timedelta(hours=73)
        views = ArticleView.objects.all()
        assert views.exists() and not views.filter(hour__lt=since).exists()
        read = teasers.most_read(home().locale_id, limit=5)
        latest = teasers.latest(home().locale_id, limit=5)
        assert len(read) == 5
        assert [a.pk for a in read] != [a.pk for a in latest], "ranked by views, not date"

    def test_updated_stories_say_what_changed(self):
        updated = ArticlePage.objects.filter(updated_at__isnull=False)
        assert updated.exists()
        for article in updated:
            assert [note.noted_at for note in article.notes.all()] == [article.updated_at]

    def test_editor_can_sign_in(self):
        user = authenticate(username=DEMO_USERNAME, password=DEMO_PASSWORD)
        assert user is not None and user.is_staff and not user.is_superuser
        assert [group.name for group in user.groups.all()] == ["Editor"]

    def test_one_account_per_role(self):
        for username, role in (("reporter", "Reporter"), ("chief", "Chief editor")):
            user = authenticate(username=username, password=DEMO_PASSWORD)
            assert user is not None and not user.is_superuser
            assert [group.name for group in user.groups.all()] == [role]

    def test_writes_the_plan_it_was_given(self):
        articles = english(ArticlePage.objects.order_by("published_at"))
        titles = list(articles.values_list("title", flat=True))
        assert titles == [p.headline for p in plan.make_plan(SMALL_DEMO)]

    def test_running_again_changes_nothing(self):
        counts = (ArticlePage.objects.count(), SectionPage.objects.count(), Author.objects.count())
        out = io.StringIO()
        call_command("demo", stdout=out)
        assert "nothing was changed" in out.getvalue()
        assert build_demo(articles=5) is None
        after = (ArticlePage.objects.count(), SectionPage.objects.count(), Author.objects.count())
        assert after == counts


# -- the plan, the writing and the pictures: no database ----------------------------------


def test_plan_is_the_same_every_time():
    assert plan.make_plan(SMALL_DEMO) == plan.make_plan(SMALL_DEMO)


def test_even_a_tiny_plan_covers_every_desk_and_type():
    tiny = plan.make_plan(20)
    assert {p.section for p in tiny} == set(plan.leaf_sections())
    assert {p.article_type for p in tiny} == set(ArticleType.values)


def test_plan_headlines_and_slugs_are_unique():
    full = plan.make_plan(160)
    assert len({p.headline for p in full}) == len({p.slug for p in full}) == 160
    share = sum(1 for p in full if p.coverage) / len(full)
    assert 0.2 <= share <= 0.35


def test_plan_reading_times_span_two_to_six_minutes():
    def minutes(article_plan):
        parts = [article_plan.standfirst]
        for kind, value in article_plan.blocks:
            if kind == "paragraph":
                parts.append(strip_tags(value))
            elif kind == "subheading":
                parts.append(value)
            elif kind == "quote":
                parts.append(value["text"])
        return math.ceil(text.word_count(" ".join(parts)) / 220)

    spread = Counter(minutes(p) for p in plan.make_plan(160))
    assert min(spread) == 2 and max(spread) >= 6


def test_every_template_fills_without_a_missing_placeholder():
    place = text.Place("Ghana", "Accra", "Africa")
    shared = [s for groups in phrases.GROUPS.values() for group in groups for s in group]
    sources = [(desk, None) for desk in text.desks().values()]
    sources += [(text.desks()[t["desks"][0]], t) for t in text.coverage_topics()]
    for desk, topic in sources:
        for article_type in ("news", "opinion"):
            for story in text.stories_for(desk, topic, article_type):
                ctx = text.context(random.Random(1), desk=desk, story=story, place=place)
                templates = story["headlines"] + story["standfirsts"] + story["sentences"]
                templates += desk["sentences"] + desk["quotes"] + desk["subheads"] + shared
                for template in templates:
                    filled = text.fill(text.introduce(template, set()), ctx)
                    assert "{" not in filled and "}" not in filled, template


def test_tag_vocabulary_is_the_one_the_desks_use():
    desks, topics = text.desks().values(), text.coverage_topics()
    used = {tag for desk in desks for tag in desk["tags"]}
    used |= {tag for desk in desks for story in desk["stories"] for tag in story["tags"]}
    used |= {tag for topic in topics for tag in topic["tags"]}
    assert used == set(world.TAGS)
    assert 35 <= len(world.TAGS) <= 50


def test_pictures_are_deterministic_jpegs_of_the_right_size():
    from PIL import Image

    first = images.scene_jpeg("harbour", 7)
    assert first == images.scene_jpeg("harbour", 7)
    assert first != images.scene_jpeg("harbour", 8)
    picture = Image.open(io.BytesIO(first))
    assert (picture.format, picture.size) == ("JPEG", (1600, 900))
    portrait = Image.open(io.BytesIO(images.portrait_jpeg(1)))
    assert portrait.size == (images.PORTRAIT_SIZE, images.PORTRAIT_SIZE)


# -- the full demo: slower, so one test -------------------------------------------------


@pytest.mark.django_db
def test_the_full_demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    summary = build_demo()
    articles = english(ArticlePage.objects.all())
    assert summary.articles == articles.count() >= 150
    assert summary.images >= 30
    minutes = set(articles.values_list("reading_minutes", flat=True))
    assert min(minutes) == 2 and max(minutes) >= 5
    per_section = Counter(article.get_parent().slug for article in articles)
    assert len(per_section) == 19 and min(per_section.values()) >= 4
    assert_translations_linked()
