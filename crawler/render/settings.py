"""Rendering settings, computed only for crawls whose selected sources render (`Source.render`)."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from crawler.middlewares.safety import DEFAULT_PORTS, allow_list
from crawler.sources.base import Source

logger = logging.getLogger(__name__)

MODES = ("splash", "browser")  # the rendering values of Source.render ("none" = a plain download)
POLICIES = ("auto", "off", *MODES)  # NEWS_RENDER: as sources declare, never, or every rendering source this way
ASYNCIO_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
PLAYWRIGHT_HANDLER = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
COMPAT = "crawler.render.splash_compat"
RENDER_MIDDLEWARE = "crawler.render.middleware.RenderMiddleware"
# Before SplashCookiesMiddleware (723) and SplashMiddleware (725), which turn the marked request into a Splash
# call; after safety (10), seen-articles (50) and robots.txt (100), which must judge the page's own URL.
RENDER_MIDDLEWARE_ORDER = 700
SPLASH_DOWNLOADER_MIDDLEWARES = {
    f"{COMPAT}.SplashCookiesMiddleware": 723,
    f"{COMPAT}.SplashMiddleware": 725,
    # scrapy-splash's documented order: decompress Splash's answer before SplashMiddleware reads it.
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": 810,
}
SPLASH_SPIDER_MIDDLEWARES = {f"{COMPAT}.SplashDeduplicateArgsMiddleware": 100}
# Debian's chromium package; other distributions name the binary differently.
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without the background-networking flags Chromium keeps contacting Google's services (update checks, sync,
# field trials) and, on a closed network, fails many connections at every start.
CHROMIUM_FLAGS = ("--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync")
ROOT_ONLY_FLAGS = ("--no-sandbox",)  # Chromium's sandbox refuses to start as root

DEFAULTS: dict[str, Any] = {
    "NEWS_RENDER": "auto",
    "NEWS_CHROMIUM_PATH": "/usr/bin/chromium",  # empty = the first of CHROMIUM_CANDIDATES on PATH
    "NEWS_RENDER_WAIT": 0.0,  # seconds to let scripts run after the page's load event (Splash `wait`)
    "NEWS_RENDER_MAX_PAGES": 4,  # browser pages open at once: each costs a renderer process
    "NEWS_RENDER_BLOCK_RESOURCES": ["image", "media", "font"],  # never needed for text; the slowest to load
    "NEWS_RENDER_SOURCES": {},  # computed: source key -> mode, for this crawl
}


class RenderConfigError(ValueError):
    """A selected source needs rendering that this machine or these settings cannot provide."""


def setting(settings: BaseSettings, name: str) -> Any:
    value = settings.get(name)
    return DEFAULTS[name] if value is None else value


def source_modes(sources: Iterable[Source], policy: str) -> dict[str, str]:
    """Source key -> rendering mode for the selected sources that render, under the NEWS_RENDER policy."""
    if policy not in POLICIES:
        raise RenderConfigError(f"NEWS_RENDER must be one of {POLICIES}, got {policy!r}")
    rendering = [s for s in sources if s.render in MODES]
    if policy == "off":
        return {}
    return {s.key: s.render if policy == "auto" else policy for s in rendering}


def chromium_path(settings: BaseSettings) -> str:
    """The Chromium binary to launch: NEWS_CHROMIUM_PATH, else the first candidate on PATH."""
    configured = setting(settings, "NEWS_CHROMIUM_PATH")
    candidates = [configured] if configured else [p for p in map(shutil.which, CHROMIUM_CANDIDATES) if p]
    for path in candidates:
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return str(path)
    raise RenderConfigError(
        f"a selected source renders in a browser but no Chromium was found (NEWS_CHROMIUM_PATH={configured!r}); "
        "install it (`.ci/install-system-deps` or `apt-get install chromium`), point NEWS_CHROMIUM_PATH at it, "
        "or crawl with -s NEWS_RENDER=off (those sources' pages then arrive unrendered)")


def chromium_args(euid: int | None = None) -> list[str]:
    euid = os.geteuid() if euid is None else euid
    return [*CHROMIUM_FLAGS, *(ROOT_ONLY_FLAGS if euid == 0 else ())]


def browser_settings(settings: BaseSettings) -> dict[str, Any]:
    """scrapy-playwright settings: Debian's Chromium, headless, few pages, no images, private hosts refused."""
    from crawler.render.browser import ResourceGuard

    timeout_ms = settings.getfloat("DOWNLOAD_TIMEOUT", 30.0) * 1000
    computed: dict[str, Any] = {}
    # A user's own launch options, or a remote browser (PLAYWRIGHT_CDP_URL / _CONNECT_URL), need no local one.
    if not any(settings.get(name) for name in ("PLAYWRIGHT_LAUNCH_OPTIONS", "PLAYWRIGHT_CDP_URL",
                                                "PLAYWRIGHT_CONNECT_URL")):
        computed["PLAYWRIGHT_LAUNCH_OPTIONS"] = {"executable_path": chromium_path(settings), "headless": True,
                                                 "args": chromium_args()}
    return {
        **computed,
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": int(setting(settings, "NEWS_RENDER_MAX_PAGES")),
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": timeout_ms,
        "PLAYWRIGHT_ABORT_REQUEST": ResourceGuard(
            allow_list(settings), frozenset(settings.getlist("NEWS_RENDER_BLOCK_RESOURCES",
                                                             DEFAULTS["NEWS_RENDER_BLOCK_RESOURCES"])),
            resolve=settings.getbool("NEWS_SAFETY_RESOLVE", True)),
    }


