"""Turning what a reader typed into ranked pages: stories, videos, galleries, infographs
and live blogs in one list (the kinds of media/mixed.py, `SEARCHED`).

Three steps, each small enough to test on its own:

1. `clean_query` keeps only words: punctuation, quotes, SQL and HTML fragments are
   dropped, so no search engine ever sees its own syntax (an unbalanced `"` is a syntax
   error to SQLite FTS5), and a 10,000-character paste is cut to MAX_QUERY_LENGTH.
2. `rank` asks Wagtail's search backend for the best WINDOW matches of each kind among
   its published pages, with their relevance scores: one query per kind.
3. `blend` mixes each score with the page's age, so among equally good matches the newer
   comes first, and a very good old match still beats a weak new one; the best WINDOW of
   all kinds are kept. The scores of the kinds compare, as one index holds them all.

The database backend has no function-score (a way to make the engine itself decay scores
by date), so the mix happens here, over a bounded window: pages past WINDOW matches are
not reachable, which readers of a news site do not miss, and the work stays the same
however large the archive is. docs/search.md describes the trade-off.
"""

import math
import re
from dataclasses import dataclass, field

from django.db import DatabaseError
from django.utils import timezone

from masthead.media.mixed import SEARCHED
from masthead.search.arabic import fold, search_term

# A query longer than this is cut (with a note on the page); headlines are far shorter.
MAX_QUERY_LENGTH = 200
# Words beyond this are dropped: each one is another clause for the engine to combine.
MAX_TERMS = 12
# How many matches are ranked; results beyond them are not shown.
WINDOW = 200
# Age at which the recency part of a score has halved.
HALF_LIFE_DAYS = 30
# Share of a score that depends on age: 0 ignores dates, 1 ranks by date among matches.
RECENCY_WEIGHT = 0.5
# A story whose headline carries every word is worth this much more than one that only
# mentions them; some headline words, half as much more. The engines weigh the headline
# differently (SQLite's FTS5 scores the whole entry at once), so it is applied here too.
HEADLINE_BONUS = 1.0

# Letters and digits in any script; "_" is punctuation to a reader and to the engines.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class Query:
    text: str = ""  # what the reader typed, tidied, to show back in the box
    terms: list = field(default_factory=list)  # the words searched for, lower case
    truncated: bool = False  # the reader's text was longer than MAX_QUERY_LENGTH
    typed: bool = False  # the reader typed something (even if no word was in it)

    @property
    def normalized(self):
        return " ".join(self.terms)


def clean_query(raw):
    """The reader's text as words the engines can take safely."""
    raw = (raw or "").replace("\x00", "")
    text = " ".join(raw.split())
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    terms = []
    # Folded like the index (masthead/search/arabic.py): "أَحْمَد" searches as "احمد".
    for word in WORD_RE.findall(fold(text).lower()):
        word = search_term(word)
        if word not in terms:
            terms.append(word)
    return Query(text=text, terms=terms[:MAX_TERMS], truncated=truncated, typed=bool(text))


@dataclass
class Hit:
    kind: str  # a name of media.mixed.SEARCHED
    pk: int
    score: float  # the blended score, higher is better


@dataclass
class Match:
    """A page the engine found, with what blending needs."""

    kind: str
    page: object
    published_at: object  # when it came out (a live blog: when it first went live)
    score: float | None  # the engine's own


def matches(name, results):
    dated_by = SEARCHED[name].dated_by
    return [
        Match(name, page, getattr(page, dated_by), getattr(page, "_score", None))
        for page in results
    ]


def _search(pages, terms, operator):
    found = []
    for name, queryset in pages.items():
        results = queryset.search(" ".join(terms), operator=operator).annotate_score("_score")
        found += matches(name, results[:WINDOW])
    return found


@dataclass
class Ranking:
    hits: list = field(default_factory=list)
    # No page had every word: these have some of them (the page says so).
    partial: bool = False


def rank(pages, query, *, now=None):
    """A Ranking of `pages` ({kind name: its published pages, already filtered}) for up to
    WINDOW matches of all kinds, best first.

    Every word must match; when no page has them all, pages with any of the longer words
    are ranked instead (one more query per kind, only then: single letters and digits
    would match nearly everything). An engine error counts as no match.
    """
    if not query.terms:
        return Ranking()
    candidates = {
        name: queryset.only("id", "title", SEARCHED[name].dated_by)
        for name, queryset in pages.items()
    }
    partial = False
    try:
        found = _search(candidates, query.terms, "and")
        some = [term for term in query.terms if len(term) > 1]
        if not found and len(query.terms) > 1 and some:
            found = _search(candidates, some, "or")
            partial = bool(found)
    except DatabaseError:
        # The words are cleaned, so this should not happen; if an engine still refuses a
        # query, the reader gets "no results", not an error page.
        return Ranking()
    hits = blend(found, query.terms, now=now or timezone.now())
    return Ranking(hits[:WINDOW], partial)


def relevance(scores):
    """Scores scaled to 0..1 by the best one, whatever the engine's scale and sign.

    SQLite's bm25 is negative (lower is better), PostgreSQL's ts_rank and OpenSearch's
    _score are positive (higher is better): dividing by the best score handles both.
    """
    values = [score or 0.0 for score in scores]
    best = max(values, key=abs, default=0.0)
    if not best:
        return [1.0 for _ in values]
    return [max(0.0, value / best) for value in values]


def headline_factor(title, terms):
    words = {search_term(word) for word in WORD_RE.findall(fold(title).lower())}
    found = sum(1 for term in terms if any(word.startswith(term) for word in words))
    if not found:
        return 1.0
    return 1.0 + HEADLINE_BONUS * (1.0 if found == len(terms) else 0.5)


def freshness(published_at, now):
    """1 for a page published now, halving every HALF_LIFE_DAYS."""
    if published_at is None:
        return 0.0
    age_days = max(0.0, (now - published_at).total_seconds() / 86400)
    return math.pow(0.5, age_days / HALF_LIFE_DAYS)


def blend(found, terms, *, now):
    """Hits for `found` (Matches), best first."""
    scaled = relevance([match.score for match in found])
    hits = []
    for match, base in zip(found, scaled, strict=True):
        recency = (1 - RECENCY_WEIGHT) + RECENCY_WEIGHT * freshness(match.published_at, now)
        headline = headline_factor(match.page.title, terms)
        hits.append(Hit(match.kind, match.page.pk, base * headline * recency))
    # Ties (same words, same time) fall back to the newer id, so pages never reshuffle.
    hits.sort(key=lambda hit: (-hit.score, -hit.pk))
    return hits
