"""The search form: the words, and the filters that narrow them down.

Every filter is forgiving: a value that is not a real choice or date is ignored and the
page says so, instead of answering with an error. Each filter applies to every kind of
page searched (media/mixed.py, `SEARCHED`); the type filter picks one kind, or stories of
one article type.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

from masthead.media.mixed import SEARCHED
from masthead.news.models import ArticleType, Region, SectionPage

STORY = "article"

FIELD_NAMES = {
    "edition": _("edition"),
    "section": _("section"),
    "region": _("region"),
    "type": pgettext_lazy("the search filter by kind of page or story", "type"),
    "from": _("start date"),
    "to": _("end date"),
}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    edition = forms.TypedChoiceField(label=_("Edition"), required=False, coerce=int)
    section = forms.TypedChoiceField(label=_("Section"), required=False, coerce=int)
    region = forms.TypedChoiceField(label=_("Region"), required=False, coerce=int)
    type = forms.ChoiceField(label=_("Type"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, locale, home):
        # `from` and `to` read better in a URL than the field names.
        data = data.copy()
        data.setdefault("edition", str(locale.pk))
        for short, name in (("from", "date_from"), ("to", "date_to")):
            if short in data and name not in data:
                data[name] = data[short]
        super().__init__(data)
        self.locale = locale
        any_choice = [("", _("Any"))]
        editions = list(Locale.objects.order_by("pk"))
        self.fields["edition"].choices = [
            (edition.pk, edition.get_display_name()) for edition in editions
        ]
        sections = SectionPage.objects.child_of(home).live().order_by("path") if home else []
        self.fields["section"].choices = any_choice + [(s.pk, s.title) for s in sections]
        self.sections = {section.pk: section for section in sections}
        regions = Region.objects.filter(locale=locale)
        self.fields["region"].choices = any_choice + [(r.pk, r.name) for r in regions]
        self.fields["type"].choices = any_choice + type_choices()
        self.fields["q"].widget.attrs.update(
            {"type": "search", "autocomplete": "off", "enterkeyhint": "search"}
        )

    def ignored(self):
        """(element id, sentence) for each filter the page could not use, for the reader.

        The id is the one Django's widgets point `aria-describedby` at, so a screen reader
        reads the sentence with the field.
        """
        notes = []
        for name in self.errors:
            label = FIELD_NAMES.get(name.replace("date_", ""), name)
            sentence = _("The %(field)s filter was not understood and is ignored.")
            notes.append((f"{self[name].auto_id}_error", sentence % {"field": label}))
        return notes

    def value(self, name):
        if not self.is_bound:
            return None
        self.is_valid()  # fills cleaned_data with the fields that are valid
        value = self.cleaned_data.get(name)
        return value if value not in ("", None) else None

    def edition_id(self):
        return self.value("edition") or self.locale.pk

    def kinds(self):
        """The names of the kinds of page the type filter leaves in."""
        chosen = self.value("type")
        if chosen is None:
            return tuple(SEARCHED)
        return (chosen,) if chosen in SEARCHED else (STORY,)

    def where(self, kind):
        """The lookups narrowing pages of `kind` by every filter that holds a valid value."""
        lookups = {"locale_id": self.edition_id()}
        section = self.sections.get(self.value("section"))
        if section is not None:
            lookups["path__startswith"] = section.path
        region = self.value("region")
        if region is not None:
            # A subquery on the page id, a field every search backend can filter on
            # (a join through the regions table is not).
            regions = kind.model._meta.get_field("regions")
            tagged = regions.remote_field.through.objects.filter(region_id=region)
            lookups["id__in"] = tagged.values(f"{regions.m2m_field_name()}_id")
        if self.value("type") in ArticleType.values:
            lookups["article_type"] = self.value("type")
        start, end = self.date_range()
        if start is not None:
            lookups[f"{kind.dated_by}__gte"] = start
        if end is not None:
            lookups[f"{kind.dated_by}__lt"] = end
        return lookups

    def date_range(self):
        """[start, end) in the edition's time zone, whole days; swapped if given backwards."""
        first, last = self.value("date_from"), self.value("date_to")
        if first and last and first > last:
            first, last = last, first
        return self._day_start(first), self._day_start(last, days_later=1)

    @staticmethod
    def _day_start(day, *, days_later=0):
        if day is None:
            return None
        try:
            moment = datetime.combine(day + timedelta(days=days_later), time.min)
            return timezone.make_aware(moment, timezone.get_current_timezone())
        except OverflowError:  # the year 9999 and the like: no bound at all
            return None

    def is_filtered(self):
        names = ("section", "region", "type", "date_from", "date_to")
        return any(self.value(name) is not None for name in names) or (
            self.value("edition") not in (None, self.locale.pk)
        )


def type_choices():
    """Stories (all, or one article type), then each other kind searched."""
    stories = [(STORY, pgettext_lazy("search type filter", "All stories")), *ArticleType.choices]
    others = [(name, kind.label) for name, kind in SEARCHED.items() if name != STORY]
    return [(SEARCHED[STORY].label, stories), *others]
