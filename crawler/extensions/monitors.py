"""Post-run monitors on spidermon: silent sources, field coverage, error rates and the finish reason.

They judge the run manifest (crawler.extensions.manifest), which is built after the feed is closed and holds
what spidermon's own stats-based monitors cannot see: per-source counts read from the output file and the
manifests of recent runs. The manifest extension runs this suite with spidermon's runner, which logs each
check; failures go into the manifest and make `python -m crawler.run` exit non-zero.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from spidermon import MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors.base import BaseScrapyMonitor
from spidermon.contrib.scrapy.monitors.monitors import FinishReasonMonitor
from spidermon.contrib.scrapy.runners import LOG_MESSAGE_HEADER, SpiderMonitorResult, SpiderMonitorRunner

logger = logging.getLogger(__name__)

DEFAULT_COVERAGE = {"title": 0.99, "body": 0.95, "published_at": 0.90}
DEFAULT_MAX_ERROR_RATE = 0.2
DEFAULT_MIN_ARTICLES = 20  # fewer extracted articles than this: coverage is too noisy to judge
DEFAULT_MIN_DOWNLOADS = 10  # per-source error rates are judged from this many downloads on


def silent_sources(manifest: dict[str, Any], history: list[dict[str, Any]]) -> list[str]:
    """Sources of this run that exported records in recent runs and none now. Not silent: a source whose every
    article link was already known, i.e. skipped as exported before or fetched and dropped as a duplicate
    (a quiet news day). Silent: no article link found at all, or new articles that all failed."""
    messages = []
    for key in manifest.get("sources_selected") or sorted(manifest.get("per_source", {})):
        now = manifest.get("per_source", {}).get(key, {})
        before = [int(run.get("per_source", {}).get(key, {}).get("records", 0)) for run in history]
        if not sum(before) or int(now.get("records", 0)) > 0:
            continue
        links, fetches = int(now.get("article_links", 0)), int(now.get("article_fetches", 0))
        duplicates = sum(int(n) for reason, n in now.get("dropped_by_reason", {}).items()
                         if reason.startswith("duplicate"))
        if links > 0 and fetches <= duplicates:
            continue
        messages.append(f"{key}: 0 records now, {sum(before)} in the last {len(before)} runs (article links "
                        f"{links}, fetched {fetches}, duplicates {duplicates}, errors {int(now.get('errors', 0))})")
    return messages


def low_coverage(coverage: dict[str, Any], thresholds: dict[str, float]) -> list[str]:
    rates = coverage.get("overall", {})
    return [f"{field} {rates.get(field, 0.0):.1%} < {minimum:.0%}" for field, minimum in thresholds.items()
            if rates.get(field, 0.0) < minimum]


def high_error_rates(manifest: dict[str, Any], max_rate: float, min_downloads: int) -> list[str]:
    messages = []
    totals = manifest.get("totals", {})
    if totals.get("downloads") and totals.get("error_rate", 0.0) > max_rate:
        messages.append(f"overall {totals['error_rate']:.1%} of {totals['downloads']} downloads > {max_rate:.0%}")
    for key, counts in sorted(manifest.get("per_source", {}).items()):
        if int(counts.get("downloads", 0)) >= min_downloads and counts.get("error_rate", 0.0) > max_rate:
            messages.append(f"{key} {counts['error_rate']:.1%} of {counts['downloads']} downloads > {max_rate:.0%}")
    return messages


class ManifestMonitor(BaseScrapyMonitor):
    """Base: the manifest and recent manifests are in the runner data."""

    @property
    def manifest(self) -> dict[str, Any]:
        return self.data.manifest

    @property
    def history(self) -> list[dict[str, Any]]:
        return self.data.history


@monitors.name("Sources")
class SourceSilenceMonitor(ManifestMonitor):
    @monitors.name("No source that exported records in recent runs is silent")
    def test_no_silent_source(self) -> None:
        silent = silent_sources(self.manifest, self.history)
        self.assertFalse(silent, msg="silent sources: " + "; ".join(silent))


@monitors.name("Field coverage")
class FieldCoverageMonitor(ManifestMonitor):
    @monitors.name("Title, body and date coverage at or above NEWS_MONITOR_FIELD_COVERAGE")
    def test_field_coverage(self) -> None:
        coverage = self.manifest.get("field_coverage", {})
        minimum = self.crawler.settings.getint("NEWS_MONITOR_MIN_ARTICLES", DEFAULT_MIN_ARTICLES)
        if int(coverage.get("articles", 0)) < minimum:
            self.skipTest(f"{coverage.get('articles', 0)} articles, fewer than NEWS_MONITOR_MIN_ARTICLES={minimum}")
        thresholds = self.crawler.settings.getdict("NEWS_MONITOR_FIELD_COVERAGE") or DEFAULT_COVERAGE
        low = low_coverage(coverage, {k: float(v) for k, v in thresholds.items()})
        self.assertFalse(low, msg="low field coverage: " + "; ".join(low))


@monitors.name("Error rates")
class ErrorRateMonitor(ManifestMonitor):
    @monitors.name("Download error rates at or below NEWS_MONITOR_MAX_ERROR_RATE")
    def test_error_rates(self) -> None:
        settings = self.crawler.settings
        high = high_error_rates(self.manifest, settings.getfloat("NEWS_MONITOR_MAX_ERROR_RATE", DEFAULT_MAX_ERROR_RATE),
                                settings.getint("NEWS_MONITOR_MIN_DOWNLOADS", DEFAULT_MIN_DOWNLOADS))
        self.assertFalse(high, msg="high error rates: " + "; ".join(high))


class NewsMonitorSuite(MonitorSuite):
    monitors = [FinishReasonMonitor, SourceSilenceMonitor, FieldCoverageMonitor, ErrorRateMonitor]


class _LoggerResult(SpiderMonitorResult):
    """spidermon logs through Spider.log(), deprecated in Scrapy 2.19: same lines through a module logger."""

    def log(self, msg: Any, level: int = logging.DEBUG) -> None:
        logger.log(level, "[%s] %s", LOG_MESSAGE_HEADER, msg)


class _Runner(SpiderMonitorRunner):
    def create_result(self) -> SpiderMonitorResult:
        return _LoggerResult(self.spider)


def _last_line(error: Any) -> str:
    lines = [line for line in str(error or "").strip().splitlines() if line.strip()]
    message = lines[-1] if lines else ""
    return message.removeprefix("AssertionError: ")


def run_monitors(crawler: Crawler, manifest: dict[str, Any], history: list[dict[str, Any]]) -> dict[str, Any]:
    """Run the suite; {"passed", "failures": [{"monitor", "message"}], "skipped": [...], "checked": [...]}."""
    runner = _Runner(spider=crawler.spider)
    result = runner.run(NewsMonitorSuite(crawler=crawler), stats=crawler.stats.get_stats(), crawler=crawler,
                        spider=crawler.spider, manifest=manifest, history=history, stats_history=[], job=None)
    failures = [{"monitor": r.item.name, "message": _last_line(r.error)} for r in result.monitors_failed_results]
    skipped = [{"monitor": r.item.name, "reason": r.reason} for r in result.monitor_results
               if r.status == "SKIPPED"]
    return {"passed": not failures, "failures": failures, "skipped": skipped,
            "checked": [r.item.name for r in result.monitor_results]}
