"""The lists of stories feeds are made of: the site, an edition, a section, a taxonomy term.

A scope names its list (for the cache and the feed's title), the page readers see it on,
and its stories: always `ArticlePage.objects.published()`, narrowed.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from masthead.news import teasers
from masthead.news.models import ArticlePage


@dataclass
class Scope:
    key: str  # unique among scopes: part of the cache key
    title: str  # what the list is called, e.g. "Politics" ("" for the site itself)
    description: str
    path: str  # the reader page of the list, relative to the site
    articles: QuerySet = field(repr=False)
    language: str = ""


def _language(home):
    return home.locale.language_code if home is not None else ""


def site_scope():
    return Scope("site", "", "", "/", ArticlePage.objects.published())


def edition_scope(home, description=""):
    return Scope(
        f"edition:{home.pk}",
        "",
        description,
        home.url,
        teasers.published(home.locale_id),
        _language(home),
    )


def section_scope(section, home):
    return Scope(
        f"section:{section.pk}",
        section.title,
        section.intro,
        section.url,
        teasers.published(section.locale_id).descendant_of(section),
        _language(home),
    )


def _route(home, name, slug):
    return home.url + home.reverse_subpage(name, args=[slug]).lstrip("/")


def region_scope(region, home):
    return Scope(
        f"region:{region.pk}",
        region.name,
        _("Stories from %(region)s.") % {"region": region.name},
        _route(home, "region", region.slug),
        teasers.published(region.locale_id).filter(regions=region),
        _language(home),
    )


def tag_scope(tag, home):
    return Scope(
        f"tag:{home.pk}:{tag.pk}",
        tag.name,
        _("Stories tagged %(tag)s.") % {"tag": tag.name},
        _route(home, "tag", tag.slug),
        teasers.published(home.locale_id).filter(tagged_items__tag=tag),
        _language(home),
    )


def author_scope(author, home):
    return Scope(
        f"author:{home.pk}:{author.pk}",
        author.name,
        author.bio or (_("Stories by %(author)s.") % {"author": author.name}),
        _route(home, "author", author.slug),
        teasers.published(home.locale_id).filter(article_authors__author=author),
        _language(home),
    )


def coverage_scope(coverage, home):
    return Scope(
        f"coverage:{coverage.pk}",
        coverage.title,
        coverage.description,
        _route(home, "coverage", coverage.slug),
        teasers.published(coverage.locale_id).filter(coverage=coverage),
        _language(home),
    )
