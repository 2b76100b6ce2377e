from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "masthead.syndication"
    label = "syndication"
    verbose_name = "Feeds, sitemaps and structured data"

    def ready(self):
        from masthead.syndication.cache import connect_signals

        connect_signals()
