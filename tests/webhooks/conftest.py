"""A real HTTP receiver on 127.0.0.1 for the worker to deliver to, and webhooks to fill it."""

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from masthead.webhooks.models import Webhook, WebhookEvent


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


@dataclass
class Receiver:
    """What came in, and how to answer: `statuses` in turn (then 200), after `delay` s."""

    url: str = ""
    requests: list = field(default_factory=list)
    statuses: list = field(default_factory=list)
    delay: float = 0


def handler_for(receiver):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            receiver.requests.append(Received(self.path, dict(self.headers.items()), body))
            time.sleep(receiver.delay)
            status = receiver.statuses.pop(0) if receiver.statuses else 200
            try:
                self.send_response(status)
                self.send_header("Location", "/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass  # the worker gave up waiting (timeout tests)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def receiver():
    found = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(found))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    found.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/masthead"
    yield found
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port_url():
    """An address where nothing listens: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/nobody-home"


def make_webhook(url, *, name=None, events=None, active=True, secret="s3cret-for-tests"):
    return Webhook.objects.create(
        name=name or f"Hook at {url}",
        url=url,
        events=list(WebhookEvent.values) if events is None else events,
        active=active,
        secret=secret,
    )


@pytest.fixture
def queue(django_capture_on_commit_callbacks):
    """Raise an event as the newsroom would and run its on-commit queuing."""
    from masthead.webhooks.events import webhook_event

    def raise_event(event="breaking.posted", data=None):
        with django_capture_on_commit_callbacks(execute=True):
            webhook_event(event=event, data=data or {"id": 1, "text": "Bridge reopens"})

    return raise_event
