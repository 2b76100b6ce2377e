import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import masthead.live.models.breaking


def lines_so_far_were_the_default_editions(apps, schema_editor):
    """Before editions had their own tickers every line was written for the default one."""
    Locale = apps.get_model("wagtailcore", "Locale")
    BreakingItem = apps.get_model("live", "BreakingItem")
    if BreakingItem.objects.exists():
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        BreakingItem.objects.update(locale=locale)


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0005_live_tv_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="breakingitem",
            name="locale",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="edition",
            ),
        ),
        migrations.RunPython(lines_so_far_were_the_default_editions, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="breakingitem",
            name="locale",
            field=models.ForeignKey(
                default=masthead.live.models.breaking.default_edition_locale,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="edition",
            ),
        ),
    ]
