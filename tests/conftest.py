"""Fixtures shared by the whole suite: media in a temporary folder, a clean cache per test,
a reader's test client on the site's host, and a small newsroom to report from."""

import json
import uuid

import lxml.html
import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction
from django.test import Client, override_settings

from tests import factories

SITE_HOST = "localhost"


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploaded images and their renditions go to a throwaway folder."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(scope="session", autouse=True)
def _cache_prefix():
    """On a shared Redis, keep this run's keys apart so clearing them touches nothing else."""
    from django.conf import settings

    config = {alias: dict(options) for alias, options in settings.CACHES.items()}
    config["default"]["KEY_PREFIX"] = f"masthead-test-{uuid.uuid4().hex[:12]}"
    with override_settings(CACHES=config):
        yield config["default"]["KEY_PREFIX"]


def clear_cache(prefix):
    if isinstance(caches["default"], RedisCache):
        client = caches["default"]._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    else:
        for alias in caches:  # the default cache and the renditions cache
            caches[alias].clear()


@pytest.fixture(autouse=True)
def _clean_cache(_cache_prefix):
    """Wagtail caches site root paths and renditions; ids are reused after a rollback."""
    clear_cache(_cache_prefix)
    yield
    clear_cache(_cache_prefix)


@pytest.fixture
def client():
    """A reader's browser on the default site's host."""
    return Client(HTTP_HOST=SITE_HOST)


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def site_settings(db):
    return factories.configure_site()


def parse(response):
    """The response body as an lxml document."""
    return lxml.html.fromstring(response.content.decode())


def by_class(tree, name, tag="*"):
    """Elements whose class list contains `name` (lxml has no CSS without cssselect)."""
    return tree.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def one(tree, name, tag="*"):
    found = by_class(tree, name, tag)
    assert len(found) == 1, f"expected one .{name}, found {len(found)}"
    return found[0]


def text_of(element):
    return " ".join(element.text_content().split())


def json_ld_node(tree, schema_type):
    """The node of `schema_type` in the page's JSON-LD, which is one block (a graph)."""
    scripts = tree.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1, f"expected one JSON-LD block, found {len(scripts)}"
    data = json.loads(scripts[0].text)
    assert data["@context"] == "https://schema.org"
    nodes = [node for node in data["@graph"] if node["@type"] == schema_type]
    assert len(nodes) == 1, f"expected one {schema_type}, found {len(nodes)}"
    return nodes[0]


def links(element):
    return [a.get("href") for a in element.iter("a")]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # A test whose content is built once per module still needs the test database: the
    # mark makes pytest-django create it (and wraps the test in its own savepoint). This
    # runs before pytest-django orders tests by database use, so it sees the mark.
    for item in items:
        if "module_db" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """For a module that builds its content once: all of it is rolled back after the
    module's last test. Tests that write run in a savepoint inside."""
    name = str(connection.settings_dict["NAME"])
    assert name.startswith(("file:memorydb", "test_")), f"not a test database: {name}"
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def newsroom(db):
    """A small newsroom: sections with subsections, regions, authors, coverage topics."""
    return factories.build_newsroom()
