"""The crawl benchmark's local mirror: distinct article pages made from corpus pages, served on many loopback hosts."""

from __future__ import annotations

import asyncio
import errno
import gzip
import re
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

# Every address of 127.0.0.0/8 is loopback on Linux: host n is 127.0.0.(n + 2), so 127.0.0.1 stays free.
HOST_PREFIX = "127.0.0."
FIRST_HOST_OCTET = 2
MAX_HOSTS = 250
ARTICLE_PATH = "/news/{:06d}.html"
ARTICLE_PATTERN = r"/news/\d{6}\.html$"
ARTICLE_PATH_RE = re.compile(r"^/news/(\d{6})\.html$")
SITEMAP_PATH = "/sitemap.xml"
ROBOTS_PATH = "/robots.txt"
DISALLOWED_PREFIX = "/private/"  # robots.txt disallows it, so the crawlers' robots handling has a rule to apply
LASTMOD = "2024-05-01"
GZIP_LEVEL = 1  # 2.6x faster to build than level 6 and 20% larger; the crawler's gunzip costs about the same

# Word order is interleaved inside text between tags (in <body>) and inside JSON-LD strings: variant v reads
# every (v+2)-th word, then the next stride, and so on. The page keeps its structure, size, vocabulary (language,
# places) and extraction cost, but shares almost no 3-word shingle with the corpus page or its other variants,
# so near-duplicate dedupe keeps every variant. Slicing is C-level: ~25x faster than random.shuffle (300 words).
MIN_INTERLEAVED_WORDS = 4
BODY_START_RE = re.compile(rb"<body\b", re.IGNORECASE)
CODE_BLOCK_RE = re.compile(rb"<(script|style|textarea)\b([^>]*)>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
LD_JSON_TYPE_RE = re.compile(rb"ld\+json", re.IGNORECASE)
TEXT_RE = re.compile(rb">([^<]+)<")
JSON_STRING_RE = re.compile(rb'"((?:[^"\\]|\\.)*)"', re.DOTALL)
LEADING_SPACE_RE = re.compile(rb"^\s*")
TRAILING_SPACE_RE = re.compile(rb"\s*$")
REQUEST_END = b"\r\n\r\n"
MAX_REQUEST_HEAD = 64 * 1024


@dataclass(frozen=True)
class BasePage:
    """A corpus page the mirror copies: its gzipped file and original URL."""

    name: str
    url: str
    path: Path


def interleave_words(text: bytes, stride: int) -> bytes:
    """The words of `text` read `stride` apart (outer whitespace kept); runs too short to change are left alone.

    Splitting on ASCII whitespace is safe in any ASCII-compatible charset (UTF-8, cp1251, latin-1)."""
    words = text.split()
    if len(words) < MIN_INTERLEAVED_WORDS:
        return text
    lead = LEADING_SPACE_RE.match(text)
    trail = TRAILING_SPACE_RE.search(text)
    joined = b" ".join(b" ".join(words[start::stride]) for start in range(min(stride, len(words))))
    return (lead.group() if lead else b"") + joined + (trail.group() if trail else b"")


def vary(html: bytes, variant: int) -> bytes:
    """Variant `variant` (0, 1, ...) of a page: words interleaved in body text and JSON-LD strings."""
    stride = variant + 2

    def text(match: re.Match[bytes]) -> bytes:
        return b">" + interleave_words(match.group(1), stride) + b"<"

    def json_string(match: re.Match[bytes]) -> bytes:
        # a backslash escape never ends at whitespace, so splitting and joining words keeps valid JSON
        return b'"' + interleave_words(match.group(1), stride) + b'"'

    body_start = (found.start() if (found := BODY_START_RE.search(html)) else len(html))
    out: list[bytes] = []
    position = 0
    for block in CODE_BLOCK_RE.finditer(html):
        out.append(_text_part(html, position, block.start(), body_start, text))
        if block.group(1).lower() == b"script" and LD_JSON_TYPE_RE.search(block.group(2)):
            out.append(html[block.start():block.start(3)] + JSON_STRING_RE.sub(json_string, block.group(3))
                       + html[block.end(3):block.end()])
        else:
            out.append(block.group())
        position = block.end()
    out.append(_text_part(html, position, len(html), body_start, text))
    return b"".join(out)


def _text_part(html: bytes, start: int, end: int, body_start: int,
               text: Callable[[re.Match[bytes]], bytes]) -> bytes:
    """html[start:end] with its body text shuffled (the head's title and metadata stay as they are)."""
    if end <= body_start:
        return html[start:end]
    cut = max(start, body_start)
    return html[start:cut] + TEXT_RE.sub(text, html[cut:end])


def base_pages(corpus: Path, limit: int | None = None) -> list[BasePage]:
    """The fundus and trafilatura pages, in a stable order, `limit` of them taken in turn from each corpus."""
    from tools.eval_corpora import FUNDUS, TRAFILATURA, load_corpus

    pages = [BasePage(p.name, p.url, p.path) for name in (FUNDUS, TRAFILATURA) for p in load_corpus(name, corpus)]
    if limit is None or limit >= len(pages):
        return pages
    # alternate the two corpora so that a small mirror still has both kinds of page
    fundus = [p for p in pages if p.name.startswith("fundus/")]
    other = [p for p in pages if not p.name.startswith("fundus/")]
    mixed = [p for pair in zip(fundus, other, strict=False) for p in pair]
    mixed += fundus[len(other):] + other[len(fundus):]
    return mixed[:limit]


@dataclass
class Mirror:
    """Which page lives where: article i is on host i % hosts, a variant of base page i % len(bases)."""

    bases: list[BasePage]
    pages: int
    hosts: int
    port: int = 0
    bodies: list[bytes] = field(default_factory=list, repr=False)  # gzipped variant of each article

    def __post_init__(self) -> None:
        if not 1 <= self.hosts <= MAX_HOSTS:
            raise ValueError(f"hosts must be within 1..{MAX_HOSTS}")
        if not self.bases:
            raise ValueError("the mirror needs at least one corpus page")

    @staticmethod
    def host_ip(host: int) -> str:
        return f"{HOST_PREFIX}{host + FIRST_HOST_OCTET}"

    def host_index(self, ip: str) -> int | None:
        if not ip.startswith(HOST_PREFIX):
            return None
        index = int(ip[len(HOST_PREFIX):]) - FIRST_HOST_OCTET
        return index if 0 <= index < self.hosts else None

    def base_url(self, host: int) -> str:
        return f"http://{self.host_ip(host)}:{self.port}/"

    def article_url(self, article: int) -> str:
        return self.base_url(article % self.hosts).rstrip("/") + ARTICLE_PATH.format(article)

    def articles_of(self, host: int) -> range:
        return range(host, self.pages, self.hosts)

    def build(self, jobs: int = 2) -> None:
        """Make every article's gzipped body (both cores by default; before any timing)."""
        tasks = [(self.bases[b].path, list(range(b, self.pages, len(self.bases))))
                 for b in range(min(len(self.bases), self.pages))]
        bodies: list[bytes] = [b""] * self.pages
        if jobs <= 1:
            results: Iterator[list[tuple[int, bytes]]] = map(_build_variants, tasks)
        else:
            pool = ProcessPoolExecutor(max_workers=jobs)
            results = pool.map(_build_variants, tasks, chunksize=8)
        try:
            for built in results:
                for article, body in built:
                    bodies[article] = body
        finally:
            if jobs > 1:
                pool.shutdown()
        self.bodies = bodies

    def sitemap(self, host: int) -> bytes:
        entries = "".join(f"<url><loc>{self.article_url(a)}</loc><lastmod>{LASTMOD}</lastmod></url>"
                          for a in self.articles_of(host))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"{entries}</urlset>\n").encode("ascii")

    def robots(self, host: int) -> bytes:
        return (f"User-agent: *\nDisallow: {DISALLOWED_PREFIX}\n\n"
                f"Sitemap: {self.base_url(host).rstrip('/')}{SITEMAP_PATH}\n").encode("ascii")

    def resolve(self, host: int, path: str) -> tuple[int, str, bytes, bool]:
        """(status, content type, body, gzipped) for a GET of `path` on `host`."""
        if path == ROBOTS_PATH:
            return 200, "text/plain; charset=utf-8", self.robots(host), False
        if path == SITEMAP_PATH:
            return 200, "application/xml; charset=utf-8", self.sitemap(host), False
        match = ARTICLE_PATH_RE.match(path)
        if match:
            article = int(match.group(1))
            if article < len(self.bodies) and article % self.hosts == host:
                # no charset parameter: some corpus pages are not UTF-8, and the page's own <meta> says which
                return 200, "text/html", self.bodies[article], True
        return 404, "text/plain; charset=utf-8", b"not found\n", False


