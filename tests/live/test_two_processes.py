"""Two web server processes on different ports, one PostgreSQL and one Redis: a breaking
line posted through one appears on pages served by the other, and leaves them when
retracted. This is how Masthead runs on several machines.

Needs DATABASE_URL (PostgreSQL) and REDIS_URL, as `.ci/run`'s second pass sets them.
"""

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from contextlib import ExitStack, contextmanager

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
        or not os.environ.get("REDIS_URL"),
        reason="needs DATABASE_URL (PostgreSQL) and REDIS_URL: several processes share them",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LIVE_WITHIN = 2.0  # seconds
PASSWORD = "two-processes-password"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def shared_database_url():
    """The URL of the database this test writes to (pytest-django's test database)."""
    parts = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return parts._replace(path="/" + connection.settings_dict["NAME"]).geturl()


@contextmanager
def web_server(env):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=2)
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "the web server did not start"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


class Editor:
    """An editor's browser, signed in to the admin of one server."""

    def __init__(self, server):
        self.server = server
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def csrf_token(self, path):
        html = self.opener.open(self.server + path).read().decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post(self, path, data, *, form_path):
        data = {**data, "csrfmiddlewaretoken": self.csrf_token(form_path)}
        body = urllib.parse.urlencode(data).encode()
        return self.opener.open(self.server + path, body)

    def sign_in(self, username):
        self.post(
            "/admin/login/",
            {"username": username, "password": PASSWORD},
            form_path="/admin/login/",
        )
        return self


def ticker_lines(server):
    with urllib.request.urlopen(f"{server}/en/breaking.json", timeout=5) as response:
        return [item["text"] for item in json.load(response)["items"]]


def within(seconds, check):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"not within {seconds} s"
        time.sleep(0.05)


def test_a_line_posted_through_one_process_is_served_by_the_other(django_user_model):
    from masthead.live.models import BreakingItem

    django_user_model.objects.create_superuser("chief", "chief@example.com", PASSWORD)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
        "DATABASE_URL": shared_database_url(),
        "CACHE_KEY_PREFIX": f"two-processes-{uuid.uuid4().hex}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "0",
    }
    with ExitStack() as servers:
        first = servers.enter_context(web_server(env))
        second = servers.enter_context(web_server(env))
        # The second server has built and cached its document before the line exists.
        assert ticker_lines(second) == []
        home = urllib.request.urlopen(f"{second}/en/").read().decode()
        assert 'data-live-url="/en/breaking.json"' in home

        editor = Editor(first).sign_in("chief")
        line = "Rail strike called off after overnight talks"
        editor.post("/admin/breaking-desk/post/", {"text": line}, form_path="/admin/")
        posted = time.monotonic()
        within(LIVE_WITHIN, lambda: ticker_lines(second) == [line])
        print(f"served by the other process after {time.monotonic() - posted:.2f} s")

        item = BreakingItem.objects.get(text=line)
        editor.post(f"/admin/breaking-desk/{item.pk}/retract/", {}, form_path="/admin/")
        within(LIVE_WITHIN, lambda: ticker_lines(second) == [])
