"""Fixtures for the browser tests: Debian's Chromium through Playwright, a live server
filled with a small demo, and screenshots.

Nothing here downloads a browser: Playwright launches /usr/bin/chromium by path. Without
that binary the tests skip, unless MASTHEAD_REQUIRE_BROWSER=1 (CI) makes them fail.
"""

import os
import shutil
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import dateformat, timezone
from playwright.sync_api import expect

CHROMIUM = Path(os.environ.get("MASTHEAD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Only the live server resolves: a request anywhere else fails instead of leaving.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
DEMO_ARTICLES = 30
DOCS_DIR = Path(__file__).resolve().parents[2] / "docs"

# A loaded machine (CI, a parallel run) can be slow to lay out a long page.
expect.set_options(timeout=10_000)

# Blocks every reference-page article shows in its body.
ALL_BODY_BLOCKS = {"paragraph", "subheading", "image", "quote", "read_next", "related_news"}


# --- Chromium -------------------------------------------------------------------------------


@contextmanager
def orm_beside_playwright():
    """Let the test thread use the ORM while Playwright's sync API is running.

    Playwright keeps an asyncio loop registered as running on this thread. Django would
    then refuse ORM calls as "async unsafe", and asgiref would hand this thread a second
    set of database connections (without the test database's serialized contents, and
    not the ones the live server shares). Allow the calls, and keep the thread on its own
    connections, for as long as the browser runs; other test modules keep the check.
    """
    from django.db import connections

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    wrappers = {alias: connections[alias] for alias in connections}

    def keep_connections():
        for alias, wrapper in wrappers.items():
            connections[alias] = wrapper

    try:
        yield keep_connections
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def chromium_missing():
    """Why the browser tests cannot run here, or None when they can."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return None
    return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"


def browser_required():
    return os.environ.get("MASTHEAD_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    """Without Chromium, skip the browser tests before any database is set up for them."""
    reason = chromium_missing()
    if reason is None or browser_required():
        return
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="module", autouse=True)
def _chromium_installed():
    """CI sets MASTHEAD_REQUIRE_BROWSER=1: there a missing Chromium fails the tests."""
    reason = chromium_missing()
    if reason is not None:
        if browser_required():
            pytest.fail(f"MASTHEAD_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(_chromium_installed):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with orm_beside_playwright() as keep_connections:
        playwright = sync_playwright().start()
        # The loop now runs: point this thread's (loop-scoped) connections at its own.
        keep_connections()
        try:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield browser
            finally:
                browser.close()
        finally:
            for alias in connections:
                with suppress(AttributeError):
                    del connections[alias]
            playwright.stop()


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh browser context (own cookies, cache and options)."""
    contexts = []

    def open_page(*, width=1366, height=900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


# --- The live site ----------------------------------------------------------------------------


@contextmanager
def media_served_from(root):
    """Store and serve uploaded and generated images from `root`."""
    from django.test import override_settings
    from django.urls import get_resolver

    with override_settings(MEDIA_ROOT=str(root)):
        # masthead/urls.py reads MEDIA_ROOT once, when it is imported; follow the override.
        patched = []
        for pattern in get_resolver().url_patterns:
            args = getattr(pattern, "default_args", None) or {}
            if "document_root" in args:
                patched.append((args, args["document_root"]))
                args["document_root"] = str(root)
        try:
            yield
        finally:
            for args, original in patched:
                args["document_root"] = original


@dataclass
class Story:
    """What a reader should see of one article, read from the database once."""

    pk: int
    url: str  # path, e.g. /en/news/health/some-story/
    title: str
    standfirst: str
    source: str
    dateline: str  # '9 Jul 2022 07:45' in the site's time zone
    reading_minutes: int
    authors: list  # [(name, slug)]
    tag_count: int
    section: str  # the top-level section, which has a sub-menu ...
    subsection: str  # ... and the subsection the story is filed in
    subsection_url: str


@dataclass
class DemoSite:
    url: str  # the live server's origin, e.g. http://localhost:41234
    site_name: str
    slogan: str
    about: str
    copyright_line: str
    article: Story  # shows every reference-page element
    authored: Story  # has a byline with at least one author

    def absolute(self, path):
        return self.url + path


def shown_date(value):
    """A date as the article page prints it: '9 Jul 2022 07:45' in the site's time zone."""
    return dateformat.format(timezone.localtime(value), "j M Y H:i")


def story_facts(article):
    subsection = article.get_parent().specific
    section = subsection.get_parent().specific
    links = article.article_authors.select_related("author").order_by("sort_order")
    return Story(
        pk=article.pk,
        url=article.url,
        title=article.title,
        standfirst=article.standfirst,
        source=article.source,
        dateline=shown_date(article.published_at),
        reading_minutes=article.reading_minutes,
        authors=[(link.author.name, link.author.slug) for link in links],
        tag_count=article.tags.count(),
        section=section.title,
        subsection=subsection.title,
        subsection_url=subsection.url,
    )


def in_menu_subsection(article):
    """True when the story is filed in a subsection reached through a sub-menu."""
    from masthead.news.models import SectionPage

    subsection = article.get_parent().specific
    section = subsection.get_parent().specific
    return (
        isinstance(subsection, SectionPage)
        and isinstance(section, SectionPage)
        and subsection.live
        and subsection.show_in_menus
        and section.show_in_menus
    )


def body_blocks(article):
    return {block.block_type for block in article.body}


def complete_body(article, others):
    """Give the story any body block it lacks, so one page shows every element.

    The demo mixes blocks at random; when no story has them all, the test completes one
    (and says so) rather than skipping the checks.
    """
    missing = ALL_BODY_BLOCKS - body_blocks(article)
    extra = {
        "paragraph": "<p>Officials said more details would follow next week.</p>",
        "subheading": "What happens next",
        "image": {"image": article.lead_image, "caption": "A second picture", "credit": ""},
        "quote": {"text": "We will keep listening.", "attribution": "A spokesperson"},
        "read_next": {"article": others[0]},
        "related_news": {"articles": others[:3]},
    }
    for kind in sorted(missing):
        article.body.append((kind, extra[kind]))
    if missing:
        article.save()
        print(f"\nThe demo has no story with every body block; added {sorted(missing)}")


def pick_stories():
    """A story with every reference-page element, and one with a named byline."""
    from masthead.news.models import ArticlePage

    articles = list(
        ArticlePage.objects.published()
        .filter(lead_image__isnull=False)
        .exclude(source="")
        .order_by("-published_at")
    )
    candidates = [a for a in articles if in_menu_subsection(a) and a.tags.exists()]
    assert candidates, "the demo has no tagged story with a lead image and a source"

    def completeness(article):
        blocks = body_blocks(article)
        targets = [b.value["article"] for b in article.body if b.block_type == "read_next"]
        return (
            len(ALL_BODY_BLOCKS - blocks),
            not all(target is not None and target.live for target in targets),
            # The reference page is a News > Politics story with a named author.
            not article.article_authors.exists(),
            article.get_parent().slug != "politics",
        )

    article = min(candidates, key=completeness)
    complete_body(article, [a for a in articles if a.pk != article.pk])
    authored = [a for a in candidates if a.article_authors.exists()]
    assert authored, "the demo has no story with a named author"
    return story_facts(article), story_facts(authored[0])


def reset_sequences(connection):
    """Move id sequences past rows loaded with explicit ids (PostgreSQL needs this)."""
    from django.apps import apps
    from django.core.management.color import no_style

    models = apps.get_models(include_auto_created=True)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def warm_up(paths):
    from django.test import Client
    from django.utils import translation

    client = Client(HTTP_HOST="localhost")
    # Each request activates its edition's language on this thread and leaves it active;
    # put the language back, or tests that run next would format in Arabic or Spanish.
    with translation.override(translation.get_language()):
        for path in paths:
            response = client.get(path, follow=True)
            assert response.status_code == 200, f"{path} answered {response.status_code}"


@pytest.fixture(scope="module")
def demo_snapshot(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """Build the demo once per module and make it what each test's database starts from.

    Building takes several seconds; restoring a serialized copy takes about one. The
    browser tests are transactional (the live server reads what they write) and use
    `serialized_rollback`: before each test Django loads `_test_serialized_contents`, the
    database as migrations left it. For this module that copy is swapped for one taken
    right after building the demo; the migrations' copy is put back afterwards.
    """
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Site

    from masthead.core.models import SiteSettings
    from masthead.demo.build import build_demo

    with media_served_from(tmp_path_factory.mktemp("media")):
        with django_db_blocker.unblock():
            migrated = getattr(connection, "_test_serialized_contents", None)
            assert migrated is not None, (
                "browser tests need the django_db(serialized_rollback=True) marker"
            )
            # Start from the database as migrations leave it, whatever ran before.
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(migrated)
            reset_sequences(connection)
            try:
                build_demo(articles=DEMO_ARTICLES)
                site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
                article, authored = pick_stories()
                # Render the pages the tests visit once, so the snapshot holds their
                # image renditions and no test waits for Pillow.
                # A module whose pages make many renditions (a gallery: each photo in
                # several widths and formats) names them in `warm_up_paths()`: rendered
                # here, their renditions are in the snapshot instead of being made again,
                # slowly, in every test.
                extra = getattr(request.module, "warm_up_paths", list)()
                warm_up(["/", article.url, article.subsection_url, authored.url, *extra])
                facts = {
                    "site_name": site_settings.site_name,
                    "slogan": site_settings.slogan,
                    "about": site_settings.about,
                    "copyright_line": site_settings.copyright_line,
                    "article": article,
                    "authored": authored,
                }
                snapshot = connection.creation.serialize_db_to_string()
            finally:
                # Leave the database empty, as every transactional test does. Keep the
                # sequences past the demo's ids: each test loads them explicitly.
                call_command(
                    "flush",
                    interactive=False,
                    verbosity=0,
                    inhibit_post_migrate=True,
                    reset_sequences=False,
                )
        connection._test_serialized_contents = snapshot
        try:
            yield facts
        finally:
            connection._test_serialized_contents = migrated


@pytest.fixture
def demo_site(demo_snapshot, live_server):
    """The live server, its database holding the demo (restored before each test)."""
    return DemoSite(url=live_server.url, **demo_snapshot)


# --- Screenshots ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nBrowser test screenshots: {folder}")
    return folder


def save_screenshot(page, folder, name, *, full_page=True, docs_name=None):
    """Save a PNG in `folder`; with MASTHEAD_SCREENSHOTS=1 copy it to docs/`docs_name`."""
    path = Path(folder) / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    print(f"screenshot: {path}")
    if docs_name and os.environ.get("MASTHEAD_SCREENSHOTS") == "1":
        DOCS_DIR.mkdir(exist_ok=True)
        shutil.copyfile(path, DOCS_DIR / docs_name)
        print(f"screenshot: {DOCS_DIR / docs_name}")
    return path


@pytest.fixture
def screenshot(screenshot_dir):
    def take(page, name, **options):
        return save_screenshot(page, screenshot_dir, name, **options)

    return take
