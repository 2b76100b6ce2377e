"""`manage.py demo`: fill an empty Masthead site with invented demo content."""

import argparse

from django.core.management.base import BaseCommand, CommandError

from masthead.demo.build import build_demo


class Command(BaseCommand):
    help = (
        "Create the demo newsroom: sections, pages, authors, regions, coverage topics, "
        "articles with pictures, breaking news and view counts. Does nothing if any "
        "article already exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=160,
            help="How many articles to write (default 160; 20 or more covers every section).",
        )
        parser.add_argument(
            "--clips",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Upload a few short clips drawn by ffmpeg, when it is installed (default on).",
        )

    def handle(self, *args, articles, clips, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1.")
        try:
            build_demo(articles=articles, clips=clips, stdout=self.stdout)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
