"""The article model: reading time, publication time, and the one "published" rule."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.news.models import ArticlePage, ArticleType
from tests import factories
from tests.conftest import one, parse, text_of


def words(count):
    return " ".join(["word"] * count)


class TestReadingTime:
    @pytest.mark.parametrize(
        ("word_count", "minutes"),
        [(1, 1), (220, 1), (221, 2), (440, 2), (441, 3), (880, 4), (881, 5)],
    )
    def test_minutes_are_words_over_220_rounded_up(self, newsroom, word_count, minutes):
        # The standfirst is one word; the body brings the rest.
        body_words = word_count - 1
        article = factories.make_article(
            newsroom["politics"],
            standfirst="Summary",
            body=[("paragraph", f"<p>{words(body_words)}</p>")] if body_words else [],
        )
        assert article.reading_minutes == minutes

    def test_counts_standfirst_subheadings_and_quotes_but_not_markup(self, newsroom):
        article = factories.make_article(
            newsroom["politics"],
            standfirst=words(100),
            body=[
                ("paragraph", f'<p><b>{words(50)}</b> <a href="https://example.org/">x</a></p>'),
                ("subheading", words(30)),
                ("quote", {"text": words(41), "attribution": "A minister"}),
            ],
        )
        # 100 + 51 + 30 + 41 = 222 words: just over one minute. Tags and the link's URL
        # would add words if markup were counted.
        assert article.reading_minutes == 2

    def test_recomputed_when_the_body_changes(self, newsroom):
        article = factories.make_article(newsroom["politics"], standfirst="Summary", body=[])
        assert article.reading_minutes == 1
        article.body = [("paragraph", f"<p>{words(700)}</p>")]
        article.save()
        article.refresh_from_db()
        assert article.reading_minutes == 4

    def test_shown_as_n_min_read(self, client, newsroom):
        article = factories.make_article(
            newsroom["politics"], standfirst="Summary", body=[("paragraph", f"<p>{words(780)}</p>")]
        )
        tree = parse(client.get(article.url))
        assert text_of(one(tree, "reading-time")) == "4 Min Read"


class TestPublishedAt:
    def test_set_on_first_publish(self, newsroom):
        article = factories.make_article(newsroom["politics"], "A draft story", live=False)
        assert article.published_at is None

        before = timezone.now()
        article.save_revision().publish()
        article.refresh_from_db()

        assert article.live
        assert before <= article.published_at <= timezone.now()
        assert article.published_at == article.first_published_at

    def test_kept_when_republished(self, newsroom):
        article = factories.make_article(newsroom["politics"], "A draft story", live=False)
        article.save_revision().publish()
        article.refresh_from_db()
        first = article.published_at

        article.title = "A corrected story"
        article.save_revision().publish()
        article.refresh_from_db()

        assert article.title == "A corrected story"
        assert article.published_at == first

    def test_an_editors_time_is_kept(self, newsroom):
        chosen = datetime(2022, 7, 9, 4, 45, tzinfo=UTC)
        article = factories.make_article(newsroom["politics"], live=False, published_at=chosen)
        article.save_revision().publish()
        article.refresh_from_db()
        assert article.published_at == chosen

    def test_drafts_have_no_publication_time(self, newsroom):
        article = factories.make_article(newsroom["politics"], live=False)
        article.save_revision()
        article.refresh_from_db()
        assert article.published_at is None


class TestPublishedQuerySet:
    def test_excludes_drafts_embargoed_and_private_stories(self, client, newsroom):
        politics = newsroom["politics"]
        visible = factories.make_article(politics, "Visible story")
        draft = factories.make_article(politics, "Draft story", live=False)
        embargoed = factories.make_article(
            politics, "Embargoed story", published_at=timezone.now() + timedelta(hours=2)
        )
        private = factories.make_article(politics, "Private story")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )

        published = set(ArticlePage.objects.published())

        assert published == {visible}
        assert {draft, embargoed, private}.isdisjoint(published)

    def test_a_new_restriction_hides_a_section_at_once(self, newsroom):
        story = factories.make_article(newsroom["politics"], "Soon private")
        assert story in set(ArticlePage.objects.published())  # the restrictions are cached
        restriction = PageViewRestriction.objects.create(
            page=newsroom["politics"], restriction_type=PageViewRestriction.LOGIN
        )
        assert story not in set(ArticlePage.objects.published())
        restriction.delete()
        assert story in set(ArticlePage.objects.published())

    def test_embargoed_story_is_not_there_for_readers(self, client, newsroom):
        embargoed = factories.make_article(
            newsroom["politics"],
            "Embargoed story",
            published_at=timezone.now() + timedelta(minutes=5),
        )
        response = client.get(embargoed.url)
        assert response.status_code == 404
        assert b"Embargoed story" not in response.content

    def test_embargoed_story_is_not_listed(self, client, newsroom):
        factories.make_article(newsroom["politics"], "Visible story")
        factories.make_article(
            newsroom["politics"],
            "Embargoed story",
            published_at=timezone.now() + timedelta(minutes=5),
        )
        for url in ("/en/", newsroom["politics"].url, newsroom["news"].url):
            content = client.get(url).content.decode()
            assert "Visible story" in content, url
            assert "Embargoed story" not in content, url

    def test_embargo_lifts_when_its_time_comes(self, client, newsroom):
        article = factories.make_article(
            newsroom["politics"], published_at=timezone.now() + timedelta(minutes=5)
        )
        assert client.get(article.url).status_code == 404
        ArticlePage.objects.filter(pk=article.pk).update(
            published_at=timezone.now() - timedelta(minutes=1)
        )
        assert client.get(article.url).status_code == 200

    def test_draft_story_is_not_there_for_readers(self, client, newsroom):
        draft = factories.make_article(newsroom["politics"], "Draft story", live=False)
        assert draft.url == "/en/news/politics/draft-story/"
        assert client.get(draft.url).status_code == 404


class TestArticleDisplay:
    def test_caption_falls_back_to_the_images_caption(self, newsroom):
        image = factories.make_image(caption="Crowds in the square", credit="Agencies")
        own = factories.make_article(newsroom["politics"], lead_image=image)
        overridden = factories.make_article(
            newsroom["politics"], lead_image=image, lead_image_caption="The square at dawn"
        )
        bare = factories.make_article(newsroom["politics"])

        assert own.caption == "Crowds in the square"
        assert overridden.caption == "The square at dawn"
        assert bare.caption == ""

    def test_lead_image_caption_and_credit_are_shown(self, client, newsroom):
        image = factories.make_image(caption="Crowds in the square", credit="Agencies")
        own = factories.make_article(newsroom["politics"], lead_image=image)
        overridden = factories.make_article(
            newsroom["politics"], lead_image=image, lead_image_caption="The square at dawn"
        )

        figure = one(parse(client.get(own.url)), "story-lead", "figure")
        assert text_of(figure.find("figcaption")) == "Crowds in the square Credit: Agencies"
        figure = one(parse(client.get(overridden.url)), "story-lead", "figure")
        assert text_of(figure.find("figcaption")) == "The square at dawn Credit: Agencies"

    def test_house_byline_without_authors(self, client, newsroom):
        article = factories.make_article(newsroom["politics"])
        byline = one(parse(client.get(article.url)), "byline")
        assert text_of(byline) == "By The Daily Test"
        assert byline.findall(".//a") == []

    def test_house_byline_follows_the_site_name(self, client, newsroom):
        factories.configure_site(site_name="Evening Courier")
        article = factories.make_article(newsroom["politics"])
        byline = one(parse(client.get(article.url)), "byline")
        assert text_of(byline) == "By Evening Courier"

    def test_byline_links_each_author_in_order(self, client, newsroom):
        article = factories.make_article(
            newsroom["politics"], authors=[newsroom["writer"], newsroom["critic"]]
        )
        byline = one(parse(client.get(article.url)), "byline")
        assert text_of(byline) == "By Jane Writer and Sam Critic"
        assert [(a.text_content(), a.get("href")) for a in byline.iter("a")] == [
            ("Jane Writer", "/en/authors/jane-writer/"),
            ("Sam Critic", "/en/authors/sam-critic/"),
        ]

    def test_authors_keep_the_editors_order(self, newsroom):
        article = factories.make_article(
            newsroom["politics"], authors=[newsroom["critic"], newsroom["writer"]]
        )
        assert article.authors() == [newsroom["critic"], newsroom["writer"]]

    def test_opinion_shows_an_author_box_with_photo_and_bio(self, client, newsroom):
        column = factories.make_article(
            newsroom["opinion"],
            "Why the budget matters",
            article_type=ArticleType.OPINION,
            authors=[newsroom["writer"]],
        )
        tree = parse(client.get(column.url))
        box = one(tree, "author-box", "aside")
        assert text_of(one(box, "author-bio")) == "Jane covers parliament and the budget."
        assert text_of(one(box, "author-role")) == "Political editor"
        assert one(box, "author-name").find("a").get("href") == "/en/authors/jane-writer/"
        photo = one(box, "author-photo", "img")
        assert photo.get("src").startswith("/media/images/")
        assert "Opinion" in text_of(one(tree, "story-kicker"))

    def test_news_story_has_no_author_box(self, client, newsroom):
        article = factories.make_article(newsroom["politics"], authors=[newsroom["writer"]])
        assert "author-box" not in client.get(article.url).content.decode()

    def test_updated_time_is_shown_when_set(self, client, newsroom, settings):
        settings.TIME_ZONE = "UTC"
        article = factories.make_article(
            newsroom["politics"],
            published_at=datetime(2022, 7, 9, 4, 45, tzinfo=UTC),
            updated_at=datetime(2022, 7, 9, 9, 5, tzinfo=UTC),
        )
        assert text_of(one(parse(client.get(article.url)), "updated")) == (
            "Updated 9 Jul 2022 09:05"
        )
