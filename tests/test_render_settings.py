"""Rendering settings load only for rendering sources; requests are marked per source; the browser's SSRF guard."""

from __future__ import annotations

import asyncio
import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.project import get_project_settings

from crawler import sources as registry
from crawler.middlewares.safety import HostAllowList
from crawler.render import RenderAddon
from crawler.render import settings as render_settings
from crawler.render.browser import ResourceGuard
from crawler.render.middleware import RENDER_META, RenderMiddleware
from crawler.sources.base import Source

PLAIN = registry.by_key("demo-steppe")
BROWSER = registry.by_key("demo-karakum")
SPLASH = dataclasses.replace(PLAIN, key="demo-splash", render="splash")
RENDER_ADDON = "crawler.render.RenderAddon"


class SourcesSpider(Spider):
    name = "sources"
    sources: dict[str, Source] = {}


def project_settings(**overrides: Any) -> Settings:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    settings.setdict(overrides, priority="cmdline")
    return settings


def crawler_for(sources: list[Source], **overrides: Any) -> Crawler:
    """A crawler whose spider selected `sources`, after the add-on ran (as Crawler._apply_settings runs it)."""
    crawler = Crawler(SourcesSpider, project_settings(**overrides))
    spider = SourcesSpider()
    spider.sources = {s.key: s for s in sources}
    crawler.spider = spider
    RenderAddon.from_crawler(crawler).update_settings(crawler.settings)
    crawler.stats = MemoryStatsCollector(crawler)
    return crawler


def test_project_settings_enable_the_render_addon() -> None:
    assert RENDER_ADDON in project_settings().getdict("ADDONS")


def test_modes_follow_sources_and_the_policy() -> None:
    chosen = [PLAIN, BROWSER, SPLASH]
    assert render_settings.source_modes(chosen, "auto") == {"demo-karakum": "browser", "demo-splash": "splash"}
    assert render_settings.source_modes(chosen, "off") == {}
    assert render_settings.source_modes(chosen, "splash") == {"demo-karakum": "splash", "demo-splash": "splash"}
    with pytest.raises(render_settings.RenderConfigError):
        render_settings.source_modes(chosen, "sometimes")


def test_plain_crawl_loads_nothing_of_rendering() -> None:
    before = project_settings()
    crawler = crawler_for([PLAIN], ADDONS={RENDER_ADDON: 0})
    settings = crawler.settings
    assert settings.getdict("NEWS_RENDER_SOURCES") == {}
    assert settings["DOWNLOAD_HANDLERS"].get("http") is None
    assert "crawler.render.middleware.RenderMiddleware" not in settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert settings["TWISTED_REACTOR"] == before["TWISTED_REACTOR"]
    assert settings["REQUEST_FINGERPRINTER_CLASS"] == before["REQUEST_FINGERPRINTER_CLASS"]
    assert settings.get("PLAYWRIGHT_LAUNCH_OPTIONS") is None


def test_browser_source_brings_playwright_with_debian_chromium(tmp_path: Path) -> None:
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    crawler = crawler_for([PLAIN, BROWSER], NEWS_CHROMIUM_PATH=str(chromium),
                          TWISTED_REACTOR="twisted.internet.epollreactor.EPollReactor")
    settings = crawler.settings
    assert settings.getdict("NEWS_RENDER_SOURCES") == {"demo-karakum": "browser"}
    assert settings["DOWNLOAD_HANDLERS"]["https"] == render_settings.PLAYWRIGHT_HANDLER
    launch = settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
    assert launch["executable_path"] == str(chromium) and launch["headless"] is True
    assert "--disable-background-networking" in launch["args"]
    assert ("--no-sandbox" in launch["args"]) == (os.geteuid() == 0)
    # A browser source needs asyncio even where the user chose another reactor: it is installed after add-ons.
    assert settings["TWISTED_REACTOR"] == render_settings.ASYNCIO_REACTOR
    assert isinstance(settings["PLAYWRIGHT_ABORT_REQUEST"], ResourceGuard)


def test_chromium_flags_only_add_no_sandbox_for_root() -> None:
    assert "--no-sandbox" in render_settings.chromium_args(euid=0)
    assert "--no-sandbox" not in render_settings.chromium_args(euid=1000)


def test_missing_chromium_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(render_settings.RenderConfigError, match="NEWS_RENDER=off"):
        crawler_for([BROWSER], NEWS_CHROMIUM_PATH=str(tmp_path / "no-such-chromium"))


def test_a_remote_browser_needs_no_local_chromium() -> None:
    crawler = crawler_for([BROWSER], NEWS_CHROMIUM_PATH="/nonexistent", PLAYWRIGHT_CDP_URL="http://10.0.0.5:9222")
    assert crawler.settings["DOWNLOAD_HANDLERS"]["http"] == render_settings.PLAYWRIGHT_HANDLER
    assert crawler.settings.get("PLAYWRIGHT_LAUNCH_OPTIONS") is None


def test_render_off_fetches_rendering_sources_plainly() -> None:
    crawler = crawler_for([BROWSER], NEWS_RENDER="off", NEWS_CHROMIUM_PATH="/nonexistent")
    assert crawler.settings.getdict("NEWS_RENDER_SOURCES") == {}
    assert crawler.settings["DOWNLOAD_HANDLERS"].get("http") is None


