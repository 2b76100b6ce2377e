"""`masthead`: the few commands people type.

masthead run [--port 8000]   set up the database, demo content, static files; serve
masthead demo                create the demo content on its own
masthead <django command>    anything manage.py does (migrate, createsuperuser, ...)
"""

import argparse
import os
import subprocess
import sys


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()


def run(argv):
    parser = argparse.ArgumentParser(prog="masthead run")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="8000")
    parser.add_argument("--no-demo", action="store_true", help="Do not create demo content.")
    args = parser.parse_args(argv)

    # Hashed, long-cached static file names; the server started below inherits this.
    os.environ.setdefault("STATIC_MANIFEST", "1")
    _django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not args.no_demo:
        call_command("demo")
    url = f"http://{args.host}:{args.port}/"
    print(f"\n  Masthead is running at {url}\n  Newsroom (Wagtail admin): {url}admin/")
    if not args.no_demo:
        from masthead.demo.build import DEMO_PASSWORD
        from masthead.demo.skeleton import DEMO_STAFF

        # A published password: fine on a laptop, never on a server others can reach.
        for username, role in DEMO_STAFF.items():
            print(f"  Demo {role.lower()} login: {username} / {DEMO_PASSWORD}")
    print(flush=True)
    # Scheduled publishing runs in its own process; it stops with the server (Ctrl-C
    # reaches both).
    subprocess.Popen([sys.executable, "-m", "masthead", "worker"])
    # A fresh process picks up the hashed static files collectstatic just wrote.
    os.execv(
        sys.executable,
        [sys.executable, "-m", "django", "runserver", f"{args.host}:{args.port}", "--noreload"],
    )


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv else "help"
    if command == "run":
        return run(argv[1:])
    if command in {"help", "-h", "--help"}:
        print(__doc__)
        return 0
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
