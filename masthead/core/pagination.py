from django.core.paginator import Paginator


def paginate(request, items, *, per_page, teasers=False):
    """One page of `items` for `?page=`, forgiving bad input.

    `get_page` turns `?page=abc` into the first page and `?page=999999` into the last
    (and we send `?page=0` or `-1` to the first),
    so a mistyped or stale link shows a list instead of an error.
    """
    number = request.GET.get("page")
    # Django's get_page sends 0 and negative numbers to the last page; readers mean the first.
    if number is not None and number.lstrip("-").isdigit() and int(number) < 1:
        number = 1
    page_obj = Paginator(items, per_page).get_page(number)
    if teasers:
        from masthead.news.teasers import with_sections

        page_obj.object_list = with_sections(list(page_obj.object_list))
    return page_obj
