"""The OpenAPI 3.1 description of /api/v1/, written by hand as one Python dict.

`/api/v1/openapi.json` serves it and `/api/v1/docs` renders it, so the docs cannot drift
from the description; tests check every implemented path is here and that real responses
match these schemas. Within v1 fields are only ever added (docs/api.md).
"""

import copy
import json

from masthead.api import ninjs_schema

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
                        "enum": [
                            "invalid_parameter",
                            "not_found",
                            "method_not_allowed",
                            "rate_limited",
                            "server_error",
                        ],
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
                    "translations": {
                        "type": "array",
                        "items": {
                            "allOf": [ref("ArticleLink"), obj({"edition": {"type": "string"}})]
                        },
                    },
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
            "ETag": {"schema": {"type": "string"}, "required": True},
            "Last-Modified": {"schema": {"type": "string"}, "required": True},
            "Cache-Control": {"schema": {"type": "string"}},
        },
        "content": {"application/json": {"schema": schema, "example": example}},
    }


ERRORS = {
    "304": {
        "description": (
            "Not modified: the `If-None-Match` ETag still matches, or (without "
            "`If-None-Match`) nothing changed since `If-Modified-Since`."
        )
    },
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
ERRORS["429"] = {
    "description": (
        "Too many requests from this address in the current window (anonymous clients "
        "only). `Retry-After` says how many seconds to wait."
    ),
    "headers": {
        "Retry-After": {"schema": {"type": "integer"}},
        "RateLimit-Limit": {"schema": {"type": "integer"}},
        "RateLimit-Remaining": {"schema": {"type": "integer"}},
        "RateLimit-Reset": {"schema": {"type": "integer"}},
    },
    "content": {
        "application/json": {
            "schema": ref("Error"),
            "example": {"error": {"code": "rate_limited", "message": "Too many requests: …"}},
        }
    },
}
ERRORS["500"] = {
    "description": "Something failed on the server; the newsroom's error reports have it.",
    "content": {
        "application/json": {
            "schema": ref("Error"),
            "example": {"error": {"code": "server_error", "message": "Something went wrong …"}},
        }
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
                        "translations": [],
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

# -- the second slice: navigation, regions, coverage, media, live blogs, search, ninjs ------

TERM = obj({"name": {"type": "string"}, "slug": {"type": "string"}})
# What every video, gallery and infograph has besides its own media.
PAGE_COMMON = {
    "edition": {"type": "string"},
    "section": nullable("SectionRef"),
    "authors": {"type": "array", "items": ref("Author")},
    "tags": {"type": "array", "items": ref("Term")},
    "regions": {"type": "array", "items": ref("Term")},
}
INTEGER_OR_NULL = {"type": ["integer", "null"]}
URI_OR_NULL = {"type": ["string", "null"], "format": "uri"}


def teaser_of(**properties):
    return {"allOf": [ref("ArticleLink"), obj(properties)]}


def detail_of(teaser, **properties):
    return {"allOf": [ref(teaser), obj({**PAGE_COMMON, **properties})]}


SCHEMAS.update(
    {
        "Term": TERM,
        "Author": obj(
            {
                "name": {"type": "string"},
                "slug": {"type": "string"},
                "role": {"type": "string"},
                "photo": nullable("Image"),
            }
        ),
        "Region": obj(
            {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "slug": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "articles_url": {
                    "type": "string",
                    "format": "uri",
                    "description": "The region's stories: /articles filtered by region.",
                },
            }
        ),
        "Navigation": obj(
            {
                "edition": {"type": "string"},
                "home": obj({"title": {"type": "string"}, "url": {"type": "string"}}),
                "sections": {"type": "array", "items": ref("Section")},
                "regions": {"type": "array", "items": ref("Region")},
            }
        ),
        "CoverageTopic": obj(
            {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "slug": {"type": "string"},
                "description": {"type": "string"},
                "active": {
                    "type": "boolean",
                    "description": "Active topics get a tab in the reader pages' Coverage block.",
                },
                "url": {"type": "string", "format": "uri"},
                "api_url": {"type": "string", "format": "uri"},
                "articles_url": {"type": "string", "format": "uri"},
            }
        ),
        "CoverageTopicDetail": {
            "allOf": [
                ref("CoverageTopic"),
                obj(
                    {
                        "edition": {"type": "string"},
                        "pinned": {"type": "array", "items": ref("ArticleTeaser")},
                        "latest": {"type": "array", "items": ref("ArticleTeaser")},
                    }
                ),
            ]
        },
        "VideoTeaser": teaser_of(
            standfirst={"type": "string"},
            published_at=DATETIME,
            duration={**INTEGER_OR_NULL, "description": "Running time in seconds."},
            poster=nullable("Image"),
        ),
        "Video": detail_of(
            "VideoTeaser",
            episode_number=INTEGER_OR_NULL,
            series={
                "oneOf": [
                    obj(
                        {
                            "id": {"type": "integer"},
                            "title": {"type": "string"},
                            "url": {"type": "string"},
                        }
                    ),
                    {"type": "null"},
                ]
            },
            transcript_html={"type": "string"},
            sources={
                "type": "array",
                "description": "The uploaded file (empty for a platform's video).",
                "items": obj(
                    {"url": {"type": "string", "format": "uri"}, "type": {"type": "string"}}
                ),
            },
            captions={
                "type": "array",
                "items": obj(
                    {
                        "url": {"type": "string", "format": "uri"},
                        "language": {"type": "string"},
                        "kind": {"const": "subtitles"},
                    }
                ),
            },
            embed={
                "oneOf": [
                    obj(
                        {
                            "provider": {"type": "string"},
                            "player_url": {"type": "string", "format": "uri"},
                            "url": {"type": "string", "format": "uri"},
                        }
                    ),
                    {"type": "null"},
                ]
            },
        ),
        "GalleryTeaser": teaser_of(
            standfirst={"type": "string"},
            published_at=DATETIME,
            photo_count={"type": "integer"},
            cover=nullable("Image"),
        ),
        "Photo": {"allOf": [ref("Image"), obj({"position": {"type": "integer", "minimum": 1}})]},
        "Gallery": detail_of("GalleryTeaser", photos={"type": "array", "items": ref("Photo")}),
        "InfographTeaser": teaser_of(
            standfirst={"type": "string"},
            published_at=DATETIME,
            image=nullable("Image"),
        ),
        "Infograph": detail_of(
            "InfographTeaser",
            description={"type": "string"},
            description_paragraphs={"type": "array", "items": {"type": "string"}},
            original={"oneOf": [ref("Rendition"), {"type": "null"}]},
            download={
                "oneOf": [
                    obj(
                        {
                            "title": {"type": "string"},
                            "url": {"type": "string", "format": "uri"},
                            "format": {"type": "string"},
                            "media_type": {"type": "string"},
                            "size": INTEGER_OR_NULL,
                        }
                    ),
                    {"type": "null"},
                ]
            },
        ),
        "LiveBlogTeaser": teaser_of(
            standfirst={"type": "string"},
            status={
                "enum": ["live", "ended"],
                "description": "live: updates are still being posted; ended: coverage is over.",
            },
            started_at={
                **NULLABLE_DATETIME,
                "description": "The blog's first publication (null only for a blog made live "
                "without being published, which lists leave out).",
            },
            ended_at=NULLABLE_DATETIME,
            last_update_at={
                **NULLABLE_DATETIME,
                "description": "When the newest update was posted (null: none yet).",
            },
            update_count={"type": "integer", "minimum": 0},
            updates_url={"type": "string", "format": "uri"},
            section=nullable("SectionRef"),
            lead_image=nullable("Image"),
        ),
        "LiveBlog": {
            "allOf": [
                ref("LiveBlogTeaser"),
                obj(
                    {
                        "edition": {"type": "string"},
                        "introduction_html": {"type": "string"},
                        "authors": {"type": "array", "items": ref("Author")},
                        "tags": {"type": "array", "items": ref("Term")},
                        "regions": {"type": "array", "items": ref("Term")},
                    }
                ),
            ]
        },
        "LiveUpdate": obj(
            {
                "id": {"type": "integer"},
                "posted_at": DATETIME,
                "version": {
                    **DATETIME,
                    "description": "Changes when the update is edited (as in updates.json).",
                },
                "headline": {"type": "string"},
                "text": {"type": "string"},
                "author": {"type": "string"},
                "key_event": {"type": "boolean"},
                "html": {"type": "string"},
            }
        ),
        "LiveUpdates": obj(
            {
                "blog": obj(
                    {
                        "id": {"type": "integer"},
                        "title": {"type": "string"},
                        "url": {"type": "string", "format": "uri"},
                        "edition": {"type": "string"},
                        "status": {"enum": ["live", "ended"]},
                    }
                ),
                "since": INTEGER_OR_NULL,
                "complete": {"type": "boolean"},
                "updates": {"type": "array", "items": ref("LiveUpdate")},
                "key_events": {"type": "array", "items": {"type": "integer"}},
            }
        ),
        "SearchResult": {
            "description": (
                "A story, video, gallery, infograph or live blog (`kind`), with a story's "
                "fields: for other kinds `article_type` and `updated_at` are null, "
                "`lead_image` is the poster, cover or graphic, and `api_url` its own "
                "resource (a live blog's: its updates)."
            ),
            "allOf": [
                ref("ArticleLink"),
                obj(
                    {
                        "standfirst": {"type": "string"},
                        "article_type": {
                            "type": ["string", "null"],
                            "enum": ["news", "opinion", "analysis", "blog", "feature", None],
                        },
                        "published_at": DATETIME,
                        "updated_at": NULLABLE_DATETIME,
                        "section": nullable("SectionRef"),
                        "lead_image": nullable("Image"),
                        "kind": {
                            "type": "string",
                            "enum": ["article", "video", "gallery", "infograph", "liveblog"],
                        },
                        "highlighted_title": {
                            "type": "string",
                            "description": "HTML: the headline, the words in <mark>.",
                        },
                        "snippet": {"type": "string", "description": "HTML, as above."},
                    }
                ),
            ],
        },
        "SearchResults": obj(
            {
                "edition": {"type": "string"},
                "query": {"type": "string"},
                "total": {"type": "integer"},
                "more_than_shown": {"type": "boolean"},
                "partial": {"type": "boolean"},
                "page": {"type": "integer"},
                "results": {"type": "array", "items": ref("SearchResult")},
                "next": URI_OR_NULL,
                "reader_url": {"type": "string", "format": "uri"},
            }
        ),
        "NinjsItem": {key: value for key, value in ninjs_schema.SCHEMA.items() if key != "$schema"},
    }
)

LIMIT = query(
    "limit",
    "Items per page, 1 to 100 (default 20).",
    {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
)
CURSOR = query("cursor", "Opaque: copy it from the previous page's `next` URL.")
SECTION = query("section", "A section id: items in it and its subsections.", {"type": "integer"})
LIST_FILTERS = [
    EDITION,
    SECTION,
    query("region", "A region slug."),
    query("tag", "A tag slug."),
    query("author", "An author slug."),
    LIMIT,
    CURSOR,
]
EXAMPLE_IMAGE = {
    "id": 9,
    "caption": "Boats on the river at dawn.",
    "credit": "Staff photographer",
    "alt": "Boats on a river",
    "renditions": {
        size: {
            "url": f"https://news.example.org/media/images/boats.{spec}.jpg",
            "width": width,
            "height": height,
        }
        for size, spec, width, height in (
            ("small", "width-480", 480, 320),
            ("medium", "width-960", 960, 640),
            ("large", "width-1440", 1440, 960),
        )
    },
}
EXAMPLE_REGION = {
    "id": 2,
    "name": "Europe",
    "slug": "europe",
    "url": "https://news.example.org/en/regions/europe/",
    "articles_url": "https://news.example.org/api/v1/articles?edition=en&region=europe",
}
EXAMPLE_TOPIC = {
    "id": 1,
    "title": "Election 2030",
    "slug": "election-2030",
    "description": "Every story from the campaign and the count.",
    "active": True,
    "url": "https://news.example.org/en/coverage/election-2030/",
    "api_url": "https://news.example.org/api/v1/coverage/election-2030?edition=en",
    "articles_url": "https://news.example.org/api/v1/articles?edition=en&coverage=election-2030",
}
EXAMPLE_COMMON = {
    "edition": "en",
    "section": {"id": 30, "title": "Videos", "url": "https://news.example.org/en/videos/"},
    "authors": [],
    "tags": [{"name": "river", "slug": "river"}],
    "regions": [{"name": "Europe", "slug": "europe"}],
}


def link_example(kind, pk, title, slug):
    return {
        "id": pk,
        "title": title,
        "url": f"https://news.example.org/en/{slug}/",
        "api_url": f"https://news.example.org/api/v1/{kind}/{pk}",
    }


EXAMPLE_VIDEO = {
    **link_example("videos", 51, "The river at dawn", "videos/the-river-at-dawn"),
    "standfirst": "Four minutes on the water with the night fishers.",
    "published_at": "2026-11-28T07:00:00+00:00",
    "duration": 245,
    "poster": EXAMPLE_IMAGE,
}
EXAMPLE_GALLERY = {
    **link_example("galleries", 61, "A week on the river", "in-pictures/a-week-on-the-river"),
    "standfirst": "Pictures from a week on the water.",
    "published_at": "2026-11-27T18:00:00+00:00",
    "photo_count": 12,
    "cover": EXAMPLE_IMAGE,
}
EXAMPLE_INFOGRAPH = {
    **link_example("infographs", 71, "A year of rain", "infographs/a-year-of-rain"),
    "standfirst": "A year of rain at five stations, in one chart.",
    "published_at": "2026-11-26T12:00:00+00:00",
    "image": EXAMPLE_IMAGE,
}
EXAMPLE_LIVE_BLOG = {
    **link_example("live-blogs", 80, "Election night, live", "live/election-night"),
    "standfirst": "Follow the count as it happens.",
    "status": "live",
    "started_at": "2026-11-28T19:00:00+00:00",
    "ended_at": None,
    "last_update_at": "2026-11-28T22:14:00+00:00",
    "update_count": 57,
    "updates_url": "https://news.example.org/api/v1/live-blogs/80/updates",
    "section": {"id": 40, "title": "Live", "url": "https://news.example.org/en/live/"},
    "lead_image": None,
}
ID_PARAMETER = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}


def listing(operation_id, summary, key, schema, example, parameters=LIST_FILTERS):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "200": ok(
                    "One page, newest first; `next` is the following page's URL, or null.",
                    obj(
                        {
                            "edition": {"type": "string"},
                            key: {"type": "array", "items": ref(schema)},
                            "next": URI_OR_NULL,
                        }
                    ),
                    {"edition": "en", key: [example], "next": None},
                ),
                **ERRORS,
                **NOT_FOUND,
            },
        }
    }


