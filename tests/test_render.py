"""End to end: client-rendered demo pages give nothing to a plain download and every story to a rendered one,
through headless Chromium (scrapy-playwright) and through the Splash HTTP API (scrapy-splash + tests/splash_server)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from crawler.demo.builder.jsnews import PLAIN_LINKS, STORIES
from crawler.demo.server import DemoServer
from tests.conftest import ROOT, CrawlResult

SOURCE = "demo-karakum"
RENDER_ADDON = {"crawler.render.RenderAddon": 0}
SERVER_START_TIMEOUT = 60.0
Crawl = Callable[..., CrawlResult]  # the `crawl` fixture of conftest


def fetch_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the local demo site
        data: bytes = response.read()
    return data.decode("utf-8")


@pytest.fixture(scope="module")
def splash_url() -> Iterator[str]:
    """tests/splash_server.py in a subprocess (its own Chromium), for this module's Splash crawls."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.splash_server", "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first_line: list[str] = []
    reader = threading.Thread(target=lambda: first_line.append(proc.stdout.readline() if proc.stdout else ""))
    reader.start()
    reader.join(SERVER_START_TIMEOUT)
    try:
        if not first_line or not first_line[0].startswith("SPLASH_URL="):
            proc.kill()
            raise RuntimeError(f"Splash stand-in did not start: {proc.stderr.read() if proc.stderr else ''}")
        yield first_line[0].strip().split("=", 1)[1]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()


def crawl_js(crawl: Crawl, demo_site: DemoServer, name: str, **settings: Any) -> CrawlResult:
    return crawl("news", f"sources={SOURCE}", name=name, settings={
        "NEWS_DEMO_URL": demo_site.base_url, "ADDONS": json.dumps(RENDER_ADDON), **settings})


def assert_every_story(result: CrawlResult, base_url: str) -> None:
    assert result.returncode == 0, result.log[-3000:]
    by_url = {r["url"]: r for r in result.records}
    assert sorted(by_url) == sorted(base_url + s.path for s in STORIES)
    for story in STORIES:
        record = by_url[base_url + story.path]
        assert record["source"] == SOURCE
        assert record["title"] == story.title
        assert record["body"] == "\n\n".join(story.paragraphs)
        assert record["published_at"] == story.published
        assert record["authors"] == [story.author]
        assert record["language"] == story.lang


def test_plain_download_sees_none_of_the_text(demo_site: DemoServer) -> None:
    for story in STORIES:
        raw = fetch_text(demo_site.base_url + story.path)
        assert story.title not in raw and story.author not in raw
        assert not any(paragraph[:40] in raw for paragraph in story.paragraphs), story.path
    listing = fetch_text(demo_site.base_url + "/js/")
    assert [s.path in listing for s in STORIES] == [i < PLAIN_LINKS for i in range(len(STORIES))]


def test_unrendered_crawl_exports_nothing_and_starts_no_browser(crawl: Crawl, demo_site: DemoServer) -> None:
    result = crawl_js(crawl, demo_site, "plain", NEWS_RENDER="off")
    assert result.returncode == 0, result.log[-3000:]
    assert result.records == []
    dropped = sum(v for k, v in result.stats.items() if k.startswith("news/dropped/"))
    assert dropped == PLAIN_LINKS  # only the links in the HTML are found, and their pages are empty shells
    assert not any(k.startswith(("playwright/", "news/render/")) for k in result.stats)
    assert "NEWS_RENDER=off: pages of demo-karakum are downloaded without rendering" in result.log


def test_browser_rendering_extracts_every_story(crawl: Crawl, demo_site: DemoServer) -> None:
    result = crawl_js(crawl, demo_site, "browser")
    assert_every_story(result, demo_site.base_url)
    pages = len(STORIES) + 1  # the listing renders too: its older links come from its script
    assert result.stats["news/render/browser"] == pages
    assert result.stats["playwright/page_count"] >= pages  # a crashed page is retried on a new one
    assert result.stats.get("playwright/browser_count") == 1


def test_splash_rendering_extracts_every_story(crawl: Crawl, demo_site: DemoServer, splash_url: str) -> None:
    result = crawl_js(crawl, demo_site, "splash", NEWS_RENDER="splash", SPLASH_URL=splash_url)
    assert_every_story(result, demo_site.base_url)
    pages = len(STORIES) + 1
    assert result.stats["news/render/splash"] == pages
    assert result.stats["splash/render.html/response_count/200"] == pages
    assert not any(k.startswith("playwright/") for k in result.stats)
    assert "ScrapyDeprecationWarning" not in result.log


def splash_call(splash_url: str, endpoint: str, args: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(f"{splash_url}/{endpoint}", data=json.dumps(args).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - the local stand-in
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_splash_stand_in_speaks_the_splash_api(splash_url: str, demo_site: DemoServer) -> None:
    story = STORIES[0]
    page = demo_site.base_url + story.path
    status, _, body = splash_call(splash_url, "render.html", {"url": page})
    assert status == 200 and story.paragraphs[0] in body.decode("utf-8")
    status, _, body = splash_call(splash_url, "render.html", {})
    assert status == 400 and json.loads(body)["info"]["argument"] == "url"
    missing = demo_site.base_url + "/js/news/1.html"
    status, _, body = splash_call(splash_url, "render.html", {"url": missing})
    assert status == 502 and json.loads(body)["info"] == {"type": "HTTP", "code": 404, "text": "Not Found",
                                                          "url": missing}
    assert splash_call(splash_url, "render.html", {"url": missing, "http_status_from_error_code": 1})[0] == 404
    status, _, body = splash_call(splash_url, "render.json", {"url": page, "html": 1})
    assert status == 200 and json.loads(body)["title"].startswith(story.title)
    # The argument cache scrapy-splash's cache_args relies on: save once, then send only the key.
    script = "document.body.setAttribute('data-seen', '1')"
    status, headers, _ = splash_call(splash_url, "render.html", {"url": page, "js_source": script,
                                                                  "save_args": ["js_source"]})
    name, key = headers["X-Splash-Saved-Arguments"].split("=")
    assert status == 200 and name == "js_source"
    status, _, body = splash_call(splash_url, "render.html", {"url": page, "load_args": {"js_source": key}})
    assert status == 200 and b'data-seen="1"' in body
    status, _, body = splash_call(splash_url, "render.html", {"url": page, "load_args": {"js_source": "0" * 40}})
    assert status == 498 and json.loads(body)["info"]["expired"] == ["js_source"]
    assert splash_call(splash_url, "execute", {"lua_source": "function main(splash) end"})[0] == 501
