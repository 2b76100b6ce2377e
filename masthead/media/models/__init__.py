"""The media app's models, one module per kind: images, videos and series, galleries,
infographs."""

from masthead.media.models.gallery import GalleryAuthor, GalleryPage, GalleryPhoto, GalleryTag
from masthead.media.models.images import NewsImage, NewsRendition
from masthead.media.models.infograph import InfographAuthor, InfographPage, InfographTag
from masthead.media.models.video import (
    SeriesPage,
    VideoAuthor,
    VideoFile,
    VideoPage,
    VideoSectionPage,
    VideoTag,
)

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
    "SeriesPage",
    "VideoAuthor",
    "VideoFile",
    "VideoPage",
    "VideoSectionPage",
    "VideoTag",
]
