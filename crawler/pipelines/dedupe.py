"""Dedupe pipeline: one record per story across runs (canonical URL, exact body, near-duplicate body)."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.dedupe import body_fingerprint
from crawler.items import Article
from crawler.pipelines.validate import Dropped
from crawler.state import open_state_from_settings


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
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.state = open_state_from_settings(crawler.settings)  # Redis when a Redis URL is set, else SQLite

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        if not crawler.settings.get("NEWS_STATE_DIR"):
            raise NotConfigured("NEWS_STATE_DIR is empty: dedupe across runs is off")
        pipeline = cls(crawler)
        crawler.state = pipeline.state  # shared with the seen-URL middleware
        return pipeline

    def close_spider(self) -> None:
        self.state.close()

    def _refresh(self, item: Article) -> None:
        """`-a refresh=1`: an article seen before is re-emitted only when its body changed, and then with a
        `modified_at` (the page's own when it states one, else the fetch time)."""
        if self.state.seen_url(item.canonical_url) is None:
            return
        stored = self.state.fingerprint_of_url(item.canonical_url)
        if stored is not None and stored == body_fingerprint(item.body or ""):
            self.crawler.stats.inc_value("news/dropped/unchanged")
            raise Dropped("unchanged", item.url)
        self.state.forget_url(item.canonical_url)
        if not item.modified_at or (item.published_at and item.modified_at <= item.published_at):
            item.modified_at = item.fetched_at
        self.crawler.stats.inc_value("news/refresh/changed")

    def process_item(self, item: Article) -> Article:
        if getattr(self.crawler.spider, "refresh", False):
            self._refresh(item)
        verdict = self.state.check_and_add(item.id, item.canonical_url, item.body or "", source=item.source,
                                           title=item.title)
        if verdict.kind == "new":
            return item
        self.crawler.stats.inc_value(f"news/dropped/duplicate_{verdict.kind}")
        raise Duplicate(item, verdict.kind, verdict.kept_id, verdict.similarity)
