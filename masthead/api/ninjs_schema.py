"""A JSON Schema for IPTC ninjs 2.0 ("News in JSON"), written here by hand.

Checked property by property against the approved ninjs 2.0 JSON Schema
(http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json, approved by the IPTC Standards
Committee in October 2021; read from the iptc/newsinjson repository, file
specification/ninjs-schema_2.0.json). The facts kept from it:

- every property is lower case (`contenttype`, `versioncreated`); only `uri` is required
  at the top level, and no property outside the standard is allowed;
- headlines, descriptions and bodies are lists of `{role, contenttype, value}` (`value`
  required); only bodies carry `charcount` and `wordcount`;
- renditions and associations are lists whose entries are named by `name` (required),
  not 1.x's objects keyed by name; altids are a list of `{role, value}`;
- people, organisations, places, subjects, events and objects are `{name, rel, uri,
  literal}`; genres have no `rel`; infosources have a `role` (a URI) instead of `rel`;
- the standard is named in `standard` (1.x spelled it `$standard`);
- counts and sizes are JSON numbers, dates are RFC 3339 date-times.

The published file is written in JSON Schema draft 4; this one uses 2020-12 because the
OpenAPI 3.1 description embeds it, and the keywords used mean the same in both. It has
no internal `$ref`s for the same reason: they would resolve against the OpenAPI document.
"""

URI = {"type": "string", "format": "uri"}
TEXT = {"type": "string"}
NUMBER = {"type": "number"}
DATETIME = {"type": "string", "format": "date-time"}
NINJS_2_0_SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"


def _list(item):
    return {"type": "array", "items": item}


def _object(properties, required=()):
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


# A headline or description: the text, what it is, and in which format.
TEXT_BLOCK = _object({"role": TEXT, "contenttype": TEXT, "value": TEXT}, required=["value"])

# A body adds its counts, which ninjs defines as excluding figure captions.
BODY = _object(
    {"role": TEXT, "contenttype": TEXT, "charcount": NUMBER, "wordcount": NUMBER, "value": TEXT},
    required=["value"],
)

# People, organisations, places, subjects, events, objects: a name and a code or URI.
CONCEPT_PROPERTIES = {"name": TEXT, "rel": TEXT, "uri": URI, "literal": TEXT}
CONCEPT = _object(CONCEPT_PROPERTIES)
SYMBOL = _object({"ticker": TEXT, "exchange": TEXT})
ORGANISATION = _object({**CONCEPT_PROPERTIES, "symbols": _list(SYMBOL)})
# The published schema points `geojson` at GeoJSON's own schema, which is not fetched
# here (no network at run time): any object passes.
PLACE = _object({**CONCEPT_PROPERTIES, "geojson": {"type": "object"}})
GENRE = _object({"name": TEXT, "uri": URI, "literal": TEXT})
INFOSOURCE = _object({"name": TEXT, "role": URI, "uri": URI, "literal": TEXT})

RENDITION = _object(
    {
        "name": TEXT,
        "href": URI,
        "contenttype": TEXT,
        "title": TEXT,
        "height": NUMBER,
        "width": NUMBER,
        "sizeinbytes": NUMBER,
        "duration": NUMBER,
        "format": TEXT,
    },
    required=["name"],
)

# Rights given either as a link to a rights document or as an encoded expression.
RIGHTS_INFO = {
    "type": "object",
    "properties": {"langid": URI, "linkedrights": URI, "encodedrights": TEXT},
    "oneOf": [{"required": ["linkedrights"]}, {"required": ["encodedrights"]}],
}

ITEM_PROPERTIES = {
    "uri": URI,
    "type": {"enum": ["text", "audio", "video", "picture", "graphic", "composite", "component"]},
    "representationtype": {"enum": ["full", "partial"]},
    "profile": TEXT,
    "version": TEXT,
    "firstcreated": DATETIME,
    "versioncreated": DATETIME,
    "contentcreated": DATETIME,
    "embargoed": DATETIME,
    "pubstatus": {"enum": ["usable", "withheld", "canceled"]},
    # A number in the published schema; its definition limits it to 1 (most urgent) to 9.
    "urgency": {"type": "number", "minimum": 1, "maximum": 9},
    "copyrightholder": TEXT,
    "copyrightnotice": TEXT,
    "usageterms": TEXT,
    "ednote": TEXT,
    "language": TEXT,
    "descriptions": _list(TEXT_BLOCK),
    "bodies": _list(BODY),
    "headlines": _list(TEXT_BLOCK),
    "people": _list(CONCEPT),
    "organisations": _list(ORGANISATION),
    "places": _list(PLACE),
    "subjects": _list(CONCEPT),
    "events": _list(CONCEPT),
    "objects": _list(CONCEPT),
    "infosources": _list(INFOSOURCE),
    "title": TEXT,
    "by": TEXT,
    "slugline": TEXT,
    "located": TEXT,
    "renditions": _list(RENDITION),
    "altids": _list(_object({"role": TEXT, "value": TEXT})),
    "trustindicators": _list(_object({"role": URI, "title": TEXT, "href": URI})),
    "standard": _object({"name": TEXT, "version": TEXT, "schema": URI}),
    "genres": _list(GENRE),
    "rightsinfo": RIGHTS_INFO,
}

# An associated item (the lead picture) may use every ninjs property and is named by
# `name`. The published schema accepts any object with a name here; this one holds the
# association to the item's own property list, so a typo in it fails too.
ASSOCIATION = _object(
    {
        "name": TEXT,
        **ITEM_PROPERTIES,
        "associations": _list({"type": "object", "required": ["name"]}),
    },
    required=["name"],
)

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "IPTC ninjs 2.0 news item",
    **_object({**ITEM_PROPERTIES, "associations": _list(ASSOCIATION)}, required=["uri"]),
}
