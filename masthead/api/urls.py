from django.urls import path, re_path

from masthead.api import views

app_name = "api"

urlpatterns = [
    path("openapi.json", views.openapi_json, name="openapi"),
    path("docs", views.docs, name="docs"),
    path("editions", views.editions, name="editions"),
    path("sections", views.sections, name="sections"),
    path("articles", views.articles, name="articles"),
    path("articles/<int:article_id>", views.article, name="article"),
    path("breaking", views.breaking, name="breaking"),
    path("most-read", views.most_read, name="most_read"),
    # Anything else under /api/v1/ is a JSON 404, not the reader site's HTML page.
    re_path(r"^.*$", views.unknown, name="unknown"),
]
