"""Crawl benchmark: the `news` spider with the full pipeline vs a plain title-only spider, on the local mirror."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import scrapy
from scrapy.settings import BaseSettings
from scrapy.spiders import SitemapSpider

from tools.bench_mirror import ARTICLE_PATTERN, SITEMAP_PATH, Mirror

if TYPE_CHECKING:
    from crawler.sources.base import Country, Source

ROOT = Path(__file__).resolve().parent.parent
MIRROR_SETTING = "BENCH_MIRROR_BASE_URLS"  # comma-separated base URLs of the mirror hosts, one source each
SOURCE_KEY = "bench{:02d}"
COUNTRIES: tuple[Country, ...] = ("KZ", "KG", "TJ", "TM", "UZ")
SLOT_CONCURRENCY = 16
# The project's default. The crawls are CPU-bound on loopback, so more in flight adds no speed, only memory:
# plain Scrapy peaked at ~450 MiB with 128 against ~350-370 MiB with 32 on 2,500 mirror pages.
CONCURRENT_REQUESTS = 32
TITLE_CSS = "title::text"
VM_HWM_RE = re.compile(r"^VmHWM:\s+(\d+)\s+kB", re.MULTILINE)
MEMORY_STATS = "memory/"  # crawler.extensions.memory's stats prefix
POLL_S = 0.05
# Politeness off, robots on: the mirror serves robots.txt and the crawl is bounded by the crawler's own CPU.
COMMON_SETTINGS: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": CONCURRENT_REQUESTS,
    "CONCURRENT_REQUESTS_PER_DOMAIN": SLOT_CONCURRENCY,
    "ROBOTSTXT_OBEY": True,
    "LOG_LEVEL": "INFO",  # Scrapy's default DEBUG logs every item in full: not how a production crawl runs
    "TELNETCONSOLE_ENABLED": False,
}


def mirror_sources(settings: BaseSettings) -> list[Source]:
    """NEWS_EXTRA_SOURCES hook: one regional source per mirror host, discovered through its sitemap."""
    # imported here, so that the plain crawl's process loads nothing of the project
    from crawler.sources.base import Boilerplate, Politeness, Selectors, Sitemap, Source

    sources = []
    for n, base in enumerate(settings.getlist(MIRROR_SETTING)):
        base = base.rstrip("/") + "/"
        sources.append(Source(
            key=SOURCE_KEY.format(n), name=f"Benchmark mirror {n}", country=COUNTRIES[n % len(COUNTRIES)],
            languages=("und",), timezone="UTC", scope="regional", base_url=base,
            sitemaps=(Sitemap(base.rstrip("/") + SITEMAP_PATH, kind="urlset"),),
            article_patterns=(ARTICLE_PATTERN,), selectors=Selectors(), boilerplate=Boilerplate(),
            politeness=Politeness(delay=0.0, concurrency=SLOT_CONCURRENCY),
            notes="benchmark-only source built at run time (tools.bench_crawl)",
        ))
    return sources


class TitleSpider(SitemapSpider):
    """The plain baseline: the same sitemaps, and from each article only its <title>, with Scrapy's defaults.

    Its peak RSS is mostly garbage: `response.css()` caches a Selector that points back at the response, so
    each page (body, decoded text, lxml tree: ~2.4 MB on the mirror) waits for Python's cyclic GC. The
    project's ReleaseSelectors middleware breaks that cycle (the same spider then peaks at ~150 MiB instead
    of ~350 on 1,500 pages); the baseline keeps Scrapy as it comes."""

    name = "bench_titles"

    def __init__(self, sitemaps: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap_urls = [u for u in sitemaps.split(",") if u]

    def parse(self, response: scrapy.http.Response) -> Any:
        yield {"url": response.url, "title": response.css(TITLE_CSS).get()}


@dataclass
class CrawlRun:
    """One crawl subprocess: what it fetched and exported, its timing and its peak memory."""

    label: str
    returncode: int
    wall_s: float  # the whole process, interpreter start to exit
    elapsed_s: float  # Scrapy's elapsed_time_seconds (engine start to close)
    cpu_s: float  # user + system CPU of the process
    peak_rss_mib: float  # ru_maxrss of the process (its VmHWM)
    pages: int  # article responses (HTTP 200 of article URLs)
    articles: int  # records exported
    dropped: dict[str, int] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict)  # crawler.extensions.memory's stats, when it ran
    stats: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.elapsed_s if self.elapsed_s else 0.0

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.elapsed_s if self.elapsed_s else 0.0

    def summary(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k != "stats"}
        if "bench/log_tail" in self.stats:
            data["log_tail"] = self.stats["bench/log_tail"]
        data.update(articles_per_s=round(self.articles_per_s, 1), pages_per_s=round(self.pages_per_s, 1),
                    articles_per_cpu_s=round(self.articles / self.cpu_s, 1) if self.cpu_s else 0.0)
        return data


def vm_hwm_mib(pid: int) -> float:
    """The peak resident set (VmHWM) of a running process, in MiB; 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    found = VM_HWM_RE.search(status)
    return int(found.group(1)) / 1024 if found else 0.0


