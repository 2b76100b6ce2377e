"""A small newsroom with stories of every kind, shared by the syndication tests."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.news.models import ArticleType
from tests import factories


@pytest.fixture(scope="module")
def desk(module_db):
    newsroom = factories.build_newsroom()
    now = timezone.now()
    photo = factories.make_image(
        "Parliament", caption="Members vote at dawn", credit="Agencies", size=(1600, 1000)
    )
    story = factories.make_article(
        newsroom["politics"],
        "Parliament passes the budget",
        standfirst="Lawmakers approved the spending plan after a night of debate.",
        body=[
            ("paragraph", "<p>The vote came <b>after midnight</b>.</p>"),
            ("subheading", "What changes"),
            ("quote", {"text": "A budget for everyone.", "attribution": "The minister"}),
        ],
        lead_image=photo,
        authors=[newsroom["writer"], newsroom["critic"]],
        tags=["Budget", "Parliament"],
        regions=[newsroom["europe"]],
        coverage=[newsroom["election"]],
        published_at=now - timedelta(hours=2),
        updated_at=now - timedelta(hours=1),
    )
    column = factories.make_article(
        newsroom["opinion"],
        "Why the budget falls short",
        article_type=ArticleType.OPINION,
        authors=[newsroom["critic"]],
        tags=["Budget"],
        published_at=now - timedelta(days=3),
    )
    embargoed = factories.make_article(
        newsroom["politics"],
        "Embargoed election result",
        tags=["Budget"],
        authors=[newsroom["writer"]],
        regions=[newsroom["europe"]],
        coverage=[newsroom["election"]],
        published_at=now + timedelta(hours=6),
    )
    draft = factories.make_article(newsroom["politics"], "Unfinished draft", live=False)
    return {**newsroom, "story": story, "column": column, "embargoed": embargoed, "draft": draft}
