"""Small spiders and a runner for the fault tests: one crawl per fresh process, results written as JSON.

`python -m tests.fault_spiders OUT.json SPIDER JSON_SETTINGS [name=value ...]` crawls with the project's
downloader stack (crawler.settings without pipelines, feeds or extensions, which the fault tests do not need),
and a tripwire on the reactor that refuses and records any TCP connection to a non-loopback address: a broken
safety middleware must never make a test touch the network.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import os
import resource
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse
from scrapy.settings import Settings
from scrapy.utils.reactor import install_reactor
from twisted.internet.error import ConnectError
from twisted.python.failure import Failure

ROOT = Path(__file__).resolve().parent.parent
BODY_KEEP = 256 * 1024  # bodies up to this size are returned (base64) for decoding checks in the test
# Components of crawler.settings the fault spiders leave out: they need the rest of the project.
DROPPED = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}, "FEEDS": {}, "SPIDER_MODULES": []}
SAFETY_NET = {"CLOSESPIDER_PAGECOUNT": 3000, "CLOSESPIDER_TIMEOUT": 90, "LOG_LEVEL": "INFO",
              "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "TELNETCONSOLE_ENABLED": False}


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except OSError:
        return True  # does not resolve: the connection attempt fails without any traffic


def peak_rss_mib() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec() from the
    process that forked us (a big pytest process would set the floor), while VmHWM belongs to our own memory."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def install_tripwire(attempts: list[str]) -> None:
    from twisted.internet import reactor

    original = reactor.connectTCP

    def guarded(host: str, port: int, factory: Any, *args: Any, **kwargs: Any) -> Any:
        if not _loopback(host):
            attempts.append(f"{host}:{port}")
            raise ConnectError(string=f"tripwire: refused connection to {host}:{port}")
        return original(host, port, factory, *args, **kwargs)

    reactor.connectTCP = guarded  # type: ignore[method-assign]


def _result(response: Response) -> dict[str, Any]:
    body = response.body
    return {
        "status": response.status,
        "final_url": response.url,
        "redirects": len(response.meta.get("redirect_urls", [])),
        "length": len(body),
        "content_type": (response.headers.get(b"Content-Type") or b"").decode("latin-1"),
        "body_b64": base64.b64encode(body).decode() if len(body) <= BODY_KEEP else None,
        "received": time.monotonic(),
    }


class FetchSpider(scrapy.Spider):
    """Fetches each of `urls` (comma-separated) once; `slots` maps a URL prefix to a download slot."""

    name = "fault_fetch"

    def __init__(self, urls: str = "", slots: str = "{}", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = [u for u in urls.split(",") if u]
        self.slot_map: dict[str, str] = json.loads(slots)
        self.results: dict[str, dict[str, Any]] = {}

    async def start(self) -> Any:
        for url in self.urls:
            meta: dict[str, Any] = {"key": url}
            for prefix, slot in self.slot_map.items():
                if url.startswith(prefix):
                    meta["download_slot"] = slot
            yield scrapy.Request(url, self.parse, errback=self.failed, meta=meta, dont_filter=True)

    def parse(self, response: Response) -> Iterator[Any]:
        self.results[response.meta["key"]] = _result(response)
        yield from ()

    def failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        self.results[request.meta["key"]] = {"error": type(failure.value).__name__, "message": str(failure.value)[:300],
                                            "received": time.monotonic()}


class FollowSpider(scrapy.Spider):
    """Follows every link of every HTML page from `urls`: without trap limits this never ends."""

    name = "fault_follow"

    def __init__(self, urls: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_list = [u for u in urls.split(",") if u]
        self.results: dict[str, dict[str, Any]] = {}

    async def start(self) -> Any:
        for url in self.start_list:
            yield scrapy.Request(url, self.parse)

    def parse(self, response: Response) -> Iterator[Any]:
        self.results[response.url] = {"status": response.status, "depth": response.meta.get("depth", 0)}
        if isinstance(response, TextResponse):
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, self.parse)


def news_spider() -> type[scrapy.Spider]:
    """The project's `news` spider on one synthetic source whose feeds and sitemaps are the given URLs, timing
    each feed and sitemap callback (imported late: the fetch and follow spiders need no more than Scrapy)."""
    from crawler.sources.base import Feed, Sitemap, Source
    from crawler.spiders.news import NewsSpider

    class FaultNewsSpider(NewsSpider):
        name = "fault_news"

        @classmethod
        def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> FaultNewsSpider:
            feeds = [u for u in kwargs.pop("feeds", "").split(",") if u]
            sitemaps = [u for u in kwargs.pop("sitemaps", "").split(",") if u]
            spider = super(NewsSpider, cls).from_crawler(crawler, *args, **kwargs)
            base = (feeds or sitemaps)[0].split("/", 3)
            source = Source(key="fault", name="Fault", country="KG", languages=("ru",), timezone="Asia/Bishkek",
                            scope="regional", base_url="/".join(base[:3]) + "/",
                            feeds=tuple(Feed(u) for u in feeds), sitemaps=tuple(Sitemap(u) for u in sitemaps))
            spider.sources = {source.key: source}
            spider.results = {}
            return spider

        def _timed(self, response: Response, parse: Any) -> Iterator[Any]:
            started = time.monotonic()
            output = list(parse(response))
            self.results[response.url] = {"status": response.status, "length": len(response.body),
                                          "parse_seconds": time.monotonic() - started, "received": started,
                                          "links": [r.url for r in output if isinstance(r, scrapy.Request)]}
            yield from output

        def parse_feed(self, response: Response) -> Iterator[Any]:
            return self._timed(response, super().parse_feed)

        def parse_sitemap(self, response: Response) -> Iterator[Any]:
            return self._timed(response, super().parse_sitemap)

        def parse_article(self, response: Response) -> Iterator[Any]:
            self.results[response.url] = {"status": response.status, "article": True}
            yield from super().parse_article(response)

    return FaultNewsSpider


SPIDERS: dict[str, Any] = {FetchSpider.name: FetchSpider, FollowSpider.name: FollowSpider, "fault_news": news_spider}


def project_settings(overrides: dict[str, Any]) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    mws = {k: v for k, v in settings.getdict("DOWNLOADER_MIDDLEWARES").items()
           if not k.endswith(".seen.SeenArticlesMiddleware")}
    settings.setdict({**DROPPED, "DOWNLOADER_MIDDLEWARES": mws, **SAFETY_NET}, priority="cmdline")
    settings.setdict(overrides, priority="cmdline")
    return settings


@dataclass
class FaultRun:
    """What one fault crawl reported."""

    results: dict[str, dict[str, Any]]
    stats: dict[str, Any]
    tripwire: list[str]
    elapsed: float
    max_rss_mib: float
    log: str

    def result(self, url: str) -> dict[str, Any]:
        assert url in self.results, f"no outcome for {url}; log tail:\n{self.log[-3000:]}"
        return self.results[url]


def run_fault(tmp_path: Path, spider: str, settings: dict[str, Any], timeout: float = 150,
              **spider_args: str) -> FaultRun:
    """Run one fault crawl in a fresh process (its own reactor, its own peak-memory figure)."""
    out = tmp_path / f"fault-{uuid.uuid4().hex}.json"
    cmd = [sys.executable, "-m", "tests.fault_spiders", str(out), spider, json.dumps(settings),
           *(f"{k}={v}" for k, v in spider_args.items())]
    env = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning"}
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env)
    assert proc.returncode == 0 and out.exists(), proc.stderr[-4000:]
    data = json.loads(out.read_text())
    return FaultRun(data["results"], data["stats"], data["tripwire"], data["elapsed"], data["max_rss_mib"],
                    proc.stderr)


def main(argv: list[str]) -> int:
    out, spider_name, overrides = Path(argv[0]), argv[1], json.loads(argv[2])
    spider_args = dict(arg.split("=", 1) for arg in argv[3:])
    attempts: list[str] = []
    settings = project_settings(overrides)
    install_reactor(settings["TWISTED_REACTOR"])
    install_tripwire(attempts)
    process = CrawlerProcess(settings)
    spider_cls = SPIDERS[spider_name]
    crawler = process.create_crawler(spider_cls if isinstance(spider_cls, type) else spider_cls())
    started = time.monotonic()
    process.crawl(crawler, **spider_args)
    process.start()
    if crawler.spider is None:
        return 1
    stats = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in crawler.stats.get_stats().items()}
    spider = crawler.spider
    out.write_text(json.dumps({
        "results": getattr(spider, "results", {}),
        "stats": stats,
        "tripwire": attempts,
        "elapsed": time.monotonic() - started,
        "max_rss_mib": peak_rss_mib(),
    }, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
