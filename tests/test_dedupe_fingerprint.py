"""Body normalisation, exact fingerprints and MinHash signatures (crawler.dedupe.fingerprint)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash

from crawler.dedupe.fingerprint import (
    NUM_PERM,
    body_fingerprint,
    minhash_values,
    number_hashes,
    shingle_hashes,
    signature_array,
    sketch,
    token_hashes,
    tokenize,
)
from crawler.dedupe.near import estimate_jaccard

FIXTURES = Path(__file__).parent / "fixtures" / "dedupe"


def article() -> str:
    return (FIXTURES / "article_en.txt").read_text(encoding="utf-8")


def test_tokenize_casefolds_and_ignores_punctuation() -> None:
    assert tokenize("Hello,  WORLD!\n(Again) — 2024") == ["hello", "world", "again", "2024"]


def test_tokenize_unifies_apostrophes_and_yo() -> None:
    assert tokenize("Oʻzbekiston o'zbekiston O‘zbekiston") == ["ozbekiston"] * 3
    assert tokenize("Ещё ещё") == tokenize("Еще еще")


def test_fingerprint_ignores_case_whitespace_and_punctuation() -> None:
    text = article()
    variant = text.upper().replace(",", "").replace("\n", "\n\n  ").replace(".", " .")
    assert body_fingerprint(variant) == body_fingerprint(text)


def test_fingerprint_changes_with_one_word() -> None:
    text = article()
    assert body_fingerprint(text.replace("Thursday", "Friday")) != body_fingerprint(text)


def test_signature_matches_datasketch_affine32() -> None:
    shingles = shingle_hashes(token_hashes(tokenize(article())))
    reference = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32", hashfunc=int)
    reference.update_batch(shingles)
    assert np.array_equal(minhash_values(shingles), reference.hashvalues)


def test_shingles_are_distinct_and_cover_short_texts() -> None:
    hashes = token_hashes(tokenize("a b c a b c a b c"))
    assert len(shingle_hashes(hashes, 3)) == 3  # "a b c", "b c a", "c a b"
    assert len(shingle_hashes(token_hashes(["one", "two"]), 3)) == 1
    assert len(shingle_hashes(token_hashes([]), 3)) == 0


def test_sketch_layout() -> None:
    sk = sketch(article())
    assert len(sk.signature) == 4 * NUM_PERM
    assert len(sk.fingerprint) == 32
    assert sk.shingles > 250
    assert len(signature_array(sk.signature)) == NUM_PERM


def test_numbers_are_distinct_sorted_hashes() -> None:
    values = number_hashes(tokenize("In 2021 and 2022, about 100 people; 2021 again, and nothing else."))
    assert len(values) == 3
    assert list(values) == sorted(values)


@pytest.mark.parametrize("keep", [0.9, 0.6, 0.3])
def test_estimated_jaccard_tracks_true_jaccard(keep: float) -> None:
    words = article().split()
    cut = int(len(words) * keep)
    a, b = " ".join(words), " ".join(words[:cut])
    true_sets = [set(zip(t, t[1:], t[2:], strict=False)) for t in (tokenize(a), tokenize(b))]
    truth = len(true_sets[0] & true_sets[1]) / len(true_sets[0] | true_sets[1])
    estimate = estimate_jaccard(sketch(a).signature, sketch(b).signature)
    assert abs(estimate - truth) < 0.15
