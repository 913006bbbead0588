"""Skip downloading article pages that an earlier run already exported (unless refreshing)."""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.sources import source_for_url
from crawler.urls import canonicalize


class SeenArticlesMiddleware:
    """Feeds, sitemaps and listings are always fetched; an article request whose canonical URL is in the
    seen-store is dropped before download and counted as `news/skipped/seen`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeenArticlesMiddleware:
        if not crawler.settings.get("NEWS_STATE_DIR") or not crawler.settings.getbool("NEWS_SKIP_SEEN", True):
            raise NotConfigured
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not request.meta.get("article") or request.meta.get("refresh"):
            return
        state = getattr(self.crawler, "state", None)
        if state is None:
            return
        sources = getattr(self.crawler.spider, "sources", {})
        source = sources.get(request.meta.get("news_source", "")) or source_for_url(request.url)
        canonical = canonicalize(
            request.url,
            extra_params=source.tracking_params if source else (),
            trailing_slash_equivalent=source.trailing_slash_equivalent if source else True,
        )
        if state.seen_url(canonical):
            self.crawler.stats.inc_value("news/skipped/seen")
            raise IgnoreRequest(f"already exported: {canonical}")
