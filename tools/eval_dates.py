"""Accuracy and speed of `extract_dates` on the shared corpora, with `htmldate.find_date` as a baseline."""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extraction.dates import extract_dates  # noqa: E402
from crawler.extraction.encoding import decode_html  # noqa: E402
from crawler.extraction.metadata import jsonld_objects  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
HTML_LANG_XPATH = etree.XPath("/html/@lang")
RUSSIAN_ROW_RE = re.compile(r"^\|\s*([\w./-]+\.html\.gz)\s*\|\s*(\S+)\s*\|", re.M)
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# The source time zone the crawler's registry would give each fundus country group (the newsroom's zone
# for the few countries with several). Pages that state local times without an offset need it.
COUNTRY_TZ = {
    "at": "Europe/Vienna", "au": "Australia/Sydney", "be": "Europe/Brussels", "ca": "America/Toronto",
    "ch": "Europe/Zurich", "cn": "Asia/Shanghai", "cz": "Europe/Prague", "de": "Europe/Berlin",
    "dk": "Europe/Copenhagen", "es": "Europe/Madrid", "fr": "Europe/Paris", "gl": "America/Nuuk",
    "id": "Asia/Jakarta", "il": "Asia/Jerusalem", "ind": "Asia/Kolkata", "isl": "Atlantic/Reykjavik",
    "it": "Europe/Rome", "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "lb": "Asia/Beirut", "li": "Europe/Vaduz",
    "ls": "Africa/Maseru", "lt": "Europe/Vilnius", "lu": "Europe/Luxembourg", "mx": "America/Mexico_City",
    "my": "Asia/Kuala_Lumpur", "na": "Africa/Windhoek", "no": "Europe/Oslo", "pl": "Europe/Warsaw",
    "pt": "Europe/Lisbon", "py": "America/Asuncion", "ru": "Europe/Moscow", "se": "Europe/Stockholm",
    "tr": "Europe/Istanbul", "tw": "Asia/Taipei", "tz": "Africa/Dar_es_Salaam", "ua": "Europe/Kyiv",
    "uk": "Europe/London", "us": "America/New_York", "vn": "Asia/Ho_Chi_Minh", "za": "Africa/Johannesburg",
}


@dataclass
class Page:
    """One evaluation page and its expected publication date."""

    name: str
    url: str
    html: str
    expected: datetime | date | None  # datetime when the truth has a time, date for day-level truth
    languages: tuple[str, ...] = ()
    now: datetime | None = None
    tz: str | None = None


@dataclass
class Score:
    """Hits and timings of one extractor on one set."""

    total: int = 0
    timed: int = 0  # pages whose truth has a time of day
    day_hits: int = 0
    zone_hits: int = 0  # day hits counting timed instants that fall on the expected day in some UTC offset
    minute_hits: int = 0
    found: int = 0
    millis: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def line(self, label: str, minute: bool) -> str:
        ms = sorted(self.millis)
        p95 = ms[min(len(ms) - 1, math.ceil(0.95 * len(ms)) - 1)] if ms else 0.0
        parts = [f"{label:20} day {self.day_hits / self.total:.3f} ({self.day_hits}/{self.total})",
                 f"any-zone day {self.zone_hits / self.total:.3f}"]
        if minute and self.timed:
            parts.append(f"minute {self.minute_hits / self.timed:.3f} ({self.minute_hits}/{self.timed})")
        parts.append(f"found {self.found}  ms/page median {statistics.median(ms) if ms else 0:.2f} p95 {p95:.2f}")
        return "  ".join(parts)


def read_page(path: Path) -> str:
    """Decoded text of a gzipped page (BOM, UTF-8, declared charsets, then detection)."""
    return decode_html(gzip.decompress(path.read_bytes()))


def parse(html: str) -> lxml.html.HtmlElement:
    """A tolerant tree of a page, as the crawler builds it."""
    html = html.replace("\x00", "")
    if html.lstrip()[:5].lower() == "<?xml":
        html = html.split("?>", 1)[-1]
    try:
        return lxml.html.document_fromstring(html or "<html></html>")
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


def _nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


