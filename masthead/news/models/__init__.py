from masthead.news.models.articles import (
    ArticleAuthor,
    ArticleNote,
    ArticlePage,
    ArticleQuerySet,
    ArticleTag,
    ArticleType,
    NoteKind,
)
from masthead.news.models.sections import SectionPage
from masthead.news.models.taxonomy import Author, Coverage, CoveragePin, Region

__all__ = [
    "ArticleAuthor",
    "ArticleNote",
    "ArticlePage",
    "ArticleQuerySet",
    "ArticleTag",
    "ArticleType",
    "Author",
    "Coverage",
    "CoveragePin",
    "Region",
    "NoteKind",
    "SectionPage",
]
