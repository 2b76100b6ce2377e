"""The live desk's models, one module per newsroom concept: breaking items here; live
blogs and LIVE TV beside them."""

from masthead.live.models.breaking import (
    BreakingItem,
    default_expiry,
    ticker_changed,
    ticker_document,
    ticker_items,
)

__all__ = ["BreakingItem", "default_expiry", "ticker_changed", "ticker_document", "ticker_items"]
