"""Scale benchmark of the SQLite dedupe state: check_and_add latency and memory with N stored documents.

Usage: .venv/bin/python tools/bench_dedupe_scale.py [--n 1000000] [--checks 2000] [--dir PATH]

A child process bulk-loads N synthetic documents (random MinHash signatures, as unrelated texts
have, plus real sketches of edited copies of some query bodies so the near path is exercised).
This process then reopens the state and times check_and_add on synthetic ~400-word bodies, split
into the MinHash time (sketch) and the store time (check_and_add_sketch).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from crawler.dedupe.fingerprint import NUM_PERM, Sketch, sketch  # noqa: E402
from crawler.state.sqlite import STATE_FILE, open_state  # noqa: E402
from tools.dedupe_synth import edit_words  # noqa: E402

SYLLABLES = (
    "ka",
    "za",
    "ty",
    "bo",
    "ru",
    "mi",
    "sta",
    "nur",
    "al",
    "ma",
    "ob",
    "ly",
    "ten",
    "gi",
    "ish",
    "ko",
    "da",
    "re",
)
VOCABULARY_SIZE = 30_000
ZIPF_EXPONENT = 1.1  # word frequencies of news prose roughly follow Zipf's law
CHUNK = 10_000


def vocabulary(rng: random.Random) -> list[str]:
    """Distinct pseudo-words of 2-4 syllables."""
    words: set[str] = set()
    while len(words) < VOCABULARY_SIZE:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def bodies(count: int, words_per_body: int, seed: int) -> list[str]:
    """count synthetic bodies: Zipf-distributed words in sentences and paragraphs, with some figures."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = 1.0 / np.arange(1, len(vocab) + 1) ** ZIPF_EXPONENT
    gen = np.random.default_rng(seed)
    out = []
    for _ in range(count):
        picks = gen.choice(len(vocab), size=words_per_body, p=weights / weights.sum())
        tokens = [vocab[i] if gen.random() > 0.03 else str(gen.integers(1, 10_000)) for i in picks]
        paragraphs = [" ".join(tokens[i : i + 60]) + "." for i in range(0, len(tokens), 60)]
        out.append("\n".join(paragraphs))
    return out


def synthetic_sketches(n: int, seed: int) -> Iterator[tuple[str, str, Sketch, str | None]]:
    """n unrelated documents: random signatures, fingerprints and figures (no text needed)."""
    gen = np.random.default_rng(seed)
    for start in range(0, n, CHUNK):
        size = min(CHUNK, n - start)
        signatures = gen.integers(0, 2**32, size=(size, NUM_PERM), dtype=np.uint32)
        fingerprints = gen.integers(0, 256, size=(size, 16), dtype=np.uint8)
        numbers = np.sort(gen.integers(0, 2**32, size=(size, 8), dtype=np.uint32), axis=1)
        for row in range(size):
            number = start + row
            yield (
                f"bulk-{number}",
                f"https://bulk.example/{number}",
                Sketch(fingerprints[row].tobytes().hex(), signatures[row].tobytes(), 400, numbers[row].tobytes()),
                "bulk",
            )


def load(state_dir: str, n: int, partners: list[str], seed: int) -> float:
    """Child process: bulk-load n synthetic documents plus the partner copies; returns seconds."""
    start = time.perf_counter()
    state = open_state(state_dir)
    try:
        state.import_sketches(synthetic_sketches(n, seed))
        state.import_sketches(
            (f"partner-{i}", f"https://partner.example/{i}", sketch(body), "partner") for i, body in enumerate(partners)
        )
    finally:
        state.close()
    return time.perf_counter() - start


def _load_child(state_dir: str, n: int, partners: list[str], seed: int, queue: multiprocessing.Queue[float]) -> None:
    queue.put(load(state_dir, n, partners, seed))


