"""The breaking desk's two admin actions, behind the dashboard panel."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from masthead.live.desk import breaking_post, breaking_retract
from masthead.live.models import BreakingItem
from masthead.news.models import ArticlePage


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
