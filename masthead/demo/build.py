"""Build the demo newsroom: `build_demo()` is what `manage.py demo` runs.

It fills an empty site with a month of invented news: sections, pages, regions, authors,
coverage topics, articles with pictures, breaking lines, view counts for Most Read, and
the LIVE TV channel's page with its schedule and live blogs; then the Arabic and Spanish
editions, written in their languages (editions.py, docs/demo.md).
It runs once: when any article exists it says so and changes nothing. The plan comes
from `plan.make_plan`, so every run writes the same stories in the same order; only the
dates move, because they are set relative to now.
"""

import math
import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from masthead.analytics.models import ArticleView
from masthead.demo import plan as planning
from masthead.demo import skeleton, text, visual
from masthead.demo.editions import write_editions
from masthead.demo.indexing import index_now, indexing_deferred
from masthead.demo.liveblogs import live_blogs
from masthead.demo.videos import write_videos
from masthead.live.models import BreakingItem
from masthead.media.models import VideoPage
from masthead.news.models import ArticleAuthor, ArticleNote, ArticlePage, CoveragePin, NoteKind

# The demo's sign-in, printed by the run command. Demo installs only: it is public.
DEMO_USERNAME = "editor"
DEMO_PASSWORD = "masthead-demo"
MOST_READ_HOURS = 72
# Longer than a newsroom's six hours, so a demo started again tomorrow still has a ticker.
BREAKING_EXPIRY = timedelta(days=7)


@dataclass
class Newsroom:
    """What articles are written against: the skeleton's rows and the pages so far."""

    sections: dict
    regions: dict
    authors: dict
    topics: dict
    pool: list
    user: object
    now: object
    rng: random.Random
    live: object = None  # the LIVE page: the channel, and the live blogs under it
    pages: list = field(default_factory=list)
    written: list = field(default_factory=list)  # everything else, to index at the end


@dataclass
class Summary:
    articles: int = 0
    videos: int = 0
    clips: int = 0
    images: int = 0
    breaking: int = 0
    live_blogs: int = 0
    live_updates: int = 0
    view_rows: int = 0
    seconds: float = 0.0


class Reporter:
    """Progress lines for whoever ran the build (a command's stdout, or nobody)."""

    def __init__(self, stdout):
        self.stdout = stdout

    def __call__(self, message):
        if self.stdout is not None:
            self.stdout.write(message + "\n")


def build_demo(*, articles=160, clips=False, stdout=None):
    """Create the demo site. Returns a Summary, or None when demo content already exists.

    `clips=True` uploads a few short clips drawn by ffmpeg (when it is installed) instead
    of linking those videos to a platform; the `demo` command turns it on by default.
    """
    say = Reporter(stdout)
    if ArticlePage.objects.exists():
        say("Articles already exist: the demo content is in place, nothing was changed.")
        return None
    started = time.monotonic()
    with transaction.atomic():
        summary = write_demo(articles, clips=clips, say=say)
    summary.seconds = time.monotonic() - started
    say(
        f"Demo ready in {summary.seconds:.1f}s: {summary.articles} articles, "
        f"{summary.videos} videos ({summary.clips} uploaded clips)."
    )
    say(f"Sign in to /admin/ as {' / '.join(skeleton.DEMO_STAFF)} with password {DEMO_PASSWORD!r}.")
    return summary


def write_demo(count, *, clips, say):
    now = timezone.now().replace(second=0, microsecond=0)
    with indexing_deferred():
        room = write_skeleton(count, now=now, say=say)
        say(f"Writing {count} articles…")
        plans = planning.make_plan(count)
        for article_plan in plans:
            room.pages.append(write_article(article_plan, room))
        pin_coverage(plans, room.pages, room.topics)
        breaking = breaking_items(room.pages, now=now)
        blogs, updates = live_blogs(room)
        say("Galleries and infographs…")
        pictures = visual.write(room)
        say("Videos and series" + (", drawing clips with ffmpeg…" if clips else "…"))
        videos, uploaded = write_videos(room, clips=clips)
        say("The Arabic and Spanish editions…")
        editions = write_editions(room)
    say("Indexing for search and usage…")
    index_now(room.written + room.pages + breaking + blogs + pictures + videos)
    for edition in editions:
        index_now(edition.written + edition.articles)
    return Summary(
        articles=len(room.pages),
        videos=sum(isinstance(page, VideoPage) for page in videos),
        clips=uploaded,
        images=len(room.pool) + len(room.authors),
        breaking=len(breaking),
        live_blogs=len(blogs),
        live_updates=updates,
        view_rows=record_views(room.pages, plans, now=now)
        + sum(record_views(e.articles, e.ages, now=now) for e in editions),
    )


