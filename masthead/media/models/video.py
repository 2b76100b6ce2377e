"""Video pages, programmes and series, and the sections that list them.

A video is either a file the newsroom uploads (MP4 or WebM, with a poster, WebVTT
captions and a transcript) or a link to a video on a platform (YouTube, Vimeo,
Dailymotion) that the reader's page loads only when the reader clicks play. A
`SeriesPage` (a TV programme, a digital series) holds its episodes in order; an episode
is a `VideoPage` under it. A `VideoSectionPage` is a section whose listing shows posters
and running times: the five Videos subsections are video sections.

"Published" means what it means for articles: live, public and its time has come
(`news.models.embargo`, the same rule as stories).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from masthead.core.pagination import paginate
from masthead.media import embeds, video_uploads
from masthead.news.forms import EditionPageForm
from masthead.news.models import SectionPage
from masthead.news.models.embargo import EmbargoedPage, PublishedQuerySet
from masthead.search.indexing import FoldedSearchText, page_search_fields, plain

VideoManager = PageManager.from_queryset(PublishedQuerySet)


def clock(seconds):
    """4:05, or 1:02:03 past the hour; '' when unknown."""
    if not seconds:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def iso_duration(seconds):
    """ISO 8601 duration for structured data: PT1H2M3S."""
    if not seconds:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if secs or text == "PT":
        text += f"{secs}S"
    return text


class VideoFile(index.Indexed, models.Model):
    """An uploaded video with its captions: they travel together, like a photo's credit.

    A snippet rather than a file field on the page, so page revisions keep a reference
    to a stored file (never a half-uploaded one) and one film can serve several pages.
    """

    title = models.CharField(max_length=255)
    file = models.FileField(
        upload_to="video/%Y/%m",
        validators=[video_uploads.validate_video_file],
        help_text="An MP4 (H.264) or WebM file; its contents are checked, not its name.",
    )
    captions = models.FileField(
        upload_to="video/captions/%Y/%m",
        blank=True,
        validators=[video_uploads.validate_captions_file],
        help_text="Subtitles as a WebVTT (.vtt) file, in the language of the pages using it.",
    )
    video_type = models.CharField(max_length=20, blank=True, editable=False)
    duration = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text="Seconds, read from the file."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [FieldPanel("title"), FieldPanel("file"), FieldPanel("captions")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "video file"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.video_type = video_uploads.video_type(self.file) or ""
            self.duration = video_uploads.read_duration(self.file)
        return super().save(*args, **kwargs)

    @property
    def clock(self):
        return clock(self.duration)


class VideoSectionPage(SectionPage):
    """A section whose listing shows videos with posters and running times."""

    parent_page_types = ["core.HomePage", "news.SectionPage", "media.VideoSectionPage"]
    subpage_types = [
        "media.VideoSectionPage",
        "media.VideoPage",
        "media.SeriesPage",
        "news.ArticlePage",
    ]
    page_description = (
        "A video section or subsection (e.g. Videos, Explainers): lists its videos and "
        "series with posters and running times."
    )

    class Meta:
        verbose_name = "video section"

    def get_context(self, request, *args, **kwargs):
        from masthead.media import mixed, teasers

        context = Page.get_context(self, request, *args, **kwargs)
        context["page_obj"] = paginate(request, mixed.in_section(self), per_page=20, teasers=True)
        context["series_list"] = teasers.series_in(self)
        context["subsections"] = self.get_children().live().in_menu().specific()
        return context


class SeriesPage(Page):
    """A TV programme or digital series: description, artwork and episodes in order."""

    description = RichTextField(
        features=["bold", "italic", "link"],
        help_text="What the series is about, in a paragraph or two.",
    )
    artwork = models.ForeignKey(
        "media.NewsImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The series' key picture, shown wide (16:9) on its page and in listings.",
    )

    content_panels = Page.content_panels + [FieldPanel("description"), FieldPanel("artwork")]

    parent_page_types = ["media.VideoSectionPage"]
    subpage_types = ["media.VideoPage"]
    page_description = (
        "A programme or series (TV, Digital Series): its episodes are the videos under it."
    )

    class Meta:
        verbose_name = "series"
        verbose_name_plural = "series"

    def get_context(self, request, *args, **kwargs):
        from masthead.media import teasers

        context = super().get_context(request, *args, **kwargs)
        context["episodes"] = teasers.episodes(self)
        context["section"] = teasers.parent_section(self)
        return context


class VideoTag(TaggedItemBase):
    content_object = ParentalKey(
        "media.VideoPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class VideoPage(FoldedSearchText, EmbargoedPage, Page):
    base_form_class = EditionPageForm
    standfirst = models.TextField(
        max_length=600, help_text="The summary under the title: one or two sentences."
    )
    video_file = models.ForeignKey(
        "media.VideoFile",
        verbose_name="video file",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An uploaded MP4 or WebM (with its captions). Leave empty for an embed URL.",
    )
    poster = models.ForeignKey(
        "media.NewsImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The still shown before the video plays, and in listings (16:9).",
    )
    transcript = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "h3"],
        help_text="Everything said in the video, for readers who cannot listen.",
    )
    embed_url = models.URLField(
        "embed URL",
        blank=True,
        validators=[embeds.validate_embed_url],
        help_text=(
            "Instead of a file: the video's address on "
            f"{', '.join(embeds.PROVIDER_NAMES)}. Readers' browsers contact the platform "
            "only when they press play."
        ),
    )
    duration = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Running time in seconds (245 for 4:05). Taken from the video file when empty.",
    )
    episode_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="For an episode of a series: its number. Episodes are listed in this order.",
    )
    tags = ClusterTaggableManager(through=VideoTag, blank=True)
    regions = ParentalManyToManyField("news.Region", blank=True, related_name="videos")
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Shown as the publication time. Set on first publication when left empty.",
    )

    objects = VideoManager()

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("video_file"),
                FieldPanel("embed_url"),
                FieldPanel("poster"),
                FieldRowPanel([FieldPanel("duration"), FieldPanel("episode_number")]),
            ],
            heading="The video",
            help_text="Upload a file or give an embed URL: one of the two.",
        ),
        FieldPanel("transcript"),
    ]
    metadata_panels = [
        InlinePanel("video_authors", label="Authors", help_text="None: a house credit."),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("published_at"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Video"),
            ObjectList(metadata_panels, heading="Metadata"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    # What readers' search matches: docs/search.md.
    search_fields = page_search_fields(
        index.SearchField("transcript"),
        index.FilterField("published_at"),
        byline=index.RelatedFields(
            "video_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
    )

    parent_page_types = ["media.VideoSectionPage", "media.SeriesPage"]
    subpage_types = []
    page_description = (
        "A video: an uploaded file with poster, captions and transcript, or a link to a "
        "video platform shown behind a click-to-play button."
    )

    class Meta:
        verbose_name = "video"
        indexes = [models.Index(fields=["-published_at"], name="video_published_idx")]

    def clean(self):
        super().clean()
        if bool(self.video_file_id) == bool(self.embed_url):
            message = "Upload a video file or give an embed URL (one of the two, not both)."
            raise ValidationError({"video_file": message, "embed_url": message})

    def save(self, *args, **kwargs):
        if self.video_file_id and not self.duration:
            self.duration = self.video_file.duration
        self.stamp_publication_time()
        return super().save(*args, **kwargs)

    def search_text(self):
        return plain(self.transcript)

    # -- what templates read -------------------------------------------------------------

    @property
    def embed(self):
        return None if self.video_file_id else embeds.parse_embed(self.embed_url)

    @property
    def clock(self):
        return clock(self.duration)

    @property
    def iso_duration(self):
        return iso_duration(self.duration)

    def authors(self):
        links = self.video_authors.select_related("author")
        return [link.author for link in links]

    def get_context(self, request, *args, **kwargs):
        from masthead.media import teasers

        context = super().get_context(request, *args, **kwargs)
        series = teasers.series_of(self)
        context.update(
            series=series,
            section=teasers.parent_section(series or self),
            authors=self.authors(),
            more_videos=teasers.more_videos(self, series=series),
            structured_data=teasers.video_object(self, request),
        )
        if series is not None:
            context["previous_episode"], context["next_episode"] = teasers.neighbours(self)
        return context


class VideoAuthor(Orderable):
    video = ParentalKey(VideoPage, on_delete=models.CASCADE, related_name="video_authors")
    author = models.ForeignKey("news.Author", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("video", "author")]
