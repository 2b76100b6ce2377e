from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_edition_locales(using="default", **kwargs):
    """Every language in LANGUAGES is an edition, so each needs its Wagtail Locale.

    After every migrate rather than in a migration: adding a language to settings is
    then all an operator does, with no migration to write.
    """
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"

    def ready(self):
        from masthead.core import editions  # noqa: F401 - connects its signal receivers

        post_migrate.connect(ensure_edition_locales, sender=self)
