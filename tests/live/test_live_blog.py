"""Live blogs: the reader's page, the live document open pages poll, structured data and
the newsroom's fast form."""

import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from masthead.live.liveblog import (
    liveblog_delete,
    liveblog_edit,
    liveblog_end,
    liveblog_pin,
    liveblog_post,
)
from masthead.live.models import LiveUpdate
from masthead.live.pulse import pulse_changed
from masthead.newsroom.roles import CHIEF_EDITOR, EDITOR, REPORTER
from tests import factories
from tests.conftest import by_class, json_ld_node, one, parse, text_of


def document_url(blog):
    return f"/en/live-blogs/{blog.pk}/updates.json"


def document(client, blog):
    response = client.get(document_url(blog))
    assert response.status_code == 200
    return json.loads(response.content)


def update_texts(tree):
    return [text_of(body) for body in by_class(tree, "live-update-body")]


def shown_ids(tree):
    return [int(a.get("data-update")) for a in by_class(tree, "live-update", "article")]


@pytest.fixture
def blog(newsroom):
    return factories.make_live_blog(newsroom["politics"], "Election night: the count")


def post_at(blog, minutes_ago, text, **options):
    return liveblog_post(
        blog=blog,
        text=text,
        posted_at=timezone.now() - timedelta(minutes=minutes_ago),
        **options,
    )


# --- The reader's page --------------------------------------------------------------------


def test_the_page_shows_the_introduction_then_updates_newest_first(client, blog):
    post_at(blog, 30, "Turnout was high in the north.")
    post_at(blog, 20, "The first ballot boxes arrive.", key_event=True)
    post_at(blog, 10, "Counting has begun in the capital.")
    tree = parse(client.get(blog.url))

    assert "Election night: the count" in text_of(one(tree, "story-headline"))
    assert "Polls closed at eight" in text_of(one(tree, "liveblog-intro"))
    assert update_texts(tree) == [
        "Counting has begun in the capital.",
        "The first ballot boxes arrive.",
        "Turnout was high in the north.",
    ]
    flags = [by_class(u, "live-update-flag") for u in by_class(tree, "live-update", "article")]
    assert [len(f) for f in flags] == [0, 1, 0]
    assert one(tree, "live-badge").text_content().strip() == "Live"
    assert one(tree, "liveblog-ended").get("hidden") is not None


def test_key_events_are_listed_above_the_updates_and_link_to_them(client, blog):
    first = post_at(blog, 30, "Polls close across the country.", key_event=True)
    post_at(blog, 20, "A quiet hour.")
    second = post_at(blog, 10, "Ignored", headline="First result declared", key_event=True)
    tree = parse(client.get(blog.url))

    events = one(tree, "key-events", "nav")
    assert [text_of(li) for li in events.iter("li")] == [
        f"{timezone.localtime(second.posted_at):%H:%M} First result declared",
        f"{timezone.localtime(first.posted_at):%H:%M} Polls close across the country.",
    ]
    assert [a.get("href") for a in events.iter("a")] == [
        f"{blog.url}#update-{second.pk}",
        f"{blog.url}#update-{first.pk}",
    ]
    body = tree.xpath("//main")[0]
    positions = [el for el in body.iter() if el.get("class") in {"key-events", "live-updates"}]
    assert [el.get("class") for el in positions] == ["key-events", "live-updates"]


def test_no_key_events_no_list(client, blog):
    post_at(blog, 5, "Nothing decisive yet.")
    tree = parse(client.get(blog.url))
    assert one(tree, "key-events", "nav").get("hidden") is not None


