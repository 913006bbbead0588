"""The scrapy-splash compatibility layer: each upstream break is still there (else delete its shim) and is covered."""

from __future__ import annotations

import asyncio
import functools
import importlib
import json
import warnings
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
import scrapy.utils.url
import w3lib.url
from scrapy import Request, Spider
from scrapy.core.downloader import Downloader
from scrapy.core.downloader.middleware import DownloaderMiddlewareManager
from scrapy.core.spidermw import SpiderMiddlewareManager
from scrapy.crawler import Crawler
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.http import HtmlResponse, TextResponse
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from crawler.render import splash_compat
from crawler.render.splash_compat import (
    LOCAL_VALUES_KEY,
    SplashDeduplicateArgsMiddleware,
    SplashMiddleware,
    SplashRequest,
    SplashTextResponse,
)

SPLASH_URL = "http://127.0.0.1:8050"
upstream_middleware: Any = importlib.import_module("scrapy_splash.middleware")


class PlainSpider(Spider):
    name = "plain"


def make_crawler(**settings: Any) -> Crawler:
    crawler = Crawler(PlainSpider, Settings({"SPLASH_URL": SPLASH_URL, **settings}))
    crawler.spider = PlainSpider()
    crawler.stats = MemoryStatsCollector(crawler)
    # Scrapy's own slot-key logic, without building a whole downloader (handlers, middlewares, reactor).
    slot_state = cast(Downloader, SimpleNamespace(DOWNLOAD_SLOT=Downloader.DOWNLOAD_SLOT, ip_concurrency=0))
    slot_key = functools.partial(Downloader.get_slot_key, slot_state)
    crawler.engine = SimpleNamespace(downloader=SimpleNamespace(get_slot_key=slot_key))  # type: ignore[assignment]
    return crawler


def dedupe_spider(crawler: Crawler) -> Spider:
    assert crawler.spider is not None
    return crawler.spider


# --- shim 1: import -----------------------------------------------------------------------------------------


def test_upstream_import_still_needs_canonicalize_url_in_scrapy() -> None:
    """Delete shim 1 when this fails: Scrapy no longer defines the name scrapy_splash imports."""
    source = Path(scrapy.utils.url.__file__).read_text(encoding="utf-8")
    assert "canonicalize_url" not in source
    upstream_sources = Path(importlib.import_module("scrapy_splash").__file__).parent  # type: ignore[arg-type]
    assert "from scrapy.utils.url import canonicalize_url" in (upstream_sources / "dupefilter.py").read_text()


def test_shim_restores_w3lib_canonicalize_url_once() -> None:
    assert scrapy.utils.url.canonicalize_url is w3lib.url.canonicalize_url  # type: ignore[attr-defined]
    assert splash_compat.restore_canonicalize_url() is False  # already there: nothing replaced
    assert splash_compat.import_scrapy_splash().SplashRequest is SplashRequest


# --- shim 2: download slots ---------------------------------------------------------------------------------


def test_upstream_slot_key_method_is_gone_from_scrapy() -> None:
    """Delete shim 2 when this fails."""
    assert not hasattr(Downloader, "_get_slot_key") and hasattr(Downloader, "get_slot_key")
    crawler = make_crawler()
    upstream = upstream_middleware.SplashMiddleware.from_crawler(crawler)
    with pytest.raises(AttributeError):
        upstream._get_slot_key(Request("https://example.org/a"))


def test_splash_request_keeps_the_per_source_slot_and_targets_splash() -> None:
    crawler = make_crawler()
    middleware = SplashMiddleware.from_crawler(crawler)
    request = Request("https://news.example.org/a/1.html", meta={
        "download_slot": "source:demo", "splash": {"endpoint": "render.html", "args": {"wait": 0.5}}})
    rewritten = middleware.process_request(request)
    assert rewritten is not None and rewritten.url == f"{SPLASH_URL}/render.html"
    assert rewritten.method == "POST" and rewritten.meta["download_slot"] == "source:demo"
    assert json.loads(rewritten.body) == {"url": "https://news.example.org/a/1.html", "wait": 0.5}
    assert rewritten.meta["dont_obey_robotstxt"] is True
    # Without a meta slot, the per_domain policy falls back to Scrapy's host key.
    bare = middleware.process_request(Request("https://news.example.org/b", meta={"splash": {}}))
    assert bare is not None and bare.meta["download_slot"] == "news.example.org"
    assert crawler.stats.get_value("splash/render.json/request_count") == 1


