"""Per-page scoring, per-corpus summaries and printed tables of the extraction evaluation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from tools.eval_corpora import FUNDUS, MEDIACLOUD, TRAFILATURA, Page
from tools.eval_metrics import (
    authors_match,
    body_scores,
    norm_ws,
    parse_datetime,
    rate,
    same_day,
    same_minute,
    shingle_counts,
    snippet_counts,
    snippet_scores,
    timing,
    title_match,
)

# (key, printed label, aggregation): "shingles" = benchmark body F1, "snippets" = trafilatura's F1, "rate" = share
METRICS = (
    ("body", "body F1 (P / R)", "shingles"),
    ("title", "title exact", "rate"),
    ("date_minute", "date = minute", "rate"),
    ("date_day", "date = day (own offset)", "rate"),
    ("date_day_utc", "date = day (UTC)", "rate"),
    ("date_day_dated", "date = day, dated pages", "rate"),
    ("authors", "authors exact set", "rate"),
    ("snippets", "snippets F1 (P / R)", "snippets"),
)
SNIPPET_PREVIEW = 80
ERROR_SAMPLES = 5


def _fundus_scores(truth: dict[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    body = None if out["error"] else out["body"]
    published = parse_datetime(None if out["error"] else out["published_at"])
    expected = parse_datetime(truth["published"])
    return {
        # a truth key the publisher's parser lacks (None) leaves the page out of that metric
        "body": shingle_counts(truth["body"], body) if truth["body"] is not None else None,
        "title": title_match(out["title"], truth["title"]) if truth["title"] is not None else None,
        "date_minute": same_minute(published, expected) if expected else None,
        "date_day": same_day(published, expected) if expected else None,
        "date_day_utc": same_day(published, expected, utc=True) if expected else None,
        "authors": authors_match(out["authors"], truth["authors"]) if truth["authors"] is not None else None,
    }


def _mediacloud_scores(truth: dict[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    published = parse_datetime(None if out["error"] else out["published_at"])
    expected = date.fromisoformat(truth["date"]) if truth["date"] else None
    return {
        # a page without a truth date (not an article) counts as right only when no date is given
        "date_day": same_day(published, expected),
        "date_day_utc": same_day(published, expected, utc=True),
        "date_day_dated": same_day(published, expected) if expected else None,
    }


def score_page(page: Page, out: dict[str, Any]) -> dict[str, Any]:
    """One extractor's output on one page, reduced to the fields and per-page scores kept in the report."""
    detail: dict[str, Any] = {
        "error": out["error"], "ms": round(out["ms"], 3), "cpu_ms": round(out["cpu_ms"], 3), "title": out["title"],
        "published_at": out["published_at"], "authors": out["authors"], "body_chars": len(out["body"] or ""),
    }
    if out.get("ms_body") is not None:
        detail["ms_body"] = round(out["ms_body"], 3)
    if page.kind == FUNDUS:
        detail["scores"] = _fundus_scores(page.truth, out)
    elif page.kind == MEDIACLOUD:
        detail["scores"] = _mediacloud_scores(page.truth, out)
    elif page.kind == TRAFILATURA:
        # trafilatura's evaluation scores the main text only, so the title is not prepended to our body
        body = None if out["error"] else out["body"]
        detail["scores"] = {"snippets": snippet_counts(body, page.truth["with"], page.truth["without"])}
        text = norm_ws(body or "")
        detail["missed_with"] = [s[:SNIPPET_PREVIEW] for s in page.truth["with"] if norm_ws(s) not in text]
        detail["found_without"] = [s[:SNIPPET_PREVIEW] for s in page.truth["without"] if norm_ws(s) in text]
    else:
        raise ValueError(f"unknown page kind {page.kind!r}")
    return detail


