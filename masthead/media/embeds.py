"""Video platforms an editor may link to, and the player address for each video.

Editors paste the address they see in their browser (a watch page, a short link). The
reader's page never loads the platform's player until the reader asks: the page holds
the player's address in a data attribute, and the click-to-play facade builds the iframe
(masthead/media/static/masthead/video.js). Nothing here makes a request.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError

VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{4,64}$")


@dataclass(frozen=True)
class Embed:
    provider: str  # the platform's name, as readers know it
    video_id: str
    player_url: str  # what the iframe loads, after the click


def _youtube(parts):
    host = parts.hostname
    path = [p for p in parts.path.split("/") if p]
    if host == "youtu.be":
        return path[0] if path else None
    if path[:1] == ["watch"]:
        return (parse_qs(parts.query).get("v") or [None])[0]
    if len(path) >= 2 and path[0] in {"embed", "shorts", "live", "v"}:
        return path[1]
    return None


def _vimeo(parts):
    path = [p for p in parts.path.split("/") if p]
    if parts.hostname == "player.vimeo.com":
        return path[1] if len(path) >= 2 and path[0] == "video" else None
    numbers = [p for p in path if p.isdigit()]
    return numbers[0] if numbers else None


def _dailymotion(parts):
    path = [p for p in parts.path.split("/") if p]
    if parts.hostname == "dai.ly":
        return path[0] if path else None
    if len(path) >= 2 and path[-2] == "video":
        return path[-1].split("_")[0]
    return None


# host -> (provider name, how to find the id, player address for an id)
PROVIDERS = {}
for _hosts, _name, _find, _player in [
    (
        ["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"],
        "YouTube",
        _youtube,
        # The privacy-enhanced player: no cookies until the reader plays the video.
        "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
    ),
    (
        ["vimeo.com", "www.vimeo.com", "player.vimeo.com"],
        "Vimeo",
        _vimeo,
        "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1",
    ),
    (
        ["dailymotion.com", "www.dailymotion.com", "dai.ly"],
        "Dailymotion",
        _dailymotion,
        "https://www.dailymotion.com/embed/video/{id}?autoplay=1",
    ),
]:
    for _host in _hosts:
        PROVIDERS[_host] = (_name, _find, _player)

PROVIDER_NAMES = sorted({name for name, _, _ in PROVIDERS.values()})


def parse_embed(url):
    """The Embed for a video address on a known platform, or None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or parts.hostname not in PROVIDERS:
        return None
    name, find, player = PROVIDERS[parts.hostname]
    video_id = find(parts)
    if not video_id or not VIDEO_ID.match(video_id):
        return None
    return Embed(provider=name, video_id=video_id, player_url=player.format(id=video_id))


def validate_embed_url(value):
    parts = urlsplit(value.strip())
    if parts.scheme != "https":
        raise ValidationError(
            "Use the video's https:// address.", code="not_https", params={"value": value}
        )
    if parts.hostname not in PROVIDERS:
        raise ValidationError(
            "Masthead embeds videos from %(providers)s. Paste the video's address from one "
            "of them, or upload the file instead.",
            code="unknown_provider",
            params={"providers": ", ".join(PROVIDER_NAMES)},
        )
    if parse_embed(value) is None:
        raise ValidationError(
            "This address does not point to one video. Open the video and copy the "
            "address from the browser or the platform's Share button.",
            code="no_video_id",
        )
