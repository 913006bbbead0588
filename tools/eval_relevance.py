"""Evaluate crawler.geo relevance on the labelled set: precision, recall, country accuracy, speed."""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from crawler.geo import RELEVANCE_THRESHOLD_DEFAULT, GeoTags, tag_text  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "relevance"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SWEEP = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8)


@dataclass(frozen=True)
class Article:
    """One labelled article: its text fields, label and expected countries."""

    id: str
    title: str | None
    description: str | None
    body: str | None
    language: str | None
    label: bool
    countries: tuple[str, ...]


def read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def written_articles(path: Path) -> list[Article]:
    return [Article(str(r["id"]), r.get("title"), r.get("description"), str(r["body"]), r.get("language"),
                    bool(r["about_central_asia"]), tuple(r.get("countries", ()))) for r in read_jsonl(path)]


def corpus_articles(labels: Path, corpus: Path) -> list[Article]:
    """Extract each labelled corpus page with trafilatura at evaluation time (nothing is stored)."""
    import trafilatura

    out: list[Article] = []
    for row in read_jsonl(labels):
        raw = gzip.decompress((corpus / str(row["path"])).read_bytes())
        doc = trafilatura.bare_extraction(raw, with_metadata=True)
        fields = doc.as_dict() if doc is not None else {}
        out.append(Article(str(row["path"]), fields.get("title"), fields.get("description"),
                           fields.get("text"), None, bool(row["about_central_asia"]),
                           tuple(row.get("countries", ()))))
    return out


def prf(results: list[tuple[Article, GeoTags]], threshold: float) -> tuple[float, float, int, int, int]:
    tp = sum(1 for a, t in results if a.label and t.relevance >= threshold)
    fp = sum(1 for a, t in results if not a.label and t.relevance >= threshold)
    fn = sum(1 for a, t in results if a.label and t.relevance < threshold)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=FIXTURES / "labels.jsonl")
    parser.add_argument("--written", type=Path, default=FIXTURES / "written.jsonl")
    parser.add_argument("--threshold", type=float, default=RELEVANCE_THRESHOLD_DEFAULT)
    parser.add_argument("--errors", action="store_true", help="list misclassified articles")
    args = parser.parse_args(argv)

    articles = written_articles(args.written)
    if args.corpus.is_dir():
        articles += corpus_articles(args.labels, args.corpus)
    else:
        print(f"corpus not found at {args.corpus}: written set only", file=sys.stderr)
    tag_text("warm-up", None, None)  # load the gazetteer outside the timing
    results: list[tuple[Article, GeoTags]] = []
    timings: list[float] = []
    for article in articles:
        start = time.perf_counter()
        tags = tag_text(article.title, article.description, article.body, language=article.language)
        timings.append((time.perf_counter() - start) * 1000)
        results.append((article, tags))

    n_pos = sum(a.label for a in articles)
    print(f"articles: {len(articles)} ({n_pos} about Central Asia, {len(articles) - n_pos} not)")
    p, r, tp, fp, fn = prf(results, args.threshold)
    print(f"threshold {args.threshold:.2f}: precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
    positives = [(a, t) for a, t in results if a.label and a.countries]
    top_ok = sum(1 for a, t in positives if t.countries and t.countries[0] in a.countries)
    all_ok = sum(1 for a, t in positives if set(a.countries) <= set(t.countries))
    print(f"countries on {len(positives)} positives: top country expected {top_ok / len(positives):.3f}, "
          f"all expected countries found {all_ok / len(positives):.3f}")
    words = [len(" ".join(filter(None, (a.title, a.description, a.body))).encode()) for a in articles]
    per_kb = sum(timings) / (sum(words) / 3000)
    print(f"speed: mean {statistics.mean(timings):.3f} ms/article, p95 "
          f"{sorted(timings)[int(0.95 * len(timings))]:.3f} ms, {per_kb:.3f} ms per 3 KB of text")
    print("sweep: " + "  ".join(f"{t:.2f}: P {prf(results, t)[0]:.3f} R {prf(results, t)[1]:.3f}"
                                for t in SWEEP))
    if args.errors:
        for article, tags in results:
            if article.label != (tags.relevance >= args.threshold):
                print(f"  {'FN' if article.label else 'FP'} {tags.relevance:.3f} {article.id} "
                      f"{tags.countries} {tags.places[:6]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
