"""The embargo rule, written once: when a reader may see a page.

A page is published when it is live (Wagtail's scheduled publishing has run), not behind
a view restriction, and its publication time (`published_at`) has come. Stories, videos,
galleries and infographs all keep a `published_at` and obey it; live blogs have no
publication time of their own, so for them live and public is enough.

Listings, feeds, sitemaps, search and the API start from `PublishedQuerySet.published()`;
page views go through `EmbargoedPage.serve()`, which is the same rule for one page.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

RESTRICTED_PATHS_KEY = "masthead:restricted-paths"


def restricted_paths():
    """Tree paths under a view restriction (login, password, groups), cached until one changes.

    Wagtail's `public()` reads every restriction on every call; a page builds several lists,
    so that was one query per list. The signal handlers below drop the cache on any change.
    """
    paths = cache.get(RESTRICTED_PATHS_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(RESTRICTED_PATHS_KEY, paths, timeout=None)
    return paths


@receiver([post_save, post_delete], sender=PageViewRestriction)
def forget_restricted_paths(**kwargs):
    cache.delete(RESTRICTED_PATHS_KEY)


class PublishedQuerySet(PageQuerySet):
    # The field holding the publication time; None for pages that are out once live.
    embargo_field = "published_at"

    def published(self):
        """The one definition of "a reader may see this now"."""
        pages = self.live()
        if self.embargo_field:
            pages = pages.filter(**{f"{self.embargo_field}__lte": timezone.now()})
        private = Q()
        for path in restricted_paths():
            private |= Q(path__startswith=path)
        return pages.exclude(private) if private else pages


class EmbargoedPage:
    """Mixin for pages with a `published_at`: set on first publication, obeyed when served."""

    def stamp_publication_time(self):
        if self.live and self.published_at is None:
            self.published_at = self.first_published_at or timezone.now()

    def is_published(self):
        return self.published_at is not None and self.published_at <= timezone.now()

    def serve(self, request, *args, **kwargs):
        # Before its publication time the page is not there for readers; previews still work.
        if not self.is_published() and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)
