from django.conf import settings
from django.core.management.base import BaseCommand

from masthead.newsroom.worker import worker_loop, worker_tick


class Command(BaseCommand):
    help = "Publish and expire scheduled pages on time: runs until stopped (or --once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=settings.MASTHEAD_WORKER_INTERVAL,
            help="Seconds between ticks (default: WORKER_INTERVAL, 15).",
        )
        parser.add_argument("--once", action="store_true", help="One tick, then exit.")

    def handle(self, *args, interval, once, **options):
        if once:
            self.stdout.write(worker_tick())
            return
        self.stdout.write(f"Worker: publishing and expiring scheduled pages every {interval:g}s")
        worker_loop(interval=interval)
