# "28 nov 2026 14:05": "b" is the lower-case short month, as Spanish writes it ("M" would
# capitalise it); Django's own "28 de noviembre de 2026 a las 14:05" is too long for a teaser.
DATE_FORMAT = "j b Y"
DATETIME_FORMAT = "j b Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j b"
