"""Validate pipeline: pages that are not articles, or lack a title or a body, are dropped with a reason."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.items import Article

NON_ARTICLE_OG_TYPES = frozenset({"website", "profile", "video.other", "video.movie", "music.song", "book", "product"})


class Dropped(DropItem):
    """A drop with a machine-readable reason (counted as `news/dropped/<reason>`)."""

    def __init__(self, reason: str, detail: str = "", log_level: str = "INFO") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason, log_level=log_level)
        self.reason = reason


def rejection(article: Article, min_words: int) -> str | None:
    """Why this record is not an exportable article, or None."""
    signals = article.signals
    if not article.title:
        return "no_title"
    if not article.body:
        return "no_body"
    looks_listing = signals.get("link_density", 0) > 0.5 and signals.get("paragraphs", 0) < 4
    declared_other = signals.get("og_type") in NON_ARTICLE_OG_TYPES and not signals.get("ld_article")
    if (looks_listing or declared_other) and not signals.get("url_matches"):
        return "not_article"
    if len(article.body.split()) < min_words:  # word_count is set later, by the tag pipeline
        return "too_short"
    return None


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.min_words = crawler.settings.getint("NEWS_MIN_WORDS", 40)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        reason = rejection(item, self.min_words)
        if reason:
            self.stats.inc_value(f"news/dropped/{reason}")
            raise Dropped(reason, item.url)
        return item
