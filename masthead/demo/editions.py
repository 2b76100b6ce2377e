"""The Arabic and Spanish editions of the demo: their trees and their own journalism.

Each edition's writing is data in fixtures/editions/<language>.toml: the names of its
sections, regions, coverage topics and plain pages, its writers, its breaking lines and
its articles, all written in the language rather than generated. The trees are Wagtail
translations of the English ones (the same translation_key, in the edition's locale), so
the language switcher and hreflang links find each page's counterpart.

Most articles are the edition's own stories. An article with `translates` is the
edition's translation of the English story with that slug (stories from the 160-article
plan, chosen because their text is short and neutral); it shares the English page's
translation_key, lead picture and byline, and goes up at least TRANSLATION_DELAY after
it. A smaller demo may not have that English story: the translation then runs as a
story of its own.

Arabic slugs are Latin transliterations, so shared links stay readable instead of
turning into percent-encoded Arabic; titles, tags and text are in Arabic script.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from wagtail.models import Locale

from masthead.core.models import ContactFormField, ContactPage, HomePage, StandardPage
from masthead.demo import images, text, videos, visual
from masthead.demo import plan as planning
from masthead.demo.skeleton import child_page, save_image, schedule
from masthead.live.models import BreakingItem, LiveTvPage
from masthead.media.models import GalleryPhoto
from masthead.news.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    Coverage,
    CoveragePin,
    Region,
)

LANGUAGES = ("ar", "es")
# A translation goes up this long after the English story it translates.
TRANSLATION_DELAY = timedelta(minutes=35)
PORTRAIT_OFFSET = 20  # after the English writers' portraits, so the faces differ


@dataclass
class Edition:
    """What one edition's build wrote: its articles (with their ages, for Most Read)
    and everything to index at the end."""

    articles: list = field(default_factory=list)
    ages: list = field(default_factory=list)  # objects with age_minutes, one per article
    written: list = field(default_factory=list)


@dataclass
class Age:
    age_minutes: int


def writing(language):
    return text.fixture(f"editions/{language}")


def write_editions(room):
    """Both editions, after the English one: returns [Edition, ...]."""
    english = {page.slug: page for page in room.pages}
    return [write_edition(language, room, english) for language in LANGUAGES]


def write_edition(language, room, english):
    data = writing(language)
    locale = Locale.objects.get(language_code=language)
    home = translated_home(room, locale, data["home"])
    sections = translated_sections(room.sections, locale, data["sections"])
    regions = translated_snippets(room.regions, locale, data["regions"], Region, "name")
    topics = translated_snippets(room.topics, locale, data["coverage"], Coverage, "title")
    authors = edition_authors(data["authors"], user=room.user, offset=len(room.authors))
    edition = Edition()
    edition.written = [home, *sections.values(), *regions.values(), *topics.values()]
    edition.written += plain_pages(room, home, locale, data)
    edition.written += [*authors.values(), *(a.photo for a in authors.values())]
    desk = EditionDesk(room, sections, regions, topics, {**room.authors, **authors}, english)
    for spec in data["articles"]:
        page, age = desk.write(spec)
        edition.articles.append(page)
        edition.ages.append(Age(age))
    pin_coverage(topics, edition.articles)
    for spec in data["galleries"]:
        edition.written.append(desk.gallery(spec, sections["in-pictures"]))
    for spec in data.get("videos", []):
        edition.written.append(desk.video(spec, sections[spec["desk"]]))
    edition.written += breaking_lines(data["breaking"], edition.articles, locale, now=room.now)
    return edition


def translation_of(source, parent, page, locale):
    """`page`, in the edition's words, added under `parent` as `source`'s translation.

    Built rather than copied with copy_for_translation: the copy would carry the English
    text (and LIVE's week of programmes) through a revision only to be overwritten."""
    page.translation_key, page.locale = source.translation_key, locale
    page.show_in_menus = source.show_in_menus
    return child_page(parent, page, published=source.first_published_at)


def translated_home(room, locale, spec):
    english_home = next(iter(room.sections.values())).get_parent().specific
    page = HomePage(
        title=spec["title"],
        slug=spec["slug"],
        slogan=spec["slogan"],
        about=spec["about"],
        copyright_line=spec["copyright_line"],
        time_zone=spec.get("time_zone", ""),
    )
    return translation_of(english_home, english_home.get_parent(), page, locale)


def translated_sections(english, locale, specs):
    """Each English section's translation, under the edition's home or its translated
    parent section. Returns {English slug: page}."""
    found = {}
    for spec in specs:
        source = english[spec["en"]]
        parent = source.get_parent().specific.get_translation(locale)
        page = type(source)(title=spec["title"], slug=spec["slug"], intro=spec["intro"])
        found[spec["en"]] = translation_of(source, parent, page, locale)
    return found


def translated_snippets(english, locale, specs, model, name_field):
    """Regions or coverage topics in the edition's language, keyed by the English slug."""
    found = {}
    for spec in specs:
        source = english[spec["en"]]
        values = {name_field: spec[name_field], "translation_key": source.translation_key}
        if model is Coverage:
            values |= {"description": spec["description"], "active": True}
        found[spec["en"]], _ = model.objects.get_or_create(
            locale=locale,
            slug=spec["slug"],
            defaults={**values, "sort_order": source.sort_order},
        )
    return found


def plain_pages(room, home, locale, data):
    """About Us, Privacy Policy, Contact Us and LIVE as translations of the English pages."""
    english_home = home.get_translation(Locale.get_default())
    english = {page.slug: page.specific for page in english_home.get_children()}
    written = []
    for key in ("about", "privacy"):
        spec = data[key]
        body = [
            {"type": kind, "value": value if kind == "subheading" else f"<p>{value}</p>"}
            for kind, value in spec["body"]
        ]
        page = StandardPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"], body=body)
        written.append(translation_of(english[spec["en"]], home, page, locale))
    written.append(contact_page(english[data["contact"]["en"]], home, locale, data["contact"]))
    written.append(live_page(english[data["live_tv"]["en"]], home, locale, data["live_tv"], room))
    return written


def contact_page(english, home, locale, spec):
    fields = {k: spec[k] for k in ("title", "slug", "intro", "thank_you_text")}
    page = translation_of(english, home, ContactPage(**fields), locale)
    if not page.form_fields.exists():
        for i, form_field in enumerate(spec["fields"]):
            # One by one: the field's save() derives the clean_name the form is keyed by.
            ContactFormField.objects.create(page=page, sort_order=i, **form_field)
    return page


def live_page(english, home, locale, spec, room):
    """LIVE in the edition's language: the channel is the same, its schedule is named
    in the language, daily from yesterday to a week ahead like the English one."""
    page = LiveTvPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"])
    page = translation_of(english, home, page, locale)
    schedule(page, spec["programmes"], now=room.now)
    return page


def edition_authors(specs, *, user, offset):
    """The edition's own writers, each with a portrait. Returns {slug: author}."""
    found = {}
    for i, spec in enumerate(specs):
        author = Author.objects.filter(slug=spec["slug"]).first()
        if author is None:
            photo = save_image(
                data=images.portrait_jpeg(PORTRAIT_OFFSET + offset + i),
                name=f"demo-portrait-{spec['slug']}.jpg",
                title=spec["name"],
                caption=spec["name"],
                credit="Masthead Daily",
                size=(images.PORTRAIT_SIZE, images.PORTRAIT_SIZE),
                user=user,
            )
            author = Author.objects.create(
                name=spec["name"],
                slug=spec["slug"],
                role=spec["role"],
                bio=spec["bio"],
                social_handle=spec.get("handle", ""),
                photo=photo,
            )
        found[spec["slug"]] = author
    return found


def body_blocks(spec, rng):
    """Paragraphs, subheadings ("## " lines) and the quote after the second paragraph."""
    from masthead.demo.build import block_id

    blocks, paragraphs = [], 0
    for line in spec["body"]:
        if line.startswith("## "):
            blocks.append({"type": "subheading", "value": line[3:], "id": block_id(rng)})
            continue
        paragraph = text.paragraph_html([line])
        blocks.append({"type": "paragraph", "value": paragraph, "id": block_id(rng)})
        paragraphs += 1
        if paragraphs == 2 and "quote" in spec:
            quote = {"text": spec["quote"]["text"], "attribution": spec["quote"]["by"]}
            blocks.append({"type": "quote", "value": quote, "id": block_id(rng)})
    return blocks


class EditionDesk:
    """Files an edition's articles against its translated sections, regions and topics."""

    def __init__(self, room, sections, regions, topics, authors, english):
        self.room, self.sections, self.regions = room, sections, regions
        self.topics, self.authors, self.english = topics, authors, english
        self.kinds = planning.image_pool_kinds(len(room.pool))
        self.kind_seen = {}

    def picture(self, kind):
        """Pool pictures of the scene asked for, taken in turn so neighbours differ."""
        pool = self.room.pool
        matches = [image for image, k in zip(pool, self.kinds, strict=True) if k == kind]
        matches = matches or pool
        n = self.kind_seen.get(kind, 0)
        self.kind_seen[kind] = n + 1
        return matches[n % len(matches)]

    def write(self, spec):
        """One article from its spec; returns (page, age in minutes)."""
        room = self.room
        source = self.english.get(spec.get("translates", ""))
        published = room.now - timedelta(minutes=round(spec["hours"] * 60))
        if source is not None:
            published = max(published, source.published_at + TRANSLATION_DELAY)
            published = min(published, room.now - timedelta(minutes=2))
        # A translation's `authors` are its English story's (tests check it).
        authors = [self.authors[slug] for slug in spec.get("authors", [])]
        page = ArticlePage(
            title=spec["headline"],
            slug=spec["slug"],
            standfirst=spec["standfirst"],
            lead_image=source.lead_image if source else self.picture(spec.get("image", "skyline")),
            lead_image_caption=spec.get("caption", ""),
            body=body_blocks(spec, room.rng),
            article_type=spec["type"],
            source=spec.get("source", "Masthead Daily"),
            published_at=published,
            first_published_at=published,
            last_published_at=published,
            live=True,
            owner=room.user,
            regions=[self.regions[slug] for slug in spec.get("regions", [])],
            coverage=[self.topics[spec["coverage"]]] if spec.get("coverage") else [],
            article_authors=[
                ArticleAuthor(author=author, sort_order=i) for i, author in enumerate(authors)
            ],
        )
        if source is not None:
            page.translation_key = source.translation_key
        page.tags.add(*spec["tags"])
        self.sections[spec["section"]].add_child(instance=page)
        return page, round((room.now - published).total_seconds() / 60)

    def video(self, spec, section):
        """A film in the edition's language on one of the demo's open films (an embed:
        the reader's browser contacts the platform only on play)."""
        page = videos.video_page(
            spec,
            film=None,
            poster=self.picture(spec.get("image", "landscape")),
            published=self.room.now - timedelta(hours=spec["hours"]),
            owner=self.room.user,
            authors=[self.authors[spec["author"]]],
            regions=[self.regions[slug] for slug in spec.get("regions", [])],
        )
        section.add_child(instance=page)
        return page

    def gallery(self, spec, section):
        """A gallery of pool pictures, each captioned in the edition's language."""
        published = self.room.now - timedelta(hours=spec["hours"])
        photos = [
            GalleryPhoto(
                image=self.picture(photo["scene"]),
                caption=photo["caption"],
                credit=spec["credit"],
                sort_order=i,
            )
            for i, photo in enumerate(spec["photos"])
        ]
        author = self.authors[spec["author"]]
        return visual.gallery(
            section, spec, photos, author, published=published, owner=self.room.user
        )


def pin_coverage(topics, articles):
    """Each topic pins its two newest stories in the edition, newest first."""
    for topic in topics.values():
        filed = [page for page in articles if topic in page.coverage.all()]
        newest = sorted(filed, key=lambda page: page.published_at, reverse=True)[:2]
        CoveragePin.objects.bulk_create(
            CoveragePin(coverage=topic, article=article, sort_order=i)
            for i, article in enumerate(newest)
        )


def breaking_lines(specs, articles, locale, *, now):
    """The edition's ticker. A line with `article` links to that story (found by its
    slug) and reads as its headline, as the English desk's linked lines do."""
    from masthead.demo.build import BREAKING_EXPIRY

    by_slug = {page.slug: page for page in articles}
    items = []
    for i, spec in enumerate(specs):
        article = by_slug[spec["article"]] if "article" in spec else None
        item = BreakingItem(
            text=article.title if article else spec["text"],
            attribution=spec.get("attribution", ""),
            article=article,
            created_at=now - timedelta(minutes=6 + i * 13),
            expires_at=now + BREAKING_EXPIRY,
            locale=locale,
        )
        items.append(item)
    return BreakingItem.objects.bulk_create(items)
