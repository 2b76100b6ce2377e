"""How each edition writes dates and times (FORMAT_MODULE_PATH; docs/translating-the-interface.md).

Templates name a format ("DATE_FORMAT", "DATETIME_FORMAT", "TIME_FORMAT",
"MONTH_DAY_FORMAT") instead of spelling one out, so each language gets its own order, month
names and punctuation. Anything a module here leaves out falls back to Django's own.
"""
