"""Redis dedupe state: the SQLite backend's verdicts, shared by every crawler process on any machine."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from types import TracebackType
from typing import Any

import redis

from crawler.dedupe.fingerprint import Sketch, sketch
from crawler.dedupe.near import DEFAULT_PARAMS, NearParams, band_keys, best_match
from crawler.state import redis_scripts
from crawler.state.base import NEW, STAT_NAMES, Verdict
from crawler.state.redis_layout import DEFAULT_BUCKETS, Layout, Slot, StoredDoc, decode_doc, encode_doc
from crawler.state.sqlite import StateMismatchError

logger = logging.getLogger(__name__)

SCHEMA_VERSION = "redis-1"
DEFAULT_PREFIX = "news:state:"
# A check retries when a concurrent store or forget touched one of its band buckets between the
# client's read and the script; each retry means another document was committed, so a long run
# of them only happens under a storm of near-identical pages. Then the state is overloaded.
MAX_ATTEMPTS = 200
RETRY_PAUSE = 0.002  # seconds, doubled per attempt up to RETRY_PAUSE_MAX
RETRY_PAUSE_MAX = 0.1
# Eviction policies that may delete keys of the state when Redis reaches maxmemory.
SAFE_POLICIES = frozenset({"noeviction", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"})


class StateConflictError(RuntimeError):
    """check_and_add or forget_url lost the race MAX_ATTEMPTS times in a row."""


class RedisState:
    """DedupeState on one Redis server (or a primary with replicas), shared by any number of processes.

    Key layout (under `prefix`; crawler.state.redis_layout): `meta` (schema and dedupe settings),
    `stats` (the STAT_NAMES counters), `seq` (last document number), `docs` (number -> blob of
    record id, source, time, fingerprint, shingle count, numbers sample, MinHash signature), and
    bucketed hashes `u:*` (URL digest -> number, negative for an alias), `r:*` (record-id digest
    -> number), `f:*` (fingerprint -> number) and `b:*` (LSH band key -> numbers).

    Atomicity: every write is one Lua script, so concurrent workers see one order of checks (see
    redis_scripts.CHECK_AND_ADD for the near-duplicate stage). Durability: a call returns after
    Redis applied the script, so a crawler killed at any point loses nothing it was told; what
    survives a crash or restart of Redis itself depends on the server's persistence: run it with
    `appendonly yes` (`appendfsync everysec` loses at most the last second on a power cut,
    `always` nothing) and `maxmemory-policy noeviction` (an evicting policy would drop keys of
    the state and let duplicates through). RDB snapshots alone lose everything since the last one.
    """

    def __init__(
        self,
        client: redis.Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        params: NearParams = DEFAULT_PARAMS,
        buckets: int = DEFAULT_BUCKETS,
        check_server: bool = True,
    ) -> None:
        self.client = client
        self.params = params
        self.layout = Layout(prefix, buckets)
        self._lock = threading.Lock()
        self._closed = False
        self._seen_url = client.register_script(redis_scripts.SEEN_URL)
        self._doc_of_url = client.register_script(redis_scripts.DOC_OF_URL)
        self._check_and_add = client.register_script(redis_scripts.CHECK_AND_ADD)
        self._forget_url = client.register_script(redis_scripts.FORGET_URL)
        meta = ("schema", SCHEMA_VERSION, "near", params.describe(), "buckets", str(buckets))
        mismatch = client.register_script(redis_scripts.CHECK_META)(keys=[self.layout.meta], args=list(meta))
        if mismatch:
            name, stored = (part.decode() for part in mismatch)
            value = meta[meta.index(name) + 1]
            raise StateMismatchError(f"redis {prefix!r}: {name} is {stored!r}, this code uses {value!r}")
        if check_server:
            warn_about_server(client)

    # -- DedupeState ---------------------------------------------------------------------------

    def seen_url(self, canonical_url: str) -> str | None:
        """Id of the record kept for this URL, or None."""
        slot = self.layout.url(canonical_url)
        found = self._seen_url(keys=[self.layout.docs, slot.key], args=[slot.field])
        return None if found is None else found.decode("utf-8")

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
        params, layout = self.params, self.layout
        keys = band_keys(sk.signature, params) if sk.shingles >= params.min_shingles else []
        has_fingerprint = sk.shingles >= params.min_exact_shingles
        url, record = layout.url(canonical_url), layout.record(record_id)
        fingerprint = layout.fingerprint(sk.fingerprint) if has_fingerprint else None
        bands = [layout.band(key) for key in keys]
        blob = encode_doc(record_id, source, time.time(), sk, has_fingerprint)
        fp_key, fp_field = (fingerprint.key, fingerprint.field) if fingerprint else (layout.meta, b"")
        script_keys = [layout.stats, layout.docs, layout.seq, url.key, record.key, fp_key, *(b.key for b in bands)]
        for attempt in range(MAX_ATTEMPTS):
            known, band_values = self._read(record, fingerprint, bands)
            near, score, candidates = ("skip", "", 0) if known else self._near(sk, band_values)
            args: list[Any] = [url.field, record.field, fp_field, blob, near, score, candidates]
            for band, value in zip(bands, band_values, strict=True):
                args += [band.field, value or b""]
            reply = self._check_and_add(keys=script_keys, args=args)
            if reply[0] != b"retry":
                return _verdict(reply)
            _pause(attempt)
        raise StateConflictError(f"{canonical_url}: {MAX_ATTEMPTS} conflicting writes in a row")

    def fingerprint_of_url(self, canonical_url: str) -> str | None:
        """Exact body fingerprint (hex) of the document this URL leads to, or None (refresh: changed or not)."""
        found = self._lookup(canonical_url)
        return None if found is None else found[1].fingerprint

    def forget_url(self, canonical_url: str) -> None:
        """Forget the URL; the document stored under it (and its bands) goes too."""
        url = self.layout.url(canonical_url)
        for attempt in range(MAX_ATTEMPTS):
            value = self.client.hget(url.key, url.field)
            if value is None:
                return
            doc: StoredDoc | None = None
            if int(value) > 0:
                blob = self.client.hget(self.layout.docs, value)
                doc = None if blob is None else decode_doc(blob)
            script_keys, args = self._forget_args(url, value, doc)
            if self._forget_url(keys=script_keys, args=args) != b"retry":
                return
            _pause(attempt)
        raise StateConflictError(f"{canonical_url}: {MAX_ATTEMPTS} conflicting writes in a row")

    def close(self) -> None:
        """Release the connections (a second call does nothing); every write was applied when it returned."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self.client.close()

    def stats(self) -> dict[str, int]:
        """Persistent counters (documents, urls, checks, verdict kinds, candidates verified)."""
        values = {key.decode(): int(value) for key, value in self.client.hgetall(self.layout.stats).items()}
        return {name: values.get(name, 0) for name in STAT_NAMES}

    # -- extras ----------------------------------------------------------------------------------

    def stored_doc_of_url(self, canonical_url: str) -> StoredDoc | None:
        """The decoded document this URL leads to, or None."""
        found = self._lookup(canonical_url)
        return None if found is None else found[1]

    def __enter__(self) -> RedisState:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- internals -------------------------------------------------------------------------------

    def _read(self, record: Slot, fingerprint: Slot | None, bands: list[Slot]) -> tuple[bool, list[bytes | None]]:
        """One round trip: whether the record id or fingerprint is already stored, and each band field."""
        pipe = self.client.pipeline(transaction=False)
        pipe.hexists(record.key, record.field)
        if fingerprint is not None:
            pipe.hexists(fingerprint.key, fingerprint.field)
        for band in bands:
            pipe.hget(band.key, band.field)
        replies = pipe.execute()
        lookups = 2 if fingerprint is not None else 1
        # A stored record id or fingerprint decides before the near stage: skip the candidate work.
        # A known URL does not (its document may have been forgotten), and URLs are rarely re-sent
        # here because the seen-URL middleware drops them before download.
        return any(replies[:lookups]), replies[lookups:]

    def _near(self, sk: Sketch, band_values: list[bytes | None]) -> tuple[str, str, int]:
        """(matched document number or 'none', similarity, candidates verified), as SqliteState._near."""
        counts: Counter[int] = Counter()
        for value in band_values:
            if value:
                # A number appears once per band key (as the SQL primary key (key, n) keeps it).
                counts.update(set(map(int, value.split(b","))))
        if not counts:
            return "none", "", 0
        # Most shared bands first, then the oldest document (ORDER BY COUNT(*) DESC, n LIMIT max_candidates).
        chosen = sorted(counts, key=lambda n: (-counts[n], n))[: self.params.max_candidates]
        chosen.sort()  # verified in document order, so ties go to the older document
        blobs = self.client.hmget(self.layout.docs, chosen)
        # A candidate forgotten since the bands were read is skipped: its bands changed, so the script retries.
        candidates = [(str(n), decode_doc(blob).sketch) for n, blob in zip(chosen, blobs, strict=True) if blob]
        match = best_match(sk, candidates, self.params)
        if match is None:
            return "none", "", len(chosen)
        return match[0], repr(match[1]), len(chosen)

    def _lookup(self, canonical_url: str) -> tuple[bytes, StoredDoc] | None:
        url = self.layout.url(canonical_url)
        found = self._doc_of_url(keys=[self.layout.docs, url.key], args=[url.field])
        return None if found is None else (found[0], decode_doc(found[1]))

    def _forget_args(self, url: Slot, value: bytes, doc: StoredDoc | None) -> tuple[list[str], list[bytes]]:
        layout = self.layout
        if doc is None:
            return [layout.stats, layout.docs, url.key, layout.meta, layout.meta], [url.field, value, b"", b""]
        record = layout.record(doc.record_id)
        fingerprint = layout.fingerprint(doc.fingerprint) if doc.fingerprint else None
        keys = band_keys(doc.sketch.signature, self.params) if doc.sketch.shingles >= self.params.min_shingles else []
        bands = [layout.band(key) for key in keys]
        script_keys = [layout.stats, layout.docs, url.key, record.key, fingerprint.key if fingerprint else layout.meta,
                       *(band.key for band in bands)]
        args = [url.field, value, record.field, fingerprint.field if fingerprint else b"", *(b.field for b in bands)]
        return script_keys, args


