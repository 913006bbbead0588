"""Crawl memory: decoded bodies and parsed trees released early; glibc malloc arena cap and periodic malloc_trim."""

from __future__ import annotations

import ctypes
import logging
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import create_looping_call

logger = logging.getLogger(__name__)

# mallopt parameter number from glibc's <malloc.h>.
M_ARENA_MAX = -8
DEFAULT_TRIM_INTERVAL = 1.0
DEFAULT_ARENA_MAX = 2
# A response at least this large is trimmed after at once: extracting a 2 MB page frees ~40 MiB in small
# blocks, and a second large page soon after would otherwise be laid out beside those holes, not in them.
LARGE_RESPONSE_BYTES = 1 << 20
STATUS_PATH = Path("/proc/self/status")
VM_RSS_RE = re.compile(rb"^VmRSS:\s+(\d+)\s+kB", re.MULTILINE)
VM_HWM_RE = re.compile(rb"^VmHWM:\s+(\d+)\s+kB", re.MULTILINE)
KIB_PER_MIB = 1024
# TextResponse caches its Selector and its decoded body in these (scrapy 2.19; the tests check both still do).
SELECTOR_CACHE_ATTR = "_cached_selector"
TEXT_CACHE_ATTR = "_cached_ubody"
STATS_PREFIX = "memory/"


def _status_kib(pattern: re.Pattern[bytes]) -> int | None:
    """A /proc/self/status figure in KiB; None off Linux."""
    try:
        found = pattern.search(STATUS_PATH.read_bytes())
    except OSError:
        return None
    return int(found.group(1)) if found else None


def rss_mib() -> float | None:
    """The process's resident set now, in MiB (None where /proc is missing)."""
    kib = _status_kib(VM_RSS_RE)
    return None if kib is None else kib / KIB_PER_MIB


def peak_rss_mib() -> float | None:
    """The process's peak resident set (VmHWM), in MiB (None where /proc is missing)."""
    kib = _status_kib(VM_HWM_RE)
    return None if kib is None else kib / KIB_PER_MIB


class Glibc:
    """The two glibc allocator calls used here, bound through ctypes."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        self._trim = lib.malloc_trim
        self._trim.argtypes = [ctypes.c_size_t]
        self._trim.restype = ctypes.c_int
        self._mallopt = lib.mallopt
        self._mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        self._mallopt.restype = ctypes.c_int
        version = lib.gnu_get_libc_version
        version.restype = ctypes.c_char_p
        self.version: str = version().decode("ascii")

    @classmethod
    def load(cls) -> Glibc | None:
        """The process's C library when it is glibc (musl, macOS and Windows have neither call)."""
        try:
            return cls(ctypes.CDLL(None))
        except (OSError, AttributeError, TypeError):
            return None

    def malloc_trim(self) -> bool:
        """Give every free page of every arena back to the kernel; True when some memory was released."""
        return bool(self._trim(0))

    def set_arena_max(self, arenas: int) -> bool:
        return bool(self._mallopt(M_ARENA_MAX, arenas))


@dataclass
class TrimTally:
    """What the periodic malloc_trim did."""

    calls: int = 0
    seconds: float = 0.0
    released_mib: float = 0.0

    def record(self, before: float | None, after: float | None, seconds: float) -> None:
        self.calls += 1
        self.seconds += seconds
        if before is not None and after is not None and before > after:
            self.released_mib += before - after


