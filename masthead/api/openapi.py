"""The OpenAPI 3.1 description of /api/v1/, written by hand as one Python dict.

`/api/v1/openapi.json` serves it and `/api/v1/docs` renders it, so the docs cannot drift
from the description; tests check every implemented path is here and that real responses
match these schemas. Within v1 fields are only ever added (docs/api.md).
"""

import copy
import json

NULLABLE_STRING = {"type": ["string", "null"]}
DATETIME = {"type": "string", "format": "date-time"}
NULLABLE_DATETIME = {"type": ["string", "null"], "format": "date-time"}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(name):
    return {"oneOf": [ref(name), {"type": "null"}]}


def obj(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


SCHEMAS = {
    "Error": obj(
        {
            "error": obj(
                {
                    "code": {
                        "type": "string",
                        "enum": ["invalid_parameter", "not_found", "method_not_allowed"],
                    },
                    "message": {"type": "string"},
                }
            )
        }
    ),
    "Rendition": obj(
        {
            "url": {"type": "string", "format": "uri"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
        }
    ),
    "Image": obj(
        {
            "id": {"type": "integer"},
            "caption": {"type": "string"},
            "credit": {"type": "string"},
            "alt": {"type": "string"},
            "renditions": obj({size: ref("Rendition") for size in ("small", "medium", "large")}),
        }
    ),
    "SectionRef": obj(
        {"id": {"type": "integer"}, "title": {"type": "string"}, "url": {"type": "string"}}
    ),
    "ArticleLink": obj(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "api_url": {"type": "string", "format": "uri"},
        }
    ),
    "Edition": obj(
        {
            "code": {"type": "string", "examples": ["en"]},
            "name": {"type": "string"},
            "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "last_published_at": NULLABLE_DATETIME,
        }
    ),
    "Section": obj(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "slug": {"type": "string"},
            "children": {
                "type": "array",
                "items": obj(
                    {
                        "id": {"type": "integer"},
                        "title": {"type": "string"},
                        "url": {"type": "string"},
                        "slug": {"type": "string"},
                    }
                ),
            },
        }
    ),
    "ArticleTeaser": {
        "allOf": [
            ref("ArticleLink"),
            obj(
                {
                    "standfirst": {"type": "string"},
                    "article_type": {
                        "type": "string",
                        "enum": ["news", "opinion", "analysis", "blog", "feature"],
                    },
                    "published_at": DATETIME,
                    "updated_at": NULLABLE_DATETIME,
                    "section": nullable("SectionRef"),
                    "lead_image": nullable("Image"),
                }
            ),
        ]
    },
    "Block": {
        "description": "One body block. `type` says what `value` holds; new types may be added.",
        "oneOf": [
            obj(
                {
                    "type": {"const": "paragraph"},
                    "id": NULLABLE_STRING,
                    "value": {"type": "string", "description": "HTML"},
                }
            ),
            obj(
                {
                    "type": {"const": "subheading"},
                    "id": NULLABLE_STRING,
                    "value": {"type": "string"},
                }
            ),
            obj(
                {
                    "type": {"const": "quote"},
                    "id": NULLABLE_STRING,
                    "value": obj({"text": {"type": "string"}, "attribution": {"type": "string"}}),
                }
            ),
            obj({"type": {"const": "image"}, "id": NULLABLE_STRING, "value": ref("Image")}),
            obj(
                {
                    "type": {"const": "read_next"},
                    "id": NULLABLE_STRING,
                    "value": obj({"article": ref("ArticleLink")}),
                }
            ),
            obj(
                {
                    "type": {"const": "related_news"},
                    "id": NULLABLE_STRING,
                    "value": obj({"articles": {"type": "array", "items": ref("ArticleLink")}}),
                }
            ),
        ],
    },
    "Article": {
        "allOf": [
            ref("ArticleLink"),
            obj(
                {
                    "edition": {"type": "string"},
                    "standfirst": {"type": "string"},
                    "article_type": {"type": "string"},
                    "source": {"type": "string"},
                    "published_at": DATETIME,
                    "updated_at": NULLABLE_DATETIME,
                    "reading_minutes": {"type": "integer"},
                    "section": nullable("SectionRef"),
                    "authors": {
                        "type": "array",
                        "items": obj(
                            {
                                "name": {"type": "string"},
                                "slug": {"type": "string"},
                                "role": {"type": "string"},
                                "photo": nullable("Image"),
                            }
                        ),
                    },
                    "tags": {
                        "type": "array",
                        "items": obj({"name": {"type": "string"}, "slug": {"type": "string"}}),
                    },
                    "regions": {
                        "type": "array",
                        "items": obj({"name": {"type": "string"}, "slug": {"type": "string"}}),
                    },
                    "coverage": {
                        "type": "array",
                        "items": obj({"title": {"type": "string"}, "slug": {"type": "string"}}),
                    },
                    "lead_image": nullable("Image"),
                    "body": {"type": "array", "items": ref("Block")},
                    "body_html": {"type": "string"},
                    "read_next": {"type": "array", "items": ref("ArticleLink")},
                }
            ),
        ]
    },
    "BreakingItem": obj(
        {
            "id": {"type": "integer"},
            "text": {"type": "string"},
            "attribution": {"type": "string"},
            "url": {"type": ["string", "null"], "format": "uri"},
            "created_at": DATETIME,
            "time": {"type": "string", "description": "HH:MM in the site's time zone"},
        }
    ),
}

