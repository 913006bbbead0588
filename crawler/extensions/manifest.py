"""Run manifest: JSON beside the run's output with counts, field coverage, drops, errors, version and monitors."""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import logging
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FeedExporter

import crawler
from crawler.extensions.progress import source_stats
from crawler.feeds import uri_params_for
from crawler.items import article_fields
from crawler.redaction import install_log_redaction, redact_data, secret_values

logger = logging.getLogger(__name__)

MANIFEST_VERSION = 1
PLACEHOLDER_KEYS = ("run_id", "day", "name", "time")
# Settings copied into the manifest (redacted): how this run was configured.
RECORDED_SETTINGS = ("JOBDIR", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_DELAY",
                     "AUTOTHROTTLE_ENABLED", "DOWNLOAD_TIMEOUT", "DOWNLOAD_MAXSIZE", "RETRY_TIMES", "ROBOTSTXT_OBEY")
READ_CHUNK = 1 << 20
AUTO = "auto"  # NEWS_MANIFEST: beside the first local feed
FEED_SUFFIX = re.compile(r"(\.(jsonl|jl|json|csv|xml|ndjson))?(\.(gz|bz2|xz|lzma))?$")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def git_commit(start: Path | None = None) -> str | None:
    """The commit checked out where the package lives, read from .git without running git (absent in
    scrapyd eggs and containers)."""
    folder = (start or Path(crawler.__file__)).resolve().parent
    for candidate in (folder, *folder.parents):
        git = candidate / ".git"
        if git.is_file():  # a worktree: "gitdir: <path>"
            git = (candidate / git.read_text().split(":", 1)[1].strip()).resolve()
        if not git.is_dir():
            continue
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head or None
        ref = head[5:]
        if (git / ref).is_file():
            return (git / ref).read_text().strip() or None
        packed = git / "packed-refs"
        if packed.is_file():
            for line in packed.read_text().splitlines():
                if line.endswith(" " + ref):
                    return line.split(" ", 1)[0]
        return None  # a branch without commits yet
    return None


def code_version() -> dict[str, Any]:
    return {"package": crawler.__version__, "git_commit": git_commit(), "scrapy": scrapy.__version__}


def _open_text(path: Path) -> IO[str]:
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def summarize_output(path: Path, fields: tuple[str, ...]) -> dict[str, Any]:
    """What a JSON Lines output file holds: records per source, how many have each field, unreadable lines."""
    summary: dict[str, Any] = {"path": str(path), "exists": path.exists(), "records": 0, "invalid_lines": 0,
                               "bytes": 0, "sha256": None, "per_source": {}, "present": {}}
    if not path.exists():
        return summary
    digest = hashlib.sha256()
    with path.open("rb") as raw:
        while chunk := raw.read(READ_CHUNK):
            digest.update(chunk)
    summary.update(bytes=path.stat().st_size, sha256=digest.hexdigest())
    with _open_text(path) as lines:
        for line in lines:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                summary["invalid_lines"] += 1
                continue
            key = str(record.get("source") or "?")
            summary["records"] += 1
            summary["per_source"][key] = summary["per_source"].get(key, 0) + 1
            present = summary["present"].setdefault(key, dict.fromkeys(fields, 0))
            for field in fields:
                if record.get(field) not in (None, "", [], {}):
                    present[field] += 1
    return summary


def field_coverage(outputs: list[dict[str, Any]], dropped: dict[str, dict[str, int]],
                   fields: tuple[str, ...]) -> dict[str, Any]:
    """Share of extracted articles having each field. Records dropped for lacking a title or a body were
    extracted too: they count as missing it (a drop for no_body had a title, the validator checks the title
    first). Other drops (duplicates, too short, off-topic) are not extraction failures and are left out."""
    present: dict[str, dict[str, int]] = {}
    records: dict[str, int] = {}
    for output in outputs:
        for key, counts in output["present"].items():
            into = present.setdefault(key, dict.fromkeys(fields, 0))
            for field, n in counts.items():
                into[field] += n
        for key, n in output["per_source"].items():
            records[key] = records.get(key, 0) + n

    def rates(key_records: int, key_present: dict[str, int], no_title: int, no_body: int) -> dict[str, float]:
        articles = key_records + no_title + no_body
        result = {f: round(key_present.get(f, 0) / key_records, 4) if key_records else 0.0 for f in fields}
        if articles:
            result["title"] = round((key_present.get("title", 0) + no_body) / articles, 4)
            result["body"] = round(key_present.get("body", 0) / articles, 4)
        return result

    per_source = {}
    totals = {"records": 0, "no_title": 0, "no_body": 0}
    total_present = dict.fromkeys(fields, 0)
    for key in sorted(set(records) | {k for k, reasons in dropped.items() if reasons}):
        no_title, no_body = dropped.get(key, {}).get("no_title", 0), dropped.get(key, {}).get("no_body", 0)
        per_source[key] = rates(records.get(key, 0), present.get(key, {}), no_title, no_body)
        totals["records"] += records.get(key, 0)
        totals["no_title"] += no_title
        totals["no_body"] += no_body
        for field, n in present.get(key, {}).items():
            total_present[field] += n
    return {"articles": totals["records"] + totals["no_title"] + totals["no_body"], "records": totals["records"],
            "overall": rates(totals["records"], total_present, totals["no_title"], totals["no_body"]),
            "per_source": per_source}


