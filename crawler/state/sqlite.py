"""SQLite (WAL) dedupe state: URLs, exact fingerprints and LSH bands on disk, nothing indexed in memory."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Literal

from crawler.dedupe.fingerprint import Sketch, sketch
from crawler.dedupe.near import DEFAULT_PARAMS, NearParams, band_keys, best_match
from crawler.state import sqlite_bulk
from crawler.state.base import NEW, STAT_NAMES, Verdict

STATE_FILE = "state.sqlite3"
SCHEMA_VERSION = "1"
# SQLite page cache per connection (negative = KiB): the only memory that grows with use, so bounded. Pages
# past it are read from the OS page cache: with 1,000,000 documents stored, check_and_add took the same time
# with 8 MiB as with 32 (0.45-0.50 ms median store), and the process peaked at 58 MiB instead of 83.
CACHE_KIB = 8 * 1024
# Keep the WAL file from staying large after a checkpoint.
JOURNAL_LIMIT = 64 * 1024 * 1024
# Pages per automatic checkpoint (~40 MiB of WAL): each checkpoint costs two fsyncs, so a larger WAL
# means fewer latency spikes, and a page changed by several commits is written back once.
WAL_AUTOCHECKPOINT = 10000
# Each stored document dirties one random leaf page per band. 1 and 2 KiB pages copy fewer bytes
# through the WAL but made the trees deeper; measured, 4 KiB was as fast or faster.
PAGE_SIZE = 4096

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    # AUTOINCREMENT: a forgotten document's number is never reused, so stale aliases stay dangling.
    """CREATE TABLE IF NOT EXISTS doc(
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id TEXT NOT NULL UNIQUE,
        fingerprint BLOB,
        shingles INTEGER NOT NULL,
        numbers BLOB NOT NULL,
        source TEXT,
        added_at REAL NOT NULL,
        signature BLOB NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS doc_fingerprint ON doc(fingerprint)",
    # own = 1 for the URL a document was stored under, 0 for URLs found to duplicate it.
    "CREATE TABLE IF NOT EXISTS url(url TEXT PRIMARY KEY, n INTEGER NOT NULL, own INTEGER NOT NULL) WITHOUT ROWID",
    # One row per (band key, document): the band number is mixed into the key (crawler.dedupe.near).
    "CREATE TABLE IF NOT EXISTS band(key INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, n)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS counter(name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
    # Bands of an import_sketches() batch, waiting to be merged into band in key order.
    "CREATE TABLE IF NOT EXISTS band_staging(key INTEGER NOT NULL, n INTEGER NOT NULL)",
)

Synchronous = Literal["NORMAL", "FULL"]


class StateMismatchError(RuntimeError):
    """The state on disk was written with other dedupe settings or schema."""


