"""Crawler traps (calendars, repeating path segments, ever-longer URLs) stay bounded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from crawler.middlewares.safety import TrapLimits, trap_reason
from tests.fault_spiders import FaultRun, run_fault
from tests.faultserver import FaultServer, serve

LIMITS = TrapLimits()


@pytest.fixture(scope="module")
def traps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FaultServer, FaultRun, date]]:
    today = datetime.now(UTC).date()
    with serve() as server:
        starts = [server.url(f"/calendar/{today.year}/{today.month:02d}/"), server.url("/trap/"),
                  server.url("/long/")]
        settings = {"NEWS_ALLOWED_PRIVATE_HOSTS": [server.netloc], "NEWS_CALENDAR_MIN_YEAR": today.year - 1,
                    "ROBOTSTXT_OBEY": False}
        run = run_fault(tmp_path_factory.mktemp("traps"), "fault_follow", settings, urls=",".join(starts))
        yield server, run, today


def test_calendar_is_bounded(traps: tuple[FaultServer, FaultRun, date]) -> None:
    server, run, today = traps
    pages = server.hits_for("/calendar/")
    # every month from January of last year to this month, plus next month on the last day of a month
    assert 12 + today.month <= len(pages) <= 13 + today.month, len(pages)
    assert run.stats["news/safety/blocked/calendar_out_of_range"] >= 2  # one step too far back, one forward


def test_repeating_path_segments_are_bounded(traps: tuple[FaultServer, FaultRun, date]) -> None:
    server, run, _ = traps
    paths = [h.path for h in server.hits_for("/trap/")]
    # /trap/ followed by every sequence of `loop` and `more` using each at most twice: 19 paths
    assert len(paths) == 19, paths
    assert max(p.count("/loop/") for p in paths) == 2
    assert run.stats["news/safety/blocked/repeated_segment"] > 0


def test_ever_longer_urls_are_bounded(traps: tuple[FaultServer, FaultRun, date]) -> None:
    server, run, _ = traps
    urls = [server.url(h.path) for h in server.hits_for("/long/")]
    assert max(len(u) for u in urls) <= LIMITS.max_url_length
    assert len(urls) <= LIMITS.max_url_length // 200 + 1, len(urls)
    # Links are cut by Scrapy's UrlLengthMiddleware (same limit); redirects by ours (test_faults_redirects).
    cut = run.stats.get("urllength/request_ignored_count", 0) + run.stats.get("news/safety/blocked/url_too_long", 0)
    assert cut == 1
    assert run.stats["finish_reason"] == "finished"  # ended by itself, not by the CLOSESPIDER safety net


def test_trap_reason_rules() -> None:
    today = date(2026, 5, 10)
    ok = ["https://kloop.kg/blog/2026/05/09/title/", "https://x.kz/news/2024/11/11/11-11-story",
          "https://x.uz/archive?date=2026-05-11", "https://x.kg/a/b/a/b", "https://x.tj/news/1234567"]
    assert [trap_reason(u, LIMITS, today) for u in ok] == [None] * len(ok)
    assert trap_reason("https://x.kz/calendar/2026/06/", LIMITS, today) == "calendar_out_of_range"
    assert trap_reason("https://x.kz/events?year=1985&month=2", LIMITS, today) == "calendar_out_of_range"
    assert trap_reason("https://x.kz/day?d=20260512", LIMITS, today) == "calendar_out_of_range"
    assert trap_reason("https://x.kz/a/b/a/b/a", LIMITS, today) == "repeated_segment"
    assert trap_reason("https://x.kz/" + "/".join(f"s{i}" for i in range(21)), LIMITS, today) == "path_too_deep"
    assert trap_reason("https://x.kz/" + "q" * 2100, LIMITS, today) == "url_too_long"
