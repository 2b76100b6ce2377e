from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail.models import Site


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /views/", ""]
    # The sitemaps, for crawlers that do not look for them (syndication/sitemaps.py).
    for name in ("sitemap_index", "news_sitemap"):
        lines.append(f"Sitemap: {request.build_absolute_uri(reverse(name))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def healthz(request):
    """For load balancers and the run command: the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception=None):
    # In the edition of the address (/ar/... is in Arabic: LocaleMiddleware read the prefix),
    # with its navigation and a front-page link to that edition's home, not the site root's.
    site = Site.find_for_request(request)
    if site is not None:
        request._masthead_home = site.root_page.localized.specific  # see edition_home
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that could fail again: the template needs nothing from the DB.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def serve_media(request, path):
    """Uploaded media for single-machine installs (SERVE_MEDIA); reads MEDIA_ROOT per call."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