def splash_host_port(splash_url: str) -> str:
    parts = urlsplit(splash_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise RenderConfigError(f"SPLASH_URL must be an http(s) URL, got {splash_url!r}")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{host}:{parts.port or DEFAULT_PORTS[parts.scheme]}"


def splash_settings(settings: BaseSettings) -> dict[str, Any]:
    """scrapy-splash settings; SPLASH_URL is required (there is no sensible default for a remote service)."""
    splash_url = settings.get("SPLASH_URL")
    if not splash_url:
        raise RenderConfigError("a selected source renders through Splash: set SPLASH_URL (e.g. -s "
                                "SPLASH_URL=http://127.0.0.1:8050), or crawl with -s NEWS_RENDER=browser|off")
    return {
        "SPLASH_HOST_PORT": splash_host_port(splash_url),
        # Splash requests are POSTs to one URL: their fingerprint must include the Splash arguments. The
        # project's fingerprinter stays the base, so plain requests keep their fingerprints.
        "SCRAPY_SPLASH_REQUEST_FINGERPRINTER_BASE_CLASS": settings.get("REQUEST_FINGERPRINTER_CLASS"),
        "REQUEST_FINGERPRINTER_CLASS": f"{COMPAT}.SplashRequestFingerprinter",
    }


def _same_priority(settings: BaseSettings, name: str) -> int | str:
    """The priority a value must have to replace `name`'s current one (at least `addon`)."""
    return settings.getpriority(name) or "addon"


def apply(settings: BaseSettings, modes: dict[str, str]) -> None:
    """Add what `modes` (source key -> mode) needs to unfrozen crawler settings. Components go in at `addon`
    priority (a user's explicit entry wins); settings the project already sets are replaced at its priority."""
    if not modes:
        return
    settings.set("NEWS_RENDER_SOURCES", dict(modes), priority="addon")
    settings["DOWNLOADER_MIDDLEWARES"].set(RENDER_MIDDLEWARE, RENDER_MIDDLEWARE_ORDER, priority="addon")
    used = set(modes.values())
    if "browser" in used:
        for name, value in browser_settings(settings).items():
            settings.set(name, value, priority="addon")
        for scheme in ("http", "https"):
            settings["DOWNLOAD_HANDLERS"].set(scheme, PLAYWRIGHT_HANDLER, priority="addon")
        if settings.get("TWISTED_REACTOR") != ASYNCIO_REACTOR:
            # Playwright needs asyncio. The reactor is installed after add-ons run (CrawlerProcess), so this
            # still takes effect; a reactor installed earlier by a script is reported by Scrapy itself.
            logger.info("A browser source is selected: using the asyncio reactor instead of %s",
                        settings.get("TWISTED_REACTOR"))
            settings.set("TWISTED_REACTOR", ASYNCIO_REACTOR, priority=_same_priority(settings, "TWISTED_REACTOR"))
    if "splash" in used:
        computed = splash_settings(settings)
        hosts = list(settings.getlist("NEWS_ALLOWED_PRIVATE_HOSTS"))
        splash_host = computed.pop("SPLASH_HOST_PORT")
        if splash_host not in hosts:
            # The operator configured this Splash on purpose (like NEWS_DEMO_URL): the SSRF guard lets it in.
            settings.set("NEWS_ALLOWED_PRIVATE_HOSTS", [*hosts, splash_host],
                         priority=_same_priority(settings, "NEWS_ALLOWED_PRIVATE_HOSTS"))
        for name, value in computed.items():
            settings.set(name, value, priority=_same_priority(settings, name))
        for name, value in SPLASH_DOWNLOADER_MIDDLEWARES.items():
            settings["DOWNLOADER_MIDDLEWARES"].set(name, value, priority="addon")
        for name, value in SPLASH_SPIDER_MIDDLEWARES.items():
            settings["SPIDER_MIDDLEWARES"].set(name, value, priority="addon")
