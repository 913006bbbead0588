"""Files of a scheduled run: its state (run.json), staging area, and publication into articles/<day>/."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass
class RunState:
    """<root>/jobs/<series>/run.json: the current run of a series."""

    run_id: str
    day: str
    started_at: str
    attempts: int = 0
    status: str = "running"  # running | publishing | finished
    clean_stop: bool = False  # the last attempt stopped gracefully (its JOBDIR queue was saved)
    gzip: bool = False

    @classmethod
    def load(cls, path: Path) -> RunState | None:
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(asdict(self)), encoding="utf-8")
        os.replace(tmp, path)


@dataclass
class Layout:
    """Where one run's files go."""

    root: Path
    series: str
    run: RunState

    @property
    def job(self) -> Path:
        return self.root / "jobs" / self.series

    @property
    def state_file(self) -> Path:
        return self.job / "run.json"

    @property
    def jobdir(self) -> Path:
        return self.job / "scrapy"

    @property
    def journal(self) -> Path:
        return self.job / "journal.jsonl"

    @property
    def name(self) -> str:
        return self.run.run_id + (".jsonl.gz" if self.run.gzip else ".jsonl")

    @property
    def staged(self) -> Path:
        return self.job / "out" / self.name

    @property
    def staged_partial(self) -> Path:
        return self.staged.with_name(f".{self.name}.part")  # AtomicFileFeedStorage's temporary name

    @property
    def staged_manifest(self) -> Path:
        return self.job / "out" / f"{self.run.run_id}.manifest.json"

    @property
    def output(self) -> Path:
        return self.root / "articles" / self.run.day / self.name

    @property
    def manifest(self) -> Path:
        return self.root / "articles" / self.run.day / f"{self.run.run_id}.manifest.json"


def load_layout(root: Path, series: str) -> Layout | None:
    state = RunState.load(root / "jobs" / series / "run.json")
    return None if state is None else Layout(root, series, state)


def start_or_resume(root: Path, series: str, run_id: str | None, gzip_output: bool) -> tuple[Layout, bool]:
    """The run to do now: the unfinished run of this series (resumed), or a new one. True when resuming."""
    previous = load_layout(root, series)
    if previous is not None and previous.run.status == "running":
        previous.run.attempts += 1
        previous.run.save(previous.state_file)
        return previous, True
    now = datetime.now(UTC)
    run = RunState(run_id=run_id or f"{now:%Y%m%dT%H%M%SZ}-{series}", day=f"{now:%Y-%m-%d}",
                   started_at=now.isoformat(timespec="seconds"), attempts=1, gzip=gzip_output)
    layout = Layout(root, series, run)
    shutil.rmtree(layout.job, ignore_errors=True)  # leftovers of the finished run: a new run starts clean
    run.save(layout.state_file)
    return layout, False


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(layout: Layout) -> None:
    """Move the staged output, then the manifest (its paths rewritten), into articles/<day>/. Idempotent, so a
    run killed while publishing is published by the next invocation."""
    layout.output.parent.mkdir(parents=True, exist_ok=True)
    if layout.staged.exists():
        with layout.staged.open("rb") as staged:
            os.fsync(staged.fileno())
        os.replace(layout.staged, layout.output)
    if layout.staged_manifest.exists():
        text = layout.staged_manifest.read_text(encoding="utf-8")
        text = text.replace(json.dumps(str(layout.staged))[1:-1], json.dumps(str(layout.output))[1:-1])
        manifest = json.loads(text)
        manifest["published"] = {"output": str(layout.output), "manifest": str(layout.manifest)}
        from crawler.extensions.manifest import write_atomic

        write_atomic(layout.manifest, json.dumps(manifest, ensure_ascii=False, indent=1))
        layout.staged_manifest.unlink()
    _fsync_dir(layout.output.parent)
