"""LSH band keys and the near-duplicate decision on MinHash sketches (storage-independent)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crawler.dedupe.fingerprint import MAX_NUMBERS, NUM_PERM, SHINGLE_SIZE, SKETCH_VERSION, Sketch, signature_array

_U64 = np.uint64
_MASK63 = (1 << 63) - 1
# splitmix64 constants: the band key must mix the band number and its rows into 64 random bits.
_GOLDEN = _U64(0x9E3779B97F4A7C15)
_MIX1 = _U64(0xBF58476D1CE4E5B9)
_MIX2 = _U64(0x94D049BB133111EB)


@dataclass(frozen=True)
class NearParams:
    """Tunables of the near-duplicate stage; a store records them and refuses to mix settings."""

    # 32 bands of 2 rows (64 of the 128 values): P(candidate) = 1 - (1 - J^2)^32 is 0.975 at J = 0.33,
    # 0.87 at J = 0.25 and 0.08 at J = 0.05. Edited copies have J >= 0.3 on 3-word shingles; every band
    # costs one index row and one random page write per stored document, so 64 bands were too slow.
    bands: int = 32
    rows: int = 2
    # Accept when the estimated Jaccard reaches min_jaccard, or when the shorter text is mostly inside
    # the longer one (paragraphs added or dropped) and the Jaccard is not just estimation noise.
    min_jaccard: float = 0.33
    min_containment: float = 0.55
    containment_floor: float = 0.2
    # Fewer distinct shingles than this and the estimate is too noisy: only exact matches count.
    min_shingles: int = 20
    # Exact matching needs a few words too: short bodies ("Photo gallery") would merge unrelated pages.
    min_exact_shingles: int = 5
    # Near-identical wording with other figures is a template note (exchange rate, weather): distinct.
    # Rejected when the smaller text has min_numbers numbers, min_missing of them are absent from the
    # other text and under min_number_overlap of them are shared (an edited copy keeps its figures).
    min_numbers: int = 3
    min_missing: int = 2
    min_number_overlap: float = 0.75
    # Verify at most this many candidates, those sharing the most bands first (bounds the work per check).
    max_candidates: int = 32

    def describe(self) -> str:
        """What decides the stored data (not the decision thresholds, which may change freely).

        A store keeps this and refuses to open with another value: its fingerprints, signatures
        and band keys would not match newly computed ones.
        """
        return (
            f"sketch={SKETCH_VERSION};k={SHINGLE_SIZE};perm={NUM_PERM};bands={self.bands};rows={self.rows};"
            f"min_shingles={self.min_shingles};min_exact={self.min_exact_shingles}"
        )


DEFAULT_PARAMS = NearParams()


def band_keys(signature: bytes, params: NearParams = DEFAULT_PARAMS) -> list[int]:
    """One 63-bit key per band (band number mixed in), ready for an SQL INTEGER or a Redis key."""
    return [int(key) for key in band_key_matrix(signature_array(signature)[None, :], params)[0].tolist()]


def band_key_matrix(signatures: np.ndarray, params: NearParams = DEFAULT_PARAMS) -> np.ndarray:
    """Band keys of many signatures at once: (m, NUM_PERM) uint32 -> (m, bands) int64 in [0, 2**63)."""
    used = params.bands * params.rows
    grid = signatures[:, :used].astype(_U64).reshape(len(signatures), params.bands, params.rows)
    with np.errstate(over="ignore"):
        acc = np.broadcast_to((np.arange(params.bands, dtype=_U64) + _U64(1)) * _GOLDEN, grid.shape[:2])
        for column in range(params.rows):
            acc = _mix64(acc ^ grid[:, :, column])
    # SQLite integers are signed 64-bit: keep 63 bits so every key is a non-negative INTEGER.
    keys: np.ndarray = (acc & _U64(_MASK63)).astype(np.int64)
    return keys


def _mix64(x: np.ndarray) -> np.ndarray:
    x = (x ^ (x >> _U64(30))) * _MIX1
    x = (x ^ (x >> _U64(27))) * _MIX2
    mixed: np.ndarray = x ^ (x >> _U64(31))
    return mixed


def estimate_jaccard(a: bytes, b: bytes) -> float:
    """Share of equal MinHash values: an unbiased estimate of the shingle-set Jaccard similarity."""
    return float(np.count_nonzero(signature_array(a) == signature_array(b))) / NUM_PERM


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated |A n B| / min(|A|, |B|) from the Jaccard estimate and the two set sizes."""
    if min(size_a, size_b) == 0:
        return 0.0
    intersection = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, intersection / min(size_a, size_b))


def number_overlap(a: bytes, b: bytes) -> tuple[int, float]:
    """(smaller number count, share of its numbers found in the other text), on bottom-k samples.

    A sample holding MAX_NUMBERS values was truncated to the smallest hashes: then only values up
    to its largest kept hash can be compared, which keeps the estimate unbiased.
    """
    xs = np.frombuffer(a, dtype="<u4")
    ys = np.frombuffer(b, dtype="<u4")
    if len(xs) == 0 or len(ys) == 0:
        return 0, 1.0
    limits = [int(sample[-1]) for sample in (xs, ys) if len(sample) >= MAX_NUMBERS]
    if limits:
        xs = xs[xs <= min(limits)]
        ys = ys[ys <= min(limits)]
    smaller = min(len(xs), len(ys))
    if smaller == 0:
        return 0, 1.0
    return smaller, len(np.intersect1d(xs, ys, assume_unique=True)) / smaller


def similarity(new: Sketch, old: Sketch, params: NearParams = DEFAULT_PARAMS) -> float | None:
    """The estimated Jaccard when new is a near-duplicate of old, else None."""
    if min(new.shingles, old.shingles) < params.min_shingles:
        return None
    jaccard = estimate_jaccard(new.signature, old.signature)
    if jaccard < params.min_jaccard:
        if jaccard < params.containment_floor:
            return None
        if containment(jaccard, new.shingles, old.shingles) < params.min_containment:
            return None
    if figures_differ(new, old, params):
        return None
    return jaccard


def figures_differ(new: Sketch, old: Sketch, params: NearParams = DEFAULT_PARAMS) -> bool:
    """True when the numbers say two similarly worded texts report different figures."""
    count, overlap = number_overlap(new.numbers, old.numbers)
    missing = round(count * (1.0 - overlap))
    return count >= params.min_numbers and missing >= params.min_missing and overlap < params.min_number_overlap


def best_match(
    new: Sketch, candidates: list[tuple[str, Sketch]], params: NearParams = DEFAULT_PARAMS
) -> tuple[str, float] | None:
    """(id, similarity) of the most similar accepted candidate; ties go to the earlier candidate."""
    best: tuple[str, float] | None = None
    for record_id, old in candidates:
        score = similarity(new, old, params)
        if score is not None and (best is None or score > best[1]):
            best = (record_id, score)
    return best
