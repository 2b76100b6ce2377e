from django.http import Http404
from django.utils.translation import get_language
from wagtail import hooks

from masthead.core.editions import closed_edition_redirect, edition_homes


@hooks.register("before_serve_page")
def serve_within_edition(page, request, serve_args, serve_kwargs):
    """A page is served only in its own edition.

    Wagtail routes /ar/... from the Arabic translation of the home page, or from the English
    home when there is none yet: an edition without a live home would show English stories
    under an Arabic interface. Its readers go to the same address in the default edition
    instead (a temporary redirect: the edition may open later).
    """
    closed = closed_edition_redirect(request)
    if closed is not None:
        return closed
    home = edition_homes().get(get_language())
    if home is not None and page.locale_id != home.locale_id:
        raise Http404("This page belongs to another edition.")
    return None
