"""Live blog workflows: post, edit, pin, delete updates and end a blog, from the admin's
fast form, commands or tests. Each save tells open pages through the push channel (the
signals in models/blog.py)."""

from django.utils import timezone

from masthead.live.models import LiveBlogStatus, LiveUpdate


def text_body(text):
    """A body of one text block from plain text: a paragraph per blank-line-separated part."""
    from django.utils.html import escape

    paragraphs = [part.strip() for part in text.strip().split("\n\n") if part.strip()]
    html = "".join(f"<p>{escape(part)}</p>" for part in paragraphs)
    return [("text", html)] if html else []


def liveblog_post(
    *, blog, body=None, text="", headline="", key_event=False, author=None, posted_at=None
):
    """Post an update on `blog` now (or at `posted_at`); open pages offer it within seconds.

    `body` is a list of (block type, value) pairs for the update's StreamField; `text`
    is a shortcut for a body of plain paragraphs.
    """
    if body is None:
        body = text_body(text)
    if not body and not headline.strip():
        raise ValueError("An update needs a headline or a body.")
    return LiveUpdate.objects.create(
        blog=blog,
        body=body,
        headline=headline.strip(),
        key_event=key_event,
        author=author,
        posted_at=posted_at or timezone.now(),
    )


def liveblog_edit(*, update, **changes):
    """Change an update's headline, body, key_event or posted_at; open pages follow."""
    allowed = {"headline", "body", "key_event", "posted_at"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of an update.")
    for name, value in changes.items():
        setattr(update, name, value)
    update.save()
    return update


def liveblog_pin(*, update, pinned=True):
    """Put an update in the Key events list at the top of the blog, or take it out."""
    update.key_event = pinned
    update.save(update_fields=["key_event", "updated_at"])
    return update


def liveblog_delete(*, update):
    """Remove an update for good; open pages drop it on their next poll."""
    update.delete()


def liveblog_end(*, blog, user=None):
    """End the blog: publish it with status Ended. Open pages stop following and say so."""
    blog.status = LiveBlogStatus.ENDED
    blog.ended_at = timezone.now()
    revision = blog.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    return blog
