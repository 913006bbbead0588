"""scrapy-splash 0.11.1 (its newest release) on the pinned Scrapy: one shim per upstream incompatibility.

Each shim names the Scrapy change it covers and is checked by tests/test_render_splash_compat.py; when
scrapy-splash publishes a release that fixes one, delete that shim (the tests show which still matter).

1. Import. Scrapy 2.16 removed `scrapy.utils.url.canonicalize_url` (it lives in `w3lib.url`); scrapy_splash's
   `dupefilter` and `request` modules import it at module level, so `import scrapy_splash` fails with
   ImportError. `import_scrapy_splash()` puts w3lib's function back under the old name, only if it is missing,
   before the first import. It is the same function Scrapy re-exported, so nothing else changes.
2. Download slots. Scrapy 2.14 removed the private `Downloader._get_slot_key(request, spider)` in favour of the
   public `get_slot_key(request)`; SplashMiddleware calls the old one for the default slot policy
   (`per_domain`), so every Splash request fails with AttributeError. `SplashMiddleware._get_slot_key` uses
   the public method (a request's `download_slot` meta, our per-source slot, still wins).
3. The spider argument. Scrapy 2.13+ warns (ScrapyDeprecationWarning, "will not be passed in future Scrapy
   versions") for every middleware method that takes `spider`. The subclasses here take none and pass
   `crawler.spider` to the upstream code.
4. SplashDeduplicateArgsMiddleware. Scrapy 2.13 replaced `process_start_requests` with `process_start` and
   the pinned Scrapy no longer calls the old hook (start requests are not deduplicated, and `spider.state`
   never gets the argument table, so the first request with `cache_args` raises KeyError and is lost); and
   the pinned Scrapy refuses a spider middleware whose `process_spider_output` is a plain generator (TypeError
   when the crawl starts; issue 7 measured the break from 2.16 on). The subclass has async `process_start` /
   `process_spider_output` and creates the tables when the spider opens.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from types import ModuleType
from typing import Any

import scrapy.utils.url
import w3lib.url
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

UPSTREAM = "scrapy_splash"
LOCAL_VALUES_KEY = "_splash_local_values"  # SplashDeduplicateArgsMiddleware.local_values_key upstream
REMOTE_KEYS_KEY = "_splash_remote_keys"  # SplashMiddleware.remote_keys_key upstream


def restore_canonicalize_url() -> bool:
    """Shim 1: give `scrapy.utils.url` back the `canonicalize_url` name scrapy_splash imports. True if added."""
    if "canonicalize_url" in vars(scrapy.utils.url):
        return False
    scrapy.utils.url.canonicalize_url = w3lib.url.canonicalize_url  # type: ignore[attr-defined]
    return True


def import_scrapy_splash() -> ModuleType:
    """`scrapy_splash`, importable on the pinned Scrapy."""
    restore_canonicalize_url()
    return importlib.import_module(UPSTREAM)


_upstream = import_scrapy_splash()
_middleware: Any = importlib.import_module(f"{UPSTREAM}.middleware")

SlotPolicy = _upstream.SlotPolicy
SplashRequest = _upstream.SplashRequest
SplashRequestFingerprinter = _upstream.SplashRequestFingerprinter
SplashTextResponse = _upstream.SplashTextResponse
SplashJsonResponse = _upstream.SplashJsonResponse


def ensure_state(spider: Spider) -> dict[str, Any]:
    """The per-spider tables the Splash middlewares share (persisted with JOBDIR by Scrapy's SpiderState)."""
    state: dict[str, Any] | None = getattr(spider, "state", None)
    if state is None:
        state = {}
        spider.state = state  # type: ignore[attr-defined]
    state.setdefault(LOCAL_VALUES_KEY, {})
    state.setdefault(REMOTE_KEYS_KEY, {})
    return state


class SplashCookiesMiddleware(_middleware.SplashCookiesMiddleware):  # type: ignore[misc]
    """Upstream cookie handling for Splash requests, without the deprecated spider argument (shim 3)."""

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SplashCookiesMiddleware:
        middleware = cls(debug=crawler.settings.getbool("SPLASH_COOKIES_DEBUG"))
        middleware.crawler = crawler
        return middleware

    def process_request(self, request: Request) -> None:
        return super().process_request(request, self.crawler.spider)  # type: ignore[no-any-return]

    def process_response(self, request: Request, response: Response) -> Response:
        return super().process_response(request, response, self.crawler.spider)  # type: ignore[no-any-return]


class SplashMiddleware(_middleware.SplashMiddleware):  # type: ignore[misc]
    """Upstream SplashMiddleware with the public slot-key API (shim 2) and no spider argument (shim 3)."""

    def spider_opened(self, spider: Spider) -> None:
        ensure_state(spider)
        super().spider_opened(spider)

    def process_request(self, request: Request) -> Request | None:
        return super().process_request(request, self.crawler.spider)  # type: ignore[no-any-return]

    def process_response(self, request: Request, response: Response) -> Request | Response:
        return super().process_response(request, response, self.crawler.spider)  # type: ignore[no-any-return]

    def _get_slot_key(self, request_or_response: Request | Response) -> str:
        request = request_or_response if isinstance(request_or_response, Request) else request_or_response.request
        assert request is not None
        return str(self.crawler.engine.downloader.get_slot_key(request))


class SplashDeduplicateArgsMiddleware(_middleware.SplashDeduplicateArgsMiddleware):  # type: ignore[misc]
    """Upstream argument deduplication (`cache_args`) on Scrapy's async spider-middleware API (shim 4)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self._spider_opened, signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SplashDeduplicateArgsMiddleware:
        return cls(crawler)

    def _spider_opened(self, spider: Spider) -> None:
        ensure_state(spider)

    def _dedupe(self, request: Request) -> Request:
        spider = self.crawler.spider
        assert spider is not None  # spider middlewares only run during a crawl
        ensure_state(spider)
        return super()._process_request(request, spider)  # type: ignore[no-any-return]

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item_or_request in start:
            yield self._dedupe(item_or_request) if isinstance(item_or_request, Request) else item_or_request

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item_or_request in result:
            yield self._dedupe(item_or_request) if isinstance(item_or_request, Request) else item_or_request


__all__ = [
    "SlotPolicy", "SplashCookiesMiddleware", "SplashDeduplicateArgsMiddleware", "SplashJsonResponse",
    "SplashMiddleware", "SplashRequest", "SplashRequestFingerprinter", "SplashTextResponse", "ensure_state",
    "import_scrapy_splash", "restore_canonicalize_url",
]
