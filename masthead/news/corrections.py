"""Corrections and updates to published stories, for views, admin hooks and commands alike."""

from django.utils import timezone

from masthead.news.models import ArticleNote, ArticlePage, NoteKind


def correction_add(*, article, text, kind=NoteKind.CORRECTION, user=None, when=None):
    """Add a correction or update note to a published story and republish it.

    The story keeps its publication time; "Updated" moves to the note's time. Returns the
    published revision.
    """
    article = ArticlePage.objects.get(pk=article.pk)  # the live version, not a stale copy
    article.notes.add(ArticleNote(kind=kind, text=text, noted_at=when or timezone.now()))
    revision = article.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    return revision
