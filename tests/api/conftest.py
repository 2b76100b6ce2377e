"""Content for the API tests."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """The API's own tests (and Schemathesis) send far more requests than a reader app
    would; the rate limit has its own tests (test_rate_limit.py), which turn it on."""
    settings.API_RATE_LIMIT = "0"


@pytest.fixture
def stories(newsroom):
    """Five readable stories, a draft, an embargoed one and a private one."""
    return build_stories(newsroom)


def build_stories(newsroom):
    now = timezone.now()
    image = factories.make_image(caption="A river", credit="Agencies")
    n = newsroom
    readable = [
        factories.make_article(
            n["politics"],
            "Budget passes",
            published_at=now - timedelta(hours=5),
            authors=[n["writer"]],
            tags=["budget"],
            regions=[n["europe"]],
            coverage=[n["election"]],
            lead_image=image,
        ),
        factories.make_article(
            n["economy"], "Rates rise", published_at=now - timedelta(hours=4), tags=["rates"]
        ),
        factories.make_article(
            n["opinion"],
            "A column",
            published_at=now - timedelta(hours=3),
            authors=[n["critic"]],
            regions=[n["africa"]],
        ),
        factories.make_article(
            n["politics"], "Vote tonight", published_at=now - timedelta(hours=2)
        ),
        factories.make_article(n["economy"], "Markets calm", published_at=now - timedelta(hours=1)),
    ]
    draft = factories.make_article(n["politics"], "Draft story", live=False)
    embargoed = factories.make_article(
        n["politics"], "Embargoed story", published_at=now + timedelta(hours=2), tags=["budget"]
    )
    private = factories.make_article(n["economy"], "Private story", published_at=now)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"readable": readable, "draft": draft, "embargoed": embargoed, "private": private}


@pytest.fixture
def media(newsroom):
    """A published video of each kind, a gallery, an infograph with its data and a live
    blog with updates; and one of each media kind still under embargo."""
    return build_media(newsroom)


def build_media(newsroom):
    from masthead.live.liveblog import liveblog_post
    from tests.media import factories as media_factories
    from tests.media import video_factories as videos

    now = timezone.now()
    n = newsroom
    film_section = videos.make_video_section(n["home"], "Films", slug="films")
    poster = factories.make_image(caption="Poster still")
    upload = videos.make_video_file(captions=videos.CAPTIONS)
    series = videos.make_series(film_section, "River Series", slug="river-series")
    made = {
        "film_section": film_section,
        "series": series,
        "uploaded": videos.make_video(
            series,
            "Uploaded film",
            video_file=upload,
            poster=poster,
            transcript="<p>Words said.</p>",
            episode_number=1,
            tags=["river"],
            regions=[n["europe"]],
            authors=[n["writer"]],
            published_at=now - timedelta(hours=3),
        ),
        "embedded": videos.make_video(
            film_section, "Embedded film", duration=245, published_at=now - timedelta(hours=2)
        ),
        "waiting_video": videos.make_video(
            film_section, "Waiting film", published_at=now + timedelta(hours=1)
        ),
        "gallery": media_factories.make_gallery(
            n["news"],
            "River pictures",
            captions=["First", "", "Third"],
            credits=["", "Agency", ""],
            authors=[n["critic"]],
            tags=["river"],
            published_at=now - timedelta(hours=4),
        ),
        "waiting_gallery": media_factories.make_gallery(
            n["news"], "Waiting pictures", published_at=now + timedelta(hours=1)
        ),
        "infograph": media_factories.make_infograph(
            n["economy"],
            "Rain chart",
            data_file=media_factories.make_document(),
            published_at=now - timedelta(hours=5),
        ),
        "waiting_infograph": media_factories.make_infograph(
            n["economy"], "Waiting chart", published_at=now + timedelta(hours=1)
        ),
        "blog": factories.make_live_blog(n["politics"], "Count live", slug="count-live"),
        "draft_blog": factories.make_live_blog(n["politics"], "Scheduled blog", live=False),
    }
    made["updates"] = [
        liveblog_post(
            blog=made["blog"],
            text=f"Update number {i}",
            headline=f"Headline {i}" if i % 2 else "",
            key_event=i == 2,
            posted_at=now - timedelta(minutes=30 - i),
        )
        for i in range(5)
    ]
    return made
