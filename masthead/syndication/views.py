"""Feed, sitemap and Google News sitemap responses, each built once per change (cache.py)."""

from django.http import Http404

from masthead.syndication.cache import cached_response


def feed_response(request, scope, kind):
    from masthead.core.models import SiteSettings
    from masthead.syndication.feeds import feed_body

    def build():
        site_name = SiteSettings.for_request(request).site_name
        return feed_body(request, scope, kind, site_name=site_name)

    return cached_response(request, f"feed:{scope.key}:{kind}", build)


def site_feed(request, kind="rss"):
    """Every edition's stories in one feed: /feed/ and /feed/atom/."""
    if kind not in {"rss", "atom"}:
        raise Http404
    from masthead.syndication.scopes import site_scope

    return feed_response(request, site_scope(), kind)


def sitemap_index(request):
    from django.contrib.sitemaps import views as sitemap_views

    from masthead.syndication.sitemaps import all_sitemaps

    def build():
        response = sitemap_views.index(request, all_sitemaps(), sitemap_url_name="sitemap_section")
        return response.render().content, response["Content-Type"]

    return cached_response(request, "sitemap-index", build)


def sitemap_section(request, section):
    from django.contrib.sitemaps import views as sitemap_views

    from masthead.syndication.sitemaps import all_sitemaps

    def build():
        sitemaps = all_sitemaps()
        if section not in sitemaps:
            raise Http404("No such sitemap.")
        response = sitemap_views.sitemap(
            request,
            {section: sitemaps[section]},
            section=section,
            template_name="syndication/sitemap.xml",
        )
        return response.render().content, response["Content-Type"]

    return cached_response(request, f"sitemap:{section}", build)


def news_sitemap(request):
    from django.template.loader import render_to_string

    from masthead.core.models import SiteSettings
    from masthead.syndication.sitemaps import news_articles, page_path

    def build():
        site_name = SiteSettings.for_request(request).site_name
        stories = [
            {
                "url": request.build_absolute_uri(page_path(article)),
                "language": article.locale.language_code,
                "published_at": article.published_at.replace(microsecond=0).isoformat(),
                "title": article.title,
            }
            for article in news_articles()
        ]
        body = render_to_string(
            "syndication/news_sitemap.xml", {"site_name": site_name, "stories": stories}
        )
        return body.encode(), "application/xml; charset=utf-8"

    return cached_response(request, "news-sitemap", build)
