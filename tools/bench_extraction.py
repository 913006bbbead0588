"""Extraction benchmark: `extract_article` (extraction + cleaning) vs plain `trafilatura.extract`, and a profile."""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from tools.eval_corpora import FUNDUS, TRAFILATURA, load_corpus, read_html
from tools.eval_metrics import percentile  # nearest rank, as `make eval` reports p95

OURS = "extract_article"
BASELINE = "trafilatura.extract"  # plain, as the target is stated: the body text only
# beside it, for context: trafilatura asked for the fields a record has (title, author, date...) as well
WITH_METADATA = "trafilatura+metadata"
CORPORA = (FUNDUS, TRAFILATURA)
WARMUP_URL = "https://example.org/2024/01/02/warm-up.html"
WARMUP_HTML = (b"<html><head><title>Warm-up</title></head><body><article><h1>Warm-up in Almaty</h1>"
               b"<p>One paragraph of text that is long enough to be kept by an extractor as the body.</p>"
               b"<p>Another paragraph, so that the imports and caches are paid before timing.</p>"
               b"</article></body></html>")
PROFILE_INTERVAL_S = 0.0005
PROFILE_TOP = 15

Extractor = Callable[[bytes, str], object]


def extractors() -> dict[str, Extractor]:
    """The two timed calls: the project's full extraction + cleaning, and trafilatura as a user calls it."""
    import trafilatura

    from crawler.extraction import extract_article

    return {OURS: lambda html, url: extract_article(html, url),
            BASELINE: lambda html, url: trafilatura.extract(html, url=url),
            WITH_METADATA: lambda html, url: trafilatura.extract(html, url=url, with_metadata=True)}


def time_call(fn: Extractor, html: bytes, url: str) -> tuple[float, float, bool]:
    """(wall ms, CPU ms, ok) of one call; a crash is timed and counted, not raised."""
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        fn(html, url)
        ok = True
    except Exception:  # the benchmark measures speed; a crash is a failed page, as in `make eval`
        ok = False
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, ok


def summarize(wall: Sequence[float], cpu: Sequence[float], failures: int) -> dict[str, Any]:
    """Per-page ms (median, p95) and pages/s per core from the CPU time (wall time beside it)."""
    cpu_s, wall_s = sum(cpu) / 1000, sum(wall) / 1000
    return {
        "pages": len(wall), "failures": failures,
        "ms_median": round(statistics.median(wall), 2) if wall else None,
        "ms_p95": round(percentile(wall, 95), 2),
        "cpu_ms_median": round(statistics.median(cpu), 2) if cpu else None,
        "cpu_ms_p95": round(percentile(cpu, 95), 2),
        "cpu_s": round(cpu_s, 2), "wall_s": round(wall_s, 2),
        "pages_per_s_cpu": round(len(cpu) / cpu_s, 1) if cpu_s else None,
        "pages_per_s_wall": round(len(wall) / wall_s, 1) if wall_s else None,
    }


def _ratio(ours: dict[str, Any], base: dict[str, Any], key: str) -> float | None:
    return round(ours[key] / base[key], 3) if ours.get(key) and base.get(key) else None


def _add_ratios(result: dict[str, Any]) -> None:
    """Throughput of ours over plain trafilatura (the target's ratio), and over trafilatura with metadata."""
    if OURS in result and BASELINE in result:
        result["ratio_throughput_cpu"] = _ratio(result[OURS], result[BASELINE], "pages_per_s_cpu")
        result["ratio_throughput_wall"] = _ratio(result[OURS], result[BASELINE], "pages_per_s_wall")
    if OURS in result and WITH_METADATA in result:
        result["ratio_throughput_cpu_with_metadata"] = _ratio(result[OURS], result[WITH_METADATA], "pages_per_s_cpu")


def bench_pages(pages: Iterable[tuple[bytes, str]], runners: dict[str, Extractor]) -> dict[str, Any]:
    """Time every extractor on every page; the order alternates per page so neither always runs on a warm cache."""
    wall: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    failures: dict[str, int] = defaultdict(int)
    names = list(runners)
    for index, (html, url) in enumerate(pages):
        for name in names if index % 2 == 0 else reversed(names):
            w, c, ok = time_call(runners[name], html, url)
            wall[name].append(w)
            cpu[name].append(c)
            failures[name] += not ok
    result: dict[str, Any] = {name: summarize(wall[name], cpu[name], failures[name]) for name in names}
    _add_ratios(result)
    result["_samples"] = {"wall": dict(wall), "cpu": dict(cpu), "failures": dict(failures)}
    return result


def corpus_pages(corpus: Path, name: str, limit: int | None) -> list[tuple[bytes, str]]:
    """A corpus's pages as (bytes, URL), read before any timing."""
    return [(read_html(page), page.url) for page in load_corpus(name, corpus, limit)]


