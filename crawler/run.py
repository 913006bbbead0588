"""Scheduled runs: `python -m crawler.run [--sources KEYS] [--country CC] [--output-root data]` (cron, systemd).

One run at a time (a lock; a second run exits 75 at once and writes nothing). A run writes its records to a
staging file under <root>/jobs/<series>/out/ and publishes them only when the crawl is complete, as
`<root>/articles/<YYYY-MM-DD>/<run-id>.jsonl` (fsynced, renamed) and then `<run-id>.manifest.json` beside it:
a reader never sees a partial file, and a run is complete once its manifest exists. A run that was killed
(or stopped with SIGTERM) is resumed by the next invocation of the same selection: same run id, same file
(crawler.resume). Exit codes: 0 ok, 1 a monitor failed or the crawl did not start, 2 stopped before finishing
(resumable), 64 usage, 75 another run holds the lock.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import re
import shutil
import sys
from pathlib import Path
from typing import IO, Any

from crawler.runlayout import Layout, load_layout, publish, start_or_resume

EXIT_OK, EXIT_MONITORS, EXIT_UNFINISHED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 64, 75
SERIES_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
LOCK_NAME = "crawl.lock"
# Finish reasons after which the run is complete; "shutdown" (SIGTERM/SIGINT) leaves a resumable JOBDIR.
RESUMABLE_REASONS = frozenset({"shutdown"})


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spider", default="news", help="spider to run (default: news)")
    parser.add_argument("--sources", help="comma-separated source keys (default: every source)")
    parser.add_argument("--country", help="only sources of this country (KZ, KG, TJ, TM, UZ, intl)")
    parser.add_argument("--since", help="ignore sitemap and feed entries older than YYYY-MM-DD")
    parser.add_argument("--output-root", default="data", help="root of articles/, duplicates/, state/, jobs/")
    parser.add_argument("--gzip", action="store_true", help="write <run-id>.jsonl.gz")
    parser.add_argument("--run-id", help="id of a new run (default: UTC start time and selection)")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="any Scrapy setting (repeatable)")
    return parser.parse_args(argv)


def series_name(args: argparse.Namespace) -> str:
    """The run series: runs of one selection share a JOBDIR, so the next run of it resumes a killed one."""
    parts = [args.spider, args.sources or "all"] + ([args.country] if args.country else [])
    return SERIES_UNSAFE.sub("_", "-".join(parts))[:80]


def acquire_lock(root: Path) -> IO[str] | None:
    """An exclusive, non-blocking lock on <root>/crawl.lock, or None if another run holds it. The kernel drops
    the lock when the holder dies (even by SIGKILL), so a stale lock cannot block the next run."""
    root.mkdir(parents=True, exist_ok=True)
    handle = (root / LOCK_NAME).open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def note_lock_holder(handle: IO[str], run_id: str) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps({"pid": os.getpid(), "run_id": run_id}) + "\n")
    handle.flush()


def recover_crash(layout: Layout, settings: Any, log: Any) -> None:
    """After a kill: drop the JOBDIR (its queue state is only consistent after a graceful stop) and reconcile
    the partial output with the dedupe state (crawler.resume), SQLite or Redis as the crawl uses."""
    from crawler.resume import recover

    shutil.rmtree(layout.jobdir, ignore_errors=True)
    if not settings.get("NEWS_STATE_DIR"):
        return
    from crawler.state import open_state_from_settings

    state = open_state_from_settings(settings)
    try:
        report = recover(layout.staged_partial, layout.staged, layout.journal, state.forget_url)
    finally:
        state.close()
    log(f"resume: recovered run {layout.run.run_id}: kept {report.kept} records, cut {report.cut_bytes} bytes, "
        f"{len(report.forgotten)} journaled records missing from the output, to fetch again")


def crawl_settings(layout: Layout, overrides: list[str]) -> Any:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    feed_options = dict(next(iter(settings.getdict("FEEDS").values()), {"format": "jsonlines"}))
    feed_options["overwrite"] = False  # append: a resumed run continues its own partial file
    if layout.run.gzip:
        feed_options["postprocessing"] = ["scrapy.extensions.postprocessing.GzipPlugin"]
    root, day, run_id, attempt = layout.root, layout.run.day, layout.run.run_id, layout.run.attempts
    duplicates = f"{run_id}.jsonl" if attempt == 1 else f"{run_id}.attempt{attempt}.jsonl"  # one file per attempt
    settings.setdict({
        "FEEDS": {str(layout.staged): feed_options},
        "NEWS_RUN_ID": run_id,
        "NEWS_RUN_STARTED_AT": layout.run.started_at,
        "NEWS_RUN_ATTEMPT": attempt,
        "NEWS_MANIFEST": str(layout.staged_manifest),
        "NEWS_MANIFEST_HISTORY": str(root / "articles" / "*" / "*.manifest.json"),
        "NEWS_STATE_DIR": str(root / "state"),
        "NEWS_DUPLICATES_OUTPUT": str(root / "duplicates" / day / duplicates),
        "NEWS_JOURNAL": str(layout.journal),
        "JOBDIR": str(layout.jobdir),
    }, priority="cmdline")
    middlewares = settings.getdict("SPIDER_MIDDLEWARES")
    middlewares["crawler.resume.ItemJournal"] = 10  # next to the engine: journals what reaches the pipelines
    settings.set("SPIDER_MIDDLEWARES", middlewares, priority="cmdline")
    for pair in overrides:
        name, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"-s expects NAME=VALUE, got {pair!r}")
        settings.set(name, value, priority="cmdline")
    return settings


def run_crawl(args: argparse.Namespace, settings: Any) -> dict[str, Any]:
    from scrapy.crawler import CrawlerProcess

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(args.spider)
    spider_args = {k: v for k, v in (("sources", args.sources), ("country", args.country), ("since", args.since)) if v}
    process.crawl(crawler, **spider_args)
    process.start()
    try:
        return crawler.stats.get_stats()
    except RuntimeError:  # Scrapy 2.19: no stats when the crawl never started (e.g. an unknown source)
        return {}


def exit_code(stats: dict[str, Any], manifest: Path) -> int:
    reason = stats.get("finish_reason")
    if reason is None:
        return EXIT_MONITORS  # the crawl never started (bad arguments, import error): see the log
    if reason in RESUMABLE_REASONS:
        return EXIT_UNFINISHED
    try:
        monitors = json.loads(manifest.read_text(encoding="utf-8")).get("monitors", {})
    except (OSError, ValueError):
        return EXIT_MONITORS
    return EXIT_OK if monitors.get("passed", True) else EXIT_MONITORS


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = Path(args.output_root)
    lock = acquire_lock(root)
    if lock is None:
        holder = (root / LOCK_NAME).read_text(encoding="utf-8", errors="replace").strip()
        print(f"another crawl is running ({holder or 'lock held'}); not starting", file=sys.stderr)
        return EXIT_LOCKED
    try:
        from crawler.redaction import install_log_redaction

        install_log_redaction()
        return _run(args, root, lock)
    finally:
        lock.close()


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _run(args: argparse.Namespace, root: Path, lock: IO[str]) -> int:
    series = series_name(args)
    pending = load_layout(root, series)
    if pending is not None and pending.run.status == "publishing":  # killed while publishing: finish that
        publish(pending)
        pending.run.status = "finished"
        pending.run.save(pending.state_file)
        _log(f"published run {pending.run.run_id} left by an interrupted invocation")
    layout, resuming = start_or_resume(root, series, args.run_id, args.gzip)
    note_lock_holder(lock, layout.run.run_id)
    settings = crawl_settings(layout, args.settings)
    if resuming and not layout.run.clean_stop:
        recover_crash(layout, settings, _log)
    _log(f"run {layout.run.run_id} (attempt {layout.run.attempts}) -> {layout.output}")
    layout.run.clean_stop = False
    layout.run.save(layout.state_file)
    stats = run_crawl(args, settings)
    reason = stats.get("finish_reason")
    if reason in RESUMABLE_REASONS:
        layout.run.clean_stop = True  # Scrapy saved the JOBDIR queue: the next invocation continues it
        layout.run.save(layout.state_file)
        _log(f"run {layout.run.run_id} stopped ({reason}); the next invocation resumes it")
        return EXIT_UNFINISHED
    if reason is None and not (layout.staged.exists() or layout.staged_partial.exists()):
        layout.run.status = "finished"  # never started (bad arguments): nothing to resume
        layout.run.save(layout.state_file)
        return EXIT_MONITORS
    layout.run.status = "publishing"
    layout.run.save(layout.state_file)
    publish(layout)
    layout.run.status = "finished"
    layout.run.save(layout.state_file)
    shutil.rmtree(layout.jobdir, ignore_errors=True)
    code = exit_code(stats, layout.manifest)
    _log(f"run {layout.run.run_id}: {reason}, exit {code}; {layout.output}; manifest {layout.manifest}")
    return code


if __name__ == "__main__":
    sys.exit(main())
