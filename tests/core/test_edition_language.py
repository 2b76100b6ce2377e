"""Error pages, the contact form and scripts' phrases speak the edition's language."""

import json

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale

from masthead.core.counted import count_labels
from masthead.core.models import ContactFormField, ContactPage
from masthead.core.views import server_error
from tests import factories
from tests.conftest import parse, text_of


def translated_home(language, title):
    home = factories.home_page().copy_for_translation(Locale.objects.get(language_code=language))
    home.title = title
    home.live = True
    home.save()
    return home


@pytest.mark.django_db
def test_a_missing_page_under_ar_is_in_arabic_and_leads_to_the_arabic_front_page(client):
    home = translated_home("ar", "الرئيسية")
    response = client.get("/ar/no-such-story/")
    assert response.status_code == 404
    tree = parse(response)
    assert tree.get("lang") == "ar"
    assert tree.get("dir") == "rtl"
    assert text_of(tree.find(".//h1")) == "لم نعثر على هذه الصفحة"
    button = tree.xpath("//a[contains(@class, 'button')]")[0]
    assert text_of(button) == "اذهب إلى الصفحة الرئيسية"
    assert button.get("href") == home.url == "/ar/"


@pytest.mark.django_db
def test_a_missing_page_under_en_stays_english(client):
    response = client.get("/en/no-such-story/")
    assert response.status_code == 404
    tree = parse(response)
    assert text_of(tree.find(".//h1")) == "We could not find that page"
    assert tree.xpath("//a[contains(@class, 'button')]")[0].get("href") == "/en/"


@pytest.mark.parametrize(
    "language, heading, home",
    [("es", "Algo salió mal por nuestra parte", "/es/"), ("en", "Something went wrong", "/en/")],
)
def test_the_server_error_page_is_in_the_language_of_the_request(language, heading, home):
    # LocaleMiddleware has activated the address's language before the handler runs.
    with translation.override(language):
        response = server_error(RequestFactory().get(f"/{language}/broken/"))
    tree = parse(response)
    assert response.status_code == 500
    assert tree.get("lang") == language
    assert text_of(tree.find(".//h1")).startswith(heading)
    assert tree.xpath("//main//a")[0].get("href") == home


@pytest.mark.django_db
def test_the_contact_form_s_interface_is_spanish_and_its_labels_stay_the_editors(client):
    home = translated_home("es", "Portada")
    page = ContactPage(title="Contacto", slug="contacto")
    page.form_fields.add(
        ContactFormField(label="Tu mensaje", field_type="multiline", required=True)
    )
    home.add_child(instance=page)
    response = client.post(page.url, {})
    tree = parse(response)
    labels = [text_of(label) for label in tree.xpath("//form[@class='contact-form']//label")]
    assert labels == ["Tu mensaje *", "Deja este campo vacío"]
    assert text_of(tree.xpath("//form[@class='contact-form']//button")[0]) == "Enviar"
    # Django's own messages come from its Spanish catalogue.
    assert text_of(tree.xpath("//p[@class='error']")[0]) == "Este campo es necesario."


def test_scripts_get_every_arabic_plural_form():
    with translation.override("ar"):
        labels = json.loads(count_labels("new_updates"))
    assert labels == {
        "zero": "{n} تحديث جديد",
        "one": "تحديث جديد واحد",
        "two": "تحديثان جديدان",
        "few": "{n} تحديثات جديدة",
        "many": "{n} تحديثًا جديدًا",
        "other": "{n} تحديث جديد",
    }


@pytest.mark.parametrize(
    "language, one, other",
    [
        ("es", "{n} sugerencia", "{n} sugerencias"),
        ("en", "{n} suggestion", "{n} suggestions"),
    ],
)
def test_scripts_get_the_two_forms_of_english_and_spanish(language, one, other):
    with translation.override(language):
        labels = json.loads(count_labels("suggestions"))
    assert labels["one"] == one
    assert labels["other"] == labels["few"] == labels["many"] == other
