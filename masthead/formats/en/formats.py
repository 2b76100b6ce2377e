# "28 Nov 2026 14:05": day first and a 24-hour clock, as international English newsrooms write.
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j M"
