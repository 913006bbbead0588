"""Scheduled runs (`python -m crawler.run`) on the demo site: lock, output layout, manifest, monitors, secrets,
and resume after SIGKILL/SIGTERM with no record lost or doubled."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crawler.demo.server import DemoServer
from tests.conftest import ROOT, read_jsonl

# Per-slot delays stretch a demo crawl to a few seconds, so that kills and a second run land mid-crawl.
SLOW = {f"source:demo-{key}": {"delay": 0.12, "concurrency": 1, "jitter": 0} for key in ("steppe", "azatlyk", "vesti")}
LOCK_SECONDS = 5.0


def command(root: Path, demo: DemoServer, *extra: str, slow: bool = False) -> list[str]:
    args = [sys.executable, "-m", "crawler.run", "--sources", "demo", "--output-root", str(root),
            "-s", f"NEWS_DEMO_URL={demo.base_url}", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
            "-s", "NEWS_MONITOR_MIN_ARTICLES=10", "-s", "NEWS_PROGRESS_INTERVAL=1"]
    if slow:  # few requests in flight, so a graceful stop stops soon
        args += ["-s", f"DOWNLOAD_SLOTS={json.dumps(SLOW)}", "-s", "CONCURRENT_REQUESTS=3"]
    return args + list(extra)


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning", **(extra or {})}


def run(args: list[str], env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=environment(env))


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def lock_holder(root: Path, pid: int) -> bool:
    try:
        return json.loads((root / "crawl.lock").read_text() or "{}").get("pid") == pid
    except (OSError, ValueError):
        return False


def journal_lines(root: Path) -> int:
    journal = root / "jobs" / "news-demo" / "journal.jsonl"
    return len(journal.read_bytes().splitlines()) if journal.exists() else 0


def published(root: Path) -> list[Path]:
    return sorted(p for p in (root / "articles").rglob("*") if p.is_file()) if (root / "articles").exists() else []


def manifests(root: Path) -> list[dict[str, Any]]:
    found = [json.loads(p.read_text()) for p in published(root) if p.name.endswith(".manifest.json")]
    return sorted(found, key=lambda m: m["started_at"])


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, demo_site: DemoServer) -> dict[str, Any]:
    """A complete run (A) with a second run (B) started while A holds the lock."""
    root = tmp_path_factory.mktemp("reference")
    first = subprocess.Popen(command(root, demo_site, slow=True), cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=environment())
    wait_for(lambda: lock_holder(root, first.pid))
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    started = time.monotonic()
    second = run(command(root, demo_site, "--sources", "demo-vesti", "--run-id", "lockprobe"))
    second_seconds = time.monotonic() - started
    first_running = first.poll() is None
    out, err = first.communicate(timeout=120)
    return {"root": root, "rc": first.returncode, "log": err, "second": second, "second_seconds": second_seconds,
            "first_running": first_running, "before": before}


def test_second_concurrent_run_exits_nonzero_fast_and_writes_nothing(reference: dict[str, Any]) -> None:
    root, second = reference["root"], reference["second"]
    assert reference["first_running"]  # the probe really overlapped the first run
    assert second.returncode == 75, second.stderr[-2000:]
    assert reference["second_seconds"] < LOCK_SECONDS, reference["second_seconds"]
    assert "another crawl is running" in second.stderr
    assert not (root / "jobs" / "demo-vesti").exists() and not (root / "jobs" / "news-demo-vesti").exists()
    assert not [p for p in root.rglob("*") if "lockprobe" in p.name]


def test_run_output_layout_and_manifest(reference: dict[str, Any]) -> None:
    root = reference["root"]
    assert reference["rc"] == 0, reference["log"][-3000:]
    files = published(root)
    (output,) = [p for p in files if p.suffix == ".jsonl"]
    (manifest_path,) = [p for p in files if p.name.endswith(".manifest.json")]
    assert output.parent.parent == root / "articles" and len(output.parent.name) == 10  # articles/YYYY-MM-DD/
    assert manifest_path.name == output.name.replace(".jsonl", ".manifest.json")
    records = read_jsonl(output)
    manifest = json.loads(manifest_path.read_text())
    assert len(records) >= 30 and manifest["totals"]["records"] == len(records)
    by_source: dict[str, int] = {}
    for record in records:
        by_source[record["source"]] = by_source.get(record["source"], 0) + 1
    assert {k: v["records"] for k, v in manifest["per_source"].items() if v["records"]} == by_source
    assert manifest["run_id"] == output.name.removesuffix(".jsonl")
    assert manifest["started_at"] < manifest["finished_at"] and manifest["duration_seconds"] > 0
    assert manifest["outputs"][0]["path"] == str(output) and manifest["outputs"][0]["invalid_lines"] == 0
    assert set(manifest["field_coverage"]["overall"]) >= {"title", "body", "published_at"}
    assert manifest["field_coverage"]["overall"]["title"] >= 0.99
    assert "duplicate_exact" in manifest["drops"] or "duplicate_near" in manifest["drops"]
    assert isinstance(manifest["http_errors"], dict) and manifest["code_version"]["package"]
    assert manifest["monitors"]["passed"] and len(manifest["monitors"]["checked"]) == 4
    assert json.loads((root / "jobs" / "news-demo" / "run.json").read_text())["status"] == "finished"
    assert not (root / "jobs" / "news-demo" / "scrapy").exists()
    assert "Summary by source" in reference["log"] and "Progress:" in reference["log"]


def test_incremental_run_exports_nothing_passes_monitors_and_hides_secrets(reference: dict[str, Any],
                                                                         demo_site: DemoServer) -> None:
    root = reference["root"]
    token = f"tok-{uuid.uuid4().hex}"
    settings = ["-s", f"NEWS_NOTIFY_URL=https://hooks.invalid/{token}", "-s", "LOG_LEVEL=DEBUG"]
    proc = run(command(root, demo_site, *settings), env={"NEWS_WEBHOOK_TOKEN": token})
    assert proc.returncode == 0, proc.stderr[-3000:]
    latest = manifests(root)[-1]
    assert latest["totals"]["records"] == 0 and latest["skipped_seen"] >= 30  # nothing new, nothing refetched
    assert latest["monitors"]["passed"]
    assert token not in proc.stderr and token not in proc.stdout
    assert latest["settings"]["NEWS_NOTIFY_URL"] == "https://hooks.invalid/***"
    for path in root.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path


def test_failed_monitor_gives_nonzero_exit(reference: dict[str, Any], demo_site: DemoServer, tmp_path: Path) -> None:
    """Every article now too short to keep: each source that exported records before is reported silent."""
    proc = run(command(reference["root"], demo_site, "-s", f"NEWS_STATE_DIR={tmp_path / 'fresh-state'}",
                       "-s", "NEWS_MIN_WORDS=100000"))
    assert proc.returncode == 1, proc.stderr[-3000:]
    latest = manifests(reference["root"])[-1]
    (failure,) = latest["monitors"]["failures"]
    assert all(f"demo-{key}: 0 records now" in failure["message"] for key in ("steppe", "azatlyk", "vesti"))
    assert "Monitor failed" in proc.stderr


def _groups(records: list[dict[str, Any]], kept_of: dict[str, str]) -> list[str]:
    """Story groups: a record id, or the id of the record it duplicated in the reference run."""
    return [kept_of.get(r["id"], r["id"]) for r in records]


def test_kill_and_resume_loses_nothing_and_doubles_nothing(reference: dict[str, Any], demo_site: DemoServer,
                                                            tmp_path: Path) -> None:
    ref_root = reference["root"]
    (ref_output,) = [p for p in published(ref_root) if p.suffix == ".jsonl" and read_jsonl(p)][:1]
    kept_of = {d["id"]: d["kept_id"] for p in (ref_root / "duplicates").rglob("*.jsonl") for d in read_jsonl(p)
               if d.get("kept_id")}
    expected = sorted(_groups(read_jsonl(ref_output), kept_of))
    root = tmp_path / "data"
    stops: list[dict[str, Any]] = []
    plan: list[tuple[int, Callable[[int], bool]]] = [
        (signal.SIGKILL, lambda pid: lock_holder(root, pid)),  # before any record
        (signal.SIGTERM, lambda pid: journal_lines(root) >= 5),  # graceful stop: the JOBDIR queue is kept
        (signal.SIGKILL, lambda pid: journal_lines(root) >= stops[-1]["journal"] + 8),  # mid-crawl
    ]
    for signum, ready in plan:
        proc = subprocess.Popen(command(root, demo_site, slow=True), cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=environment())
        wait_for(lambda p=proc, r=ready: r(p.pid) or p.poll() is not None, timeout=60)
        assert proc.poll() is None, "the run ended before the planned stop"
        os.kill(proc.pid, signum)
        _, err = proc.communicate(timeout=60)
        assert published(root) == []  # nothing visible under articles/ before the run completes
        stops.append({"signal": signum, "rc": proc.returncode, "journal": journal_lines(root), "log": err})
    assert stops[1]["rc"] == 2, stops[1]["log"][-2000:]  # SIGTERM: stopped, resumable
    final = run(command(root, demo_site))
    assert final.returncode == 0, final.stderr[-3000:]
    files = published(root)
    (output,) = [p for p in files if p.suffix == ".jsonl"]
    lines = output.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]  # every line parses
    assert len({r["id"] for r in records}) == len(records)  # none twice
    assert sorted(_groups(records, kept_of)) == expected  # none lost
    manifest = manifests(root)[-1]
    assert manifest["attempts"] == 4 and manifest["totals"]["records"] == len(records)
    assert not list((root / "jobs").rglob(".*.part"))
    recovered = [line for s in stops[1:] for line in s["log"].splitlines() if line.startswith("resume: ")]
    recovered += [line for line in final.stderr.splitlines() if line.startswith("resume: ")]
    assert len(recovered) == 2  # after each SIGKILL; the SIGTERM attempt resumed from its saved queue
    missing = re.search(r"(\d+) journaled records missing", recovered[-1])
    assert missing and int(missing[1]) >= 1, recovered  # passed to the state, lost from the output buffer

