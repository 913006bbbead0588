"""A discovered link and the article-URL test shared by every discovery route."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from crawler.sources.base import Source
from crawler.urls import same_site

NON_ARTICLE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp3|mp4|zip|docx?|xlsx?|css|js|xml|rss)(?:$|\?)", re.I)


@dataclass(frozen=True)
class DiscoveredLink:
    """An article candidate with what the discovery page said about it."""

    url: str
    published: datetime | None = None
    title: str | None = None
    language: str | None = None


@lru_cache(maxsize=512)
def _patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def is_article_url(url: str, source: Source) -> bool:
    """True when `url` is on the source's site and matches one of its article patterns (any URL when the
    source declares none)."""
    if not url.startswith(("http://", "https://")) or NON_ARTICLE_EXT.search(url):
        return False
    if not (url.startswith(source.base_url.rstrip("/")) or same_site(url, source.base_url)
            or any(same_site(url, f"https://{d}/") for d in source.domains)):
        return False
    return not source.article_patterns or any(p.search(url) for p in _patterns(source.article_patterns))


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 (with Z, or a date alone), Pangea '2021-09-01 14:50:49Z' and RFC 822 dates; UTC if naive."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def is_recent(when: datetime | None, since: date | None) -> bool:
    """Keep undated entries; drop entries dated before `since`."""
    return since is None or when is None or when.date() >= since