def mediacloud_pages(corpus: Path) -> Iterator[Page]:
    folder = corpus / "htmldate_mediacloud2020"
    truth = json.loads((folder / "eval_mediacloud_2020.json").read_text())
    for url, entry in truth.items():
        html = read_page(folder / "html" / (entry["file"] + ".gz"))
        expected = None if _nan(entry["date"]) or not entry["date"] else date.fromisoformat(entry["date"])
        lang = HTML_LANG_XPATH(parse(html))
        yield Page(entry["file"], url, html, expected, tuple(lang[:1]))


def fundus_pages(corpus: Path, with_tz: bool = True) -> Iterator[Page]:
    folder = corpus / "fundus"
    index = json.loads((folder / "index.json").read_text())
    for rel, meta in sorted(index.items()):
        record = json.loads((folder / meta["expected_json"]).read_text())[meta["expected_key"]]
        crawled = datetime.fromisoformat(meta["crawl_date"]).replace(tzinfo=UTC)
        languages = tuple(meta.get("languages") or ())
        if meta["country_group"] == "us" and languages[:1] == ("en",):
            languages = ("en-US",) + languages[1:]
        yield Page(rel, meta["url"], read_page(folder / rel), datetime.fromisoformat(record["publishing_date"]),
                   languages, crawled + timedelta(days=1), COUNTRY_TZ.get(meta["country_group"]) if with_tz else None)


def russian_pages(corpus: Path) -> Iterator[Page]:
    """The Russian-language pages listed in RUSSIAN_PAGES.md, with the truth of their own corpus."""
    mediacloud = {entry["file"]: entry["date"] for entry in
                  json.loads((corpus / "htmldate_mediacloud2020" / "eval_mediacloud_2020.json").read_text()).values()}
    fundus = {f"fundus/{p.name}": p for p in fundus_pages(corpus) if p.languages == ("ru",) or "/rus/" in p.url}
    trafilatura = json.loads((corpus / "trafilatura" / "evaldata.json").read_text())
    for rel, url in RUSSIAN_ROW_RE.findall((corpus / "RUSSIAN_PAGES.md").read_text()):
        if rel in fundus:
            yield fundus[rel]
            continue
        name = Path(rel).name.removesuffix(".gz")
        truth = mediacloud.get(name) or trafilatura.get(url, {}).get("date")
        if truth and not _nan(truth):
            yield Page(rel, url, read_page(corpus / rel), date.fromisoformat(truth), ("ru",))


def trafilatura_pages(corpus: Path) -> Iterator[Page]:
    """The trafilatura evaluation pages annotated with a well-formed publication day (mostly German blogs)."""
    folder = corpus / "trafilatura"
    index = json.loads((folder / "index.json").read_text())
    for url, entry in json.loads((folder / "evaldata.json").read_text()).items():
        try:
            expected = date.fromisoformat(str(entry.get("date")))
        except ValueError:
            continue  # no date, or a malformed one ("2022-01.26")
        lang = tuple(str(index[url].get("html_lang_attr") or "").split()[:1])
        yield Page(index[url]["html"], url, read_page(folder / index[url]["html"]), expected, lang)


def _same_day(found: datetime, expected: datetime | date) -> bool:
    if isinstance(expected, datetime):
        if found.tzinfo is None and expected.tzinfo is not None:  # a naive result is the page's wall clock
            return found.date() == expected.date()
        if expected.tzinfo is None:  # the truth states wall-clock time: compare what the page said
            return found.replace(tzinfo=None).date() == expected.date()
        return found.astimezone(expected.tzinfo).date() == expected.date()
    return found.date() == expected


def _day_in_some_zone(found: datetime, expected: datetime | date) -> bool:
    """A timed instant on the expected local day for some offset from UTC-12 to UTC+14: the page's zone is
    unknown, so "2020-02-18T02:18Z" may well be the 17th where it was published."""
    if isinstance(expected, datetime) or found.tzinfo is None or (found.hour, found.minute, found.second) == (0, 0, 0):
        return False
    start = datetime(expected.year, expected.month, expected.day, tzinfo=UTC)
    return start - timedelta(hours=14) <= found.astimezone(UTC) < start + timedelta(hours=36)


