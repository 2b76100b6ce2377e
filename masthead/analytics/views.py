import re

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from masthead.analytics.models import view_record
from masthead.news.models import ArticlePage

# Page ids are 64-bit; a larger number in the URL is no article (and would overflow SQL).
MAX_ID = 2**63 - 1

# Crawlers, link unfurlers and monitoring do not read stories; they do not count.
BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|monitor|curl|wget|python-requests|httpclient"
    r"|headless|lighthouse|facebookexternalhit|whatsapp|telegram",
    re.IGNORECASE,
)


@csrf_exempt  # No cookies and no session: there is nothing to forge.
@require_POST
@never_cache
def count_view(request, article_id):
    """The beacon an article page sends after load: one read, no reader data kept."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        # Another site's pages must not be able to make their visitors count reads here.
        return HttpResponseForbidden("Cross-site view counts are not accepted.")
    if BOT_RE.search(request.headers.get("User-Agent", "")):
        return HttpResponse(status=204)
    if article_id > MAX_ID or not ArticlePage.objects.published().filter(pk=article_id).exists():
        return HttpResponseBadRequest("Unknown article.")
    view_record(article_id=article_id)
    return HttpResponse(status=204)
