"""The newsroom's clock: the work that must happen at a time, not on a request.

Each tick publishes stories whose scheduled time has come and unpublishes those whose
expiry has passed (Wagtail's `publish_scheduled`). Breaking items need no tick: readers
only ever see items whose expiry is still ahead. Then it sends the webhook deliveries
that are due (masthead/webhooks/delivery.py). `masthead run` starts the worker beside
the web server; in production run `masthead worker` as its own process.
"""

import io
import logging
import time

from django.core.management import call_command

from masthead.webhooks.delivery import webhooks_deliver

logger = logging.getLogger(__name__)


def worker_tick():
    """One round of timed work. Returns what Wagtail reported, for logs and tests."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    out.write(webhooks_deliver())  # after publishing, so this tick's stories go out at once
    return out.getvalue()


def worker_loop(*, interval, ticks=None):
    """Tick every `interval` seconds (forever, or `ticks` times); a failure never stops it."""
    done = 0
    while ticks is None or done < ticks:
        started = time.monotonic()
        try:
            report = worker_tick()
            if report.strip():
                logger.info("worker: %s", report.strip())
        except Exception:
            logger.exception("worker tick failed; trying again next tick")
        done += 1
        if ticks is None or done < ticks:
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
