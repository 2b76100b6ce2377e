from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from masthead.live import views
from masthead.live.desk import breaking_added, breaking_deleted
from masthead.live.models import BreakingItem


class BreakingDeleteView(DeleteView):
    def delete_action(self):
        breaking_deleted(item=self.object)
        super().delete_action()


class BreakingViewSet(SnippetViewSet):
    """*Breaking* in the admin menu: every line on record, to reword or re-time. Lines
    added or deleted here go through the desk's functions like posted ones."""

    model = BreakingItem
    delete_view_class = BreakingDeleteView
    icon = "warning"
    menu_label = "Breaking"
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["text", "attribution", "locale", "created_at", "expires_at"]
    list_filter = ["locale"]
    ordering = ["-created_at"]


register_snippet(BreakingViewSet)


@hooks.register("after_create_snippet")
def breaking_line_created(request, instance):
    if isinstance(instance, BreakingItem):
        breaking_added(item=instance)


def tickers():
    """Each open edition's active lines, in its running order (one query). The desk sees
    links to drafts too (the ticker hides them until publication)."""
    editions = views.desk_editions()
    lines = BreakingItem.objects.active().filter(locale__language_code__in=dict(editions))
    by_edition = {code: [] for code, _name in editions}
    for item in lines.select_related("locale")[:60]:
        by_edition[item.locale.language_code].append(item)
    return [(name, by_edition[code]) for code, name in editions if by_edition[code]]


class BreakingDeskPanel(Component):
    """First on the dashboard for those who run breaking news: three fields, one click."""

    name = "breaking_desk"
    template_name = "live/breaking_desk_panel.html"
    order = 10

    def get_context_data(self, parent_context):
        request = parent_context.get("request")
        return {
            "form": views.BreakingDeskForm(initial={"edition": views.editor_edition(request)}),
            "tickers": tickers(),
            "csrf_token": parent_context.get("csrf_token"),
            "request": parent_context.get("request"),
        }


@hooks.register("construct_homepage_panels")
def add_breaking_desk(request, panels):
    if request.user.has_perm("live.add_breakingitem"):
        panels.insert(0, BreakingDeskPanel())


@hooks.register("register_admin_urls")
def breaking_desk_urls():
    return [
        path("breaking-desk/post/", views.desk_post, name="breaking_desk_post"),
        path(
            "breaking-desk/<int:item_id>/retract/",
            views.desk_retract,
            name="breaking_desk_retract",
        ),
        path(
            "breaking-desk/<int:item_id>/move/<str:direction>/",
            views.desk_move,
            name="breaking_desk_move",
        ),
        path(
            "breaking-desk/<int:item_id>/develop/",
            views.desk_develop,
            name="breaking_desk_develop",
        ),
    ]


# --- Live blogs: the Updates button on each blog, the fast form's URLs, a dashboard list ---


def _liveblog_updates_button(page, user, priority):
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from masthead.live.models import LiveBlogPage

    if page.specific_class is LiveBlogPage and user.has_perm("live.add_liveupdate"):
        yield Button(
            "Post updates",
            reverse("liveblog_desk", args=[page.pk]),
            icon_name="time",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def liveblog_header_button(page, user, view_name, next_url=None):
    yield from _liveblog_updates_button(page, user, priority=5)


@hooks.register("register_page_listing_buttons")
def liveblog_listing_button(page, user, next_url=None):
    yield from _liveblog_updates_button(page, user, priority=5)


class LiveBlogsPanel(Component):
    """Running live blogs on the dashboard, each one click from its fast form."""

    name = "live_blogs"
    template_name = "live/admin/live_blogs_panel.html"
    order = 20

    def get_context_data(self, parent_context):
        from masthead.live.models import LiveBlogPage, LiveBlogStatus

        blogs = LiveBlogPage.objects.filter(status=LiveBlogStatus.LIVE).order_by(
            "-first_published_at"
        )
        return {"blogs": list(blogs[:10])}


@hooks.register("construct_homepage_panels")
def add_live_blogs(request, panels):
    if request.user.has_perm("live.add_liveupdate"):
        panels.append(LiveBlogsPanel())


@hooks.register("register_admin_urls")
def liveblog_urls():
    from masthead.live import blog_views

    return [
        path("live-blogs/<int:blog_id>/updates/", blog_views.updates_desk, name="liveblog_desk"),
        path("live-blogs/<int:blog_id>/end/", blog_views.blog_end, name="liveblog_end"),
        path(
            "live-blogs/updates/<int:update_id>/edit/",
            blog_views.update_edit,
            name="liveblog_update_edit",
        ),
        path(
            "live-blogs/updates/<int:update_id>/pin/",
            blog_views.update_pin,
            name="liveblog_update_pin",
        ),
        path(
            "live-blogs/updates/<int:update_id>/delete/",
            blog_views.update_delete,
            name="liveblog_update_delete",
        ),
    ]
