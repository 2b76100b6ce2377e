"""Content for tests: small functions that build exactly what a test asks for.

Pages are created with Wagtail's `add_child`, so the tree, paths and URLs are real, but
without updating the search and reference indexes, which reader pages do not use and which
are most of the cost of saving a page. Images are tiny PNGs painted in memory, saved under
the test MEDIA_ROOT (see conftest).
"""

import io
import itertools
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.files.images import ImageFile
from django.test import override_settings
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image
from wagtail.models import Locale, Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from masthead.analytics.models import ArticleView
from masthead.core.models import (
    ContactFormField,
    ContactPage,
    HomePage,
    SiteSettings,
    StandardPage,
)
from masthead.live.models import BreakingItem, LiveBlogPage, LiveTvPage, Programme
from masthead.media.models import NewsImage
from masthead.news.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleType,
    Author,
    Coverage,
    CoveragePin,
    Region,
    SectionPage,
)

_sequence = itertools.count(1)


@contextmanager
def without_indexing():
    """Build content without updating Wagtail's reference index and search index.

    Reader pages use neither, and they are most of the cost of saving a page.
    """
    backends = {
        name: {**config, "AUTO_UPDATE": False}
        for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with disable_reference_index_auto_update(), override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield


def _next():
    return next(_sequence)


def home_page():
    """The English edition's home, created by the data migration (the site's root page;
    other editions' homes are its translations)."""
    return HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)


