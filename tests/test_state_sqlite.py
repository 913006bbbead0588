"""SQLite dedupe state: WAL, verdicts, persistence, crash durability and bounded memory."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest

from crawler.dedupe.fingerprint import sketch
from crawler.dedupe.near import DEFAULT_PARAMS
from crawler.state import DedupeState, SqliteState, StateMismatchError, Verdict, open_state
from crawler.state.sqlite import CACHE_KIB, STATE_FILE

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "dedupe"


def text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def unique_body(number: int, words: int = 40) -> str:
    """A body sharing no 3-word shingle with any other number's body."""
    return " ".join(f"w{number}x{j}" for j in range(words))


def edited(body: str) -> str:
    lines = body.splitlines()
    return "Subscribe to our channel for more news.\n" + "\n".join(lines[:-1])


def test_creates_state_file_in_wal_mode(tmp_path: Path) -> None:
    with open_state(tmp_path / "nested" / "state") as state:
        assert isinstance(state, DedupeState)
        assert state.path == tmp_path / "nested" / "state" / STATE_FILE
        state.check_and_add("a", "https://x.example/a", unique_body(1))
    db = sqlite3.connect(tmp_path / "nested" / "state" / STATE_FILE)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def test_verdict_kinds_and_kept_ids(tmp_path: Path) -> None:
    article = text("article_en.txt")
    with open_state(tmp_path) as state:
        assert state.check_and_add("first", "https://a.example/1", article) == Verdict("new", None, None)
        assert state.check_and_add("again", "https://a.example/1", "whatever") == Verdict("url", "first", 1.0)
        shouted = article.upper().replace(",", " ")
        assert state.check_and_add("loud", "https://b.example/2", shouted) == Verdict("exact", "first", 1.0)
        near = state.check_and_add("copy", "https://c.example/3", edited(article))
        assert near.kind == "near" and near.kept_id == "first"
        assert near.similarity is not None and 0.5 < near.similarity < 1.0
        assert state.check_and_add("other", "https://d.example/4", text("article_ru.txt")).kind == "new"
        # Duplicate URLs are remembered as aliases of the kept record.
        assert state.seen_url("https://c.example/3") == "first"
        assert state.seen_url("https://b.example/2") == "first"
        assert state.seen_url("https://nowhere.example/") is None
        stats = state.stats()
    assert stats == {
        "documents": 2,
        "urls": 4,
        "checks": 5,
        "new": 2,
        "url": 1,
        "exact": 1,
        "near": 1,
        "candidates": stats["candidates"],
    }
    assert stats["candidates"] >= 1


def test_persists_across_reopen(tmp_path: Path) -> None:
    article = text("article_en.txt")
    with open_state(tmp_path) as state:
        state.check_and_add("first", "https://a.example/1", article, source="a")
    with open_state(tmp_path) as state:
        assert state.seen_url("https://a.example/1") == "first"
        assert state.check_and_add("x", "https://b.example/2", article).kind == "exact"
        verdict = state.check_and_add("y", "https://c.example/3", edited(article))
        assert (verdict.kind, verdict.kept_id) == ("near", "first")
        assert state.stats()["documents"] == 1


def test_same_record_id_under_another_url(tmp_path: Path) -> None:
    with open_state(tmp_path) as state:
        state.check_and_add("rec", "https://a.example/1", unique_body(1))
        assert state.check_and_add("rec", "https://a.example/amp/1", unique_body(2)) == Verdict("url", "rec", 1.0)
        assert state.seen_url("https://a.example/amp/1") == "rec"


def test_short_and_empty_bodies_only_match_by_url(tmp_path: Path) -> None:
    with open_state(tmp_path) as state:
        assert state.check_and_add("a", "https://a.example/1", "Video").kind == "new"
        assert state.check_and_add("b", "https://a.example/2", "Video").kind == "new"
        assert state.check_and_add("c", "https://a.example/3", "").kind == "new"
        assert state.check_and_add("d", "https://a.example/4", "").kind == "new"


def test_forget_url_allows_a_refresh(tmp_path: Path) -> None:
    article = text("article_en.txt")
    with open_state(tmp_path) as state:
        state.check_and_add("v1", "https://a.example/1", article)
        state.check_and_add("dup", "https://b.example/2", article)
        state.forget_url("https://a.example/1")
        assert state.seen_url("https://a.example/1") is None
        assert state.seen_url("https://b.example/2") is None  # its record is gone
        assert state.check_and_add("v2", "https://a.example/1", edited(article)).kind == "new"
        assert state.check_and_add("dup2", "https://b.example/2", article).kind == "near"
        state.forget_url("https://b.example/2")  # an alias: the kept record stays
        assert state.seen_url("https://a.example/1") == "v2"
        state.forget_url("https://never.example/")
        assert state.stats()["documents"] == 1


