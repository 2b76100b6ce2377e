"""The infograph page: the graphic described by its text, the zoom link, the data
download, structured data, and the required description."""

import pytest
from django.core.exceptions import ValidationError

from masthead.media.models import InfographPage
from tests import factories
from tests.conftest import by_class, json_ld_node, parse, text_of
from tests.media.factories import DESCRIPTION, make_document, make_infograph


@pytest.fixture
def infographs_section(newsroom):
    return factories.make_section(newsroom["home"], "Infographs", slug="infographs")


def test_the_graphic_is_described_by_its_text(client, infographs_section):
    infograph = make_infograph(
        infographs_section,
        "A year of rain",
        description=DESCRIPTION + "\n\nThe second paragraph says how the data was checked.",
    )
    response = client.get(infograph.url)
    assert response.status_code == 200
    tree = parse(response)
    figure = by_class(tree, "infograph-figure")[0]
    image = figure.xpath(".//img")[0]
    described_by = tree.get_element_by_id(image.get("aria-describedby"))
    paragraphs = [text_of(p) for p in described_by.xpath(".//p")]
    assert paragraphs == [DESCRIPTION, "The second paragraph says how the data was checked."]
    # With JavaScript off the link opens the original, full-resolution file.
    zoom = figure.xpath(".//a[@data-zoom]")[0]
    assert zoom.get("href") == infograph.image.file.url
    assert zoom.get("href").startswith("/media/original_images/")
    assert "Data desk" in text_of(figure.xpath(".//figcaption")[0])
    assert "/static/masthead/infograph.js" in [s.get("src") for s in tree.xpath("//script")]
    assert tree.xpath("//template[@id='infograph-zoom']")


def test_the_source_data_is_offered_with_its_type_and_size(client, infographs_section):
    document = make_document("rainfall.csv", b"station,month,mm\n" + b"Coast,Nov,120\n" * 100)
    infograph = make_infograph(infographs_section, "Rain data", data_file=document)
    tree = parse(client.get(infograph.url))
    download = by_class(tree, "infograph-download")[0]
    link = download.xpath(".//a")[0]
    assert link.get("href") == document.url
    assert link.get("download") is not None
    assert link.get("type") == "text/csv"
    assert text_of(download) == "Download the data (CSV, 1.4 KB)"


def test_no_download_without_source_data(client, infographs_section):
    infograph = make_infograph(infographs_section, "No data")
    assert not by_class(parse(client.get(infograph.url)), "infograph-download")


def test_infograph_structured_data(client, infographs_section, newsroom):
    document = make_document("rain.json", b'{"coast": 120}')
    infograph = make_infograph(
        infographs_section, "Rain chart", data_file=document, authors=[newsroom["critic"]]
    )
    data = json_ld_node(parse(client.get(infograph.url)), "ImageObject")
    assert data["name"] == "Rain chart"
    assert data["description"] == DESCRIPTION
    assert data["contentUrl"] == "http://localhost" + infograph.image.file.url
    assert (data["width"], data["height"]) == (40, 160)
    assert data["creditText"] == "Data desk"
    assert data["author"] == [{"@type": "Person", "name": "Sam Critic"}]
    download = data["isBasedOn"]["distribution"]
    assert download["contentUrl"] == "http://localhost" + document.url
    assert download["encodingFormat"] == "application/json"


def test_the_description_is_required_and_long(infographs_section):
    image = factories.make_image()
    for description in ("", "Too short to say what the chart shows."):
        page = InfographPage(
            title="Undescribed", slug="undescribed", standfirst="A chart.", image=image,
            description=description,
        )  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        assert "description" in refused.value.message_dict


def test_source_data_must_be_csv_xlsx_or_json(infographs_section):
    page = InfographPage(
        title="Odd data",
        slug="odd-data",
        standfirst="A chart.",
        image=factories.make_image(),
        description=DESCRIPTION,
        data_file=make_document("notes.pdf", b"%PDF-1.4"),
    )
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "CSV, XLSX, JSON" in str(refused.value.message_dict["data_file"])
