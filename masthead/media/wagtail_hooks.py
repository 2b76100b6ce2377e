from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.media.models import VideoFile


class VideoFileViewSet(SnippetViewSet):
    """Uploaded videos: editors add one here, then choose it on a video page."""

    model = VideoFile
    icon = "media"
    menu_label = "Video files"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "clock", "video_type", "created_at"]
    search_fields = ["title"]


register_snippet(VideoFileViewSet)
