"""The media app's models, one module per kind: images, galleries, infographs."""

from masthead.media.models.gallery import GalleryAuthor, GalleryPage, GalleryPhoto, GalleryTag
from masthead.media.models.images import NewsImage, NewsRendition
from masthead.media.models.infograph import InfographAuthor, InfographPage, InfographTag

__all__ = [
    "GalleryAuthor",
    "GalleryPage",
    "GalleryPhoto",
    "GalleryTag",
    "InfographAuthor",
    "InfographPage",
    "InfographTag",
    "NewsImage",
    "NewsRendition",
]
