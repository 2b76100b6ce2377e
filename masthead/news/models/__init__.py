from masthead.news.models.articles import (
    ArticleAuthor,
    ArticlePage,
    ArticleQuerySet,
    ArticleTag,
    ArticleType,
)
from masthead.news.models.sections import SectionPage
from masthead.news.models.taxonomy import Author, Coverage, CoveragePin, Region

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticleQuerySet",
    "ArticleTag",
    "ArticleType",
    "Author",
    "Coverage",
    "CoveragePin",
    "Region",
    "SectionPage",
]
