"""Editions: each language's pages are served only under its own prefix, and every page
links to itself in the other editions (or to their homes) and says so in hreflang."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.conftest import parse


@pytest.fixture
def newsroom_ar(newsroom):
    """The English newsroom with an Arabic edition: home, News and Politics translated."""
    arabic_home = factories.open_edition("ar", title="الرئيسية")
    news = factories.translate(newsroom["politics"].get_parent(), "ar", title="أخبار")
    politics = factories.translate(newsroom["politics"], "ar", title="سياسة")
    return {**newsroom, "ar_home": arabic_home, "ar_news": news, "ar_politics": politics}


def edition_links(response):
    tree = parse(response)
    return [
        (a.get("hreflang"), a.get("href"), a.get("aria-current"))
        for a in tree.xpath("//nav[contains(@class, 'editions')]//a")
    ]


def hreflang(response):
    tree = parse(response)
    return {
        link.get("hreflang"): link.get("href")
        for link in tree.xpath("//head/link[@rel='alternate'][@hreflang]")
    }


class TestRouting:
    def test_an_edition_without_a_home_sends_readers_to_the_default_edition(self, client, newsroom):
        story = factories.make_article(newsroom["politics"], "Budget vote", slug="budget-vote")
        assert client.get("/ar/").headers["Location"] == "/en/"
        response = client.get("/es/news/politics/budget-vote/?ref=x")
        assert response.status_code == 302
        assert response.headers["Location"] == "/en/news/politics/budget-vote/?ref=x"
        assert client.get(story.url).status_code == 200

    def test_the_front_door_picks_an_open_edition(self, client, newsroom_ar):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5", follow=True)
        assert response.redirect_chain[-1][0] == "/ar/"
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="es", follow=True)
        assert [url for url, _status in response.redirect_chain] == ["/es/", "/en/"]
        assert response.status_code == 200

    def test_an_edition_serves_its_own_home(self, client, newsroom_ar):
        response = client.get("/ar/")
        assert response.status_code == 200
        assert response.context["page"].pk == newsroom_ar["ar_home"].pk
        assert parse(response).get("lang") == "ar"

    def test_pages_resolve_only_within_their_edition(self, client, newsroom_ar):
        english = factories.make_article(newsroom_ar["politics"], "Budget vote", slug="budget-vote")
        assert english.url == "/en/news/politics/budget-vote/"
        # The Arabic tree has no such story: not the English one under an Arabic interface.
        assert client.get("/ar/news/politics/budget-vote/").status_code == 404
        arabic = factories.translate(english, "ar", title="التصويت على الميزانية")
        assert arabic.url == "/ar/news/politics/budget-vote/"
        response = client.get("/ar/news/politics/budget-vote/")
        assert parse(response).findtext(".//h1").strip() == "التصويت على الميزانية"
        # Spanish has no home yet: its readers get the English story.
        assert client.get("/es/news/politics/budget-vote/").status_code == 302

    def test_a_closed_editions_search_goes_to_the_default_edition(self, client, newsroom_ar):
        response = client.get("/es/search/?q=budget")
        assert response.status_code == 302
        assert response.headers["Location"] == "/en/search/?q=budget"
        assert client.get("/ar/search/?q=budget").status_code == 200

    def test_an_unpublished_edition_home_closes_the_edition(self, client, newsroom_ar):
        assert client.get("/ar/").status_code == 200
        newsroom_ar["ar_home"].unpublish()
        assert client.get("/ar/").headers["Location"] == "/en/"


class TestLanguageLinks:
    def test_only_editions_with_a_home_are_linked(self, client, newsroom):
        links = edition_links(client.get("/en/"))
        assert links == [("en", "/en/", "true")]

    def test_a_story_links_to_its_translation(self, client, newsroom_ar):
        english = factories.make_article(newsroom_ar["politics"], "Budget vote", slug="budget-vote")
        factories.translate(english, "ar", title="التصويت على الميزانية", slug="tasweet")
        factories.open_edition("es")
        assert edition_links(client.get(english.url)) == [
            ("en", "/en/news/politics/budget-vote/", "true"),
            ("ar", "/ar/news/politics/tasweet/", None),
            ("es", "/es/", None),  # no Spanish version of the story: the edition's home
        ]
        assert edition_links(client.get("/ar/news/politics/tasweet/")) == [
            ("en", "/en/news/politics/budget-vote/", None),
            ("ar", "/ar/news/politics/tasweet/", "true"),
            ("es", "/es/", None),
        ]

    def test_draft_and_embargoed_translations_are_not_linked(self, client, newsroom_ar):
        english = factories.make_article(newsroom_ar["politics"], "Budget vote", slug="budget-vote")
        factories.translate(english, "ar", slug="draft", publish=False)
        assert ("ar", "/ar/", None) in edition_links(client.get(english.url))
        other = factories.make_article(newsroom_ar["politics"], "Tax plan", slug="tax-plan")
        later = timezone.now() + timedelta(hours=2)
        factories.translate(other, "ar", slug="embargoed", published_at=later)
        assert ("ar", "/ar/", None) in edition_links(client.get(other.url))

    def test_a_section_links_to_its_translation(self, client, newsroom_ar):
        links = edition_links(client.get("/en/news/politics/"))
        assert ("ar", "/ar/news/politics/", None) in links


class TestListingsInOtherEditions:
    """Listings that are routes of the home rather than pages: their counterparts."""

    @pytest.fixture
    def arabic_europe(self, newsroom_ar):
        region = newsroom_ar["europe"].copy_for_translation(newsroom_ar["ar_home"].locale)
        region.name, region.slug = "أوروبا", "uruba"
        region.save()
        factories.open_edition("es")
        return region

    def test_a_region_links_to_its_translation_else_the_home(self, client, arabic_europe):
        assert edition_links(client.get("/en/regions/europe/")) == [
            ("en", "/en/regions/europe/", "true"),
            ("ar", "/ar/regions/uruba/", None),
            ("es", "/es/", None),  # no Spanish Europe
        ]
        assert ("en", "/en/regions/europe/", None) in edition_links(
            client.get("/ar/regions/uruba/")
        )
        assert hreflang(client.get("/ar/regions/uruba/")) == {
            "en": "http://localhost/en/regions/europe/",
            "ar": "http://localhost/ar/regions/uruba/",
            "x-default": "http://localhost/en/regions/europe/",
        }

    def test_search_keeps_the_readers_words_but_not_the_editions_filters(
        self, client, arabic_europe
    ):
        links = {
            code: url for code, url, _ in edition_links(client.get("/en/search/?q=vote&section=4"))
        }
        assert links == {
            "en": "/en/search/?q=vote",
            "ar": "/ar/search/?q=vote",
            "es": "/es/search/?q=vote",
        }

    def test_an_author_links_to_the_editions_where_they_write(
        self, client, newsroom_ar, arabic_europe
    ):
        writer = newsroom_ar["writer"]
        factories.make_article(newsroom_ar["politics"], authors=[writer])
        factories.make_article(newsroom_ar["ar_politics"], "خبر", authors=[writer])
        assert edition_links(client.get(f"/en/authors/{writer.slug}/")) == [
            ("en", f"/en/authors/{writer.slug}/", "true"),
            ("ar", f"/ar/authors/{writer.slug}/", None),
            ("es", "/es/", None),  # nothing of theirs in Spanish
        ]
        directory = edition_links(client.get("/ar/authors/"))
        assert [url for _code, url, _current in directory] == [
            "/en/authors/",
            "/ar/authors/",
            "/es/authors/",
        ]


class TestHreflang:
    def test_home_pages_name_each_other_and_x_default_is_the_chooser(self, client, newsroom_ar):
        assert hreflang(client.get("/ar/")) == {
            "en": "http://localhost/en/",
            "ar": "http://localhost/ar/",
            "x-default": "http://localhost/",
        }

    def test_a_story_names_its_live_translations(self, client, newsroom_ar):
        english = factories.make_article(newsroom_ar["politics"], "Budget vote", slug="budget-vote")
        factories.translate(english, "ar", slug="tasweet")
        factories.open_edition("es")
        assert hreflang(client.get("/ar/news/politics/tasweet/")) == {
            "en": "http://localhost/en/news/politics/budget-vote/",
            "ar": "http://localhost/ar/news/politics/tasweet/",
            "x-default": "http://localhost/en/news/politics/budget-vote/",
        }

    def test_an_untranslated_story_has_no_alternates(self, client, newsroom_ar):
        english = factories.make_article(newsroom_ar["politics"], "Budget vote", slug="budget-vote")
        assert hreflang(client.get(english.url)) == {}

    def test_listings_under_the_home_claim_no_alternates(self, client, newsroom_ar):
        factories.make_article(newsroom_ar["politics"], regions=[newsroom_ar["europe"]])
        response = client.get("/en/regions/europe/")
        assert response.status_code == 200
        assert hreflang(response) == {}


class TestQueryBudgets:
    """An Arabic page costs no more than its English original (tests/news/test_query_budgets.py
    holds the budgets against a large archive)."""

    @pytest.fixture
    def pairs(self, newsroom_ar):
        stories = []
        for number in range(4):
            english = factories.make_article(
                newsroom_ar["politics"],
                f"Story {number}",
                lead_image=factories.make_image(),
                authors=[newsroom_ar["writer"]],
                tags=["Budget"],
            )
            stories.append((english, factories.translate(english, "ar", title=f"خبر {number}")))
        return stories

    def count(self, client, url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        assert client.get(url).status_code == 200  # renditions and caches warm
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def test_arabic_home_and_story_cost_the_same_as_english(self, client, pairs):
        from tests.news.test_query_budgets import BUDGETS

        english, arabic = pairs[-1]
        # No more (the Arabic edition has no regions or coverage topics, so it may skip some).
        assert self.count(client, "/ar/") <= self.count(client, "/en/") <= BUDGETS["home"]
        assert self.count(client, arabic.url) <= self.count(client, english.url)
        assert self.count(client, english.url) <= BUDGETS["article"]


class TestEditionFooterAndBrand:
    """Site settings hold the brand once; each edition's home may give its own slogan and
    footer text, and footer links go to the pages' translations in the edition."""

    @pytest.fixture
    def footer(self, newsroom_ar):
        about = factories.make_standard_page("About Us", slug="about-us")
        contact = factories.make_contact_page()
        factories.set_footer_links(about, contact)
        arabic_about = factories.translate(about, "ar", title="من نحن", slug="man-nahnu")
        home = newsroom_ar["ar_home"]
        home.slogan, home.about, home.copyright_line = "أخبار هادئة", "عن الموقع", "الحقوق محفوظة"
        home.save_revision().publish()
        return {"about": about, "contact": contact, "arabic_about": arabic_about}

    def footer_links(self, client, url):
        tree = parse(client.get(url))
        return [(a.text, a.get("href")) for a in tree.xpath("//nav[@class='footer-links']//a")]

    def test_footer_links_go_to_their_translations(self, client, footer):
        links = self.footer_links(client, "/ar/")
        assert links[0] == ("من نحن", "/ar/man-nahnu/")
        # Contact Us has no Arabic version yet: the English page stays linked.
        assert links[1] == ("Contact Us", "/en/contact-us/")
        assert self.footer_links(client, "/en/")[0] == ("About Us", "/en/about-us/")

    def test_an_edition_has_its_own_slogan_and_footer_text(self, client, footer):
        arabic = parse(client.get("/ar/"))
        assert arabic.xpath("string(//*[@class='brand-slogan'])") == "أخبار هادئة"
        assert "عن الموقع" in arabic.xpath("string(//footer)")
        assert "الحقوق محفوظة" in arabic.xpath("string(//*[@class='footer-rights'])")

    def test_an_edition_without_its_own_text_uses_site_settings(self, client, footer):
        english = parse(client.get("/en/"))
        assert english.xpath("string(//*[@class='brand-slogan'])") == "News you can test"