def write_skeleton(count, *, now, say):
    """Everything articles hang from, in a Newsroom ready for `write_article`."""
    rng = random.Random(planning.SEED)
    site = skeleton.default_site()
    home = site.root_page.specific
    user = skeleton.staff(password=DEMO_PASSWORD)
    published = skeleton.skeleton_published(now)
    say("Sections, pages, regions, authors and coverage topics…")
    plain_pages = skeleton.plain_pages(home, published=published)
    skeleton.site_settings(site, footer_pages=plain_pages)
    sections = skeleton.sections(home, published=published)
    live_tv = skeleton.live_tv(home, sections=sections, published=published, now=now)
    room = Newsroom(
        sections=sections,
        regions=skeleton.regions(home.locale),
        authors=skeleton.authors(user=user),
        topics=skeleton.coverage_topics(home.locale),
        pool=[],
        user=user,
        now=now,
        rng=rng,
        live=live_tv,
    )
    kinds = planning.image_pool_kinds(planning.pool_size(count))
    say(f"Painting {len(kinds)} pictures…")
    room.pool = skeleton.image_pool(rng, kinds, user=user)
    room.written = [
        *room.sections.values(),
        live_tv,
        *plain_pages,
        *room.authors.values(),
        *(author.photo for author in room.authors.values() if author.photo),
        *room.topics.values(),
        *room.pool,
    ]
    return room


def block_id(rng):
    """Stable block ids, so the same build writes byte-identical bodies."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def stream_block(kind, value, room):
    """One plan block as StreamField JSON, turning plan indexes into database ids."""
    if kind == "image":
        index, caption = value
        value = {"image": room.pool[index].pk, "caption": caption, "credit": ""}
    elif kind == "read_next":
        value = {"article": room.pages[value].pk}
    elif kind == "related_news":
        items = [
            {"type": "item", "value": room.pages[i].pk, "id": block_id(room.rng)} for i in value
        ]
        value = {"articles": items}
    return {"type": kind, "value": value, "id": block_id(room.rng)}


# What a desk writes when a story moves on after publication.
UPDATE_NOTES = (
    "This story has been updated with figures released after publication.",
    "Adds comment from local officials received after publication.",
    "Updated with the outcome of the afternoon session.",
)


def update_notes(plan, updated):
    if updated is None:
        return []
    text = UPDATE_NOTES[plan.index % len(UPDATE_NOTES)]
    return [ArticleNote(kind=NoteKind.UPDATE, text=text, noted_at=updated)]


def write_article(plan, room):
    published = room.now - timedelta(minutes=plan.age_minutes)
    updated = None
    if plan.updated_after_minutes:
        updated = published + timedelta(minutes=plan.updated_after_minutes)
    page = ArticlePage(
        title=plan.headline,
        slug=plan.slug,
        standfirst=plan.standfirst,
        lead_image=room.pool[plan.lead_image],
        lead_image_caption=plan.lead_caption,
        body=[stream_block(kind, value, room) for kind, value in plan.blocks],
        article_type=plan.article_type,
        source=plan.source,
        published_at=published,
        updated_at=updated,
        first_published_at=published,
        last_published_at=updated or published,
        live=True,
        owner=room.user,
        regions=[room.regions[slug] for slug in plan.regions],
        coverage=[room.topics[plan.coverage]] if plan.coverage else [],
        article_authors=[
            ArticleAuthor(author=room.authors[slug], sort_order=i)
            for i, slug in enumerate(plan.authors)
        ],
        notes=update_notes(plan, updated),
    )
    page.tags.add(*plan.tags)
    room.sections[plan.section].add_child(instance=page)
    return page


def pin_coverage(plans, pages, topics):
    """Each topic pins its two newest stories, newest first."""
    for slug, topic in topics.items():
        newest = [pages[p.index] for p in reversed(plans) if p.coverage == slug][:2]
        CoveragePin.objects.bulk_create(
            CoveragePin(coverage=topic, article=article, sort_order=i)
            for i, article in enumerate(newest)
        )


def breaking_items(pages, *, now):
    """The ticker: lines from the last two hours, some linked to the newest stories."""
    newest = sorted(pages, key=lambda page: page.published_at, reverse=True)
    items = []
    for i, spec in enumerate(text.fixture("pages")["breaking"]):
        article = newest.pop(0) if spec.get("link") and newest else None
        items.append(
            BreakingItem(
                text=article.title if article else spec["text"],
                attribution=spec.get("attribution", ""),
                article=article,
                created_at=now - timedelta(minutes=4 + i * 11),
                expires_at=now + BREAKING_EXPIRY,
            )
        )
    return BreakingItem.objects.bulk_create(items)


def record_views(pages, plans, *, now):
    """Hourly read counts for the Most Read window: a few stories take off, most don't."""
    rng = random.Random(planning.SEED + 1)
    this_hour = now.replace(minute=0)
    rows = []
    for page, plan in zip(pages, plans, strict=True):
        popularity = min(rng.paretovariate(1.2), 40)
        age_hours = plan.age_minutes / 60
        for h in range(MOST_READ_HOURS):
            hours_live = age_hours - h  # how long the story had been up at that hour
            if hours_live < -1:
                break
            hour = this_hour - timedelta(hours=h)
            daytime = 0.5 + 0.5 * math.sin(math.pi * ((hour.hour - 6) % 24) / 24)
            views = int(popularity * daytime * rng.uniform(6, 14) / (1 + max(hours_live, 0) / 10))
            if views:
                rows.append(ArticleView(article=page, hour=hour, views=views))
    ArticleView.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