EDITION = {
    "name": "edition",
    "in": "query",
    "description": "Language code of the edition (see /editions). Default: the site's language.",
    "schema": {"type": "string", "examples": ["en"]},
}


def query(name, description, schema=None):
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": schema or {"type": "string"},
    }


def ok(description, schema, example):
    return {
        "description": description,
        "headers": {
            "ETag": {"schema": {"type": "string"}},
            "Cache-Control": {"schema": {"type": "string"}},
        },
        "content": {"application/json": {"schema": schema, "example": example}},
    }


ERRORS = {
    "304": {"description": "Not modified: the `If-None-Match` ETag still matches."},
    "400": {
        "description": "A parameter is invalid.",
        "content": {
            "application/json": {
                "schema": ref("Error"),
                "example": {"error": {"code": "invalid_parameter", "message": "limit: …"}},
            }
        },
    },
}
NOT_FOUND = {
    "404": {
        "description": "No such resource (or not published yet).",
        "content": {
            "application/json": {
                "schema": ref("Error"),
                "example": {"error": {"code": "not_found", "message": "No published article 7."}},
            }
        },
    }
}

EXAMPLE_LINK = {
    "id": 42,
    "title": "Parliament passes the budget",
    "url": "https://news.example.org/en/news/politics/parliament-passes-the-budget/",
    "api_url": "https://news.example.org/api/v1/articles/42",
}
EXAMPLE_TEASER = {
    **EXAMPLE_LINK,
    "standfirst": "The vote was closer than expected.",
    "article_type": "news",
    "published_at": "2026-11-28T09:30:00+00:00",
    "updated_at": None,
    "section": {"id": 5, "title": "Politics", "url": "https://news.example.org/en/news/politics/"},
    "lead_image": None,
}


def object_schema(key, item):
    return obj({"edition": {"type": "string"}, key: {"type": "array", "items": item}})


