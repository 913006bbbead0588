"""Per-source tallies in the crawl stats, a periodic progress line, and a per-source summary table at the end."""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Iterable
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)

PREFIX = "news/source/"
SOURCE_META = "news_source"  # the key crawler.spiders.base puts in request meta
# Responses counted as errors in the tallies (and by the error-rate monitor): refusals and server failures.
ERROR_STATUSES = frozenset({403, 408, 429})
TOP_SOURCES = 8  # sources named in one progress line
# Tallied per source; the summary table shows them in this order.
COUNTERS = ("records", "article_links", "article_fetches", "pages", "dropped", "errors", "downloads", "responses")


def source_key(request: Request) -> str:
    """The source a request belongs to: the spider's `news_source` meta, else the host."""
    return request.meta.get(SOURCE_META) or urlparse_cached(request).hostname or "?"


def is_error_status(status: int) -> bool:
    return status >= 500 or status in ERROR_STATUSES


def source_stats(stats: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`news/source/<key>/<name>` stats regrouped as {key: {name: value}}."""
    grouped: dict[str, dict[str, Any]] = {}
    for name, value in stats.items():
        if name.startswith(PREFIX):
            key, _, counter = name[len(PREFIX):].partition("/")
            grouped.setdefault(key, {})[counter] = value
    return grouped


def summary_table(per_source: dict[str, dict[str, Any]], elapsed: float) -> str:
    """A fixed-width table: one row per source, then totals."""
    columns = ("records", "article_links", "article_fetches", "dropped", "errors", "downloads")
    head = f"{'source':<22}" + "".join(f"{c.replace('article_', 'art_'):>12}" for c in columns) + f"{'err%':>7}"
    rows = [head, "-" * len(head)]
    totals = dict.fromkeys(columns, 0)
    for key in sorted(per_source, key=lambda k: (-int(per_source[k].get("records", 0)), k)):
        counts = per_source[key]
        values = [int(counts.get(c, 0)) for c in columns]
        for c, v in zip(columns, values, strict=True):
            totals[c] += v
        rows.append(f"{key[:22]:<22}" + "".join(f"{v:>12}" for v in values) + _rate(counts))
    rows.append("-" * len(head))
    rows.append(f"{'total':<22}" + "".join(f"{totals[c]:>12}" for c in columns) + _rate(totals))
    rows.append(f"duration {elapsed:.0f} s")
    return "\n".join(rows)


def _rate(counts: dict[str, Any]) -> str:
    downloads = int(counts.get("downloads", 0))
    return f"{100 * int(counts.get('errors', 0)) / downloads:>6.1f}%" if downloads else f"{'-':>7}"


class Progress:
    """Keeps per-source counters as `news/source/<key>/<counter>` stats (the manifest and monitors read them):
    article_links scheduled, article_fetches sent (links not skipped as already exported), downloads attempted,
    responses, errors (5xx, 403, 408, 429 and failed downloads), pages parsed, records exported, dropped items.
    Logs a progress line every NEWS_PROGRESS_INTERVAL seconds (0 = never) and a summary table at the end."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.task: Any = None
        self.started = time.monotonic()
        self.last = (self.started, 0, 0)  # time, records, downloads at the previous progress line
        self.downloaded: weakref.WeakSet[Request] = weakref.WeakSet()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        ext = cls(crawler, crawler.settings.getfloat("NEWS_PROGRESS_INTERVAL", 60.0))
        connect = crawler.signals.connect
        connect(ext.spider_opened, signal=signals.spider_opened)
        connect(ext.spider_closed, signal=signals.spider_closed)
        connect(ext.request_scheduled, signal=signals.request_scheduled)
        connect(ext.request_dropped, signal=signals.request_dropped)
        connect(ext.request_reached_downloader, signal=signals.request_reached_downloader)
        connect(ext.response_downloaded, signal=signals.response_downloaded)
        connect(ext.request_left_downloader, signal=signals.request_left_downloader)
        connect(ext.response_received, signal=signals.response_received)
        connect(ext.item_scraped, signal=signals.item_scraped)
        connect(ext.item_dropped, signal=signals.item_dropped)
        return ext

    def _inc(self, key: str, counter: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(f"{PREFIX}{key}/{counter}", count)

    # -- signals -----------------------------------------------------------------------------------
    def request_scheduled(self, request: Request, spider: Any = None) -> None:
        if _first_attempt_article(request):
            self._inc(source_key(request), "article_links")

    def request_dropped(self, request: Request, spider: Any = None) -> None:
        """The scheduler refused it (a duplicate link): not a distinct article link after all."""
        if _first_attempt_article(request):
            self._inc(source_key(request), "article_links", -1)

    def request_reached_downloader(self, request: Request, spider: Any = None) -> None:
        key = source_key(request)
        self._inc(key, "downloads")
        if request.meta.get("article") and not request.meta.get("retry_times"):
            self._inc(key, "article_fetches")

    def response_downloaded(self, response: Response, request: Request, spider: Any = None) -> None:
        # Every attempt's status, retried ones included: what the server really answered.
        self.downloaded.add(request)
        key = source_key(request)
        self._inc(key, "responses")
        if is_error_status(response.status):
            self._inc(key, "errors")
            self._inc(key, f"status/{response.status}")

    def request_left_downloader(self, request: Request, spider: Any = None) -> None:
        if request in self.downloaded:
            self.downloaded.discard(request)
        else:  # left the downloader without a response: a failed download
            key = source_key(request)
            self._inc(key, "errors")
            self._inc(key, "failures")

    def response_received(self, response: Response, request: Request, spider: Any = None) -> None:
        if request.meta.get("article"):
            self._inc(source_key(request), "pages")

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None) -> None:
        self._inc(_item_source(item, response), "records")

    def item_dropped(self, item: Any, response: Any = None, exception: BaseException | None = None,
                     spider: Any = None) -> None:
        key = _item_source(item, response)
        self._inc(key, "dropped")
        self._inc(key, f"dropped/{getattr(exception, 'reason', type(exception).__name__)}")

    # -- progress and summary ----------------------------------------------------------------------
    def spider_opened(self, spider: Any = None) -> None:
        self.started = time.monotonic()
        self.last = (self.started, 0, 0)
        if self.interval > 0:
            self.task = create_looping_call(self.log_progress)
            self.task.start(self.interval, now=False)

    def log_progress(self) -> None:
        per_source = source_stats(self.crawler.stats.get_stats())
        now = time.monotonic()
        records = sum(int(c.get("records", 0)) for c in per_source.values())
        downloads = sum(int(c.get("downloads", 0)) for c in per_source.values())
        errors = sum(int(c.get("errors", 0)) for c in per_source.values())
        then, last_records, last_downloads = self.last
        minutes = max(now - then, 1e-6) / 60
        self.last = (now, records, downloads)
        top = sorted(per_source.items(), key=lambda kv: -int(kv[1].get("records", 0)))[:TOP_SOURCES]
        logger.info("Progress: %d records (+%d), %d downloads (%.0f pages/min), %d errors; by source: %s",
                    records, records - last_records, downloads, (downloads - last_downloads) / minutes, errors,
                    _by_source(top) or "-")

    def spider_closed(self, spider: Any = None, reason: str | None = None) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        per_source = source_stats(self.crawler.stats.get_stats())
        logger.info("Summary by source (%s):\n%s", reason or "closed",
                    summary_table(per_source, time.monotonic() - self.started))


def _first_attempt_article(request: Request) -> bool:
    return bool(request.meta.get("article")) and not request.meta.get("redirect_urls") \
        and not request.meta.get("retry_times")


def _item_source(item: Any, response: Any) -> str:
    source = getattr(item, "source", None) or (item.get("source") if isinstance(item, dict) else None)
    if source:
        return str(source)
    request = getattr(response, "request", None)
    return source_key(request) if request is not None else "?"


def _by_source(rows: Iterable[tuple[str, dict[str, Any]]]) -> str:
    return ", ".join(f"{key} {int(c.get('records', 0))}/{int(c.get('downloads', 0))}" for key, c in rows)