class SqliteState:
    """DedupeState on one SQLite file in WAL mode, one transaction per call.

    Durability: each check_and_add/forget_url commits before returning. With synchronous=NORMAL
    (default) a commit is in the WAL file when the call returns, so a killed process (SIGKILL,
    OOM) loses nothing acknowledged; only an OS crash or power cut can roll back the last commits.
    synchronous=FULL also fsyncs every commit and survives power loss, at a higher cost per call.
    """

    def __init__(
        self, path: str | Path, *, params: NearParams = DEFAULT_PARAMS, synchronous: Synchronous = "NORMAL"
    ) -> None:
        if synchronous not in ("NORMAL", "FULL"):
            raise ValueError(f"synchronous must be NORMAL or FULL, not {synchronous!r}")
        self.path = Path(path)
        self.params = params
        self._lock = threading.Lock()
        self._closed = False
        # isolation_level=None: transactions are opened explicitly (BEGIN IMMEDIATE) and committed per call.
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30.0)
        self._db.execute(f"PRAGMA page_size={PAGE_SIZE}")  # only takes effect when the file is created
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT}")
        self._db.execute(f"PRAGMA synchronous={synchronous}")
        self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self._db.execute(f"PRAGMA journal_size_limit={JOURNAL_LIMIT}")
        self._db.execute("PRAGMA mmap_size=0")
        with self._transaction():
            for statement in SCHEMA:
                self._db.execute(statement)
            self._check_meta("schema", SCHEMA_VERSION)
            self._check_meta("near", params.describe())
            self._db.executemany("INSERT OR IGNORE INTO counter VALUES (?, 0)", [(name,) for name in STAT_NAMES])
            if self._db.execute("SELECT 1 FROM band_staging LIMIT 1").fetchone():  # an import was interrupted
                sqlite_bulk.merge_staging(self._db)

    # -- DedupeState ---------------------------------------------------------------------------

    def seen_url(self, canonical_url: str) -> str | None:
        """Id of the record kept for this URL, or None."""
        with self._lock:
            return self._url_owner(canonical_url)

    def check_and_add(
        self,
        record_id: str,
        canonical_url: str,
        body: str,
        *,
        source: str | None = None,
        title: str | None = None,
    ) -> Verdict:
        """Classify and, when new, store; see DedupeState. title is accepted for the interface but not used."""
        del title  # another headline must not hide a copy, so only the body is compared
        return self.check_and_add_sketch(record_id, canonical_url, sketch(body), source=source)

    def check_and_add_sketch(
        self, record_id: str, canonical_url: str, sk: Sketch, *, source: str | None = None
    ) -> Verdict:
        """check_and_add for a body already sketched (the MinHash work done by the caller)."""
        keys = band_keys(sk.signature, self.params) if sk.shingles >= self.params.min_shingles else []
        with self._lock, self._transaction():
            return self._classify_and_store(record_id, canonical_url, sk, keys, source)

    def fingerprint_of_url(self, canonical_url: str) -> str | None:
        """Exact body fingerprint (hex) of the document this URL leads to, or None (refresh: changed or not)."""
        with self._lock:
            row = self._db.execute(
                "SELECT d.fingerprint FROM url u JOIN doc d ON d.n = u.n WHERE u.url = ?", (canonical_url,)
            ).fetchone()
        return None if row is None or row[0] is None else bytes(row[0]).hex()

    def forget_url(self, canonical_url: str) -> None:
        """Forget the URL; the document stored under it (and its bands) goes too."""
        with self._lock, self._transaction():
            row = self._db.execute("SELECT n, own FROM url WHERE url = ?", (canonical_url,)).fetchone()
            if row is None:
                return
            self._db.execute("DELETE FROM url WHERE url = ?", (canonical_url,))
            self._bump("urls", -1)
            n, own = row
            if not own:
                return
            doc = self._db.execute("SELECT signature, shingles FROM doc WHERE n = ?", (n,)).fetchone()
            if doc is None:
                return
            if doc[1] >= self.params.min_shingles:
                keys = band_keys(doc[0], self.params)
                self._db.executemany("DELETE FROM band WHERE key = ? AND n = ?", [(key, n) for key in keys])
            self._db.execute("DELETE FROM doc WHERE n = ?", (n,))
            self._bump("documents", -1)

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close (a second call does nothing)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                self._db.close()

    def stats(self) -> dict[str, int]:
        """Persistent counters (documents, urls, checks, verdict kinds, candidates verified)."""
        with self._lock:
            rows = self._db.execute("SELECT name, value FROM counter").fetchall()
        values = dict(rows)
        return {name: int(values.get(name, 0)) for name in STAT_NAMES}

    # -- extras ----------------------------------------------------------------------------------

    def import_sketches(self, items: Iterable[tuple[str, str, Sketch, str | None]]) -> int:
        """Store (record_id, canonical_url, sketch, source) without classifying (seeding from an export).

        Records whose id is already stored are skipped; returns how many were stored. See
        crawler.state.sqlite_bulk for how the bands are loaded.
        """
        return sqlite_bulk.import_sketches(self, items)

    def __enter__(self) -> SqliteState:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- internals -------------------------------------------------------------------------------

    def _classify_and_store(self, record_id: str, url: str, sk: Sketch, keys: list[int], source: str | None) -> Verdict:
        db = self._db
        self._bump("checks", 1)
        kept = self._url_owner(url)
        if kept is not None:
            return self._verdict(Verdict("url", kept, 1.0))
        row = db.execute("SELECT n FROM doc WHERE record_id = ?", (record_id,)).fetchone()
        if row is not None:  # the same record re-sent under another URL: remember the URL, keep one copy
            self._alias(url, row[0])
            return self._verdict(Verdict("url", record_id, 1.0))
        fingerprint = bytes.fromhex(sk.fingerprint) if sk.shingles >= self.params.min_exact_shingles else None
        if fingerprint is not None:
            row = db.execute(
                "SELECT n, record_id FROM doc WHERE fingerprint = ? ORDER BY n LIMIT 1", (fingerprint,)
            ).fetchone()
            if row is not None:
                self._alias(url, row[0])
                return self._verdict(Verdict("exact", row[1], 1.0))
        if keys:
            match = self._near(sk, keys)
            if match is not None:
                self._alias(url, match[0])
                return self._verdict(Verdict("near", match[1], match[2]))
        cursor = db.execute(
            "INSERT INTO doc(record_id, fingerprint, shingles, numbers, source, added_at, signature)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (record_id, fingerprint, sk.shingles, sk.numbers, source, time.time(), sk.signature),
        )
        n = int(cursor.lastrowid or 0)
        self._put_url(url, n, own=True)
        db.executemany("INSERT OR IGNORE INTO band VALUES (?, ?)", [(key, n) for key in keys])
        self._bump("documents", 1)
        return self._verdict(NEW)

    def _near(self, sk: Sketch, keys: list[int]) -> tuple[int, str, float] | None:
        marks = ",".join("?" * len(keys))
        hits = self._db.execute(
            f"SELECT n FROM band WHERE key IN ({marks}) GROUP BY n ORDER BY COUNT(*) DESC, n LIMIT ?",
            (*keys, self.params.max_candidates),
        ).fetchall()
        if not hits:
            return None
        numbers = [n for (n,) in hits]
        self._bump("candidates", len(numbers))
        rows = self._db.execute(
            f"SELECT n, record_id, signature, shingles, numbers FROM doc WHERE n IN ({','.join('?' * len(numbers))})"
            " ORDER BY n",
            numbers,
        ).fetchall()
        by_id = {record_id: n for n, record_id, *_ in rows}
        candidates = [
            (record_id, Sketch("", signature, shingles, nums)) for _, record_id, signature, shingles, nums in rows
        ]
        match = best_match(sk, candidates, self.params)
        if match is None:
            return None
        return by_id[match[0]], match[0], match[1]

    def _url_owner(self, url: str) -> str | None:
        row = self._db.execute(
            "SELECT d.record_id FROM url u JOIN doc d ON d.n = u.n WHERE u.url = ?", (url,)
        ).fetchone()
        return None if row is None else str(row[0])

    def _alias(self, url: str, n: int) -> None:
        self._put_url(url, n, own=False)

    def _put_url(self, url: str, n: int, *, own: bool) -> None:
        # A row can only exist here when it points at a forgotten document (dangling): then it is
        # replaced and the URL count stays the same.
        known = self._db.execute("SELECT 1 FROM url WHERE url = ?", (url,)).fetchone() is not None
        self._db.execute("INSERT OR REPLACE INTO url VALUES (?, ?, ?)", (url, n, int(own)))
        if not known:
            self._bump("urls", 1)

    def _verdict(self, verdict: Verdict) -> Verdict:
        self._bump(verdict.kind, 1)
        return verdict

    def _bump(self, name: str, delta: int) -> None:
        self._db.execute("UPDATE counter SET value = value + ? WHERE name = ?", (delta, name))

    def _check_meta(self, key: str, value: str) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            self._db.execute("INSERT INTO meta VALUES (?, ?)", (key, value))
        elif row[0] != value:
            raise StateMismatchError(f"{self.path}: {key} is {row[0]!r}, this code uses {value!r}")

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error: the write lock is taken before reading, so the
    check and the insert are atomic even with several processes on one state file."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self._db.execute("COMMIT")
        elif self._db.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
            self._db.execute("ROLLBACK")


def open_state(
    state_dir: str | Path, *, params: NearParams = DEFAULT_PARAMS, synchronous: Synchronous = "NORMAL"
) -> SqliteState:
    """Open (creating) <state_dir>/state.sqlite3 in WAL mode."""
    directory = Path(state_dir)
    directory.mkdir(parents=True, exist_ok=True)
    return SqliteState(directory / STATE_FILE, params=params, synchronous=synchronous)
