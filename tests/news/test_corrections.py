"""Corrections and updates: notes at the foot of a story, "Updated" moves, publication stays."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageLogEntry

from masthead.news.corrections import correction_add
from masthead.news.models import ArticleNote, ArticlePage, NoteKind
from masthead.newsroom.roles import EDITOR
from tests import factories
from tests.conftest import by_class, parse, text_of


def test_a_correction_keeps_the_publication_time_and_moves_updated(client, newsroom):
    published = timezone.now() - timedelta(days=2)
    story = factories.make_article(newsroom["politics"], "Bridge vote", published_at=published)
    when = timezone.now() - timedelta(minutes=5)

    correction_add(article=story, text="An earlier version misspelt the mayor's name.", when=when)

    story = ArticlePage.objects.get(pk=story.pk)
    assert story.published_at == published
    assert story.updated_at == when
    assert [(n.kind, n.text) for n in story.notes.all()] == [
        (NoteKind.CORRECTION, "An earlier version misspelt the mayor's name.")
    ]
    page = parse(client.get(story.url))
    [notes] = by_class(page, "story-notes", "section")
    assert "Corrections and updates" in text_of(notes)
    assert "Correction" in text_of(notes)
    assert "misspelt the mayor's name" in text_of(notes)
    assert when.strftime("%-d %b %Y") in text_of(notes)
    [updated] = by_class(page, "updated", "li")
    assert "Updated" in text_of(updated)


def test_each_correction_is_a_published_revision_in_the_audit_log(newsroom, django_user_model):
    editor = django_user_model.objects.create_user("desk-editor")
    editor.groups.add(Group.objects.get(name=EDITOR))
    story = factories.make_article(newsroom["politics"], "Harbour plan")
    correction_add(article=story, text="Figures updated.", kind=NoteKind.UPDATE, user=editor)
    actions = set(
        PageLogEntry.objects.filter(page=story, user=editor).values_list("action", flat=True)
    )
    assert "wagtail.publish" in actions
    assert ArticleNote.objects.filter(article=story, kind=NoteKind.UPDATE).count() == 1


def test_an_older_note_does_not_move_updated_back(newsroom):
    story = factories.make_article(newsroom["politics"], "Late count")
    latest = timezone.now() - timedelta(hours=1)
    correction_add(article=story, text="Turnout added.", when=latest)
    correction_add(article=story, text="Backdated note.", when=latest - timedelta(days=1))
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.updated_at == latest
    assert story.notes.count() == 2


def test_no_notes_no_section(client, newsroom):
    story = factories.make_article(newsroom["politics"], "Quiet day")
    assert not by_class(parse(client.get(story.url)), "story-notes", "section")
