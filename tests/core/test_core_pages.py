"""The edition home page, plain pages, the contact form, errors and the small endpoints."""

from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from masthead.core.models import HomePage
from masthead.core.views import server_error
from masthead.news.models import ArticleType
from tests import factories
from tests.conftest import by_class, links, one, parse, text_of


@pytest.fixture(scope="module")
def front(module_db):
    """A front page's worth of stories: news in two subsections, opinion, analysis."""
    newsroom = factories.build_newsroom()
    now = timezone.now()
    image = factories.make_image()
    stories = {}

    def story(title, section, minutes_ago, **kwargs):
        stories[title] = factories.make_article(
            newsroom[section],
            title,
            published_at=now - timedelta(minutes=minutes_ago),
            **kwargs,
        )
        return stories[title]

    story("Newest without picture", "politics", 1)
    story("Newest with picture", "economy", 2, lead_image=image)
    for number in range(1, 9):
        story(f"Politics {number}", "politics", 10 + number, lead_image=image)
    story("Election explained", "politics", 30, coverage=[newsroom["election"]])
    story("Flood defences hold", "economy", 31, coverage=[newsroom["floods"]])
    story("A column on taxes", "opinion", 40, article_type=ArticleType.OPINION)
    story("What the vote means", "opinion", 41, article_type=ArticleType.ANALYSIS)
    story("Old news", "politics", 60 * 24 * 30)
    factories.make_coverage("Dormant topic", slug="dormant", active=False)
    factories.add_views(stories["Old news"], 50)
    factories.add_views(stories["Politics 8"], 20)
    factories.make_breaking("Polls have closed", attribution="Our correspondent")
    response = Client(HTTP_HOST="localhost").get("/en/")
    assert response.status_code == 200
    return {**newsroom, "stories": stories, "tree": parse(response)}


@pytest.fixture
def tree(front):
    return front["tree"]


