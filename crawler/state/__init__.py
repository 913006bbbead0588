"""Persistent crawl state: the dedupe store interface, its SQLite and Redis backends, and the factory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crawler.state.base import NEW, STAT_NAMES, DedupeState, Verdict, VerdictKind
from crawler.state.sqlite import SqliteState, StateMismatchError, open_state

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

__all__ = [
    "NEW",
    "STAT_NAMES",
    "DedupeState",
    "SqliteState",
    "StateMismatchError",
    "Verdict",
    "VerdictKind",
    "open_state",
    "open_state_from_settings",
    "state_redis_url",
]


def state_redis_url(settings: BaseSettings) -> str | None:
    """The Redis holding the dedupe state: NEWS_STATE_REDIS_URL, else the crawl's REDIS_URL, else None."""
    return settings.get("NEWS_STATE_REDIS_URL") or settings.get("REDIS_URL") or None


def open_state_from_settings(settings: BaseSettings) -> DedupeState:
    """Redis (shared by every worker) when a Redis URL is set, else SQLite in NEWS_STATE_DIR.

    NEWS_STATE_DIR = "" still means no cross-run dedupe; callers check it before opening a state.
    """
    url = state_redis_url(settings)
    if url:
        # Imported here: a crawl on SQLite alone does not load the Redis client.
        from crawler.state.redis import DEFAULT_PREFIX, open_redis_state

        return open_redis_state(url, prefix=settings.get("NEWS_STATE_REDIS_PREFIX") or DEFAULT_PREFIX)
    state_dir = settings.get("NEWS_STATE_DIR")
    if not state_dir:
        raise ValueError("NEWS_STATE_DIR is empty and no Redis URL is set: there is no state to open")
    return open_state(Path(state_dir))
