"""The lists feeds are made of: the site, an edition, a section, a taxonomy term.

A scope names its list (for the cache and the feed's title), the page readers see it on,
and its pages: for each kind (stories, videos, galleries, infographs; see media/mixed.py)
that kind's published pages, narrowed. The embargo rule's `published()` is always where
they start. Coverage topics hold stories only.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from masthead.core.editions import edition_name
from masthead.media.mixed import published_pages
from masthead.news import teasers


@dataclass
class Scope:
    key: str  # unique among scopes: part of the cache key
    title: str  # what the list is called, e.g. "Politics" ("" for the site itself)
    description: str
    path: str  # the reader page of the list, relative to the site
    pages: dict[str, QuerySet] = field(repr=False)  # kind name -> its published pages
    language: str = ""


def _language(home):
    return home.locale.language_code if home is not None else ""


def site_scope():
    return Scope("site", "", "", "/", published_pages(None))


def edition_scope(home):
    """Named in its own language ("العربية | Masthead Daily") and described by its own
    slogan, so a reader who follows two editions can tell their feeds apart."""
    return Scope(
        f"edition:{home.pk}",
        edition_name(home.locale.language_code),
        home.slogan,
        home.url,
        published_pages(home.locale_id),
        _language(home),
    )


def section_scope(section, home):
    return Scope(
        f"section:{section.pk}",
        section.title,
        section.intro,
        section.url,
        {
            name: pages.descendant_of(section)
            for name, pages in published_pages(section.locale_id).items()
        },
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
        published_pages(region.locale_id, lambda kind: {"regions": region}),
        _language(home),
    )


def tag_scope(tag, home):
    return Scope(
        f"tag:{home.pk}:{tag.pk}",
        tag.name,
        _("Stories tagged %(tag)s.") % {"tag": tag.name},
        _route(home, "tag", tag.slug),
        published_pages(home.locale_id, lambda kind: {"tagged_items__tag": tag}),
        _language(home),
    )


def author_scope(author, home):
    return Scope(
        f"author:{home.pk}:{author.pk}",
        author.name,
        author.bio or (_("Stories by %(author)s.") % {"author": author.name}),
        _route(home, "author", author.slug),
        published_pages(home.locale_id, lambda kind: {kind.author: author}),
        _language(home),
    )


def coverage_scope(coverage, home):
    return Scope(
        f"coverage:{coverage.pk}",
        coverage.title,
        coverage.description,
        _route(home, "coverage", coverage.slug),
        {"article": teasers.published(coverage.locale_id).filter(coverage=coverage)},
        _language(home),
    )
