"""Persistent crawl state: the dedupe store interface and its SQLite backend."""

from crawler.state.base import NEW, STAT_NAMES, DedupeState, Verdict, VerdictKind
from crawler.state.sqlite import SqliteState, StateMismatchError, open_state

__all__ = [
    "NEW",
    "STAT_NAMES",
    "DedupeState",
    "SqliteState",
    "StateMismatchError",
    "Verdict",
    "VerdictKind",
    "open_state",
]
