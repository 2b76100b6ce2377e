"""Sections and subsections: News > Politics, Videos > Explainers and so on.

The main menu is the home page's children marked "show in menus", and each item's
sub-menu is its own children marked so. Editors shape navigation by arranging the tree.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from masthead.core.pagination import paginate
from masthead.syndication.routes import SectionFeedRoutes


class SectionPage(SectionFeedRoutes, RoutablePageMixin, Page):
    """Its feed is a route: `/en/news/feed/` (syndication/routes.py)."""

    intro = models.TextField(blank=True, help_text="One line shown under the section name.")

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["core.HomePage", "news.SectionPage"]
    subpage_types = [
        "news.SectionPage",
        "news.ArticlePage",
        "media.GalleryPage",
        "media.InfographPage",
        "live.LiveBlogPage",
        "media.VideoSectionPage",
    ]
    page_description = (
        "A section or subsection (e.g. News, Politics) listing its articles, galleries, "
        "infographs and live blogs."
    )

    class Meta:
        verbose_name = "section"

    @property
    def is_subsection(self):
        return self.depth > 3

    def get_context(self, request, *args, **kwargs):
        from masthead.news import teasers

        context = super().get_context(request, *args, **kwargs)
        articles = teasers.in_section(self)
        context["page_obj"] = paginate(request, articles, per_page=20, teasers=True)
        # One query finds the subsections for the menu and the live blogs filed here.
        from masthead.live.models.blog import LiveBlogPage, live_blogs_listed

        blog_type = ContentType.objects.get_for_model(LiveBlogPage)
        children = list(
            self.get_children()
            .live()
            .filter(Q(show_in_menus=True) | Q(content_type=blog_type))
            .specific()
        )
        context["subsections"] = [c for c in children if not isinstance(c, LiveBlogPage)]
        context["live_blogs"] = live_blogs_listed(
            c for c in children if isinstance(c, LiveBlogPage)
        )
        # In Pictures and Infographs: the galleries and infographs filed here, if any.
        from masthead.media import listings

        context.update(listings.for_section(request, self))
        return context
