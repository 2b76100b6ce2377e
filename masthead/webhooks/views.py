"""Admin views beside the generic ones: a delivery's details, and retrying one given up."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import InspectView

from masthead.webhooks.delivery import delivery_retry
from masthead.webhooks.models import WebhookDelivery

RETRY_PERMISSION = "webhooks.change_webhook"  # whoever manages the webhooks


class DeliveryInspectView(InspectView):
    template_name = "webhooks/delivery_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_retry"] = self.object.given_up and self.request.user.has_perm(RETRY_PERMISSION)
        return context


@require_POST
def delivery_retry_view(request, pk):
    if not request.user.has_perm(RETRY_PERMISSION):
        raise PermissionDenied
    delivery = get_object_or_404(WebhookDelivery, pk=pk, given_up=True)
    delivery_retry(delivery=delivery)
    messages.success(request, f"Delivery {delivery.pk} will be sent again on the next tick.")
    return redirect("webhook_deliveries:inspect", pk=delivery.pk)
