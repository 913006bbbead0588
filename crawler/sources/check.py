"""Pure logic of `scrapy sources check`: robots verdicts, endpoint and sample results, verdicts and the report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from protego import Protego

from crawler.discovery import DiscoveredLink, is_article_url
from crawler.sources.base import Source

COVERAGE_FIELDS = ("title", "body", "date", "authors", "language")
REQUIRED_FIELDS = ("title", "body")  # a sample without these means extraction is broken for the source
# As crawler.middlewares.robots (RFC 9309): 5xx, 429 and no answer mean "disallow all", other 4xx "allow all".
ROBOTS_UNREACHABLE_STATUSES = frozenset({429})
# Child sitemaps worth following first: Google News and "latest" files list the newest articles.
FRESH_SITEMAP = re.compile(r"news|latest|recent|today", re.I)
FEED_AS_HTML = re.compile(r"^\s*text/html", re.I)


@dataclass
class RobotsResult:
    """One host's robots.txt as fetched by the check."""

    url: str
    status: int | None = None  # None: no answer (network error)
    error: str | None = None
    body: bytes = field(default=b"", repr=False)

    def allows(self, url: str, user_agent: str, *, unreachable_disallows: bool = True) -> bool:
        if self.status is None:
            return not unreachable_disallows
        if self.status >= 500 or self.status in ROBOTS_UNREACHABLE_STATUSES:
            return False
        if self.status >= 400:
            return True
        return bool(self._rules.can_fetch(url, user_agent))

    @cached_property
    def _rules(self) -> Protego:
        return Protego.parse(self.body.decode("utf-8", errors="replace"))

    def describe(self) -> str:
        return f"HTTP {self.status}" if self.status is not None else f"unreachable ({self.error or 'no answer'})"


@dataclass
class EndpointResult:
    """A discovery endpoint (feed, sitemap, listing) and what it gave."""

    kind: str
    url: str
    language: str | None = None
    allowed: bool | None = None  # robots.txt verdict; None = not asked
    status: int | None = None
    error: str | None = None
    entries: int = 0  # feed items, sitemap URLs (or child sitemaps of an index), listing links
    article_links: list[str] = field(default_factory=list)
    followed: list[str] = field(default_factory=list)  # child sitemaps fetched for an index

    @property
    def works(self) -> bool:
        return bool(self.article_links)


@dataclass
class SampleResult:
    """One sample article fetched and extracted as in a crawl."""

    url: str
    status: int | None = None
    error: str | None = None
    coverage: dict[str, bool] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return self.error is None and all(self.coverage.get(name) for name in REQUIRED_FIELDS)


@dataclass
class SourceReport:
    """Everything the check learnt about one source."""

    key: str
    name: str
    robots: list[RobotsResult] = field(default_factory=list)
    endpoints: list[EndpointResult] = field(default_factory=list)
    samples: list[SampleResult] = field(default_factory=list)
    samples_wanted: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def discovery_ok(self) -> bool:
        return any(e.works for e in self.endpoints)

    @property
    def problems(self) -> list[str]:
        """Why the source counts as broken; empty when it works."""
        found = []
        if not self.discovery_ok:
            found.append("no discovery endpoint yielded article links")
        elif self.samples_wanted and not self.samples:
            found.append("no sample article could be fetched (robots.txt or no links)")
        for sample in self.samples:
            if sample.error:
                found.append(f"sample {sample.url}: {sample.error}")
            elif not sample.complete:
                missing = [name for name in REQUIRED_FIELDS if not sample.coverage.get(name)]
                found.append(f"sample {sample.url}: no {'/'.join(missing)}")
        return found

    @property
    def broken(self) -> bool:
        return bool(self.problems)


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def endpoints_of(source: Source) -> list[EndpointResult]:
    """The source's discovery endpoints, feeds first, then sitemaps and listings, as empty results."""
    return ([EndpointResult("feed", f.url, f.language) for f in source.feeds]
            + [EndpointResult("sitemap", s.url, s.language) for s in source.sitemaps]
            + [EndpointResult("listing", item.url, item.language) for item in source.listings])


def article_links(links: Iterable[DiscoveredLink], source: Source) -> list[str]:
    """Distinct article URLs among discovered links, in order."""
    return list(dict.fromkeys(link.url for link in links if is_article_url(link.url, source)))


def feed_warning(content_type: str | None, entries: int) -> str | None:
    """Why a feed endpoint with no entries failed, when the answer says so."""
    if entries:
        return None
    if content_type and FEED_AS_HTML.match(content_type):
        return "answered an HTML page, not a feed (some sites want a feed-reader User-Agent)"
    return "no feed entries"


