"""A small second edition (Arabic, Spanish) built on top of the English demo for the
browser tests: the home page and a few sections translated from the English ones, a few
stories, a gallery and breaking lines written in the edition's language.

The stories mix in what a right-to-left page has to keep in order: Latin names and
acronyms, figures with decimals and thousands, dates, a score, a counter.
"""

from dataclasses import dataclass, field
from datetime import timedelta

# English sections translated into the edition, by slug: top-level sections first, then
# the subsection the stories are filed in (a child of the first).
TRANSLATED_SECTIONS = ("news", "articles", "in-pictures", "politics", "economy")


@dataclass
class Story:
    title: str
    standfirst: str
    paragraphs: list
    section: str  # English slug of the (translated) section it is filed in
    tags: list = field(default_factory=list)
    source: str = ""
    caption: str = ""
    quote: tuple = ()  # (text, attribution)


@dataclass
class EditionText:
    language_code: str
    home_title: str
    sections: dict  # English slug -> title in the edition
    stories: list
    gallery_title: str
    gallery_standfirst: str
    gallery_captions: list
    gallery_credit: str
    breaking: list  # [(attribution, text)]


ARABIC = EditionText(
    language_code="ar",
    home_title="الرئيسية",
    sections={
        "news": "أخبار",
        "articles": "مقالات",
        "in-pictures": "صور",
        "politics": "سياسة",
        "economy": "اقتصاد",
    },
    stories=[
        Story(
            title="وزيرة المالية Elena Marquez تتوقع نمواً بنسبة 3.2% في عام 2027",
            standfirst=(
                "قالت الوزيرة إن الصادرات بلغت 14,500 مليون دولار في الربع الثالث، "
                "مقارنة بـ 12,900 مليون قبل عام."
            ),
            paragraphs=[
                "عرضت الوزيرة Elena Marquez أمام البرلمان يوم الثلاثاء تقديرات الموازنة "
                "الجديدة، وقالت إن معدل التضخم تراجع إلى 2.4% في أكتوبر.",
                "وأضافت أن الحكومة ستخصص 850 مليون دولار لمشاريع النقل العام خلال "
                "الفترة من 2026 إلى 2028، وأن ميناء Port Aurel سيستقبل 40 سفينة إضافية كل شهر.",
                "وقال الخبير الاقتصادي Jonas Whitfield من جامعة Halden إن الأرقام "
                "«مشجعة لكنها تعتمد على أسعار الطاقة».",
            ],
            section="economy",
            tags=["اقتصاد", "GDP 2027"],
            source="Masthead Wire",
            caption="سفن في ميناء Port Aurel صباح الاثنين 12 أكتوبر",
            quote=("نريد نمواً يشعر به الجميع، لا أرقاماً على الورق فقط.", "Elena Marquez"),
        ),
        Story(
            title="البرلمان يقرّ قانون الانتخابات البلدية بأغلبية 96 صوتاً من أصل 150",
            standfirst="يمنح القانون الجديد المجالس المحلية صلاحيات أوسع في إدارة المياه والنقل.",
            paragraphs=[
                "صوّت 96 نائباً لصالح القانون وعارضه 41، فيما امتنع 13 عن التصويت.",
                "وقالت رئيسة لجنة الشؤون المحلية Mariam Haddad إن أول انتخابات بموجب "
                "القانون ستُجرى في 14 مارس 2027.",
            ],
            section="politics",
            tags=["انتخابات"],
            source="Masthead Wire",
        ),
        Story(
            title="افتتاح مكتبة عامة تضم 120,000 كتاب في وسط المدينة",
            standfirst="تفتح المكتبة أبوابها من الساعة 8:00 حتى 22:00 طوال أيام الأسبوع.",
            paragraphs=[
                "صمم المبنى المعماري Tomas Rellinger، ويضم قاعة للأطفال و24 غرفة للدراسة.",
            ],
            section="news",
            tags=["ثقافة"],
        ),
        # Short stories that fill the front page's Latest column.
        Story(
            title="شركة Nordlicht تفتتح مصنعاً للألواح الشمسية يوفر 1,200 وظيفة",
            standfirst="يبدأ الإنتاج في الربع الأول من عام 2027.",
            paragraphs=["قال مدير المشروع Kofi Lindqvar إن المصنع سينتج 500 ميغاواط سنوياً."],
            section="economy",
        ),
        Story(
            title="وفد من 12 دولة يزور العاصمة لبحث التعاون في مجال المياه",
            standfirst="تستمر الزيارة ثلاثة أيام وتشمل جولات ميدانية.",
            paragraphs=["يرأس الوفد السفير Idris Falkner."],
            section="politics",
        ),
        Story(
            title="ارتفاع عدد ركاب القطارات إلى 3.4 مليون راكب في أكتوبر",
            standfirst="الزيادة هي الأكبر منذ افتتاح الخط الجديد في 2024.",
            paragraphs=["سجل خط Line 2 وحده 900,000 رحلة خلال الشهر."],
            section="news",
        ),
    ],
    gallery_title="صور: مهرجان الربيع في 12 لقطة",
    gallery_standfirst="ألوان المهرجان السنوي في ساحة المدينة القديمة، يوماً بعد يوم.",
    gallery_captions=[
        "فرقة موسيقية تعزف في الساحة الرئيسية مساء الجمعة",
        "أطفال يرسمون على جدار طوله 30 متراً",
        "بائعو الزهور في سوق Orrin Falls",
    ],
    gallery_credit="Masthead Photo / R. Lindqvar",
    breaking=[
        ("مراسلنا", "انقطاع الكهرباء عن 3 أحياء في شرق المدينة منذ الساعة 14:30"),
        ("Masthead Wire", "البنك المركزي يبقي سعر الفائدة عند 4.25%"),
        ("", "إغلاق الطريق السريع رقم 7 بسبب الضباب"),
    ],
)

