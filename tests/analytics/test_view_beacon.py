"""The view beacon behind Most Read: counts reads, keeps nothing about the reader."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from masthead.analytics.models import ArticleView, view_record
from tests import factories

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126 Safari/537.36"


@pytest.fixture
def story(newsroom):
    return factories.make_article(newsroom["politics"], "A story")


def views(article):
    return ArticleView.objects.filter(article=article).aggregate(total=Sum("views"))["total"] or 0


def beacon(client, article_id, **headers):
    return client.post(f"/views/{article_id}/", HTTP_USER_AGENT=BROWSER, **headers)


def test_counts_a_read(client, story):
    response = beacon(client, story.pk)
    assert response.status_code == 204
    assert response.content == b""
    assert views(story) == 1
    beacon(client, story.pk)
    assert views(story) == 2
    # Reads in the same hour share one counter.
    assert ArticleView.objects.filter(article=story).count() == 1


def test_sets_no_cookie_and_is_never_cached(client, story):
    response = beacon(client, story.pk)
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "no-cache" in response["Cache-Control"]
    assert not client.cookies


def test_needs_no_csrf_token(story):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    assert beacon(strict, story.pk).status_code == 204
    assert views(story) == 1


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/126.0 Safari/537.36",
        "WhatsApp/2.23",
    ],
)
def test_bots_are_ignored(client, story, agent):
    response = client.post(f"/views/{story.pk}/", HTTP_USER_AGENT=agent)
    assert response.status_code == 204
    assert views(story) == 0


def test_only_post(client, story):
    assert client.get(f"/views/{story.pk}/").status_code == 405
    assert client.head(f"/views/{story.pk}/").status_code == 405
    assert views(story) == 0


def test_unknown_article_is_rejected(client, story):
    assert beacon(client, story.pk + 1000).status_code == 400
    assert not ArticleView.objects.exists()


def test_non_article_page_is_rejected(client, newsroom):
    assert beacon(client, newsroom["politics"].pk).status_code == 400
    assert not ArticleView.objects.exists()


def test_unpublished_articles_are_rejected(client, newsroom):
    draft = factories.make_article(newsroom["politics"], "Draft", live=False)
    embargoed = factories.make_article(
        newsroom["politics"], "Embargoed", published_at=timezone.now() + timedelta(hours=1)
    )
    assert beacon(client, draft.pk).status_code == 400
    assert beacon(client, embargoed.pk).status_code == 400
    assert not ArticleView.objects.exists()


def test_malformed_ids_are_not_found(client, db):
    for url in ("/views/abc/", "/views/-1/", "/views/1.5/"):
        assert client.post(url, follow=True).status_code == 404, url
    assert not ArticleView.objects.exists()


def test_an_id_too_large_for_the_database_is_refused(client, db):
    response = client.post("/views/9223372036854775808/")
    assert response.status_code == 400
    assert not ArticleView.objects.exists()


def test_cross_site_posts_are_refused(client, story):
    response = client.post(f"/views/{story.pk}/", HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert not ArticleView.objects.exists()
    same_origin = client.post(f"/views/{story.pk}/", HTTP_SEC_FETCH_SITE="same-origin")
    assert same_origin.status_code == 204
    assert ArticleView.objects.get().views == 1


def test_counts_by_hour(story):
    view_record(article_id=story.pk, when=datetime(2024, 5, 1, 10, 5, tzinfo=UTC))
    view_record(article_id=story.pk, when=datetime(2024, 5, 1, 10, 55, tzinfo=UTC))
    view_record(article_id=story.pk, when=datetime(2024, 5, 1, 11, 0, tzinfo=UTC))
    counters = ArticleView.objects.filter(article=story).order_by("hour")
    assert [(c.hour, c.views) for c in counters] == [
        (datetime(2024, 5, 1, 10, tzinfo=UTC), 2),
        (datetime(2024, 5, 1, 11, tzinfo=UTC), 1),
    ]


def test_counted_reads_reach_most_read(client, newsroom):
    older = factories.make_article(
        newsroom["politics"], "Older", published_at=timezone.now() - timedelta(days=1)
    )
    factories.make_article(newsroom["politics"], "Newer")
    for _ in range(3):
        beacon(client, older.pk)
    from masthead.news.teasers import most_read

    assert [a.title for a in most_read(newsroom["home"].locale_id, limit=2)] == [
        "Older",
        "Newer",
    ]
