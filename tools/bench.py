"""`make bench`: extraction, crawl and memory benchmarks side by side, printed with ratios and written as JSON."""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python tools/bench.py` as well as `python -m tools.bench`
    sys.path.insert(0, str(ROOT))

from tools import bench_crawl, bench_extraction  # noqa: E402
from tools.bench_mirror import Mirror, base_pages, loopback_ok, serve  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_REPORT = ROOT / "reports" / "bench.json"
PARTS = ("extraction", "profile", "crawl", "memory")
# The targets.
TARGET_EXTRACTION_RATIO = 1.3
TARGET_ARTICLES_PER_S = 40.0
TARGET_PEAK_RSS_MIB = 300.0


@dataclass(frozen=True)
class Sizes:
    """How much work each part does: the issue's figures by default, tiny ones with --quick."""

    extraction_pages: int | None  # per corpus; None = all
    profile_pages: int
    crawl_pages: int
    hosts: int
    memory_articles: int
    memory_baseline: int
    memory_checkpoints: tuple[int, ...]


FULL = Sizes(None, 200, 5_000, 20, 50_000, 10_000, (1_000, 5_000, 20_000, 30_000, 40_000))
QUICK = Sizes(4, 6, 40, 3, 160, 40, (20, 80))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus root (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks that everything runs, in seconds")
    parser.add_argument("--pages", type=int, help="mirror article pages (default 5000; quick 40)")
    parser.add_argument("--hosts", type=int, help="mirror hostnames, 127.0.0.2 on (default 20; quick 3)")
    parser.add_argument("--extraction-pages", type=int, help="extraction pages per corpus (default: all)")
    parser.add_argument("--memory-articles", type=int, help="articles of the memory run (default 50000)")
    parser.add_argument("--memory-baseline", type=int, help="RSS after this many is the reference (default 10000)")
    parser.add_argument("--concurrency", type=int, default=bench_crawl.CONCURRENT_REQUESTS,
                        help="CONCURRENT_REQUESTS of both crawls (default: %(default)s, the project's)")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts among {','.join(PARTS)}")
    parser.add_argument("--sequential", action="store_true",
                        help="run the memory soak alone at the end, not on the second core during extraction")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT, help="JSON report (default: %(default)s)")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown or not parts:
        parser.error(f"unknown parts {unknown}; choose from {', '.join(PARTS)}")
    args.parts = parts
    base = QUICK if args.quick else FULL
    articles = args.memory_articles or base.memory_articles
    # a shorter soak than the keeps the same shape: the reference at a fifth of the run
    baseline = base.memory_baseline if articles >= 2 * base.memory_baseline else max(1, articles // 5)
    args.sizes = Sizes(
        extraction_pages=args.extraction_pages if args.extraction_pages else base.extraction_pages,
        profile_pages=base.profile_pages, crawl_pages=args.pages or base.crawl_pages, hosts=args.hosts or base.hosts,
        memory_articles=articles, memory_baseline=args.memory_baseline or baseline,
        memory_checkpoints=base.memory_checkpoints)
    if args.sizes.crawl_pages < 1 or args.sizes.hosts < 1:
        parser.error("--pages and --hosts must be at least 1")
    if not args.corpus.is_dir():
        parser.error(f"corpus folder not found: {args.corpus} (give --corpus PATH)")
    return args


def start_memory(corpus: Path, sizes: Sizes, workdir: Path) -> tuple[subprocess.Popen[bytes], Path, float]:
    """The memory soak in its own process (a fresh interpreter, so RSS is the pipeline's alone)."""
    out = workdir / "memory.json"
    cmd = [sys.executable, "-m", "tools.bench_memory", "--corpus", str(corpus),
           "--articles", str(sizes.memory_articles), "--baseline", str(sizes.memory_baseline),
           "--checkpoints", ",".join(map(str, sizes.memory_checkpoints)), "--out", str(out)]
    log = (workdir / "memory.log").open("wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    log.close()  # the child holds its own descriptor
    return proc, out, time.perf_counter()


def finish_memory(proc: subprocess.Popen[bytes], out: Path, started: float, workdir: Path) -> dict[str, Any]:
    returncode = proc.wait()
    if returncode != 0 or not out.exists():
        tail = (workdir / "memory.log").read_text(encoding="utf-8", errors="replace")[-2000:]
        return {"error": f"memory run exited {returncode}", "log_tail": tail}
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    result["wall_s"] = round(time.perf_counter() - started, 1)
    return result


def format_memory(result: dict[str, Any], concurrent: bool) -> list[str]:
    if "error" in result:
        return [f"memory: FAILED ({result['error']})", result.get("log_tail", "")]
    lines = [f"memory: {result['articles']} distinct articles through page_article + clean/validate/tag/dedupe "
             f"pipelines + JSON Lines export, one process ({result['ms_per_article_cpu']} ms CPU/article)"]
    if concurrent:
        lines.append("  (it ran on the second core during extraction and the mirror build, paused during the crawls; "
                     "--sequential runs it alone)")
    lines += [f"  after {row['articles']:>6} articles: RSS {row['rss_mib']:7.1f} MiB  (peak {row['hwm_mib']:.1f})"
              for row in result["checkpoints"]]
    lines.append(f"  RSS after {result['articles']} / after {result['baseline_articles']}: x{result['rss_ratio']} "
                 f"({'flat' if result['flat'] else 'NOT flat'}: limit x{result['flat_limit']})")
    lines.append("  outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(result["outcomes"].items()))
                 + f"; dedupe state on disk {result['state_mib']} MiB")
    return lines


@contextmanager
def paused(proc: subprocess.Popen[bytes] | None) -> Iterator[None]:
    """The memory soak stopped (SIGSTOP) for the block: the crawls are timed by the wall clock and need the core.
    Its figures do not suffer: RSS stays as it is and its per-article time is CPU time."""
    running = proc is not None and proc.poll() is None
    if running:
        assert proc is not None
        os.kill(proc.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        if running:
            assert proc is not None
            os.kill(proc.pid, signal.SIGCONT)


def run_crawl(corpus: Path, sizes: Sizes, workdir: Path, concurrency: int, out: Any,
              soak: subprocess.Popen[bytes] | None = None) -> dict[str, Any]:
    if not loopback_ok(sizes.hosts):
        return {"error": "cannot bind the 127.0.0.x mirror addresses on this machine"}
    started = time.perf_counter()
    mirror = Mirror(base_pages(corpus), sizes.crawl_pages, sizes.hosts)
    mirror.build(jobs=2 if sizes.crawl_pages > 200 else 1)
    build_s = round(time.perf_counter() - started, 1)
    out(f"   crawl: mirror of {sizes.crawl_pages} pages built in {build_s} s")
    with paused(soak), serve(mirror) as server:
        result = bench_crawl.crawl_both(mirror, workdir, concurrency)
        result["concurrency"] = concurrency
        result["mirror"] = {"pages": sizes.crawl_pages, "hosts": sizes.hosts, "base_pages": len(mirror.bases),
                            "build_s": build_s, "gzip_bytes": sum(map(len, mirror.bodies)),
                            "served": dict(server.hits)}
    return result


def targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of the issue with the measured figure and whether it is met."""
    rows: list[dict[str, Any]] = []
    extraction = report.get("extraction", {}).get("all")
    if extraction:
        rows.append({"target": f"extraction throughput vs plain trafilatura >= x{TARGET_EXTRACTION_RATIO} (CPU)",
                     "value": extraction["ratio_throughput_cpu"],
                     "met": (extraction["ratio_throughput_cpu"] or 0) >= TARGET_EXTRACTION_RATIO})
    crawl = report.get("crawl", {})
    if "full" in crawl:
        rows.append({"target": f"end-to-end crawl >= {TARGET_ARTICLES_PER_S:g} articles/s per process",
                     "value": crawl["full"]["articles_per_s"],
                     "note": f"{crawl['full']['articles_per_cpu_s']} per CPU-second of the crawl process",
                     "met": crawl["full"]["articles_per_s"] >= TARGET_ARTICLES_PER_S})
        peak = crawl["full"]["peak_rss_mib"]
        rows.append({"target": f"crawl peak RSS < {TARGET_PEAK_RSS_MIB:g} MiB (full pipeline)", "value": peak,
                     "note": f"plain Scrapy on the same pages: {crawl['plain']['peak_rss_mib']} MiB",
                     "met": peak < TARGET_PEAK_RSS_MIB})
    memory = report.get("memory", {})
    if memory.get("rss_ratio") is not None:
        rows.append({"target": f"memory flat: RSS ratio <= x{memory['flat_limit']}", "value": memory["rss_ratio"],
                     "met": bool(memory["flat"])})
    return rows


def environment() -> dict[str, Any]:
    found: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count(),
                             "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}
    for package in ("scrapy", "trafilatura", "lxml", "py3langid", "datasketch"):
        try:
            found[package] = version(package)
        except Exception:  # an absent package is simply not reported
            continue
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sizes: Sizes = args.sizes

    def out(line: str) -> None:
        print(line, flush=True)

    report: dict[str, Any] = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), "quick": args.quick,
                              "corpus": str(args.corpus), "sizes": sizes.__dict__, "environment": environment(),
                              "memory_concurrent": "memory" in args.parts and not args.sequential}
    started = time.perf_counter()
    sections: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        workdir = Path(tmp)
        memory = None
        if report["memory_concurrent"]:
            # on the second core, beside the single-process timings (which each use one core)
            memory = start_memory(args.corpus, sizes, workdir)
        try:
            if "extraction" in args.parts:
                report["extraction"] = bench_extraction.run(args.corpus, sizes.extraction_pages, out)
                sections.append(list(bench_extraction.format_extraction(report["extraction"])))
            if "profile" in args.parts:
                report["profile"] = bench_extraction.profile(args.corpus, sizes.profile_pages)
                sections.append(list(bench_extraction.format_profile(report["profile"])))
            if "crawl" in args.parts:
                report["crawl"] = run_crawl(args.corpus, sizes, workdir, args.concurrency, out,
                                           memory[0] if memory else None)
                sections.append(list(bench_crawl.format_crawl(report["crawl"], sizes.crawl_pages, sizes.hosts))
                                if "error" not in report["crawl"] else [f"crawl: FAILED ({report['crawl']['error']})"])
            if "memory" in args.parts:
                memory = memory or start_memory(args.corpus, sizes, workdir)
                report["memory"] = finish_memory(*memory, workdir)
                report["memory"]["paused_during_crawls"] = report["memory_concurrent"] and "crawl" in args.parts
                sections.append(format_memory(report["memory"], report["memory_concurrent"]))
        finally:
            if memory and memory[0].poll() is None:  # an error above: do not leave the soak running
                memory[0].kill()
                memory[0].wait()
    report["targets"] = targets(report)
    report["duration_s"] = round(time.perf_counter() - started, 1)
    for lines in sections:
        out("")
        for line in lines:
            out(line)
    out("")
    out("targets (issue 8):")
    for row in report["targets"]:
        note = f"  ({row['note']})" if row.get("note") else ""
        out(f"  {'met ' if row['met'] else 'MISS'}  {row['target']}: {row['value']}{note}")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    out(f"report: {args.report}  ({report['duration_s']} s)")
    crawl = report.get("crawl") or {}
    failed = any("error" in (report.get(part) or {}) for part in ("crawl", "memory")) or any(
        crawl.get(run, {}).get("returncode", 0) != 0 for run in ("full", "plain"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
