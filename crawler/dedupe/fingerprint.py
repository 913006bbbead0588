"""Body normalisation, exact body fingerprints and MinHash sketches for duplicate detection."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np

# Bump when normalisation, token or shingle hashing change: stored sketches would no longer compare.
SKETCH_VERSION = 1
NUM_PERM = 128
SHINGLE_SIZE = 3
# Bottom-k sample of the numeric tokens kept per document; news bodies rarely hold more distinct numbers.
MAX_NUMBERS = 64
# Same seed and scheme as the datasketch MinHash the signatures are compatible with.
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"

TOKEN_RE = re.compile(r"\w+")
# Apostrophes vary between copies of one text (Uzbek oʻ/o'/o‘, English don't/don’t): drop them so
# the word stays one token whatever the publisher's typography (a regex is ~5x faster than str.translate).
APOSTROPHE_RE = re.compile("['\u2018\u2019\u02bb\u02bc\u02b9\u0060\u00b4]")

_U32 = np.uint32
_U64 = np.uint64
# Odd multipliers for folding token hashes into a shingle hash (from splitmix64 / murmur3).
_FOLD_MUL = _U64(0x9E3779B97F4A7C15)
_MIX_MUL1 = _U64(0xBF58476D1CE4E5B9)
_MIX_MUL2 = _U64(0x94D049BB133111EB)
# Murmur3 32-bit finalizer constants, as datasketch's affine32 scheme pre-mixes its inputs with them.
_FMIX32 = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))


def affine32_permutations(num_perm: int = NUM_PERM, seed: int = MINHASH_SEED) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of datasketch's MinHash(num_perm, seed, scheme="affine32"), drawn the way datasketch 2.0 draws them.

    Importing datasketch for these pulls in scipy.integrate (for its LSH): +41 MiB resident in every crawler
    process. tests/test_dedupe_fingerprint.py checks the values against datasketch itself."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)  # odd multipliers: bijective maps
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


_PERM_A, _PERM_B = affine32_permutations()
_EMPTY_SIGNATURE = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=_U32)


@dataclass(frozen=True)
class Sketch:
    """What the dedupe store keeps per document: all of it is plain bytes/ints for any backend."""

    fingerprint: str  # hex digest of the normalised token stream (exact duplicates)
    signature: bytes  # NUM_PERM little-endian uint32 MinHash values over word shingles
    shingles: int  # number of distinct shingles (set size, for containment estimates)
    numbers: bytes  # sorted little-endian uint32 hashes of distinct numeric tokens (bottom-k)


def normalise(text: str) -> str:
    """NFKC, casefolded, with apostrophes removed and ё folded to е."""
    # ё/е are used interchangeably in Russian copies of the same text.
    return APOSTROPHE_RE.sub("", unicodedata.normalize("NFKC", text).casefold()).replace("ё", "е")


def tokenize(text: str) -> list[str]:
    """Normalised word tokens (\\w+): punctuation and whitespace never matter."""
    return TOKEN_RE.findall(normalise(text))


def body_fingerprint(body: str) -> str:
    """Exact-duplicate key: blake2b-128 of the normalised tokens joined by single spaces."""
    return _fingerprint_tokens(tokenize(body))


def _fingerprint_tokens(tokens: list[str]) -> str:
    return hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=16).hexdigest()


def token_hashes(tokens: list[str]) -> np.ndarray:
    """Stable 32-bit hash per token (CRC-32 is the cheapest stable hash in the standard library)."""
    return np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=_U64, count=len(tokens))


def shingle_hashes(hashes: np.ndarray, k: int = SHINGLE_SIZE) -> np.ndarray:
    """Distinct 32-bit hashes of the k-word shingles (the whole text when it has fewer than k words)."""
    n = len(hashes)
    if n == 0:
        return np.empty(0, dtype=_U32)
    width = min(k, n)
    count = n - width + 1
    with np.errstate(over="ignore"):
        acc = np.zeros(count, dtype=_U64)
        for offset in range(width):
            acc = (acc ^ hashes[offset : offset + count]) * _FOLD_MUL
        # splitmix64 finaliser so the fold's linear structure does not leak into the 32 bits kept.
        acc ^= acc >> _U64(30)
        acc *= _MIX_MUL1
        acc ^= acc >> _U64(27)
        acc *= _MIX_MUL2
        acc ^= acc >> _U64(31)
    return np.unique((acc >> _U64(32)).astype(_U32))


def minhash_values(shingles: np.ndarray) -> np.ndarray:
    """MinHash signature equal to datasketch's MinHash(128, seed=1, scheme='affine32').update_batch(shingles)."""
    if len(shingles) == 0:
        return _EMPTY_SIGNATURE.copy()
    s1, m1, s2, m2, s3 = _FMIX32
    with np.errstate(over="ignore"):
        hv = shingles.astype(_U32)
        hv = hv ^ (hv >> s1)
        hv = hv * m1
        hv = hv ^ (hv >> s2)
        hv = hv * m2
        hv = hv ^ (hv >> s3)
        # One row per shingle, one column per permutation: a * h + b (mod 2^32).
        permuted = hv[:, None] * _PERM_A[None, :] + _PERM_B[None, :]
    signature: np.ndarray = permuted.min(axis=0)
    return signature


def number_hashes(tokens: list[str]) -> np.ndarray:
    """Sorted distinct 32-bit hashes of the tokens holding a digit, keeping the MAX_NUMBERS smallest.

    Figures, dates and scores are compared separately so template notes stay apart. A \\w+ token
    that is not all letters holds a digit (or an underscore, rare in prose); str.isalpha is far
    cheaper than a digit regex per token.
    """
    numeric = {t for t in tokens if not t.isalpha()}
    values = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in numeric), dtype=_U32, count=len(numeric))
    values.sort()
    return values[:MAX_NUMBERS]


def sketch(body: str, k: int = SHINGLE_SIZE) -> Sketch:
    """Everything needed to compare this body later with exact and near-duplicate rules."""
    tokens = tokenize(body)
    shingles = shingle_hashes(token_hashes(tokens), k)
    signature = minhash_values(shingles)
    return Sketch(
        fingerprint=_fingerprint_tokens(tokens),
        signature=signature.astype("<u4").tobytes(),
        shingles=int(len(shingles)),
        numbers=number_hashes(tokens).astype("<u4").tobytes(),
    )


def signature_array(signature: bytes) -> np.ndarray:
    """The stored signature bytes as a uint32 array."""
    return np.frombuffer(signature, dtype="<u4")