def pick_child_sitemaps(children: Sequence[DiscoveredLink], limit: int) -> list[str]:
    """The children of a sitemap index worth fetching to see fresh articles: news/latest files first, then
    the most recently modified, then the last listed (indexes usually grow at the end)."""
    ranked = sorted(
        enumerate(children),
        key=lambda pair: (not FRESH_SITEMAP.search(pair[1].url.rsplit("/", 1)[-1]),
                          -(pair[1].published.timestamp() if pair[1].published else 0.0), -pair[0]),
    )
    return [child.url for _, child in ranked[:limit]]


def pick_samples(endpoints: Sequence[EndpointResult], n: int) -> list[str]:
    """Up to `n` distinct article URLs, taken in turn from each working endpoint so that every route (and
    language edition) gets sampled."""
    queues = [list(e.article_links) for e in endpoints if e.article_links]
    chosen: dict[str, None] = {}
    while len(chosen) < n and any(queues):
        for queue in queues:
            while queue:
                url = queue.pop(0)
                if url not in chosen:
                    chosen[url] = None
                    break
            if len(chosen) >= n:
                break
    return list(chosen)


def coverage(record: dict[str, Any]) -> dict[str, bool]:
    """Which fields an extracted record has: title, body, date, authors, language."""
    language = record.get("language")
    return {
        "title": bool((record.get("title") or "").strip()),
        "body": bool((record.get("body") or "").strip()),
        "date": bool(record.get("published_at")),
        "authors": bool(record.get("authors")),
        "language": bool(language) and language != "und",
    }


def coverage_counts(report: SourceReport) -> dict[str, int]:
    return {name: sum(1 for s in report.samples if s.coverage.get(name)) for name in COVERAGE_FIELDS}


def to_json(report: SourceReport) -> dict[str, Any]:
    data = asdict(report)
    for robots in data["robots"]:
        robots.pop("body", None)
    data.update(discovery_ok=report.discovery_ok, broken=report.broken, problems=report.problems,
                coverage=coverage_counts(report))
    return data


def _endpoint_line(e: EndpointResult) -> str:
    tag = f"[{e.language}] " if e.language else ""
    if e.allowed is False:
        outcome = "disallowed by robots.txt"
    elif e.error:
        outcome = f"{'HTTP ' + str(e.status) + ', ' if e.status else ''}{e.error}"
    else:
        outcome = f"HTTP {e.status}, {e.entries} entries, {len(e.article_links)} article links"
        if e.followed:
            outcome += f" (via {len(e.followed)} child sitemaps)"
    return f"  {e.kind:<8} {tag}{e.url}: {outcome}"


def _sample_line(s: SampleResult) -> str:
    if s.error:
        return f"  sample   {s.url}: {s.error}"
    have = " ".join(name if s.coverage.get(name) else f"-{name}" for name in COVERAGE_FIELDS)
    return f"  sample   {s.url}: HTTP {s.status}, {have}"


def format_details(report: SourceReport) -> str:
    lines = [f"{report.key} ({report.name})"]
    lines += [f"  robots   {r.url}: {r.describe()}" for r in report.robots]
    lines += [_endpoint_line(e) for e in report.endpoints]
    lines += [_sample_line(s) for s in report.samples]
    lines += [f"  warning  {w}" for w in report.warnings]
    lines += [f"  BROKEN   {p}" for p in report.problems]
    return "\n".join(lines)


def format_table(reports: Sequence[SourceReport]) -> str:
    """One row per source: discovery, field coverage of the samples, verdict."""
    fields = " ".join(f"{name:>8}" for name in COVERAGE_FIELDS)
    header = f"{'source':<16} {'discovery':<22} {'samples':>7}  {fields}  status"
    lines = [header, "-" * len(header)]
    for report in reports:
        working = sum(1 for e in report.endpoints if e.works)
        links = len({u for e in report.endpoints for u in e.article_links})
        discovery = f"{working}/{len(report.endpoints)} ok, {links} links"
        counts = coverage_counts(report)
        total = len(report.samples)
        cells = " ".join(f"{f'{counts[n]}/{total}':>8}" for n in COVERAGE_FIELDS)
        lines.append(f"{report.key:<16} {discovery:<22} {total:>7}  {cells}  {'BROKEN' if report.broken else 'OK'}")
    broken = sum(1 for r in reports if r.broken)
    lines.append(f"\n{len(reports)} sources checked, {broken} broken")
    return "\n".join(lines)
