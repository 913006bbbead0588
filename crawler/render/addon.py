"""The Scrapy add-on that loads rendering settings only when a selected source renders (issue 7)."""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.settings import Settings

from crawler.render import settings as render_settings
from crawler.sources.base import Source

logger = logging.getLogger(__name__)


class RenderAddon:
    """`ADDONS = {"crawler.render.RenderAddon": 0}`. Scrapy runs add-ons after the spider is built from its
    arguments (`-a sources=...`) and before it installs the reactor and builds components, so the selected
    sources decide: a crawl without a rendering source gets no Playwright handler, no Splash middlewares,
    no browser process and no reactor change."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RenderAddon:
        return cls(crawler)

    def update_settings(self, settings: Settings) -> None:
        sources: dict[str, Source] = getattr(self.crawler.spider, "sources", None) or {}
        policy = render_settings.setting(settings, "NEWS_RENDER")
        modes = render_settings.source_modes(sources.values(), policy)
        if policy == "off":
            skipped = sorted(s.key for s in sources.values() if s.render in render_settings.MODES)
            if skipped:
                logger.warning("NEWS_RENDER=off: pages of %s are downloaded without rendering", ", ".join(skipped))
            return
        if not modes:
            return
        if "browser" in modes.values() and not settings.getbool("TWISTED_REACTOR_ENABLED", True):
            raise render_settings.RenderConfigError("browser rendering needs the asyncio Twisted reactor; "
                                                    "unset TWISTED_REACTOR_ENABLED=False")
        render_settings.apply(settings, modes)
        logger.info("Rendering %s", ", ".join(f"{key} ({mode})" for key, mode in sorted(modes.items())))