def test_older_updates_are_on_further_pages(client, blog):
    updates = [post_at(blog, 100 - n, f"Update number {n}.") for n in range(25)]
    page_one = parse(client.get(blog.url))
    assert shown_ids(page_one) == [u.pk for u in reversed(updates)][:20]
    assert "Page 1 of 2" in text_of(one(page_one, "pagination", "nav"))
    assert one(page_one, "liveblog", "article").get("data-live-url") == document_url(blog)

    page_two = parse(client.get(blog.url, {"page": 2}))
    assert shown_ids(page_two) == [u.pk for u in reversed(updates)][20:]
    # Older pages do not follow the blog: new updates belong on the first page.
    assert one(page_two, "liveblog", "article").get("data-live-url") is None

    # A key event on page two links there.
    liveblog_pin(update=updates[0])
    events = one(parse(client.get(blog.url)), "key-events", "nav")
    assert [a.get("href") for a in events.iter("a")] == [
        f"{blog.url}?page=2#update-{updates[0].pk}"
    ]


@pytest.mark.parametrize(
    "value, number", [("abc", 1), ("0", 1), ("-3", 1), ("999", 2), ("2.5", 1), ("", 1)]
)
def test_bad_page_numbers_still_show_a_page(client, blog, value, number):
    for n in range(21):
        post_at(blog, 100 - n, f"Update {n}.")
    response = client.get(blog.url, {"page": value})
    assert response.status_code == 200
    assert f"Page {number} of 2" in text_of(one(parse(response), "pagination", "nav"))


def test_an_ended_blog_says_so_and_does_not_follow(client, blog):
    post_at(blog, 5, "The last result is in.")
    liveblog_end(blog=blog)
    tree = parse(client.get(blog.url))
    assert one(tree, "liveblog-ended").get("hidden") is None
    assert "This live blog has ended." in text_of(one(tree, "liveblog-ended"))
    assert one(tree, "live-badge").text_content().strip() == "Ended"
    assert one(tree, "liveblog", "article").get("data-live-url") is None
    assert document(client, blog)["status"] == "ended"


def test_a_draft_blog_is_not_there(client, newsroom):
    draft = factories.make_live_blog(newsroom["politics"], "Not yet", live=False)
    liveblog_post(blog=draft, text="Prepared in advance.")
    assert client.get(document_url(draft)).status_code == 404
    assert client.get("/en/live-blogs/999999/updates.json").status_code == 404


def test_embeds_make_no_third_party_request(client, blog):
    liveblog_post(
        blog=blog,
        body=[("embed", {"url": "https://video.example.net/watch/42", "title": "The speech"})],
    )
    tree = parse(client.get(blog.url))
    card = one(tree, "embed-card")
    link = card.find(".//a")
    assert link.get("href") == "https://video.example.net/watch/42"
    assert "The speech" in text_of(card) and "video.example.net" in text_of(card)
    # Nothing on the page loads from another host: no frames, and every script, image,
    # stylesheet and media source is local.
    assert not tree.xpath("//iframe | //embed | //object | //video | //audio")
    sources = tree.xpath(
        "//script/@src | //img/@src | //img/@srcset | //link[@rel='stylesheet']/@href"
    )
    sources += tree.xpath("//source/@src | //source/@srcset | //link[@rel='preload']/@href")
    for source in sources:
        for part in source.split(","):
            url = part.strip().split(" ")[0]
            assert not urlsplit(url).netloc, f"third-party request: {url}"


def test_every_kind_of_update(client, blog):
    image = factories.make_image(caption="Ballot boxes in the hall", credit="Agencies")
    liveblog_post(
        blog=blog,
        headline="Scenes from the count",
        body=[
            ("text", "<p>Volunteers sort the <b>first</b> ballots.</p>"),
            ("image", {"image": image, "caption": "", "credit": ""}),
            (
                "quote",
                {"text": "Every vote is counted twice.", "attribution": "The returning officer"},
            ),
        ],
    )
    update = one(parse(client.get(blog.url)), "live-update", "article")
    assert "Scenes from the count" in text_of(update)
    assert "Volunteers sort the first ballots." in text_of(update)
    assert update.xpath(".//figure[contains(@class, 'body-figure')]//img")
    assert "Ballot boxes in the hall Credit: Agencies" in text_of(update)
    assert "Every vote is counted twice." in text_of(update)
    assert "The returning officer" in text_of(update)


# --- Structured data --------------------------------------------------------------------------


def structured_data(client, blog):
    tree = parse(client.get(blog.url))
    return json_ld_node(tree, "LiveBlogPosting")


