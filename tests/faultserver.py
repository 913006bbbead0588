"""A fault-injecting HTTP server on 127.0.0.1 (port 0) for the crawler's fault tests; records every hit."""

from __future__ import annotations

import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

from tests import faultpayloads as payloads

STALL_SECONDS = 15.0  # a stalled response gives up by itself so no thread outlives a test for long
CHUNK = 64 * 1024
ROUTE = re.compile(r"^/(?P<name>[a-z0-9-]+(?:\.xml(?:\.gz)?)?)(?P<rest>/.*)?$")
BURST_STATUSES = (500, 502, 503, 504)


@dataclass
class Hit:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    started: float  # time.monotonic(): the same clock in every process of the machine
    wall: float = 0.0  # time.time() when the request arrived
    ended: float | None = None
    status: int | None = None
    bytes_sent: int = 0
    sent_headers: dict[str, str] = field(default_factory=dict)
    aborted: bool = False  # the client closed the connection before the body was sent

    @property
    def duration(self) -> float | None:
        return None if self.ended is None else self.ended - self.started


@dataclass
class ServerState:
    base_url: str = ""
    robots: str = "404"  # 404 | 500 | disallow | allow | crawl-delay:<seconds>
    secret_path: str = "/nonexistent"
    hits: list[Hit] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)

    def count(self, key: str) -> int:
        """How many times `key` was seen before this call (0 on the first)."""
        with self.lock:
            seen = self.counters.get(key, 0)
            self.counters[key] = seen + 1
            return seen