class TestEditionChoicesInTheAdmin:
    """A story's, video's or gallery's form offers the regions and coverage topics of its
    own edition only."""

    def choices(self, admin_client, url, name):
        admin_client.defaults["HTTP_HOST"] = "localhost"
        response = admin_client.get(url)
        assert response.status_code == 200, url
        tree = parse(response)
        return {
            label.text_content().strip()
            for label in tree.xpath(f"//input[@name='{name}']/parent::label")
        }

    def test_a_new_arabic_story_offers_arabic_regions_and_topics(self, admin_client, newsroom_ar):
        from wagtail.models import Locale

        from masthead.news.models import Coverage

        arabic = Locale.objects.get(language_code="ar")
        factories.make_region("أوروبا", slug="europe-ar", locale=arabic)
        Coverage.objects.create(title="الانتخابات", slug="al-intikhabat", locale=arabic)
        url = f"/admin/pages/add/news/articlepage/{newsroom_ar['ar_politics'].pk}/"
        assert self.choices(admin_client, url, "regions") == {"أوروبا"}
        assert self.choices(admin_client, url, "coverage") == {"الانتخابات"}

    def test_an_english_story_offers_english_ones(self, admin_client, newsroom_ar):
        story = factories.make_article(newsroom_ar["politics"], "Budget")
        url = f"/admin/pages/{story.pk}/edit/"
        assert self.choices(admin_client, url, "regions") == {"Africa", "Europe"}


