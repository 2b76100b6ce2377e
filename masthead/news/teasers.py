"""The queries behind every list of stories: latest, per section, most read, read next.

Each function runs a fixed number of queries however large the archive grows (DESIGN.md,
principle 2): the teaser query selects the lead image and prefetches its renditions, and
`with_sections` labels a whole list with its sections in one more query. Templates and
(later) the API share these functions, and tests count their queries.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, Sum
from django.utils import timezone

from masthead.news.models import ArticlePage, ArticleTag, ArticleType, Coverage, SectionPage


def published(locale_id=None):
    articles = ArticlePage.objects.published()
    if locale_id is not None:
        articles = articles.filter(locale_id=locale_id)
    return articles


def as_teasers(articles):
    """What a teaser needs, and no more: no body, the lead image and its renditions."""
    return (
        articles.defer_streamfields()
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-published_at", "-pk")
    )


def with_sections(articles):
    """Set `article.section` on each article (its parent section) with one query."""
    articles = list(articles)
    steplen = ArticlePage.steplen
    parent_paths = {article.path[:-steplen] for article in articles}
    if parent_paths:
        sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    else:
        sections = {}
    for article in articles:
        article.section = sections.get(article.path[:-steplen])
    return articles


def section_of(article):
    return SectionPage.objects.filter(path=article.path[: -ArticlePage.steplen]).first()


def latest(locale_id, *, limit=10, exclude=()):
    articles = as_teasers(published(locale_id)).exclude(pk__in=list(exclude))
    return with_sections(articles[:limit])


def in_section(section):
    """Every published story in a section and its subsections, newest first (lazy)."""
    return as_teasers(published(section.locale_id).descendant_of(section))


def latest_views(locale_id, *, limit=4, exclude=()):
    """The latest opinion, analysis and features: the front page's Read Next."""
    articles = as_teasers(published(locale_id).exclude(article_type=ArticleType.NEWS))
    return with_sections(articles.exclude(pk__in=list(exclude))[:limit])


def latest_per_section(sections, *, limit=4):
    return [(section, with_sections(in_section(section)[:limit])) for section in sections]


def most_read(locale_id, *, hours=None, limit=5):
    """Stories read most in the last `hours`, falling back to the latest with no views."""
    hours = hours or settings.MASTHEAD_MOST_READ_HOURS
    since = timezone.now() - timedelta(hours=hours)
    ranked = list(
        as_teasers(published(locale_id))
        .filter(view_counts__hour__gte=since)
        .annotate(recent_views=Sum("view_counts__views"))
        .order_by("-recent_views", "-published_at")[:limit]
    )
    if len(ranked) < limit:
        newest = as_teasers(published(locale_id)).exclude(pk__in=[a.pk for a in ranked])
        ranked += list(newest[: limit - len(ranked)])
    return with_sections(ranked)


READ_NEXT_WINDOW = timedelta(days=30)


def read_next(article, *, limit=4):
    """Recent stories sharing the article's section, tags or coverage; never itself.

    Only the last 30 days are searched, so the work stays bounded however popular a tag
    becomes; when that finds too few, the section's latest stories fill the list.
    """
    shared = (
        Q(path__startswith=article.path[: -ArticlePage.steplen])
        | Q(tagged_items__tag__in=ArticleTag.objects.filter(content_object=article).values("tag"))
        | Q(coverage__in=Coverage.objects.filter(articles=article).values("pk"))
    )
    recent = published(article.locale_id).filter(
        published_at__gte=timezone.now() - READ_NEXT_WINDOW
    )
    candidates = recent.filter(shared).exclude(pk=article.pk).values("pk").distinct()
    found = list(as_teasers(ArticlePage.objects.filter(pk__in=candidates))[:limit])
    if len(found) < limit:
        siblings = published(article.locale_id).filter(
            path__startswith=article.path[: -ArticlePage.steplen], depth=article.depth
        )
        older = as_teasers(siblings).exclude(pk__in=[article.pk, *(a.pk for a in found)])
        found += list(older[: limit - len(found)])
    return with_sections(found)


def by_region(region):
    return as_teasers(published(region.locale_id).filter(regions=region))


def by_tag(tag, locale_id):
    return as_teasers(published(locale_id).filter(tagged_items__tag=tag))


def by_author(author, locale_id):
    return as_teasers(published(locale_id).filter(article_authors__author=author))


def in_coverage(coverage):
    """(pinned, rest): the editors' pinned stories in order, then the rest, newest first."""
    pinned_ids = list(coverage.pins.order_by("sort_order").values_list("article_id", flat=True))
    pinned_map = {
        a.pk: a for a in as_teasers(published(coverage.locale_id).filter(pk__in=pinned_ids))
    }
    pinned = [pinned_map[pk] for pk in pinned_ids if pk in pinned_map]
    rest = as_teasers(published(coverage.locale_id).filter(coverage=coverage)).exclude(
        pk__in=pinned_ids
    )
    return pinned, rest


def coverage_tabs(locale_id, *, limit=4):
    """The Coverage block: an "All" tab, then one tab per active topic.

    One query for the topics, one per tab, one for all their sections: the count follows
    the number of running stories editors keep active, never the size of the archive.
    """
    topics = list(Coverage.objects.filter(locale_id=locale_id, active=True))
    if not topics:
        return []
    tabs = [
        (
            None,
            list(as_teasers(published(locale_id).filter(coverage__in=topics).distinct())[:limit]),
        )
    ]
    for topic in topics:
        tabs.append((topic, list(as_teasers(published(locale_id).filter(coverage=topic))[:limit])))
    with_sections([article for _, articles in tabs for article in articles])
    return tabs


def rails(locale_id):
    """The blocks beside every story and on the front page: Most Read and Coverage."""
    return {"most_read": most_read(locale_id), "coverage_tabs": coverage_tabs(locale_id)}
