from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "masthead.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self):
        from masthead.webhooks.events import connect_signals

        connect_signals()
