"""The permission matrix of the three newsroom roles, checked over HTTP in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from lxml import html
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield

from masthead.core.models import SiteSettings
from masthead.live.models import BreakingItem
from masthead.newsroom.roles import CHIEF_EDITOR, EDITOR, REPORTER, roles_setup
from tests import factories


@pytest.fixture
def staff(db):
    """A signed-in test client per role."""
    from django.test import Client

    clients = {}
    for role in (REPORTER, EDITOR, CHIEF_EDITOR):
        user = get_user_model().objects.create_user(role.lower().replace(" ", "-"), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        clients[role] = client
    return clients


def form_fields(response, form_id):
    """Every value an admin form would submit as it stands, so a test can post it back."""
    form = html.fromstring(response.content).get_element_by_id(form_id)
    data = {}
    for field in form.xpath(".//input[@name] | .//textarea[@name] | .//select[@name]"):
        name, kind = field.get("name"), (field.get("type") or "").lower()
        if kind in {"submit", "button", "file"}:
            continue
        if kind in {"checkbox", "radio"}:
            if field.get("checked") is not None:
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.tag == "select":
            chosen = field.xpath(".//option[@selected]/@value")
            if chosen:
                data[name] = chosen if field.get("multiple") is not None else chosen[0]
        elif field.tag == "textarea":
            data[name] = field.text or ""
        else:
            data[name] = field.get("value", "")
    return data


@pytest.fixture
def draft(newsroom):
    article = factories.make_article(newsroom["politics"], "Draft for the desk", live=False)
    article.save_revision()
    return article


def publish_through_the_editor(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    if response.status_code != 200:
        return response
    data = form_fields(response, "page-edit-form")
    # The body editor is drawn by JavaScript; post it as an empty stream.
    data.update(nested_form_data({"body": streamfield([])}))
    data["action-publish"] = "action-publish"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_roles_exist_after_migrate(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {REPORTER, EDITOR, CHIEF_EDITOR}
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_setup_is_idempotent(db):
    before = {
        g.name: sorted(g.permissions.values_list("codename", flat=True))
        for g in Group.objects.all()
    }
    roles_setup()
    after = {
        g.name: sorted(g.permissions.values_list("codename", flat=True))
        for g in Group.objects.all()
    }
    assert before == after


def test_a_reporter_cannot_publish(staff, draft):
    response = publish_through_the_editor(staff[REPORTER], draft)
    assert response.status_code in {200, 302, 403}
    draft.refresh_from_db()
    assert not draft.live
    assert draft.published_at is None


def test_an_editor_publishes(staff, draft):
    response = publish_through_the_editor(staff[EDITOR], draft)
    assert response.status_code == 302, response.content[:2000]
    draft.refresh_from_db()
    assert draft.live
    assert draft.published_at is not None


def test_a_reporter_can_write_a_draft(staff, newsroom):
    section = newsroom["politics"]
    response = staff[REPORTER].get(f"/admin/pages/add/news/articlepage/{section.pk}/")
    assert response.status_code == 200


def test_a_reporter_cannot_post_breaking_news(staff, db):
    client = staff[REPORTER]
    assert client.get("/admin/snippets/live/breakingitem/add/").status_code in {302, 403}
    client.post("/admin/snippets/live/breakingitem/add/", {"text": "Should not appear"})
    assert not BreakingItem.objects.filter(text="Should not appear").exists()


def test_an_editor_posts_breaking_news(staff, db):
    response = staff[EDITOR].post(
        "/admin/snippets/live/breakingitem/add/",
        {"locale": Locale.get_default().pk, "text": "Bridge reopens", "expires_at": ""},
    )
    assert response.status_code == 302
    assert BreakingItem.objects.filter(text="Bridge reopens").exists()


@pytest.mark.parametrize("role", [REPORTER, EDITOR])
def test_only_the_chief_editor_changes_site_settings(staff, newsroom, role):
    site_settings = SiteSettings.for_site(factories.home_page().get_site())
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site_settings.site_id])
    response = staff[role].get(url)
    assert response.status_code in {302, 403}
    staff[role].post(url, {"site_name": "Taken over"})
    site_settings.refresh_from_db()
    assert site_settings.site_name != "Taken over"


def test_the_chief_editor_changes_site_settings(staff, newsroom):
    site_settings = SiteSettings.for_site(factories.home_page().get_site())
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site_settings.site_id])
    response = staff[CHIEF_EDITOR].get(url)
    assert response.status_code == 200
    data = form_fields(response, "w-editor-form")
    data.update(nested_form_data({"footer_links": streamfield([])}))
    data["site_name"] = "Renamed Daily"
    assert staff[CHIEF_EDITOR].post(url, data).status_code == 302
    site_settings.refresh_from_db()
    assert site_settings.site_name == "Renamed Daily"


@pytest.mark.parametrize("role,allowed", [(REPORTER, False), (EDITOR, False), (CHIEF_EDITOR, True)])
def test_only_the_chief_editor_manages_users(staff, role, allowed):
    status = staff[role].get("/admin/users/").status_code
    assert (status == 200) is allowed


def test_stories_are_reviewed_by_editors(db):
    from wagtail.models import Page

    workflow = Page.get_first_root_node().get_workflow()
    assert workflow is not None and workflow.name == "Editor review"
    [task] = [task.specific for task in workflow.tasks.all()]
    assert sorted(group.name for group in task.groups.all()) == [CHIEF_EDITOR, EDITOR]


def submit_through_the_editor(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    data = form_fields(response, "page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))
    data["action-submit"] = "action-submit"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_a_reporters_story_goes_live_when_an_editor_approves(staff, newsroom):
    from wagtail.models import WorkflowState

    section = newsroom["politics"]
    reporter = get_user_model().objects.get(username="reporter")
    story = factories.make_article(section, "Reporter's draft", live=False)
    story.owner = reporter
    story.save()
    story.save_revision(user=reporter)

    assert submit_through_the_editor(staff[REPORTER], story).status_code == 302
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    story.refresh_from_db()
    assert not story.live

    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    assert staff[REPORTER].post(url, {"comment": ""}).status_code in {302, 403}
    story.refresh_from_db()
    assert not story.live, "a reporter cannot approve their own story"

    assert staff[EDITOR].post(url, {"comment": "Good to go"}).status_code in {200, 302}
    story.refresh_from_db()
    assert story.live and story.published_at is not None


def test_an_editor_sends_a_story_back_with_a_comment(staff, newsroom):
    from wagtail.models import TaskState, WorkflowState

    reporter = get_user_model().objects.get(username="reporter")
    story = factories.make_article(newsroom["politics"], "Needs work", live=False)
    story.owner = reporter
    story.save()
    story.save_revision(user=reporter)
    submit_through_the_editor(staff[REPORTER], story)
    state = WorkflowState.objects.get(object_id=str(story.pk))

    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[story.pk, "reject", state.current_task_state.pk],
    )
    staff[EDITOR].post(url, {"comment": "Please check the turnout figures."})

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.filter(workflow_state=state).latest("started_at")
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Please check the turnout figures."
    story.refresh_from_db()
    assert not story.live
