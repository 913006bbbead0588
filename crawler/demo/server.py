"""A quiet threaded HTTP server for the static demo site, with `__BASE__` substitution and hit counts."""

from __future__ import annotations

import fnmatch
import gzip
import threading
from collections import Counter
from collections.abc import Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from types import TracebackType
from urllib.parse import unquote, urlsplit

SITE_ROOT = Path(__file__).resolve().parent / "site"
PLACEHOLDER = b"__BASE__"
CHARSET_RULES_FILE = ".charset"  # per-directory charset rules; never served (dotfile)
NO_CHARSET = "none"
DEFAULT_CHARSET = "utf-8"
INDEX_FILES = ("index.html", "index.xml")
# Extension -> (media type, whether it is text and so gets a charset parameter).
CONTENT_TYPES: dict[str, tuple[str, bool]] = {
    ".html": ("text/html", True),
    ".htm": ("text/html", True),
    ".xml": ("application/xml", True),
    ".rss": ("application/rss+xml", True),
    ".txt": ("text/plain", True),
    ".js": ("application/javascript", True),
    ".css": ("text/css", True),
    ".json": ("application/json", True),
    ".gz": ("application/gzip", False),
    ".jpg": ("image/jpeg", False),
    ".png": ("image/png", False),
}
FEED_DIR_NAME = "feed"  # WordPress serves its RSS at /feed/; the file there is index.xml
RSS_TYPE = "application/rss+xml"
FALLBACK_TYPE = ("application/octet-stream", False)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def content_type(path: Path, charset: str | None) -> str:
    """The Content-Type header value for a site file, with `charset` when given and the type is text."""
    media, is_text = CONTENT_TYPES.get(path.suffix.lower(), FALLBACK_TYPE)
    if path.parent.name == FEED_DIR_NAME and path.suffix == ".xml":
        media = RSS_TYPE
    return f"{media}; charset={charset}" if is_text and charset else media


def charset_for(path: Path, root: Path) -> str | None:
    """The charset to announce for `path`: the first matching line of the nearest `.charset` file above it
    (`<glob relative to that folder> <charset|none>`), else utf-8. `none` means no charset parameter."""
    folder = path.parent
    while True:
        rules = folder / CHARSET_RULES_FILE
        if rules.is_file():
            relative = path.relative_to(folder).as_posix()
            for line in rules.read_text(encoding="ascii").splitlines():
                fields = line.split("#", 1)[0].split()
                if len(fields) == 2 and fnmatch.fnmatchcase(relative, fields[0]):
                    return None if fields[1] == NO_CHARSET else fields[1]
            return DEFAULT_CHARSET
        if folder == root:
            return DEFAULT_CHARSET
        folder = folder.parent


def substitute(data: bytes, base_url: str, *, gzipped: bool = False) -> bytes:
    """`data` with every `__BASE__` replaced by `base_url`; byte-level, so any single-byte charset survives."""
    if gzipped:
        inner = gzip.decompress(data).replace(PLACEHOLDER, base_url.encode("ascii"))
        return gzip.compress(inner, mtime=0)
    return data.replace(PLACEHOLDER, base_url.encode("ascii"))


class _Handler(BaseHTTPRequestHandler):
    """Serves files under the server's root; GET and HEAD only."""

    server: _SiteServer
    server_version = "DemoNews/1.0"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        """Silence the per-request stderr line: crawls make hundreds of requests."""

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        path = urlsplit(self.path).path or "/"
        self.server.count(path)
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if host not in self.server.allowed_hosts:
            self._send_error(HTTPStatus.MISDIRECTED_REQUEST, send_body)
            return
        target = self.server.resolve(path)
        if target is None:
            self._send_error(HTTPStatus.NOT_FOUND, send_body)
            return
        if target.is_dir():
            # Like Apache/WordPress: a directory without its trailing slash redirects to it.
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", self.server.base_url + path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = substitute(target.read_bytes(), self.server.base_url, gzipped=target.suffix == ".gz")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type(target, charset_for(target, self.server.root)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_error(self, status: HTTPStatus, send_body: bool) -> None:
        body = f"{status.value} {status.phrase}\n".encode("ascii")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], root: Path, allowed_hosts: Iterable[str] | None) -> None:
        super().__init__(address, _Handler)
        self.root = root.resolve()
        host, port = self.server_address[:2]
        public = "127.0.0.1" if host in ("0.0.0.0", "") else str(host)
        self.base_url = f"http://{public}:{port}"
        self.allowed_hosts = frozenset(h.lower() for h in (allowed_hosts or (*LOCAL_HOSTS, public)))
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()

    def count(self, path: str) -> None:
        with self._lock:
            self.hits[path] += 1

    def resolve(self, url_path: str) -> Path | None:
        """The file (or directory needing a slash) for a URL path, or None: no dotfiles, nothing outside root."""
        parts = PurePosixPath(unquote(url_path)).parts[1:]
        if any(p in ("..", ".") or p.startswith(".") or "\\" in p or "\x00" in p for p in parts):
            return None
        candidate = self.root.joinpath(*parts).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.exists():
            return None
        if candidate.is_dir():
            if not url_path.endswith("/"):
                return candidate if any((candidate / n).is_file() for n in INDEX_FILES) else None
            return next((candidate / n for n in INDEX_FILES if (candidate / n).is_file()), None)
        return candidate


class DemoServer:
    """A running demo site: `base_url`, `port`, thread-safe per-path `hits`; stop() or use as a context manager."""

    def __init__(self, httpd: _SiteServer) -> None:
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, name="demo-site", daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return self._httpd.base_url

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def root(self) -> Path:
        return self._httpd.root

    @property
    def hits(self) -> Counter[str]:
        return self._httpd.hits

    def hits_snapshot(self) -> Counter[str]:
        """A copy of the hit counts taken under the lock (the live Counter may change while read)."""
        with self._httpd._lock:
            return Counter(self._httpd.hits)

    def reset_hits(self) -> None:
        with self._httpd._lock:
            self._httpd.hits.clear()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> DemoServer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def serve(root: Path | None = None, host: str = "127.0.0.1", port: int = 0,
          allowed_hosts: Iterable[str] | None = None) -> DemoServer:
    """Start serving `root` (default: the bundled site) on host:port (0 = a free port) in a daemon thread.
    Requests whose Host header is not in `allowed_hosts` (default: local names) get 421."""
    return DemoServer(_SiteServer((host, port), root or SITE_ROOT, allowed_hosts))
