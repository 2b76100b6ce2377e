"""The ticker's document for open pages, and the breaking desk's admin actions behind
the dashboard panel."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from masthead.core.editions import edition_homes, edition_name
from masthead.live.desk import breaking_develop, breaking_move, breaking_post, breaking_retract
from masthead.live.models import BreakingItem, ticker_document
from masthead.live.models.breaking import ticker_pulse_name
from masthead.live.pulse import pulse_response
from masthead.news.models import ArticlePage, SectionPage

SECTION_DEPTH = 3  # sections are the children of an edition's home


@require_GET
def breaking_json(request):
    """The edition's ticker as JSON: open pages poll it to show new lines and drop
    retracted ones without a reload (see docs/live-updates.md)."""
    edition = get_language()
    return pulse_response(request, ticker_pulse_name(edition), lambda: ticker_document(edition))


def desk_editions():
    """The editions the desk can post to: those open to readers (the default edition at
    least, so a new installation has a ticker to post to)."""
    codes = set(edition_homes()) | {settings.LANGUAGE_CODE}
    return [(code, edition_name(code)) for code, _name in settings.LANGUAGES if code in codes]


def editor_edition(request):
    """The edition a line goes to unless the editor picks another: the one in the
    editor's admin language, if it is open, else the default edition."""
    code = get_language()
    return code if code in dict(desk_editions()) else settings.LANGUAGE_CODE


class BreakingDeskForm(forms.Form):
    """At most four fields: a line goes out in seconds. Its expiry (six hours) can be
    changed afterwards under Breaking."""

    # Left out (a script posting), the line goes to the editor's edition.
    edition = forms.ChoiceField(label="Edition", required=False)
    text = forms.CharField(max_length=280, label="Breaking line")
    attribution = forms.CharField(max_length=120, required=False, label="Attribution (optional)")
    article = forms.ModelChoiceField(
        queryset=ArticlePage.objects.none(), required=False, label="Link to a story (optional)"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].choices = desk_editions()
        # Breaking lines point at today's stories: a short list, whatever the archive.
        since = timezone.now() - timedelta(days=2)
        self.fields["article"].queryset = (
            ArticlePage.objects.published()
            .filter(published_at__gte=since)
            .order_by("-published_at")
            .select_related("locale")
        )

    def clean(self):
        data = super().clean()
        article = data.get("article")
        edition = data.get("edition") or editor_edition(None)
        if article is not None and article.locale.language_code != edition:
            self.add_error("article", "Link a story from the same edition.")
        return data


@require_POST
@permission_required("live.add_breakingitem", raise_exception=True)
def desk_post(request):
    form = BreakingDeskForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        breaking_post(
            edition=data["edition"] or editor_edition(request),
            text=data["text"],
            attribution=data["attribution"],
            article=data["article"],
        )
        messages.success(request, "Breaking line posted.")
    else:
        errors = "; ".join(error for errors in form.errors.values() for error in errors)
        messages.error(request, f"The breaking line was not posted: {errors}")
    return redirect("wagtailadmin_home")


@require_POST
@permission_required("live.change_breakingitem", raise_exception=True)
def desk_retract(request, item_id):
    breaking_retract(item=get_object_or_404(BreakingItem, pk=item_id))
    messages.success(request, "Breaking line retracted.")
    return redirect("wagtailadmin_home")


@require_POST
@permission_required("live.change_breakingitem", raise_exception=True)
def desk_move(request, item_id, direction):
    if direction not in ("up", "down"):
        raise Http404("Lines move up or down.")
    item = get_object_or_404(BreakingItem, pk=item_id)
    breaking_move(item=item, by=-1 if direction == "up" else 1)
    return redirect("wagtailadmin_home")


def default_section(item):
    """Where a developed line's draft starts: the first section in the menu of the line's
    edition. The reporter can move it anywhere (in that edition) before publishing."""
    sections = SectionPage.objects.filter(locale_id=item.locale_id, depth=SECTION_DEPTH)
    return sections.order_by("-show_in_menus", "path").first()


@require_POST
@permission_required("live.change_breakingitem", raise_exception=True)
def desk_develop(request, item_id):
    item = get_object_or_404(BreakingItem, pk=item_id)
    if item.article_id:
        return redirect("wagtailadmin_pages:edit", item.article_id)
    section = default_section(item)
    if section is None or not section.permissions_for_user(request.user).can_add_subpage():
        messages.error(request, "There is no section you can start a story in.")
        return redirect("wagtailadmin_home")
    story = breaking_develop(item=item, section=section, user=request.user)
    messages.success(
        request,
        "Draft story started from the breaking line; the ticker links to it once published.",
    )
    return redirect("wagtailadmin_pages:edit", story.pk)
