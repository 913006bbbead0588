"""Honour Retry-After on 429/503: pause that response's download slot (capped) while other slots go on."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.core.downloader import Downloader, Slot
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.asyncio import call_later

logger = logging.getLogger(__name__)

STATUSES = frozenset({429, 503})  # the statuses RFC 9110 pairs with Retry-After


def retry_after_seconds(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds to wait per a Retry-After value: delta-seconds or an HTTP-date (RFC 9110 10.2.3); None if
    absent or unreadable. Dates in the past give 0."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    """Sits before RetryMiddleware on the response path (higher number than 550), so it sees 429/503 first.

    Scrapy ignores Retry-After (scrapy/scrapy#3849) and retries at once. Here the response's download slot is
    blocked for min(Retry-After, NEWS_RETRY_AFTER_MAX) seconds; a 429 without the header waits
    NEWS_RETRY_AFTER_DEFAULT. Blocking uses the slot's own `latercall` gate, the mechanism Scrapy's downloader
    uses for DOWNLOAD_DELAY, so requests of that slot wait in its queue and every other slot keeps going."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.cap = settings.getfloat("NEWS_RETRY_AFTER_MAX", 300.0)
        self.default = settings.getfloat("NEWS_RETRY_AFTER_DEFAULT", 5.0)
        self.statuses = STATUSES
        self.paused_until: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        """Re-apply a pause to a slot that Scrapy garbage-collected and re-created while it was paused."""
        if not self.paused_until:
            return
        key = self._downloader().get_slot_key(request)
        until = self.paused_until.get(key)
        if until is None:
            return
        remaining = until - time.monotonic()
        if remaining <= 0:
            del self.paused_until[key]
            return
        slot = self._downloader().slots.get(key)
        if slot is not None and slot.latercall is None:
            self._block(key, slot, remaining)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in self.statuses:
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None:
            if response.status != 429:
                return response
            wait = self.default
        stats = self.crawler.stats
        stats.inc_value("news/retry_after/count")
        stats.inc_value(f"news/retry_after/status/{response.status}")
        if wait > self.cap:
            stats.inc_value("news/retry_after/capped")
            wait = self.cap
        key = self._downloader().get_slot_key(request)
        slot = self._downloader().slots.get(key)
        if wait <= 0 or slot is None:
            return response
        until = time.monotonic() + wait
        if until <= self.paused_until.get(key, 0.0):
            return response  # already paused at least that long
        self.paused_until[key] = until
        stats.max_value("news/retry_after/max_wait", round(wait, 3))
        stats.inc_value("news/retry_after/wait_seconds", round(wait, 3))
        logger.info("Pausing slot %s for %.1f s (HTTP %d, Retry-After: %s) <%s>", key, wait, response.status,
                    (response.headers.get(b"Retry-After") or b"-").decode("latin-1"), response.url)
        self._block(key, slot, wait)
        return response

    def _downloader(self) -> Downloader:
        assert self.crawler.engine is not None
        return self.crawler.engine.downloader

    def _block(self, key: str, slot: Slot, wait: float) -> None:
        downloader = self._downloader()
        if slot.latercall is not None:
            slot.latercall.cancel()

        def resume() -> None:
            slot.latercall = None
            if self.paused_until.get(key, 0.0) <= time.monotonic():
                self.paused_until.pop(key, None)
            downloader._process_queue(slot)  # what Downloader._latercall does once a delay has passed

        slot.latercall = call_later(wait, resume)
