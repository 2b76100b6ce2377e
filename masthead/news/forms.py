"""Admin forms shared by the pages a newsroom files (stories, videos, galleries, infographs)."""

from wagtail.admin.forms import WagtailAdminPageForm


class EditionPageForm(WagtailAdminPageForm):
    """Regions and coverage topics belong to one edition: a page's form offers only those
    of the page's own edition, so an Arabic story cannot be filed under a Spanish region."""

    edition_fields = ("regions", "coverage")

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or getattr(parent_page, "locale_id", None)
        if locale_id is None:
            return
        for name in self.edition_fields:
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)
