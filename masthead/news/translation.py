"""A story translated into another edition takes that edition's regions and coverage
topics, not the original's.

Wagtail's copy keeps the English story's regions and topics, which belong to the English
edition: the translation would sit under topics its readers never see. Each is swapped
for its translation in the new edition, or dropped when that edition has none yet.
"""

from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done

from masthead.news.models import ArticlePage, Coverage, Region


def in_locale(model, objects, locale_id):
    keys = [item.translation_key for item in objects]
    return list(model.objects.filter(translation_key__in=keys, locale_id=locale_id))


@receiver(copy_for_translation_done)
def _take_the_editions_taxonomy(sender, source_obj, target_obj, **kwargs):
    story = getattr(target_obj, "specific", target_obj)  # snippets are translated too
    if not isinstance(story, ArticlePage):
        return
    draft = story.get_latest_revision_as_object()
    draft.regions = in_locale(Region, draft.regions.all(), draft.locale_id)
    draft.coverage = in_locale(Coverage, draft.coverage.all(), draft.locale_id)
    draft.save_revision(changed=False, clean=False)
