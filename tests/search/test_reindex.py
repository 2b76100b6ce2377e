"""`masthead reindex` rebuilds the index, showing its progress."""

import io

import pytest
from django.core.management import call_command

from masthead.search.management.commands.reindex import progress_bar
from tests.search.conftest import search

pytestmark = pytest.mark.django_db


def test_rebuild_indexes_stories_and_reports_progress(client, story):
    for number in range(5):
        story(f"Comet sighting {number}")
    assert "sighting 0" not in search(client, q="comet").content.decode()

    out = io.StringIO()
    call_command("reindex", "--chunk-size", "2", stdout=out)
    output = out.getvalue()

    assert "news.ArticlePage" in output
    # Every kind search finds is rebuilt with the stories.
    for model in ("media.VideoPage", "media.GalleryPage", "media.InfographPage"):
        assert model in output
    assert "live.LiveBlogPage" in output
    # Chunks of two: 2, 4, then all 5 stories, each step redrawn on the same line.
    article_line = next(line for line in output.split("\n") if "news.ArticlePage" in line)
    steps = article_line.split("\r")
    assert [step.rsplit(" ", 1)[-1] for step in steps if step.strip()] == ["2/5", "4/5", "5/5"]
    assert "100%" in steps[-1]
    assert output.rstrip().endswith("objects.")
    assert "<mark>Comet</mark> sighting 0" in search(client, q="comet").content.decode()


def test_progress_bar():
    assert progress_bar(0, 4, width=4) == "[....]   0%  0/4"
    assert progress_bar(3, 4, width=4) == "[###.]  75%  3/4"
    assert progress_bar(0, 0, width=4) == "[####] 100%  0/0"