def png_file(name="picture.png", size=(64, 36), colour=(150, 40, 50)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    buffer.seek(0)
    return ImageFile(buffer, name=name)


def make_image(title=None, *, caption="", credit="", size=(64, 36)):
    number = _next()
    title = title or f"Picture {number}"
    colour = (number * 37 % 256, number * 91 % 256, number * 53 % 256)
    return NewsImage.objects.create(
        title=title,
        file=png_file(f"picture-{number}.png", size=size, colour=colour),
        caption=caption,
        credit=credit,
    )


def make_section(parent=None, title=None, *, slug=None, show_in_menus=True, intro="", live=True):
    parent = parent or home_page()
    title = title or f"Section {_next()}"
    section = SectionPage(
        title=title,
        slug=slug or slugify(title),
        intro=intro,
        show_in_menus=show_in_menus,
        live=live,
    )
    with without_indexing():
        parent.add_child(instance=section)
    return section


def make_region(name=None, *, slug=None, sort_order=0, locale=None):
    name = name or f"Region {_next()}"
    return Region.objects.create(
        name=name,
        slug=slug or slugify(name),
        sort_order=sort_order,
        locale=locale or home_page().locale,
    )


def make_author(name=None, *, slug=None, photo=None, bio="", role="", social_handle=""):
    name = name or f"Reporter {_next()}"
    return Author.objects.create(
        name=name,
        slug=slug or slugify(name),
        photo=photo,
        bio=bio,
        role=role,
        social_handle=social_handle,
    )


def make_coverage(title=None, *, slug=None, active=True, sort_order=0, description=""):
    title = title or f"Coverage {_next()}"
    return Coverage.objects.create(
        title=title,
        slug=slug or slugify(title),
        active=active,
        sort_order=sort_order,
        description=description,
        locale=home_page().locale,
    )


def pin(coverage, *articles):
    for order, article in enumerate(articles):
        CoveragePin.objects.create(coverage=coverage, article=article, sort_order=order)


def paragraph(words=20, word="news"):
    return ("paragraph", "<p>" + " ".join([word] * words) + "</p>")


def make_article(
    section,
    title=None,
    *,
    slug=None,
    standfirst="A short summary of what happened.",
    body=None,
    lead_image=None,
    lead_image_caption="",
    lead_image_alt="",
    authors=(),
    tags=(),
    regions=(),
    coverage=(),
    article_type=ArticleType.NEWS,
    source="",
    published_at=None,
    updated_at=None,
    live=True,
):
    """A story in `section`. `published_at=None` on a live story means "now"."""
    title = title or f"Story number {_next()}"
    article = ArticlePage(
        title=title,
        slug=slug or slugify(title),
        standfirst=standfirst,
        body=body if body is not None else [paragraph()],
        lead_image=lead_image,
        lead_image_caption=lead_image_caption,
        lead_image_alt=lead_image_alt,
        article_type=article_type,
        source=source,
        published_at=published_at,
        updated_at=updated_at,
        live=live,
        first_published_at=published_at if live else None,
    )
    article.regions = list(regions)
    article.coverage = list(coverage)
    for order, author in enumerate(authors):
        article.article_authors.add(ArticleAuthor(author=author, sort_order=order))
    if tags:
        article.tags.add(*tags)
    with without_indexing():
        section.add_child(instance=article)
    return article


def add_views(article, views, *, hours_ago=1):
    hour = (timezone.now() - timedelta(hours=hours_ago)).replace(minute=0, second=0, microsecond=0)
    return ArticleView.objects.create(article=article, hour=hour, views=views)


def make_breaking(text=None, *, attribution="", article=None, minutes_ago=0, expires_in=None):
    """A breaking line created `minutes_ago`; `expires_in` in minutes (negative: expired)."""
    now = timezone.now()
    return BreakingItem.objects.create(
        text=text or f"Breaking line {_next()}",
        attribution=attribution,
        article=article,
        created_at=now - timedelta(minutes=minutes_ago),
        expires_at=None if expires_in is None else now + timedelta(minutes=expires_in),
    )


def make_live_blog(
    section,
    title=None,
    *,
    slug=None,
    standfirst="Follow the count as it happens.",
    introduction="<p>Polls closed at eight; results arrive through the night.</p>",
    lead_image=None,
    status="live",
    authors=(),
    regions=(),
    tags=(),
    started_minutes_ago=60,
    live=True,
):
    """A live blog in `section`, started `started_minutes_ago`, without updates."""
    title = title or f"Live blog {_next()}"
    started = timezone.now() - timedelta(minutes=started_minutes_ago)
    blog = LiveBlogPage(
        title=title,
        slug=slug or slugify(title),
        standfirst=standfirst,
        introduction=introduction,
        lead_image=lead_image,
        status=status,
        live=live,
        first_published_at=started if live else None,
        last_published_at=started if live else None,
    )
    blog.authors = list(authors)
    blog.regions = list(regions)
    if tags:
        blog.tags.add(*tags)
    with without_indexing():
        section.add_child(instance=blog)
    return blog


def make_live_tv_page(title="LIVE", *, slug="live", intro="", programmes=(), parent=None):
    """The LIVE TV page; `programmes` are (starts_at, title) or (starts_at, title, link)."""
    page = LiveTvPage(title=title, slug=slug, intro=intro, show_in_menus=True)
    for order, (starts_at, name, *link) in enumerate(programmes):
        page.programmes.add(
            Programme(
                starts_at=starts_at,
                title=name,
                description=f"About {name}.",
                link=link[0] if link else None,
                sort_order=order,
            )
        )
    with without_indexing():
        (parent or home_page()).add_child(instance=page)
    return page


def make_standard_page(title="About Us", *, slug=None, intro="", body=None, parent=None):
    page = StandardPage(title=title, slug=slug or slugify(title), intro=intro, body=body or [])
    with without_indexing():
        (parent or home_page()).add_child(instance=page)
    return page


def make_contact_page(title="Contact Us", *, slug="contact-us"):
    page = ContactPage(
        title=title,
        slug=slug,
        intro="<p>Write to the newsroom.</p>",
        thank_you_text="<p>Thanks, the newsroom has your message.</p>",
    )
    page.form_fields.add(
        ContactFormField(label="Your name", field_type="singleline", required=True, sort_order=0)
    )
    page.form_fields.add(
        ContactFormField(label="Email", field_type="email", required=True, sort_order=1)
    )
    page.form_fields.add(
        ContactFormField(label="Message", field_type="multiline", required=True, sort_order=2)
    )
    with without_indexing():
        home_page().add_child(instance=page)
    return page


def configure_site(**fields):
    """Fill the editable site settings for the default site."""
    values = {
        "site_name": "The Daily Test",
        "slogan": "News you can test",
        "about": "The Daily Test is a newsroom that exists only in the test suite.",
        "copyright_line": "All Rights Reserved",
        "x_url": "https://x.com/dailytest",
        "facebook_url": "https://www.facebook.com/dailytest",
        "telegram_url": "https://t.me/dailytest",
        "android_app_url": "https://play.google.com/store/apps/details?id=test.daily",
        "ios_app_url": "https://apps.apple.com/app/daily-test/id1",
    }
    values.update(fields)
    site = home_page().get_site()
    site_settings = SiteSettings.for_site(site)
    for name, value in values.items():
        setattr(site_settings, name, value)
    site_settings.save()
    return site_settings


def set_footer_links(*pages):
    site_settings = SiteSettings.for_site(home_page().get_site())
    site_settings.footer_links = [("page", page) for page in pages]
    site_settings.save()
    return site_settings


def build_newsroom():
    """Site settings, sections with subsections, regions, authors and coverage topics."""
    home = home_page()
    site_settings = configure_site()
    news = make_section(home, "News", slug="news")
    politics = make_section(news, "Politics", slug="politics")
    economy = make_section(news, "Economy", slug="economy")
    articles = make_section(home, "Articles", slug="articles")
    opinion = make_section(articles, "Opinion", slug="opinion")
    europe = make_region("Europe", slug="europe", sort_order=1)
    africa = make_region("Africa", slug="africa", sort_order=0)
    photo = make_image("Portrait", caption="A portrait", credit="Staff")
    writer = make_author(
        "Jane Writer",
        slug="jane-writer",
        photo=photo,
        bio="Jane covers parliament and the budget.",
        role="Political editor",
        social_handle="janewriter",
    )
    critic = make_author("Sam Critic", slug="sam-critic", bio="Sam writes columns.")
    election = make_coverage("Election 2030", slug="election-2030", sort_order=0)
    floods = make_coverage("River Floods", slug="river-floods", sort_order=1)
    return {
        "home": home,
        "settings": site_settings,
        "news": news,
        "politics": politics,
        "economy": economy,
        "articles": articles,
        "opinion": opinion,
        "europe": europe,
        "africa": africa,
        "writer": writer,
        "critic": critic,
        "election": election,
        "floods": floods,
    }


def translate(page, code, *, title=None, slug=None, publish=True, **fields):
    """The page's translation into edition `code`, the way simple translation's *Translate*
    makes it (a draft copy under the parent's translation), published unless told not to."""
    with without_indexing():
        copy = page.specific.copy_for_translation(Locale.objects.get(language_code=code))
        # As the editor finds it: the draft, after the copy's signal handlers changed it.
        translation = Page.objects.get(pk=copy.pk).specific.get_latest_revision_as_object()
        translation.title = title or translation.title
        translation.slug = slug or translation.slug
        for name, value in fields.items():
            setattr(translation, name, value)
        revision = translation.save_revision()
        if publish:
            revision.publish()
    return translation.specific_class.objects.get(pk=translation.pk)


def open_edition(code, title=None):
    """Edition `code`'s home page: the English home translated and published."""
    return translate(home_page(), code, title=title or f"Home ({code})")
