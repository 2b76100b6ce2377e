"""Sections and subsections: News > Politics, Videos > Explainers and so on.

The main menu is the home page's children marked "show in menus", and each item's
sub-menu is its own children marked so. Editors shape navigation by arranging the tree.
"""

from django.db import models
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
    subpage_types = ["news.SectionPage", "news.ArticlePage"]
    page_description = "A section or subsection (e.g. News, Politics) listing its articles."

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
        context["subsections"] = self.get_children().live().in_menu().specific()
        return context
