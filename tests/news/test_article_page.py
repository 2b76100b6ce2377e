"""The article page: every element of the reference page, in its order, for every reader."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from masthead.news.models import ArticleType
from tests import factories
from tests.conftest import by_class, links, one, parse, text_of

ABSOLUTE_URL = "http://localhost/en/news/politics/parliament-passes-the-budget/"
QUOTED_URL = "http%3A%2F%2Flocalhost%2Fen%2Fnews%2Fpolitics%2Fparliament-passes-the-budget%2F"
QUOTED_TITLE = "Parliament%20passes%20the%20budget"


@pytest.fixture(scope="module", autouse=True)
def qatar_time():
    with override_settings(TIME_ZONE="Asia/Qatar"):  # UTC+3 all year
        yield


@pytest.fixture(scope="module")
def story(module_db, qatar_time):
    """A full story with everything the reference page shows around it, built once."""
    newsroom = factories.build_newsroom()
    politics, economy = newsroom["politics"], newsroom["economy"]
    earlier = timezone.now() - timedelta(days=1)
    other = factories.make_article(
        economy,
        "Budget talks resume",
        lead_image=factories.make_image(),
        tags=["Budget"],
        published_at=earlier,
    )
    related_one = factories.make_article(economy, "Markets steady", published_at=earlier)
    related_two = factories.make_article(economy, "Ministers meet", published_at=earlier)
    about = factories.make_standard_page("About Us")
    privacy = factories.make_standard_page("Privacy Policy")
    contact = factories.make_contact_page()
    factories.set_footer_links(privacy, about, contact)
    factories.make_breaking(
        "Polls close in the capital", attribution="Our correspondent in Lisbon", article=other
    )
    image = factories.make_image(caption="Members of parliament vote", credit="Agencies Photo")
    article = factories.make_article(
        politics,
        "Parliament passes the budget",
        standfirst="Lawmakers approved the spending plan after a long night of debate.",
        lead_image=image,
        source="Agencies",
        authors=[newsroom["writer"]],
        tags=["Parliament", "Budget"],
        regions=[newsroom["europe"]],
        coverage=[newsroom["election"]],
        published_at=datetime(2022, 7, 9, 4, 45, tzinfo=UTC),
        body=[
            ("paragraph", "<p>" + "vote " * 400 + "</p>"),
            ("subheading", "What happens next"),
            ("read_next", {"article": other}),
            ("paragraph", "<p>" + "debate " * 380 + "</p>"),
            ("related_news", {"articles": [related_one, related_two]}),
            ("quote", {"text": "It is done.", "attribution": "The speaker"}),
        ],
    )
    factories.add_views(other, 10)
    return {
        **newsroom,
        "article": article,
        "other": other,
        "related": [related_one, related_two],
        "footer": [privacy, about, contact],
    }


@pytest.fixture(scope="module")
def page(story):
    response = Client(HTTP_HOST="localhost").get(story["article"].url)
    assert response.status_code == 200
    return parse(response)


def test_lives_under_its_section(story):
    assert story["article"].url == "/en/news/politics/parliament-passes-the-budget/"


def test_language_links(page):
    editions = page.xpath("//nav[contains(@class, 'editions')]//a")
    # Only editions with a live home page are linked: this newsroom has English alone
    # (tests/core/test_editions.py covers translations and other editions' homes).
    assert [(a.get("href"), a.get("hreflang"), a.text) for a in editions] == [
        ("/en/news/politics/parliament-passes-the-budget/", "en", "En"),
    ]
    assert editions[0].get("aria-current") == "true"
    assert page.get("lang") == "en"
    assert page.get("dir") == "ltr"


def test_brand_and_slogan(page):
    brand = one(page, "brand", "a")
    assert brand.get("href") == "/en/"
    assert text_of(one(brand, "brand-name")) == "The Daily Test"
    assert text_of(one(brand, "brand-slogan")) == "News you can test"


def test_navigation_with_sub_menus(page):
    nav = one(page, "site-nav", "nav")
    items = by_class(nav, "nav-item", "li")
    top = [(a.text, a.get("href")) for item in items for a in item.xpath("./a")]
    assert top == [("News", "/en/news/"), ("Articles", "/en/articles/")]
    news_sub = items[0].xpath(".//details[contains(@class, 'sub-menu')]//a")
    assert [(a.text, a.get("href")) for a in news_sub] == [
        ("Politics", "/en/news/politics/"),
        ("Economy", "/en/news/economy/"),
    ]
    # The story's section is marked current.
    assert "is-current" in items[0].get("class")
    assert "is-current" not in items[1].get("class")


def test_regions(page):
    regions = one(page, "region-nav", "nav")
    assert [(a.text, a.get("href")) for a in regions.iter("a")] == [
        ("Africa", "/en/regions/africa/"),
        ("Europe", "/en/regions/europe/"),
    ]


def test_breaking_ticker(page, story):
    ticker = one(page, "ticker", "section")
    item = one(ticker, "ticker-item", "li")
    assert text_of(one(item, "ticker-attribution")) == "Our correspondent in Lisbon:"
    assert "Polls close in the capital" in text_of(item)
    assert links(item) == [story["other"].url]


def test_headline(page):
    assert text_of(one(page, "story-headline", "h1")) == "Parliament passes the budget"
    assert page.findtext(".//title").startswith("Parliament passes the budget | The Daily Test")
    assert len(page.findall(".//h1")) == 1


def test_byline_links_to_the_author_page(page):
    byline = one(page, "byline")
    assert text_of(byline) == "By Jane Writer"
    assert links(byline) == ["/en/authors/jane-writer/"]


def test_source(page):
    assert text_of(one(page, "source")) == "Source: Agencies"


def test_date_and_time_in_the_site_time_zone(page):
    time = one(page, "story-meta", "ul").find(".//time")
    assert text_of(time) == "9 Jul 2022 07:45"
    assert time.get("datetime") == "2022-07-09T07:45:00+03:00"


def test_date_follows_the_time_zone_setting(client, story, settings):
    settings.TIME_ZONE = "America/New_York"  # UTC-4 in July
    time = one(parse(client.get(story["article"].url)), "story-meta", "ul").find(".//time")
    assert text_of(time) == "9 Jul 2022 00:45"


def test_reading_time(page):
    # 780 body words + 11 in the standfirst + 3 in the subheading + 3 in the quote.
    assert text_of(one(page, "reading-time")) == "4 Min Read"


def test_standfirst(page):
    assert text_of(one(page, "standfirst")) == (
        "Lawmakers approved the spending plan after a long night of debate."
    )


def test_share_links_are_plain_links(page):
    share = one(page, "share", "nav")
    hrefs = links(share)
    assert hrefs == [
        f"https://x.com/intent/post?url={QUOTED_URL}&text={QUOTED_TITLE}",
        f"https://www.facebook.com/sharer/sharer.php?u={QUOTED_URL}",
        f"https://wa.me/?text={QUOTED_TITLE}%20{QUOTED_URL}",
        f"https://t.me/share/url?url={QUOTED_URL}&text={QUOTED_TITLE}",
        f"mailto:?subject={QUOTED_TITLE}&body={QUOTED_URL}",
        ABSOLUTE_URL,
    ]
    copy = one(share, "share-copy", "a")
    assert copy.get("data-copy-link") is not None
    assert text_of(copy) == "Copy link"


def test_lead_image_with_caption_and_credit(page):
    figure = one(page, "story-lead", "figure")
    image = figure.find(".//img")
    assert image.get("src").startswith("/media/images/")
    assert image.get("srcset")
    assert image.get("alt") is not None
    assert text_of(figure.find("figcaption")) == "Members of parliament vote Credit: Agencies Photo"
    assert text_of(one(figure, "caption")) == "Members of parliament vote"
    assert text_of(one(figure, "credit")) == "Credit: Agencies Photo"


def test_body_subheadings(page):
    body = one(page, "story-body")
    assert [text_of(h) for h in by_class(body, "body-subheading", "h2")] == ["What happens next"]


def test_inline_read_next(page, story):
    block = one(page, "inline-read-next")
    assert text_of(block) == "Read next: Budget talks resume"
    assert links(block) == [story["other"].url]


def test_inline_related_news(page, story):
    block = one(page, "inline-related", "aside")
    assert text_of(block.find(".//h2")) == "Related News"
    assert links(block) == [article.url for article in story["related"]]


def test_quote(page):
    quote = one(page, "body-quote", "figure")
    assert text_of(quote.find(".//blockquote")) == "It is done."
    assert text_of(quote.find("figcaption")) == "— The speaker"


def test_tags(page):
    tags = one(page, "story-tags", "nav")
    assert sorted((a.text, a.get("href")) for a in tags.iter("a")) == [
        ("Budget", "/en/tags/budget/"),
        ("Parliament", "/en/tags/parliament/"),
    ]


def test_most_read_with_image_title_section_and_date(page, story):
    rail = one(page, "most-read", "section")
    assert text_of(rail.find(".//h2")) == "Most Read"
    teasers = by_class(rail, "teaser", "article")
    first = teasers[0]
    # "Budget talks resume" has the only views, so it leads.
    assert text_of(one(first, "teaser-title")) == "Budget talks resume"
    assert one(first, "teaser-title").find("a").get("href") == story["other"].url
    assert first.find(".//img").get("src").startswith("/media/images/")
    assert text_of(one(first, "teaser-section")) == "Economy"
    assert one(first, "teaser-time", "time").text


def test_coverage_block(page, story):
    block = one(page, "coverage", "section")
    tabs = [text_of(tab) for tab in block.xpath(".//*[@role='tab']")]
    assert tabs == ["All", "Election 2030", "River Floods"]
    panels = block.xpath(".//*[@role='tabpanel']")
    assert len(panels) == 3
    assert "Parliament passes the budget" in text_of(panels[0])
    assert "Parliament passes the budget" in text_of(panels[1])
    assert "/en/coverage/election-2030/" in links(panels[1])


def test_read_next(page, story):
    rail = one(page, "read-next-rail", "section")
    assert text_of(rail.find(".//h2")) == "Read Next"
    titles = [text_of(one(t, "teaser-title")) for t in by_class(rail, "teaser", "article")]
    assert "Budget talks resume" in titles  # shares the "Budget" tag
    assert "Parliament passes the budget" not in titles
    budget = next(t for t in by_class(rail, "teaser", "article") if "Budget talks" in text_of(t))
    assert budget.find(".//img") is not None
    assert text_of(one(budget, "teaser-section")) == "Economy"


def test_footer(page, story):
    footer = one(page, "site-footer", "footer")
    assert "The Daily Test is a newsroom that exists only in the test suite." in text_of(footer)
    year = timezone.now().year
    assert text_of(one(footer, "footer-rights")) == (
        f"© {year} The Daily Test. All Rights Reserved"
    )
    social = one(footer, "footer-social", "nav")
    assert [(a.text, a.get("href")) for a in social.iter("a")] == [
        ("X", "https://x.com/dailytest"),
        ("Facebook", "https://www.facebook.com/dailytest"),
        ("Telegram", "https://t.me/dailytest"),
    ]
    footer_links = one(footer, "footer-links", "nav")
    assert [(a.text, a.get("href")) for a in footer_links.iter("a")] == [
        ("Privacy Policy", "/en/privacy-policy/"),
        ("About Us", "/en/about-us/"),
        ("Contact Us", "/en/contact-us/"),
        ("Authors", "/en/authors/"),
    ]
    apps = one(footer, "footer-apps", "nav")
    assert [(text_of(a), a.get("href")) for a in apps.iter("a")] == [
        ("Get it for Android", "https://play.google.com/store/apps/details?id=test.daily"),
        ("Download for iOS", "https://apps.apple.com/app/daily-test/id1"),
    ]


def test_elements_appear_in_the_reference_order(page):
    order = {element: position for position, element in enumerate(page.iter())}

    def at(name, tag="*"):
        return order[by_class(page, name, tag)[0]]

    sequence = [
        ("editions", at("editions")),
        ("brand", at("brand")),
        ("navigation", at("site-nav")),
        ("regions", at("region-nav")),
        ("ticker", at("ticker")),
        ("headline", at("story-headline")),
        ("byline", at("byline")),
        ("source", at("source")),
        ("date", order[one(page, "story-meta").find(".//time")]),
        ("reading time", at("reading-time")),
        ("standfirst", at("standfirst")),
        ("share", at("share")),
        ("lead image", at("story-lead")),
        ("subheading", at("body-subheading")),
        ("read next (inline)", at("inline-read-next")),
        ("related news", at("inline-related")),
        ("tags", at("story-tags")),
        ("most read", at("most-read")),
        ("coverage", at("coverage")),
        ("read next", at("read-next-rail")),
        ("footer", at("site-footer")),
    ]
    names_in_page_order = [name for name, _ in sorted(sequence, key=lambda item: item[1])]
    assert names_in_page_order == [name for name, _ in sequence]


def test_no_third_party_requests(page):
    """Scripts, styles, images and frames come from this site; share buttons are links."""
    sources = page.xpath(
        "//script/@src | //img/@src | //iframe/@src | //source/@src | //video/@src"
        " | //link[@rel!='canonical' and @rel!='alternate']/@href"
    )
    for srcset in page.xpath("//img/@srcset | //source/@srcset"):
        sources += [candidate.split()[0] for candidate in srcset.split(",")]
    assert len(sources) > 3
    for source in sources:
        assert source.startswith("/") and not source.startswith("//"), source
    # Inline scripts load nothing; JSON-LD is data for search engines, not a script.
    assert not page.xpath(
        "//script[not(@src)][not(@type='application/ld+json')][contains(., 'http')]"
    )


def test_the_page_is_the_same_for_every_reader(story):
    url = story["article"].url
    first = Client(HTTP_HOST="localhost").get(url)
    second = Client(
        HTTP_HOST="localhost",
        HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Safari",
        HTTP_ACCEPT_LANGUAGE="ar,es;q=0.8",
        HTTP_REFERER="https://example.org/somewhere",
    )
    second.cookies["returning"] = "yes"
    second_response = second.get(url)
    assert first.status_code == second_response.status_code == 200
    assert first.content == second_response.content
    # Nothing per reader is handed out with the page either.
    assert not first.cookies
    assert not second_response.cookies
    assert "csrftoken" not in first.content.decode()
    # Caches may share one copy: the response does not vary on the reader's cookies.
    assert "cookie" not in first.get("Vary", "").lower()


def test_the_page_asks_to_count_its_view(page, story):
    article = one(page, "story", "article")
    assert article.get("data-count-url") == f"/views/{story['article'].pk}/"


def test_unpublished_stories_are_left_out_of_inline_blocks(client, db, story):
    draft = factories.make_article(story["economy"], "Unfinished draft", live=False)
    article = factories.make_article(
        story["politics"],
        body=[
            ("paragraph", "<p>Text.</p>"),
            ("read_next", {"article": draft}),
            ("related_news", {"articles": [draft]}),
        ],
    )
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Unfinished draft" not in response.content.decode()


def test_embargoed_stories_are_left_out_of_inline_blocks(client, db, story):
    embargoed = factories.make_article(
        story["economy"],
        "Embargoed scoop",
        published_at=timezone.now() + timedelta(hours=3),
    )
    article = factories.make_article(
        story["politics"],
        body=[
            ("paragraph", "<p>Text.</p>"),
            ("read_next", {"article": embargoed}),
            ("related_news", {"articles": [embargoed]}),
        ],
    )
    assert "Embargoed scoop" not in client.get(article.url).content.decode()


def test_article_types_are_labelled(client, db, story):
    analysis = factories.make_article(story["opinion"], article_type=ArticleType.ANALYSIS)
    assert text_of(one(parse(client.get(analysis.url)), "story-type")) == "Analysis"
