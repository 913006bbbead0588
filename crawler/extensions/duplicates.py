"""Duplicates feed: every record the dedupe pipeline dropped, as JSON Lines beside the articles."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.feeds import uri_params_for


class DuplicatesFeed:
    """Writes `NEWS_DUPLICATES_OUTPUT` (same placeholders as FEEDS URIs) to a temporary name first and
    renames it on close, so readers never see half a file."""

    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path
        self.tmp = path.with_name(f".{path.name}.part")
        self.file: IO[str] | None = None
        self.count = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DuplicatesFeed:
        template = crawler.settings.get("NEWS_DUPLICATES_OUTPUT")
        if not template or not crawler.settings.get("NEWS_STATE_DIR"):
            raise NotConfigured
        ext = cls(crawler, Path(template % uri_params_for(crawler)))
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def item_dropped(self, item: Any, response: Any, exception: BaseException, spider: Any = None) -> None:
        record = getattr(exception, "record", None)
        if record is None:
            return
        if self.file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.file = self.tmp.open("w", encoding="utf-8")
        self.file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1

    def spider_closed(self, spider: Any = None) -> None:
        if self.file is None:
            return
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.replace(self.tmp, self.path)
        self.crawler.stats.set_value("news/duplicates_feed", str(self.path))
