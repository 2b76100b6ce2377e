"""The live desk's models, one module per newsroom concept: breaking items here; live
blogs and LIVE TV beside them."""

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
    "LiveTvPage",
    "Programme",
    "default_expiry",
    "programme_schedule",
    "ticker_changed",
    "ticker_document",
    "ticker_items",
]
