"""The translation workflow over HTTP, as an editor goes through it in the admin: start an
edition by translating the English home, translate sections and then a story, rewrite
it and publish it; readers then find each version linked from the other."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, Page

from masthead.newsroom.roles import EDITOR, REPORTER
from tests import factories
from tests.conftest import parse
from tests.newsroom.test_roles import publish_through_the_editor, staff  # noqa: F401


def translate_url(page):
    return reverse("simple_translation:submit_page_translation", args=[page.pk])


def submit_translation(client, page, code):
    locale = Locale.objects.get(language_code=code)
    response = client.post(translate_url(page), {"locales": [locale.pk]})
    assert response.status_code == 302, response.content[:2000]
    return page.get_translation(locale).specific


def test_an_editor_opens_an_edition_and_translates_a_story(client, staff, newsroom):  # noqa: F811
    editor = staff[EDITOR]
    story = factories.make_article(newsroom["politics"], "Budget vote", slug="budget-vote")

    # Until the Arabic home exists, a story cannot go to the Arabic edition.
    form = parse(editor.get(translate_url(story)))
    assert "Translate the parent page" in form.text_content()

    arabic_home = submit_translation(editor, newsroom["home"], "ar")
    assert not arabic_home.live  # a draft: the edition is not open yet
    assert client.get("/ar/").status_code == 302
    assert publish_through_the_editor(editor, arabic_home).status_code == 302
    assert client.get("/ar/").status_code == 200

    for section in (newsroom["news"], newsroom["politics"]):
        publish_through_the_editor(editor, submit_translation(editor, section, "ar"))
    arabic = submit_translation(editor, story, "ar")
    assert arabic.translation_key == story.translation_key
    assert arabic.get_parent().locale.language_code == "ar"
    assert not arabic.live
    # The translator rewrites the story in the draft, then it is published.
    arabic.title = "التصويت على الميزانية"
    arabic.save_revision()
    assert publish_through_the_editor(editor, arabic).status_code == 302

    page = parse(client.get(story.url))
    links = {a.get("hreflang"): a.get("href") for a in page.xpath("//nav[@class='editions']//a")}
    assert links == {"en": story.url, "ar": Page.objects.get(pk=arabic.pk).url}
    assert parse(client.get(links["ar"])).findtext(".//h1").strip() == "التصويت على الميزانية"


def test_only_pages_not_automatic_aliases_reach_another_edition(staff, newsroom):  # noqa: F811
    submit_translation(staff[EDITOR], newsroom["home"], "es")
    factories.make_article(newsroom["politics"], "Only in English")
    spanish = Locale.objects.get(language_code="es")
    assert Page.objects.filter(locale=spanish).count() == 1  # the home alone


def test_a_reporter_translates_what_they_may_edit(staff, newsroom):  # noqa: F811
    """Their own stories, that is; opening an edition (its home) is an editor's call."""
    reporter = get_user_model().objects.get(username="reporter")
    own = factories.make_article(newsroom["politics"], "Budget vote")
    Page.objects.filter(pk=own.pk).update(owner=reporter)
    others = factories.make_article(newsroom["politics"], "Tax plan")
    assert staff[REPORTER].get(translate_url(own)).status_code == 200
    assert staff[REPORTER].get(translate_url(others)).status_code in {302, 403}
    assert staff[REPORTER].get(translate_url(newsroom["home"])).status_code in {302, 403}


def test_the_translate_action_is_on_the_editors_page_menu(staff, newsroom):  # noqa: F811
    story = factories.make_article(newsroom["politics"], "Budget vote")
    edit = staff[EDITOR].get(f"/admin/pages/{story.pk}/edit/")
    assert translate_url(story).encode() in edit.content


def test_without_the_permission_there_is_no_translating(newsroom):
    from django.contrib.auth.models import Permission
    from django.test import Client

    user = get_user_model().objects.create_user("outsider", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    assert client.get(translate_url(newsroom["home"])).status_code in {302, 403}
