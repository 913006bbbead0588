"""Evaluate exact and near-duplicate detection on a labelled stream built from the shared corpora.

Usage: .venv/bin/python tools/eval_dedupe.py [--corpus PATH] [--seed N] [--pairs N] [--check]

The stream holds distinct documents (consecutive paragraph runs of the corpus pages, labelled
distinct after removing pairs that share text), edited copies of some of them, and template notes.
Every document goes through SqliteState.check_and_add in a seeded random order, with the state
closed and reopened half-way (across runs). Precision and recall are over near/exact verdicts.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from crawler.dedupe.fingerprint import tokenize  # noqa: E402
from crawler.dedupe.near import DEFAULT_PARAMS, NearParams  # noqa: E402
from crawler.state.sqlite import open_state  # noqa: E402
from tools.dedupe_corpus import DEFAULT_CACHE, DEFAULT_CORPUS, CorpusText, load_texts  # noqa: E402
from tools.dedupe_synth import Doc, make_copy, split_parts, template_notes, words  # noqa: E402

TARGET_PRECISION = 0.99
TARGET_RECALL = 0.95
# Label cleaning: two corpus parts sharing this much text (exact 3-word shingle sets) are not
# "distinct" (the corpus saves some pages twice and repeats blocks); the later one is left out.
CLEAN_JACCARD = 0.2
CLEAN_CONTAINMENT = 0.5


def shingle_set(text: str, k: int = 3) -> set[tuple[str, ...]]:
    """Exact k-word shingles, for labelling only (the system under test uses MinHash)."""
    tokens = tokenize(text)
    return {tuple(tokens[i : i + k]) for i in range(max(1, len(tokens) - k + 1))}


def distinct_parts(
    texts: Sequence[CorpusText], rng: random.Random, min_words: int, max_words: int
) -> tuple[list[Doc], int]:
    """Disjoint paragraph runs of the pages, minus those overlapping an earlier kept part; (parts, dropped)."""
    kept: list[Doc] = []
    sets: list[set[tuple[str, ...]]] = []
    index: dict[tuple[str, ...], list[int]] = {}
    dropped = 0
    for text in texts:
        for number, body in enumerate(split_parts(text.text, rng, min_words, max_words)):
            shingles = shingle_set(body)
            shared: Counter[int] = Counter()
            for shingle in shingles:
                shared.update(index.get(shingle, ()))
            if any(
                count / (len(shingles) + len(sets[other]) - count) > CLEAN_JACCARD
                or count / min(len(shingles), len(sets[other])) > CLEAN_CONTAINMENT
                for other, count in shared.items()
            ):
                dropped += 1
                continue
            for shingle in shingles:
                index.setdefault(shingle, []).append(len(kept))
            sets.append(shingles)
            doc_id = f"{text.path}#{number}"
            kept.append(Doc(doc_id, text.title, body, doc_id, "distinct", text.publisher, text.path))
    return kept, dropped


def build_stream(texts: Sequence[CorpusText], args: argparse.Namespace) -> tuple[list[Doc], dict[str, int]]:
    """The shuffled evaluation stream and a summary of how it was built."""
    rng = random.Random(args.seed)
    parts, dropped = distinct_parts(texts, rng, args.min_words, args.max_words)
    notes = template_notes(args.notes, rng)
    vocabulary = sorted({w for part in parts for w in words(part.body)})
    # Paragraphs appended to a copy come from parts kept out of the stream: appending a streamed
    # document's text would make the copy a real partial duplicate of that document.
    rng.shuffle(parts)
    n_pairs = min(args.pairs, len(parts) // 3)
    n_donors = max(1, n_pairs // 2)
    donors, parts = parts[:n_donors], parts[n_donors:]
    n_note_copies = min(len(notes), n_pairs // 10)
    docs: list[Doc] = [*parts, *notes]
    for number, original in enumerate(rng.sample(parts, n_pairs - n_note_copies)):
        original.kind = "original"
        donor = donors[number % len(donors)]
        docs.append(make_copy(original, f"copy-{number}", vocabulary, donor.body, rng, args.max_run))
    # Copies of template notes: a syndicated note keeps its figures and must still be found.
    for number, note in enumerate(rng.sample(notes, n_note_copies)):
        note.kind = "original"
        donor = donors[(number + n_pairs) % len(donors)]
        docs.append(make_copy(note, f"note-copy-{number}", vocabulary, donor.body, rng, args.max_run))
    rng.shuffle(docs)
    distinct = [d for d in docs if d.kind != "copy"]
    summary = {
        "pages": len(texts),
        "parts": len(parts),
        "parts_dropped_overlap": dropped,
        "parts_kept_out_as_donors": len(donors),
        "notes": len(notes),
        "distinct_documents": len(parts) + len(notes),
        "distinct_corpus_parts": len(parts),
        "pairs": sum(1 for d in docs if d.kind == "copy"),
        # Same-topic negatives: pairs of distinct documents the system must keep apart.
        "negative_pairs_same_page": _pairs_sharing(distinct, lambda d: d.origin if d.kind != "note" else ""),
        "negative_pairs_same_publisher": _pairs_sharing(distinct, lambda d: d.publisher if d.kind != "note" else "")
        - _pairs_sharing(distinct, lambda d: d.origin if d.kind != "note" else ""),
        "negative_pairs_same_template": _pairs_sharing(distinct, lambda d: d.publisher if d.kind == "note" else ""),
        "stream": len(docs),
    }
    return docs, summary


def _pairs_sharing(docs: Sequence[Doc], key: Callable[[Doc], str]) -> int:
    """Number of document pairs with the same non-empty key."""
    counts = Counter(key(d) for d in docs)
    return sum(n * (n - 1) // 2 for k, n in counts.items() if k)


def run_stream(
    docs: Sequence[Doc], state_dir: Path, params: NearParams
) -> tuple[list[tuple[str, str | None]], float, dict[str, int]]:
    """check_and_add every document, reopening the state half-way; (kind, kept id) per doc, seconds, stats."""
    verdicts: list[tuple[str, str | None]] = []
    half = len(docs) // 2
    elapsed = 0.0
    state = open_state(state_dir, params=params)
    try:
        for position, doc in enumerate(docs):
            if position == half:  # a new run on the same state
                state.close()
                state = open_state(state_dir, params=params)
            start = time.perf_counter()
            verdict = state.check_and_add(doc.doc_id, f"https://example.test/{doc.doc_id}", doc.body, title=doc.title)
            elapsed += time.perf_counter() - start
            verdicts.append((verdict.kind, verdict.kept_id))
        stats = state.stats()
    finally:
        state.close()
    return verdicts, elapsed, stats


def score(docs: Sequence[Doc], verdicts: Sequence[tuple[str, str | None]]) -> dict[str, object]:
    """Precision/recall of duplicate verdicts, recall per transformation, false positives per kind."""
    by_id = {doc.doc_id: doc for doc in docs}
    pairs = sum(1 for d in docs if d.kind == "copy")
    found_groups: set[str] = set()
    false_positives: Counter[str] = Counter()
    for doc, (kind, kept_id) in zip(docs, verdicts, strict=True):
        if kind not in ("near", "exact") or kept_id is None:
            continue
        kept = by_id[kept_id]
        if kept.group == doc.group:
            found_groups.add(doc.group)
        else:
            false_positives[_fp_kind(doc, kept)] += 1
    tp = len(found_groups)
    fp = sum(false_positives.values())
    per_transform: dict[str, list[int]] = {}
    for doc in docs:
        if doc.kind != "copy":
            continue
        for name in doc.transforms:
            name = "words" if name.startswith("words") else name
            hit = per_transform.setdefault(name, [0, 0])
            hit[0] += doc.group in found_groups
            hit[1] += 1
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / pairs if pairs else 1.0,
        "true_positives": tp,
        "false_positives": fp,
        "false_positives_by_kind": dict(false_positives),
        "recall_by_transform": {k: round(v[0] / v[1], 4) for k, v in sorted(per_transform.items())},
        "missed_examples": ["+".join(d.transforms) for d in docs if d.kind == "copy" and d.group not in found_groups][
            :20
        ],
    }


def _fp_kind(doc: Doc, kept: Doc) -> str:
    if doc.kind == kept.kind == "note" or "note" in (doc.kind, kept.kind) and doc.publisher == kept.publisher:
        return "template_note"
    if doc.origin and doc.origin == kept.origin:
        return "same_page_parts"
    if doc.publisher and doc.publisher == kept.publisher:
        return "same_publisher"
    return "other_publisher"


def parse_params(overrides: Sequence[str]) -> NearParams:
    """NearParams with name=value overrides (for tuning runs)."""
    values: dict[str, Any] = {}
    fields = {f.name: f.type for f in dataclasses.fields(NearParams)}
    for item in overrides:
        name, _, raw = item.partition("=")
        if name not in fields:
            raise SystemExit(f"unknown parameter {name!r}; known: {', '.join(fields)}")
        values[name] = float(raw) if fields[name] in (float, "float") else int(raw)
    return dataclasses.replace(DEFAULT_PARAMS, **values)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="shared corpus root")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="extracted-text cache directory")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--pairs", type=int, default=1000, help="edited copies to generate")
    parser.add_argument("--notes", type=int, default=60, help="template notes per template (6 templates)")
    parser.add_argument("--min-words", type=int, default=70, help="shortest distinct part")
    parser.add_argument("--max-words", type=int, default=220, help="longest distinct part")
    parser.add_argument("--max-run", type=int, default=1, help="longest run of words changed by one edit")
    parser.add_argument("--param", action="append", default=[], help="NearParams override name=value")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    params = parse_params(args.param)
    texts = load_texts(args.corpus, args.cache)
    if not texts:
        raise SystemExit(f"no pages found under {args.corpus}")
    start = time.perf_counter()
    docs, summary = build_stream(texts, args)
    build_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        verdicts, seconds, stats = run_stream(docs, Path(tmp), params)
    result: dict[str, object] = {
        **summary,
        **score(docs, verdicts),
        "seconds_check_and_add": round(seconds, 2),
        "ms_per_document": round(seconds / len(docs) * 1000, 3),
        "seconds_build": round(build_seconds, 2),
        "candidates_per_check": round(stats["candidates"] / max(1, stats["checks"]), 3),
        "params": dataclasses.asdict(params),
        "stored_settings": params.describe(),
        "seed": args.seed,
        "max_run": args.max_run,
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))
    print(
        f"near-duplicates: precision {result['precision']:.4f} recall {result['recall']:.4f} "
        f"({summary['pairs']} pairs, {summary['distinct_documents']} distinct documents, "
        f"{result['seconds_check_and_add']} s for {summary['stream']} checks)"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    missed = float(result["precision"]) < TARGET_PRECISION or float(result["recall"]) < TARGET_RECALL  # type: ignore[arg-type]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
