from django.core.paginator import Paginator


def paginate(request, items, *, per_page, teasers=False):
    """One page of `items` for `?page=`, forgiving bad input.

    `get_page` turns `?page=abc` into the first page and `?page=999999` into the last,
    so a mistyped or stale link shows a list instead of an error.
    """
    page_obj = Paginator(items, per_page).get_page(request.GET.get("page"))
    if teasers:
        from masthead.news.teasers import with_sections

        page_obj.object_list = with_sections(list(page_obj.object_list))
    return page_obj
