"""LIVE TV in headless Chromium: the player really plays, through the browser's own HLS
and through our Media Source Extensions path, and says so politely when it cannot.

The demo's channel is the test pattern shipped in masthead/live/static (8 s of fMP4 HLS,
served by the live server). The MPEG-TS stream in tests/fixtures/hls is served to the page
by Playwright's routing, on the live server's own origin.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import horizontal_overflow, serious_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hls"
LIVE_PATH = "/en/live/"
PATTERN = "/static/masthead/live/test-pattern/"
UNAVAILABLE = "The live stream is unavailable right now. Please try again later."
# A browser without HLS of its own, as Chromium was until recently (and Firefox is).
NO_NATIVE_HLS = """
    const canPlayType = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type) {
        return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
    };
"""


def set_stream(url):
    from masthead.core.models import SiteSettings

    SiteSettings.objects.update(live_stream_url=url)


def open_live(new_page, demo_site, *, query="", native_hls=True, **options):
    page = new_page(**options)
    if not native_hls:
        page.add_init_script(NO_NATIVE_HLS)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_site.absolute(LIVE_PATH + query))
    page.wait_for_function("() => window.mastheadLiveTv !== undefined")
    return page, requests


def press_play(page):
    """The reader's click on play. Like the browser's own control it does not wait for
    playback: a play() the player has to repeat once its source is in is not a failure."""
    page.locator("video.live-video").evaluate("(video) => { video.play().catch(() => {}); }")


def play_until(page, seconds):
    """Press play and wait until the video has played `seconds`."""
    press_play(page)
    page.wait_for_function(
        f"() => document.querySelector('video.live-video').currentTime > {seconds}",
        timeout=20_000,
    )


def status(page):
    return page.locator("[data-live-status]")


def only_the_site(requests, demo_site):
    origin = demo_site.url + "/"
    return [url for url in requests if not url.startswith((origin, "data:", "blob:"))]


def test_the_channel_plays_in_chromium_the_way_chromium_chooses(demo_site, new_page, screenshot):
    page, requests = open_live(new_page, demo_site, height=1200)
    path = page.evaluate("() => window.mastheadLiveTv.path")
    assert path in {"native", "mse"}, path
    play_until(page, 1.5)
    expect(status(page)).to_be_empty()
    assert any(PATTERN in url for url in requests), "the stream was never requested"
    assert not only_the_site(requests, demo_site)
    page.locator("video.live-video").evaluate("(video) => { video.pause(); }")
    screenshot(page, "live-tv-desktop-1366", full_page=False, docs_name="screenshot-live-tv.png")
    print(f"\nChromium played the stream through the {path} path")


def test_without_native_hls_the_player_reads_the_playlists_itself(demo_site, new_page):
    page, requests = open_live(new_page, demo_site, native_hls=False)
    assert page.evaluate("() => window.mastheadLiveTv.path") == "mse"
    # The player reads both playlists and the init segment before it attaches its source.
    page.wait_for_function("() => document.querySelector('video.live-video').src !== ''")
    src = page.locator("video.live-video").evaluate("(video) => video.src")
    assert src.startswith("blob:"), src
    # Until play is pressed only the first picture is fetched: readers pay for what they watch.
    page.wait_for_function("() => document.querySelector('video.live-video').buffered.length")
    segments = [url for url in requests if url.endswith(".m4s")]
    assert len(segments) == 1, segments

    play_until(page, 5)  # past two segment boundaries
    fetched = [url.removeprefix(demo_site.url) for url in requests if PATTERN in url]
    assert fetched[:3] == [PATTERN + "index.m3u8", PATTERN + "stream.m3u8", PATTERN + "init.mp4"]
    assert PATTERN + "segment-02.m4s" in fetched
    expect(status(page)).to_be_empty()
    assert not only_the_site(requests, demo_site)


def test_play_pressed_while_the_stream_loads_is_not_lost(demo_site, new_page):
    """A reader on a slow line presses play before the player has its first segment:
    the video starts once the stream is in. (Where the click lands just before the source
    is attached, Chromium cancels it with an AbortError; the player asks for play again.)"""
    held = []
    page = new_page()
    page.add_init_script(NO_NATIVE_HLS)
    page.route("**/test-pattern/init.mp4", lambda route: held.append(route))  # answered below
    page.goto(demo_site.absolute(LIVE_PATH))
    page.wait_for_function("() => window.mastheadLiveTv !== undefined")
    while not held:
        page.wait_for_timeout(50)
    press_play(page)
    assert page.locator("video.live-video").evaluate("(video) => video.src") == ""
    held[0].continue_()
    page.wait_for_function(
        "() => document.querySelector('video.live-video').currentTime > 1", timeout=20_000
    )


def test_the_debug_flag_forces_the_mse_path(demo_site, new_page):
    page, _ = open_live(new_page, demo_site, query="?player=mse")
    assert page.evaluate("() => window.mastheadLiveTv.path") == "mse"
    play_until(page, 1)


def test_a_failed_segment_is_fetched_again(demo_site, new_page):
    page = new_page()
    page.add_init_script(NO_NATIVE_HLS)
    failures = []

    def fail_once(route):
        if not failures:
            failures.append(route.request.url)
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/segment-01.m4s", fail_once)
    page.goto(demo_site.absolute(LIVE_PATH))
    play_until(page, 3)  # segment 1 covers 2-4 s
    assert len(failures) == 1
    expect(status(page)).to_be_empty()


@pytest.mark.parametrize("native_hls", [True, False], ids=["native", "mse"])
def test_a_dead_stream_says_so_and_can_be_retried(demo_site, new_page, native_hls):
    page = new_page()
    if not native_hls:
        page.add_init_script(NO_NATIVE_HLS)
    page.route("**/test-pattern/**", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(demo_site.absolute(LIVE_PATH))

    expect(status(page)).to_have_text(UNAVAILABLE + "Try again")
    expect(status(page)).to_have_attribute("role", "status")
    retry = status(page).get_by_role("button", name="Try again")
    expect(retry).to_be_visible()

    page.unroute("**/test-pattern/**")  # the channel is back
    retry.focus()
    page.keyboard.press("Enter")
    expect(status(page)).to_be_empty()
    page.wait_for_function(
        "() => document.querySelector('video.live-video').currentTime > 1", timeout=20_000
    )


def test_transport_stream_segments_get_the_cannot_play_here_message(demo_site, new_page):
    set_stream("/hls-fixtures/transport-stream/stream.m3u8")
    page = new_page()
    page.add_init_script(NO_NATIVE_HLS)
    page.route(
        "**/hls-fixtures/**",
        lambda route: route.fulfill(
            path=FIXTURES / route.request.url.split("/hls-fixtures/", 1)[1]
        ),
    )
    page.goto(demo_site.absolute(LIVE_PATH))
    expect(status(page)).to_contain_text("cannot be played in this browser")
    expect(status(page).get_by_role("button")).to_have_count(0)
    link = page.locator(".live-stream-link a")
    expect(link).to_have_attribute("href", "/hls-fixtures/transport-stream/stream.m3u8")


def test_off_air_without_a_stream(demo_site, new_page, screenshot):
    set_stream("")
    page = new_page(height=1200)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_site.absolute(LIVE_PATH))
    expect(page.locator(".live-offair")).to_contain_text("Live TV is off air right now.")
    expect(page.locator("video")).to_have_count(0)
    expect(page.locator(".live-slot--now .live-slot-title")).to_be_visible()
    assert not any("live-tv.js" in url for url in requests)
    screenshot(page, "live-tv-off-air-1366", full_page=False)


def test_the_live_menu_item_opens_the_channel(demo_site, new_page):
    page = new_page()
    page.goto(demo_site.absolute("/"))
    page.locator("#site-nav").get_by_role("link", name="LIVE", exact=True).click()
    expect(page).to_have_url(demo_site.absolute(LIVE_PATH))
    expect(page.get_by_role("heading", level=1)).to_have_text("LIVE")
    expect(page.locator("video.live-video")).to_be_visible()


def test_without_javascript_the_video_and_a_link_carry_the_stream(demo_site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(demo_site.absolute(LIVE_PATH))
    video = page.locator("video.live-video")
    expect(video).to_have_attribute("src", PATTERN + "index.m3u8")
    expect(page.get_by_role("link", name="Open the stream (HLS)")).to_have_attribute(
        "href", PATTERN + "index.m3u8"
    )


def test_axe_and_phones(demo_site, new_page, screenshot):
    problems = []
    for scheme in ("light", "dark"):
        for stream in (PATTERN + "index.m3u8", ""):
            set_stream(stream)
            page = new_page(color_scheme=scheme)
            page.goto(demo_site.absolute(LIVE_PATH))
            label = f"{scheme}, {'with' if stream else 'without'} a stream"
            problems += [f"{label}: {v}" for v in serious_axe_violations(page)]
    assert not problems, "axe-core found serious problems:\n" + "\n".join(problems)

    set_stream(PATTERN + "index.m3u8")
    page = new_page(width=375, height=812, is_mobile=True, has_touch=True)
    page.goto(demo_site.absolute(LIVE_PATH))
    assert horizontal_overflow(page) == 0
    screenshot(page, "live-tv-phone-375")


def test_a_live_playlist_is_read_again_as_it_grows(demo_site, new_page):
    """No EXT-X-ENDLIST: the player re-reads the playlist every target duration and
    plays the segments as they are published (served here from the test pattern)."""
    base = demo_site.absolute(PATTERN)
    reads = []

    def live_playlist(route):
        reads.append(route.request.url)
        published = min(1 + len(reads), 4)  # one more segment each time it is read
        lines = ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-TARGETDURATION:2"]
        lines += ["#EXT-X-MEDIA-SEQUENCE:0", f'#EXT-X-MAP:URI="{base}init.mp4"']
        for n in range(published):
            lines += ["#EXTINF:2.0,", f"{base}segment-{n:02}.m4s"]
        if published == 4:
            lines.append("#EXT-X-ENDLIST")  # the broadcast ends, so the test does too
        route.fulfill(body="\n".join(lines) + "\n", content_type="application/vnd.apple.mpegurl")

    set_stream("/channel/live.m3u8")
    page = new_page()
    page.add_init_script(NO_NATIVE_HLS)
    page.route("**/channel/live.m3u8", live_playlist)
    page.goto(demo_site.absolute(LIVE_PATH))
    play_until(page, 5)
    assert len(reads) >= 3, reads
    expect(status(page)).to_be_empty()


def test_playlist_parsing_and_variant_choice(demo_site, new_page):
    """The module's pure functions, imported into a page that has no player."""
    page = new_page()
    page.goto(demo_site.absolute("/"))
    result = page.evaluate(
        """async () => {
            const m = await import("/static/masthead/live-tv.js");
            const multivariant = m.parsePlaylist([
                "#EXTM3U",
                '#EXT-X-STREAM-INF:BANDWIDTH=3000000,CODECS="avc1.640028,mp4a.40.2",RESOLUTION=1920x1080',
                "hd/index.m3u8",
                '#EXT-X-STREAM-INF:BANDWIDTH=800000,CODECS="avc1.4d401e,mp4a.40.2",RESOLUTION=640x360',
                "sd/index.m3u8",
                '#EXT-X-STREAM-INF:BANDWIDTH=1500000,CODECS="avc1.4d401f,mp4a.40.2",RESOLUTION=1280x720',
                "md/index.m3u8",
            ].join("\\n"), "https://tv.example/live/master.m3u8");
            const media = m.parsePlaylist(
                "#EXTM3U\\n#EXT-X-TARGETDURATION:4\\n#EXT-X-MEDIA-SEQUENCE:120\\n" +
                "#EXTINF:4.0,\\nseg120.ts\\n#EXTINF:3.5,\\nseg121.ts\\n",
                "https://tv.example/live/sd/index.m3u8");
            const response = await fetch("/static/masthead/live/test-pattern/init.mp4");
            const init = await response.arrayBuffer();
            return {
                kinds: [multivariant.kind, media.kind],
                codecs: multivariant.variants[0].codecs,
                phone: m.pickVariant(multivariant.variants, 750).uri,
                laptop: m.pickVariant(multivariant.variants, 1366).uri,
                tiny: m.pickVariant(multivariant.variants, 200).uri,
                media: [
                    media.targetDuration,
                    media.endList,
                    media.segments.map((s) => [s.sequence, s.duration, s.uri]),
                ],
                fmp4: m.isFragmentedMp4(media),
                initCodecs: m.codecsFromInit(init),
            };
        }"""
    )
    assert result["kinds"] == ["multivariant", "media"]
    assert result["codecs"] == "avc1.640028,mp4a.40.2"  # quoted commas stay inside
    assert result["phone"] == "https://tv.example/live/sd/index.m3u8"
    assert result["laptop"] == "https://tv.example/live/md/index.m3u8"
    assert result["tiny"] == "https://tv.example/live/sd/index.m3u8"  # the smallest there is
    assert result["media"] == [
        4,
        False,
        [
            [120, 4.0, "https://tv.example/live/sd/seg120.ts"],
            [121, 3.5, "https://tv.example/live/sd/seg121.ts"],
        ],
    ]
    assert result["fmp4"] is False  # MPEG-TS: not for our player
    assert result["initCodecs"] == "avc1.4d4015"  # as written in the test pattern's playlist