def measure(state_dir: Path, queries: list[str]) -> dict[str, Any]:
    """Time sketch + check_and_add_sketch per query; latency figures in milliseconds."""
    minhash, store, total = [], [], []
    kinds: Counter[str] = Counter()
    state = open_state(state_dir)
    try:
        for number, body in enumerate(queries):
            t0 = time.perf_counter()
            sk = sketch(body)
            t1 = time.perf_counter()
            verdict = state.check_and_add_sketch(f"query-{number}", f"https://query.example/{number}", sk)
            t2 = time.perf_counter()
            minhash.append(t1 - t0)
            store.append(t2 - t1)
            total.append(t2 - t0)
            kinds[verdict.kind] += 1
        stats = state.stats()
    finally:
        state.close()

    def ms(values: list[float], q: float) -> float:
        return round(float(np.quantile(values, q)) * 1000, 3)

    return {
        "checks": len(queries),
        "median_ms": ms(total, 0.5),
        "p95_ms": ms(total, 0.95),
        "minhash_median_ms": ms(minhash, 0.5),
        "minhash_p95_ms": ms(minhash, 0.95),
        "store_median_ms": ms(store, 0.5),
        "store_p95_ms": ms(store, 0.95),
        "verdicts": dict(kinds),
        "stored_documents": stats["documents"],
    }


def live_bytes(path: Path) -> int:
    """File size minus free pages (the bulk import's staging area leaves free pages for reuse)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pages = int(db.execute("PRAGMA page_count").fetchone()[0])
        free = int(db.execute("PRAGMA freelist_count").fetchone()[0])
        return (pages - free) * int(db.execute("PRAGMA page_size").fetchone()[0])
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="documents stored before measuring")
    parser.add_argument("--checks", type=int, default=2000, help="check_and_add calls measured")
    parser.add_argument("--words", type=int, default=400, help="words per query body")
    parser.add_argument("--near-share", type=float, default=0.1, help="queries with an edited copy stored")
    parser.add_argument("--exact-share", type=float, default=0.05, help="queries repeating an earlier body")
    parser.add_argument("--dir", type=Path, help="parent directory for the state (default: system temp)")
    parser.add_argument("--keep", action="store_true", help="keep the state directory")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    queries = bodies(args.checks, args.words, args.seed)
    vocab = vocabulary(random.Random(args.seed + 1))
    for _ in range(round(len(queries) * args.exact_share)):  # a later query repeats an earlier body
        position = rng.randrange(len(queries) // 2, len(queries))
        queries[position] = queries[rng.randrange(0, position)]
    originals = rng.sample(sorted(set(queries)), round(len(queries) * args.near_share))
    partners = [edit_words(q, 0.08, vocab, rng, 2) for q in originals]

    state_dir = Path(tempfile.mkdtemp(prefix="bench-dedupe-", dir=args.dir))
    try:
        context = multiprocessing.get_context("spawn")
        queue: multiprocessing.Queue[float] = context.Queue()
        child = context.Process(target=_load_child, args=(str(state_dir), args.n, partners, args.seed, queue))
        child.start()
        load_seconds = queue.get()
        child.join()
        if child.exitcode != 0:
            raise SystemExit(f"bulk load failed with exit code {child.exitcode}")
        figures = measure(state_dir, queries)
        size = sum(p.stat().st_size for p in state_dir.iterdir() if p.name.startswith(STATE_FILE))
        live = live_bytes(state_dir / STATE_FILE)
        result = {
            "n": args.n,
            "load_seconds": round(load_seconds, 1),
            **figures,
            "peak_rss_mib_checks": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "peak_rss_mib_load": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
            "state_mib": round(size / 2**20, 1),
            "state_live_mib": round(live / 2**20, 1),
            "live_bytes_per_document": round(live / max(1, figures["stored_documents"])),
        }
    finally:
        if not args.keep:
            shutil.rmtree(state_dir, ignore_errors=True)
    print(json.dumps(result, indent=1))
    print(
        f"{args.n} stored: check_and_add median {result['median_ms']} ms, p95 {result['p95_ms']} ms "
        f"(minhash {result['minhash_median_ms']} ms, store {result['store_median_ms']} ms); "
        f"peak RSS {result['peak_rss_mib_checks']} MiB (load {result['peak_rss_mib_load']} MiB); "
        f"state {result['state_mib']} MiB on disk, {result['state_live_mib']} MiB live"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
