"""The demo's editorial plan: which stories run where, when, by whom, as plain data.

Planning touches no database, so it can be tested on its own and it is the same on every
run: one `random.Random(SEED)` makes every choice, and times are ages relative to "now".
Every subsection gets a story before any gets a second, so a small demo still shows every
section and every article type.
"""

import random
from collections import Counter
from dataclasses import dataclass, field

from django.utils.text import slugify

from masthead.demo import text, world

SEED = 20260701
IMAGE_POOL = 30
# How many extra stories a desk gets once every desk has one: busy desks file more.
DESK_WEIGHTS = {"politics": 3, "economy": 3, "sports": 2, "arts-culture": 2, "health": 2}
DESK_WEIGHTS |= {"technology": 2, "environment": 2, "opinion": 2, "analysis": 2}
DESK_TYPES = {"opinion": "opinion", "analysis": "analysis", "blog": "blog", "features": "feature"}
ANALYSIS_SHARE = 0.15  # of stories on policy news desks
COVERAGE_SHARE = 0.3
MINUTES = {2: 30, 3: 30, 4: 20, 5: 12, 6: 8}  # reading time asked for, and how often
# Palestine gets stories from the gentler desks only; nothing in the demo should read as
# commentary on a real conflict.
REGION_DESKS = {
    "palestine": {
        "arts-culture", "health", "miscellaneous", "technology", "environment",
        "features", "blog", "in-pictures", "video-features", "infographs",
    },
}  # fmt: skip
# A story's second region, when it has one, is a neighbour of its first.
NEIGHBOURS = {
    "africa": ["mena"],
    "asia": ["asia-pacific"],
    "asia-pacific": ["asia"],
    "europe": ["mena", "africa"],
    "latin-america": ["us-canada"],
    "mena": ["africa", "europe", "palestine"],
    "palestine": ["mena"],
    "us-canada": ["latin-america"],
}
DESK_SCENES = {
    "politics": ["podium", "skyline"],
    "economy": ["skyline", "harbour", "podium"],
    "sports": ["gathering"],
    "arts-culture": ["gathering", "skyline"],
    "explainers": ["podium", "skyline"],
    "tv": ["podium", "gathering"],
    "live": ["podium", "skyline", "landscape"],
    "newsfeed": ["gathering", "skyline"],
    "opinion": ["skyline", "landscape"],
    "analysis": ["skyline", "podium"],
    "technology": ["skyline", "farmland"],
    "valdoria-votes": ["podium", "gathering"],
    "ambra-drought": ["farmland", "landscape"],
    "strait-talks": ["harbour", "podium"],
}
OUTDOOR_SCENES = ["landscape", "farmland", "harbour", "skyline"]


@dataclass
class ArticlePlan:
    index: int
    section: str
    article_type: str
    headline: str
    slug: str
    standfirst: str
    # ("paragraph", html), ("subheading", text), ("quote", {...}),
    # ("image", (pool index, caption)), ("read_next", plan index) and
    # ("related_news", [plan indices]): links go to earlier stories only.
    blocks: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    coverage: str | None = None
    authors: list = field(default_factory=list)
    source: str = ""
    lead_image: int = 0
    lead_caption: str = ""
    age_minutes: int = 0
    updated_after_minutes: int | None = None


def leaf_sections():
    """Slugs of the sections articles file to, in menu order (childless sections count)."""
    leaves = []
    for section in text.fixture("pages")["sections"]:
        leaves += [child["slug"] for child in section["children"]] or [section["slug"]]
    return leaves