def run(corpus: Path, limit: int | None = None, out: Callable[[str], None] = print) -> dict[str, Any]:
    """Both extractors over fundus and trafilatura (each limited to `limit` pages), per corpus and together."""
    from tools.eval_extraction import quiet_logging

    runners = extractors()
    report: dict[str, Any] = {}
    samples: dict[str, dict[str, list[float]]] = {"wall": defaultdict(list), "cpu": defaultdict(list)}
    failures: dict[str, int] = defaultdict(int)
    with quiet_logging():
        for fn in runners.values():  # imports, the gazetteer and other one-time caches are paid here
            fn(WARMUP_HTML, WARMUP_URL)
        for name in CORPORA:
            result = bench_pages(corpus_pages(corpus, name, limit), runners)
            taken = result.pop("_samples")
            for kind in ("wall", "cpu"):
                for extractor, values in taken[kind].items():
                    samples[kind][extractor] += values
            for extractor, count in taken["failures"].items():
                failures[extractor] += count
            report[name] = result
            out(f"   extraction: {name} done ({result[OURS]['pages']} pages)")
    combined: dict[str, Any] = {n: summarize(samples["wall"][n], samples["cpu"][n], failures[n]) for n in runners}
    _add_ratios(combined)
    report["all"] = combined
    return report


def format_extraction(report: dict[str, Any]) -> Iterable[str]:
    yield "extraction: one process, one core; pages/s per core = pages / CPU seconds (wall-clock beside it)"
    yield (f"  {'corpus':<12}{'extractor':<21}{'pages':>6}{'fail':>5}{'ms med':>8}{'ms p95':>8}{'cpu med':>8}"
           f"{'cpu p95':>8}{'pages/s cpu':>12}{'pages/s wall':>13}")
    for corpus, result in report.items():
        for name in (n for n in (OURS, BASELINE, WITH_METADATA) if n in result):
            r = result[name]
            yield (f"  {corpus:<12}{name:<21}{r['pages']:>6}{r['failures']:>5}{r['ms_median']:>8.1f}{r['ms_p95']:>8.1f}"
                   f"{r['cpu_ms_median']:>8.1f}{r['cpu_ms_p95']:>8.1f}{r['pages_per_s_cpu']:>12.1f}"
                   f"{r['pages_per_s_wall']:>13.1f}")
        yield (f"  {corpus:<12}{'ratio ours/plain':<21}  throughput x{result['ratio_throughput_cpu']} (CPU), "
               f"x{result['ratio_throughput_wall']} (wall)")
        if result.get("ratio_throughput_cpu_with_metadata"):
            yield (f"  {corpus:<12}{'ratio ours/+metadata':<21}  throughput "
                   f"x{result['ratio_throughput_cpu_with_metadata']} (CPU; trafilatura also asked for title, "
                   f"author, date)")


def profile(corpus: Path, pages: int) -> dict[str, Any] | None:
    """pyinstrument over `extract_article` on `pages` pages (half from each corpus): the top functions by
    self time and by cumulative time, with their share of the total; None when pyinstrument is missing."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return None
    from tools.eval_extraction import quiet_logging

    ours = extractors()[OURS]
    half = max(1, pages // 2)
    sample = corpus_pages(corpus, FUNDUS, half) + corpus_pages(corpus, TRAFILATURA, pages - half or 1)
    with quiet_logging():
        ours(WARMUP_HTML, WARMUP_URL)
        profiler = Profiler(interval=PROFILE_INTERVAL_S)
        profiler.start()
        for html, url in sample:
            try:
                ours(html, url)
            except Exception:  # crashes are counted by the timed run; the profile only needs the time spent
                continue
        profiler.stop()
    root = profiler.last_session.root_frame() if profiler.last_session else None
    if root is None or not root.time:
        return None
    self_time: dict[str, float] = defaultdict(float)
    cumulative: dict[str, float] = defaultdict(float)
    _walk(root, frozenset(), self_time, cumulative)
    total = root.time

    def top(table: dict[str, float]) -> list[dict[str, Any]]:
        ranked = sorted(table.items(), key=lambda kv: -kv[1])[:PROFILE_TOP]
        return [{"function": key, "share": round(value / total, 3), "s": round(value, 2)} for key, value in ranked]

    # wrappers that hold the whole run say nothing: keep the cumulative table to functions under 99%
    inner = {k: v for k, v in cumulative.items() if v < 0.99 * total}
    return {"pages": len(sample), "total_s": round(total, 2), "by_self": top(self_time), "by_cumulative": top(inner)}


def _walk(frame: Any, active: frozenset[str], self_time: dict[str, float], cumulative: dict[str, float]) -> None:
    """Add a frame's self time, and its total time unless the same function is already on the stack."""
    if frame.is_synthetic:  # "[self]" / "[await]" leaves: already in their parent's total_self_time
        return
    key = f"{frame.file_path_short}:{frame.function}" if frame.file_path_short else str(frame.function)
    self_time[key] += frame.total_self_time
    if key not in active:
        cumulative[key] += frame.time
    for child in frame.children:
        _walk(child, active | {key}, self_time, cumulative)


def format_profile(result: dict[str, Any] | None) -> Iterable[str]:
    if result is None:
        yield "profile: skipped (pip install pyinstrument, pinned in requirements-dev.txt)"
        return
    yield f"profile: extract_article on {result['pages']} pages, {result['total_s']} s sampled (pyinstrument)"
    for title, key in (("by self time", "by_self"), ("by cumulative time", "by_cumulative")):
        yield f"  top {title}:"
        for row in result[key]:
            yield f"    {row['share'] * 100:5.1f}%  {row['function']}"