class TestHomePage:
    def test_root_sends_readers_to_their_edition(self, client, front):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/en/"

    def test_root_sends_arabic_readers_to_the_arabic_edition(self, client, front):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,es;q=0.9")
        assert response.status_code == 302
        assert response["Location"] == "/ar/"

    def test_root_falls_back_to_english_for_other_languages(self, client, front):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="de,fr;q=0.9")
        assert response.status_code == 302
        assert response["Location"] == "/en/"

    def test_title_is_brand_and_slogan(self, tree):
        assert tree.findtext(".//title") == "The Daily Test — News you can test"  # named once
        assert text_of(tree.find(".//h1")) == "The Daily Test"

    def test_lead_is_the_latest_story_with_a_picture(self, tree):
        lead = one(tree, "front-lead", "section")
        teaser = one(lead, "teaser--lead", "article")
        assert text_of(one(teaser, "teaser-title")) == "Newest with picture"
        assert teaser.find(".//img") is not None
        assert text_of(one(teaser, "teaser-standfirst")) == "A short summary of what happened."

    def test_an_editors_pinned_lead_comes_first(self, client, front):
        pinned = front["stories"]["Election explained"]
        HomePage.objects.filter(pk=front["home"].pk).update(lead_story=pinned)
        lead = one(parse(client.get("/en/")), "teaser--lead", "article")
        assert text_of(one(lead, "teaser-title")) == "Election explained"

    def test_an_unpublished_pinned_lead_is_ignored(self, client, front):
        draft = factories.make_article(front["politics"], "Pinned draft", live=False)
        HomePage.objects.filter(pk=front["home"].pk).update(lead_story=draft)
        content = client.get("/en/").content.decode()
        assert "Pinned draft" not in content
        lead = one(parse(client.get("/en/")), "teaser--lead", "article")
        assert text_of(one(lead, "teaser-title")) == "Newest with picture"

    def test_latest_stories_follow_the_lead_without_repeating_it(self, tree):
        top = by_class(one(tree, "front-lead"), "teaser") + by_class(
            one(tree, "front-latest"), "teaser"
        )
        titles = [text_of(one(t, "teaser-title")) for t in top]
        assert titles[0] == "Newest with picture"
        assert titles[1:5] == ["Newest without picture", "Politics 1", "Politics 2", "Politics 3"]
        assert titles.count("Newest with picture") == 1
        assert len(titles) >= 8
        assert "Old news" not in titles

    def test_latest_stories_per_main_section(self, tree):
        rows = by_class(tree, "section-row", "section")
        headings = [(text_of(r.find(".//h2")), r.find(".//h2/a").get("href")) for r in rows]
        assert headings == [("News", "/en/news/"), ("Articles", "/en/articles/")]
        news_titles = [text_of(one(t, "teaser-title")) for t in by_class(rows[0], "teaser")]
        assert news_titles == [
            "Newest without picture",
            "Newest with picture",
            "Politics 1",
            "Politics 2",
        ]
        article_titles = [text_of(one(t, "teaser-title")) for t in by_class(rows[1], "teaser")]
        assert article_titles == ["A column on taxes", "What the vote means"]

    def test_most_read(self, tree):
        rail = one(tree, "most-read", "section")
        titles = [text_of(one(t, "teaser-title")) for t in by_class(rail, "teaser")]
        # Ranked by views, then topped up with the latest stories.
        assert titles == [
            "Old news",
            "Politics 8",
            "Newest without picture",
            "Newest with picture",
            "Politics 1",
        ]

    def test_coverage_with_an_all_tab_and_a_tab_per_active_topic(self, tree):
        block = one(tree, "coverage", "section")
        assert text_of(block.find(".//h2")) == "Coverage"
        assert [text_of(t) for t in block.xpath(".//*[@role='tab']")] == [
            "All",
            "Election 2030",
            "River Floods",
        ]
        all_panel, election, floods = block.xpath(".//*[@role='tabpanel']")
        all_titles = [text_of(one(t, "teaser-title")) for t in by_class(all_panel, "teaser")]
        assert all_titles == ["Election explained", "Flood defences hold"]
        assert [text_of(one(t, "teaser-title")) for t in by_class(election, "teaser")] == [
            "Election explained"
        ]
        assert "/en/coverage/river-floods/" in links(floods)
        assert "Dormant topic" not in text_of(block)

    def test_read_next_offers_opinion_and_analysis(self, tree):
        rail = one(tree, "read-next-rail", "section")
        titles = [text_of(one(t, "teaser-title")) for t in by_class(rail, "teaser")]
        assert titles == ["A column on taxes", "What the vote means"]

    def test_regions_and_ticker(self, tree):
        assert links(one(tree, "region-nav")) == ["/en/regions/africa/", "/en/regions/europe/"]
        ticker = one(tree, "ticker", "section")
        assert text_of(one(ticker, "ticker-item")).startswith(
            "Our correspondent: Polls have closed"
        )

    def test_teasers_link_to_stories_under_their_sections(self, tree, front):
        hrefs = {a.get("href") for a in tree.xpath("//*[contains(@class,'teaser-title')]/a")}
        assert "/en/news/politics/politics-1/" in hrefs
        assert "/en/articles/opinion/a-column-on-taxes/" in hrefs


class TestStandardPage:
    def test_title_intro_and_body(self, client, site_settings):
        page = factories.make_standard_page(
            "About Us",
            intro="Who we are.",
            body=[
                ("paragraph", "<p>We report the news.</p>"),
                ("subheading", "Our values"),
                ("paragraph", "<p>Accuracy first.</p>"),
            ],
        )
        response = client.get("/en/about-us/")
        assert response.status_code == 200
        tree = parse(response)
        assert page.url == "/en/about-us/"
        assert text_of(one(tree, "listing-title", "h1")) == "About Us"
        assert text_of(one(tree, "standfirst")) == "Who we are."
        body = one(tree, "story-body")
        assert [text_of(h) for h in body.findall(".//h2")] == ["Our values"]
        assert text_of(body) == "We report the news. Our values Accuracy first."
        assert tree.findtext(".//title") == "About Us | The Daily Test"
        assert one(tree, "site-footer", "footer") is not None


