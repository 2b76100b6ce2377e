from django.middleware.locale import LocaleMiddleware


class LocaleMiddlewareOutsideApi(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its response step for /api/v1/: that step turns any
    404 into a redirect to the language-prefixed path (which Wagtail's catch-all always
    matches), so an API client asking for a missing article got HTML instead of JSON."""

    def process_response(self, request, response):
        if request.path_info.startswith("/api/v1/"):
            return response
        return super().process_response(request, response)