def beside_feed(feeds: dict[str, Any]) -> str | None:
    """The manifest template beside the first local feed: `<feed without extension>.manifest.json`."""
    for uri in feeds:
        if "://" in uri and not uri.startswith("file://"):
            continue
        path = uri.removeprefix("file://")
        name = FEED_SUFFIX.sub("", Path(path).name) or "run"
        return str(Path(path).with_name(name + ".manifest.json"))
    return None


def manifest_glob(template: str) -> str:
    return template % {k: "*" for k in PLACEHOLDER_KEYS}


def recent_manifests(pattern: str, spider: str, run_id: str, limit: int) -> list[dict[str, Any]]:
    """The last `limit` manifests (files matching the glob `pattern`) of earlier runs of this spider, oldest first."""
    found = []
    for name in glob.glob(pattern):
        try:
            data = json.loads(Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if data.get("spider") == spider and data.get("run_id") != run_id:
            found.append(data)
    found.sort(key=lambda m: str(m.get("started_at", "")))
    return found[-limit:] if limit > 0 else []


def write_atomic(path: Path, text: str) -> None:
    """Write to a hidden temporary name, fsync, rename: readers see the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    with tmp.open("w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def _prefixed(stats: dict[str, Any], prefix: str) -> dict[str, Any]:
    return {k[len(prefix):]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}


class RunManifest:
    """Writes NEWS_MANIFEST (FEEDS placeholders) when the engine stops, after the feeds are stored, then runs the
    monitors (crawler.extensions.monitors) and records their verdict in the manifest and the stats."""

    def __init__(self, crawler: Crawler, template: str) -> None:
        self.crawler = crawler
        self.template = template
        self.path: Path | None = None
        self.feeds: list[Path] = []
        self.started_at = crawler.settings.get("NEWS_RUN_STARTED_AT") or _now()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunManifest:
        template = crawler.settings.get("NEWS_MANIFEST")
        if template == AUTO:
            template = beside_feed(crawler.settings.getdict("FEEDS"))
        if not template:
            raise NotConfigured
        # Under `scrapy crawl` and scrapyd, mask secrets in the log from here on (crawler.run does it earlier,
        # before Scrapy logs its overridden settings).
        install_log_redaction()
        ext = cls(crawler, template)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def spider_opened(self, spider: Any = None) -> None:
        # Fixed when the run starts, as the feed paths are: a run crossing midnight stays in one folder.
        self.path = Path(self.template % uri_params_for(self.crawler))
        exporters = [e for e in self.crawler.extensions.middlewares if isinstance(e, FeedExporter)]
        for exporter in exporters:
            for slot in exporter.slots:
                path = getattr(slot.storage, "path", None)
                if path:
                    self.feeds.append(Path(path))

    def engine_stopped(self) -> None:
        if self.path is None or self.crawler.spider is None:
            return
        manifest = self.build()
        if self.crawler.settings.getbool("NEWS_MONITORS_ENABLED", True):
            from crawler.extensions.monitors import run_monitors

            pattern = self.crawler.settings.get("NEWS_MANIFEST_HISTORY") or manifest_glob(self.template)
            history = recent_manifests(pattern, manifest["spider"], manifest["run_id"],
                                       self.crawler.settings.getint("NEWS_MONITOR_HISTORY", 5))
            manifest["monitors"] = run_monitors(self.crawler, manifest, history)
            manifest["monitors"]["history_runs"] = [m.get("run_id") for m in history]
            failures = manifest["monitors"]["failures"]
            self.crawler.stats.set_value("news/monitors/failed", len(failures))
            for failure in failures:
                logger.error("Monitor failed: %s: %s", failure["monitor"], failure["message"])
        text = json.dumps(redact_data(manifest, secret_values()), ensure_ascii=False, indent=1, default=str)
        write_atomic(self.path, text)
        self.crawler.stats.set_value("news/manifest", str(self.path))
        logger.info("Run manifest: %s (%d records)", self.path, manifest["totals"]["records"])

    def build(self) -> dict[str, Any]:
        crawler, spider = self.crawler, self.crawler.spider
        stats: dict[str, Any] = crawler.stats.get_stats()
        fields = article_fields()
        outputs = [summarize_output(path, fields) for path in self.feeds]
        tallies = source_stats(stats)
        dropped = {key: {k.split("/", 1)[1]: int(v) for k, v in counts.items() if k.startswith("dropped/")}
                   for key, counts in tallies.items()}
        records: dict[str, int] = {}
        for output in outputs:
            for key, n in output["per_source"].items():
                records[key] = records.get(key, 0) + n
        selected = sorted(getattr(spider, "sources", {}) or {})
        per_source = {}
        for key in sorted(set(tallies) | set(records) | set(selected)):
            counts = {k: v for k, v in tallies.get(key, {}).items() if "/" not in k}
            counts["records"] = records.get(key, 0)  # the file, across resumed attempts, is authoritative
            downloads = int(counts.get("downloads", 0))
            counts["error_rate"] = round(int(counts.get("errors", 0)) / downloads, 4) if downloads else 0.0
            counts["dropped_by_reason"] = dropped.get(key, {})
            counts["errors_by_status"] = {k.split("/", 1)[1]: v for k, v in tallies.get(key, {}).items()
                                          if k.startswith("status/")}
            per_source[key] = counts
        downloads = sum(int(c.get("downloads", 0)) for c in per_source.values())
        errors = sum(int(c.get("errors", 0)) for c in per_source.values())
        finished = datetime.now(UTC)
        started = datetime.fromisoformat(self.started_at)
        status_counts = _prefixed(stats, "downloader/response_status_count/")
        return {
            "manifest_version": MANIFEST_VERSION,
            "run_id": uri_params_for(crawler)["run_id"],
            "spider": spider.name,
            "selection": {k: getattr(spider, a, None) for k, a in (("sources", "source_keys"), ("country", "country"))}
            | {"since": str(getattr(spider, "since", None) or "") or None},
            "sources_selected": selected,
            "started_at": self.started_at,
            "attempt_started_at": stats["start_time"].isoformat() if "start_time" in stats else None,
            "finished_at": finished.isoformat(timespec="seconds"),
            "duration_seconds": round((finished - started).total_seconds(), 1),
            "attempts": crawler.settings.getint("NEWS_RUN_ATTEMPT", 1),
            "finish_reason": stats.get("finish_reason"),
            "code_version": code_version(),
            "outputs": [{k: v for k, v in o.items() if k not in ("per_source", "present")} for o in outputs],
            "totals": {"records": sum(records.values()), "downloads": downloads, "errors": errors,
                       "error_rate": round(errors / downloads, 4) if downloads else 0.0,
                       **{name: sum(int(c.get(name, 0)) for c in per_source.values())
                          for name in ("article_links", "article_fetches", "pages", "dropped")}},
            "per_source": per_source,
            "field_coverage": field_coverage(outputs, dropped, fields),
            "drops": _prefixed(stats, "news/dropped/"),
            "http_errors": {k: v for k, v in status_counts.items() if k.isdigit() and int(k) >= 400},
            "http_status_counts": status_counts,
            "download_exceptions": _prefixed(stats, "downloader/exception_type_count/"),
            "retries": _prefixed(stats, "retry/") | _prefixed(stats, "news/retry_after/"),
            "safety": _prefixed(stats, "news/safety/blocked/"),
            "robots": _prefixed(stats, "robotstxt/"),
            "skipped_seen": stats.get("news/skipped/seen", 0),
            "settings": {name: crawler.settings.get(name) for name in sorted(crawler.settings.attributes)
                         if name.startswith("NEWS_") or name in RECORDED_SETTINGS},
        }
