"""Render time and query count of each reader page type, written to docs/benchmarks.md.

Run by hand, not by the test suite (speed is measured here, never asserted in tests):

    MASTHEAD_DATA_DIR=/tmp/bench .venv/bin/python bench/pages.py [--articles 160] [--runs 30]

It builds the demo content into that data folder when it is empty, renders every page type
through Django's test client once to warm image renditions, then times `--runs` renders of
each and records the median, the 90th percentile and the queries of one render.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from masthead.live.models import LiveBlogPage, LiveTvPage  # noqa: E402
from masthead.media.models import GalleryPage, InfographPage, VideoPage  # noqa: E402
from masthead.news.models import ArticlePage, Author, Coverage, Region, SectionPage  # noqa: E402


def pages():
    """One URL per reader page type, taken from the demo content."""

    def newest(code):
        articles = ArticlePage.objects.published().filter(locale__language_code=code)
        return articles.order_by("-published_at").first()

    article = newest("en")
    section = SectionPage.objects.filter(depth=3).order_by("path").first()
    subsection = SectionPage.objects.filter(depth=4).order_by("path").first()
    tag = article.tags.first()
    blog = LiveBlogPage.objects.published().first()
    return {
        "home": "/en/",
        "section": section.url,
        "subsection": subsection.url,
        "article": article.url,
        "region": f"/en/regions/{Region.objects.first().slug}/",
        "tag": f"/en/tags/{tag.slug}/",
        "author": f"/en/authors/{Author.objects.first().slug}/",
        "authors directory": "/en/authors/",
        "coverage": f"/en/coverage/{Coverage.objects.first().slug}/",
        "live blog": blog.url,
        "LIVE TV": LiveTvPage.objects.first().url,
        "video": VideoPage.objects.published().first().url,
        "gallery": GalleryPage.objects.published().first().url,
        "infograph": InfographPage.objects.published().first().url,
        "search": "/en/search/?q=council",
        # The other editions: the same pages, in Arabic (right to left) and Spanish.
        "home (ar)": "/ar/",
        "article (ar)": newest("ar").url,
        "search (ar, folded)": "/ar/search/?q=%D8%A7%D9%84%D9%85%D8%AC%D9%84%D8%B3",
        "home (es)": "/es/",
        "article (es)": newest("es").url,
        "RSS feed (edition)": "/en/feed/",  # the body is cached; routing still queries
        "sitemap (edition)": "/sitemap-en.xml",
        # What every open page polls each second: a cache read between changes.
        "breaking.json (poll)": "/en/breaking.json",
        "live blog updates.json (poll)": f"/en/live-blogs/{blog.pk}/updates.json",
    }


def measure(client, url, runs):
    client.get(url)  # warm: renditions are made on the first render
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    # Count now: every request that follows starts by emptying the connection's query log.
    query_count = len(queries.captured_queries)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p90": timings[int(len(timings) * 0.9) - 1],
        "queries": query_count,
    }


def report(results, *, articles, runs):
    engine = connection.vendor
    lines = [
        "# Benchmarks: reader pages",
        "",
        "Made by `bench/pages.py` (run by hand). Server-side render time through Django's",
        "test client, without any page cache, and the SQL queries of one render.",
        "",
        f"- Articles in the database: {articles}; renders per page: {runs}",
        f"- Database: {engine}; Python {platform.python_version()}; {platform.machine()},"
        f" {os.cpu_count()} CPUs",
        "",
        "| Page | Median ms | p90 ms | Queries |",
        "|---|---:|---:|---:|",
    ]
    for name, row in results.items():
        lines.append(f"| {name} | {row['median']:.1f} | {row['p90']:.1f} | {row['queries']} |")
    lines += [
        "",
        "Query counts do not grow with the archive: `tests/news/test_query_budgets.py` asserts",
        "the same cap with 10 and with 300 articles.",
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=160)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()

    call_command("migrate", interactive=False, verbosity=0)
    if not ArticlePage.objects.exists():
        call_command("demo", articles=args.articles)
    # Keep one connection across renders, so queries can be counted and connecting is not
    # what gets timed.
    request_finished.disconnect(close_old_connections)
    client = Client(HTTP_HOST="localhost")
    results = {name: measure(client, url, args.runs) for name, url in pages().items()}
    text = report(results, articles=ArticlePage.objects.count(), runs=args.runs)
    Path(args.output).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
