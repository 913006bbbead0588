"""Accuracy and speed of `detect_language` on the labelled paragraphs (and RFE/RL titles), beside plain py3langid."""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extraction.language import detect_language, detect_script, identifier  # noqa: E402

DEFAULT_FIXTURE = ROOT / "tests" / "fixtures" / "language" / "paragraphs.jsonl"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
# A Google News sitemap entry: its language, then its title.
NEWS_ENTRY_RE = re.compile(r"<news:language>\s*([^<]+?)\s*</news:language>.*?<news:title>([^<]*)</news:title>", re.S)
SPEED_BYTES = 3072

Detector = Callable[["Sample"], tuple[str | None, str | None]]


@dataclass(frozen=True)
class Sample:
    """One labelled text: ISO 639-1 language and ISO 15924 script (None when the truth gives none)."""

    text: str
    lang: str
    script: str | None = None

    @property
    def key(self) -> str:
        return f"{self.lang}-{self.script}" if self.lang == "uz" and self.script else self.lang


def load_samples(path: Path = DEFAULT_FIXTURE) -> list[Sample]:
    """The labelled paragraphs (JSON lines with text, lang, script)."""
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [Sample(row["text"], row["lang"], row["script"]) for row in rows]


def word_windows(samples: Iterable[Sample], size: int, step: int = 3) -> list[Sample]:
    """Every `size`-word window (every `step` words) of each sample: short, title-like text."""
    found = []
    for sample in samples:
        words = sample.text.split()
        for start in range(0, max(1, len(words) - size + 1), step):
            found.append(Sample(" ".join(words[start:start + size]), sample.lang, sample.script))
    return found


def rferl_titles(corpus: Path) -> list[Sample]:
    """Distinct titles of the RFE/RL news sitemaps with their declared news:language (no script truth)."""
    titles: dict[str, str] = {}
    for path in sorted((corpus / "rferl_sitemaps").glob("*/*_news.xml.gz")):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        for lang, title in NEWS_ENTRY_RE.findall(text):
            titles.setdefault(html.unescape(title).strip(), lang.lower())
    return [Sample(title, lang) for title, lang in titles.items() if title]


def ours(declared: str | None = None, candidates: Sequence[str] = ()) -> Detector:
    """`detect_language` with a fixed declared language and candidate set."""
    return lambda sample: detect_language(sample.text, declared=declared, candidates=candidates)


def declared_right(sample: Sample) -> tuple[str | None, str | None]:
    """`detect_language` told the true language as the page's declared one."""
    return detect_language(sample.text, declared=sample.lang)


def own_candidates(sample: Sample) -> tuple[str | None, str | None]:
    """`detect_language` with an outlet's candidates: its language and Russian, as the crawler calls it."""
    return detect_language(sample.text, candidates=(sample.lang, "ru"))


def plain(sample: Sample) -> tuple[str | None, str | None]:
    """Unrestricted py3langid; the script is not its business, so it is taken from `detect_script`."""
    return identifier().classify(sample.text)[0], detect_script(sample.text)


@dataclass
class Result:
    """Hits per language key, and the time taken."""

    hits: Counter[str]
    totals: Counter[str]
    seconds: float
    errors: list[tuple[Sample, tuple[str | None, str | None]]]

    @property
    def accuracy(self) -> float:
        return sum(self.hits.values()) / max(1, sum(self.totals.values()))

    def of(self, key: str) -> float:
        return self.hits[key] / self.totals[key] if self.totals[key] else float("nan")

    @property
    def ms_per_text(self) -> float:
        return 1000 * self.seconds / max(1, sum(self.totals.values()))


