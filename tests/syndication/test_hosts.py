"""Feeds and sitemaps link to the scheme and host they were asked on, and the cache keeps
one body per host: a copy built for one name is never served on another."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from masthead.live.liveblog import liveblog_post
from masthead.syndication.models import SyndicationSettings
from tests import factories

HERE, THERE = "127.0.0.1:8000", "localhost"
OUR_NAMES = {"localhost", "127.0.0.1", "testserver"}
URL = re.compile(r"https?://[^\s\"'<>]+")

DOCUMENTS = [
    "/feed/",
    "/feed/atom/",
    "/en/feed/",
    "/en/news/politics/feed/atom/",
    "/en/regions/europe/feed/",
    "/sitemap.xml",
    "/sitemap-en.xml",
    "/sitemap-en-news.xml",
    "/news-sitemap.xml",
    "/robots.txt",
]


@pytest.fixture
def settled(desk):
    """The settings row made, as on any site that has served a feed: its first creation
    is a change that starts every cached body afresh, which would hide a shared one."""
    SyndicationSettings.for_site(desk["home"].get_site())
    return desk


def our_urls(response):
    found = URL.findall(response.content.decode())
    return [url for url in found if urlsplit(url).hostname in OUR_NAMES]


@pytest.mark.parametrize("path", DOCUMENTS)
def test_links_follow_the_host_and_each_host_has_its_own_cached_copy(settled, path):
    there = Client(HTTP_HOST=THERE).get(path)  # built first, and cached
    here = Client(HTTP_HOST=HERE).get(path)
    again = Client(HTTP_HOST=HERE).get(path)
    assert here.status_code == there.status_code == 200
    urls = our_urls(here)
    assert urls, f"{path}: no link of ours to check"
    assert all(url.startswith(f"http://{HERE}/") for url in urls), urls[:5]
    assert all(url.startswith(f"http://{THERE}/") for url in our_urls(there))
    if "ETag" in here:
        assert here["ETag"] != there["ETag"]
        assert again["ETag"] == here["ETag"]
    assert again.content == here.content


def test_https_when_the_proxy_says_so_and_is_trusted(settled, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    plain = Client(HTTP_HOST=HERE).get("/en/feed/")
    secure = Client(HTTP_HOST=HERE, HTTP_X_FORWARDED_PROTO="https").get("/en/feed/")
    assert all(url.startswith(f"http://{HERE}/") for url in our_urls(plain))
    assert all(url.startswith(f"https://{HERE}/") for url in our_urls(secure))


def structured_urls(response):
    """The URLs of a reader page's JSON-LD, canonical link and Open Graph tags."""
    text = response.content.decode()
    head = text[: text.index("</head>")]
    return [url for url in URL.findall(head) if urlsplit(url).hostname in OUR_NAMES]


@pytest.mark.parametrize("kind", ["story", "live blog"])
def test_reader_pages_structured_data_follows_the_host(settled, kind):
    if kind == "story":
        page = settled["story"]
    else:
        page = factories.make_live_blog(settled["politics"], "Count night")
        liveblog_post(blog=page, text="First results.")
    response = Client(HTTP_HOST=HERE).get(page.url)
    assert response.status_code == 200
    urls = structured_urls(response)
    assert f"http://{HERE}{page.url}" in urls
    assert all(url.startswith(f"http://{HERE}/") for url in urls), urls
