"""SEARCH_URL picks the engine. No OpenSearch or Elasticsearch runs in the test suite, so
these check the configuration each value produces, not a cluster."""

import pytest
from django.conf import settings
from wagtail.search.backends import get_search_backend

from masthead.search.backends import SearchURLError, search_backends


def test_the_database_backend_is_the_default():
    for value in (None, "", "  ", "database"):
        assert search_backends(value) == {
            "default": {"BACKEND": "wagtail.search.backends.database"}
        }
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].endswith(".database")


@pytest.mark.django_db
def test_the_database_backend_follows_the_database():
    from django.db import connection

    backend = type(get_search_backend()).__name__
    expected = {"sqlite": "SQLiteSearchBackend", "postgresql": "PostgresSearchBackend"}
    assert backend == expected[connection.vendor]


@pytest.mark.parametrize(
    ("url", "module", "address", "prefix"),
    [
        ("opensearch://search:9200", "opensearch3", "http://search:9200", "masthead_"),
        ("opensearch2://search:9200/", "opensearch2", "http://search:9200", "masthead_"),
        (
            "opensearch+https://user:secret@os.example.org/news_",
            "opensearch3",
            "https://user:secret@os.example.org",
            "news_",
        ),
        ("elasticsearch://es:9200", "elasticsearch9", "http://es:9200", "masthead_"),
        ("elasticsearch8://es:9200/site2_", "elasticsearch8", "http://es:9200", "site2_"),
        ("elasticsearch7+http://es:9200", "elasticsearch7", "http://es:9200", "masthead_"),
    ],
)
def test_search_engines_by_url(url, module, address, prefix):
    config = search_backends(url, timeout=3)["default"]
    assert config == {
        "BACKEND": f"wagtail.search.backends.{module}",
        "URLS": [address],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": 3,
    }


@pytest.mark.parametrize(
    "url", ["solr://host:8983", "opensearch+ftp://host", "opensearch://", "http://host:9200"]
)
def test_unknown_values_fail_loudly_at_startup(url):
    with pytest.raises(SearchURLError):
        search_backends(url)