def evaluate(samples: Sequence[Sample], detect: Detector, *, script: bool = True) -> Result:
    """Run `detect` on every sample; a hit needs the language and, when `script` and known, the script."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    errors = []
    start = time.process_time()
    answers = [detect(sample) for sample in samples]
    seconds = time.process_time() - start
    for sample, (lang, found_script) in zip(samples, answers, strict=True):
        totals[sample.key] += 1
        if lang == sample.lang and (not script or sample.script is None or found_script == sample.script):
            hits[sample.key] += 1
        else:
            errors.append((sample, (lang, found_script)))
    return Result(hits, totals, seconds, errors)


def table(title: str, results: dict[str, Result]) -> list[str]:
    keys = sorted({key for result in results.values() for key in result.totals})
    first = next(iter(results.values()))
    lines = [title, f"  {'':14}" + "".join(f"{name:>18}" for name in results)]
    for key in keys:
        row = "".join(f"{result.of(key):>18.3f}" for result in results.values())
        lines.append(f"  {key:8} ({first.totals[key]:4})" + row)
    lines.append(f"  {'overall':8} ({sum(first.totals.values()):4})"
                 + "".join(f"{result.accuracy:>18.3f}" for result in results.values()))
    lines.append(f"  {'CPU ms/text':14}" + "".join(f"{result.ms_per_text:>18.3f}" for result in results.values()))
    return lines


def speed(samples: Sequence[Sample], repeat: int = 50) -> dict[str, float]:
    """CPU milliseconds per call on 3 KB of each language's paragraphs joined (UTF-8 bytes, cut at a character).

    Timings here are process CPU time, so that other jobs on a shared machine do not inflate them."""
    by_key: dict[str, list[str]] = {}
    for sample in samples:
        by_key.setdefault(sample.key, []).append(sample.text)
    timings = {}
    identifier()  # the model loads once per process; not part of a call
    for key, texts in sorted(by_key.items()):
        text = "\n\n".join(texts).encode("utf-8")[:SPEED_BYTES].decode("utf-8", "ignore")
        start = time.process_time()
        for _ in range(repeat):
            detect_language(text, declared="ru", candidates=("ru", key[:2]))
        timings[key] = 1000 * (time.process_time() - start) / repeat
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fixture", type=Path, default=DEFAULT_FIXTURE, help="labelled paragraphs (JSON lines)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="shared corpus (for RFE/RL titles)")
    parser.add_argument("--windows", default="2,4,6", help="word-window sizes for the short-text test")
    parser.add_argument("--errors", action="store_true", help="list the paragraphs detect_language gets wrong")
    args = parser.parse_args(argv)

    samples = load_samples(args.fixture)
    identifier()
    paragraphs = {
        "ours": evaluate(samples, ours()),
        "ours decl=ru": evaluate(samples, ours(declared="ru")),
        "plain py3langid": evaluate(samples, plain),
    }
    print("\n".join(table(f"Labelled paragraphs ({args.fixture.name}): language and script", paragraphs)))
    print(f"  plain py3langid, language only: {evaluate(samples, plain, script=False).accuracy:.3f}")
    if args.errors:
        for sample, got in paragraphs["ours"].errors:
            print(f"  MISS {sample.key}: got {got}: {sample.text[:100]}")

    print("\nWord windows (title-length text cut from the paragraphs):")
    for size in (int(part) for part in args.windows.split(",") if part.strip()):
        windows = word_windows(samples, size)
        found = {"ours": ours(), "declared right": declared_right, "declared ru": ours(declared="ru"), "plain": plain}
        scores = "  ".join(f"{name} {evaluate(windows, detect).accuracy:.3f}" for name, detect in found.items())
        print(f"  {size} words ({len(windows):4}): {scores}")

    titles = rferl_titles(args.corpus) if args.corpus.is_dir() else []
    if titles:
        results = {"ours": evaluate(titles, ours()), "ours cand=lang,ru": evaluate(titles, own_candidates),
                   "plain py3langid": evaluate(titles, plain)}
        print()
        print("\n".join(table(f"RFE/RL news-sitemap titles ({args.corpus / 'rferl_sitemaps'}): language", results)))
    else:
        print(f"\n(no RFE/RL sitemaps under {args.corpus}: title test skipped)")

    print("\nSpeed, CPU ms per call on 3 KB of text (declared and candidates given):")
    print("  " + "  ".join(f"{key} {ms:.2f}" for key, ms in speed(samples).items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