def test_refuses_other_settings(tmp_path: Path) -> None:
    open_state(tmp_path).close()
    with pytest.raises(StateMismatchError):
        open_state(tmp_path, params=dataclasses.replace(DEFAULT_PARAMS, bands=16))
    # Decision thresholds do not change what is stored: they may be tuned on an existing state.
    open_state(tmp_path, params=dataclasses.replace(DEFAULT_PARAMS, min_jaccard=0.5)).close()


def test_close_is_idempotent(tmp_path: Path) -> None:
    state = open_state(tmp_path)
    state.close()
    state.close()


def test_full_synchronous_mode(tmp_path: Path) -> None:
    with open_state(tmp_path, synchronous="FULL") as state:
        assert state._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert state.check_and_add("a", "https://a.example/", unique_body(1)).kind == "new"


def test_rejects_unknown_synchronous_mode(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        SqliteState(tmp_path / "s.sqlite3", synchronous="OFF")  # type: ignore[arg-type]


def test_concurrent_threads_store_one_copy(tmp_path: Path) -> None:
    article = text("article_en.txt")
    verdicts: list[Verdict] = []
    with open_state(tmp_path) as state:
        threads = [
            threading.Thread(
                target=lambda i=i: verdicts.append(state.check_and_add(f"t{i}", f"https://t.example/{i}", article))
            )
            for i in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(v.kind for v in verdicts) == ["exact", "exact", "exact", "new"]


def test_import_sketches_then_classify(tmp_path: Path) -> None:
    article = text("article_en.txt")
    items = [(f"old-{i}", f"https://old.example/{i}", sketch(unique_body(i)), "old") for i in range(30)]
    items.append(("old-article", "https://old.example/article", sketch(article), "old"))
    with open_state(tmp_path) as state:
        assert state.import_sketches(items) == 31
        assert state.import_sketches(items[:5]) == 0  # already stored
        assert state.seen_url("https://old.example/3") == "old-3"
        assert state.check_and_add("new", "https://n.example/1", edited(article)).kept_id == "old-article"
        assert state.stats()["documents"] == 31


def test_interrupted_import_is_merged_on_open(tmp_path: Path) -> None:
    article = text("article_en.txt")
    with open_state(tmp_path) as state:
        state.import_sketches([("old", "https://old.example/", sketch(article), None)])
    db = sqlite3.connect(tmp_path / STATE_FILE)
    try:  # simulate a kill between the batch commit and the merge
        db.execute("INSERT INTO band_staging SELECT key, n FROM band")
        db.execute("DELETE FROM band")
        db.commit()
    finally:
        db.close()
    with open_state(tmp_path) as state:
        assert state.check_and_add("copy", "https://c.example/", edited(article)).kind == "near"


CHILD = """
import sys
sys.path.insert(0, sys.argv[2])
from crawler.state.sqlite import open_state
state = open_state(sys.argv[1])
number = 0
while True:
    body = " ".join(f"w{number}x{j}" for j in range(40))
    state.check_and_add(f"id-{number}", f"https://k.example/{number}", body)
    print(f"id-{number}", flush=True)  # acknowledged: check_and_add has returned
    number += 1
"""


def test_sigkill_never_loses_an_acknowledged_id(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), str(ROOT)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    acknowledged = [child.stdout.readline().strip() for _ in range(150)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    with open_state(tmp_path) as state:
        for record_id in acknowledged:
            number = record_id.removeprefix("id-")
            assert state.seen_url(f"https://k.example/{number}") == record_id
        assert state.stats()["documents"] >= len(acknowledged)
    db = sqlite3.connect(tmp_path / STATE_FILE)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def test_memory_is_bounded_by_design(tmp_path: Path) -> None:
    with open_state(tmp_path) as state:
        db = state._db
        assert db.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
        assert db.execute("PRAGMA mmap_size").fetchone()[0] == 0
        for number in range(300):  # warm up statement caches
            state.check_and_add(f"a{number}", f"https://m.example/a{number}", unique_body(number))
        tracemalloc.start()
        before = tracemalloc.take_snapshot()
        for number in range(300, 1300):
            state.check_and_add(f"a{number}", f"https://m.example/a{number}", unique_body(number))
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        growth = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
        # No per-document Python structure: 1,000 more documents leave Python memory flat.
        assert growth < 200_000
        assert all(not isinstance(value, (dict, list, set)) for value in vars(state).values())