PATHS = {
    "/editions": {
        "get": {
            "operationId": "listEditions",
            "summary": "The editions (one per language) and their front pages.",
            "responses": {
                "200": ok(
                    "Every edition.",
                    obj({"editions": {"type": "array", "items": ref("Edition")}}),
                    {
                        "editions": [
                            {
                                "code": "en",
                                "name": "English",
                                "title": "Home",
                                "url": "https://news.example.org/en/",
                                "last_published_at": "2026-11-28T09:00:00+00:00",
                            }
                        ]
                    },
                ),
                **ERRORS,
            },
        }
    },
    "/sections": {
        "get": {
            "operationId": "listSections",
            "summary": "The edition's navigation: menu sections with their subsections.",
            "parameters": [EDITION],
            "responses": {
                "200": ok(
                    "The menu, in the editors' order.",
                    object_schema("sections", ref("Section")),
                    {
                        "edition": "en",
                        "sections": [
                            {
                                "id": 4,
                                "title": "News",
                                "url": "https://news.example.org/en/news/",
                                "slug": "news",
                                "children": [],
                            }
                        ],
                    },
                ),
                **ERRORS,
                **NOT_FOUND,
            },
        }
    },
    "/articles": {
        "get": {
            "operationId": "listArticles",
            "summary": "Published stories, newest first, with filters and cursor pagination.",
            "parameters": [
                EDITION,
                query(
                    "section",
                    "A section id: stories in it and its subsections.",
                    {"type": "integer"},
                ),
                query("region", "A region slug."),
                query("tag", "A tag slug."),
                query("author", "An author slug."),
                query(
                    "limit",
                    "Stories per page, 1 to 100 (default 20).",
                    {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                ),
                query("cursor", "Opaque: copy it from the previous page's `next` URL."),
            ],
            "responses": {
                "200": ok(
                    "One page of stories; `next` is the following page's URL, or null.",
                    obj(
                        {
                            "edition": {"type": "string"},
                            "articles": {"type": "array", "items": ref("ArticleTeaser")},
                            "next": {"type": ["string", "null"], "format": "uri"},
                        }
                    ),
                    {"edition": "en", "articles": [EXAMPLE_TEASER], "next": None},
                ),
                **ERRORS,
                **NOT_FOUND,
            },
        }
    },
    "/articles/{id}": {
        "get": {
            "operationId": "getArticle",
            "summary": "One published story: metadata, body as typed blocks and as HTML.",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {
                "200": ok(
                    "The story.",
                    ref("Article"),
                    {
                        **EXAMPLE_LINK,
                        "edition": "en",
                        "standfirst": "The vote was closer than expected.",
                        "article_type": "news",
                        "source": "",
                        "published_at": "2026-11-28T09:30:00+00:00",
                        "updated_at": None,
                        "reading_minutes": 3,
                        "section": EXAMPLE_TEASER["section"],
                        "authors": [
                            {
                                "name": "Jane Writer",
                                "slug": "jane-writer",
                                "role": "",
                                "photo": None,
                            }
                        ],
                        "tags": [{"name": "budget", "slug": "budget"}],
                        "regions": [{"name": "Europe", "slug": "europe"}],
                        "coverage": [],
                        "lead_image": None,
                        "body": [
                            {"type": "paragraph", "id": "a1b2", "value": "<p>The vote…</p>"},
                            {"type": "subheading", "id": "c3d4", "value": "What happens next"},
                        ],
                        "body_html": "<p>The vote…</p><h2>What happens next</h2>",
                        "read_next": [],
                    },
                ),
                **ERRORS,
                **NOT_FOUND,
            },
        }
    },
    "/breaking": {
        "get": {
            "operationId": "listBreaking",
            "summary": "The edition's breaking-news ticker: its active lines, in the desk's order.",
            "parameters": [EDITION],
            "responses": {
                "200": ok(
                    "Active lines; `url` is null until the linked story is published.",
                    object_schema("items", ref("BreakingItem")),
                    {
                        "edition": "en",
                        "items": [
                            {
                                "id": 3,
                                "text": "Parliament passes the budget",
                                "attribution": "",
                                "url": None,
                                "created_at": "2026-11-28T09:31:00+00:00",
                                "time": "09:31",
                            }
                        ],
                    },
                ),
                **ERRORS,
                **NOT_FOUND,
            },
        }
    },
    "/most-read": {
        "get": {
            "operationId": "listMostRead",
            "summary": "The stories read most in MOST_READ_HOURS, topped up with the latest.",
            "parameters": [EDITION],
            "responses": {
                "200": ok(
                    "Up to five stories, most read first.",
                    object_schema("articles", ref("ArticleTeaser")),
                    {"edition": "en", "articles": [EXAMPLE_TEASER]},
                ),
                **ERRORS,
                **NOT_FOUND,
            },
        }
    },
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Masthead API",
        "version": "1",
        "description": (
            "Read-only JSON for apps. Every response carries an ETag (send it back as "
            "If-None-Match for a 304) and Cache-Control; errors are "
            '`{"error": {"code", "message"}}`. Within v1 fields are added, never renamed '
            "or removed."
        ),
    },
    "servers": [{"url": "/api/v1"}],
    "paths": PATHS,
    "components": {"schemas": SCHEMAS},
}


def document():
    return copy.deepcopy(DOCUMENT)


def for_docs():
    """The same description, arranged for the HTML docs page."""
    endpoints = []
    for url, methods in PATHS.items():
        for method, operation in methods.items():
            responses = []
            for status, response in operation["responses"].items():
                example = response.get("content", {}).get("application/json", {}).get("example")
                responses.append(
                    {
                        "status": status,
                        "description": response["description"],
                        "example": json.dumps(example, indent=2, ensure_ascii=False)
                        if example is not None
                        else "",
                    }
                )
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": "/api/v1" + url,
                    "summary": operation["summary"],
                    "parameters": operation.get("parameters", []),
                    "responses": responses,
                }
            )
    return {"info": DOCUMENT["info"], "endpoints": endpoints}