class _Handler(BaseHTTPRequestHandler):
    server: _FaultHTTPServer
    server_version = "FaultServer/1.0"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base-class signature
        """Silent: tests read `hits` instead."""

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:  # the client reset the connection: that is the point of several routes
            pass

    def do_GET(self) -> None:
        state = self.server.state
        hit = Hit(self.path, dict(self.headers.items()), time.monotonic(), time.time())
        with state.lock:
            state.hits.append(hit)
        self.hit = hit
        try:
            self._dispatch()
        except (BrokenPipeError, ConnectionResetError):
            hit.aborted = True
        finally:
            hit.ended = time.monotonic()

    # -- response helpers -------------------------------------------------------------------------
    def _send(self, status: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.hit.status = status
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
            self.hit.sent_headers[name] = value
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self._write(body)

    def _write(self, data: bytes) -> None:
        self.wfile.write(data)
        self.hit.bytes_sent += len(data)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", None, {"Location": location})

    def _page(self, title: str, links: tuple[str, ...] = ()) -> None:
        self._send(200, payloads.article_page(title, links=links))

    # -- routing ----------------------------------------------------------------------------------
    def _dispatch(self) -> None:
        split = urlsplit(self.path)
        match = ROUTE.match(split.path)
        if split.path == "/robots.txt":
            return self._robots()
        if not match:
            return self._send(404, b"not found", "text/plain")
        handler: Callable[[list[str], dict[str, list[str]]], None] | None = getattr(
            self, "route_" + match["name"].replace("-", "_").replace(".", "_"), None)
        if handler is None:
            return self._send(404, b"not found", "text/plain")
        parts = [p for p in (match["rest"] or "").split("/") if p]
        handler(parts, parse_qs(split.query))
        return None

    def _robots(self) -> None:
        mode = self.server.state.robots
        if mode == "404":
            return self._send(404, b"no robots here", "text/plain")
        if mode == "500":
            return self._send(500, b"internal error", "text/plain")
        if mode == "disallow":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if mode.startswith("crawl-delay:"):
            return self._send(200, f"User-agent: *\nCrawl-delay: {mode.split(':', 1)[1]}\n".encode(), "text/plain")
        return self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")

    def route_page(self, parts: list[str], query: dict[str, list[str]]) -> None:
        self._page("Page " + "/".join(parts), tuple(query.get("to", [])))

    def route_private(self, parts: list[str], query: dict[str, list[str]]) -> None:
        self._page("Private " + "/".join(parts))

    def route_links(self, parts: list[str], query: dict[str, list[str]]) -> None:
        self._page("Links", tuple(query.get("to", [])))

    def route_redirect(self, parts: list[str], query: dict[str, list[str]]) -> None:
        self._redirect(query["to"][0])

    def route_retry_after(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """/retry-after/<status>/<seconds|date+seconds>/<key>: the first hit per key is refused."""
        status, value, key = parts[0], parts[1], "/".join(parts[2:])
        if self.server.state.count("retry-after/" + key) == 0:
            if value.startswith("date+"):
                value = formatdate(time.time() + float(value[5:]), usegmt=True)
            return self._send(int(status), b"slow down", "text/plain", {"Retry-After": value})
        return self._page("Retry-After " + key)

    def route_burst(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """/burst/<n>/<key>: n 5xx responses, then 200."""
        n, key = int(parts[0]), "/".join(parts[1:])
        seen = self.server.state.count("burst/" + key)
        if seen < n:
            return self._send(BURST_STATUSES[seen % len(BURST_STATUSES)], b"burst", "text/plain")
        return self._page("Burst " + key)

    def route_always(self, parts: list[str], query: dict[str, list[str]]) -> None:
        self._send(int(parts[0]), b"always failing", "text/plain")

    def route_reset(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """Close with RST (SO_LINGER 0) before any response byte."""
        self.hit.aborted = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def route_stall(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """Headers and 100 bytes of a 100 KB body, then nothing until the client gives up."""
        self.hit.status = 200
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self._write(b"<html><body>" + b"x" * 88)
        self.wfile.flush()
        deadline = time.monotonic() + STALL_SECONDS
        while time.monotonic() < deadline and not self.server.state.stop.wait(0.05):
            if _peer_closed(self.connection):
                self.hit.aborted = True
                return

    def route_loop(self, parts: list[str], query: dict[str, list[str]]) -> None:
        self._redirect("/loop/" + ("b" if parts[0] == "a" else "a"))

    def route_chain(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """/chain/<n>[/<tag>]: n more redirects before a page."""
        n, tag = int(parts[0]), "".join("/" + p for p in parts[1:])
        if n > 0:
            return self._redirect(f"/chain/{n - 1}{tag}")
        return self._page("End of chain")

    def route_big(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """/big/<MiB>[/nolength]: a huge HTML page, with or without Content-Length."""
        size = int(parts[0]) * payloads.MIB
        self.hit.status = 200
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if "nolength" not in parts:
            self.send_header("Content-Length", str(size))
        self.send_header("Connection", "close")
        self.end_headers()
        block = b"<p>" + b"a" * (CHUNK - 7) + b"</p>\n"
        sent = 0
        while sent < size and not self.server.state.stop.is_set():
            self._write(block[: size - sent])
            sent += len(block)

    def route_bomb(self, parts: list[str], query: dict[str, list[str]]) -> None:
        kind = parts[0]
        bodies = {"gzip": payloads.gzip_bomb, "deflate": payloads.deflate_bomb, "br": payloads.brotli_bomb,
                  "zstd": payloads.zstd_bomb}
        self._send(200, bodies[kind](), "text/html; charset=utf-8", {"Content-Encoding": kind})

    def route_sitemap_bomb_xml_gz(self, parts: list[str], query: dict[str, list[str]]) -> None:
        self._send(200, payloads.sitemap_bomb(self.server.state.base_url), "application/gzip")

    def route_xxe(self, parts: list[str], query: dict[str, list[str]]) -> None:
        state = self.server.state
        callback = state.base_url + "/callback"
        if parts[0] == "feed.xml":
            return self._send(200, payloads.xxe_feed(state.base_url, state.secret_path, callback), "application/rss+xml")
        return self._send(200, payloads.xxe_sitemap(state.base_url, state.secret_path, callback), "application/xml")

    def route_laughs(self, parts: list[str], query: dict[str, list[str]]) -> None:
        base = self.server.state.base_url
        if parts[0] == "feed.xml":
            return self._send(200, payloads.laughs_feed(base), "application/rss+xml")
        return self._send(200, payloads.laughs_sitemap(base), "application/xml")

    def route_callback(self, parts: list[str], query: dict[str, list[str]]) -> None:
        self._send(200, b"<!ENTITY leaked 'yes'>", "application/xml-dtd")

    def route_charset(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """/charset/<encoding>/<none|wrong|meta>: header without charset, header claiming utf-8, or meta only."""
        encoding, mode = parts[0], parts[1]
        _, body = payloads.charset_page(encoding, meta=mode == "meta")
        content_type = "text/html; charset=utf-8" if mode == "wrong" else "text/html"
        self._send(200, body, content_type)

    def route_malformed(self, parts: list[str], query: dict[str, list[str]]) -> None:
        self._send(200, payloads.malformed_page(parts[0]), "text/html")

    def route_calendar(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """/calendar/<yyyy>/<mm>/: links to the previous and next month, forever."""
        year, month = int(parts[0]), int(parts[1])
        prev_y, prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
        next_y, next_m = (year, month + 1) if month < 12 else (year + 1, 1)
        self._page(f"Calendar {year}-{month:02d}", (f"/calendar/{prev_y}/{prev_m:02d}/",
                                                    f"/calendar/{next_y}/{next_m:02d}/"))

    def route_trap(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """Every /trap/... page links to `loop/` below itself: /trap/loop/loop/loop/..."""
        self._page("Trap " + "/".join(parts), ("loop/", "./more/"))

    def route_long(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """Every /long/... page links to itself plus 200 more characters."""
        path = urlsplit(self.path).path.rstrip("/")
        step = path.count("/")  # distinct segments, so that only the length limit can stop the walk
        self._page("Long", (quote(f"{path}/{step:03d}{'x' * 196}/"),))

    def route_redirect_long(self, parts: list[str], query: dict[str, list[str]]) -> None:
        """/redirect-long/<n>: a redirect to a URL longer than n characters."""
        self._redirect(f"/page/{'y' * int(parts[0])}")


class _FaultHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], state: ServerState) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.state = state


def _peer_closed(conn: socket.socket) -> bool:
    """True once the client has closed its end (a readable socket that returns no data)."""
    try:
        conn.setblocking(False)
        try:
            return conn.recv(1, socket.MSG_PEEK) == b""
        finally:
            conn.setblocking(True)
    except BlockingIOError:
        return False
    except OSError:
        return True


class FaultServer:
    """A running fault server: `base_url`, `host`, `port`, `hits`; `url(path)`; stop() or a context manager."""

    def __init__(self, host: str = "127.0.0.1", robots: str = "404") -> None:
        self.state = ServerState(robots=robots)
        self._httpd = _FaultHTTPServer((host, 0), self.state)
        self.host = host
        self.port = int(self._httpd.server_address[1])
        netloc = f"[{host}]" if ":" in host else host
        self.base_url = self.state.base_url = f"http://{netloc}:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="fault-server", daemon=True)
        self._thread.start()

    @property
    def netloc(self) -> str:
        return self.base_url.split("//", 1)[1]

    @property
    def hits(self) -> list[Hit]:
        with self.state.lock:
            return list(self.state.hits)

    def url(self, path: str) -> str:
        return self.base_url + path

    def hits_for(self, prefix: str) -> list[Hit]:
        return [h for h in self.hits if h.path.startswith(prefix)]

    def stop(self) -> None:
        self.state.stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def serve(host: str = "127.0.0.1", robots: str = "404") -> Iterator[FaultServer]:
    server = FaultServer(host, robots)
    try:
        yield server
    finally:
        server.stop()
