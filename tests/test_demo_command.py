"""`python -m crawler.demo` as a user runs it: a full crawl, an incremental second run, serve-only mode."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, read_jsonl


def demo(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crawler.demo", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def test_demo_twice_with_one_state_dir(tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = demo("--output", str(tmp_path / "first.jsonl"), "--state-dir", str(state), "-s", "LOG_LEVEL=WARNING")
    assert first.returncode == 0, first.stderr[-2000:]
    records = read_jsonl(tmp_path / "first.jsonl")
    assert len(records) >= 30
    assert "total" in first.stdout and str((tmp_path / "first.jsonl").resolve()) in first.stdout
    for source in ("demo-steppe", "demo-azatlyk", "demo-vesti"):
        assert source in first.stdout
    second = demo("--output", str(tmp_path / "second.jsonl"), "--state-dir", str(state), "-s", "LOG_LEVEL=WARNING")
    assert second.returncode == 0, second.stderr[-2000:]
    assert read_jsonl(tmp_path / "second.jsonl") == []
    assert "not downloaded (exported by an earlier run)" in second.stdout


def test_demo_setting_override_is_applied(tmp_path: Path) -> None:
    out = tmp_path / "none.jsonl"
    result = demo("--output", str(out), "-s", "NEWS_MIN_WORDS=100000", "-s", "LOG_LEVEL=WARNING")
    assert result.returncode == 0, result.stderr[-2000:]
    assert read_jsonl(out) == []
    assert "too_short" in result.stdout


def test_serve_only_prints_a_working_url() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "crawler.demo", "--serve-only"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = line.split(" at ", 1)[1].split()[0].rstrip("/")
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{url}/robots.txt", timeout=10) as response:
            assert b"Disallow: /private/" in response.read()
        with urllib.request.urlopen(f"{url}/azatlyk/sitemap.xml", timeout=10) as response:
            assert url.encode() in response.read()  # the placeholder is replaced by the served URL
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def test_demo_records_parse(tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    result = demo("--output", str(out), "-s", "LOG_LEVEL=WARNING")
    assert result.returncode == 0
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert "\\u04" not in line  # Cyrillic written as UTF-8, not escaped
        assert record["schema_version"] == "1.0"
