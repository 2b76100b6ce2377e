"""In Pictures and Infographs for the demo: five galleries and three infographs.

Gallery photos are new crops of the pictures already painted for the stories (a different
window, some mirrored, some upright, a slightly different grade), which is fast and keeps
the build free of downloads. Infographs are tall bar charts drawn with Pillow and its own
built-in font, each with its figures as a CSV file.
"""

import csv
import io
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps
from wagtail.documents.models import Document

from masthead.demo import text
from masthead.demo.skeleton import save_image
from masthead.media.models import (
    GalleryAuthor,
    GalleryPage,
    GalleryPhoto,
    InfographAuthor,
    InfographPage,
)

SEED = 4242
PHOTO_LONG_EDGE = 1400
CHART_WIDTH = 1000
INK, PAPER, BAR, MUTED = (28, 28, 32), (250, 249, 245), (179, 19, 43), (95, 95, 104)


def photo_variant(source, rng):
    """A new picture cut from `source` (JPEG bytes): landscape or upright, maybe mirrored."""
    img = Image.open(io.BytesIO(source)).convert("RGB")
    width, height = img.size
    upright = rng.random() < 0.25
    if upright:
        crop_h = height
        crop_w = round(crop_h * 4 / 5)
    else:
        crop_w = round(width * rng.uniform(0.6, 0.85))
        crop_h = round(crop_w * 2 / 3)
    left = rng.randint(0, width - crop_w)
    top = rng.randint(0, max(0, height - crop_h))
    img = img.crop((left, top, left + crop_w, top + min(crop_h, height)))
    if rng.random() < 0.5:
        img = ImageOps.mirror(img)
    img = ImageEnhance.Color(img).enhance(rng.uniform(0.8, 1.25))
    img = ImageEnhance.Brightness(img).enhance(rng.uniform(0.9, 1.1))
    img.thumbnail((PHOTO_LONG_EDGE, PHOTO_LONG_EDGE))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=82, progressive=True)
    return out.getvalue(), img.size


def bar_chart(title, heading, labels, values, unit):
    """A tall horizontal bar chart as PNG bytes: title, one bar per label, the values."""
    big, small, tiny = (ImageFont.load_default(size=s) for s in (44, 30, 24))
    margin, row = 60, 120
    top = 260
    height = top + row * len(labels) + 140
    img = Image.new("RGB", (CHART_WIDTH, height), PAPER)
    draw = ImageDraw.Draw(img)
    lines, line = [], ""
    for word in title.split():  # wrap the title to the chart's width
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=big) > CHART_WIDTH - 2 * margin and line:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    for i, text_line in enumerate(lines[:2]):
        draw.text((margin, 50 + i * 56), text_line, font=big, fill=INK)
    draw.text((margin, 190), heading, font=tiny, fill=MUTED)
    draw.line((margin, 240, CHART_WIDTH - margin, 240), fill=MUTED, width=2)
    longest = max(values)
    bar_room = CHART_WIDTH - 2 * margin - 140
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + i * row
        draw.text((margin, y), label, font=small, fill=INK)
        length = max(4, round(bar_room * value / longest))
        draw.rectangle((margin, y + 44, margin + length, y + 92), fill=BAR)
        draw.text((margin + length + 14, y + 50), f"{value:,} {unit}", font=small, fill=INK)
    draw.text((margin, height - 80), "Masthead Daily data desk", font=tiny, fill=MUTED)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue(), img.size


def csv_bytes(heading, labels, values):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["item", heading])
    writer.writerows(zip(labels, values, strict=True))
    return out.getvalue().encode()


def write_galleries(room, section):
    rng = random.Random(SEED)
    pool = {}
    for image in room.pool:
        kind = image.file.name.split("demo-")[-1].split("-")[0]
        pool.setdefault(kind, []).append(image)
    pages, images = [], []
    for number, spec in enumerate(text.fixture("pictures")["galleries"]):
        sources = [image for kind in spec["scenes"] for image in pool.get(kind, [])]
        sources = sources or room.pool
        photos = []
        for i, caption in enumerate(spec["captions"]):
            source = sources[(i * 3 + number) % len(sources)]
            with source.open_file() as handle:
                data, size = photo_variant(handle.read(), rng)
            image = save_image(
                data=data,
                name=f"demo-gallery-{spec['slug']}-{i + 1:02d}.jpg",
                title=caption,
                caption=caption,
                credit=spec["credit"],
                size=size,
                user=room.user,
            )
            images.append(image)
            photos.append(GalleryPhoto(image=image, sort_order=i))
        published = room.now - timedelta(hours=5 + number * 31)
        author = room.authors[spec["author"]]
        pages.append(gallery(section, spec, photos, author, published=published, owner=room.user))
    return pages, images


def gallery(section, spec, photos, author, *, published, owner):
    """A live gallery under `section` from its spec (title, slug, standfirst, tags)."""
    page = GalleryPage(
        title=spec["title"],
        slug=spec["slug"],
        standfirst=spec["standfirst"],
        published_at=published,
        first_published_at=published,
        last_published_at=published,
        live=True,
        owner=owner,
        photos=photos,
        page_authors=[GalleryAuthor(author=author, sort_order=0)],
    )
    page.tags.add(*spec["tags"])
    section.add_child(instance=page)
    return page


def write_infographs(room, section):
    pages, written = [], []
    for number, spec in enumerate(text.fixture("pictures")["infographs"]):
        data, size = bar_chart(
            spec["title"], spec["heading"], spec["labels"], spec["values"], spec["unit"]
        )
        image = save_image(
            data=data,
            name=f"demo-infograph-{spec['slug']}.png",
            title=spec["title"],
            caption="",
            credit="Masthead Daily data desk",
            size=size,
            user=room.user,
        )
        document = Document(
            title=f"{spec['title']} (data)",
            file=ContentFile(
                csv_bytes(spec["heading"], spec["labels"], spec["values"]),
                name=f"{spec['slug']}.csv",
            ),
            uploaded_by_user=room.user,
        )
        document.save()
        published = room.now - timedelta(hours=9 + number * 53)
        infograph = InfographPage(
            title=spec["title"],
            slug=spec["slug"],
            standfirst=spec["standfirst"],
            image=image,
            description=spec["description"].strip(),
            data_file=document,
            published_at=published,
            first_published_at=published,
            last_published_at=published,
            live=True,
            owner=room.user,
            page_authors=[InfographAuthor(author=room.authors[spec["author"]], sort_order=0)],
        )
        infograph.tags.add(*spec["tags"])
        section.add_child(instance=infograph)
        pages.append(infograph)
        written += [image, document]
    return pages, written


def write(room):
    """Galleries in In Pictures, infographs in Infographs; returns everything written."""
    galleries, photos = write_galleries(room, room.sections["in-pictures"])
    infographs, files = write_infographs(room, room.sections["infographs"])
    return [*galleries, *infographs, *photos, *files]
