"""`scrapy state stats [--json]` shows the dedupe state and shared crawls; `scrapy state clear --yes` empties them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import redis
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings

from crawler.distributed import DEFAULT_CRAWL_PREFIX, DEFAULT_SPIDERS
from crawler.state import STAT_NAMES, open_state, state_redis_url
from crawler.state.redis import DEFAULT_PREFIX, RedisState
from crawler.state.sqlite import STATE_FILE

SCAN_BATCH = 1000  # keys per SCAN step and per UNLINK: bounded work per call on a busy server
SQLITE_SUFFIXES = ("", "-wal", "-shm")


def redacted(url: str) -> str:
    """The URL without its password, for printing."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def delete_prefix(client: redis.Redis, prefix: str) -> int:
    """UNLINK every key under `prefix` (SCAN in batches, never KEYS); returns how many went."""
    pattern = "".join(f"\\{c}" if c in "*?[]\\" else c for c in prefix) + "*"
    deleted = 0
    batch: list[bytes] = []
    for key in client.scan_iter(match=pattern, count=SCAN_BATCH):
        batch.append(key)
        if len(batch) >= SCAN_BATCH:
            deleted += int(client.unlink(*batch))
            batch = []
    if batch:
        deleted += int(client.unlink(*batch))
    return deleted


def crawl_summary(client: redis.Redis, prefix: str, spider: str, timeout: float) -> dict[str, Any] | None:
    """Current crawl of `spider`: id, live workers (a heartbeat within `timeout` s), queued requests, fingerprints."""
    base = f"{prefix}{spider}:"
    current = client.get(f"{base}current")
    if current is None:
        return None
    crawl = f"{base}{current.decode()}:"
    queue_type = client.type(f"{crawl}requests").decode()
    queued = {"zset": client.zcard, "list": client.llen}.get(queue_type, lambda _key: 0)(f"{crawl}requests")
    seconds, micros = client.time()  # the server's clock, as the heartbeats use
    live = client.zcount(f"{crawl}workers", seconds + micros / 1e6 - timeout, "+inf")
    return {"spider": spider, "crawl_id": current.decode(), "workers": int(live),
            "queued": int(queued), "fingerprints": int(client.scard(f"{crawl}dupefilter"))}


def crawls(settings: BaseSettings) -> list[dict[str, Any]]:
    """crawl_summary of every distributed spider, on REDIS_URL (empty without it)."""
    url = settings.get("REDIS_URL")
    if not url:
        return []
    prefix = settings.get("NEWS_CRAWL_REDIS_PREFIX") or DEFAULT_CRAWL_PREFIX
    timeout = settings.getfloat("NEWS_WORKER_TIMEOUT", 120.0)
    spiders = settings.getlist("NEWS_DISTRIBUTED_SPIDERS", list(DEFAULT_SPIDERS))
    client = redis.Redis.from_url(url)
    try:
        return [s for s in (crawl_summary(client, prefix, name, timeout) for name in spiders) if s]
    finally:
        client.close()


