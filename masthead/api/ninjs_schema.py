"""A JSON Schema for IPTC ninjs 2.0 ("News in JSON"), written here from the standard's
field list, for the parts of it Masthead fills (and the common fields around them).

ninjs spells every property in lower case ("versioncreated", "contenttype"). In 2.0,
headlines, descriptions and bodies are lists of `{role, contenttype, value}`, and
renditions and associations are lists whose entries carry a `name`. The top level admits
no property the standard does not define, so a typo in `ninjs.py` fails the tests.
"""

URI = {"type": "string", "format": "uri"}
TEXT = {"type": "string"}
DATETIME = {"type": "string", "format": "date-time"}
CONTENT_TYPES = ["text", "audio", "video", "picture", "graphic", "composite"]


def _list(item):
    return {"type": "array", "items": item}


def _object(properties, required=()):
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


# A headline, description or body: the text, what it is, and in which format.
TEXT_BLOCK = _object(
    {
        "role": TEXT,
        "contenttype": TEXT,
        "charcount": {"type": "integer", "minimum": 0},
        "wordcount": {"type": "integer", "minimum": 0},
        "value": TEXT,
    },
    required=["value"],
)

# People, organisations, places, subjects, genres: a name and a code or URI.
CONCEPT = _object(
    {"name": TEXT, "rel": TEXT, "uri": URI, "literal": TEXT, "type": TEXT},
)

RENDITION = _object(
    {
        "name": TEXT,
        "href": URI,
        "contenttype": TEXT,
        "title": TEXT,
        "height": {"type": "integer", "minimum": 0},
        "width": {"type": "integer", "minimum": 0},
        "sizeinbytes": {"type": "integer", "minimum": 0},
        "duration": {"type": "number", "minimum": 0},
        "format": TEXT,
    },
    required=["href"],
)

ITEM_PROPERTIES = {
    "uri": URI,
    "type": {"enum": CONTENT_TYPES},
    "representationtype": {"enum": ["full", "partial"]},
    "profile": TEXT,
    "version": TEXT,
    "firstcreated": DATETIME,
    "versioncreated": DATETIME,
    "contentcreated": DATETIME,
    "embargoed": DATETIME,
    "pubstatus": {"enum": ["usable", "withheld", "canceled"]},
    "urgency": {"type": "integer", "minimum": 1, "maximum": 9},
    "copyrightholder": TEXT,
    "copyrightnotice": TEXT,
    "usageterms": TEXT,
    "ednote": TEXT,
    "language": TEXT,
    "headlines": _list(TEXT_BLOCK),
    "descriptions": _list(TEXT_BLOCK),
    "bodies": _list(TEXT_BLOCK),
    "by": TEXT,
    "slugline": TEXT,
    "located": TEXT,
    "keywords": _list(TEXT),
    "people": _list(CONCEPT),
    "organisations": _list(CONCEPT),
    "places": _list(CONCEPT),
    "subjects": _list(CONCEPT),
    "genres": _list(CONCEPT),
    "infosources": _list(CONCEPT),
    "altids": _list(_object({"role": TEXT, "value": TEXT}, required=["value"])),
    "renditions": _list(RENDITION),
}

# An associated item (the lead picture) is itself a ninjs item, named in the list.
ASSOCIATION = _object(
    {"name": TEXT, **ITEM_PROPERTIES, "associations": {"type": "array"}},
    required=["name", "uri"],
)

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "IPTC ninjs 2.0 news item (the fields Masthead uses and their neighbours)",
    **_object(
        {**ITEM_PROPERTIES, "associations": _list(ASSOCIATION)},
        required=["uri"],
    ),
}
