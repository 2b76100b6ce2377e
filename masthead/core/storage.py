"""Static files with hashed names, JavaScript module imports included."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    # site.js imports pulse.js: rewrite the import to the hashed name, so a page never
    # pairs a new site.js with a year-old cached pulse.js (or the other way round).
    support_js_module_import_aggregation = True
