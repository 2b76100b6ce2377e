"""Search tests build their stories without indexing (the factories' default, for speed),
then index them the way an operator would: with `masthead reindex`."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests import factories


def reindex():
    call_command("reindex", verbosity=0)


def search(client, **params):
    """GET the English edition's search page with these parameters."""
    return client.get("/en/search/", params)


def days_ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def story(newsroom):
    """make_article in Politics unless told otherwise; index with reindex() afterwards."""

    def make(title, *, section=None, body_words=None, **fields):
        if body_words is not None:
            fields["body"] = [("paragraph", f"<p>{body_words}</p>")]
        fields.setdefault("published_at", days_ago(1))
        return factories.make_article(section or newsroom["politics"], title, **fields)

    return make
