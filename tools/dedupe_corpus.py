"""Corpus texts for the dedupe evaluation: trafilatura extraction of the shared corpora, cached as JSON Lines."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_CACHE = ROOT / ".cache" / "eval_dedupe"
# Bump when the extraction settings change so a stale cache is not reused.
CACHE_VERSION = 1
HOST_RE = re.compile(r"^[a-z]+://(?:www\.)?([^/:]+)", re.IGNORECASE)


@dataclass(frozen=True)
class CorpusText:
    """One extracted corpus page."""

    path: str  # relative to the corpus root
    publisher: str  # fundus publisher or URL host: pages of one publisher form same-topic negatives
    title: str
    text: str  # trafilatura main text, paragraphs separated by newlines


def _pages(corpus: Path) -> Iterator[tuple[Path, str]]:
    """(html.gz path, publisher) for every article page of the three article corpora."""
    fundus = corpus / "fundus" / "index.json"
    if fundus.exists():
        for rel, meta in sorted(json.loads(fundus.read_text()).items()):
            yield corpus / "fundus" / rel, str(meta.get("publisher", ""))
    traf = corpus / "trafilatura" / "index.json"
    if traf.exists():
        for url, meta in sorted(json.loads(traf.read_text()).items()):
            yield corpus / "trafilatura" / meta["html"], _host(url)
    mediacloud = corpus / "htmldate_mediacloud2020" / "eval_mediacloud_2020.json"
    if mediacloud.exists():
        for url, meta in sorted(json.loads(mediacloud.read_text()).items()):
            yield corpus / "htmldate_mediacloud2020" / "html" / f"{meta['file']}.gz", _host(url)


def _host(url: str) -> str:
    match = HOST_RE.match(url)
    return match.group(1).lower() if match else url


def _extract(html: bytes) -> tuple[str, str] | None:
    import trafilatura  # imported lazily: only a cache miss needs it

    raw = trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False)
    if not raw:
        return None
    data = json.loads(raw)
    return str(data.get("title") or ""), str(data.get("text") or "")


def load_texts(corpus: Path, cache_dir: Path, *, log: bool = True) -> list[CorpusText]:
    """Extracted texts of every corpus page, from the cache when it is there (deterministic order)."""
    cache = cache_dir / f"texts-v{CACHE_VERSION}-{_corpus_tag(corpus)}.jsonl"
    if cache.exists():
        with cache.open(encoding="utf-8") as handle:
            return [CorpusText(**json.loads(line)) for line in handle]
    texts: list[CorpusText] = []
    pages = list(_pages(corpus))
    for number, (path, publisher) in enumerate(pages, 1):
        if not path.exists():
            continue
        extracted = _extract(gzip.decompress(path.read_bytes()))
        if extracted and extracted[1].strip():
            texts.append(CorpusText(str(path.relative_to(corpus)), publisher, *extracted))
        if log and number % 200 == 0:
            print(f"extracted {number}/{len(pages)} pages", file=sys.stderr)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for item in texts:
            handle.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")
    tmp.replace(cache)
    return texts


def _corpus_tag(corpus: Path) -> str:
    """Cache key per corpus location, so a fixture corpus never reuses the real corpus cache."""
    return hashlib.blake2b(str(corpus.resolve()).encode(), digest_size=6).hexdigest()
