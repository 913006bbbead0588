"""Units of the scheduled-run machinery: log redaction, monitor rules, output recovery, publication."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def test_log_redaction_masks_environment_secrets_and_url_passwords() -> None:
    import logging

    from crawler import redaction

    previous = logging.getLogRecordFactory()
    secret, password = "abcdef123456", "pw-987654"
    env = {"NEWS_API_TOKEN": secret, "HOME": "/root", "https_proxy": f"http://crawler:{password}@proxy:3128"}
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    handler = Collect()
    log = logging.getLogger("tests.redaction")
    log.addHandler(handler)
    try:
        redaction.install_log_redaction(env)
        log.warning("Overridden settings: %r", {"NEWS_NOTIFY_URL": f"https://hooks.invalid/{secret}"})
        try:
            raise ValueError(f"proxy http://crawler:{password}@proxy:3128 refused")
        except ValueError:
            log.exception("failed")
    finally:
        log.removeHandler(handler)
        logging.setLogRecordFactory(previous)
        redaction._installed.clear()
    text = "\n".join(records)
    assert secret not in text and password not in text
    assert "hooks.invalid/***" in text and "crawler:***@proxy" in text and "Traceback" in text
    assert redaction.secret_values({"SHORT_TOKEN": "1", "PATH": "/usr/bin"}) == []


def _manifest(per_source: dict[str, dict[str, Any]], downloads: int = 0, errors: int = 0) -> dict[str, Any]:
    return {"sources_selected": sorted(per_source), "per_source": per_source,
            "totals": {"downloads": downloads, "errors": errors, "error_rate": errors / downloads if downloads else 0}}


def test_silent_source_rules() -> None:
    from crawler.extensions.monitors import silent_sources

    history = [{"per_source": {"a": {"records": 5}, "b": {"records": 3}, "c": {"records": 2}, "d": {"records": 1}}}]
    now = _manifest({
        "a": {"records": 0, "article_links": 0},  # discovery broke
        "b": {"records": 0, "article_links": 9, "article_fetches": 0},  # everything already exported
        "c": {"records": 0, "article_links": 4, "article_fetches": 4, "dropped_by_reason": {"no_body": 4}},
        "d": {"records": 0, "article_links": 2, "article_fetches": 2, "dropped_by_reason": {"duplicate_exact": 2}},
        "e": {"records": 0, "article_links": 0},  # never exported anything: nothing to miss
    })
    silent = silent_sources(now, history)
    assert [m.split(":")[0] for m in silent] == ["a", "c"]


def test_coverage_and_error_rate_rules() -> None:
    from crawler.extensions.manifest import field_coverage
    from crawler.extensions.monitors import high_error_rates, low_coverage

    fields = ("title", "body", "published_at")
    output = {"per_source": {"s": 8}, "present": {"s": {"title": 8, "body": 8, "published_at": 6}}}
    coverage = field_coverage([output], {"s": {"no_body": 2}}, fields)
    assert coverage["articles"] == 10
    assert coverage["overall"] == {"title": 1.0, "body": 0.8, "published_at": 0.75}
    assert low_coverage(coverage, {"title": 0.99, "body": 0.95, "published_at": 0.9}) == [
        "body 80.0% < 95%", "published_at 75.0% < 90%"]
    manifest = _manifest({"ok": {"downloads": 50, "error_rate": 0.02}, "bad": {"downloads": 20, "error_rate": 0.5},
                          "tiny": {"downloads": 3, "error_rate": 1.0}}, downloads=73, errors=14)
    assert [m.split()[0] for m in high_error_rates(manifest, 0.2, 10)] == ["bad"]
    assert high_error_rates(manifest, 0.1, 10)[0].startswith("overall")


@pytest.mark.parametrize("gzipped", [False, True])
def test_recover_keeps_whole_records_and_forgets_the_rest(tmp_path: Path, gzipped: bool) -> None:
    import gzip

    from crawler.resume import recover

    lines = [json.dumps({"id": str(i), "url": f"u{i}", "canonical_url": f"c{i}"}).encode() + b"\n" for i in range(4)]
    torn = b"".join(lines[:3]) + lines[3][:10]
    name = "run.jsonl.gz" if gzipped else "run.jsonl"
    partial, final = tmp_path / f".{name}.part", tmp_path / name
    if gzipped:  # a finished member with two records, then a member cut off mid-stream
        second = gzip.compress(lines[2] + lines[3])
        partial.write_bytes(gzip.compress(b"".join(lines[:2])) + second[: len(second) - 12])
    else:
        partial.write_bytes(torn)
    journal = tmp_path / "journal.jsonl"
    entries = "".join(json.dumps({"url": f"u{i}", "canonical_url": f"c{i}"}) + "\n" for i in range(5))
    journal.write_text(entries + '{"url": "u')  # and a torn last entry
    forgotten: list[str] = []
    report = recover(partial, final, journal, forgotten.append)
    kept = 3  # from gzip too: the cut member still inflates as far as its third record
    assert report.kept == kept and not partial.exists()
    data = gzip.decompress(final.read_bytes()) if gzipped else final.read_bytes()
    assert data == b"".join(lines[:kept])
    assert forgotten == [u for i in range(kept, 5) for u in (f"c{i}", f"u{i}")]
    assert report.forgotten == [f"c{i}" for i in range(kept, 5)]


def test_publish_is_atomic_and_idempotent(tmp_path: Path) -> None:
    """A run killed while publishing is published by the next invocation: publishing twice is harmless."""
    from crawler.runlayout import Layout, RunState, publish

    layout = Layout(tmp_path, "news-all", RunState("r1", "2026-05-01", "2026-05-01T00:00:00+00:00", 1, "publishing"))
    layout.staged.parent.mkdir(parents=True)
    layout.staged.write_text('{"id": "a"}\n')
    layout.staged_manifest.write_text(json.dumps({"outputs": [{"path": str(layout.staged)}]}))
    publish(layout)
    publish(layout)
    assert layout.output.read_text() == '{"id": "a"}\n' and not layout.staged.exists()
    manifest = json.loads(layout.manifest.read_text())
    assert manifest["outputs"][0]["path"] == str(layout.output) == manifest["published"]["output"]
    assert sorted(p.name for p in layout.output.parent.iterdir()) == ["r1.jsonl", "r1.manifest.json"]
