"""Marks the page requests of rendering sources for scrapy-playwright (`playwright` meta) or scrapy-splash
(`splash` meta); feeds, sitemaps and robots.txt stay plain downloads."""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.render.settings import MODES, setting
from crawler.spiders.base import SOURCE_META

RENDER_META = "news_render"  # per-request override: "none", "splash" or "browser"
SPLASH_ENDPOINT = "render.html"


class RenderMiddleware:
    """Enabled only when the crawl selected a rendering source (NEWS_RENDER_SOURCES, set by RenderAddon).
    Renders article pages and listing pages (a "load more" listing needs scripts as much as its articles)."""

    def __init__(self, crawler: Crawler, modes: dict[str, str]) -> None:
        self.crawler = crawler
        self.modes = modes
        self.wait = float(setting(crawler.settings, "NEWS_RENDER_WAIT"))
        self.timeout = crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 30.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RenderMiddleware:
        modes = crawler.settings.getdict("NEWS_RENDER_SOURCES")
        if not modes:
            raise NotConfigured
        return cls(crawler, modes)

    def mode_for(self, request: Request) -> str | None:
        override = request.meta.get(RENDER_META)
        if override is not None:
            return override if override in MODES else None
        if not (request.meta.get("article") or "listing" in request.cb_kwargs):
            return None
        return self.modes.get(request.meta.get(SOURCE_META, ""))

    def process_request(self, request: Request) -> None:
        if "splash" in request.meta or request.meta.get("playwright"):
            return  # already marked (a retry, or a request built for a renderer by hand)
        mode = self.mode_for(request)
        if mode == "browser":
            request.meta.update(self.browser_meta())
        elif mode == "splash":
            request.meta["splash"] = self.splash_meta()
        else:
            return
        self.crawler.stats.inc_value(f"news/render/{mode}")

    def browser_meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = {"playwright": True}
        if self.wait > 0:
            from scrapy_playwright.page import PageMethod

            meta["playwright_page_methods"] = [PageMethod("wait_for_timeout", self.wait * 1000)]
        return meta

    def splash_meta(self) -> dict[str, Any]:
        # images=0: text never needs them, and they are most of a page's bytes. Splash's own timeout stays
        # below Scrapy's (SplashMiddleware raises download_timeout to timeout + 5 s).
        args: dict[str, Any] = {"wait": self.wait, "timeout": self.timeout, "images": 0,
                                "http_status_from_error_code": 1}
        return {"endpoint": SPLASH_ENDPOINT, "args": args}
