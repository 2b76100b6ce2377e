"""The parts of the demo site that articles hang from.

Site settings, sections, plain pages, the contact page, regions, authors, coverage
topics, the editor account and the picture pool. Each helper finds what is already there
by its slug or name before creating anything, so an operator who built part of the
site by hand can still run the demo over it.
"""

import io
from datetime import datetime, time, timedelta

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site
from wagtail.utils.file import hash_filelike

from masthead.core.models import ContactFormField, ContactPage, SiteSettings, StandardPage
from masthead.demo import images, text, world
from masthead.live.models import LiveTvPage, Programme
from masthead.media.models import NewsImage, VideoSectionPage
from masthead.news.models import Author, Coverage, Region, SectionPage
from masthead.newsroom.roles import CHIEF_EDITOR, EDITOR, REPORTER, roles_setup


def default_site():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise RuntimeError("No default site: run `manage.py migrate` before the demo.")
    return site


DEMO_STAFF = {"reporter": REPORTER, "editor": EDITOR, "chief": CHIEF_EDITOR}


def staff(*, password):
    """One demo account per newsroom role; returns the editor. Existing accounts are kept.

    The roles' groups exist after `migrate` (masthead.newsroom.roles); `roles_setup` makes
    sure of it when the demo runs on a database migrated some other way.
    """
    groups = {group.name: group for group in Group.objects.filter(name__in=DEMO_STAFF.values())}
    if len(groups) < len(DEMO_STAFF):
        groups = roles_setup()
    users = get_user_model()
    accounts = {}
    for username, role in DEMO_STAFF.items():
        user = users.objects.filter(username=username).first()
        if user is None:
            user = users.objects.create_user(
                username, f"{username}@example.com", password, is_staff=True
            )
            user.groups.add(groups[role])
        accounts[username] = user
    return accounts["editor"]


def site_settings(site, *, footer_pages):
    settings = SiteSettings.for_site(site)
    for name, value in world.SITE.items():
        setattr(settings, name, value)
    # Privacy Policy first, as readers expect it at the head of the footer's links.
    ordered = sorted(footer_pages, key=lambda page: page.slug != "privacy-policy")
    settings.footer_links = [("page", page) for page in ordered]
    settings.live_stream_url = demo_stream_url()
    settings.save()
    return settings


def child_page(parent, page, *, published):
    """Add `page` under `parent`, unless a child with its slug is already there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    page.live = True
    page.first_published_at = page.last_published_at = published
    parent.add_child(instance=page)
    return page


def sections(home, *, published):
    """The menu, in order: sections and their subsections. Returns {slug: page}."""
    found = {}
    for spec in text.fixture("pages")["sections"]:
        video = spec.get("video", False)
        top = child_page(home, section_page(spec, video=video), published=published)
        found[spec["slug"]] = top
        for child in spec["children"]:
            page = section_page(child, video=video)
            found[child["slug"]] = child_page(top, page, published=published)
    return found


def demo_stream_url():
    """The test pattern shipped with Masthead (8 s of fMP4 HLS), as the demo's channel."""
    return f"{django_settings.STATIC_URL}masthead/live/test-pattern/index.m3u8"


def live_tv(home, *, sections, published, now):
    """LIVE, last in the menu: the channel's page, and its daily programmes from yesterday
    to a week ahead in the site's time zone, so there is always something on now."""
    spec = text.fixture("pages")["live_tv"]
    page = LiveTvPage(
        title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True
    )
    page = child_page(home, page, published=published)
    schedule(page, spec["programmes"], now=now, links=sections)
    return page


def schedule(page, day, *, now, links=None):
    """The same day's programmes (`day`: at, title, description, optional link) on a LIVE
    page every day from yesterday to a week ahead, unless it has a schedule already."""
    if page.programmes.exists():
        return
    today = timezone.localdate(now)
    programmes = []
    for offset in range(-1, 8):
        date = today + timedelta(days=offset)
        for item in day:
            starts_at = timezone.make_aware(datetime.combine(date, time.fromisoformat(item["at"])))
            programmes.append(
                Programme(
                    page=page,
                    sort_order=len(programmes),
                    starts_at=starts_at,
                    title=item["title"],
                    description=item["description"],
                    link=(links or {}).get(item.get("link")),
                )
            )
    Programme.objects.bulk_create(programmes)