def gather(settings: BaseSettings) -> dict[str, Any]:
    """What `scrapy state stats` prints."""
    url = state_redis_url(settings)
    if url:
        client = redis.Redis.from_url(url)
        try:
            state = RedisState(client, prefix=settings.get("NEWS_STATE_REDIS_PREFIX") or DEFAULT_PREFIX,
                               check_server=False)
            report: dict[str, Any] = {"backend": "redis", "url": redacted(url), "prefix": state.layout.prefix,
                                      "counters": state.stats(),
                                      "redis_used_memory": int(client.info("memory")["used_memory"])}
        finally:
            client.close()
    else:
        directory = settings.get("NEWS_STATE_DIR")
        if not directory:
            raise UsageError("no state: NEWS_STATE_DIR is empty and no Redis URL is set", print_help=False)
        path = Path(directory) / STATE_FILE
        if not path.exists():  # report an empty state rather than create one
            return {"backend": "sqlite", "path": str(path), "counters": dict.fromkeys(STAT_NAMES, 0),
                    "crawls": crawls(settings)}
        with open_state(Path(directory)) as sqlite_state:
            report = {"backend": "sqlite", "path": str(sqlite_state.path), "counters": sqlite_state.stats()}
    if settings.get("REDIS_URL"):
        report["crawls"] = crawls(settings)
    return report


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "stats [--json] | clear --yes [--crawls-only] [--force]"

    def short_desc(self) -> str:
        return "Show or clear the dedupe state (SQLite or Redis) and the shared crawl queues"

    def long_desc(self) -> str:
        return ("stats: the dedupe counters and, with REDIS_URL, each spider's current shared crawl.\n"
                "clear --yes: delete the dedupe state (every article becomes new again) and the shared crawl "
                "queues and request fingerprints; --crawls-only keeps the dedupe state. Stop the workers first.")

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--json", action="store_true", help="stats: print JSON")
        parser.add_argument("--yes", action="store_true", help="clear: really delete")
        parser.add_argument("--crawls-only", action="store_true",
                            help="clear: only the shared crawl queues and request fingerprints")
        parser.add_argument("--force", action="store_true", help="clear: even while workers are alive")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if args == ["stats"]:
            self._stats(opts)
        elif args == ["clear"]:
            self._clear(opts)
        else:
            raise UsageError(f"usage: scrapy state {self.syntax()}")

    def _stats(self, opts: argparse.Namespace) -> None:
        assert self.settings is not None
        report = gather(self.settings)
        if opts.json:
            json.dump(report, sys.stdout, indent=2)
            sys.stdout.write("\n")
            return
        where = report.get("url", report.get("path"))
        print(f"backend: {report['backend']} {where}" + (f" prefix {report['prefix']!r}" if "prefix" in report else ""))
        for name, value in report["counters"].items():
            print(f"  {name:<11} {value:>12,}")
        if "redis_used_memory" in report:
            print(f"redis used_memory: {report['redis_used_memory'] / 2**20:,.1f} MiB (whole server)")
        for crawl in report.get("crawls", []):
            print(f"crawl {crawl['spider']}:{crawl['crawl_id']}: {crawl['workers']} live workers, "
                  f"{crawl['queued']:,} requests queued, {crawl['fingerprints']:,} request fingerprints")

    def _clear(self, opts: argparse.Namespace) -> None:
        assert self.settings is not None
        settings = self.settings
        targets = self._targets(settings, opts.crawls_only)
        if not targets:
            print("nothing to clear: no Redis URL is set and NEWS_STATE_DIR is empty")
            return
        live = [c for c in crawls(settings) if c["workers"]]
        if live and not opts.force:
            names = ", ".join(f"{c['spider']}:{c['crawl_id']} ({c['workers']} workers)" for c in live)
            print(f"refusing to clear while workers are alive: {names}; stop them first, or pass --force")
            self.exitcode = 1
            return
        if not opts.yes:
            print("would delete:\n  " + "\n  ".join(description for description, _ in targets)
                  + "\nrun again with --yes to delete")
            self.exitcode = 1
            return
        for description, action in targets:
            print(f"deleted {action()} keys/files: {description}")

    def _targets(self, settings: BaseSettings, crawls_only: bool) -> list[tuple[str, Any]]:
        targets: list[tuple[str, Any]] = []
        state_url = state_redis_url(settings)
        if not crawls_only and state_url:
            state_prefix = settings.get("NEWS_STATE_REDIS_PREFIX") or DEFAULT_PREFIX
            targets.append((f"dedupe state {redacted(state_url)} keys {state_prefix}*",
                            lambda: _with_client(state_url, lambda c: delete_prefix(c, state_prefix))))
        elif not crawls_only and settings.get("NEWS_STATE_DIR"):
            path = Path(settings.get("NEWS_STATE_DIR")) / STATE_FILE
            targets.append((f"dedupe state {path}", lambda: _remove_sqlite(path)))
        crawl_url = settings.get("REDIS_URL")
        if crawl_url:
            crawl_prefix = settings.get("NEWS_CRAWL_REDIS_PREFIX") or DEFAULT_CRAWL_PREFIX
            targets.append((f"shared crawls {redacted(crawl_url)} keys {crawl_prefix}*",
                            lambda: _with_client(crawl_url, lambda c: delete_prefix(c, crawl_prefix))))
        return targets


def _with_client(url: str, action: Any) -> int:
    client = redis.Redis.from_url(url)
    try:
        return int(action(client))
    finally:
        client.close()


def _remove_sqlite(path: Path) -> int:
    removed = 0
    for suffix in SQLITE_SUFFIXES:
        target = path.with_name(path.name + suffix)
        if target.exists():
            target.unlink()
            removed += 1
    return removed
