from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.live.models import BreakingItem


class BreakingViewSet(SnippetViewSet):
    model = BreakingItem
    icon = "warning"
    menu_label = "Breaking"
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["text", "attribution", "created_at", "expires_at"]
    ordering = ["-created_at"]


register_snippet(BreakingViewSet)
