from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language
from wagtail import hooks

from masthead.core.editions import default_edition, edition_homes, in_default_edition


@hooks.register("before_serve_page")
def serve_within_edition(page, request, serve_args, serve_kwargs):
    """A page is served only in its own edition.

    Wagtail routes /ar/... from the Arabic translation of the home page, or from the English
    home when there is none yet: an edition without a live home would show English stories
    under an Arabic interface. Its readers go to the same address in the default edition
    instead (a temporary redirect: the edition may open later).
    """
    code = get_language()
    home = edition_homes().get(code)
    if home is None:
        if code == default_edition():
            return None  # nowhere else to send them: serve what there is
        return redirect(in_default_edition(request.get_full_path(), code))
    if page.locale_id != home.locale_id:
        raise Http404("This page belongs to another edition.")
    return None