def test_live_blog_posting_with_its_updates(client, blog):
    first = post_at(blog, 20, "Turnout passes sixty per cent.")
    second = post_at(blog, 5, "It is close </script><b>", headline="Too close to call")
    data = structured_data(client, blog)
    assert data["headline"] == "Election night: the count"
    assert data["description"] == "Follow the count as it happens."
    assert data["coverageStartTime"] == blog.first_published_at.isoformat()
    assert "coverageEndTime" not in data
    updates = data["liveBlogUpdate"]
    assert [u["@type"] for u in updates] == ["BlogPosting", "BlogPosting"]
    assert [u["headline"] for u in updates] == [
        "Too close to call",
        "Turnout passes sixty per cent.",
    ]
    assert updates[0]["datePublished"] == second.posted_at.isoformat()
    assert updates[0]["articleBody"] == "It is close </script><b>"
    assert updates[1]["articleBody"] == "Turnout passes sixty per cent."
    assert updates[1]["url"].endswith(f"{blog.url}#update-{first.pk}")


def test_an_ended_blog_has_a_coverage_end_time(client, blog):
    liveblog_end(blog=blog)
    blog.refresh_from_db()
    data = structured_data(client, blog)
    assert data["coverageEndTime"] == blog.ended_at.isoformat()
    assert data["liveBlogUpdate"] == []


# --- The live document --------------------------------------------------------------------


def test_the_document_is_public_cacheable_and_the_same_for_everyone(client, blog):
    update = post_at(blog, 5, "Results from the islands.", key_event=True)
    response = client.get(document_url(blog))
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "public, max-age=1"
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    data = json.loads(response.content)
    assert data["status"] == "live"
    (item,) = data["updates"]
    assert item["id"] == update.pk
    assert item["posted_at"] == update.posted_at.isoformat()
    assert f'id="update-{update.pk}"' in item["html"]
    assert "Results from the islands." in item["html"]
    assert data["key_events"] == [update.pk]
    assert "Results from the islands." in data["key_events_html"]

    # Another reader, another cookie, made-up parameters: the same document.
    other = Client(HTTP_HOST="localhost")
    other.cookies["sessionid"] = "someone-else"
    again = other.get(document_url(blog), {"since": "2026-01-01", "after": update.pk})
    assert again.content == response.content
    assert again["ETag"] == response["ETag"]