def summarize(page_results: Sequence[dict[str, Any]], extractors: Sequence[str]) -> dict[str, Any]:
    """Corpus-level figures of each extractor over the page results."""
    summary: dict[str, Any] = {"pages": len(page_results),
                               "kinds": dict(Counter(r["kind"] for r in page_results)), "extractors": {}}
    for name in extractors:
        details = [r["results"][name] for r in page_results]
        figures: dict[str, Any] = {}
        for key, _, how in METRICS:
            values = [d["scores"][key] for d in details if d["scores"].get(key) is not None]
            if not values:
                continue
            figures[key] = (body_scores(values) if how == "shingles" else
                            snippet_scores(values) if how == "snippets" else rate(values))
        errors = [(r["name"], r["results"][name]["error"]) for r in page_results if r["results"][name]["error"]]
        figures["errors"] = len(errors)
        figures["error_samples"] = [f"{page}: {message}" for page, message in errors[:ERROR_SAMPLES]]
        # a page that gave no body without raising: left out of the body precision average, so shown apart
        figures["empty_body"] = sum(1 for d in details if not d["error"] and d["body_chars"] == 0)
        figures["time_ms"] = timing([d["ms"] for d in details])
        figures["cpu_ms"] = timing([d["cpu_ms"] for d in details])
        bodies = [d["ms_body"] for d in details if "ms_body" in d]
        if bodies:
            figures["time_ms_extract_only"] = timing(bodies)
        summary["extractors"][name] = figures
    return summary


def _cell(how: str, figure: dict[str, Any] | None) -> str:
    if figure is None:
        return "-"
    if how == "rate":
        return f"{figure['accuracy']:.3f} ({figure['hits']}/{figure['n']})"
    return f"{figure['f1']:.3f} ({figure['precision']:.3f} / {figure['recall']:.3f})"


def _main_value(how: str, figure: dict[str, Any] | None) -> float | None:
    if figure is None:
        return None
    return figure["accuracy"] if how == "rate" else figure["f1"]


def format_table(name: str, summary: dict[str, Any], extractors: Sequence[str]) -> str:
    """A plain-text table: one row per metric, one column per extractor, and ours minus the baseline."""
    figures = [summary["extractors"][e] for e in extractors]
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(summary["kinds"].items()))
    head = f"== {name}: {summary['pages']} pages" + (f" ({kinds})" if len(summary["kinds"]) > 1 else "")
    diff = len(extractors) == 2
    pad = [""] if diff else []
    rows = [["metric", "n", *extractors, *(["diff"] if diff else [])]]
    for key, label, how in METRICS:
        cells = [f.get(key) for f in figures]
        present = [c for c in cells if c is not None]
        if not present:
            continue
        row = [label, str(present[0]["n"]), *(_cell(how, c) for c in cells)]
        if diff:
            a, b = (_main_value(how, c) for c in cells)
            row.append(f"{a - b:+.3f}" if a is not None and b is not None else "-")
        rows.append(row)
    if any("snippets" in f for f in figures):
        rows.append(["snippets tp/fp/fn/tn", "", *(_counts(f.get("snippets")) for f in figures), *pad])
    rows.append(["errors (raised)", "", *(str(f["errors"]) for f in figures), *pad])
    rows.append(["empty body (no error)", "", *(str(f["empty_body"]) for f in figures), *pad])
    rows.append(["ms/page median / p95, all fields", "", *(_ms(f["time_ms"]) for f in figures), *pad])
    rows.append(["  CPU ms median / p95", "", *(_ms(f["cpu_ms"]) for f in figures), *pad])
    if any("time_ms_extract_only" in f for f in figures):
        rows.append(["ms/page median / p95, body only", "",
                     *(_ms(f["time_ms_extract_only"]) if "time_ms_extract_only" in f else "-" for f in figures), *pad])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [head] + ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    for e, f in zip(extractors, figures, strict=True):
        lines.extend(f"   {e} raised on {sample}" for sample in f["error_samples"])
    return "\n".join(lines)


def _counts(figure: dict[str, Any] | None) -> str:
    return "-" if figure is None else f"{figure['tp']}/{figure['fp']}/{figure['fn']}/{figure['tn']}"


def _ms(figure: dict[str, Any]) -> str:
    return f"{figure['median']:.1f} / {figure['p95']:.1f}"
