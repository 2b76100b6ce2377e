"""The demo's live blogs (fixtures/liveblogs.toml): one running, one ended, under LIVE.

Updates are written directly, with times relative to now, as the newsroom's fast form
would have posted them; pictures come from the demo's picture pool.
"""

import itertools
from datetime import timedelta

from masthead.demo import text
from masthead.live.models import LiveBlogPage, LiveUpdate


def live_blogs(room):
    """Write the demo's live blogs and their updates, under LIVE. Returns (blogs, update
    count)."""
    section = room.live
    blogs, count = [], 0
    pictures = itertools.cycle(room.pool[len(room.pool) // 2 :] or room.pool)
    for spec in text.fixture("liveblogs")["blogs"]:
        started = room.now - timedelta(minutes=spec["started_minutes_ago"])
        ended = spec.get("ended_after_minutes")
        blog = LiveBlogPage(
            title=spec["title"],
            slug=spec["slug"],
            standfirst=spec["standfirst"],
            introduction=spec["introduction"],
            status=spec["status"],
            ended_at=started + timedelta(minutes=ended) if ended else None,
            lead_image=next(pictures),
            live=True,
            owner=room.user,
            first_published_at=started,
            last_published_at=started,
        )
        blog.tags.add(*spec.get("tags", []))
        section.add_child(instance=blog)
        updates = [
            LiveUpdate(
                blog=blog,
                posted_at=started + timedelta(minutes=item["at"]),
                author=room.user,
                headline=item.get("headline", ""),
                key_event=item.get("key", False),
                body=[block(kind, values, pictures) for kind, *values in item["blocks"]],
            )
            for item in spec["updates"]
        ]
        LiveUpdate.objects.bulk_create(updates)
        blogs.append(blog)
        count += len(updates)
    return blogs, count


def block(kind, values, pictures):
    if kind == "text":
        return ("text", values[0])
    if kind == "quote":
        return ("quote", {"text": values[0], "attribution": values[1]})
    if kind == "embed":
        return ("embed", {"url": values[0], "title": values[1]})
    if kind == "image":
        return ("image", {"image": next(pictures), "caption": values[0], "credit": ""})
    raise ValueError(f"Unknown live update block: {kind}")
