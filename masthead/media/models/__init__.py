"""The media app's models: images (with caption and credit), videos and series."""

from masthead.media.models.images import NewsImage, NewsRendition
from masthead.media.models.video import (
    SeriesPage,
    VideoAuthor,
    VideoFile,
    VideoPage,
    VideoSectionPage,
    VideoTag,
)

__all__ = [
    "NewsImage",
    "NewsRendition",
    "SeriesPage",
    "VideoAuthor",
    "VideoFile",
    "VideoPage",
    "VideoSectionPage",
    "VideoTag",
]
