"""crawler.extensions.memory: trims really return memory, cached texts and selectors go, a crawl logs it."""

from __future__ import annotations

import asyncio
import gc
import json
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from scrapy.http import HtmlResponse

from crawler.extensions.memory import (
    LARGE_RESPONSE_BYTES,
    Glibc,
    MemoryTuning,
    ReleaseSelectors,
    TrimTally,
    peak_rss_mib,
    release_decoded_text,
    release_selector,
    rss_mib,
)

PAGE = b"<html><head><title>Title</title></head><body>" + b"<p>paragraph text</p>" * 2000 + b"</body></html>"
BLOCK_BYTES = 4096  # above pymalloc's 512-byte limit: these come from glibc's heap
BLOCKS = 16_384  # 64 MiB
KEEP_EVERY = 8  # one live block in eight pins the heap's top, as live objects do in a crawl
MIN_RELEASED_MIB = 24.0

glibc = Glibc.load()
needs_glibc = pytest.mark.skipif(glibc is None, reason="the C library is not glibc")


@contextmanager
def gc_disabled() -> Iterator[None]:
    """Only reference counting frees objects in the block: what a cycle holds stays."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parsed_response() -> HtmlResponse:
    response = HtmlResponse(url="http://example.com/a.html", body=PAGE, encoding="utf-8")
    assert response.css("title::text").get() == "Title"
    return response


def test_a_parsed_response_is_kept_by_its_selector_cycle() -> None:
    """Why the middleware exists: without it, only the cyclic GC frees a parsed response (if Scrapy ever
    drops the cycle, this fails and the middleware can go)."""
    with gc_disabled():
        response = parsed_response()
        ref = weakref.ref(response)
        del response
        assert ref() is not None
    gc.collect()
    assert ref() is None


def test_release_selector_lets_reference_counting_free_the_response() -> None:
    with gc_disabled():
        response = parsed_response()
        ref = weakref.ref(response)
        assert release_selector(response) is True
        assert release_selector(response) is False  # nothing cached any more
        del response
        assert ref() is None


def test_release_decoded_text_frees_the_text_and_keeps_it_available() -> None:
    response = HtmlResponse(url="http://example.com/a.html", body="<p>Жаңалықтар</p>".encode() * 500)
    assert release_decoded_text(response) is False  # nothing decoded yet
    text = response.text
    assert response.encoding == "utf-8"  # inferred from the body: the detection result is kept
    assert release_decoded_text(response) is True
    assert release_decoded_text(response) is False
    assert response.text == text  # decoded again on demand


def test_release_selector_keeps_the_response_usable() -> None:
    response = parsed_response()
    release_selector(response)
    assert response.css("title::text").get() == "Title"  # parsed again on demand


class _Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


class _Crawler:
    def __init__(self) -> None:
        self.stats = _Stats()


async def _callback_output(response: HtmlResponse) -> Any:
    yield {"title": response.css("title::text").get()}


async def _drain(middleware: ReleaseSelectors, response: HtmlResponse) -> list[Any]:
    return [item async for item in middleware.process_spider_output(response, _callback_output(response))]


def test_middleware_releases_after_the_output_is_consumed() -> None:
    crawler = _Crawler()
    middleware = ReleaseSelectors(crawler)  # type: ignore[arg-type]
    with gc_disabled():
        response = HtmlResponse(url="http://example.com/a.html", body=PAGE, encoding="utf-8")
        ref = weakref.ref(response)
        items = asyncio.run(_drain(middleware, response))
        assert items == [{"title": "Title"}]
        del response
        assert ref() is None
    assert crawler.stats.values == {"memory/selectors_released": 1}


def test_rss_figures_read_from_proc() -> None:
    now, peak = rss_mib(), peak_rss_mib()
    assert now is not None and peak is not None
    assert 0 < now <= peak


def test_trim_tally_counts_only_what_went_down() -> None:
    tally = TrimTally()
    tally.record(100.0, 90.0, 0.01)
    tally.record(90.0, 95.0, 0.02)  # something else allocated meanwhile: nothing released
    tally.record(None, 80.0, 0.0)
    assert (tally.calls, round(tally.seconds, 3), tally.released_mib) == (3, 0.03, 10.0)


@needs_glibc
def test_malloc_trim_returns_the_free_holes_of_the_heap() -> None:
    """Free blocks under live ones stay resident until malloc_trim gives their pages back."""
    assert glibc is not None
    glibc.malloc_trim()
    blocks = [bytearray(BLOCK_BYTES) for _ in range(BLOCKS)]
    kept = blocks[::KEEP_EVERY]
    del blocks
    before = rss_mib()
    assert glibc.malloc_trim() is True
    after = rss_mib()
    assert before is not None and after is not None
    assert before - after >= MIN_RELEASED_MIB, (before, after)
    assert len(kept) == BLOCKS // KEEP_EVERY


@needs_glibc
def test_a_large_response_is_trimmed_after_at_once() -> None:
    assert glibc is not None
    tuning = MemoryTuning(_Crawler(), glibc, interval=1.0)  # type: ignore[arg-type]
    small = HtmlResponse(url="http://example.com/a.html", body=PAGE)
    large = HtmlResponse(url="http://example.com/b.html", body=b"<p>" + b"x" * LARGE_RESPONSE_BYTES + b"</p>")
    tuning.item_done(item={}, response=small)
    assert tuning.tally.calls == 0
    tuning.item_done(item={}, response=large)
    assert tuning.tally.calls == 1
    tuning.item_done(item={}, response=None)  # an item without a response (a pipeline's own)
    assert tuning.tally.calls == 1


@needs_glibc
def test_crawl_logs_and_counts_the_tuning(crawl, demo_site) -> None:
    """A real crawl of the demo listing source with the extension and the middleware enabled."""
    result = crawl("news", "sources=demo-steppe", settings={
        "NEWS_DEMO_URL": demo_site.base_url,
        "NEWS_MALLOC_TRIM_INTERVAL": "0.01",
        "EXTENSIONS": json.dumps({"crawler.extensions.memory.MemoryTuning": 0,
                                  "crawler.extensions.statsdump.StatsDump": 900}),
        "SPIDER_MIDDLEWARES": json.dumps({"crawler.extensions.memory.ReleaseSelectors": 5}),
    })
    assert result.returncode == 0, result.log[-3000:]
    assert result.records
    stats = result.stats
    assert stats["memory/malloc_arena_max"] == 2
    assert stats["memory/trim/calls"] >= 1
    assert stats["memory/trim/released_mib"] >= 0
    assert stats["memory/selectors_released"] >= 1  # the listing page was parsed with response.css
    assert 0 < stats["memory/peak_rss_before_crawl_mib"] <= stats["memory/peak_rss_mib"]
    # the project's MetaRefreshMiddleware reads the head of the bytes: no decoded body to release
    assert stats.get("memory/decoded_bodies_released", 0) == 0
    assert "Memory tuning: decoded bodies dropped on arrival; glibc" in result.log
    assert "Memory: peak RSS" in result.log


def test_crawl_without_tuning(crawl, demo_site) -> None:
    result = crawl("news", "sources=demo-steppe", settings={
        "NEWS_DEMO_URL": demo_site.base_url, "NEWS_MEMORY_TUNING": "False",
        "EXTENSIONS": json.dumps({"crawler.extensions.memory.MemoryTuning": 0,
                                  "crawler.extensions.statsdump.StatsDump": 900}),
        "SPIDER_MIDDLEWARES": json.dumps({"crawler.extensions.memory.ReleaseSelectors": 5}),
    })
    assert result.returncode == 0, result.log[-3000:]
    assert not any(key.startswith("memory/") for key in result.stats)
    assert "Memory tuning" not in result.log


def test_bench_prints_where_the_memory_went() -> None:
    from tools.bench_crawl import format_crawl

    run = {"label": "full pipeline (news spider)", "pages": 10, "articles": 9, "elapsed_s": 1.0, "pages_per_s": 10.0,
           "articles_per_s": 9.0, "articles_per_cpu_s": 9.5, "peak_rss_mib": 250.0, "dropped": {},
           "memory": {"peak_rss_before_crawl_mib": 120.5, "trim/calls": 3, "trim/released_mib": 40.2,
                      "trim/seconds": 0.01, "decoded_bodies_released": 10}}
    plain = {**run, "label": "plain Scrapy (title only)", "memory": {}}
    lines = list(format_crawl({"full": run, "plain": plain, "ratio_articles_per_s": 1.0, "ratio_pages_per_s": 1.0,
                               "ratio_peak_rss": 1.0}, 10, 2))
    memory_lines = [line for line in lines if "before the crawl" in line]
    assert memory_lines == ["  full pipeline (news spider): peak RSS before the crawl started 120.5 MiB, "
                            "malloc_trim returned 40.2 MiB in 3 calls (0.01 s)"]
