"""Tag pipeline: language, word count, Central Asian places; international sources keep relevant articles."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.extraction.enrich import enrich_article
from crawler.geo import RELEVANCE_THRESHOLD_DEFAULT
from crawler.items import Article
from crawler.pipelines import source_of_item
from crawler.pipelines.validate import Dropped


class TagPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.threshold = crawler.settings.getfloat("NEWS_RELEVANCE_THRESHOLD", RELEVANCE_THRESHOLD_DEFAULT)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TagPipeline:
        return cls(crawler)

    def _filters(self, scope: str) -> bool:
        wanted = getattr(self.crawler.spider, "relevance_filter", None)
        return scope == "international" if wanted is None else bool(wanted)

    def process_item(self, item: Article) -> Article:
        source = source_of_item(self.crawler, item)
        enrich_article(item, source)
        if self._filters(source.scope) and (item.relevance or 0.0) < self.threshold:
            self.crawler.stats.inc_value("news/dropped/not_central_asia")
            raise Dropped("not_central_asia", f"{item.url} relevance={item.relevance}")
        return item