def _build_variants(task: tuple[Path, list[int]]) -> list[tuple[int, bytes]]:
    path, articles = task
    html = gzip.decompress(path.read_bytes())
    # variant 0 is interleaved too, so that no mirror page is byte-identical to its corpus page
    return [(a, gzip.compress(vary(html, variant), compresslevel=GZIP_LEVEL, mtime=0))
            for variant, a in enumerate(articles)]


class _HttpProtocol(asyncio.Protocol):
    """HTTP/1.1 with keep-alive, GET and HEAD only: just what a crawler needs, and fast."""

    def __init__(self, server: MirrorServer) -> None:
        self.server = server
        self.buffer = b""
        self.transport: asyncio.Transport | None = None
        self.host: int | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.host = self.server.mirror.host_index(transport.get_extra_info("sockname")[0])
        self.server.connections.add(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.transport is not None:
            self.server.connections.discard(self.transport)
        self.transport = None

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while self.transport is not None and (end := self.buffer.find(REQUEST_END)) >= 0:
            head, self.buffer = self.buffer[:end], self.buffer[end + len(REQUEST_END):]
            self._respond(head)
        if len(self.buffer) > MAX_REQUEST_HEAD and self.transport is not None:
            self.transport.close()

    def _respond(self, head: bytes) -> None:
        assert self.transport is not None
        request_line, _, headers = head.partition(b"\r\n")
        parts = request_line.split(b" ")
        method = parts[0] if parts else b""
        path = parts[1].decode("latin-1").split("?", 1)[0] if len(parts) > 1 else "/"
        if method not in (b"GET", b"HEAD") or self.host is None:
            status, ctype, body, gzipped = 405, "text/plain", b"", False
        else:
            status, ctype, body, gzipped = self.server.mirror.resolve(self.host, path)
        close = b"connection: close" in headers.lower()
        lines = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}", f"Content-Type: {ctype}",
                 f"Content-Length: {len(body)}", "Connection: close" if close else "Connection: keep-alive"]
        if gzipped:
            lines.append("Content-Encoding: gzip")
        self.transport.write(("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + (b"" if method == b"HEAD" else body))
        self.server.count(status, path)
        if close:
            self.server.connections.discard(self.transport)
            self.transport.close()
            self.transport = None


class MirrorServer:
    """One asyncio loop in a thread, listening on the same port on every mirror host."""

    def __init__(self, mirror: Mirror) -> None:
        self.mirror = mirror
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._servers: list[asyncio.Server] = []
        self.connections: set[asyncio.Transport] = set()  # open client connections, closed on stop
        self._thread = threading.Thread(target=self._loop.run_forever, name="bench-mirror", daemon=True)

    def count(self, status: int, path: str) -> None:
        kind = "article" if ARTICLE_PATH_RE.match(path) else path.strip("/") or "other"
        with self._lock:
            self.hits[f"{status} {kind}"] += 1

    async def _listen(self, port: int) -> int:
        ips = [self.mirror.host_ip(h) for h in range(self.mirror.hosts)]
        first = await self._loop.create_server(lambda: _HttpProtocol(self), ips[0], port, backlog=512)
        self._servers.append(first)
        port = first.sockets[0].getsockname()[1]
        for ip in ips[1:]:
            self._servers.append(await self._loop.create_server(lambda: _HttpProtocol(self), ip, port, backlog=512))
        return int(port)

    async def _close(self) -> None:
        for server in self._servers:
            server.close()
        for transport in list(self.connections):
            transport.close()
        for server in self._servers:
            await server.wait_closed()
        self._servers.clear()
        self.connections.clear()
        await asyncio.sleep(0)  # let the closed transports release their sockets

    def start(self, attempts: int = 5) -> int:
        """Listen on every host (retrying when the chosen port is taken on one of them); returns the port."""
        self._thread.start()
        for _ in range(attempts):
            try:
                port = asyncio.run_coroutine_threadsafe(self._listen(0), self._loop).result(timeout=30)
            except OSError as exc:
                if exc.errno != errno.EADDRINUSE:
                    raise
                asyncio.run_coroutine_threadsafe(self._close(), self._loop).result(timeout=30)
                continue
            self.mirror.port = port
            return port
        raise OSError(errno.EADDRINUSE, "no port free on every mirror host")

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._close(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
        self._loop.close()


@contextmanager
def serve(mirror: Mirror) -> Iterator[MirrorServer]:
    """The mirror, served until the block ends."""
    server = MirrorServer(mirror)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def loopback_ok(hosts: int) -> bool:
    """Whether the first and last mirror host addresses can be bound here (they can on Linux)."""
    for host in (0, hosts - 1):
        with socket.socket() as probe:
            try:
                probe.bind((Mirror.host_ip(host), 0))
            except OSError:
                return False
    return True

