"""Live blogs: the document open pages poll, and the admin's fast form for updates."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.forms import WagtailAdminModelForm

from masthead.live.liveblog import (
    liveblog_delete,
    liveblog_edit,
    liveblog_end,
    liveblog_pin,
    liveblog_post,
)
from masthead.live.models import LiveBlogPage, LiveUpdate, liveblog_document, liveblog_pulse_name
from masthead.live.pulse import pulse_response

DESK_UPDATES = 50  # updates listed under the form, newest first


@require_GET
def liveblog_json(request, blog_id):
    """A blog's newest updates, key events and status as JSON: the same URL for every
    reader (no per-reader parameters), so all polls share one cache entry."""
    edition = get_language()
    return pulse_response(
        request,
        liveblog_pulse_name(blog_id, edition),
        lambda: liveblog_document(blog_id, edition),
    )


class LiveUpdateForm(WagtailAdminModelForm):
    class Meta:
        model = LiveUpdate
        fields = ["headline", "body", "key_event"]

    def clean(self):
        data = super().clean()
        if not data.get("headline", "").strip() and not data.get("body"):
            raise forms.ValidationError("An update needs a headline or some content.")
        return data


class LiveUpdateEditForm(LiveUpdateForm):
    class Meta(LiveUpdateForm.Meta):
        fields = ["posted_at", "headline", "body", "key_event"]


def blank_update():
    """A new update starts with one empty text block: type, post, done."""
    return LiveUpdate(body=[("text", "")])


@permission_required("live.add_liveupdate", raise_exception=True)
def updates_desk(request, blog_id):
    """Post an update on top, the latest updates below; posting comes back here."""
    blog = get_object_or_404(LiveBlogPage, pk=blog_id)
    if request.method == "POST":
        form = LiveUpdateForm(request.POST, instance=LiveUpdate(blog=blog))
        if form.is_valid():
            data = form.cleaned_data
            liveblog_post(
                blog=blog,
                body=data["body"],
                headline=data["headline"],
                key_event=data["key_event"],
                author=request.user,
            )
            messages.success(request, "Update posted.")
            return redirect("liveblog_desk", blog.pk)
        messages.error(request, "The update was not posted; see below.")
    else:
        form = LiveUpdateForm(instance=blank_update())
    return TemplateResponse(
        request,
        "live/admin/updates_desk.html",
        {
            "blog": blog,
            "form": form,
            "updates": list(blog.updates_newest_first()[:DESK_UPDATES]),
            "can_end": blog.is_live and blog.permissions_for_user(request.user).can_publish(),
            "page_title": f"Updates: {blog.title}",
            "header_icon": "time",
        },
    )


@permission_required("live.change_liveupdate", raise_exception=True)
def update_edit(request, update_id):
    update = get_object_or_404(LiveUpdate.objects.select_related("blog"), pk=update_id)
    form = LiveUpdateEditForm(request.POST or None, instance=update)
    if request.method == "POST" and form.is_valid():
        liveblog_edit(update=update, **{name: form.cleaned_data[name] for name in form.fields})
        messages.success(request, "Update saved.")
        return redirect("liveblog_desk", update.blog_id)
    return TemplateResponse(
        request,
        "live/admin/update_edit.html",
        {
            "blog": update.blog,
            "update": update,
            "form": form,
            "page_title": f"Edit update: {update.blog.title}",
            "header_icon": "time",
        },
    )


@require_POST
@permission_required("live.change_liveupdate", raise_exception=True)
def update_pin(request, update_id):
    update = get_object_or_404(LiveUpdate, pk=update_id)
    liveblog_pin(update=update, pinned=not update.key_event)
    messages.success(request, "Pinned to Key events." if update.key_event else "Unpinned.")
    return redirect("liveblog_desk", update.blog_id)


@require_POST
@permission_required("live.delete_liveupdate", raise_exception=True)
def update_delete(request, update_id):
    update = get_object_or_404(LiveUpdate, pk=update_id)
    blog_id = update.blog_id
    liveblog_delete(update=update)
    messages.success(request, "Update deleted.")
    return redirect("liveblog_desk", blog_id)


@require_POST
@permission_required("live.add_liveupdate", raise_exception=True)
def blog_end(request, blog_id):
    blog = get_object_or_404(LiveBlogPage, pk=blog_id)
    if not blog.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    liveblog_end(blog=blog.get_latest_revision_as_object(), user=request.user)
    messages.success(request, "The live blog has ended; open pages say so.")
    return redirect("liveblog_desk", blog.pk)