def one(operation_id, summary, schema, example, parameters=(ID_PARAMETER,)):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": list(parameters),
            "responses": {
                "200": ok("The item.", ref(schema), example),
                **ERRORS,
                **NOT_FOUND,
            },
        }
    }


PATHS["/articles"]["get"]["parameters"].insert(
    4, query("coverage", "A coverage topic's slug (see /coverage).")
)
PATHS.update(
    {
        "/navigation": one(
            "getNavigation",
            "The site's header navigation: menu sections and subsections, then regions.",
            "Navigation",
            {
                "edition": "en",
                "home": {"title": "Home", "url": "https://news.example.org/en/"},
                "sections": [
                    {
                        "id": 4,
                        "title": "News",
                        "url": "https://news.example.org/en/news/",
                        "slug": "news",
                        "children": [
                            {
                                "id": 5,
                                "title": "Politics",
                                "url": "https://news.example.org/en/news/politics/",
                                "slug": "politics",
                            }
                        ],
                    }
                ],
                "regions": [EXAMPLE_REGION],
            },
            parameters=[EDITION],
        ),
        "/regions": one(
            "listRegions",
            "The edition's regions, in the editors' order; each names its stories' URL.",
            "RegionList",
            {"edition": "en", "regions": [EXAMPLE_REGION]},
            parameters=[EDITION],
        ),
        "/coverage": one(
            "listCoverageTopics",
            "The edition's coverage topics (running stories), active or not.",
            "CoverageTopicList",
            {"edition": "en", "topics": [EXAMPLE_TOPIC]},
            parameters=[EDITION],
        ),
        "/coverage/{slug}": one(
            "getCoverageTopic",
            "One coverage topic: its pinned stories in the editors' order, then the latest.",
            "CoverageTopicDetail",
            {**EXAMPLE_TOPIC, "edition": "en", "pinned": [EXAMPLE_TEASER], "latest": []},
            parameters=[
                {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                EDITION,
                query(
                    "limit",
                    "How many of the latest stories, 1 to 100 (default 20); page further "
                    "with `articles_url`.",
                    {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                ),
            ],
        ),
        "/articles/{id}/ninjs": one(
            "getArticleNinjs",
            "One published story as an IPTC ninjs 2.0 item.",
            "NinjsItem",
            {
                "standard": {
                    "name": "ninjs",
                    "version": "2.0",
                    "schema": ninjs_schema.NINJS_2_0_SCHEMA_URI,
                },
                "uri": EXAMPLE_LINK["url"],
                "type": "text",
                "representationtype": "full",
                "version": "17",
                "firstcreated": "2026-11-28T09:30:00+00:00",
                "versioncreated": "2026-11-28T10:02:00+00:00",
                "contentcreated": "2026-11-28T09:30:00+00:00",
                "pubstatus": "usable",
                "language": "en",
                "headlines": [
                    {"role": "main", "contenttype": "text/plain", "value": EXAMPLE_LINK["title"]}
                ],
                "descriptions": [
                    {
                        "role": "summary",
                        "contenttype": "text/plain",
                        "value": "The vote was closer than expected.",
                    }
                ],
                "bodies": [
                    {
                        "role": "main",
                        "contenttype": "text/html",
                        "wordcount": 2,
                        "value": "<p>The vote…</p>",
                    }
                ],
                "genres": [{"name": "News", "literal": "news"}],
                "subjects": [
                    {
                        "name": "budget",
                        "literal": "budget",
                        "uri": "https://news.example.org/en/tags/budget/",
                    }
                ],
                "places": [
                    {
                        "name": "Europe",
                        "literal": "europe",
                        "uri": "https://news.example.org/en/regions/europe/",
                    }
                ],
                "associations": [],
                "by": "Jane Writer",
                "copyrightholder": "Masthead",
                "copyrightnotice": "© 2026 Masthead. All Rights Reserved",
                "usageterms": "All Rights Reserved",
            },
        ),
        "/videos": listing(
            "listVideos",
            "Published videos, newest first, with filters and cursor pagination.",
            "videos",
            "VideoTeaser",
            EXAMPLE_VIDEO,
            parameters=[
                *LIST_FILTERS[:5],
                query("series", "A series id: its episodes only.", {"type": "integer"}),
                LIMIT,
                CURSOR,
            ],
        ),
        "/videos/{id}": one(
            "getVideo",
            "One published video: how to play it (file, captions or platform player), "
            "poster, running time, transcript.",
            "Video",
            {
                **EXAMPLE_VIDEO,
                **EXAMPLE_COMMON,
                "episode_number": None,
                "series": None,
                "transcript_html": "<p>The nets go out before five.</p>",
                "sources": [
                    {"url": "https://news.example.org/media/video/river.mp4", "type": "video/mp4"}
                ],
                "captions": [
                    {
                        "url": "https://news.example.org/media/video/captions/river.vtt",
                        "language": "en",
                        "kind": "subtitles",
                    }
                ],
                "embed": None,
            },
        ),
        "/galleries": listing(
            "listGalleries",
            "Published galleries (In Pictures), newest first; each with its cover photo.",
            "galleries",
            "GalleryTeaser",
            EXAMPLE_GALLERY,
        ),
        "/galleries/{id}": one(
            "getGallery",
            "One published gallery: its photos in order, each uncropped in three widths, "
            "with caption and credit.",
            "Gallery",
            {
                **EXAMPLE_GALLERY,
                **EXAMPLE_COMMON,
                "photos": [{"position": 1, **EXAMPLE_IMAGE}],
            },
        ),
        "/infographs": listing(
            "listInfographs",
            "Published infographs, newest first.",
            "infographs",
            "InfographTeaser",
            EXAMPLE_INFOGRAPH,
        ),
        "/infographs/{id}": one(
            "getInfograph",
            "One published infograph: the graphic, its full written description and "
            "the data behind it.",
            "Infograph",
            {
                **EXAMPLE_INFOGRAPH,
                **EXAMPLE_COMMON,
                "description": "A bar chart of weekly rainfall at five stations…",
                "description_paragraphs": ["A bar chart of weekly rainfall at five stations…"],
                "original": {
                    "url": "https://news.example.org/media/original_images/rain.png",
                    "width": 1200,
                    "height": 4000,
                },
                "download": {
                    "title": "rainfall.csv",
                    "url": "https://news.example.org/documents/3/rainfall.csv",
                    "format": "CSV",
                    "media_type": "text/csv",
                    "size": 2048,
                },
            },
        ),
        "/live-blogs": listing(
            "listLiveBlogs",
            "Published live blogs, newest first (by when they started), running or ended.",
            "live_blogs",
            "LiveBlogTeaser",
            EXAMPLE_LIVE_BLOG,
            parameters=[
                *LIST_FILTERS[:5],
                query(
                    "status",
                    "live: running blogs only; ended: finished ones only. Default: both.",
                    {"enum": ["live", "ended"]},
                ),
                LIMIT,
                CURSOR,
            ],
        ),
        "/live-blogs/{id}": one(
            "getLiveBlog",
            "One published live blog: its state, introduction, byline, tags and regions; "
            "its updates are at `updates_url`.",
            "LiveBlog",
            {
                **EXAMPLE_LIVE_BLOG,
                "edition": "en",
                "introduction_html": "<p>Polls closed at eight; results come in overnight.</p>",
                "authors": [],
                "tags": [{"name": "election", "slug": "election"}],
                "regions": [],
            },
        ),
        "/live-blogs/{id}/updates": one(
            "listLiveBlogUpdates",
            "A live blog's updates newer than `since`, newest first, with the key events.",
            "LiveUpdates",
            {
                "blog": {
                    "id": 80,
                    "title": "Election night, live",
                    "url": "https://news.example.org/en/live/election-night/",
                    "edition": "en",
                    "status": "live",
                },
                "since": 412,
                "complete": True,
                "updates": [
                    {
                        "id": 415,
                        "posted_at": "2026-11-28T22:14:00+00:00",
                        "version": "2026-11-28T22:15:10+00:00",
                        "headline": "First results in",
                        "text": "The coastal districts report first.",
                        "author": "Jane Writer",
                        "key_event": True,
                        "html": '<article class="live-update" id="update-415">…</article>',
                    }
                ],
                "key_events": [415],
            },
            parameters=[
                ID_PARAMETER,
                query(
                    "since",
                    "An update id the client holds: only newer updates are sent. Without "
                    "it, the newest.",
                    {"type": "integer"},
                ),
                LIMIT,
            ],
        ),
        "/search": one(
            "searchArticles",
            "The reader search: the same words, filters, ranking and snippets as the "
            "edition's search page.",
            "SearchResults",
            {
                "edition": "en",
                "query": "budget vote",
                "total": 1,
                "more_than_shown": False,
                "partial": False,
                "page": 1,
                "results": [
                    {
                        **EXAMPLE_TEASER,
                        "kind": "article",
                        "highlighted_title": "Parliament passes the <mark>budget</mark>",
                        "snippet": "The <mark>vote</mark> was closer than expected.",
                    }
                ],
                "next": None,
                "reader_url": "https://news.example.org/en/search/?q=budget+vote",
            },
            parameters=[
                {
                    **query("q", "The words to look for (at most 200 characters)."),
                    "required": True,
                },
                EDITION,
                query("section", "A top-level section id.", {"type": "integer"}),
                query("region", "A region id (see /regions).", {"type": "integer"}),
                query(
                    "type",
                    "An article type, every story (`article`), or one other kind.",
                    {
                        "enum": [
                            "news",
                            "opinion",
                            "analysis",
                            "blog",
                            "feature",
                            "article",
                            "video",
                            "gallery",
                            "infograph",
                            "liveblog",
                        ]
                    },
                ),
                query("from", "First day, YYYY-MM-DD.", {"type": "string", "format": "date"}),
                query("to", "Last day, YYYY-MM-DD.", {"type": "string", "format": "date"}),
                query(
                    "limit",
                    "Results per page, 1 to 50 (default 10).",
                    {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
                ),
                query(
                    "page",
                    "Page number, from 1 (up to the first 200 matches).",
                    {"type": "integer", "minimum": 1, "default": 1},
                ),
            ],
        ),
    }
)
PATHS["/"] = {
    "get": {
        "operationId": "getIndex",
        "summary": "Where an app starts: the API's name and version, and links to this "
        "description, its docs page and the main lists.",
        "parameters": [],
        "responses": {
            "200": ok(
                "The index.",
                ref("ApiIndex"),
                {
                    "name": "Masthead API",
                    "version": "1",
                    "links": {
                        "openapi": "https://news.example.org/api/v1/openapi.json",
                        "docs": "https://news.example.org/api/v1/docs",
                        "editions": "https://news.example.org/api/v1/editions",
                        "articles": "https://news.example.org/api/v1/articles",
                    },
                },
            ),
            "304": ERRORS["304"],
            "429": ERRORS["429"],
            "500": ERRORS["500"],
        },
    }
}
SCHEMAS["ApiIndex"] = obj(
    {
        "name": {"type": "string"},
        "version": {"type": "string"},
        "links": {
            "type": "object",
            "description": "Absolute URLs by name: openapi, docs, editions, navigation, "
            "sections, regions, coverage, articles, videos, galleries, infographs, "
            "live_blogs, breaking, most_read, search.",
            "additionalProperties": {"type": "string", "format": "uri"},
        },
    }
)
# The docs page lists operations in this order: the index, the edition's shape, then stories, media,
# live coverage and search.
PATHS = {
    path: PATHS[path]
    for path in (
        "/",
        "/editions",
        "/navigation",
        "/sections",
        "/regions",
        "/coverage",
        "/coverage/{slug}",
        "/articles",
        "/articles/{id}",
        "/articles/{id}/ninjs",
        "/most-read",
        "/videos",
        "/videos/{id}",
        "/galleries",
        "/galleries/{id}",
        "/infographs",
        "/infographs/{id}",
        "/breaking",
        "/live-blogs",
        "/live-blogs/{id}",
        "/live-blogs/{id}/updates",
        "/search",
    )
}
SCHEMAS["RegionList"] = object_schema("regions", ref("Region"))
SCHEMAS["CoverageTopicList"] = object_schema("topics", ref("CoverageTopic"))


DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Masthead API",
        "version": "1",
        "description": (
            "Read-only JSON for apps. Every response carries an ETag (send it back as "
            "If-None-Match for a 304), Last-Modified (or send that back as "
            "If-Modified-Since) and Cache-Control; errors, a server error included, are "
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
