"""A fault-injecting HTTP server on 127.0.0.1 (port 0) for the crawler's fault tests; records every hit."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests import faultpayloads as payloads
from tests.faultroutes import FaultRoutes

ROUTE = re.compile(r"^/(?P<name>[a-z0-9-]+(?:\.xml(?:\.gz)?)?)(?P<rest>/.*)?$")


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


class _Handler(FaultRoutes, BaseHTTPRequestHandler):
    server: _FaultHTTPServer
    server_version = "FaultServer/1.0"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base-class signature
        """Silent: tests read `hits` instead."""

    def finish(self) -> None:
        with contextlib.suppress(OSError):  # the client reset the connection: the point of several routes
            super().finish()

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

class _FaultHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], state: ServerState) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.state = state


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
