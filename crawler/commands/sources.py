"""`scrapy sources list [--json]` prints the registry; `scrapy sources check [KEY ...]` tests sources live."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import AsyncIterator
from http import HTTPStatus
from typing import Any

import scrapy
from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip, gzip_magic_number
from twisted.python.failure import Failure

from crawler import sources as registry
from crawler.discovery import listing_links, parse_feed, parse_sitemap
from crawler.extraction import extract_article
from crawler.sources import REGISTRY, check
from crawler.sources.base import Source
from crawler.spiders.base import ArticleSpider

CHILD_SITEMAPS = 2  # children of a sitemap index fetched to find articles (news/latest first)
SITEMAP_DEPTH = 2  # an index of indexes (daily sitemaps) is followed one level further
SAMPLE_CANDIDATES = 50  # article links tried, in turn across endpoints, until N samples were fetched


def describe(source: Source) -> dict[str, Any]:
    return {
        "key": source.key, "name": source.name, "country": source.country, "languages": list(source.languages),
        "scope": source.scope, "timezone": source.timezone, "base_url": source.base_url,
        "feeds": [f.url for f in source.feeds], "sitemaps": [s.url for s in source.sitemaps],
        "listings": [item.url for item in source.listings], "render": source.render, "verified": source.verified,
    }


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".rstrip(": ")


def _status_error(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "unexpected status"


class SourceCheckSpider(ArticleSpider):
    """Fetches robots.txt, every discovery endpoint and a few sample articles of each source, through the
    project's downloader middlewares (robots.txt, safety, retries) and per-source politeness slots.

    One start request per source (its first host's robots.txt) runs the whole check of that source in its
    callback, fetching the rest with `engine.download_async`: sources run side by side, each in order.
    Our own robots.txt fetch is only for the report; RobotsMiddleware still fetches and enforces it."""

    name = "sources-check"
    # Spider priority beats the project's settings.py: a check exports nothing and keeps no crawl state.
    custom_settings = {"ITEM_PIPELINES": {}, "FEEDS": {}, "NEWS_STATE_DIR": "",
                       "EXTENSIONS": {"crawler.extensions.duplicates.DuplicatesFeed": None}}

    def __init__(self, checks: dict[str, Source] | None = None, samples: int = 3,
                 reports: dict[str, check.SourceReport] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sources = dict(checks or {})
        self.samples = samples
        self.reports = reports if reports is not None else {}
        self._robots: dict[str, check.RobotsResult] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SourceCheckSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        slots = dict(crawler.settings.getdict("DOWNLOAD_SLOTS"))
        for source in spider.sources.values():
            slots.setdefault(f"source:{source.key}", {"delay": source.politeness.delay,
                                                      "concurrency": source.politeness.concurrency})
        crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for source in self.sources.values():
            where = check.robots_url(next(iter(self._urls(source)), source.base_url))
            yield scrapy.Request(where, callback=self.check_source, errback=self.check_source_failed,
                                 meta=self.source_meta(source, dont_obey_robotstxt=True, handle_httpstatus_all=True),
                                 cb_kwargs={"key": source.key, "where": where}, dont_filter=True,
                                 **self.request_kwargs(source))

    @staticmethod
    def _urls(source: Source) -> list[str]:
        return [e.url for e in check.endpoints_of(source)]

    async def check_source(self, response: Response, key: str, where: str) -> None:
        self._robots[where] = check.RobotsResult(where, response.status, body=response.body)
        await self._check(self.sources[key])

    async def check_source_failed(self, failure: Failure) -> None:
        kwargs = failure.request.cb_kwargs  # type: ignore[attr-defined]
        self._robots[kwargs["where"]] = check.RobotsResult(kwargs["where"], error=_error(failure.value))
        await self._check(self.sources[kwargs["key"]])

    def _user_agent(self, source: Source) -> str:
        settings = self.crawler.settings
        return settings.get("ROBOTSTXT_USER_AGENT") or source.politeness.user_agent or settings.get("USER_AGENT")

    async def _get(self, source: Source, url: str, cb_kwargs: dict[str, Any] | None = None,
                   **meta: Any) -> Response | str:
        """The response to `url`, or why there is none (network error, refused by a middleware). Article and
        listing requests are marked as the news spider marks them, so rendering applies to them alike."""
        request = scrapy.Request(url, meta=self.source_meta(source, **meta), cb_kwargs=cb_kwargs, dont_filter=True,
                                 **self.request_kwargs(source))
        try:
            return await self.crawler.engine.download_async(request)
        except Exception as exc:  # every failure is a finding of the check, reported per URL
            return _error(exc)

    async def _allowed(self, source: Source, url: str) -> bool:
        where = check.robots_url(url)
        if where not in self._robots:
            answer = await self._get(source, where, dont_obey_robotstxt=True)
            self._robots[where] = (check.RobotsResult(where, error=answer) if isinstance(answer, str)
                                   else check.RobotsResult(where, answer.status, body=answer.body))
        unreachable = self.crawler.settings.get("NEWS_ROBOTS_UNREACHABLE", "disallow") == "disallow"
        return self._robots[where].allows(url, self._user_agent(source), unreachable_disallows=unreachable)

    async def _fetch_ok(self, source: Source, url: str, result: check.EndpointResult | check.SampleResult,
                        cb_kwargs: dict[str, Any] | None = None, **meta: Any) -> Response | None:
        answer = await self._get(source, url, cb_kwargs, **meta)
        if isinstance(answer, str):
            result.error = answer
            return None
        result.status = answer.status
        if answer.status != 200:
            result.error = _status_error(answer.status)
            return None
        return answer

    async def _check(self, source: Source) -> None:
        report = check.SourceReport(source.key, source.name, samples_wanted=self.samples)
        if source.render != "none" and source.key not in self.crawler.settings.getdict("NEWS_RENDER_SOURCES"):
            report.warnings.append(f"declares render={source.render!r} but rendering is not configured: "
                                   "listings and articles were checked as plain downloads")
        for endpoint in check.endpoints_of(source):
            report.endpoints.append(endpoint)
            endpoint.allowed = await self._allowed(source, endpoint.url)
            if endpoint.allowed:
                await self._endpoint(source, endpoint)
        for url in check.pick_samples(report.endpoints, SAMPLE_CANDIDATES):
            if len(report.samples) >= self.samples:
                break
            if not await self._allowed(source, url):
                report.warnings.append(f"sample {url} disallowed by robots.txt")
                continue
            report.samples.append(await self._sample(source, url))
        fetched = (*self._urls(source), *(u for e in report.endpoints for u in e.followed),
                   *(s.url for s in report.samples))
        used = {check.robots_url(u) for u in fetched}
        report.robots = [r for where, r in self._robots.items() if where in used]
        self.reports[source.key] = report

    async def _endpoint(self, source: Source, endpoint: check.EndpointResult) -> None:
        listing = next((item for item in source.listings if item.url == endpoint.url), None)
        marks = {"listing": listing} if endpoint.kind == "listing" else None
        response = await self._fetch_ok(source, endpoint.url, endpoint, marks)
        if response is None:
            return
        if endpoint.kind == "feed":
            links = parse_feed(response.body)
            endpoint.entries = len(links)
            endpoint.article_links = check.article_links(links, source)
            content_type = response.headers.get(b"Content-Type")
            endpoint.error = check.feed_warning(content_type.decode("latin-1") if content_type else None, len(links))
        elif endpoint.kind == "sitemap":
            await self._sitemap(source, endpoint, response, SITEMAP_DEPTH, top=True)
        elif not isinstance(response, TextResponse):
            endpoint.error = "not an HTML page"
        else:
            endpoint.entries = len(set(response.css("a::attr(href)").getall()))
            endpoint.article_links = [link.url for link in listing_links(response, source, listing)]

    def _sitemap_body(self, response: Response) -> bytes | None:
        if not gzip_magic_number(response):
            return response.body
        try:
            return gunzip(response.body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        except Exception:  # corrupt or oversized (bomb) archive
            return None

    async def _sitemap(self, source: Source, endpoint: check.EndpointResult, response: Response, depth: int,
                       top: bool = False) -> None:
        body = self._sitemap_body(response)
        if body is None:
            endpoint.error = "unreadable or oversized gzipped sitemap"
            return
        page = parse_sitemap(body)
        if page.kind != "index":
            if top:
                endpoint.entries = len(page.links)
            found = check.article_links(page.links, source)
            endpoint.article_links = list(dict.fromkeys([*endpoint.article_links, *found]))
            return
        if top:
            endpoint.entries = len(page.sitemaps)
        if depth <= 0:
            return
        for url in check.pick_child_sitemaps(page.sitemaps, CHILD_SITEMAPS):
            if not await self._allowed(source, url):
                continue
            endpoint.followed.append(url)
            child = await self._get(source, url)
            if not isinstance(child, str) and child.status == 200:
                await self._sitemap(source, endpoint, child, depth - 1)
        if not endpoint.article_links:
            endpoint.error = f"no article links in {len(endpoint.followed)} child sitemaps"

    async def _sample(self, source: Source, url: str) -> check.SampleResult:
        sample = check.SampleResult(url)
        response = await self._fetch_ok(source, url, sample, article=True, refresh=True)
        if response is None:
            return sample
        if not isinstance(response, TextResponse):
            sample.error = "not an HTML page"
            return sample
        try:
            sample.coverage = check.coverage(extract_article(response, source=source))
        except Exception as exc:  # an extraction crash is what the check is there to find
            sample.error = f"extraction failed: {_error(exc)}"
        return sample


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "list [--json] [--all] | check [KEY ...] [--samples N] [--json]"

    def short_desc(self) -> str:
        return "List the source registry, or check sources live"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--all", action="store_true", help="list: include the demo sources")
        parser.add_argument("--samples", type=int, default=3, metavar="N",
                            help="check: sample articles fetched per source (default 3)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args and args[0] == "list":
            self._list(opts)
        elif args and args[0] == "check":
            self._check(args[1:], opts)
        else:
            raise UsageError(f"usage: scrapy sources {self.syntax()}")

    def _list(self, opts: argparse.Namespace) -> None:
        chosen = list(REGISTRY.values()) if opts.all else registry.select()
        if opts.json:
            json.dump([describe(s) for s in chosen], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return
        header = f"{'key':<16} {'country':<7} {'scope':<13} {'languages':<12} {'discovery':<22} name"
        print(header)
        print("-" * len(header))
        for s in chosen:
            discovery = f"{len(s.feeds)} feed {len(s.sitemaps)} sitemap {len(s.listings)} list"
            print(f"{s.key:<16} {s.country:<7} {s.scope:<13} {','.join(s.languages):<12} {discovery:<22} {s.name}")
        print(f"\n{len(chosen)} sources (not verified live from this repository; see `verified`)")

    def _selected(self, keys: list[str]) -> dict[str, Source]:
        assert self.settings is not None
        demo_url = self.settings.get("NEWS_DEMO_URL")
        try:
            chosen = registry.select(",".join(keys) or None)
        except KeyError as exc:
            raise UsageError(str(exc.args[0]), print_help=False) from None
        try:
            return {s.key: registry.resolve_demo(s, demo_url) for s in chosen}
        except ValueError as exc:
            raise UsageError(str(exc), print_help=False) from None

    def _check(self, keys: list[str], opts: argparse.Namespace) -> None:
        if opts.samples < 0:
            raise UsageError("--samples must be 0 or more", print_help=False)
        checks = self._selected(keys)
        reports: dict[str, check.SourceReport] = {}
        assert self.crawler_process is not None
        self.crawler_process.crawl(SourceCheckSpider, checks=checks, samples=opts.samples, reports=reports)
        self.crawler_process.start()
        ordered = [reports.get(key) or check.SourceReport(key, source.name, samples_wanted=opts.samples,
                                                    warnings=["the check did not complete (see the log)"])
                   for key, source in checks.items()]
        if opts.json:
            json.dump([check.to_json(r) for r in ordered], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            for report in ordered:
                print(check.format_details(report), end="\n\n")
            print(check.format_table(ordered))
        if any(r.broken for r in ordered):
            self.exitcode = 1