def pool_size(count):
    """Small demos need fewer pictures; the full one gets the whole pool."""
    return min(IMAGE_POOL, max(12, count // 5))


def image_pool_kinds(size):
    kinds = ["podium", "landscape", "harbour", "skyline", "farmland", "gathering"]
    return [kinds[i % len(kinds)] for i in range(size)]


def desk_slots(rng, count):
    """One story per desk in menu order first, the rest shared out by weight; shuffled."""
    leaves = leaf_sections()
    slots = leaves[:count]
    extra = max(0, count - len(leaves))
    weights = [DESK_WEIGHTS.get(slug, 1) for slug in leaves]
    shares = [extra * w / sum(weights) for w in weights]
    counts = [int(share) for share in shares]
    # Largest remainders first, so the total is exact and the split is steady.
    by_remainder = sorted(range(len(leaves)), key=lambda i: counts[i] - shares[i])
    for i in by_remainder[: extra - sum(counts)]:
        counts[i] += 1
    for slug, n in zip(leaves, counts, strict=True):
        slots += [slug] * n
    rng.shuffle(slots)
    return slots


def article_type_for(rng, desk_slug):
    if desk_slug in DESK_TYPES:
        return DESK_TYPES[desk_slug]
    desk = text.desks()[desk_slug]
    policy_news = desk_slug in text.fixture("news") and desk.get("kind", "policy") == "policy"
    return "analysis" if policy_news and rng.random() < ANALYSIS_SHARE else "news"


def assign_coverage(rng, slots, topics):
    """About COVERAGE_SHARE of stories join a topic, at least two each, on fitting desks."""
    quota = max(2, round(len(slots) * COVERAGE_SHARE / len(topics)))
    counts = {topic["slug"]: 0 for topic in topics}
    chosen = [None] * len(slots)
    for i in rng.sample(range(len(slots)), len(slots)):
        for topic in sorted(topics, key=lambda t: counts[t["slug"]]):
            if slots[i] in topic["desks"] and counts[topic["slug"]] < quota:
                chosen[i] = topic
                counts[topic["slug"]] += 1
                break
    return chosen


class RegionPicker:
    """0-2 regions a story, regions not used yet first, so even small demos cover all."""

    def __init__(self, rng):
        self.rng = rng
        self.unused = [slug for _, slug, _ in world.REGIONS]

    def allowed(self, desk_slug):
        return [
            slug for _, slug, _ in world.REGIONS if desk_slug in REGION_DESKS.get(slug, {desk_slug})
        ]

    def pick(self, desk_slug):
        allowed = self.allowed(desk_slug)
        count = self.rng.choices([0, 1, 2], weights=[2, 6, 2])[0]
        if count == 0 and not self.unused:
            return []
        fresh = [slug for slug in self.unused if slug in allowed]
        first = fresh[0] if fresh else self.rng.choice(allowed)
        if first in self.unused:
            self.unused.remove(first)
        neighbours = [slug for slug in NEIGHBOURS[first] if slug in allowed]
        return [first] + (self.rng.sample(neighbours, 1) if count == 2 and neighbours else [])


def place_for(rng, regions, topic):
    if topic:
        return text.Place(**topic["place"])
    if not regions:
        return text.Place(*rng.choice(world.ELSEWHERE))
    name, _, places = next(r for r in world.REGIONS if r[1] == regions[0])
    country, city = rng.choice(places)
    return text.Place(country, city, name)


def authors_for(rng, desk_slug, article_type):
    """Bylines: opinion and the like always signed; news often the house byline."""
    if article_type == "news":
        count = rng.choices([0, 1, 2], weights=[35, 50, 15])[0]
    else:
        count = rng.choices([1, 2], weights=[85, 15])[0]
    desk_writers = [a[1] for a in world.AUTHORS if desk_slug in a[4]]
    pool = desk_writers if len(desk_writers) >= count else [a[1] for a in world.AUTHORS]
    return rng.sample(pool, count)


def source_for(rng, article_type, authors):
    if article_type != "news" or (authors and rng.random() < 0.8):
        return world.HOUSE_SOURCE
    return rng.choice(world.SOURCES_NEWS)


def tags_for(rng, desk_slug, story_tags, topic):
    """2-7 tags: the coverage topic's and the story's own, then maybe some of the desk's.

    Desks about institutions have broad tags that fit any of their stories; desks about
    events and places have narrow ones (a tennis tag on a football story), so they add
    none beyond making two."""
    desk = text.desks()[desk_slug]
    tags = list(dict.fromkeys([*(topic["tags"] if topic else []), *story_tags]))
    spare = [tag for tag in desk["tags"] if tag not in tags]
    extra = rng.choice([0, 0, 1, 2, 3]) if desk.get("kind", "policy") == "policy" else 0
    tags += rng.sample(spare, min(len(spare), max(extra, 2 - len(tags))))
    return tags[:7]


def image_for(rng, key, pool, ctx, avoid=None):
    """A picture from the pool that suits the desk, captioned for this story's place."""
    scenes = DESK_SCENES.get(key, OUTDOOR_SCENES)
    choices = [i for i, kind in enumerate(pool) if kind in scenes and i != avoid]
    index = rng.choice(choices or [i for i in range(len(pool)) if i != avoid])
    return index, text.fill(rng.choice(world.IMAGE_CAPTIONS[pool[index]]), ctx)


def ages(rng, count):
    """Minutes since publication, oldest first: a month of stories, the newest hours old."""
    fresh = min(5, count // 6 + 1)
    spread = max(1, count - fresh - 1)
    result = []
    for i in range(count):
        if i >= count - fresh:
            hours = (count - 1 - i) * 1.1 + 0.25 + rng.uniform(0, 0.3)
        else:
            hours = 6 + (30 * 24 - 6) * ((count - fresh - 1 - i) / spread) ** 1.3
            hours += rng.uniform(0, 0.4)
        minutes = round(hours * 60)
        # Strictly newer than the story before, so publication order is plan order.
        result.append(min(minutes, result[-1] - 1) if result else minutes)
    return result


def complete(index):
    """Every other story uses every body block, so any small demo shows them all."""
    return index > 0 and index % 2 == 0


def earlier_links(rng, index, plans, plan):
    """A "read next" and 1-3 "related" stories among those published before this one."""
    if index == 0:
        return None, []
    kin = [p.index for p in plans if plan.coverage and p.coverage == plan.coverage]
    kin += [p.index for p in plans if p.section == plan.section and p.index not in kin]
    candidates = kin or [p.index for p in plans]
    read_next = rng.choice(candidates) if rng.random() < 0.5 or complete(index) else None
    related = []
    if rng.random() < 0.45 or complete(index):
        related = rng.sample(candidates, min(len(candidates), rng.randint(1, 3)))
    return read_next, related


def layout(rng, writing, *, image, read_next, related, every_block=False):
    """5-10 body blocks: paragraphs with a picture, subheadings, a quote and links between."""
    sentences = writing.sentences
    has_image = rng.random() < 0.6 or every_block
    # Always something to break the text.
    has_quote = rng.random() < 0.6 or not has_image or every_block
    subheads = 2 if len(sentences) > 24 else 1
    extras = subheads + has_image + has_quote + (read_next is not None) + bool(related)
    per_paragraph = rng.uniform(3.5, 6)  # sentences: some writers like longer paragraphs
    wanted = round(len(sentences) / per_paragraph)
    runs = text.split_evenly(sentences, max(3, min(8, 10 - extras, wanted)))
    mid = len(runs) // 2
    text_, attribution = writing.quotes[0]
    blocks = []
    for k, run in enumerate(runs):
        if k == mid:
            blocks.append(("subheading", writing.subheads[0]))
        if subheads == 2 and k == len(runs) - 1 and k > mid + 1:
            blocks.append(("subheading", writing.subheads[1]))
        blocks.append(("paragraph", text.paragraph_html(run)))
        if k == 0 and has_image:
            blocks.append(("image", image))
        if k == mid and has_quote:
            blocks.append(("quote", {"text": text_, "attribution": attribution}))
        if k == mid + 1 and read_next is not None:
            blocks.append(("read_next", read_next))
    if related:
        blocks.append(("related_news", related))
    return blocks


def target_words(rng):
    """Body words for a reading time, leaving room for the standfirst, quote and headings."""
    minutes = rng.choices(list(MINUTES), weights=list(MINUTES.values()))[0]
    return minutes * 220 - 100


def unique(value, taken):
    candidate, n = value, 2
    while candidate in taken:
        candidate, n = f"{value}-{n}", n + 1
    taken.add(candidate)
    return candidate


def make_plan(count):
    """The whole demo, oldest story first. Same `count`, same plan, every time."""
    rng = random.Random(SEED)
    pool = image_pool_kinds(pool_size(count))
    slots = desk_slots(rng, count)
    topics = assign_coverage(rng, slots, text.coverage_topics())
    regions = RegionPicker(rng)
    headlines, slugs, plans, usage = set(), set(), [], Counter()
    for index, (desk, age) in enumerate(zip(slots, ages(rng, count), strict=True)):
        topic = topics[index]
        article_type = article_type_for(rng, desk)
        region_slugs = [topic["region"]] if topic else regions.pick(desk)
        for attempt in range(40):  # a fresh draw until the headline is new
            if attempt == 20:
                topic = topics[index] = None  # the topic has run out of headlines
                region_slugs = regions.pick(desk)
            writing = text.write(
                rng,
                desk_slug=desk,
                article_type=article_type,
                place=place_for(rng, region_slugs, topic),
                target_words=target_words(rng),
                usage=usage,
                topic=topic,
            )
            if writing.story_headline not in headlines:
                break
        headlines.add(writing.story_headline)
        authors = authors_for(rng, desk, article_type)
        key = topic["slug"] if topic else desk
        plan = ArticlePlan(
            index=index,
            section=desk,
            article_type=article_type,
            headline=writing.headline,
            slug=unique(slugify(writing.headline)[:70].strip("-"), slugs),
            standfirst=writing.standfirst,
            tags=tags_for(rng, desk, writing.tags, topic),
            regions=region_slugs,
            coverage=topic["slug"] if topic else None,
            authors=authors,
            source=source_for(rng, article_type, authors),
            age_minutes=age,
        )
        plan.lead_image, plan.lead_caption = image_for(rng, key, pool, writing.context)
        if age > 6 * 60 and rng.random() < 0.15:
            plan.updated_after_minutes = rng.randint(30, min(age - 10, 300))
        read_next, related = earlier_links(rng, index, plans, plan)
        image = image_for(rng, key, pool, writing.context, avoid=plan.lead_image)
        plan.blocks = layout(
            rng,
            writing,
            image=image,
            read_next=read_next,
            related=related,
            every_block=complete(index),
        )
        plans.append(plan)
    return plans
