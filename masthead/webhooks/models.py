"""Outgoing webhooks: the addresses that hear about publishing and breaking news, and the
queue of deliveries the worker sends to them."""

import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel


class WebhookEvent(models.TextChoices):
    ARTICLE_PUBLISHED = "article.published", "A story is published (or republished)"
    ARTICLE_UNPUBLISHED = "article.unpublished", "A story is unpublished or expires"
    BREAKING_POSTED = "breaking.posted", "A breaking line is posted"
    BREAKING_RETRACTED = "breaking.retracted", "A breaking line is retracted"


def webhook_secret():
    """A fresh signing secret: 256 random bits, URL-safe so it pastes cleanly anywhere."""
    return secrets.token_urlsafe(32)


def validate_events(value):
    known = set(WebhookEvent.values)
    if not isinstance(value, list) or not set(value) <= known:
        raise ValidationError("Choose events from the list.")


class WebhookForm(WagtailAdminModelForm):
    # The events are stored as a JSON list; editors tick them instead of typing JSON.
    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple
    )


class Webhook(models.Model):
    name = models.CharField(max_length=100, help_text="Who listens, e.g. 'App push service'.")
    url = models.URLField(
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="The http(s) address each event is POSTed to.",
    )
    secret = models.CharField(
        max_length=200,
        default=webhook_secret,
        help_text="Signs every delivery (X-Masthead-Signature). Share it with the receiver; "
        "replace it to rotate.",
    )
    events = models.JSONField(default=list, blank=True, validators=[validate_events])
    active = models.BooleanField(default=True, help_text="Untick to pause deliveries.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    base_form_class = WebhookForm
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("events"),
        FieldPanel("secret"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def events_display(self):
        return ", ".join(self.events)

    events_display.short_description = "Events"


class WebhookDelivery(models.Model):
    """One event on its way to one webhook. Pending while `next_attempt_at` is set."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40, choices=WebhookEvent.choices)
    payload = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    given_up = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "webhook deliveries"

    def __str__(self):
        return f"{self.event} to {self.webhook}"

    def status(self):
        if self.delivered_at:
            return "delivered"
        return "given up" if self.given_up else "pending"
