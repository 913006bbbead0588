"""`scrapy sources check`: the pure verdict logic, and real runs against the demo site (working and broken)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from crawler import sources as registry
from crawler.demo.server import DemoServer
from crawler.discovery import DiscoveredLink
from crawler.sources.check import (
    EndpointResult,
    RobotsResult,
    SampleResult,
    SourceReport,
    article_links,
    coverage,
    endpoints_of,
    feed_warning,
    format_details,
    format_table,
    pick_child_sitemaps,
    pick_samples,
    robots_url,
    to_json,
)
from tests.conftest import run_scrapy

UA = "CentralAsiaNewsCrawler/1.0 (+https://example.org)"
ROBOTS = b"User-agent: *\nDisallow: /private/\n\nUser-agent: CentralAsiaNewsCrawler\nDisallow: /drafts/\n"
FULL = {"title": True, "body": True, "date": True, "authors": True, "language": True}
DEMO_KEYS = ["demo-steppe", "demo-azatlyk", "demo-vesti"]
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWS_ALLOWED_PRIVATE_HOSTS=127.0.0.1"]
ROW = re.compile(r"^(?P<key>\S+)\s+(?P<ok>\d+)/(?P<total>\d+) ok, (?P<links>\d+) links\s+(?P<samples>\d+)\s+"
                 r"(?P<cells>(?:\d+/\d+\s+){5})(?P<status>OK|BROKEN)$", re.M)


def endpoint(url: str, links: list[str], kind: str = "feed") -> EndpointResult:
    return EndpointResult(kind, url, allowed=True, status=200, entries=len(links), article_links=links)


# --- robots.txt ------------------------------------------------------------------------------------------------

def test_robots_verdicts_follow_rfc_9309() -> None:
    ok = RobotsResult("https://a.kg/robots.txt", 200, body=ROBOTS)
    assert ok.allows("https://a.kg/news/1", UA)
    assert not ok.allows("https://a.kg/drafts/1", UA)  # the group naming our product token applies
    assert ok.allows("https://a.kg/private/1", UA)  # ... instead of the * group
    assert not ok.allows("https://a.kg/private/1", "OtherBot/2.0")
    assert RobotsResult("u", 404).allows("https://a.kg/private/1", UA)  # 4xx: no restrictions
    for status in (500, 503, 429):
        assert not RobotsResult("u", status).allows("https://a.kg/news/1", UA)
    unreachable = RobotsResult("u", error="DNSLookupError")
    assert not unreachable.allows("https://a.kg/news/1", UA)
    assert unreachable.allows("https://a.kg/news/1", UA, unreachable_disallows=False)
    assert "unreachable (DNSLookupError)" in unreachable.describe()
    assert robots_url("https://rus.azattyk.org/api/z-x?y=1") == "https://rus.azattyk.org/robots.txt"


# --- endpoints, children and samples -----------------------------------------------------------------------------

def test_endpoints_of_keeps_kind_and_language() -> None:
    source = registry.by_key("tengrinews")
    found = endpoints_of(source)
    assert [e.kind for e in found] == ["feed"] * len(source.feeds) + ["sitemap"] * 3 + ["listing"]
    assert [e.language for e in found if e.kind == "sitemap"] == ["ru", "kk", "en"]
    assert all(e.allowed is None and not e.works for e in found)


def test_article_links_filters_and_dedupes() -> None:
    source = registry.by_key("kloop")
    links = [DiscoveredLink("https://kloop.kg/blog/2024/05/02/a/"), DiscoveredLink("https://kloop.kg/page/2/"),
             DiscoveredLink("https://kloop.kg/blog/2024/05/02/a/"), DiscoveredLink("https://other.kg/blog/2024/05/02/b/")]
    assert article_links(links, source) == ["https://kloop.kg/blog/2024/05/02/a/"]


def test_child_sitemaps_prefer_news_then_freshness() -> None:
    old, new = datetime(2024, 1, 1, tzinfo=UTC), datetime(2025, 4, 20, tzinfo=UTC)
    children = [DiscoveredLink("https://x.org/sitemap_7_1.xml.gz", published=old),
                DiscoveredLink("https://x.org/sitemap_7_2.xml.gz", published=new),
                DiscoveredLink("https://x.org/sitemap_7_latest.xml.gz"),
                DiscoveredLink("https://x.org/sitemap_7_news.xml.gz"),
                DiscoveredLink("https://x.org/sitemap_7_sections.xml.gz")]
    assert pick_child_sitemaps(children, 2) == ["https://x.org/sitemap_7_news.xml.gz", "https://x.org/sitemap_7_latest.xml.gz"]
    assert pick_child_sitemaps(children[:2], 1) == ["https://x.org/sitemap_7_2.xml.gz"]
    plain = [DiscoveredLink(f"https://x.org/s{i}.xml") for i in range(3)]
    assert pick_child_sitemaps(plain, 1) == ["https://x.org/s2.xml"]  # undated: the last listed


def test_samples_rotate_over_endpoints_without_repeats() -> None:
    feed = endpoint("f", ["a1", "a2", "a3"])
    sitemap = endpoint("s", ["a1", "b1", "b2"], kind="sitemap")
    empty = endpoint("l", [], kind="listing")
    assert pick_samples([feed, sitemap, empty], 4) == ["a1", "b1", "a2", "b2"]
    assert pick_samples([feed, sitemap], 10) == ["a1", "b1", "a2", "b2", "a3"]
    assert pick_samples([empty], 3) == []


def test_coverage_of_a_record() -> None:
    record = {"title": " T ", "body": "text", "published_at": "2026-01-01T00:00:00+05:00", "authors": ["A"],
              "language": "ky"}
    assert coverage(record) == FULL
    assert coverage({"title": "  ", "body": None, "authors": [], "language": "und"}) == dict.fromkeys(FULL, False)


def test_feed_warning_explains_html_answers() -> None:
    assert feed_warning("text/html; charset=utf-8", 0).startswith("answered an HTML page")
    assert feed_warning("application/rss+xml", 0) == "no feed entries"
    assert feed_warning("text/html", 5) is None


# --- verdicts and output -----------------------------------------------------------------------------------------

def report_with(samples: list[SampleResult], links: list[str] | None = None, wanted: int = 3) -> SourceReport:
    links = ["https://a.kg/1", "https://a.kg/2"] if links is None else links
    return SourceReport("a", "A", endpoints=[endpoint("https://a.kg/feed", links)], samples=samples,
                        samples_wanted=wanted)


def test_working_source_is_not_broken() -> None:
    report = report_with([SampleResult("https://a.kg/1", 200, coverage=FULL),
                          SampleResult("https://a.kg/2", 200, coverage={**FULL, "authors": False})])
    assert report.discovery_ok and not report.broken and report.problems == []


@pytest.mark.parametrize("report, problem", [
    (report_with([], links=[]), "no discovery endpoint yielded article links"),
    (report_with([]), "no sample article could be fetched"),
    (report_with([SampleResult("https://a.kg/1", 200, coverage={**FULL, "body": False})]), "https://a.kg/1: no body"),
    (report_with([SampleResult("https://a.kg/1", 200, coverage={**FULL, "title": False, "body": False})]),
     "no title/body"),
    (report_with([SampleResult("https://a.kg/1", 404, error="Not Found")]), "https://a.kg/1: Not Found"),
])
def test_broken_sources(report: SourceReport, problem: str) -> None:
    assert report.broken
    assert any(problem in p for p in report.problems), report.problems


def test_no_samples_wanted_means_discovery_alone_decides() -> None:
    assert not report_with([], wanted=0).broken


def test_table_details_and_json() -> None:
    good = report_with([SampleResult(f"https://a.kg/{i}", 200, coverage={**FULL, "authors": i == 1}) for i in (1, 2)])
    bad = SourceReport("b", "B", robots=[RobotsResult("https://b.kg/robots.txt", 503, body=b"x")],
                       endpoints=[EndpointResult("sitemap", "https://b.kg/s.xml", "ru", allowed=False)])
    table = format_table([good, bad])
    rows = {m["key"]: m for m in ROW.finditer(table)}
    assert rows["a"]["status"] == "OK" and rows["a"]["cells"].split() == ["2/2", "2/2", "2/2", "1/2", "2/2"]
    assert rows["b"]["status"] == "BROKEN" and rows["b"]["ok"] == "0" and rows["b"]["total"] == "1"
    assert "2 sources checked, 1 broken" in table
    details = format_details(bad)
    assert "[ru] https://b.kg/s.xml: disallowed by robots.txt" in details and "HTTP 503" in details
    assert "BROKEN   no discovery endpoint" in details
    data = json.loads(json.dumps([to_json(good), to_json(bad)]))
    assert data[0]["coverage"]["authors"] == 1 and data[1]["broken"] and "body" not in data[1]["robots"][0]


# --- the command against the demo site ---------------------------------------------------------------------------

def check(demo_url: str, *args: str) -> tuple[int, str, str]:
    proc = run_scrapy(["sources", "check", *args, "-s", f"NEWS_DEMO_URL={demo_url}", *FAST], timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def test_check_passes_on_the_demo_site(demo_site: DemoServer) -> None:
    code, out, err = check(demo_site.base_url, *DEMO_KEYS)
    assert code == 0, err[-3000:] + out
    rows = {m["key"]: m for m in ROW.finditer(out)}
    assert set(rows) == set(DEMO_KEYS), out
    for row in rows.values():
        assert row["status"] == "OK" and row["ok"] == row["total"] and int(row["links"]) >= 4
        assert row["samples"] == "3" and row["cells"].split() == ["3/3"] * 5, row.group(0)
    assert "robots   " + demo_site.base_url + "/robots.txt: HTTP 200" in out
    assert "(via 2 child sitemaps)" in out  # the azatlyk sitemap index was followed to its news/latest files
    assert "3 sources checked, 0 broken" in out


def test_check_json_and_sample_count(demo_site: DemoServer) -> None:
    code, out, err = check(demo_site.base_url, "demo-azatlyk,demo-vesti", "--samples", "1", "--json")
    assert code == 0, err[-3000:]
    reports = json.loads(out)
    assert [r["key"] for r in reports] == ["demo-azatlyk", "demo-vesti"]
    for report in reports:
        assert report["discovery_ok"] and not report["broken"] and len(report["samples"]) == 1
        assert report["robots"][0]["status"] == 200 and all(e["allowed"] for e in report["endpoints"])
    sitemap = reports[0]["endpoints"][0]
    assert sitemap["entries"] == 3 and len(sitemap["followed"]) == 2 and sitemap["article_links"]


def test_check_fails_when_endpoints_404(demo_site: DemoServer) -> None:
    code, out, _ = check(demo_site.base_url + "/missing", "demo-vesti", "demo-steppe")
    assert code == 1
    assert "/missing/vesti/news/: HTTP 404, Not Found" in out
    assert "2 sources checked, 2 broken" in out


def test_check_reports_robots_disallowed_endpoints(demo_site: DemoServer) -> None:
    """The demo robots.txt disallows /private/: a source moved there is not fetched, and is broken."""
    code, out, _ = check(demo_site.base_url + "/private", "demo-steppe")
    assert code == 1
    assert "/private/steppe/feed/: disallowed by robots.txt" in out and "BROKEN" in out


@pytest.mark.skipif("demo-karakum" not in registry.REGISTRY, reason="no client-rendered demo source")
def test_check_fails_on_samples_without_body(demo_site: DemoServer) -> None:
    """The script-built demo outlet downloaded without rendering: discovery works, article bodies are empty."""
    code, out, _ = check(demo_site.base_url, "demo-karakum", "-s", "NEWS_RENDER=off")
    assert code == 1
    row = next(m for m in ROW.finditer(out) if m["key"] == "demo-karakum")
    assert row["status"] == "BROKEN" and int(row["links"]) >= 1 and row["cells"].split()[1].startswith("0/")
    assert re.search(r"BROKEN   sample \S+/js/news/\d+\.html: no body", out), out


def test_check_usage_errors() -> None:
    proc = run_scrapy(["sources", "check", "demo-vesti"])
    assert proc.returncode != 0 and "NEWS_DEMO_URL" in proc.stderr
    proc = run_scrapy(["sources", "check", "no-such-source"])
    assert proc.returncode != 0 and "unknown source 'no-such-source'" in proc.stderr
    proc = run_scrapy(["sources", "nonsense"])
    assert proc.returncode != 0 and "check [KEY ...]" in proc.stderr
