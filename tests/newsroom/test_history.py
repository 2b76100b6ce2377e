"""Who did what to a story: revisions an editor can compare, and the audit log."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from masthead.newsroom.roles import EDITOR, REPORTER
from tests import factories
from tests.conftest import parse, text_of


def person(username, role):
    user = get_user_model().objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return user, client


@pytest.fixture
def edited_story(newsroom):
    """A story a reporter drafted and an editor rewrote and published."""
    reporter, _ = person("rana", REPORTER)
    editor, client = person("eli", EDITOR)
    story = factories.make_article(newsroom["politics"], "Budget talks stall", live=False)
    first = story.save_revision(user=reporter, log_action=True)
    story.title = "Budget talks stall over pensions"
    story.standfirst = "Negotiators will meet again on Monday."
    second = story.save_revision(user=editor, log_action=True)
    second.publish(user=editor)
    return story, first, second, client


def test_an_editor_compares_two_revisions(edited_story):
    story, first, second, client = edited_story
    url = reverse("wagtailadmin_pages:revisions_compare", args=[story.pk, first.pk, second.pk])
    response = client.get(url)
    assert response.status_code == 200
    text = text_of(parse(response))
    assert "Budget talks stall over pensions" in text
    assert "Negotiators will meet again on Monday." in text


def test_the_history_says_who_did_what(edited_story):
    story, _first, _second, client = edited_story
    response = client.get(reverse("wagtailadmin_pages:history", args=[story.pk]))
    assert response.status_code == 200
    text = " ".join(text_of(parse(response)).split())
    assert "rana" in text and "eli" in text
    assert "Published" in text
    logged = set(PageLogEntry.objects.filter(page=story).values_list("user__username", "action"))
    assert ("eli", "wagtail.publish") in logged
    assert ("rana", "wagtail.edit") in logged
