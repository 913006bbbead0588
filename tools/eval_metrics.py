"""Pure metric functions of the extraction evaluation: shingle F1, snippet counts, field matches, timings."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

# The article-extraction-benchmark tokenizer (zytedata/article-extraction-benchmark, evaluate.py): `\w+`,
# case-sensitive (its IGNORECASE flag does not change what `\w` matches, and tokens keep their case).
TOKEN_RE = re.compile(r"\w+")
WHITESPACE_RE = re.compile(r"\s+")
SHINGLE_SIZE = 4

ShingleCounts = tuple[int, int, int]  # tp, fp, fn of one document
SnippetCounts = tuple[int, int, int, int]  # tp, fp, fn, tn of one document


def tokens(text: str | None) -> list[str]:
    """The benchmark's word tokens of a text."""
    return TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles; a text shorter than n tokens is one shorter shingle, as in the benchmark."""
    words = tokens(text)
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)) if words[i:i + n])


def shingle_counts(truth: str | None, predicted: str | None, n: int = SHINGLE_SIZE) -> ShingleCounts:
    """tp, fp, fn of the shingle multisets of one document.

    The benchmark divides the three by their sum so that long texts do not weigh more; per-document precision
    and recall are ratios, so the raw counts give the same figures and stay exact integers here.
    """
    expected, found = shingles(truth, n), shingles(predicted, n)
    tp = sum((expected & found).values())
    return tp, sum(found.values()) - tp, sum(expected.values()) - tp


def precision_score(tp: float, fp: float, fn: float) -> float:
    """The benchmark's per-document precision: 1 when nothing is wrong (both texts empty included)."""
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    """The benchmark's per-document recall: 1 when nothing is wrong (both texts empty included)."""
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def body_scores(counts: Sequence[ShingleCounts]) -> dict[str, Any]:
    """Precision and recall averaged over documents, and F1 of the two averages.

    As in the benchmark, precision is averaged only over documents with a non-empty prediction (tp + fp > 0)
    and recall only over documents with a non-empty truth (tp + fn > 0). So an empty prediction for a
    non-empty truth costs recall (0 for that page) but is left out of precision; a page where both are empty
    is left out of both averages.
    """
    precisions = [precision_score(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [recall_score(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(counts), "precision": precision, "recall": recall, "f1": f1,
            "n_precision": len(precisions), "n_recall": len(recalls)}


def norm_ws(text: str) -> str:
    """trafilatura's evaluation normalisation: whitespace runs to one space, stripped."""
    return WHITESPACE_RE.sub(" ", text).strip()


def snippet_counts(body: str | None, with_snippets: Iterable[str], without_snippets: Iterable[str]) -> SnippetCounts:
    """tp, fp, fn, tn of one document: case-sensitive presence of normalised snippets in the normalised body.

    `body=None` (a crash or no output) finds nothing: every `with` snippet is a fn, every `without` a tn.
    """
    text = norm_ws(body) if body else ""
    wanted, unwanted = list(with_snippets), list(without_snippets)
    tp = sum(1 for s in wanted if norm_ws(s) in text)
    fp = sum(1 for s in unwanted if norm_ws(s) in text)
    return tp, fp, len(wanted) - tp, len(unwanted) - fp


def snippet_scores(counts: Iterable[SnippetCounts]) -> dict[str, Any]:
    """Counts summed over the corpus (micro average); P, R, accuracy and F1 = 2tp / (2tp + fp + fn)."""
    tp = fp = fn = tn = n = 0
    for a, b, c, d in counts:
        tp, fp, fn, tn, n = tp + a, fp + b, fn + c, tn + d, n + 1
    total = tp + fp + fn + tn
    return {"n": n, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else 0.0,
            "recall": tp / (tp + fn) if tp + fn else 0.0,
            "accuracy": (tp + tn) / total if total else 0.0,
            "f1": 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0}


def title_match(predicted: str | None, truth: str) -> bool:
    """Exact title after whitespace normalisation only (case and punctuation count)."""
    return predicted is not None and norm_ws(predicted) == norm_ws(truth)


def authors_match(predicted: Iterable[str] | None, truth: Iterable[str]) -> bool:
    """Exact set of names after whitespace normalisation; empty names are dropped on both sides."""
    found = {norm_ws(name) for name in predicted or () if name and name.strip()}
    return found == {norm_ws(name) for name in truth if name and name.strip()}


def parse_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp (offset optional, space or T separator, `Z` allowed); None when absent or invalid."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def same_minute(predicted: datetime | None, truth: datetime) -> bool:
    """Equal to the minute: as aware instants in UTC when both carry an offset.

    When either side has no offset the instant is unknown, so the wall-clock times as written are compared
    (each in its own offset). fundus writes 18 of its 258 dates without an offset: they are the publisher's
    local times, which is what a correct extractor reports with the source's offset.
    """
    if predicted is None:
        return False
    if predicted.tzinfo is None or truth.tzinfo is None:
        a, b = predicted.replace(tzinfo=None), truth.replace(tzinfo=None)
    else:
        a, b = predicted.astimezone(UTC), truth.astimezone(UTC)
    return a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)


def local_day(value: datetime) -> date:
    """The calendar date as written, in the value's own offset."""
    return value.date()


def utc_day(value: datetime) -> date:
    """The calendar date in UTC; a value without offset is taken as UTC."""
    return value.astimezone(UTC).date() if value.tzinfo else value.date()


def same_day(predicted: datetime | None, truth: date | datetime | None, utc: bool = False) -> bool:
    """Publication day equality; no truth date is matched only by no prediction (null rather than a guess)."""
    if truth is None:
        return predicted is None
    if predicted is None:
        return False
    if isinstance(truth, datetime):
        truth = utc_day(truth) if utc else local_day(truth)
    return (utc_day(predicted) if utc else local_day(predicted)) == truth


def rate(hits: Iterable[bool | None]) -> dict[str, Any]:
    """Share of True among the pages that have the metric (None = not applicable, excluded from n)."""
    values = [bool(h) for h in hits if h is not None]
    good = sum(values)
    return {"n": len(values), "hits": good, "accuracy": good / len(values) if values else 0.0}


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of the values; 0 when there are none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def timing(millis: Sequence[float]) -> dict[str, Any]:
    """Median, p95, mean and max of per-page milliseconds."""
    return {"n": len(millis), "median": statistics.median(millis) if millis else 0.0,
            "p95": percentile(millis, 95), "mean": statistics.fmean(millis) if millis else 0.0,
            "max": max(millis, default=0.0)}
