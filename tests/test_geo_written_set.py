"""The hand-written labelled articles (tests/fixtures/relevance) meet the precision/recall targets."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from crawler.geo import RELEVANCE_THRESHOLD_DEFAULT, tag_text

WRITTEN = Path(__file__).parent / "fixtures" / "relevance" / "written.jsonl"
LABELS = Path(__file__).parent / "fixtures" / "relevance" / "labels.jsonl"


@pytest.fixture(scope="module")
def scored() -> list[tuple[dict, object]]:
    with WRITTEN.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [(r, tag_text(r["title"], r["description"], r["body"], language=r["language"])) for r in rows]


def test_written_set_size_and_languages(scored: list) -> None:
    positives = [r for r, _ in scored if r["about_central_asia"]]
    assert len(positives) >= 80
    assert {r["language"] for r in positives} >= {"ru", "kk", "ky", "uz", "uz-Cyrl", "tg", "tk", "en"}
    for r, _ in scored:
        assert 80 <= len(" ".join(filter(None, (r["title"], r["description"], r["body"]))).split()) <= 200


def test_precision_and_recall(scored: list) -> None:
    decided = Counter((r["about_central_asia"], t.relevance >= RELEVANCE_THRESHOLD_DEFAULT) for r, t in scored)
    tp, fp, fn = decided[(True, True)], decided[(False, True)], decided[(True, False)]
    assert tp / (tp + fp) >= 0.97
    assert tp / (tp + fn) >= 0.95


def test_top_country_is_expected(scored: list) -> None:
    positives = [(r, t) for r, t in scored if r["about_central_asia"]]
    right = sum(1 for r, t in positives if t.countries and t.countries[0] in r["countries"])
    assert right / len(positives) >= 0.95


def test_corpus_labels_are_paths_only() -> None:
    with LABELS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    assert len(rows) >= 220
    assert all(set(r) <= {"path", "about_central_asia", "countries", "note"} for r in rows)
