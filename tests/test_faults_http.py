"""HTTP faults: Retry-After (429/503, capped, per slot), 5xx bursts, resets, stalls after headers, DNS failures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import pytest

from crawler.middlewares.retry_after import retry_after_seconds
from tests.fault_spiders import FaultRun, run_fault
from tests.faultserver import FaultServer, Hit, serve

RETRY_AFTER_CAP = 3.0
TIMEOUT = 2.0
B_PAGES = 10
B_DELAY = 0.4


@pytest.fixture(scope="module")
def http_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FaultServer, FaultRun]]:
    """One crawl over every HTTP fault; slots: one per Retry-After case, `b` for the bystander pages."""
    with serve() as server:
        urls = {
            "ra429": server.url("/retry-after/429/2/a"),
            "ra503date": server.url("/retry-after/503/date+3/d"),
            "racap": server.url("/retry-after/429/3600/c"),
            "burst": server.url("/burst/2/x"),
            "always": server.url("/always/504/y"),
            "reset": server.url("/reset/z"),
            "stall": server.url("/stall/s"),
            "dns": "http://news.invalid/page",
        }
        bystanders = [server.url(f"/page/b{i}") for i in range(B_PAGES)]
        slots = {urls["ra429"]: "a", urls["ra503date"]: "d", urls["racap"]: "c", server.url("/page/b"): "b"}
        settings: dict[str, Any] = {
            "NEWS_ALLOWED_PRIVATE_HOSTS": [server.netloc], "NEWS_RETRY_AFTER_MAX": RETRY_AFTER_CAP,
            "DOWNLOAD_TIMEOUT": TIMEOUT, "RETRY_TIMES": 2, "ROBOTSTXT_OBEY": False,  # robots: test_faults_robots
            "DOWNLOAD_SLOTS": {"b": {"delay": B_DELAY, "concurrency": 1, "jitter": 0}},
        }
        run = run_fault(tmp_path_factory.mktemp("http"), "fault_fetch", settings,
                        urls=",".join([*urls.values(), *bystanders]), slots=json.dumps(slots))
        run.urls = urls  # type: ignore[attr-defined]
        yield server, run


def _waits(hits: list[Hit]) -> float:
    """Seconds between the refusal being sent and the retry arriving."""
    assert len(hits) == 2, [h.path for h in hits]
    assert hits[0].ended is not None
    return hits[1].started - hits[0].ended


def test_retry_after_parsing() -> None:
    now = datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Fri, 01 May 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Fri, 01 May 2026 11:00:00 GMT", now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_429_retry_after_waits_and_other_slots_go_on(http_run: tuple[FaultServer, FaultRun]) -> None:
    server, run = http_run
    hits = server.hits_for("/retry-after/429/2/")
    wait = _waits(hits)
    assert 2.0 <= wait < 2.0 + 1.0, wait
    assert run.result(run.urls["ra429"])["status"] == 200  # type: ignore[attr-defined]
    # The bystander slot kept fetching while slot `a` was paused.
    paused_from, paused_to = hits[0].ended, hits[1].started
    during = [h for h in server.hits_for("/page/b") if paused_from <= h.started <= paused_to]
    assert len(during) >= 3, len(during)


def test_503_retry_after_http_date_waits_until_that_date(http_run: tuple[FaultServer, FaultRun]) -> None:
    server, run = http_run
    hits = server.hits_for("/retry-after/503/")
    _waits(hits)
    until = parsedate_to_datetime(hits[0].sent_headers["Retry-After"]).timestamp()
    assert hits[1].wall >= until - 0.05, (hits[1].wall, until)
    assert hits[1].wall - until < 1.5
    assert run.stats["news/retry_after/status/503"] == 1


def test_retry_after_is_capped(http_run: tuple[FaultServer, FaultRun]) -> None:
    server, run = http_run
    wait = _waits(server.hits_for("/retry-after/429/3600/"))
    assert RETRY_AFTER_CAP <= wait < RETRY_AFTER_CAP + 1.0, wait
    assert run.stats["news/retry_after/capped"] == 1
    assert run.stats["news/retry_after/max_wait"] == RETRY_AFTER_CAP


def test_5xx_burst_is_retried_then_succeeds(http_run: tuple[FaultServer, FaultRun]) -> None:
    server, run = http_run
    assert [h.status for h in server.hits_for("/burst/2/x")] == [500, 502, 200]
    assert run.result(run.urls["burst"])["status"] == 200  # type: ignore[attr-defined]


def test_persistent_5xx_is_retried_then_counted(http_run: tuple[FaultServer, FaultRun]) -> None:
    server, run = http_run
    assert len(server.hits_for("/always/504/")) == 3  # first try + RETRY_TIMES
    assert run.result(run.urls["always"])["error"] == "HttpError"  # type: ignore[attr-defined]
    assert run.stats["downloader/response_status_count/504"] == 3
    assert run.stats["retry/max_reached"] >= 1


def test_connection_reset_is_retried_then_counted(http_run: tuple[FaultServer, FaultRun]) -> None:
    server, run = http_run
    assert len(server.hits_for("/reset/")) == 3
    assert "error" in run.result(run.urls["reset"])  # type: ignore[attr-defined]
    lost = {k: v for k, v in run.stats.items() if k.startswith("downloader/exception_type_count/")
            and ("ResponseFailed" in k or "ConnectionLost" in k or "ConnectionDone" in k or "DataLoss" in k
                 or "DownloadFailed" in k)}
    assert sum(lost.values()) >= 3, run.stats


def test_stall_after_headers_times_out_per_attempt(http_run: tuple[FaultServer, FaultRun]) -> None:
    server, run = http_run
    hits = server.hits_for("/stall/")
    assert len(hits) == 3
    for hit in hits:
        assert hit.aborted and hit.duration is not None
        assert TIMEOUT - 0.2 <= hit.duration < TIMEOUT + 1.0, hit.duration
    assert run.result(run.urls["stall"])["error"] in ("DownloadTimeoutError", "TimeoutError")  # type: ignore[attr-defined]


def test_dns_failure_is_retried_then_counted_and_the_run_finishes(http_run: tuple[FaultServer, FaultRun]) -> None:
    _, run = http_run
    assert run.result(run.urls["dns"])["error"] in ("CannotResolveHostError", "DNSLookupError")  # type: ignore[attr-defined]
    dns = sum(v for k, v in run.stats.items() if k.startswith("downloader/exception_type_count/")
              and ("Resolve" in k or "DNS" in k))
    assert dns == 3
    assert run.stats["finish_reason"] == "finished"
    assert len(run.results) == 8 + B_PAGES
    assert run.elapsed < 20, run.elapsed
    assert run.tripwire == []