def run_measured(cmd: Sequence[str], log: Path, env: dict[str, str] | None = None, timeout: float = 1800
                 ) -> tuple[int, float, float, float]:
    """Run `cmd` (output to `log`); (returncode, wall s, CPU s, peak RSS MiB) of that one child.

    The peak is VmHWM polled while the child runs (it only grows, so the last reading is the peak up to then):
    the child's ru_maxrss would also count the parent's pages it was forked from, the mirror's included."""
    started = time.perf_counter()
    peak = 0.0
    with log.open("wb") as out:
        proc = subprocess.Popen(list(cmd), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
        deadline = started + timeout
        while True:
            peak = max(peak, vm_hwm_mib(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(POLL_S)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: keep Popen from waiting again
    return proc.returncode, time.perf_counter() - started, usage.ru_utime + usage.ru_stime, peak


def _count_lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def _result(label: str, measured: tuple[int, float, float, float], stats_path: Path, feed: Path, log: Path
            ) -> CrawlRun:
    returncode, wall, cpu, rss = measured
    stats: dict[str, Any] = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.exists() else {}
    dropped = {k.removeprefix("news/dropped/"): int(v) for k, v in stats.items() if k.startswith("news/dropped/")}
    pages = int(stats.get("bench/article_responses") or sum(v for k, v in stats.items() if k.startswith("news/pages/")))
    if returncode != 0:
        stats["bench/log_tail"] = log.read_text(encoding="utf-8", errors="replace")[-2000:]
    memory = {k.removeprefix(MEMORY_STATS): v for k, v in stats.items() if k.startswith(MEMORY_STATS)}
    return CrawlRun(label=label, returncode=returncode, wall_s=round(wall, 2),
                    elapsed_s=round(float(stats.get("elapsed_time_seconds") or wall), 2), cpu_s=round(cpu, 2),
                    peak_rss_mib=round(rss, 1), pages=pages, articles=_count_lines(feed), dropped=dropped,
                    memory=memory, stats=stats)


def full_crawl(mirror: Mirror, workdir: Path, concurrency: int = CONCURRENT_REQUESTS) -> CrawlRun:
    """`scrapy crawl news -a sources=extra` with the project's settings and pipelines, on the mirror."""
    from crawler import settings as project

    feed = workdir / "full.jsonl"
    stats = workdir / "full.stats.json"
    feed_options = {**next(iter(project.FEEDS.values())), "overwrite": True}
    bases = [mirror.base_url(h) for h in range(mirror.hosts)]
    settings = {
        **COMMON_SETTINGS,
        "CONCURRENT_REQUESTS": concurrency,
        "NEWS_EXTRA_SOURCES": "tools.bench_crawl.mirror_sources",
        MIRROR_SETTING: ",".join(bases),
        "NEWS_ALLOWED_PRIVATE_HOSTS": ",".join(f"{mirror.host_ip(h)}:{mirror.port}" for h in range(mirror.hosts)),
        "NEWS_STATE_DIR": str(workdir / "state"),  # fresh: nothing seen before, every article is new
        "NEWS_DUPLICATES_OUTPUT": str(workdir / "duplicates.jsonl"),
        "NEWS_STATS_DUMP": str(stats),
        "NEWS_RUN_ID": "bench",
        "FEEDS": json.dumps({str(feed): feed_options}),
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "sources=extra"]
    for name, value in settings.items():
        cmd += ["-s", f"{name}={value}"]
    log = workdir / "full.log"
    return _result("full pipeline (news spider)", run_measured(cmd, log), stats, feed, log)


def plain_crawl(mirror: Mirror, workdir: Path, concurrency: int = CONCURRENT_REQUESTS) -> CrawlRun:
    """The title-only SitemapSpider with Scrapy's defaults (no project settings), on the same mirror."""
    feed = workdir / "plain.jsonl"
    stats = workdir / "plain.stats.json"
    sitemaps = ",".join(mirror.base_url(h).rstrip("/") + SITEMAP_PATH for h in range(mirror.hosts))
    cmd = [sys.executable, "-m", "tools.bench_crawl", "--sitemaps", sitemaps, "--feed", str(feed),
           "--stats", str(stats), "--concurrency", str(concurrency)]
    log = workdir / "plain.log"
    return _result("plain Scrapy (title only)", run_measured(cmd, log), stats, feed, log)


def run_plain(sitemaps: str, feed: Path, stats_path: Path, concurrency: int = CONCURRENT_REQUESTS) -> int:
    """Entry point of the plain crawl subprocess."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    settings = Settings({**COMMON_SETTINGS, "CONCURRENT_REQUESTS": concurrency,
                         "FEEDS": {str(feed): {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}}})
    process = CrawlerProcess(settings, install_root_handler=True)
    crawler = process.create_crawler(TitleSpider)
    process.crawl(crawler, sitemaps=sitemaps)
    process.start()
    stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
    stats["bench/article_responses"] = int(stats.get("item_scraped_count") or 0)
    stats_path.write_text(json.dumps(stats, default=str, indent=1), encoding="utf-8")
    return 0


def crawl_both(mirror: Mirror, workdir: Path, concurrency: int = CONCURRENT_REQUESTS) -> dict[str, Any]:
    """Both crawls, one after the other, and their ratios."""
    full = full_crawl(mirror, workdir, concurrency)
    plain = plain_crawl(mirror, workdir, concurrency)
    return {"full": full.summary(), "plain": plain.summary(),
            "ratio_articles_per_s": _ratio(full.articles_per_s, plain.articles_per_s),
            "ratio_pages_per_s": _ratio(full.pages_per_s, plain.pages_per_s),
            "ratio_peak_rss": _ratio(full.peak_rss_mib, plain.peak_rss_mib)}


def _ratio(ours: float, plain: float) -> float | None:
    return round(ours / plain, 3) if plain else None


def format_crawl(result: dict[str, Any], pages: int, hosts: int) -> Iterable[str]:
    yield (f"crawl: {pages} article pages on {hosts} loopback hosts (sitemaps, robots.txt, gzip), one process each, "
           f"{result.get('concurrency', CONCURRENT_REQUESTS)} requests in flight, {SLOT_CONCURRENCY} per host")
    yield f"  {'run':<30}{'pages':>7}{'articles':>9}{'elapsed s':>10}{'pages/s':>9}{'articles/s':>11}" \
          f"{'art/CPU-s':>10}{'peak RSS MiB':>13}"
    for key in ("full", "plain"):
        r = result[key]
        yield (f"  {r['label']:<30}{r['pages']:>7}{r['articles']:>9}{r['elapsed_s']:>10.1f}{r['pages_per_s']:>9.1f}"
               f"{r['articles_per_s']:>11.1f}{r['articles_per_cpu_s']:>10.1f}{r['peak_rss_mib']:>13.1f}")
    yield (f"  ratio full/plain: articles/s {result['ratio_articles_per_s']}, pages/s {result['ratio_pages_per_s']}, "
           f"peak RSS {result['ratio_peak_rss']}")
    for key in ("full", "plain"):
        if memory := result[key].get("memory"):
            yield "  " + memory_line(result[key]["label"], memory)
    dropped = result["full"]["dropped"]
    if dropped:
        yield "  full pipeline drops: " + ", ".join(f"{k} {v}" for k, v in sorted(dropped.items()))


def memory_line(label: str, memory: dict[str, Any]) -> str:
    """Where a run's peak came from: before the crawl (imports, set-up) and what malloc_trim gave back."""
    parts = [f"peak RSS before the crawl started {memory.get('peak_rss_before_crawl_mib', '?')} MiB"]
    if "trim/calls" in memory:
        parts.append(f"malloc_trim returned {memory.get('trim/released_mib', 0)} MiB in {memory['trim/calls']} calls "
                     f"({memory.get('trim/seconds', 0)} s)")
    if "selectors_released" in memory:
        parts.append(f"{memory['selectors_released']} parsed responses released early")
    return f"{label}: " + ", ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_crawl", description="the plain crawl subprocess")
    parser.add_argument("--sitemaps", required=True, help="comma-separated sitemap URLs")
    parser.add_argument("--feed", type=Path, required=True)
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("--concurrency", type=int, default=CONCURRENT_REQUESTS)
    args = parser.parse_args(argv)
    return run_plain(args.sitemaps, args.feed, args.stats, args.concurrency)


if __name__ == "__main__":
    sys.exit(main())