def test_each_edition_names_its_own_writers(client, newsroom_ar):
    """Authors are shared, but an edition's directory, author pages and sitemap hold only
    the bylines with published work in it (any kind of page)."""
    writer, critic = newsroom_ar["writer"], newsroom_ar["critic"]
    factories.make_article(newsroom_ar["politics"], "English story", authors=[writer])
    factories.make_article(newsroom_ar["ar_politics"], "خبر", authors=[critic])
    factories.make_article(
        newsroom_ar["ar_politics"],
        "خبر مؤجل",
        authors=[writer],
        published_at=timezone.now() + timedelta(hours=2),  # under embargo: not yet
    )

    assert client.get(f"/ar/authors/{critic.slug}/").status_code == 200
    assert client.get(f"/ar/authors/{writer.slug}/").status_code == 404
    assert client.get(f"/en/authors/{writer.slug}/").status_code == 200
    assert client.get(f"/en/authors/{critic.slug}/").status_code == 404
    sitemap = client.get("/sitemap-ar.xml").content.decode()
    assert f"/ar/authors/{critic.slug}/" in sitemap
    assert f"/authors/{writer.slug}/" not in sitemap
    arabic_directory = parse(client.get("/ar/authors/")).text_content()
    assert critic.name in arabic_directory and writer.name not in arabic_directory