def test_splash_response_gets_the_page_url_back() -> None:
    crawler = make_crawler()
    middleware = SplashMiddleware.from_crawler(crawler)
    page_url = "https://news.example.org/a/1.html"
    rewritten = middleware.process_request(Request(page_url, meta={"splash": {"endpoint": "render.html"}}))
    assert rewritten is not None
    answer = HtmlResponse(rewritten.url, body=b"<html><p>rendered</p></html>", request=rewritten,
                          headers={"Content-Type": "text/html; charset=utf-8"})
    response = middleware.process_response(rewritten, answer)
    assert isinstance(response, SplashTextResponse)
    assert response.url == page_url and response.real_url == rewritten.url
    assert response.css("p::text").get() == "rendered"


# --- shim 3: the spider argument ----------------------------------------------------------------------------


def test_upstream_downloader_middlewares_trigger_scrapy_deprecation_warnings() -> None:
    """Delete shim 3 when this fails."""
    crawler = make_crawler()
    with pytest.warns(ScrapyDeprecationWarning, match="spider argument"):
        DownloaderMiddlewareManager(upstream_middleware.SplashMiddleware.from_crawler(crawler), crawler=crawler)


def test_compat_middlewares_load_without_warnings() -> None:
    crawler = make_crawler()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        DownloaderMiddlewareManager(splash_compat.SplashCookiesMiddleware.from_crawler(crawler),
                                    SplashMiddleware.from_crawler(crawler), crawler=crawler)
        SpiderMiddlewareManager(SplashDeduplicateArgsMiddleware.from_crawler(crawler), crawler=crawler)


def test_cookies_middleware_sends_the_session_cookies_to_splash() -> None:
    crawler = make_crawler()
    cookies = splash_compat.SplashCookiesMiddleware.from_crawler(crawler)
    request = Request("https://news.example.org/", cookies={"consent": "yes"},
                      meta={"splash": {"endpoint": "execute", "session_id": "s1", "args": {}}})
    cookies.process_request(request)
    assert [c["name"] for c in request.meta["splash"]["args"]["cookies"]] == ["consent"]


# --- shim 4: argument deduplication ---------------------------------------------------------------------------


def test_upstream_dedupe_middleware_is_refused_by_scrapy() -> None:
    """Delete shim 4 when this fails."""
    crawler = make_crawler()
    with pytest.raises(TypeError, match="asynchronous spider output"):
        SpiderMiddlewareManager(upstream_middleware.SplashDeduplicateArgsMiddleware(), crawler=crawler)


async def _collect(iterator: AsyncIterator[Any]) -> list[Any]:
    return [value async for value in iterator]


async def _aiter(values: list[Any]) -> AsyncIterator[Any]:
    for value in values:
        yield value


def test_cache_args_round_trip_through_both_middlewares() -> None:
    """A large argument is stored once in spider.state, sent with save_args, then only by its Splash key."""
    crawler = make_crawler()
    dedupe = SplashDeduplicateArgsMiddleware.from_crawler(crawler)
    splash = SplashMiddleware.from_crawler(crawler)
    splash.spider_opened(dedupe_spider(crawler))
    script = "document.querySelectorAll('button.more').forEach(b => b.click());" * 20
    requests = [SplashRequest(f"https://news.example.org/{n}", endpoint="render.html",
                              args={"js_source": script}, cache_args=["js_source"]) for n in range(2)]
    item = {"title": "not a request"}
    started = asyncio.run(_collect(dedupe.process_start(_aiter([requests[0], item]))))
    output = asyncio.run(_collect(dedupe.process_spider_output(
        TextResponse("https://news.example.org/", body=b""), _aiter([requests[1]]))))
    assert started[1] is item
    replaced = [started[0], output[0]]
    fingerprint = replaced[0].meta["splash"]["args"]["js_source"]
    assert fingerprint.startswith("LOCAL+") and replaced[1].meta["splash"]["args"]["js_source"] == fingerprint
    assert splash_compat.ensure_state(dedupe_spider(crawler))[LOCAL_VALUES_KEY] == {fingerprint: script}

    first = splash.process_request(replaced[0])
    assert first is not None
    body = json.loads(first.body)
    assert body["js_source"] == script and body["save_args"] == ["js_source"]
    # Splash answers with the key it stored the value under; later requests send only that key.
    answer = HtmlResponse(first.url, body=b"<html></html>", request=first,
                          headers={"X-Splash-Saved-Arguments": "js_source=abc123"})
    splash.process_response(first, answer)
    second = splash.process_request(replaced[1])
    assert second is not None
    assert json.loads(second.body)["load_args"] == {"js_source": "abc123"} and "js_source" not in json.loads(
        second.body)
