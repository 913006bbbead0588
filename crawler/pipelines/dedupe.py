"""Dedupe pipeline: one record per story across runs (canonical URL, exact body, near-duplicate body)."""

from __future__ import annotations

from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.items import Article
from crawler.pipelines.validate import Dropped
from crawler.state import open_state


class Duplicate(Dropped):
    """A dropped duplicate; the duplicates feed extension writes it out."""

    def __init__(self, article: Article, kind: str, kept_id: str | None, similarity: float | None) -> None:
        super().__init__(f"duplicate_{kind}", f"{article.url} duplicates {kept_id}")
        self.record = {
            "url": article.url,
            "canonical_url": article.canonical_url,
            "id": article.id,
            "source": article.source,
            "kind": kind,
            "similarity": similarity,
            "kept_id": kept_id,
            "fetched_at": article.fetched_at,
        }


class DedupePipeline:
    def __init__(self, crawler: Crawler, state_dir: str) -> None:
        self.crawler = crawler
        self.state = open_state(Path(state_dir))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        state_dir = crawler.settings.get("NEWS_STATE_DIR")
        if not state_dir:
            raise NotConfigured("NEWS_STATE_DIR is empty: dedupe across runs is off")
        pipeline = cls(crawler, state_dir)
        crawler.state = pipeline.state  # shared with the seen-URL middleware
        return pipeline

    def close_spider(self) -> None:
        self.state.close()

    def process_item(self, item: Article) -> Article:
        refresh = bool(getattr(self.crawler.spider, "refresh", False))
        if refresh:
            self.state.forget_url(item.canonical_url)
        verdict = self.state.check_and_add(item.id, item.canonical_url, item.body or "", source=item.source,
                                           title=item.title)
        if verdict.kind == "new":
            return item
        self.crawler.stats.inc_value(f"news/dropped/duplicate_{verdict.kind}")
        raise Duplicate(item, verdict.kind, verdict.kept_id, verdict.similarity)
