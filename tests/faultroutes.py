"""The fault server's routes: each URL path family injects one fault (see tests/faultserver.py)."""

from __future__ import annotations

import socket
import struct
import time
from email.utils import formatdate
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from tests import faultpayloads as payloads

STALL_SECONDS = 15.0  # a stalled response gives up by itself so no thread outlives a test for long
CHUNK = 64 * 1024
BURST_STATUSES = (500, 502, 503, 504)


class FaultRoutes:
    """Mixin of the request handler: `route_<name>` answers `/<name>/<parts...>`."""

    server: Any
    hit: Any
    path: str
    connection: socket.socket
    close_connection: bool
    wfile: Any

    if TYPE_CHECKING:  # provided by the handler class (tests.faultserver) and BaseHTTPRequestHandler
        def _send(self, status: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None: ...
        def _write(self, data: bytes) -> None: ...
        def _redirect(self, location: str, status: int = 302) -> None: ...
        def _page(self, title: str, links: tuple[str, ...] = ()) -> None: ...
        def send_response(self, code: int, message: str | None = None) -> None: ...
        def send_header(self, keyword: str, value: str) -> None: ...
        def end_headers(self) -> None: ...

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
            feed = payloads.xxe_feed(state.base_url, state.secret_path, callback)
            return self._send(200, feed, "application/rss+xml")
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
