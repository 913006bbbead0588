"""Shared article callback: a response becomes a raw Article; the pipelines do the rest."""

from __future__ import annotations

from typing import Any

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse

from crawler.extraction import page_article
from crawler.feeds import prefer_command_line_feeds
from crawler.items import Article
from crawler.loglevels import quiet_libraries
from crawler.sources.base import Source

SOURCE_META = "news_source"


class ArticleSpider(scrapy.Spider):
    """Base of both spiders: holds the selected sources and turns responses into raw Articles."""

    sources: dict[str, Source]

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Any:
        prefer_command_line_feeds(crawler.settings)
        quiet_libraries(crawler.settings.get("LOG_LEVEL", "DEBUG"))
        return super().from_crawler(crawler, *args, **kwargs)

    def source_meta(self, source: Source, **meta: Any) -> dict[str, Any]:
        """Request meta routing a request to its source's download slot (per-source politeness)."""
        return {SOURCE_META: source.key, "download_slot": f"source:{source.key}", **meta}

    def request_kwargs(self, source: Source) -> dict[str, Any]:
        if source.politeness.user_agent:
            return {"headers": {"User-Agent": source.politeness.user_agent}}
        return {}

    def article_request(self, url: str, source: Source, **meta: Any) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_article, meta=self.source_meta(source, article=True, **meta),
                              **self.request_kwargs(source))

    def parse_article(self, response: Response) -> Any:
        # isinstance, not hasattr(response, "text"): that property decodes and caches the whole body (~2x its
        # size, page_article decodes it its own way) for as long as the response lives
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("news/skipped/not_html")
            return
        source = self.sources[response.meta[SOURCE_META]]
        article: Article = page_article(response, source=source)
        self.crawler.stats.inc_value(f"news/pages/{source.key}")
        yield article