def test_splash_source_needs_splash_url() -> None:
    with pytest.raises(render_settings.RenderConfigError, match="SPLASH_URL"):
        crawler_for([SPLASH])


def test_splash_source_brings_the_compat_layer_and_allows_its_host() -> None:
    crawler = crawler_for([SPLASH], SPLASH_URL="http://127.0.0.1:8050", NEWS_ALLOWED_PRIVATE_HOSTS=["10.0.0.0/8"])
    settings = crawler.settings
    middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["crawler.render.splash_compat.SplashMiddleware"] == 725
    assert middlewares["crawler.render.middleware.RenderMiddleware"] < 723
    assert "crawler.render.splash_compat.SplashDeduplicateArgsMiddleware" in settings.getdict("SPIDER_MIDDLEWARES")
    assert settings["REQUEST_FINGERPRINTER_CLASS"] == "crawler.render.splash_compat.SplashRequestFingerprinter"
    assert settings["SCRAPY_SPLASH_REQUEST_FINGERPRINTER_BASE_CLASS"] == project_settings()[
        "REQUEST_FINGERPRINTER_CLASS"]
    assert settings.getlist("NEWS_ALLOWED_PRIVATE_HOSTS") == ["10.0.0.0/8", "127.0.0.1:8050"]
    assert settings.get("PLAYWRIGHT_LAUNCH_OPTIONS") is None  # no browser source, no browser


def test_bad_splash_url_is_refused() -> None:
    with pytest.raises(render_settings.RenderConfigError, match="http"):
        crawler_for([SPLASH], SPLASH_URL="127.0.0.1:8050")


# --- which requests render ------------------------------------------------------------------------------------


def page_request(source: Source, url: str, **meta: Any) -> Request:
    return Request(url, meta={"news_source": source.key, **meta})


def test_middleware_is_off_without_rendering_sources() -> None:
    with pytest.raises(NotConfigured):
        RenderMiddleware.from_crawler(crawler_for([PLAIN]))


def test_only_pages_of_rendering_sources_are_marked() -> None:
    crawler = crawler_for([PLAIN, BROWSER, SPLASH], SPLASH_URL="http://127.0.0.1:8050", NEWS_RENDER_WAIT=0.5)
    middleware = RenderMiddleware.from_crawler(crawler)
    article = page_request(BROWSER, "http://h/js/news/1.html", article=True)
    listing = Request("http://h/js/", meta={"news_source": BROWSER.key}, cb_kwargs={"listing": None, "depth": 1})
    feed = page_request(BROWSER, "http://h/js/feed/")
    plain = page_request(PLAIN, "http://h/steppe/a/", article=True)
    splash = page_request(SPLASH, "http://h/s/a/", article=True)
    for request in (article, listing, feed, plain, splash):
        middleware.process_request(request)
    assert article.meta["playwright"] is True and listing.meta["playwright"] is True
    assert article.meta["playwright_page_methods"][0].method == "wait_for_timeout"
    assert "playwright" not in feed.meta and "splash" not in feed.meta
    assert "playwright" not in plain.meta and "splash" not in plain.meta
    assert splash.meta["splash"]["endpoint"] == "render.html"
    assert splash.meta["splash"]["args"]["wait"] == 0.5 and splash.meta["splash"]["args"]["images"] == 0
    assert crawler.stats.get_value("news/render/browser") == 2
    assert crawler.stats.get_value("news/render/splash") == 1


def test_per_request_override() -> None:
    middleware = RenderMiddleware.from_crawler(crawler_for([BROWSER]))
    skipped = page_request(BROWSER, "http://h/js/news/1.html", article=True, **{RENDER_META: "none"})
    forced = page_request(PLAIN, "http://h/steppe/feed/", **{RENDER_META: "browser"})
    middleware.process_request(skipped)
    middleware.process_request(forced)
    assert "playwright" not in skipped.meta and forced.meta["playwright"] is True


# --- what the browser may load ---------------------------------------------------------------------------------


@dataclass
class FakeBrowserRequest:
    url: str
    resource_type: str = "script"


def aborted(guard: ResourceGuard, url: str, resource_type: str = "script") -> bool:
    return asyncio.run(guard(FakeBrowserRequest(url, resource_type)))


def test_guard_blocks_heavy_resources_schemes_and_private_hosts() -> None:
    guard = ResourceGuard(HostAllowList(["127.0.0.1:8080"]), frozenset({"image", "font"}), resolve=False)
    assert aborted(guard, "https://cdn.example.org/a.jpg", "image")
    assert aborted(guard, "https://cdn.example.org/f.woff2", "font")
    assert not aborted(guard, "https://cdn.example.org/app.js")
    assert not aborted(guard, "data:text/javascript,1")
    assert aborted(guard, "file:///etc/passwd")
    assert aborted(guard, "http://169.254.169.254/latest/meta-data/")
    assert aborted(guard, "http://[::1]:8080/")
    assert aborted(guard, "http://localhost:8080/")
    assert aborted(guard, "http://127.0.0.1:9999/")  # allow-listed port only
    assert not aborted(guard, "http://127.0.0.1:8080/js/app.js")


def test_guard_checks_what_names_resolve_to() -> None:
    guard = ResourceGuard(HostAllowList([]), frozenset(), resolve=True)
    # RFC 6761: "localhost." names and numeric loopback names resolve locally, never through the network.
    assert aborted(guard, "http://app.localhost/")
    assert aborted(guard, "http://127.1/")