def section_page(spec, *, video=False):
    model = VideoSectionPage if video else SectionPage
    return model(title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True)


def plain_pages(home, *, published):
    """About Us, Privacy Policy and Contact Us, in that order."""
    pages = text.fixture("pages")
    found = []
    for key in ("about", "privacy"):
        spec = pages[key]
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            body=[
                {"type": kind, "value": value if kind == "subheading" else f"<p>{value}</p>"}
                for kind, value in spec["body"]
            ],
        )
        found.append(child_page(home, page, published=published))
    return [*found, contact_page(home, pages["contact"], published=published)]


def contact_page(home, spec, *, published):
    page = ContactPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        thank_you_text=spec["thank_you_text"],
    )
    page = child_page(home, page, published=published)
    if not page.form_fields.exists():
        for i, field in enumerate(spec["fields"]):
            # One by one: the field's save() derives the clean_name the form is keyed by.
            ContactFormField.objects.create(page=page, sort_order=i, **field)
    return page


def regions(locale):
    """The eight regions in their reading order. Returns {slug: region}."""
    found = {}
    for order, (name, slug, _) in enumerate(world.REGIONS):
        found[slug], _ = Region.objects.get_or_create(
            locale=locale, slug=slug, defaults={"name": name, "sort_order": order}
        )
    return found


def save_image(*, data, name, title, caption, credit, size, user):
    image = NewsImage(
        title=title,
        caption=caption,
        credit=credit,
        file=ImageFile(io.BytesIO(data), name=name),
        width=size[0],
        height=size[1],
        file_size=len(data),
        file_hash=hash_filelike(io.BytesIO(data)),
        uploaded_by_user=user,
    )
    image.save()
    return image


def image_pool(rng, kinds, *, user):
    """The pictures stories use: one scene per kind, each with its caption and credit."""
    pool = []
    for i, kind in enumerate(kinds):
        _, _, places = rng.choice(world.REGIONS)
        place = {"city": rng.choice(places)[1], "town": rng.choice(world.TOWNS)}
        caption = rng.choice(world.IMAGE_CAPTIONS[kind]).format(**place)
        pool.append(
            save_image(
                data=images.scene_jpeg(kind, i),
                name=f"demo-{kind}-{i:02d}.jpg",
                title=caption,
                caption=caption,
                credit=rng.choice(world.PHOTO_CREDITS),
                size=(images.WIDTH, images.HEIGHT),
                user=user,
            )
        )
    return pool


def authors(*, user):
    """The writers, each with a portrait. Returns {slug: author}."""
    found = {}
    for i, (name, slug, role, handle, _desks, bio) in enumerate(world.AUTHORS):
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            photo = save_image(
                data=images.portrait_jpeg(i),
                name=f"demo-portrait-{slugify(name)}.jpg",
                title=name,
                caption=f"{name}, {role.lower()}",
                credit=world.HOUSE_SOURCE,
                size=(images.PORTRAIT_SIZE, images.PORTRAIT_SIZE),
                user=user,
            )
            author = Author.objects.create(
                name=name, slug=slug, role=role, bio=bio, social_handle=handle, photo=photo
            )
        found[slug] = author
    return found


def coverage_topics(locale):
    """The running stories, active, in order. Returns {slug: coverage}."""
    found = {}
    for order, topic in enumerate(text.coverage_topics()):
        found[topic["slug"]], _ = Coverage.objects.get_or_create(
            locale=locale,
            slug=topic["slug"],
            defaults={
                "title": topic["title"],
                "description": topic["description"],
                "active": True,
                "sort_order": order,
            },
        )
    return found


def skeleton_published(now):
    """When the sections and pages went live: before the oldest story."""
    return now - timedelta(days=45)
