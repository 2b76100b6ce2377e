"""Videos in headless Chromium: the click-to-play facade keeps readers' browsers away from
video platforms until they press play; video pages, series and listings pass axe-core.

The demo (built once per module, conftest.py) links its videos to platforms, so every
video page here starts with a facade. Chromium resolves only the live server; a request
to a platform fails, but Playwright still sees it being made, which is what we count.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import horizontal_overflow, serious_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LOCAL_HOSTS = {"localhost", "127.0.0.1"}


def demo_video(**filters):
    """The newest English demo video matching `filters` (the tests read English labels)."""
    from masthead.media.models import VideoPage

    videos = VideoPage.objects.published().filter(locale__language_code="en", **filters)
    return videos.order_by("-published_at").first()


def record_hosts(page):
    """Every host the page asks for, in order, from now on."""
    hosts = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname))
    return hosts


def third_party(hosts):
    return sorted({host for host in hosts if host not in LOCAL_HOSTS})


def test_no_request_to_the_platform_before_the_click(demo_site, new_page):
    video = demo_video(embed_url__startswith="https://www.youtube.com/")
    page = new_page()
    hosts = record_hosts(page)
    page.goto(demo_site.absolute(video.url))
    page.wait_for_load_state("networkidle")
    facade = page.locator("[data-video-facade]")
    expect(facade).to_be_visible()
    expect(facade).to_contain_text("Loads from YouTube")
    assert page.locator("iframe").count() == 0
    assert third_party(hosts) == [], f"requests before the click: {third_party(hosts)}"

    page.get_by_role("button", name=f"Play video: {video.title}").click()
    frame = page.locator(".video-facade iframe")
    expect(frame).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
    )
    expect(frame).to_have_attribute("title", video.title)
    page.wait_for_timeout(300)
    # Only now does the browser try the platform (the privacy-enhanced host).
    assert "www.youtube-nocookie.com" in third_party(hosts)
    assert "www.youtube.com" not in hosts


def test_space_on_the_facade_plays_too(demo_site, new_page):
    video = demo_video(embed_url__startswith="https://vimeo.com/")
    page = new_page()
    page.goto(demo_site.absolute(video.url))
    button = page.get_by_role("button", name=f"Play video: {video.title}")
    button.focus()
    page.keyboard.press("Space")
    expect(page.locator(".video-facade iframe")).to_have_attribute(
        "src", "https://player.vimeo.com/video/1084537?autoplay=1&dnt=1"
    )


def test_without_javascript_the_facade_is_a_link_to_the_platform(demo_site, new_page):
    video = demo_video(embed_url__startswith="https://www.youtube.com/")
    page = new_page(java_script_enabled=False)
    hosts = record_hosts(page)
    page.goto(demo_site.absolute(video.url))
    link = page.get_by_role("link", name=f"Play video: {video.title}")
    expect(link).to_have_attribute("href", video.embed_url)
    assert page.locator("iframe").count() == 0
    assert third_party(hosts) == []


def test_episodes_lead_to_the_next_and_back(demo_site, new_page):
    from masthead.media.models import SeriesPage

    series = SeriesPage.objects.get(slug="the-town-hall-hour")
    page = new_page()
    page.goto(demo_site.absolute(series.url))
    episodes = page.locator(".episode-list .teaser-title a")
    expect(episodes).to_have_count(3)
    episodes.first.click()
    expect(page.locator(".story-kicker")).to_contain_text("Episode 1")
    page.locator(".episode-nav a[rel=next]").click()
    expect(page.locator(".story-kicker")).to_contain_text("Episode 2")
    page.locator(".episode-nav a[rel=prev]").click()
    expect(page.locator(".story-kicker")).to_contain_text("Episode 1")
    expect(page.locator(".episode-nav a[rel=prev]")).to_have_count(0)


def uploaded_video():
    """A video with an uploaded file and captions, added to the demo for this test."""
    from masthead.media.models import VideoSectionPage
    from tests.media import video_factories

    section = VideoSectionPage.objects.get(slug="explainers")
    return video_factories.make_video(
        section,
        "Uploaded explainer",
        video_file=video_factories.make_video_file(captions=video_factories.CAPTIONS),
        poster=demo_video().poster,
        transcript="<p>Every word of it.</p>",
    )


@pytest.mark.parametrize("width", [1366, 390], ids=["desktop", "phone"])
def test_video_pages_series_and_listings_pass_axe(demo_site, new_page, screenshot, width):
    from masthead.media.models import SeriesPage

    uploaded = uploaded_video()
    pages = {
        "video-embed": demo_video(embed_url__startswith="https://www.youtube.com/").url,
        "video-upload": uploaded.url,
        "series": SeriesPage.objects.get(slug="small-trades").url,
        "video-listing": "/en/videos/tv/",
        "videos": "/en/videos/",
    }
    page = new_page(width=width)
    hosts = record_hosts(page)
    problems = {}
    for name, path in pages.items():
        page.goto(demo_site.absolute(path))
        page.wait_for_load_state("networkidle")
        screenshot(page, f"{name}-{width}")
        found = serious_axe_violations(page)
        if found:
            problems[name] = found
        assert horizontal_overflow(page) <= 1, f"{name} scrolls sideways at {width}px"
    assert problems == {}, "\n".join(f"{name}:\n" + "\n".join(p) for name, p in problems.items())
    assert third_party(hosts) == []
    # The native player came with its captions track, and the listing with running times.
    page.goto(demo_site.absolute(uploaded.url))
    expect(page.locator("video track[kind=captions]")).to_have_count(1)
    page.goto(demo_site.absolute("/en/videos/tv/"))
    expect(page.locator(".video-duration").first).to_be_visible()
