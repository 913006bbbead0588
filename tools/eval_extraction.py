"""`make eval`: the project's `extract_article` beside plain trafilatura on the shared corpora, quality and ms/page."""

from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python tools/eval_extraction.py` as well as `python -m tools.eval_extraction`
    sys.path.insert(0, str(ROOT))

from tools.eval_corpora import CORPORA, Page, load_corpus, read_html  # noqa: E402
from tools.eval_report import format_table, score_page, summarize  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_REPORT = ROOT / "reports" / "eval_extraction.json"
OURS = "extract_article"
BASELINE = "trafilatura"
EXTRACTORS = (OURS, BASELINE)
# htmldate (inside trafilatura's metadata) keeps the time and offset when the page gives them; its default
# output is the day only, which would make the baseline fail every minute-level comparison by construction.
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
WARMUP_HTML = (b"<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
               b"<p>One paragraph of text that is long enough to be kept by an extractor as the body.</p>"
               b"<p>Another paragraph, so that the imports and caches are paid before timing.</p>"
               b"</article></body></html>")
WARMUP_URL = "https://example.org/2024/01/02/warm-up.html"
# "default": trafilatura.extract as a user calls it; "eval": the settings of trafilatura's own benchmark
# (tests/eval_common.py EXTRACT_OPTS), which leave comments out and score about 0.005 higher on its set.
BASELINE_PRESETS: dict[str, dict[str, Any]] = {
    "default": {},
    "eval": {"include_comments": False, "include_tables": True, "include_formatting": False},
}
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer", "crawler", "dateparser")
PROGRESS_EVERY = 100
_baseline_options: dict[str, Any] = {}  # the chosen preset, set by `warm_up` in this and in each worker process


@dataclass
class Extraction:
    """What one extractor gave for one page, and the milliseconds of the timed call(s)."""

    title: str | None = None
    body: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    error: str | None = None
    ms: float = 0.0
    cpu_ms: float = 0.0  # process CPU time of the same call(s): steadier than wall time on a shared machine
    ms_body: float | None = None  # the baseline's `trafilatura.extract` alone (no metadata)


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _ours() -> Callable[..., dict[str, Any]]:
    # imported on first use so that `--extractors trafilatura` works while the crawler package is being built
    from crawler.extraction import extract_article

    return extract_article


def run_ours(html: bytes, url: str) -> Extraction:
    """The project's extractor on the page's bytes (it detects the charset itself); only the call is timed."""
    extract_article = _ours()
    cpu, start = time.process_time(), time.perf_counter()
    try:
        record = extract_article(html, url)
    except Exception as exc:  # a crash is a result to count, not a reason to stop the benchmark
        return Extraction(error=_error(exc), ms=(time.perf_counter() - start) * 1000,
                          cpu_ms=(time.process_time() - cpu) * 1000)
    ms, cpu_ms = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
    return Extraction(title=record.get("title"), body=record.get("body"), authors=list(record.get("authors") or []),
                      published_at=record.get("published_at"), ms=ms, cpu_ms=cpu_ms)


def baseline_date_config() -> dict[str, Any]:
    """trafilatura's own date settings for its metadata, with the time and offset kept in the output."""
    from trafilatura.settings import set_date_params

    return {**set_date_params(True), "outputformat": HTMLDATE_FORMAT}


def run_trafilatura(html: bytes, url: str) -> Extraction:
    """Plain trafilatura: `extract` (txt, the chosen preset) for the body, `extract_metadata` for the rest."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    date_config = baseline_date_config()
    result = Extraction()
    cpu, start = time.process_time(), time.perf_counter()
    try:
        result.body = trafilatura.extract(html, url=url, output_format="txt", **_baseline_options) or ""
    except Exception as exc:
        result.error = _error(exc)
    middle = time.perf_counter()
    try:
        meta = extract_metadata(html, default_url=url, date_config=date_config)
    except Exception as exc:
        result.error = result.error or _error(exc)
    else:
        result.title, result.published_at = meta.title, meta.date
        # trafilatura joins several authors with "; "
        result.authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()]
    end, cpu_end = time.perf_counter(), time.process_time()
    result.ms_body, result.ms, result.cpu_ms = (middle - start) * 1000, (end - start) * 1000, (cpu_end - cpu) * 1000
    return result


RUNNERS: dict[str, Callable[[bytes, str], Extraction]] = {OURS: run_ours, BASELINE: run_trafilatura}


@contextmanager
def quiet_logging() -> Iterator[None]:
    """Silence the extractors' per-page warnings ("discarding data", ...) so the tables stay readable.

    The levels are restored afterwards, so that a caller in the same process (a test session) keeps its logging.
    """
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    saved = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, saved, strict=True):
            logger.setLevel(level)


def warm_up(extractors: Sequence[str], preset: str = "default") -> None:
    """Set the baseline preset and pay imports and one-time caches before anything is timed (once per process)."""
    _baseline_options.clear()
    _baseline_options.update(BASELINE_PRESETS[preset])
    for name in extractors:
        RUNNERS[name](WARMUP_HTML, WARMUP_URL)


def _init_worker(extractors: Sequence[str], preset: str) -> None:
    # a worker process ends with its pool, so its loggers can stay silenced
    quiet_logging().__enter__()
    warm_up(extractors, preset)


def evaluate_page(page: Page, extractors: Sequence[str]) -> dict[str, Any]:
    """Run each extractor on one page (reading the file is not timed) and score the outputs."""
    html = read_html(page)
    results = {}
    for name in extractors:
        extraction = RUNNERS[name](html, page.url)
        results[name] = score_page(page, asdict(extraction))
    return {"name": page.name, "kind": page.kind, "url": page.url, "results": results}


def evaluate_pages(pages: list[Page], extractors: Sequence[str], jobs: int, label: str,
                   preset: str = "default") -> Iterator[dict[str, Any]]:
    """Page results in page order: in this process by default, in `jobs` worker processes when asked."""
    run = partial(evaluate_page, extractors=extractors)
    if jobs <= 1:
        results: Iterator[dict[str, Any]] = map(run, pages)
        for done, result in enumerate(results, 1):
            _progress(label, done, len(pages))
            yield result
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(tuple(extractors), preset)) as pool:
        for done, result in enumerate(pool.map(run, pages, chunksize=4), 1):
            _progress(label, done, len(pages))
            yield result


def _progress(label: str, done: int, total: int) -> None:
    if done % PROGRESS_EVERY == 0 and done < total:
        print(f"   {label}: {done}/{total} pages", file=sys.stderr, flush=True)


def versions() -> dict[str, str]:
    """Versions of the interpreter and of the libraries the figures depend on."""
    found = {"python": platform.python_version()}
    for package in ("trafilatura", "htmldate", "lxml", "justext"):
        try:
            found[package] = version(package)
        except Exception:  # an absent optional package is simply not reported
            continue
    return found


def _header(preset: str, extractors: Sequence[str], corpus: Path, limit: int | None, jobs: int) -> dict[str, Any]:
    baseline = None
    if BASELINE in extractors:
        metadata = {k: v for k, v in baseline_date_config().items() if k != "max_date"}
        baseline = {"preset": preset, "extract": {"output_format": "txt", **BASELINE_PRESETS[preset]},
                    "metadata": metadata}
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "corpus": str(corpus), "limit": limit, "jobs": jobs, "extractors": list(extractors),
        "timing_comparable": jobs <= 1,
        "timing_note": ("per page on one core, extraction call only" if jobs <= 1 else
                        f"{jobs} worker processes share the cores: times are not comparable to the targets"),
        "baseline": baseline, "versions": versions(), "corpora": {}, "pages": {},
    }


def run(corpus: Path, corpora: Sequence[str], extractors: Sequence[str], limit: int | None = None, jobs: int = 1,
        out: Callable[[str], None] = print, preset: str = "default") -> dict[str, Any]:
    """Evaluate the chosen corpora and return the report (tables are printed through `out` as they finish)."""
    started = time.perf_counter()
    report = _header(preset, extractors, corpus, limit, jobs)
    if report["baseline"]:
        options = ", ".join(f"{k}={v!r}" for k, v in report["baseline"]["extract"].items())
        out(f"baseline: trafilatura {report['versions'].get('trafilatura', '?')} extract({options}) "
            f"+ extract_metadata(outputformat={HTMLDATE_FORMAT!r})")
    with quiet_logging():
        if jobs <= 1:
            warm_up(extractors, preset)
        for name in corpora:
            pages = load_corpus(name, corpus, limit)
            page_results = list(evaluate_pages(pages, extractors, jobs, name, preset))
            summary = summarize(page_results, extractors)
            report["corpora"][name] = summary
            report["pages"][name] = page_results
            out(format_table(name, summary, extractors))
    report["duration_s"] = round(time.perf_counter() - started, 1)
    if jobs > 1:
        out(f"note: run with --jobs {jobs}; the ms/page figures are not comparable to single-core timings")
    return report


def _names(value: str, allowed: Sequence[str], what: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in allowed]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown {what} {unknown or value!r}; choose from {', '.join(allowed)}")
    return names


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line: corpus root, limit, corpora, report path, worker processes, extractors."""
    parser = argparse.ArgumentParser(prog="python -m tools.eval_extraction", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus root (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus")
    parser.add_argument("--only", type=partial(_names, allowed=CORPORA, what="corpus"), default=list(CORPORA),
                        help=f"comma-separated corpora among {','.join(CORPORA)}")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT, help="JSON report path (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="worker processes for a faster quality run (ms/page then not comparable)")
    parser.add_argument("--extractors", type=partial(_names, allowed=EXTRACTORS, what="extractor"),
                        default=list(EXTRACTORS), help=f"comma-separated among {','.join(EXTRACTORS)}")
    parser.add_argument("--baseline-options", choices=tuple(BASELINE_PRESETS), default="default",
                        help="trafilatura.extract as called by default, or with its own benchmark's settings")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if not args.corpus.is_dir():
        parser.error(f"corpus folder not found: {args.corpus} (give --corpus PATH)")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation, print the tables and write the JSON report."""
    args = parse_args(argv)
    report = run(args.corpus, args.only, args.extractors, args.limit, args.jobs, preset=args.baseline_options)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"report: {args.report}  ({report['duration_s']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
