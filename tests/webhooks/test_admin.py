"""Settings → Webhooks and Webhook deliveries: the chief editor's, refused to everyone else."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from masthead.newsroom.roles import CHIEF_EDITOR, EDITOR, REPORTER
from masthead.webhooks.models import Webhook, WebhookDelivery
from tests.conftest import parse, text_of
from tests.webhooks.conftest import make_webhook

NEW_HOOK = {
    "name": "App push service",
    "url": "https://push.example.org/masthead",
    "events": ["article.published", "breaking.posted"],
    "secret": "a-secret-the-push-service-knows",
    "active": "on",
}


@pytest.fixture
def staff(db):
    clients = {}
    for role in (REPORTER, EDITOR, CHIEF_EDITOR):
        user = get_user_model().objects.create_user(role.lower().replace(" ", "-"), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        clients[role] = client
    return clients


@pytest.fixture
def given_up(db):
    hook = make_webhook("https://cdn.example.org/purge", name="CDN purge")
    return WebhookDelivery.objects.create(
        webhook=hook,
        event="breaking.posted",
        payload={"event": "breaking.posted", "data": {}},
        attempts=10,
        last_error="HTTP 503",
        last_status_code=503,
        given_up=True,
    )


@pytest.mark.parametrize("role", [REPORTER, EDITOR])
def test_reporters_and_editors_are_refused(staff, given_up, role):
    client = staff[role]
    hook = given_up.webhook
    for url in [
        "/admin/webhooks/",
        "/admin/webhooks/new/",
        f"/admin/webhooks/edit/{hook.pk}/",
        "/admin/webhook-deliveries/",
        f"/admin/webhook-deliveries/inspect/{given_up.pk}/",
    ]:
        response = client.get(url)
        # Wagtail's refusal: back to the dashboard (an unknown URL would go to /en/…).
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    client.post("/admin/webhooks/new/", NEW_HOOK)
    client.post(f"/admin/webhooks/edit/{hook.pk}/", {**NEW_HOOK, "url": "https://evil.example"})
    client.post(f"/admin/webhook-deliveries/retry/{given_up.pk}/")
    assert not Webhook.objects.filter(name="App push service").exists()
    hook.refresh_from_db()
    assert hook.url == "https://cdn.example.org/purge"
    given_up.refresh_from_db()
    assert given_up.given_up
    assert b"/admin/webhooks/" not in client.get("/admin/").content, "not in their menu"


def test_the_chief_editor_adds_a_webhook(staff):
    client = staff[CHIEF_EDITOR]
    form = client.get("/admin/webhooks/new/")
    assert form.status_code == 200
    [secret] = parse(form).xpath("//input[@name='secret']/@value")
    assert len(secret) >= 40, "a long random secret is offered"

    assert client.post("/admin/webhooks/new/", NEW_HOOK).status_code == 302
    hook = Webhook.objects.get(name="App push service")
    assert hook.events == ["article.published", "breaking.posted"]
    assert hook.secret == "a-secret-the-push-service-knows" and hook.active

    listing = client.get("/admin/webhooks/")
    assert "App push service" in text_of(parse(listing))
    assert b"/admin/webhooks/" in client.get("/admin/").content, "in the Settings menu"


@pytest.mark.parametrize(
    "change", [{"url": "ftp://files.example.org/"}, {"events": ["article.deleted"]}]
)
def test_bad_addresses_and_events_are_refused(staff, change):
    response = staff[CHIEF_EDITOR].post("/admin/webhooks/new/", {**NEW_HOOK, **change})
    assert response.status_code == 200
    assert not Webhook.objects.exists()


def test_the_chief_editor_sees_failed_deliveries_and_retries_one(staff, given_up):
    client = staff[CHIEF_EDITOR]
    listing = text_of(parse(client.get("/admin/webhook-deliveries/")))
    assert "breaking.posted to CDN purge" in listing
    assert "given up" in listing and "HTTP 503" in listing

    page = client.get(f"/admin/webhook-deliveries/inspect/{given_up.pk}/")
    assert page.status_code == 200
    assert "Retry this delivery" in text_of(parse(page))

    before = timezone.now()
    response = client.post(f"/admin/webhook-deliveries/retry/{given_up.pk}/")
    assert response.status_code == 302
    given_up.refresh_from_db()
    assert not given_up.given_up and given_up.attempts == 0
    assert given_up.next_attempt_at >= before


def test_deliveries_cannot_be_edited_even_by_the_chief_editor(staff, given_up):
    client = staff[CHIEF_EDITOR]
    for url in ["/admin/webhook-deliveries/new/", f"/admin/webhook-deliveries/edit/{given_up.pk}/"]:
        assert client.get(url, follow=True).status_code == 404
    listing = client.get("/admin/webhook-deliveries/").content.decode()
    assert "/admin/webhook-deliveries/new/" not in listing
