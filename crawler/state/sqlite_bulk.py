"""Bulk import of precomputed sketches into the SQLite dedupe state (seeding, benchmarks)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from crawler.dedupe.fingerprint import Sketch
from crawler.dedupe.near import band_key_matrix

if TYPE_CHECKING:
    from crawler.state.sqlite import SqliteState

IMPORT_BATCH = 5000

Item = tuple[str, str, Sketch, str | None]  # record_id, canonical_url, sketch, source


def import_sketches(state: SqliteState, items: Iterable[Item]) -> int:
    """Store items without classifying them; returns how many were new.

    Documents and URLs are committed per batch; their band rows go to band_staging and are merged
    into the band index in key order at the end, near-sequential B-tree appends instead of one
    random insert per band. An import killed before the merge is merged at the next open, so the
    state is never left with documents the near-duplicate lookup cannot find for long.
    """
    stored = 0
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= IMPORT_BATCH:
            stored += _import_batch(state, batch)
            batch = []
    if batch:
        stored += _import_batch(state, batch)
    with state._lock, state._transaction():
        merge_staging(state._db)
    return stored


def merge_staging(db: sqlite3.Connection) -> None:
    """Move staged band rows into the band index, in key order (inside the caller's transaction)."""
    db.execute("INSERT OR IGNORE INTO band SELECT key, n FROM band_staging ORDER BY key, n")
    db.execute("DELETE FROM band_staging")


def _import_batch(state: SqliteState, batch: list[Item]) -> int:
    db = state._db
    with state._lock, state._transaction():
        marks = ",".join("?" * len(batch))
        known = {
            row[0]
            for row in db.execute(f"SELECT record_id FROM doc WHERE record_id IN ({marks})", [i[0] for i in batch])
        }
        fresh: dict[str, Item] = {}
        for item in batch:
            if item[0] not in known:
                fresh.setdefault(item[0], item)
        if not fresh:
            return 0
        # Explicit numbers so the band rows can be written without a round trip per document.
        row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'doc'").fetchone()
        first = (int(row[0]) if row else 0) + 1
        now = time.time()
        docs = [
            (
                first + offset,
                record_id,
                bytes.fromhex(sk.fingerprint) if sk.shingles >= state.params.min_exact_shingles else None,
                sk.shingles,
                sk.numbers,
                source,
                now,
                sk.signature,
            )
            for offset, (record_id, _url, sk, source) in enumerate(fresh.values())
        ]
        db.executemany(
            "INSERT INTO doc(n, record_id, fingerprint, shingles, numbers, source, added_at, signature)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            docs,
        )
        for doc, item in zip(docs, fresh.values(), strict=True):
            state._put_url(item[1], doc[0], own=True)
        banded = [(doc[0], doc[7]) for doc in docs if doc[3] >= state.params.min_shingles]
        if banded:
            signatures = np.frombuffer(b"".join(sig for _, sig in banded), dtype="<u4").reshape(len(banded), -1)
            keys = band_key_matrix(signatures, state.params)
            numbers = np.repeat(np.array([n for n, _ in banded], dtype=np.int64), keys.shape[1])
            rows = zip(keys.ravel().tolist(), numbers.tolist(), strict=True)
            db.executemany("INSERT INTO band_staging VALUES (?, ?)", rows)
        state._bump("documents", len(docs))
        return len(docs)
