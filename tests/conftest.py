"""Session fixtures: the demo site served on 127.0.0.1 port 0, and a helper that runs real crawls."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crawler.demo.server import DemoServer, serve

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def demo_site() -> Iterator[DemoServer]:
    with serve(port=0) as server:
        yield server


@dataclass
class CrawlResult:
    returncode: int
    records: list[dict[str, Any]]
    duplicates: list[dict[str, Any]]
    stats: dict[str, Any]
    log: str


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def run_scrapy(args: list[str], cwd: Path = ROOT, timeout: float = 180, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    """`scrapy ARGS` in a subprocess (a fresh Twisted reactor each time), from the project directory."""
    full_env = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning", **(env or {})}
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=full_env)


@pytest.fixture
def crawl(tmp_path: Path):
    """Run a spider through every pipeline with output, duplicates and stats under `tmp_path`."""

    def run(spider: str, *spider_args: str, state_dir: Path | None = None, settings: dict[str, Any] | None = None,
            name: str = "run") -> CrawlResult:
        out = tmp_path / f"{name}.jsonl"
        dupes = tmp_path / f"{name}.duplicates.jsonl"
        stats_path = tmp_path / f"{name}.stats.json"
        args = ["crawl", spider, "-O", str(out), "-s", f"NEWS_STATE_DIR={state_dir or tmp_path / 'state'}",
                "-s", f"NEWS_DUPLICATES_OUTPUT={dupes}", "-s", f"NEWS_STATS_DUMP={stats_path}",
                "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO",
                "-s", "NEWS_ALLOWED_PRIVATE_HOSTS=127.0.0.1"]
        for key, value in (settings or {}).items():
            args += ["-s", f"{key}={value}"]
        for arg in spider_args:
            args += ["-a", arg]
        proc = run_scrapy(args)
        stats = json.loads(stats_path.read_text()) if stats_path.exists() else {}
        return CrawlResult(proc.returncode, read_jsonl(out), read_jsonl(dupes), stats, proc.stderr)

    return run


def demo_article_paths() -> list[str]:
    """URL paths of every demo article page (files whose path matches a demo source's article pattern)."""
    from crawler import sources as registry
    from crawler.discovery import is_article_url

    site = ROOT / "crawler" / "demo" / "site"
    base = "http://127.0.0.1:1"
    demo = [registry.resolve_demo(s, base) for s in registry.select("demo")]
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = "/" + file.relative_to(site).as_posix()
        path = rel[: -len("index.html")] if rel.endswith("/index.html") else rel
        if any(is_article_url(base + path, s) for s in demo):
            paths.append(path)
    return paths