def _same_minute(found: datetime, expected: datetime | date) -> bool:
    if not isinstance(expected, datetime):
        return False
    if expected.tzinfo is None or found.tzinfo is None:  # wall clock against wall clock
        return found.replace(tzinfo=None, second=0, microsecond=0) == expected.replace(tzinfo=None, second=0,
                                                                                       microsecond=0)
    return (found.astimezone(UTC).replace(second=0, microsecond=0)
            == expected.astimezone(UTC).replace(second=0, microsecond=0))


def _record(score: Score, page: Page, found: datetime | None, millis: float) -> None:
    score.total += 1
    score.millis.append(millis)
    score.found += found is not None
    score.timed += isinstance(page.expected, datetime)
    if page.expected is None:
        score.day_hits += found is None
        score.zone_hits += found is None
    elif found is not None:
        score.day_hits += _same_day(found, page.expected)
        score.zone_hits += _same_day(found, page.expected) or _day_in_some_zone(found, page.expected)
        score.minute_hits += _same_minute(found, page.expected)
    if (found is None) != (page.expected is None) or found is not None and page.expected is not None \
            and not _same_minute(found, page.expected) and (isinstance(page.expected, datetime)
                                                            or not _same_day(found, page.expected)):
        score.misses.append(f"{page.name}: expected {page.expected} got {found}  {page.url[:90]}")


def _htmldate(doc: lxml.html.HtmlElement, page: Page) -> datetime | None:
    from htmldate import find_date

    value = find_date(doc, url=page.url, original_date=True, outputformat=HTMLDATE_FORMAT,
                      max_date=(page.now or datetime.now(UTC)).strftime("%Y-%m-%d"))
    if not value:
        return None
    return datetime.fromisoformat(value)  # often naive: the page's wall-clock time, compared as such


def evaluate(pages: list[Page], baseline: bool, repeat: int) -> tuple[Score, Score]:
    """Scores of extract_dates and htmldate; a page's time is the best of `repeat` runs (the machine is shared)."""
    ours, theirs = Score(), Score()
    for page in pages:
        doc = parse(page.html)
        ld = jsonld_objects(doc)[0]  # as the pipeline reads it (CDATA-wrapped scripts included)
        best = math.inf
        for _ in range(repeat):
            start = time.perf_counter()
            published, _ = extract_dates(doc, page.url, ld=ld, tz=page.tz, languages=page.languages, now=page.now)
            best = min(best, time.perf_counter() - start)
        _record(ours, page, published, best * 1000)
        if baseline:
            doc = parse(page.html)  # htmldate prunes the tree it is given
            start = time.perf_counter()
            found = _htmldate(doc, page)
            _record(theirs, page, found, (time.perf_counter() - start) * 1000)
    return ours, theirs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-baseline", action="store_true", help="skip htmldate")
    parser.add_argument("--misses", action="store_true", help="list the pages extract_dates gets wrong")
    parser.add_argument("--only", choices=("mediacloud", "fundus", "russian", "trafilatura"), action="append",
                        help="sets to run (default: mediacloud, fundus, russian)")
    parser.add_argument("--no-tz", action="store_true", help="fundus without per-country source time zones")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page for extract_dates timing")
    args = parser.parse_args()
    sets = {"mediacloud": (mediacloud_pages, False),
            "fundus": (lambda corpus: fundus_pages(corpus, not args.no_tz), True),
            "russian": (russian_pages, False), "trafilatura": (trafilatura_pages, False)}
    for name, (loader, minute) in sets.items():
        if name not in (args.only or ("mediacloud", "fundus", "russian")):
            continue
        pages = list(loader(args.corpus))
        ours, theirs = evaluate(pages, not args.no_baseline, max(1, args.repeat))
        print(f"== {name}: {len(pages)} pages")
        print(ours.line("extract_dates", minute or name == "russian"))
        if not args.no_baseline:
            print(theirs.line("htmldate.find_date", minute or name == "russian"))
        if args.misses:
            for miss in ours.misses:
                print("   miss", miss)


if __name__ == "__main__":
    main()
