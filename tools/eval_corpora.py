"""Loaders of the evaluation corpora in ../shared/corpus: pages (gzipped HTML) with their ground truth."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

# A row of the table in RUSSIAN_PAGES.md: "| <path relative to the corpus root> | <url> |".
RUSSIAN_ROW_RE = re.compile(r"^\|\s*([\w./-]+\.html\.gz)\s*\|\s*(\S+)\s*\|", re.M)

FUNDUS = "fundus"
TRAFILATURA = "trafilatura"
MEDIACLOUD = "mediacloud"
RUSSIAN = "russian"
CORPORA = (FUNDUS, TRAFILATURA, MEDIACLOUD, RUSSIAN)


@dataclass(frozen=True)
class Page:
    """One page to extract: where its gzipped bytes are, and the truth of the corpus it comes from.

    `kind` says which truth (and so which metrics) the page has: fundus, trafilatura or mediacloud.
    `name` is the path relative to the corpus root, e.g. "fundus/ru/Kommersant_2025_05_14.html.gz".
    """

    kind: str
    name: str
    url: str
    path: Path
    truth: dict[str, Any] = field(default_factory=dict, compare=False)


def read_html(page: Page) -> bytes:
    """The page's original bytes (undecoded: the extractors detect the charset themselves)."""
    return gzip.decompress(page.path.read_bytes())


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def fundus_body(record: dict[str, Any]) -> str:
    """The plain-text body of a fundus ArticleBody: summary, then each section's headline and paragraphs."""
    body = record.get("body") or {}
    parts: list[str] = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts.extend(section.get("headline") or [])
        parts.extend(section.get("paragraphs") or [])
    return "\n".join(parts)


def fundus_pages(root: Path) -> list[Page]:
    """The fundus test pages, each with the expected record of the parser version valid at its crawl date."""
    folder = root / "fundus"
    index = _read_json(folder / "index.json")
    expected_files: dict[str, Any] = {}
    pages = []
    for rel, meta in sorted(index.items()):
        if meta["expected_json"] not in expected_files:
            expected_files[meta["expected_json"]] = _read_json(folder / meta["expected_json"])
        record = expected_files[meta["expected_json"]][meta["expected_key"]]
        truth = {
            # a key the publisher's parser does not support is absent: that metric skips the page
            "body": fundus_body(record) if "body" in record else None,
            "title": record.get("title"),
            "published": record.get("publishing_date"),
            "authors": record.get("authors"),
        }
        pages.append(Page(FUNDUS, f"fundus/{rel}", meta["url"], folder / rel, truth))
    return pages


def trafilatura_pages(root: Path) -> list[Page]:
    """The 990 annotated pages of trafilatura's evaluation; HTML from cache/ first, then eval/ (its resolver)."""
    folder = root / "trafilatura"
    pages = []
    for url, entry in _read_json(folder / "evaldata.json").items():
        name = entry["file"] + ".gz"
        path = next((folder / sub / name for sub in ("cache", "eval") if (folder / sub / name).is_file()), None)
        if path is None:
            raise FileNotFoundError(f"trafilatura corpus: no HTML for {entry['file']} ({url})")
        truth = {"with": list(entry["with"]), "without": list(entry["without"])}
        pages.append(Page(TRAFILATURA, str(path.relative_to(root)), url, path, truth))
    return pages


def _day(value: Any) -> str | None:
    # the JSON writes "no date" as NaN for the five pages that are not articles
    return value if isinstance(value, str) and value else None


def mediacloud_pages(root: Path) -> list[Page]:
    """htmldate's Media Cloud 2020 set: 200 pages with the publication day (None for 5 non-articles)."""
    folder = root / "htmldate_mediacloud2020"
    pages = []
    for url, entry in _read_json(folder / "eval_mediacloud_2020.json").items():
        path = folder / "html" / (entry["file"] + ".gz")
        pages.append(Page(MEDIACLOUD, str(path.relative_to(root)), url, path, {"date": _day(entry["date"])}))
    return pages


def russian_pages(root: Path) -> list[Page]:
    """The Russian-language pages listed in RUSSIAN_PAGES.md, each with the truth of its own corpus."""
    listed = RUSSIAN_ROW_RE.findall((root / "RUSSIAN_PAGES.md").read_text(encoding="utf-8"))
    if not listed:
        raise ValueError("RUSSIAN_PAGES.md: no page rows found")
    wanted = {rel for rel, _ in listed}
    # load only the corpora the list refers to
    loaders = {"fundus/": fundus_pages, "trafilatura/": trafilatura_pages, "htmldate_mediacloud2020/": mediacloud_pages}
    pages: dict[str, Page] = {}
    for prefix, loader in loaders.items():
        if any(rel.startswith(prefix) for rel in wanted):
            pages.update((p.name, p) for p in loader(root) if p.name in wanted)
    missing = wanted - pages.keys()
    if missing:
        raise FileNotFoundError(f"RUSSIAN_PAGES.md lists pages without ground truth: {sorted(missing)}")
    return [pages[rel] for rel, _ in listed]


LOADERS: dict[str, Callable[[Path], list[Page]]] = {
    FUNDUS: fundus_pages,
    TRAFILATURA: trafilatura_pages,
    MEDIACLOUD: mediacloud_pages,
    RUSSIAN: russian_pages,
}


def load_corpus(name: str, root: Path, limit: int | None = None) -> list[Page]:
    """The pages of one corpus in a stable order; with `limit`, that many taken in turn from each kind of truth.

    Taking them in turn means a small run of the mixed Russian set still touches every metric.
    """
    pages = LOADERS[name](root)
    if limit is None:
        return pages
    by_kind: dict[str, list[Page]] = {}
    for page in pages:
        by_kind.setdefault(page.kind, []).append(page)
    taken: list[Page] = []
    for row in zip_longest(*by_kind.values()):
        taken.extend(page for page in row if page is not None)
    return taken[:limit]
