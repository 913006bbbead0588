"""A TEST STAND-IN for Splash: a small server speaking Splash's HTTP API, rendering with headless Chromium.

Splash itself is retired upstream and has no Debian package (issue 7), so the tests render through this instead:
same endpoints, arguments and error shapes for what scrapy-splash's `render.html` path uses, with a real browser
engine (Debian's Chromium through Playwright) rather than QtWebKit. It is not a Splash replacement: no Lua
(`execute` and `run` answer 501), no HAR, PNG or proxy profiles.

Implemented: `GET /_ping`; `render.html` and `render.json` (GET query or POST JSON) with `url`, `timeout`
(max --max-timeout), `wait`, `images`, `headers`, `js_source`, `http_status_from_error_code`, `html`
(render.json), and Splash's argument cache (`save_args`, `load_args`, header `X-Splash-Saved-Arguments`,
HTTP 498 for unknown keys). Errors: 400 BadOption, 498 ExpiredArguments, 502 RenderError, 504 GlobalTimeoutError.

    python tests/splash_server.py [--port 0] [--chromium /usr/bin/chromium] [--slots 4]

prints `SPLASH_URL=http://127.0.0.1:PORT` on its first stdout line and serves until SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

if __package__ in (None, ""):  # run as a script: make the project (and tests.splash_api) importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.async_api import Browser, Page, Playwright, async_playwright  # noqa: E402
from playwright.async_api import Error as PlaywrightError  # noqa: E402

from crawler.render.settings import chromium_args  # noqa: E402
from tests.splash_api import (  # noqa: E402
    BOOL_ARGS,
    DEFAULT_TIMEOUT,
    DROPPED_HEADERS,
    KNOWN_STATUSES,
    LUA_ENDPOINTS,
    RENDER_ENDPOINTS,
    ArgumentCache,
    Rendered,
    SplashError,
    as_bool,
    as_float,
    bad_option,
    check_url,
    header_pairs,
    parse_args_of,
)


class Renderer:
    """Owns Playwright and one Chromium on a private asyncio loop thread; renders up to `slots` pages at once."""

    def __init__(self, chromium: str, slots: int, max_timeout: float) -> None:
        self.chromium, self.slots, self.max_timeout = chromium, slots, max_timeout
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="splash-renderer", daemon=True)
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._semaphore: asyncio.Semaphore | None = None

    def start(self) -> None:
        self._thread.start()
        self.call(self._start(), timeout=60)

    def stop(self) -> None:
        try:
            self.call(self._stop(), timeout=30)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)

    def call(self, coro: Any, timeout: float) -> Any:
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return future.result(timeout)
        except FutureTimeout:
            future.cancel()
            raise

    async def _start(self) -> None:
        self._playwright = await async_playwright().start()
        self._browser = await self._playwright.chromium.launch(executable_path=self.chromium, headless=True,
                                                               args=chromium_args())
        self._semaphore = asyncio.Semaphore(self.slots)

    async def _stop(self) -> None:
        if self._browser is not None:
            await self._browser.close()
        if self._playwright is not None:
            await self._playwright.stop()

    async def render(self, endpoint: str, args: dict[str, Any]) -> Rendered:
        timeout = as_float("timeout", args.get("timeout", DEFAULT_TIMEOUT), 0.001, self.max_timeout)
        wait = as_float("wait", args.get("wait", 0), 0, timeout)
        if wait >= timeout:
            raise bad_option("wait", "must be less than timeout")
        assert self._semaphore is not None
        try:
            async with self._semaphore:
                return await asyncio.wait_for(self._render(endpoint, args, wait), timeout)
        except TimeoutError:
            raise SplashError(504, "GlobalTimeoutError", "Timeout exceeded rendering page",
                              {"timeout": timeout}) from None

    async def _render(self, endpoint: str, args: dict[str, Any], wait: float) -> Rendered:
        assert self._browser is not None
        url = args["url"]
        headers = {str(k): str(v) for k, v in header_pairs(args.get("headers"))}
        user_agent = next((v for k, v in headers.items() if k.lower() == "user-agent"), None)
        extra = {k: v for k, v in headers.items() if k.lower() not in DROPPED_HEADERS | {"user-agent"}}
        context = await self._browser.new_context(user_agent=user_agent, extra_http_headers=extra)
        try:
            page = await context.new_page()
            if not as_bool("images", args.get("images", 1)):
                await page.route("**/*", _skip_images)
            try:
                response = await page.goto(url, wait_until="load")
            except PlaywrightError as exc:
                raise SplashError(502, "RenderError", "Error rendering page",
                                  {"type": "Network", "text": str(exc).splitlines()[0], "url": url}) from None
            if response is not None and response.status >= 400:
                return self._http_error(args, response.status, response.status_text, url)
            if wait:
                await page.wait_for_timeout(wait * 1000)
            if args.get("js_source"):
                await page.evaluate(str(args["js_source"]))
            return await self._result(endpoint, args, page, url)
        finally:
            await context.close()

    def _http_error(self, args: dict[str, Any], status: int, reason: str, url: str) -> Rendered:
        info = {"type": "HTTP", "code": status, "text": reason, "url": url}
        # Splash answers 502 for a page that failed, or the page's own status with http_status_from_error_code.
        code = status if as_bool("http_status_from_error_code", args.get("http_status_from_error_code", 0)) else 502
        raise SplashError(code, "RenderError", "Error rendering page", info)

    async def _result(self, endpoint: str, args: dict[str, Any], page: Page, url: str) -> Rendered:
        html = await page.content()
        if endpoint == "render.html":
            return Rendered(200, html.encode("utf-8"), "text/html; charset=utf-8")
        data: dict[str, Any] = {"url": page.url, "requestedUrl": url, "title": await page.title()}
        if as_bool("html", args.get("html", 0)):
            data["html"] = html
        return Rendered(200, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json")


async def _skip_images(route: Any) -> None:
    if route.request.resource_type == "image":
        await route.abort()
    else:
        await route.fallback()


class _Handler(BaseHTTPRequestHandler):
    server: SplashServer
    server_version = "SplashStandIn/1.0"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        """Quiet: the crawl's own log records every request."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        endpoint = parts.path.strip("/")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            if endpoint == "_ping":
                self._send(Rendered(200, b'{"status": "ok"}', "application/json"))
            elif endpoint in LUA_ENDPOINTS:
                raise SplashError(501, "NotSupported", "this Splash stand-in has no Lua: use render.html")
            elif endpoint in RENDER_ENDPOINTS:
                self._send(self._render(endpoint, method, parts.query, body))
            else:
                raise SplashError(404, "NotFound", f"no endpoint {endpoint!r}")
        except SplashError as error:
            payload = json.dumps(error.body()).encode("utf-8")
            self._send(Rendered(error.status, payload, "application/json"))

    def _render(self, endpoint: str, method: str, query: str, body: bytes) -> Rendered:
        args = parse_args_of(method, query, self.headers.get("Content-Type", ""), body)
        self.server.cache.load(args)
        saved = self.server.cache.save(args)
        check_url(args)
        for name in BOOL_ARGS:
            if name in args:
                as_bool(name, args[name])
        renderer = self.server.renderer
        try:
            result: Rendered = renderer.call(renderer.render(endpoint, args), timeout=renderer.max_timeout + 5)
        except FutureTimeout:
            raise SplashError(504, "GlobalTimeoutError", "Timeout exceeded rendering page") from None
        result.headers.update(saved)
        return result

    def _send(self, result: Rendered) -> None:
        phrase = HTTPStatus(result.status).phrase if result.status in KNOWN_STATUSES else "Splash Error"
        self.send_response(result.status, phrase)
        self.send_header("Content-Type", result.content_type)
        self.send_header("Content-Length", str(len(result.body)))
        for name, value in result.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(result.body)


class SplashServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], renderer: Renderer) -> None:
        super().__init__(address, _Handler)
        self.renderer = renderer
        self.cache = ArgumentCache()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        assert isinstance(host, str)  # an AF_INET server
        return f"http://{host}:{port}"


def main(argv: list[str] | None = None) -> int:
    from scrapy.settings import Settings

    from crawler.render.settings import chromium_path

    parser = argparse.ArgumentParser(prog="tests/splash_server.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 = a free port")
    parser.add_argument("--chromium", help="Chromium binary (default: NEWS_CHROMIUM_PATH's default)")
    parser.add_argument("--slots", type=int, default=4, help="pages rendered at once (Splash's --slots)")
    parser.add_argument("--max-timeout", type=float, default=90.0, help="largest allowed `timeout` argument")
    options = parser.parse_args(argv)
    renderer = Renderer(options.chromium or chromium_path(Settings()), options.slots, options.max_timeout)
    renderer.start()
    server = SplashServer((options.host, options.port), renderer)

    def shutdown(signum: int, frame: object) -> None:
        # serve_forever() runs in this thread: shut it down from another one.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    print(f"SPLASH_URL={server.url}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        renderer.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
