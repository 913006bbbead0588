"""Feed output: URI parameters for FEEDS paths and an atomic local-file feed storage."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler
from scrapy.extensions.feedexport import FileFeedStorage

DEFAULT_FEED_URI = "data/articles/%(day)s/%(run_id)s.jsonl"


def run_id(crawler: Crawler) -> str:
    """This run's id (NEWS_RUN_ID, else the UTC start time), fixed for the whole run."""
    value = getattr(crawler, "news_run_id", None)
    if value is None:
        value = crawler.settings.get("NEWS_RUN_ID") or datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        crawler.news_run_id = value
    return value


def uri_params_for(crawler: Crawler) -> dict[str, str]:
    now = datetime.now(UTC)
    spider = crawler.spider
    return {"run_id": run_id(crawler), "day": now.strftime("%Y-%m-%d"), "name": spider.name if spider else "",
            "time": now.strftime("%Y-%m-%dT%H-%M-%S")}


def uri_params(params: dict[str, Any], spider: Any) -> dict[str, Any]:
    """FEED_URI_PARAMS hook: adds %(run_id)s and %(day)s to the usual %(name)s and %(time)s."""
    return {**params, **uri_params_for(spider.crawler)}


class AtomicFileFeedStorage(FileFeedStorage):
    """A local feed file written under a temporary name, fsynced and renamed when the feed closes."""

    def open(self, spider: Any) -> IO[bytes]:
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp_path = path.with_name(f".{path.name}.part")
        mode = "ab" if self.write_mode == "ab" else "wb"
        if mode == "ab" and path.exists():
            self.tmp_path.write_bytes(path.read_bytes())
        return self.tmp_path.open(mode)

    def store(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        os.replace(self.tmp_path, self.path)


def prefer_command_line_feeds(settings: Any) -> None:
    """A feed given with `-o/-O FILE` (or any other FEEDS entry) replaces the default feed of settings.py
    instead of adding to it: Scrapy merges the two, so `-O out.jsonl` would also write `data/articles/...`."""
    feeds = settings["FEEDS"]
    if DEFAULT_FEED_URI in feeds and len(feeds) > 1:
        del feeds[DEFAULT_FEED_URI]