def test_a_current_copy_gets_a_304(client, blog):
    post_at(blog, 1, "A line.")
    etag = client.get(document_url(blog))["ETag"]
    again = client.get(document_url(blog), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_posting_editing_pinning_and_deleting_change_it_at_once(client, blog):
    def ids():
        return [item["id"] for item in document(client, blog)["updates"]]

    first = post_at(blog, 10, "First.")
    assert ids() == [first.pk]
    etag = client.get(document_url(blog))["ETag"]

    second = post_at(blog, 5, "Second.")
    assert ids() == [second.pk, first.pk]
    assert client.get(document_url(blog), HTTP_IF_NONE_MATCH=etag).status_code == 200

    liveblog_edit(update=first, body=[("text", "<p>First, corrected.</p>")])
    assert "First, corrected." in document(client, blog)["updates"][1]["html"]

    liveblog_pin(update=first)
    assert document(client, blog)["key_events"] == [first.pk]
    liveblog_pin(update=first, pinned=False)
    assert document(client, blog)["key_events"] == []

    liveblog_delete(update=second)
    assert ids() == [first.pk]

    liveblog_end(blog=blog)
    assert document(client, blog)["status"] == "ended"


def test_it_holds_the_newest_twenty(client, blog):
    updates = [post_at(blog, 100 - n, f"Update {n}.") for n in range(23)]
    data = document(client, blog)
    assert [item["id"] for item in data["updates"]] == [u.pk for u in reversed(updates)][:20]
    assert data["complete"] is False


def add_updates(blog, count, image):
    for n in range(count):
        liveblog_post(
            blog=blog,
            headline=f"Update {n}" if n % 2 else "",
            body=[
                ("text", f"<p>Update {n} with a <a href='https://example.org/{n}'>link</a>.</p>"),
                ("image", {"image": image, "caption": "", "credit": ""}),
                ("quote", {"text": "We count.", "attribution": "A clerk"}),
                ("embed", {"url": f"https://example.org/post/{n}", "title": ""}),
            ],
            key_event=n % 3 == 0,
            posted_at=timezone.now() - timedelta(minutes=count - n),
        )


def rebuild_queries(client, blog):
    client.get(document_url(blog))  # renders any update not rendered before
    pulse_changed(f"liveblog:{blog.pk}:en")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(document_url(blog)).status_code == 200
    return len(queries)


def test_a_cached_hit_runs_no_query_and_a_rebuild_a_fixed_number(client, blog):
    image = factories.make_image(caption="The hall")
    add_updates(blog, 3, image)
    few = rebuild_queries(client, blog)
    add_updates(blog, 30, image)
    many = rebuild_queries(client, blog)
    assert few == many <= 4, (few, many)
    with CaptureQueriesContext(connection) as queries:
        client.get(document_url(blog))
    assert len(queries) == 0


def page_queries(url):
    reader = Client(HTTP_HOST="localhost")
    assert reader.get(url).status_code == 200  # renditions and fragments, once
    with CaptureQueriesContext(connection) as queries:
        assert reader.get(url).status_code == 200
    return len(queries), "\n".join(q["sql"][:150] for q in queries.captured_queries)


def test_the_page_runs_the_same_queries_however_many_updates(blog, newsroom):
    image = factories.make_image(caption="The hall")
    for _ in range(6):
        factories.make_article(newsroom["politics"], lead_image=image)
    add_updates(blog, 4, image)
    few, _ = page_queries(blog.url)
    add_updates(blog, 45, image)
    many, detail = page_queries(blog.url)
    assert few == many, f"{few} queries with 4 updates, {many} with 49\n{detail}"
    # +1 since editions: the page's translations (language links); +1 for the breadcrumb
    # trail in its structured data.
    assert many <= 32, detail
    deep, _ = page_queries(blog.url + "?page=2")
    assert deep == many


# --- Sections ---------------------------------------------------------------------------------


def test_a_section_lists_its_live_blogs_running_ones_first(client, newsroom):
    politics = newsroom["politics"]
    ended = factories.make_live_blog(politics, "Budget day", status="ended")
    running = factories.make_live_blog(politics, "Election night", started_minutes_ago=300)
    tree = parse(client.get(politics.url))
    listed = one(tree, "live-blogs", "section")
    assert [a.text for a in listed.iter("a")] == ["Election night", "Budget day"]
    assert [a.get("href") for a in listed.iter("a")] == [running.url, ended.url]
    # The subsection menu still lists only sections.
    assert "Budget day" not in text_of(tree.xpath("//header")[0])


# --- The newsroom's fast form --------------------------------------------------------------


def signed_in(role):
    user = get_user_model().objects.create_user(
        role.lower().replace(" ", "-"), first_name="Dana", last_name="Ortiz", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def desk_url(blog):
    return f"/admin/live-blogs/{blog.pk}/updates/"


def form_data(text, *, headline="", key_event=False):
    data = {"headline": headline, "body": streamfield([("text", rich_text(text))])}
    if key_event:
        data["key_event"] = "on"
    return nested_form_data(data)


@pytest.mark.parametrize("role", [EDITOR, CHIEF_EDITOR])
def test_an_editor_posts_and_readers_see_it(client, blog, role):
    editor = signed_in(role)
    desk = editor.get(desk_url(blog))
    assert desk.status_code == 200
    assert b"Post update" in desk.content

    response = editor.post(
        desk_url(blog),
        form_data("<p>The first seat is declared.</p>", headline="First seat", key_event=True),
    )
    assert response.status_code == 302
    assert response["Location"] == desk_url(blog)  # ready for the next update
    update = LiveUpdate.objects.get()
    assert update.key_event and update.headline == "First seat"
    assert update.author_name == "Dana Ortiz"

    tree = parse(client.get(blog.url))
    assert "The first seat is declared." in text_of(one(tree, "live-update", "article"))
    assert "Posted by Dana Ortiz" in text_of(one(tree, "live-update", "article"))
    assert "First seat" in text_of(one(tree, "key-events", "nav"))
    assert "The first seat is declared." in document(client, blog)["updates"][0]["html"]
    # The update is listed under the form, with its actions.
    listed = editor.get(desk_url(blog)).content.decode()
    assert "First seat" in listed and f"/admin/live-blogs/updates/{update.pk}/pin/" in listed


def test_an_empty_update_is_not_posted(blog):
    editor = signed_in(EDITOR)
    response = editor.post(
        desk_url(blog), nested_form_data({"headline": "", "body": streamfield([])})
    )
    assert response.status_code == 200
    assert b"needs a headline or some content" in response.content
    assert not LiveUpdate.objects.exists()


def refused(response):
    """Wagtail answers a refused admin action with 403, or a redirect to the dashboard
    with an error message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_a_reporter_may_not_post_updates(blog):
    reporter = signed_in(REPORTER)
    assert refused(reporter.get(desk_url(blog)))
    assert refused(reporter.post(desk_url(blog), form_data("<p>Not from me.</p>")))
    assert not LiveUpdate.objects.exists()
    update = liveblog_post(blog=blog, text="From an editor.")
    for action in ("pin", "delete", "edit"):
        assert refused(reporter.post(f"/admin/live-blogs/updates/{update.pk}/{action}/"))
    assert refused(reporter.post(f"/admin/live-blogs/{blog.pk}/end/"))
    update.refresh_from_db()
    assert not update.key_event and update.plain_text() == "From an editor."
    blog.refresh_from_db()
    assert blog.is_live


def test_an_editor_edits_pins_and_deletes(client, blog):
    editor = signed_in(EDITOR)
    update = liveblog_post(blog=blog, text="Turnot was high.")
    edit_url = f"/admin/live-blogs/updates/{update.pk}/edit/"
    assert editor.get(edit_url).status_code == 200
    data = form_data("<p>Turnout was high.</p>")
    data["posted_at"] = "2030-05-01 21:15"
    assert editor.post(edit_url, data).status_code == 302
    update.refresh_from_db()
    assert update.plain_text() == "Turnout was high."
    assert timezone.localtime(update.posted_at).strftime("%Y-%m-%d %H:%M") == "2030-05-01 21:15"

    assert editor.post(f"/admin/live-blogs/updates/{update.pk}/pin/").status_code == 302
    assert document(client, blog)["key_events"] == [update.pk]
    assert editor.post(f"/admin/live-blogs/updates/{update.pk}/delete/").status_code == 302
    assert document(client, blog)["updates"] == []


def test_the_blogs_admin_page_leads_to_the_fast_form(blog):
    editor = signed_in(EDITOR)
    page = editor.get(f"/admin/pages/{blog.pk}/edit/").content.decode()
    assert desk_url(blog) in page
    listing = editor.get(f"/admin/pages/{blog.get_parent().pk}/").content.decode()
    assert desk_url(blog) in listing
    assert desk_url(blog) in editor.get("/admin/").content.decode()
    assert (
        desk_url(blog)
        not in signed_in(REPORTER).get(f"/admin/pages/{blog.pk}/edit/").content.decode()
    )


def test_an_editor_ends_the_blog_from_the_form(client, blog):
    editor = signed_in(EDITOR)
    assert editor.post(f"/admin/live-blogs/{blog.pk}/end/").status_code == 302
    assert document(client, blog)["status"] == "ended"
    assert "This live blog has ended." in client.get(blog.url).content.decode()


def test_readers_never_see_a_login_name(client, blog):
    user = get_user_model().objects.create_user("night-desk-7", is_staff=True)
    liveblog_post(blog=blog, text="Counting continues.", author=user)
    page = client.get(blog.url).content.decode()
    assert "Counting continues." in page
    assert "night-desk-7" not in page and "Posted by" not in page
