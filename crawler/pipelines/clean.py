"""Clean pipeline: boilerplate and Unicode cleaning of the text fields."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import Article
from crawler.pipelines import source_of_item
from crawler.text.clean import clean_article


class CleanPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        return clean_article(item, source_of_item(self.crawler, item))