@pytest.fixture
def contact(site_settings):
    return factories.make_contact_page()


MESSAGE = {"your_name": "Ada Reader", "email": "ada@example.org", "message": "A typo in a story."}


class TestContactPage:
    def test_form_with_fields_and_a_hidden_honeypot(self, client, contact):
        tree = parse(client.get("/en/contact-us/"))
        form = one(tree, "contact-form", "form")
        assert form.get("method") == "post"
        names = [field.get("name") for field in form.xpath(".//input | .//textarea")]
        assert names == ["csrfmiddlewaretoken", "your_name", "email", "message", "website_url"]
        honeypot = one(form, "honeypot")
        assert honeypot.get("aria-hidden") == "true"
        assert honeypot.find(".//input").get("tabindex") == "-1"

    def test_a_message_is_stored_for_editors(self, client, contact, admin_client):
        response = client.post("/en/contact-us/", MESSAGE)
        assert response.status_code == 200
        assert text_of(one(parse(response), "listing-title", "h1")) == "Thank you"
        assert "Thanks, the newsroom has your message." in response.content.decode()

        submission = FormSubmission.objects.get(page=contact)
        data = submission.get_data()
        assert data["your_name"] == "Ada Reader"
        assert data["message"] == "A typo in a story."
        assert "website_url" not in data

        admin_client.defaults["HTTP_HOST"] = "localhost"
        listing = admin_client.get(reverse("wagtailforms:list_submissions", args=[contact.pk]))
        assert listing.status_code == 200
        assert "A typo in a story." in listing.content.decode()
        assert "ada@example.org" in listing.content.decode()

    def test_a_filled_honeypot_is_thanked_but_not_kept(self, client, contact):
        response = client.post(
            "/en/contact-us/", {**MESSAGE, "website_url": "https://spam.example/"}
        )
        assert response.status_code == 200
        assert text_of(one(parse(response), "listing-title", "h1")) == "Thank you"
        assert not FormSubmission.objects.exists()

    def test_an_incomplete_message_shows_errors_and_keeps_the_text(self, client, contact):
        response = client.post("/en/contact-us/", {**MESSAGE, "email": "not-an-address"})
        assert response.status_code == 200
        tree = parse(response)
        assert by_class(tree, "has-error")
        assert tree.xpath("//textarea[@name='message']")[0].text.strip() == "A typo in a story."
        assert not FormSubmission.objects.exists()


class TestErrors:
    def test_404_page_has_the_site_chrome(self, client, site_settings):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        tree = parse(response)
        assert text_of(one(tree, "brand-name")) == "The Daily Test"
        assert text_of(one(tree, "listing-title", "h1")) == "We could not find that page"
        assert one(tree, "button", "a").get("href") == "/en/"
        assert "The Daily Test is a newsroom" in text_of(one(tree, "site-footer"))

    def test_500_page_stands_alone(self, db, django_assert_num_queries):
        request = RequestFactory().get("/en/")
        with django_assert_num_queries(0):
            response = server_error(request)
        assert response.status_code == 500
        tree = parse(response)
        assert text_of(tree.find(".//h1")) == "Something went wrong on our side"
        assert tree.xpath("//a/@href") == ["/en/"]  # the edition of the address
        assert not tree.xpath("//link[@rel='stylesheet'] | //script")

    def test_an_error_while_rendering_gets_the_500_page(self, site_settings, monkeypatch):
        def broken(*args, **kwargs):
            raise RuntimeError("the database went away")

        monkeypatch.setattr(HomePage, "get_context", broken)
        reader = Client(HTTP_HOST="localhost", raise_request_exception=False)
        response = reader.get("/en/")
        assert response.status_code == 500
        assert "Something went wrong on our side" in response.content.decode()
        assert "the database went away" not in response.content.decode()


class TestSmallEndpoints:
    def test_robots_txt(self, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "User-agent: *" in lines
        assert "Disallow: /admin/" in lines
        assert "Disallow: /views/" in lines

    def test_healthz(self, client, db):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}

    def test_healthz_is_read_only(self, client, db):
        assert client.post("/healthz").status_code == 405
