"""robots.txt: Disallow respected, 404 = allow, 5xx = disallow (RFC 9309), Crawl-delay honoured."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from tests.fault_spiders import FaultRun, run_fault
from tests.faultserver import FaultServer, serve

CRAWL_DELAY = 1.0
DELAYED_PAGES = 5
PRIVATE_PAGES = 5  # requested together: Scrapy 2.19 let all but the first two through (see RobotsMiddleware)


@pytest.fixture(scope="module")
def robots_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, FaultServer], FaultRun]]:
    with ExitStack() as stack:
        servers = {mode: stack.enter_context(serve(robots=mode))
                   for mode in ("disallow", "404", "500", f"crawl-delay:{CRAWL_DELAY:g}")}
        urls = [*(servers["disallow"].url(f"/private/{i}") for i in range(PRIVATE_PAGES)),
                servers["disallow"].url("/page/ok"),
                servers["404"].url("/page/x"), servers["500"].url("/page/x"),
                *(servers[f"crawl-delay:{CRAWL_DELAY:g}"].url(f"/page/d{i}") for i in range(DELAYED_PAGES))]
        slots = {s.base_url: mode for mode, s in servers.items()}  # one download slot per site
        settings: dict[str, Any] = {
            "NEWS_ALLOWED_PRIVATE_HOSTS": [s.netloc for s in servers.values()],
            # AutoThrottle as in production, starting fast: without the crawl-delay floor it would go ~0.1 s apart.
            "AUTOTHROTTLE_ENABLED": True, "AUTOTHROTTLE_START_DELAY": 0.1, "DOWNLOAD_TIMEOUT": 5,
        }
        run = run_fault(tmp_path_factory.mktemp("robots"), "fault_fetch", settings, urls=",".join(urls),
                        slots=json.dumps(slots))
        yield servers, run


def test_disallow_is_respected_for_concurrent_requests(robots_run: tuple[dict[str, FaultServer], FaultRun]) -> None:
    servers, run = robots_run
    site = servers["disallow"]
    assert site.hits_for("/private/") == []
    assert len(site.hits_for("/page/ok")) == 1
    assert all(run.result(site.url(f"/private/{i}"))["message"] == "Forbidden by robots.txt"
               for i in range(PRIVATE_PAGES))
    assert run.stats["robotstxt/forbidden"] == PRIVATE_PAGES + 1  # and the page of the 5xx site


def test_robots_404_allows_everything(robots_run: tuple[dict[str, FaultServer], FaultRun]) -> None:
    servers, run = robots_run
    assert run.result(servers["404"].url("/page/x"))["status"] == 200
    assert run.stats["robotstxt/response_status_count/404"] == 1


def test_robots_5xx_disallows_everything(robots_run: tuple[dict[str, FaultServer], FaultRun]) -> None:
    servers, run = robots_run
    site = servers["500"]
    assert site.hits_for("/page/") == []
    assert len(site.hits_for("/robots.txt")) == 3  # retried like any 5xx, then taken as "disallow all"
    assert run.stats["robotstxt/disallow_all/500"] == 1
    assert run.result(site.url("/page/x"))["message"] == "Forbidden by robots.txt"


def test_crawl_delay_is_honoured(robots_run: tuple[dict[str, FaultServer], FaultRun]) -> None:
    servers, run = robots_run
    hits = servers[f"crawl-delay:{CRAWL_DELAY:g}"].hits_for("/page/")
    assert len(hits) == DELAYED_PAGES
    gaps = [b.started - a.started for a, b in zip(hits, hits[1:], strict=False)]
    assert min(gaps) >= CRAWL_DELAY - 0.05, gaps
    assert max(gaps) < 2 * CRAWL_DELAY, gaps  # the floor stays close to the Crawl-delay
    assert run.stats["robotstxt/crawl_delay_max"] == CRAWL_DELAY
    assert run.tripwire == []
