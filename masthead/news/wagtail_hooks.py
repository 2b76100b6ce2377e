from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from masthead.news.models import Author, Coverage, Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "slug"]
    search_fields = ["name"]


class CoverageViewSet(SnippetViewSet):
    model = Coverage
    icon = "folder-open-inverse"
    list_display = ["title", "active", "sort_order"]
    list_filter = ["active"]


class NewsroomGroup(SnippetViewSetGroup):
    menu_label = "Newsroom"
    menu_icon = "folder-open-1"
    menu_order = 200
    items = (AuthorViewSet, CoverageViewSet, RegionViewSet)


register_snippet(NewsroomGroup)
