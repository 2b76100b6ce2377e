"""LIVE TV: the channel's page, with its player and the programme schedule editors keep.

The stream itself is a site setting (`SiteSettings.live_stream_url`, with an optional
poster): one channel per site, whichever edition the reader is in. The page plays it with
`masthead/live-tv.js` and lists what is on now, what comes next and the rest of today and
tomorrow in the site's time zone.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from masthead.live.models.blog import LiveBlogPage, live_blogs_listed

# A programme runs until the next one starts; one that started longer ago than this with
# nothing after it is over (the schedule has simply not been kept up), not "on now".
LONGEST_PROGRAMME = timedelta(hours=12)
# Today and tomorrow, in the site's time zone.
SCHEDULE_DAYS = 2


class LiveTvPage(Page):
    """The LIVE item of the menu: the channel's player and its schedule."""

    intro = models.TextField(blank=True, help_text="One or two lines under the title.")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "programmes",
            heading="Programme schedule",
            label="Programme",
            help_text=(
                "Each programme runs until the next one starts. Times are in your own "
                "time zone (Account, Preferences); past programmes are hidden from "
                "readers automatically."
            ),
        ),
    ]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["live.LiveBlogPage"]
    max_count_per_parent = 1
    page_description = (
        "The live TV channel: the player for the stream set in Site settings, and the "
        "programme schedule."
    )

    class Meta:
        verbose_name = "LIVE TV page"

    def get_context(self, request, *args, **kwargs):
        from masthead.core.models import SiteSettings

        context = super().get_context(request, *args, **kwargs)
        site_settings = SiteSettings.for_request(request)
        schedule = programme_schedule(self)
        context["schedule"] = schedule
        context["live_blogs"] = live_blogs_listed(LiveBlogPage.objects.child_of(self).published())
        context["stream_url"] = site_settings.live_stream_url
        context["poster"] = site_settings.live_stream_poster
        context["structured_data"] = self.structured_data(
            request, schedule, site_settings=site_settings
        )
        return context

    def structured_data(self, request, schedule, *, site_settings):
        """schema.org JSON-LD: the programme on now as a live BroadcastEvent."""
        if not (site_settings.live_stream_url and schedule.on_now):
            return ""
        programme = schedule.on_now
        event = {
            "@context": "https://schema.org",
            "@type": "BroadcastEvent",
            "name": programme.title,
            "description": programme.description or None,
            "isLiveBroadcast": True,
            "startDate": programme.starts_at,
            "endDate": programme.ends_at,
            "url": request.build_absolute_uri(self.get_url(request)),
            "publishedOn": {"@type": "BroadcastService", "name": site_settings.site_name},
        }
        text = json.dumps({k: v for k, v in event.items() if v is not None}, cls=DjangoJSONEncoder)
        # As json_script does: nothing in the data can close the <script> element.
        escapes = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
        return mark_safe(text.translate(escapes))


class Programme(Orderable):
    """One slot of the schedule: it starts at `starts_at` and runs until the next."""

    page = ParentalKey(LiveTvPage, on_delete=models.CASCADE, related_name="programmes")
    starts_at = models.DateTimeField("starts at", db_index=True)
    title = models.CharField(max_length=120)
    description = models.CharField(max_length=280, blank=True)
    link = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional page about the programme (a story, a section, a series).",
    )

    panels = [
        FieldPanel("starts_at"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("link"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "programme"

    def __str__(self):
        return self.title


@dataclass
class ScheduleDay:
    date: object
    label: str  # "Today", "Tomorrow"
    programmes: list


@dataclass
class Schedule:
    on_now: Programme | None = None
    up_next: Programme | None = None
    days: list = field(default_factory=list)


def programme_schedule(page, *, now=None):
    """What readers see of the schedule, in one query however long it grows.

    The programme on now, the one after it, and every programme from the one on now to
    the end of tomorrow in the site's time zone, grouped by day. Past programmes are left
    out. Each programme gets `ends_at` (the next one's start, when known) and `is_on_now`;
    a link to a page readers cannot open (a draft, a deleted page) is dropped.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    start_of_today = timezone.make_aware(datetime.combine(today, time.min))
    # Local midnight after the last day shown (the next day's date, made aware anew, so a
    # daylight-saving change in between does not shift it).
    last_day = today + timedelta(days=SCHEDULE_DAYS)
    window_end = timezone.make_aware(datetime.combine(last_day, time.min))
    programmes = list(
        Programme.objects.filter(
            page=page,
            starts_at__gt=min(now - LONGEST_PROGRAMME, start_of_today),
            starts_at__lt=window_end,
        )
        .select_related("link")
        .order_by("starts_at", "sort_order")
    )
    for i, programme in enumerate(programmes):
        following = programmes[i + 1] if i + 1 < len(programmes) else None
        programme.ends_at = following.starts_at if following else None
        programme.is_on_now = False
        if programme.link is not None and not programme.link.live:
            programme.link = None

    started = [p for p in programmes if p.starts_at <= now]
    on_now = started[-1] if started else None
    if on_now is not None and on_now.ends_at is None and now - on_now.starts_at > LONGEST_PROGRAMME:
        on_now = None
    if on_now is not None:
        on_now.is_on_now = True
    upcoming = [p for p in programmes if p.starts_at > now]
    shown = ([on_now] if on_now else []) + upcoming

    labels = {today: _("Today"), today + timedelta(days=1): _("Tomorrow")}
    days = []
    for programme in shown:
        date = timezone.localdate(programme.starts_at)
        if on_now is programme:
            date = max(date, today)  # began before midnight: still today's listing
        if not days or days[-1].date != date:
            days.append(ScheduleDay(date=date, label=labels.get(date, ""), programmes=[]))
        days[-1].programmes.append(programme)
    return Schedule(on_now=on_now, up_next=upcoming[0] if upcoming else None, days=days)
