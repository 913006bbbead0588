"""Sitemaps and feeds through the real `news` spider: a gzipped sitemap bomb is dropped fast and small; XML
external entities and billion-laughs payloads leak no file content, fetch nothing and do not blow up."""

from __future__ import annotations

import time
import tracemalloc
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.discovery import parse_feed, parse_sitemap
from tests import faultpayloads as payloads
from tests.fault_spiders import FaultRun, run_fault
from tests.faultserver import FaultServer, serve

MAX_SECONDS = 2.0
MAX_RSS_MIB = 200


@pytest.fixture(scope="module")
def xml_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("xml")
    token = f"SECRET-{uuid.uuid4().hex}"
    secret = tmp / "secret.txt"
    secret.write_text(token + "\n")
    with serve() as server:
        server.state.secret_path = str(secret)
        payloads.sitemap_bomb(server.base_url)  # build before the crawl, so the server answers at once
        feeds = [server.url("/xxe/feed.xml"), server.url("/laughs/feed.xml")]
        sitemaps = [server.url(p) for p in ("/sitemap-bomb.xml.gz", "/xxe/sitemap.xml", "/laughs/sitemap.xml")]
        settings = {"NEWS_ALLOWED_PRIVATE_HOSTS": [server.netloc], "ROBOTSTXT_OBEY": False, "NEWS_STATE_DIR": ""}
        run = run_fault(tmp, "fault_news", settings, feeds=",".join(feeds), sitemaps=",".join(sitemaps))
        yield {"server": server, "run": run, "token": token, "secret": secret}


def test_gzipped_sitemap_bomb_is_dropped_fast_and_small(xml_run: dict[str, Any]) -> None:
    server: FaultServer = xml_run["server"]
    run: FaultRun = xml_run["run"]
    outcome = run.result(server.url("/sitemap-bomb.xml.gz"))
    assert outcome["parse_seconds"] < MAX_SECONDS, outcome["parse_seconds"]
    assert outcome["links"] == []
    assert run.stats["news/discovery/sitemap/unreadable"] == 1
    assert run.max_rss_mib < MAX_RSS_MIB, run.max_rss_mib


def test_external_entities_leak_nothing_and_fetch_nothing(xml_run: dict[str, Any]) -> None:
    server: FaultServer = xml_run["server"]
    run: FaultRun = xml_run["run"]
    token = xml_run["token"]
    assert server.hits_for("/callback") == []  # neither the network entity nor the external DTD was fetched
    assert not any(token in hit.path for hit in server.hits)
    assert token not in run.log and token not in str(run.results)
    for path in ("/xxe/feed.xml", "/xxe/sitemap.xml"):
        outcome = run.result(server.url(path))
        assert outcome["parse_seconds"] < MAX_SECONDS
        assert any(link.endswith("-plain") for link in outcome["links"])  # the harmless entries still count
        assert not any(str(xml_run["secret"]) in link for link in outcome["links"])


def test_billion_laughs_does_not_blow_up(xml_run: dict[str, Any]) -> None:
    server: FaultServer = xml_run["server"]
    run: FaultRun = xml_run["run"]
    for path in ("/laughs/feed.xml", "/laughs/sitemap.xml"):
        outcome = run.result(server.url(path))
        assert outcome["parse_seconds"] < MAX_SECONDS
        assert all(len(link) < 200 for link in outcome["links"]), outcome["links"]
    assert run.stats["finish_reason"] == "finished"
    assert run.tripwire == []


@pytest.mark.parametrize("kind", ["sitemap", "feed"])
def test_parsers_on_hostile_xml_allocate_little(kind: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET\n")
    base, callback = "http://news.example", "http://127.0.0.1:9/callback"
    if kind == "sitemap":
        bodies = [payloads.xxe_sitemap(base, str(secret), callback), payloads.laughs_sitemap(base)]
        links = lambda body: [link.url for link in parse_sitemap(body).links]  # noqa: E731
    else:
        bodies = [payloads.xxe_feed(base, str(secret), callback), payloads.laughs_feed(base)]
        links = lambda body: [link.url for link in parse_feed(body)]  # noqa: E731
    tracemalloc.start()
    started = time.monotonic()
    found = [url for body in bodies for url in links(body)]
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 0.5 and peak < 5 * payloads.MIB, (elapsed, peak)
    assert not any("TOP-SECRET" in url or "lollol" in url for url in found), found
