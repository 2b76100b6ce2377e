from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead.analytics.views import count_view
from masthead.core import views as core_views
from masthead.live import blog_views as liveblog_views
from masthead.live import views as live_views
from masthead.search import views as search_views
from masthead.syndication import views as syndication_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("views/<int:article_id>/", count_view, name="count_view"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", core_views.healthz, name="healthz"),
    # Feeds of every edition together; each edition's own are routes of its pages.
    path("feed/", syndication_views.site_feed, name="site_feed"),
    path("feed/atom/", syndication_views.site_feed, {"kind": "atom"}, name="site_feed_atom"),
    path("sitemap.xml", syndication_views.sitemap_index, name="sitemap_index"),
    path("sitemap-<str:section>.xml", syndication_views.sitemap_section, name="sitemap_section"),
    path("news-sitemap.xml", syndication_views.news_sitemap, name="news_sitemap"),
    # The app API: one URL space for every edition, outside the language prefixes.
    path("api/v1/", include("masthead.api.urls")),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", core_views.serve_media, name="media")]

# Each edition lives under its language prefix; "/" sends a reader to theirs.
urlpatterns += i18n_patterns(
    path("breaking.json", live_views.breaking_json, name="breaking_json"),
    path(
        "live-blogs/<int:blog_id>/updates.json",
        liveblog_views.liveblog_json,
        name="liveblog_json",
    ),
    # Before Wagtail's catch-all: a section slugged "search" would otherwise shadow it.
    path("search/", search_views.search_page, name="search"),
    path("search/suggest.json", search_views.suggest_json, name="search_suggest"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "masthead.core.views.page_not_found"
handler500 = "masthead.core.views.server_error"
