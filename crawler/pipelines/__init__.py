"""Item pipelines, one responsibility each: clean, validate, tag, dedupe (in that order)."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import Article
from crawler.sources.base import Source


def source_of_item(crawler: Crawler, article: Article) -> Source:
    """The Source object the spider used for this article."""
    from crawler.extraction import source_of

    spider = crawler.spider
    sources = getattr(spider, "sources", {}) if spider is not None else {}
    return sources.get(article.source) or source_of(article.url)
