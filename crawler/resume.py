"""Crash-safe resume of a scheduled run: a journal of items written before the dedupe state commits them, and
recovery of a killed run's partial output so that no record is lost and none is written twice.

Why: the dedupe state commits a record when the pipeline passes it, but the feed exporter buffers lines in
memory, so a `kill -9` can leave records "seen" in the state yet missing from the output; the next run would
skip them for good. The journal names every item before the state sees it; recovery keeps the complete lines
of the partial output and makes the state forget every journaled URL that is not among them.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

logger = logging.getLogger(__name__)

URL_FIELDS = ("canonical_url", "url")


class ItemJournal(BaseSpiderMiddleware):
    """Spider middleware: appends `{"url", "canonical_url"}` of every item the spider yields to NEWS_JOURNAL and
    flushes it to the OS before the item reaches the pipelines (a killed process keeps what the OS has)."""

    def __init__(self, crawler: Crawler, path: Path) -> None:
        super().__init__(crawler)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file: IO[str] = path.open("a", encoding="utf-8")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ItemJournal:
        path = crawler.settings.get("NEWS_JOURNAL")
        if not path:
            raise NotConfigured
        journal = cls(crawler, Path(path))
        from scrapy import signals

        crawler.signals.connect(journal.close, signal=signals.spider_closed)
        return journal

    def get_processed_item(self, item: Any, response: Response | None) -> Any:
        entry = {name: _field(item, name) for name in URL_FIELDS}
        if any(entry.values()):
            self.file.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.file.flush()
        return item

    def close(self, spider: Any = None) -> None:
        self.file.close()


def _field(item: Any, name: str) -> str | None:
    value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
    return str(value) if value else None


@dataclass
class Recovery:
    """What recovering a killed run did."""

    kept: int = 0  # complete records kept in the partial output
    cut_bytes: int = 0  # bytes of a torn last line (or gzip tail) removed
    forgotten: list[str] = field(default_factory=list)  # items (canonical URLs) to fetch again


def _complete_lines(path: Path) -> tuple[list[bytes], int]:
    """The whole, parseable lines of a partial plain or gzipped JSON Lines file, and the bytes dropped."""
    raw = path.read_bytes()
    data = _gunzip_prefix(raw) if path.name.endswith((".gz", ".gz.part")) else raw
    end = data.rfind(b"\n") + 1
    lines = []
    for line in data[:end].splitlines(keepends=True):
        try:
            json.loads(line)
        except ValueError:
            break  # a torn write inside the file: keep nothing after it
        lines.append(line)
    kept = sum(len(line) for line in lines)
    return lines, len(data) - kept


def _gunzip_prefix(raw: bytes) -> bytes:
    """Everything decompressible from a possibly truncated multi-member gzip file."""
    out = []
    while raw:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            out.append(inflater.decompress(raw))
        except zlib.error:
            break
        if not inflater.eof:
            break
        raw = inflater.unused_data
    return b"".join(out)


def _write_lines(path: Path, lines: list[bytes], gzipped: bool) -> None:
    """Write `lines` to `path` under a temporary name, fsync, rename."""
    tmp = path.with_name(f".{path.name}.repair")
    with tmp.open("wb") as raw:
        if gzipped:
            with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
                out.writelines(lines)
        else:
            raw.writelines(lines)
        raw.flush()
        os.fsync(raw.fileno())
    os.replace(tmp, path)


def journal_entries(journal: Path) -> list[tuple[str, ...]]:
    """The URLs (canonical first) of each journaled item, in order, without repeats; torn lines skipped."""
    entries: dict[tuple[str, ...], None] = {}
    if not journal.exists():
        return []
    with journal.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            urls = tuple(dict.fromkeys(entry[name] for name in URL_FIELDS if entry.get(name)))
            if urls:
                entries[urls] = None
    return list(entries)


def recover(partial: Path, final: Path, journal: Path, forget: Any) -> Recovery:
    """Make a killed run resumable. The complete records of the partial output (or, without one, of the output
    an earlier attempt stored) become the output file and the partial file goes: the feed storage copies that
    file before appending, so the next attempt continues after them. Then `forget(url)` for every journaled URL
    no kept record carries, so the dedupe state lets it be fetched again."""
    report = Recovery()
    source = partial if partial.exists() else final
    lines: list[bytes] = []
    if source.exists():
        lines, report.cut_bytes = _complete_lines(source)
        _write_lines(final, lines, gzipped=final.suffix == ".gz")
        partial.unlink(missing_ok=True)
    report.kept = len(lines)
    present = set(_urls_of(lines))
    for urls in journal_entries(journal):
        if not present.intersection(urls):
            for url in urls:
                forget(url)
            report.forgotten.append(urls[0])
    return report


def _urls_of(lines: Iterable[bytes]) -> Iterable[str]:
    for line in lines:
        record = json.loads(line)
        for name in URL_FIELDS:
            if record.get(name):
                yield record[name]
