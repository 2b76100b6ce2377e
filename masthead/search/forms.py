"""The search form: the words, and the filters that narrow them down.

Every filter is forgiving: a value that is not a real choice or date is ignored and the
page says so, instead of answering with an error.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from masthead.news.models import ArticlePage, ArticleType, Region, SectionPage

FIELD_NAMES = {
    "edition": _("edition"),
    "section": _("section"),
    "region": _("region"),
    "type": _("article type"),
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
        self.fields["type"].choices = any_choice + list(ArticleType.choices)
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

    def filter(self, articles):
        """`articles` narrowed by every filter that holds a valid value."""
        articles = articles.filter(locale_id=self.edition_id())
        section = self.sections.get(self.value("section"))
        if section is not None:
            articles = articles.filter(path__startswith=section.path)
        region = self.value("region")
        if region is not None:
            # A subquery on the page id, a field every search backend can filter on
            # (a join through the regions table is not).
            tagged = ArticlePage.regions.through.objects.filter(region_id=region)
            articles = articles.filter(id__in=tagged.values("articlepage_id"))
        kind = self.value("type")
        if kind is not None:
            articles = articles.filter(article_type=kind)
        start, end = self.date_range()
        if start is not None:
            articles = articles.filter(published_at__gte=start)
        if end is not None:
            articles = articles.filter(published_at__lt=end)
        return articles

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
