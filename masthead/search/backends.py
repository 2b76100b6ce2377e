"""Which search engine answers: read from one URL, so an operator changes a variable only.

This module imports nothing from Django apps: settings.py calls `search_backends()` with
the value of SEARCH_URL while Django is still starting.

    (unset) or database                 Wagtail's database backend: SQLite FTS5, or
                                        PostgreSQL full-text search on PostgreSQL
    opensearch://host:9200              OpenSearch 3 (opensearch2:// for OpenSearch 2)
    elasticsearch://host:9200           Elasticsearch 9 (elasticsearch7:// and 8:// too)
    opensearch+https://user:pw@host/    the same over HTTPS, with credentials

A path after the host (`opensearch://host:9200/news_`) sets the index-name prefix, so
several sites can share one cluster; the default prefix is `masthead_`.
"""

from urllib.parse import urlsplit, urlunsplit

DATABASE_BACKEND = "wagtail.search.backends.database"

ENGINES = {
    "opensearch": "wagtail.search.backends.opensearch3",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
}
DEFAULT_INDEX_PREFIX = "masthead_"


class SearchURLError(ValueError):
    pass


def search_backends(url, *, timeout=10):
    """The WAGTAILSEARCH_BACKENDS setting for a SEARCH_URL value."""
    url = (url or "").strip()
    if url in {"", "database", "db"}:
        return {"default": {"BACKEND": DATABASE_BACKEND}}
    parts = urlsplit(url)
    engine, _, transport = parts.scheme.lower().partition("+")
    if engine not in ENGINES:
        known = ", ".join(sorted(ENGINES))
        raise SearchURLError(f"SEARCH_URL: unknown engine {engine!r}; use one of {known}")
    if transport not in {"", "http", "https"}:
        raise SearchURLError(f"SEARCH_URL: unknown transport {transport!r}; use http or https")
    if not parts.hostname:
        raise SearchURLError("SEARCH_URL: the address needs a host, e.g. opensearch://host:9200")
    prefix = parts.path.strip("/") or DEFAULT_INDEX_PREFIX
    address = urlunsplit((transport or "http", parts.netloc, "", "", ""))
    return {
        "default": {
            "BACKEND": ENGINES[engine],
            "URLS": [address],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": timeout,
        }
    }
