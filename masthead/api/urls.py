from django.urls import path, re_path, register_converter

from masthead.api import live, media_views, ninjs, search, topics, views

app_name = "api"


class IdConverter:
    """An id: ASCII digits, short enough for every database (longer ones are the JSON
    404 below, not an integer overflow in SQLite)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "api_id")

urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi_json, name="openapi"),
    path("docs", views.docs, name="docs"),
    path("editions", views.editions, name="editions"),
    path("sections", views.sections, name="sections"),
    path("navigation", topics.navigation, name="navigation"),
    path("regions", topics.regions, name="regions"),
    path("coverage", topics.coverage, name="coverage"),
    path("coverage/<str:slug>", topics.coverage_topic, name="coverage_topic"),
    path("articles", views.articles, name="articles"),
    path("articles/<api_id:article_id>", views.article, name="article"),
    path("articles/<api_id:article_id>/ninjs", ninjs.article_ninjs, name="article_ninjs"),
    path("videos", media_views.videos, name="videos"),
    path("videos/<api_id:video_id>", media_views.video, name="video"),
    path("galleries", media_views.galleries, name="galleries"),
    path("galleries/<api_id:gallery_id>", media_views.gallery, name="gallery"),
    path("infographs", media_views.infographs, name="infographs"),
    path("infographs/<api_id:infograph_id>", media_views.infograph, name="infograph"),
    path("live-blogs", live.blogs, name="live_blogs"),
    path("live-blogs/<api_id:blog_id>", live.blog, name="live_blog"),
    path("live-blogs/<api_id:blog_id>/updates", live.updates, name="live_blog_updates"),
    path("search", search.search, name="search"),
    path("breaking", views.breaking, name="breaking"),
    path("most-read", views.most_read, name="most_read"),
    # Anything else under /api/v1/ is a JSON 404, not the reader site's HTML page.
    re_path(r"^.*$", views.unknown, name="unknown"),
]
