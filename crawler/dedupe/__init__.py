"""Duplicate detection: exact body fingerprints, MinHash sketches and the LSH near-duplicate rules."""

from crawler.dedupe.fingerprint import NUM_PERM, SHINGLE_SIZE, Sketch, body_fingerprint, sketch, tokenize
from crawler.dedupe.near import DEFAULT_PARAMS, NearParams, band_keys, best_match, estimate_jaccard, similarity

__all__ = [
    "DEFAULT_PARAMS",
    "NUM_PERM",
    "SHINGLE_SIZE",
    "NearParams",
    "Sketch",
    "band_keys",
    "best_match",
    "body_fingerprint",
    "estimate_jaccard",
    "similarity",
    "sketch",
    "tokenize",
]