SPANISH = EditionText(
    language_code="es",
    home_title="Portada",
    sections={
        "news": "Noticias",
        "articles": "Artículos",
        "in-pictures": "Fotos",
        "politics": "Política",
        "economy": "Economía",
    },
    stories=[
        Story(
            title="La ministra de Hacienda prevé un crecimiento del 3,2 % en 2027",
            standfirst="Las exportaciones alcanzaron 14.500 millones en el tercer trimestre.",
            paragraphs=[
                "La ministra presentó el martes las previsiones del nuevo presupuesto ante "
                "el Parlamento y dijo que la inflación bajó al 2,4 % en octubre.",
            ],
            section="economy",
            tags=["economía"],
            source="Masthead Wire",
        ),
        Story(
            title="Abre una biblioteca pública con 120.000 libros en el centro",
            standfirst="La biblioteca abrirá de 8:00 a 22:00 todos los días de la semana.",
            paragraphs=["El edificio tiene una sala infantil y 24 salas de estudio."],
            section="news",
            tags=["cultura"],
        ),
    ],
    gallery_title="En fotos: la fiesta de la primavera",
    gallery_standfirst="Los colores de la fiesta anual en la plaza del casco antiguo.",
    gallery_captions=[
        "Una banda toca en la plaza mayor el viernes por la tarde",
        "Niños pintan un mural de 30 metros",
        "Puestos de flores en el mercado",
    ],
    gallery_credit="Masthead Photo",
    breaking=[("", "El banco central mantiene los tipos de interés en el 4,25 %")],
)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    """A published translation of `page` in `locale` (its parent translated first).

    When the demo already has the translation (a demo with its own Arabic edition), that
    one is used as it is.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    return publish(copy)


def breaking_line(locale, attribution, text, *, now, minutes_ago):
    """A breaking line for this edition (per-edition lines when the model has a locale)."""
    from masthead.live.models import BreakingItem

    item = BreakingItem(
        text=text,
        attribution=attribution,
        created_at=now - timedelta(minutes=minutes_ago),
        expires_at=now + timedelta(hours=6),
    )
    if any(f.name == "locale" for f in BreakingItem._meta.get_fields()):
        item.locale = locale
    return item


def write_story(story, parent, *, now, minutes_ago, image, authors):
    from masthead.news.models import ArticleAuthor, ArticlePage

    published = now - timedelta(minutes=minutes_ago)
    body = [("paragraph", f"<p>{story.paragraphs[0]}</p>")]
    if story.quote:
        body.append(("quote", {"text": story.quote[0], "attribution": story.quote[1]}))
    body += [("paragraph", f"<p>{text}</p>") for text in story.paragraphs[1:]]
    page = ArticlePage(
        title=story.title,
        standfirst=story.standfirst,
        lead_image=image,
        lead_image_caption=story.caption,
        body=body,
        source=story.source,
        published_at=published,
        first_published_at=published,
        last_published_at=published,
        live=True,
        article_authors=[ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors)],
    )
    page.tags.add(*story.tags)
    parent.add_child(instance=page)
    return page


def write_gallery(text, parent, *, now, english_gallery, author):
    from masthead.media.models import GalleryPage
    from masthead.media.models.gallery import GalleryAuthor, GalleryPhoto

    published = now - timedelta(hours=2)
    images = [photo.image for photo in english_gallery.photos.all()]
    photos = [
        GalleryPhoto(
            image=images[i % len(images)], caption=caption, credit=text.gallery_credit, sort_order=i
        )
        for i, caption in enumerate(text.gallery_captions)
    ]
    gallery = GalleryPage(
        title=text.gallery_title,
        standfirst=text.gallery_standfirst,
        published_at=published,
        first_published_at=published,
        last_published_at=published,
        live=True,
        photos=photos,
        page_authors=[GalleryAuthor(author=author, sort_order=0)],
    )
    gallery.tags.add(*text.stories[0].tags)
    parent.add_child(instance=gallery)
    return gallery


def refresh_content_types():
    """Reload the process's content type cache from this database.

    Tests that ran earlier in the process (on PostgreSQL, after the database was flushed
    and reloaded) can leave ids in the cache that now name other models, and `.specific`
    on the root page then finds the wrong class. The cache is filled for every model, not
    just emptied: restoring the snapshot later saves rows whose signals look content types
    up, and a miss then would insert a row the snapshot is about to load.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    models = apps.get_models()
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*models)
    ContentType.objects.get_for_models(*models, for_concrete_models=False)


