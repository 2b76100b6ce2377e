"""Settings → Webhooks (manage them) and Settings → Webhook deliveries (see what failed)."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from masthead.webhooks import views
from masthead.webhooks.models import Webhook, WebhookDelivery


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Deliveries are a record of what was sent: people may look, nobody edits, not even a
    superuser. Retrying has its own view (see views.py)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


register_permission_policy(WebhookDelivery, ReadOnlyPolicy(WebhookDelivery))


class WebhookViewSet(ModelViewSet):
    model = Webhook
    icon = "link-external"
    add_to_settings_menu = True
    menu_order = 900
    url_prefix = "webhooks"
    name = "webhooks"
    copy_view_enabled = False  # a copy would share the original's secret
    list_display = ["name", "url", "events_display", "active", "created_at"]
    list_filter = ["active"]


class DeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    add_to_settings_menu = True
    menu_order = 901
    url_prefix = "webhook-deliveries"
    name = "webhook_deliveries"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = views.DeliveryInspectView
    list_display = [
        "__str__",
        "status",
        "attempts",
        "next_attempt_at",
        "last_status_code",
        "last_error",
        "created_at",
    ]
    list_filter = ["given_up", "event", "webhook"]

    def get_urlpatterns(self):
        # Only the views a log needs: no add, edit, delete or copy forms to build.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("retry/<int:pk>/", views.delivery_retry_view, name="retry"),
        ]


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return [WebhookViewSet(), DeliveryViewSet()]
