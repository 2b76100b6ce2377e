# "28 نوفمبر 2026 14:05": Arabic month names in full (Arabic has no customary short
# forms), Latin digits and a 24-hour clock. Django's own Arabic formats add a comma after
# the month and a 12-hour clock, which news pages rarely use.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
