"""Turning the demo's writing (fixtures/*.toml and phrases.py) into an article's text.

A story's own sentences open the article in order; the desk's detail and the shared
sentence groups for its article type follow, until the body reaches the length asked
for. Everything is drawn from the `random.Random` passed in, so the same seed always
writes the same words.
"""

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.html import escape

from masthead.demo import phrases, world

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WORD_RE = re.compile(r"\w+", re.UNICODE)  # the same count ArticlePage uses for reading time
PEOPLE = ("person", "expert", "witness")
DEFAULT_ROLES = ["a spokesperson for {institute}"]


@functools.cache
def fixture(name):
    with (FIXTURES / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def desks():
    """Every desk's writing, keyed by the slug of the section it files to."""
    return {**fixture("news"), **fixture("articles"), **fixture("visual")}


def coverage_topics():
    return fixture("coverage")["topics"]


def word_count(text):
    return len(WORD_RE.findall(text))


def fill(template, ctx):
    """Fill placeholders; twice over, because some values (roles) hold placeholders too."""
    text = template
    for _ in range(3):
        if "{" not in text:
            break
        text = text.format_map(ctx)
    return text[:1].upper() + text[1:]


def introduce(template, introduced):
    """Name a person in full with their role the first time, by surname afterwards."""
    for key in PEOPLE:
        full, last = f"{{{key}}}, {{{key}_role}}", f"{{{key}_last}}"
        if key in introduced:
            template = template.replace(full + ",", last).replace(full, last)
        elif full in template:
            introduced.add(key)
        elif last in template:
            template = template.replace(last, full + ",", 1)
            introduced.add(key)
    return template


@dataclass
class Place:
    country: str
    city: str
    region: str


def people(rng, count):
    """Distinct invented full names."""
    names = set()
    while len(names) < count:
        names.add(f"{rng.choice(world.FIRST_NAMES)} {rng.choice(world.LAST_NAMES)}")
    return sorted(names, key=lambda _: rng.random())


class Context(dict):
    """An article's placeholder values. The shared phrases' numbers ({few}, {some},
    {many}, {rate}, {cost}) are drawn afresh at each use, so two sentences never repeat
    one figure by coincidence; everything else is fixed once per article."""

    def __init__(self, rng, values):
        super().__init__(values)
        self.rng = rng

    def __missing__(self, key):
        rng = self.rng
        fresh = {
            "few": lambda: rng.choice(world.NUMBER_WORDS),
            "some": lambda: str(rng.randint(12, 95)),
            "many": lambda: f"{rng.randint(12, 98) * 100:,}",
            "rate": lambda: f"{rng.randint(12, 98) / 10:.1f}",
            "cost": lambda: f"${rng.randint(12, 480)} million",
        }
        if key not in fresh:
            raise KeyError(key)
        return fresh[key]()


def context(rng, *, desk, story, place):
    """The values one article's placeholders take; chosen once so the story is consistent."""
    person, expert, witness = people(rng, 3)
    ctx = {
        "country": place.country,
        "city": place.city,
        "region": place.region,
        "town": rng.choice(world.TOWNS),
        "topic": story.get("topic", "the plan"),
        "company": rng.choice(world.COMPANIES),
        "institute": rng.choice(world.INSTITUTES),
        "n_small": rng.choice(world.NUMBER_WORDS),
        "n_mid": str(rng.randint(12, 95)),
        "n_big": f"{rng.randint(12, 98) * 100:,}",
        "pct": f"{rng.randint(12, 98) / 10:.1f}",
        "money": f"${rng.randint(12, 480)} million",
        "month": rng.choice(world.MONTHS),
        "weekday": rng.choice(world.WEEKDAYS),
    }
    roles = story.get("roles") or desk.get("roles") or DEFAULT_ROLES
    experts = desk.get("experts") or phrases.DEFAULT_EXPERTS
    witnesses = story.get("witnesses") or desk.get("witnesses") or phrases.DEFAULT_WITNESSES
    for key, name, choices in (
        ("person", person, roles),
        ("expert", expert, experts),
        ("witness", witness, witnesses),
    ):
        ctx.update({key: name, f"{key}_last": name.split()[-1], f"{key}_role": rng.choice(choices)})
    for key, options in {**desk.get("vars", {}), **story.get("vars", {})}.items():
        ctx[key] = rng.choice(options)
    return Context(rng, ctx)


@dataclass
class Writing:
    headline: str
    story_headline: str  # the headline without a desk's kicker
    standfirst: str
    sentences: list = field(default_factory=list)
    subheads: list = field(default_factory=list)
    quotes: list = field(default_factory=list)  # (text, attribution)
    context: dict = field(default_factory=dict)
    tags: list = field(default_factory=list)  # the story's own


def least_used(rng, options, usage, key):
    """The option used least so far (ties drawn at random), so repeats come last."""
    counts = [usage[(key, i)] for i in range(len(options))]
    index = rng.choice([i for i, count in enumerate(counts) if count == min(counts)])
    usage[(key, index)] += 1
    return index, options[index]


def stories_for(desk, topic, article_type):
    """The stories an article may tell: its desk's, or its coverage topic's."""
    if topic is None:
        return desk["stories"]
    opinion = article_type in ("opinion", "blog")
    shared = {"topic": topic["topic"], "roles": topic["roles"], "quotes": topic["quotes"]}
    return [
        {**shared, **story} for story in topic["stories"] if story.get("opinion", False) == opinion
    ]


def kicker_for(desk, headline, topic):
    """A desk's kicker ("Live: ") for topic headlines that have none of their own."""
    if topic is None or ":" in headline:
        return ""
    return desk.get("prefix", "")


def body_sentences(rng, *, desk, story, topic, article_type, target_words):
    """The story's sentences, then the desk's and the shared groups, in reading order."""
    opening = list(story["sentences"])
    detail = [] if topic else rng.sample(desk["sentences"], len(desk["sentences"]))
    kind = "policy" if topic else desk.get("kind", "policy")
    shared = phrases.GROUPS[(kind, article_type)]
    groups = [detail] + [rng.sample(g, len(g)) for g in shared]
    taken = [[] for _ in groups]
    words = sum(word_count(s) for s in opening)
    while words < target_words and any(groups):
        for pool, chosen in zip(groups, taken, strict=True):
            for _ in range(2):
                if pool and words < target_words:
                    chosen.append(pool.pop())
                    words += word_count(chosen[-1])
    return opening + [s for chosen in taken for s in chosen]


def write(rng, *, desk_slug, article_type, place, target_words, usage, topic=None):
    """All the words of one article. `topic` is a coverage topic or None; `usage` counts
    the stories and headlines used so far, so that a desk repeats itself last."""
    desk = desks()[desk_slug]
    source = topic["slug"] if topic else desk_slug
    index, story = least_used(rng, stories_for(desk, topic, article_type), usage, source)
    key = (source, index)
    ctx = context(rng, desk=desk, story=story, place=place)
    _, headline = least_used(rng, story["headlines"], usage, key)
    sentences = body_sentences(
        rng,
        desk=desk,
        story=story,
        topic=topic,
        article_type=article_type,
        target_words=target_words,
    )
    introduced = set()
    subheads = desk["subheads"] + phrases.SUBHEADS_BY_TYPE[article_type]
    quotes = story.get("quotes") or desk["quotes"]
    speaker = desk.get("quote_by", "person")
    attribution = fill(f"{{{speaker}}}, {{{speaker}_role}}", ctx)
    story_headline = fill(headline, ctx)
    return Writing(
        headline=kicker_for(desk, headline, topic) + story_headline,
        story_headline=story_headline,
        standfirst=fill(rng.choice(story["standfirsts"]), ctx),
        sentences=[fill(introduce(s, introduced), ctx) for s in sentences],
        subheads=rng.sample(subheads, 2),
        quotes=[(fill(rng.choice(quotes), ctx), attribution)],
        context=ctx,
        tags=list(story.get("tags", [])),
    )


def paragraph_html(sentences):
    return f"<p>{escape(' '.join(sentences))}</p>"


def split_evenly(items, parts):
    """`items` in `parts` consecutive runs whose lengths differ by at most one."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    runs, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        runs.append(items[start:end])
        start = end
    return runs
