"""Index what the demo wrote once, at the end, instead of on every save.

Every save normally queues a search-index update and a reference-index update for the
saved object; saving an article's authors, tags and regions queues its reference update
again for each. With the default immediate task backend all of that runs inline, and
it was most of a build's time. The demo switches both off while it writes, then indexes
each new object once, as `rebuild_modelsearch_index` and `rebuild_references_index`
would.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.index import class_is_indexed, get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexing_deferred():
    """While open, saves update neither index; pass what was written to `index_now`."""
    disconnected = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def index_now(objects):
    """Search-index and reference-index `objects`, one bulk call per model."""
    by_model = defaultdict(list)
    for obj in objects:
        by_model[type(obj)].append(obj)
    for model, group in by_model.items():
        if class_is_indexed(model):
            fresh = list(model.get_indexed_objects().filter(pk__in=[obj.pk for obj in group]))
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, fresh)
        if ReferenceIndex.is_indexed(model):
            for obj in group:
                ReferenceIndex.create_or_update_for_object(obj)