def build_edition(text):
    """Write the edition; return the paths the tests visit."""
    from django.utils import timezone
    from wagtail.models import Locale, Site

    from masthead.live.models import BreakingItem
    from masthead.media.models import GalleryPage
    from masthead.news.models import ArticlePage, Author, SectionPage

    refresh_content_types()
    now = timezone.now()
    locale = Locale.objects.get(language_code=text.language_code)
    english_home = Site.objects.get(is_default_site=True).root_page.specific
    home = translate(english_home, locale, title=text.home_title, lead_story=None)
    english = {s.slug: s for s in SectionPage.objects.descendant_of(english_home)}
    sections = {}
    for slug in TRANSLATED_SECTIONS:
        # The English one-line intro is not carried over into another language.
        sections[slug] = translate(english[slug], locale, title=text.sections[slug], intro="")

    image = ArticlePage.objects.filter(lead_image__isnull=False).first().lead_image
    authors = list(Author.objects.order_by("name")[:2])
    stories = [
        write_story(
            story,
            sections[story.section],
            now=now,
            minutes_ago=15 + 40 * i,
            image=image,
            authors=authors[: 2 - i % 2],
        )
        for i, story in enumerate(text.stories)
    ]
    english_gallery = GalleryPage.objects.filter(locale__language_code="en").first()
    gallery = write_gallery(
        text, sections["in-pictures"], now=now, english_gallery=english_gallery, author=authors[0]
    )
    BreakingItem.objects.bulk_create(
        breaking_line(locale, who, line, now=now, minutes_ago=3 + 9 * i)
        for i, (who, line) in enumerate(text.breaking)
    )
    return {
        "home": home.url,
        "section": sections["news"].url,
        "subsection": sections[text.stories[0].section].url,
        "article": stories[0].url,
        "gallery": gallery.url,
    }
