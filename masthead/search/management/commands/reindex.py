"""`masthead reindex`: rebuild the search index from the database, with a progress bar.

Wagtail keeps the index up to date as editors publish; a rebuild is for after an import,
a restore, a change of search backend (SEARCH_URL) or of what is indexed. It works the way
Wagtail's `update_index` does (same rebuilder, so readers keep searching the old index
until the new one is complete where the backend supports it), and shows how far it got.
"""

from django.core.management.base import BaseCommand
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from wagtail.search.management.commands.update_index import group_models_by_index

BAR_WIDTH = 30


def progress_bar(done, total, *, width=BAR_WIDTH):
    """`[#########.....]  60%  600/1000`: plain characters, readable in any log."""
    share = done / total if total else 1.0
    filled = round(width * share)
    return f"[{'#' * filled}{'.' * (width - filled)}] {share:4.0%}  {done}/{total}"


class Command(BaseCommand):
    help = "Rebuild the search index (all backends, or --backend NAME), with progress."

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="Only this backend of WAGTAILSEARCH_BACKENDS.")
        parser.add_argument(
            "--chunk-size", type=int, default=500, help="Objects read and indexed at a time."
        )

    def handle(self, *args, backend=None, chunk_size=500, **options):
        from django.conf import settings

        self.verbosity = options.get("verbosity", 1)
        names = [backend] if backend else list(settings.WAGTAILSEARCH_BACKENDS)
        total = 0
        for name in names:
            total += self.rebuild(name, max(1, chunk_size))
        self.say(self.style.SUCCESS(f"Indexed {total} objects."))

    def say(self, text, ending="\n"):
        if self.verbosity > 0:
            self.stdout.write(text, ending=ending)
            self.stdout.flush()

    def rebuild(self, name, chunk_size):
        backend = get_search_backend(name)
        self.say(f"Search backend {name!r}: {type(backend).__module__}")
        if not backend.rebuilder_class:
            self.say("  this backend keeps no index of its own; nothing to rebuild.")
            return 0
        count = 0
        for index, models in group_models_by_index(backend, get_indexed_models()).items():
            rebuilder = backend.rebuilder_class(index)
            index = rebuilder.start()
            for model in models:
                index.add_model(model)
            for model in models:
                count += self.add_objects(index, model, chunk_size)
            rebuilder.finish()
        return count

    def add_objects(self, index, model, chunk_size):
        label = f"  {model._meta.label:<28}"
        objects = model.get_indexed_objects().order_by("pk")
        total = objects.count()
        done = 0
        # Chunks by primary key: stable, and each one a bounded query however large the table.
        last_pk = None
        while done < total:
            chunk = objects if last_pk is None else objects.filter(pk__gt=last_pk)
            items = list(chunk[:chunk_size])
            if not items:
                break
            index.add_items(model, items)
            done += len(items)
            last_pk = items[-1].pk
            self.say(f"\r{label} {progress_bar(done, total)}", ending="")
        if total == 0:
            self.say(f"\r{label} {progress_bar(0, 0)}", ending="")
        self.say("")
        return done
