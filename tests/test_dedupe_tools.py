"""The dedupe evaluation and scale benchmark run end to end on tiny inputs (no corpus needed)."""

from __future__ import annotations

import gzip
import html
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "dedupe"
PAGES = ("article_en.txt", "article_ru.txt", "event_report_a.txt", "event_report_b.txt")


def write_corpus(root: Path) -> None:
    """A fundus-shaped corpus of four article pages built from the text fixtures."""
    index = {}
    for number, name in enumerate(PAGES):
        paragraphs = (FIXTURES / name).read_text(encoding="utf-8").strip().split("\n")
        title = f"Fixture story {number}"
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
        relative = f"xx/Fixture{number}_2024_01_01.html.gz"
        (root / "fundus" / "xx").mkdir(parents=True, exist_ok=True)
        (root / "fundus" / relative).write_bytes(gzip.compress(page.encode("utf-8")))
        index[relative] = {"publisher": f"Fixture{number % 2}"}
    (root / "fundus" / "index.json").write_text(json.dumps(index), encoding="utf-8")


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "error", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def test_eval_dedupe_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus")
    out = tmp_path / "eval.json"
    result = run_tool(
        "tools/eval_dedupe.py",
        "--corpus", str(tmp_path / "corpus"),
        "--cache", str(tmp_path / "cache"),
        "--min-words", "20",
        "--max-words", "45",
        "--pairs", "4",
        "--notes", "2",
        "--json", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    figures = json.loads(out.read_text())
    assert figures["pages"] == 4
    assert figures["pairs"] == 4
    assert figures["notes"] == 12
    assert 0.0 <= figures["precision"] <= 1.0 and 0.0 <= figures["recall"] <= 1.0
    assert "near-duplicates: precision" in result.stdout
    assert list((tmp_path / "cache").glob("texts-*.jsonl"))  # the extraction is cached


def test_bench_dedupe_scale_runs_tiny(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = run_tool(
        "tools/bench_dedupe_scale.py", "--n", "300", "--checks", "40", "--dir", str(tmp_path), "--json", str(out)
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(out.read_text())
    assert figures["n"] == 300
    assert figures["checks"] == 40
    assert figures["median_ms"] > 0 and figures["p95_ms"] >= figures["median_ms"]
    assert figures["verdicts"].get("near", 0) >= 1 and figures["verdicts"].get("exact", 0) >= 1
    assert figures["stored_documents"] == 300 + 4 + figures["verdicts"]["new"]
    assert figures["peak_rss_mib_checks"] > 0
    assert not list(tmp_path.glob("bench-dedupe-*"))  # the state is removed unless --keep