def _verdict(reply: list[Any]) -> Verdict:
    kind = reply[0].decode()
    if kind == "new":
        return NEW
    return Verdict(kind, reply[1].decode("utf-8"), float(reply[2]))  # type: ignore[arg-type]


def _pause(attempt: int) -> None:
    time.sleep(min(RETRY_PAUSE * 2**attempt, RETRY_PAUSE_MAX))


def warn_about_server(client: redis.Redis) -> list[str]:
    """Log (and return) what in the server's configuration can lose the state; CONFIG may be disabled."""
    try:
        config = {key: str(value) for key, value in client.config_get("appendonly", "save", "maxmemory*").items()}
    except redis.ResponseError:  # managed services often rename or disable CONFIG
        logger.debug("CONFIG GET refused: cannot check the Redis persistence settings")
        return []
    problems = []
    if config.get("appendonly") != "yes" and not config.get("save"):
        problems.append("neither AOF (appendonly yes) nor RDB snapshots are on: a Redis restart loses the state")
    elif config.get("appendonly") != "yes":
        problems.append("only RDB snapshots are on: a Redis crash loses what came after the last one "
                        "(use appendonly yes)")
    policy = config.get("maxmemory-policy", "noeviction")
    if config.get("maxmemory", "0") != "0" and policy not in SAFE_POLICIES:
        problems.append(f"maxmemory-policy {policy} may evict keys of the state (use noeviction)")
    for problem in problems:
        logger.warning("Redis dedupe state: %s", problem)
    return problems


def open_redis_state(
    url: str,
    *,
    prefix: str = DEFAULT_PREFIX,
    params: NearParams = DEFAULT_PARAMS,
    buckets: int = DEFAULT_BUCKETS,
    check_server: bool = True,
) -> RedisState:
    """Connect to the Redis at `url` (redis://, rediss://, unix://) and open the state under `prefix`."""
    client = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, retry_on_timeout=True)
    try:
        return RedisState(client, prefix=prefix, params=params, buckets=buckets, check_server=check_server)
    except BaseException:
        client.close()
        raise
