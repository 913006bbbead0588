"""Fetch and extract given article URLs: `scrapy crawl urls -a urls=PATH|URL,URL [-a filter=central_asia]`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import Crawler

from crawler import sources as registry
from crawler.extraction import source_of
from crawler.spiders.base import ArticleSpider

FILTERS = ("none", "central_asia")


def read_urls(spec: str) -> list[str]:
    """URLs from a file (one per line, `#` comments) or a comma-separated list."""
    path = Path(spec)
    from_file = "://" not in spec and path.is_file()
    lines = path.read_text(encoding="utf-8").splitlines() if from_file else spec.split(",")
    urls = [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise ValueError(f"not http(s) URLs: {bad[:3]}")
    return list(dict.fromkeys(urls))


class UrlsSpider(ArticleSpider):
    """Every given URL is an article; unknown domains get a source derived from the host."""

    name = "urls"

    def __init__(self, urls: str | None = None, filter: str = "none", refresh: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not urls:
            raise ValueError("usage: scrapy crawl urls -a urls=FILE|URL,URL")
        if filter not in FILTERS:
            raise ValueError(f"filter must be one of {FILTERS}")
        self.start_urls_spec = urls
        self.relevance_filter = filter == "central_asia"
        self.refresh = refresh not in (None, "", "0", "false", "no")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> UrlsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        demo_url = crawler.settings.get("NEWS_DEMO_URL")
        demo_sources = [registry.resolve_demo(s, demo_url) for s in registry.REGISTRY.values() if s.is_demo
                        ] if demo_url else []
        spider.urls = read_urls(spider.start_urls_spec)
        spider.sources = {}
        spider.url_sources = {}
        for url in spider.urls:
            source = registry.source_for_url(url, demo_sources) if demo_sources else None
            source = source or source_of(url)
            spider.sources[source.key] = source
            spider.url_sources[url] = source
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.urls:
            yield self.article_request(url, self.url_sources[url], refresh=self.refresh)