class MemoryTuning:
    """Less memory for a long crawl, on by default (`NEWS_MEMORY_TUNING = False` turns it off).

    * Decoded bodies dropped on arrival: Scrapy's own MetaRefreshMiddleware (replaced in this project's
      settings by `crawler.middlewares.metarefresh`, which does not) reads `response.text` of every HTML
      response, which decodes and caches the whole body (2 bytes a character for Cyrillic) while the response
      waits its turn in the scraper: ~15 MiB of strings with 32 responses in flight on the benchmark mirror,
      and the peak of a 1,500-page mirror crawl went from 335 to 298 MiB without them. Whoever needs the
      text again gets it decoded again (the detected encoding stays cached); article callbacks decode the
      body their own way and never do.
    * `NEWS_MALLOC_ARENA_MAX` (default 2): glibc gives each thread that allocates its own arena (up to 8 per
      core), and each arena keeps what was freed in it. The crawl's Python code runs in one thread at a time
      anyway; Scrapy's threads (DNS, feed storage) allocate little. Set when the crawler is built, before the
      reactor starts its threads.
    * `NEWS_MALLOC_TRIM_INTERVAL` (seconds, default 1.0; 0 = never): `malloc_trim(0)` returns the free pages
      inside the heap to the kernel. An lxml tree is thousands of small mallocs; once freed they leave holes
      under live blocks that glibc's own top-of-heap trimming never reaches (the heap held ~50 MiB free
      after 1,500 mirror pages). It lowers the resident set between peaks (~30 MiB), hardly the peak itself,
      which is a large page being extracted. A call takes 1-25 ms: ~0.2% of the crawl's CPU at 1 s. The
      responses of LARGE_RESPONSE_BYTES or more are also trimmed after as soon as their item is through the
      pipelines, so that large pages in a row do not pile their holes up (a 5,000-page mirror crawl reached
      319 MiB on three 2 MB pages in a row with the timer alone, 305 MiB with this).
    """

    def __init__(self, crawler: Crawler, glibc: Glibc | None, interval: float) -> None:
        self.crawler = crawler
        self.glibc = glibc
        self.interval = interval if glibc is not None else 0.0
        self.tally = TrimTally()
        self.task: Any = None
        self.texts_released = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MemoryTuning:
        settings = crawler.settings
        if not settings.getbool("NEWS_MEMORY_TUNING", True):
            raise NotConfigured
        glibc = Glibc.load()
        arenas = settings.getint("NEWS_MALLOC_ARENA_MAX", DEFAULT_ARENA_MAX)
        if glibc is not None and arenas > 0 and glibc.set_arena_max(arenas):
            crawler.stats.set_value(f"{STATS_PREFIX}malloc_arena_max", arenas)
        ext = cls(crawler, glibc, settings.getfloat("NEWS_MALLOC_TRIM_INTERVAL", DEFAULT_TRIM_INTERVAL))
        if glibc is None:
            logger.info("Memory tuning: decoded bodies dropped on arrival; no malloc tuning (the C library is "
                        "not glibc)")
        else:
            logger.info("Memory tuning: decoded bodies dropped on arrival; glibc %s malloc arenas %s, malloc_trim %s",
                        glibc.version, arenas if arenas > 0 else "default",
                        f"every {ext.interval:g} s" if ext.interval > 0 else "off")
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        if ext.interval > 0:
            crawler.signals.connect(ext.item_done, signal=signals.item_scraped)
            crawler.signals.connect(ext.item_done, signal=signals.item_dropped)
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def response_received(self, response: Response, request: Any = None, spider: Any = None) -> None:
        # sent by the engine before the response is queued for the scraper, after every downloader middleware
        if release_decoded_text(response):
            self.texts_released += 1

    def item_done(self, item: Any = None, response: Any = None, **kwargs: Any) -> None:
        if isinstance(response, Response) and len(response.body) >= LARGE_RESPONSE_BYTES:
            self.trim()

    def engine_started(self) -> None:
        # the imports, settings and spider set-up are done: what the crawl itself adds comes after this
        peak = peak_rss_mib()
        if peak is not None:
            self.crawler.stats.set_value(f"{STATS_PREFIX}peak_rss_before_crawl_mib", round(peak, 1))
        if self.interval > 0:
            self.task = create_looping_call(self.trim)
            self.task.start(self.interval, now=False)

    def trim(self) -> bool:
        assert self.glibc is not None  # no task without glibc
        before = rss_mib()
        started = time.perf_counter()
        released = self.glibc.malloc_trim()
        self.tally.record(before, rss_mib(), time.perf_counter() - started)
        return released

    def spider_closed(self, spider: Any = None, reason: str | None = None) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        stats = self.crawler.stats
        stats.set_value(f"{STATS_PREFIX}decoded_bodies_released", self.texts_released)
        if self.glibc is not None:
            stats.set_value(f"{STATS_PREFIX}trim/calls", self.tally.calls)
            stats.set_value(f"{STATS_PREFIX}trim/seconds", round(self.tally.seconds, 3))
            stats.set_value(f"{STATS_PREFIX}trim/released_mib", round(self.tally.released_mib, 1))
        peak = peak_rss_mib()
        if peak is not None:
            stats.set_value(f"{STATS_PREFIX}peak_rss_mib", round(peak, 1))
        logger.info("Memory: peak RSS %s MiB; %d decoded bodies dropped early; malloc_trim ran %d times (%.2f s) "
                    "and returned %.1f MiB", f"{peak:.0f}" if peak is not None else "?", self.texts_released,
                    self.tally.calls, self.tally.seconds, self.tally.released_mib)


def release_decoded_text(response: Response) -> bool:
    """Drop the response's cached decoded body (`response.text`); True when there was one."""
    if getattr(response, TEXT_CACHE_ATTR, None) is None:
        return False
    setattr(response, TEXT_CACHE_ATTR, None)
    return True


def release_selector(response: Response) -> bool:
    """Drop the response's cached Selector; True when there was one.

    `response.css()`/`.xpath()` cache a Selector (with its lxml tree, ~4x the page) on the response, and the
    Selector keeps the response: a reference cycle, so the page, its decoded text and its tree wait for
    Python's cyclic GC instead of going when the callback is done. On 200 KB pages that is ~2.4 MB each, and
    a plain title-only Scrapy crawl held up to 240 MiB of such garbage between collections."""
    if getattr(response, SELECTOR_CACHE_ATTR, None) is None:
        return False
    setattr(response, SELECTOR_CACHE_ATTR, None)
    return True


class ReleaseSelectors:
    """Spider middleware: `release_selector` once a callback's output has been consumed (or abandoned).

    Give it a low order (it runs outermost), so that every other middleware is done with the response."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReleaseSelectors:
        if not crawler.settings.getbool("NEWS_MEMORY_TUNING", True):
            raise NotConfigured
        return cls(crawler)

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        try:
            async for item_or_request in result:
                yield item_or_request
        finally:
            if release_selector(response):
                self.crawler.stats.inc_value(f"{STATS_PREFIX}selectors_released")
