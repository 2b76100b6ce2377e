"""The ticker's document for open pages, and the breaking desk's admin actions behind
the dashboard panel."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Site

from masthead.live.desk import breaking_develop, breaking_move, breaking_post, breaking_retract
from masthead.live.models import BreakingItem, ticker_document
from masthead.live.models.breaking import ticker_pulse_name
from masthead.live.pulse import pulse_response
from masthead.news.models import ArticlePage, SectionPage


@require_GET
def breaking_json(request):
    """The edition's ticker as JSON: open pages poll it to show new lines and drop
    retracted ones without a reload (see docs/live-updates.md)."""
    return pulse_response(request, ticker_pulse_name(get_language()), ticker_document)


class BreakingDeskForm(forms.Form):
    """At most three fields: a line goes out in seconds. Its expiry (six hours) can be
    changed afterwards under Breaking."""

    text = forms.CharField(max_length=280, label="Breaking line")
    attribution = forms.CharField(max_length=120, required=False, label="Attribution (optional)")
    article = forms.ModelChoiceField(
        queryset=ArticlePage.objects.none(), required=False, label="Link to a story (optional)"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Breaking lines point at today's stories: a short list, whatever the archive.
        since = timezone.now() - timedelta(days=2)
        self.fields["article"].queryset = (
            ArticlePage.objects.published()
            .filter(published_at__gte=since)
            .order_by("-published_at")
        )


@require_POST
@permission_required("live.add_breakingitem", raise_exception=True)
def desk_post(request):
    form = BreakingDeskForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        breaking_post(
            text=data["text"],
            attribution=data["attribution"],
            article=data["article"],
        )
        messages.success(request, "Breaking line posted.")
    else:
        messages.error(request, "The breaking line was not posted: it needs its text.")
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


def default_section(request):
    """Where a developed line's draft starts: the edition's first section in the menu.
    The reporter can move it anywhere before publishing."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    return SectionPage.objects.child_of(site.root_page).order_by("-show_in_menus", "path").first()


@require_POST
@permission_required("live.change_breakingitem", raise_exception=True)
def desk_develop(request, item_id):
    item = get_object_or_404(BreakingItem, pk=item_id)
    if item.article_id:
        return redirect("wagtailadmin_pages:edit", item.article_id)
    section = default_section(request)
    if section is None or not section.permissions_for_user(request.user).can_add_subpage():
        messages.error(request, "There is no section you can start a story in.")
        return redirect("wagtailadmin_home")
    story = breaking_develop(item=item, section=section, user=request.user)
    messages.success(
        request,
        "Draft story started from the breaking line; the ticker links to it once published.",
    )
    return redirect("wagtailadmin_pages:edit", story.pk)
