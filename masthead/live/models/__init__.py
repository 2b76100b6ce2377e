"""The live desk's models, one module per newsroom concept: breaking items here; live
blogs and LIVE TV beside them."""

from masthead.live.models.blog import (
    LiveBlogPage,
    LiveBlogStatus,
    LiveBlogTag,
    LiveUpdate,
    liveblog_changed,
    liveblog_document,
    liveblog_pulse_name,
    render_updates,
)
from masthead.live.models.breaking import (
    BreakingItem,
    default_expiry,
    ticker_changed,
    ticker_document,
    ticker_items,
)
from masthead.live.models.tv import LiveTvPage, Programme, programme_schedule

__all__ = [
    "BreakingItem",
    "LiveBlogPage",
    "LiveBlogStatus",
    "LiveBlogTag",
    "LiveTvPage",
    "LiveUpdate",
    "Programme",
    "default_expiry",
    "liveblog_changed",
    "liveblog_document",
    "liveblog_pulse_name",
    "programme_schedule",
    "render_updates",
    "ticker_changed",
    "ticker_document",
    "ticker_items",
]
