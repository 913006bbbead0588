"""Hostile bodies: huge pages and compression bombs are dropped fast and small; legacy charsets decode exactly;
malformed HTML raises nothing."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from typing import Any

import pytest

from crawler.extraction import decode_html, page_article
from tests import faultpayloads as payloads
from tests.fault_spiders import FaultRun, run_fault
from tests.faultserver import FaultServer, serve

MAX_SECONDS = 2.0
MAX_RSS_MIB = 200
BIG = ("/big/50", "/big/50/nolength")
BOMBS = ("/bomb/gzip", "/bomb/deflate", "/bomb/br", "/bomb/zstd")
CHARSETS = [(enc, mode) for enc in ("cp1251", "koi8-r") for mode in ("none", "wrong", "meta")]
MALFORMED = ("nul", "deep", "unclosed")


@pytest.fixture(scope="module")
def payload_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FaultServer, FaultRun]]:
    for build in (payloads.gzip_bomb, payloads.deflate_bomb, payloads.brotli_bomb, payloads.zstd_bomb):
        build()  # compress once up front, so the server answers at once
    with serve() as server:
        paths = [*BIG, *BOMBS, *(f"/charset/{e}/{m}" for e, m in CHARSETS), *(f"/malformed/{k}" for k in MALFORMED)]
        settings = {"NEWS_ALLOWED_PRIVATE_HOSTS": [server.netloc], "ROBOTSTXT_OBEY": False, "RETRY_ENABLED": False}
        run = run_fault(tmp_path_factory.mktemp("payloads"), "fault_fetch", settings,
                        urls=",".join(server.url(p) for p in paths))
        yield server, run


def _body(outcome: dict[str, Any]) -> bytes:
    assert outcome.get("body_b64") is not None, outcome
    return base64.b64decode(outcome["body_b64"])


@pytest.mark.parametrize("path", [*BIG, *BOMBS])
def test_oversized_and_bomb_responses_are_dropped_fast(payload_run: tuple[FaultServer, FaultRun], path: str) -> None:
    server, run = payload_run
    outcome = run.result(server.url(path))
    assert "error" in outcome, {k: v for k, v in outcome.items() if k != "body_b64"}
    (hit,) = [h for h in server.hits if h.path == path]
    seconds = outcome["received"] - hit.started
    assert seconds < MAX_SECONDS, seconds
    if path.startswith("/big/"):
        assert hit.bytes_sent < 50 * payloads.MIB  # the download was cut, not completed


def test_whole_payload_crawl_stays_under_200_mib(payload_run: tuple[FaultServer, FaultRun]) -> None:
    _, run = payload_run
    assert run.max_rss_mib < MAX_RSS_MIB, run.max_rss_mib


@pytest.mark.parametrize(("encoding", "mode"), CHARSETS)
def test_legacy_charset_decodes_exactly(payload_run: tuple[FaultServer, FaultRun], encoding: str, mode: str) -> None:
    server, run = payload_run
    outcome = run.result(server.url(f"/charset/{encoding}/{mode}"))
    expected, _ = payloads.charset_page(encoding, meta=mode == "meta")
    text = decode_html(_body(outcome), outcome["content_type"])
    assert text.count("\ufffd") == 0
    assert text == expected


@pytest.mark.parametrize("kind", MALFORMED)
def test_malformed_html_extracts_without_exception(payload_run: tuple[FaultServer, FaultRun], kind: str) -> None:
    server, run = payload_run
    url = server.url(f"/malformed/{kind}")
    started = time.monotonic()
    article = page_article(_body(run.result(url)), url)
    assert time.monotonic() - started < MAX_SECONDS
    assert "Almaty and Tashkent" in (article.body or "")
    assert "\x00" not in (article.body or "") + (article.title or "")


def test_charset_and_malformed_pages_through_the_urls_spider(crawl, tmp_path) -> None:
    """The real `urls` spider and pipelines: exact Russian text, no U+FFFD, no spider exception."""
    with serve() as server:
        urls = [server.url(f"/charset/{e}/{m}") for e, m in CHARSETS]
        urls += [server.url(f"/malformed/{k}") for k in MALFORMED]
        result = crawl("urls", "urls=" + ",".join(urls), settings={"NEWS_MIN_WORDS": 20})
    assert result.returncode == 0, result.log[-3000:]
    assert not any(k.startswith("spider_exceptions") for k in result.stats), result.stats
    assert "Traceback" not in result.log
    russian = [r for r in result.records if "/charset/" in r["url"]]
    assert len(russian) == len(CHARSETS) or result.duplicates  # identical bodies are deduplicated
    for record in russian:
        assert "\ufffd" not in record["title"] + record["body"]
        assert record["title"] in (payloads.RUSSIAN_TITLE, payloads.KOI8_TITLE)
        for paragraph in payloads.RUSSIAN_PARAGRAPHS:
            assert paragraph in record["body"]
