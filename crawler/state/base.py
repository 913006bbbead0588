"""Backend-neutral interface of the persistent dedupe state (URL, exact body and near-duplicate memory)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

VerdictKind = Literal["new", "url", "exact", "near"]

# Names of the counters every backend reports from stats().
STAT_NAMES = ("documents", "urls", "checks", "new", "url", "exact", "near", "candidates")


@dataclass(frozen=True)
class Verdict:
    """How a record relates to what the state already holds."""

    kind: VerdictKind
    kept_id: str | None  # id of the record kept earlier (None when new)
    similarity: float | None  # estimated Jaccard for near, 1.0 for exact and url, None when new

    @property
    def is_duplicate(self) -> bool:
        """True unless the record is new and was stored."""
        return self.kind != "new"


NEW = Verdict("new", None, None)


@runtime_checkable
class DedupeState(Protocol):
    """What the dedupe pipeline needs from a store; SQLite alone, Redis when shared.

    A backend keeps, per stored document: the record id, the canonical URLs that lead to it, the
    exact body fingerprint (hex str), the MinHash signature (bytes), the shingle count, the numbers
    sample (bytes) and one LSH key per band (int in [0, 2**63)); crawler.dedupe computes all of
    them, so every backend classifies identically.
    """

    def seen_url(self, canonical_url: str) -> str | None:
        """Id of the record exported for this URL (or that this URL duplicated), or None."""
        ...

    def check_and_add(
        self,
        record_id: str,
        canonical_url: str,
        body: str,
        *,
        source: str | None = None,
        title: str | None = None,
    ) -> Verdict:
        """Classify against everything stored (url, exact fingerprint, near via LSH) and store a new record.

        Atomic, and durable against a crash of the process once it returns. A duplicate's URL is
        remembered as an alias of the kept record, so seen_url() answers for it next time.
        """
        ...

    def fingerprint_of_url(self, canonical_url: str) -> str | None:
        """Exact body fingerprint (hex, as crawler.dedupe.body_fingerprint) stored for this URL's document."""
        ...

    def forget_url(self, canonical_url: str) -> None:
        """Forget a URL so its record can be re-emitted (refresh); drops its document when it owns one."""
        ...

    def close(self) -> None:
        """Flush and release the store."""
        ...

    def stats(self) -> dict[str, int]:
        """Persistent counters named in STAT_NAMES."""
        ...
