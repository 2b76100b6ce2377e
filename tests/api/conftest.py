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
