"""Request safety: no fetches of loopback/private/link-local/metadata addresses (SSRF), crawler-trap limits."""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
# Names that mean "this machine" without asking DNS (RFC 6761).
LOCAL_NAMES = re.compile(r"(?:^|\.)localhost\.?$", re.IGNORECASE)
# Calendar-like dates in a path (2024/05, 2024-05-07) or a query value (also 20240507); years 1900-2199 only,
# so that numeric ids are rarely mistaken for dates. A walk past the bounds has to pass through a bounded page.
PATH_DATE = re.compile(r"(?<![0-9])(?P<y>19\d\d|2[01]\d\d)[/-](?P<m>\d{1,2})(?:[/-](?P<d>\d{1,2}))?(?![0-9])")
QUERY_DATE = re.compile(r"^(?P<y>19\d\d|2[01]\d\d)-?(?P<m>\d{2})(?:-?(?P<d>\d{2}))?(?:[T ].*)?$")
YEAR_KEYS = frozenset({"year", "y", "yr"})
MONTH_KEYS = frozenset({"month", "m", "mon"})

STAT_PREFIX = "news/safety/blocked"


class BlockedAddressError(DNSLookupError):
    """A host name resolved to an address the crawler must not contact."""


def blocked_address(ip: IPAddress) -> bool:
    """True for every address that is not public unicast: loopback, RFC 1918, link-local (incl. the
    169.254.169.254 metadata service), CGNAT, ULA, multicast, reserved, unspecified."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified


def ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


class HostAllowList:
    """NEWS_ALLOWED_PRIVATE_HOSTS: entries `host`, `host:port` or a CIDR network (`127.0.0.0/8`). Matching is
    on the host as written in the URL, so a name that merely resolves to an allowed address is not allowed."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.hosts: set[str] = set()
        self.host_ports: set[tuple[str, int]] = set()
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for raw in entries:
            entry = raw.strip().lower()
            if not entry:
                continue
            if "/" in entry:
                self.networks.append(ipaddress.ip_network(entry, strict=False))
                continue
            host, port = _split_host_port(entry)
            if port is None:
                self.hosts.add(host)
            else:
                self.host_ports.add((host, port))

    def allows(self, host: str, port: int | None) -> bool:
        host = host.lower().strip("[]")
        if host in self.hosts or (port is not None and (host, port) in self.host_ports):
            return True
        ip = ip_literal(host)
        return ip is not None and any(ip in net for net in self.networks)

    def names_host(self, host: str) -> bool:
        """Whether any entry (whatever its port) names this host: used where the port is unknown (DNS)."""
        host = host.lower()
        return host in self.hosts or any(h == host for h, _ in self.host_ports)


def _split_host_port(entry: str) -> tuple[str, int | None]:
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        return host, int(rest[1:]) if rest.startswith(":") else None
    if entry.count(":") == 1:
        host, port = entry.split(":")
        return host, int(port)
    return entry, None  # a bare name, IPv4 or unbracketed IPv6 address


@dataclass(frozen=True)
class TrapLimits:
    """Heritrix/Nutch-style bounds on URLs that crawler traps generate."""

    max_url_length: int = 2083
    max_path_segments: int = 20
    max_segment_repeats: int = 2
    calendar_min_year: int = 1991
    calendar_max_future_days: int = 1

    @classmethod
    def from_settings(cls, settings: Any) -> TrapLimits:
        return cls(settings.getint("NEWS_MAX_URL_LENGTH", cls.max_url_length),
                   settings.getint("NEWS_MAX_PATH_SEGMENTS", cls.max_path_segments),
                   settings.getint("NEWS_MAX_SEGMENT_REPEATS", cls.max_segment_repeats),
                   settings.getint("NEWS_CALENDAR_MIN_YEAR", cls.calendar_min_year),
                   settings.getint("NEWS_CALENDAR_MAX_FUTURE_DAYS", cls.calendar_max_future_days))


def _url_dates(path: str, query: str) -> Iterable[tuple[int, int, int | None]]:
    for match in PATH_DATE.finditer(path):
        yield int(match["y"]), int(match["m"]), int(match["d"]) if match["d"] else None
    year = month = None
    for key, value in parse_qsl(query, keep_blank_values=False):
        key = key.lower()
        if key in YEAR_KEYS and value.isdigit():
            year = int(value)
        elif key in MONTH_KEYS and value.isdigit():
            month = int(value)
        elif match := QUERY_DATE.match(value):
            yield int(match["y"]), int(match["m"]), int(match["d"]) if match["d"] else None
    if year is not None:
        yield year, month or 1, None


def _first_day(year: int, month: int, day: int | None) -> date | None:
    if not 1 <= month <= 12:
        return None
    try:
        return date(year, month, day or 1)
    except ValueError:  # 31 February: still a month
        return date(year, month, 1)


def trap_reason(url: str, limits: TrapLimits, today: date | None = None) -> str | None:
    """Why `url` looks like a crawler trap (`url_too_long`, `path_too_deep`, `repeated_segment`,
    `calendar_out_of_range`), or None."""
    if len(url) > limits.max_url_length:
        return "url_too_long"
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > limits.max_path_segments:
        return "path_too_deep"
    counts: dict[str, int] = {}
    for segment in segments:
        counts[segment] = counts.get(segment, 0) + 1
        if counts[segment] > limits.max_segment_repeats:
            return "repeated_segment"
    today = today or datetime.now(UTC).date()
    latest = today + timedelta(days=limits.calendar_max_future_days)
    for year, month, day in _url_dates(parts.path, parts.query):
        first = _first_day(year, month, day)
        if first is not None and (year < limits.calendar_min_year or first > latest):
            return "calendar_out_of_range"
    return None


def allow_list(settings: Any) -> HostAllowList:
    """NEWS_ALLOWED_PRIVATE_HOSTS plus the host:port of NEWS_DEMO_URL: the demo site is configured on purpose."""
    entries = list(settings.getlist("NEWS_ALLOWED_PRIVATE_HOSTS"))
    demo = settings.get("NEWS_DEMO_URL")
    if demo:
        parts = urlsplit(demo)
        if parts.hostname:
            host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
            entries.append(f"{host}:{parts.port or DEFAULT_PORTS.get(parts.scheme, 80)}")
    return HostAllowList(entries)


class SafetyMiddleware:
    """Downloader middleware (first in the chain, so it sees redirects and robots.txt requests too): refuses
    non-http(s) schemes, hosts that are or resolve to non-public addresses unless allow-listed (see allow_list),
    and trap URLs.
    Refusals are IgnoreRequest, counted as `news/safety/blocked/<reason>`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.allow = allow_list(crawler.settings)
        self.limits = TrapLimits.from_settings(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SafetyMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        parts = urlparse_cached(request)
        if parts.scheme not in ALLOWED_SCHEMES:
            self._block(request, "scheme", parts.scheme)
        host = (parts.hostname or "").lower()
        try:
            port = parts.port or DEFAULT_PORTS.get(parts.scheme)
        except ValueError:
            self._block(request, "bad_port", parts.netloc)
        if not host:
            self._block(request, "no_host", request.url)
        if not self.allow.allows(host, port):
            await self._check_address(request, host)
        reason = trap_reason(request.url, self.limits)
        if reason:
            self._block(request, reason, request.url[:200])

    async def _check_address(self, request: Request, host: str) -> None:
        ip = ip_literal(host)
        if ip is not None:
            if blocked_address(ip):
                self._block(request, "private_address", host)
            return
        if LOCAL_NAMES.search(host):
            self._block(request, "private_address", host)
        if request.meta.get("proxy"):
            return  # through a proxy the proxy resolves the name, not us
        from twisted.internet import reactor

        try:
            address = await maybe_deferred_to_future(reactor.resolve(host))
        except BlockedAddressError as exc:
            self._block(request, "private_address", str(exc))
        except Exception:  # noqa: BLE001 - a DNS failure: let the download fail, retry and count it as usual
            return
        resolved = ip_literal(address)
        if resolved is not None and blocked_address(resolved):
            self._block(request, "private_address", f"{host} -> {address}")

    def _block(self, request: Request, reason: str, detail: str) -> None:
        stats = self.crawler.stats
        stats.inc_value(f"{STAT_PREFIX}/{reason}")
        if request.meta.get("redirect_urls"):
            stats.inc_value(f"{STAT_PREFIX}/via_redirect")
        logger.warning("Refused %s (%s: %s)", request.url[:200], reason, detail)
        raise IgnoreRequest(f"refused by safety policy: {reason}")


class GuardedResolver(CachingThreadedResolver):
    """TWISTED_DNS_RESOLVER that refuses to hand out non-public addresses for names not allow-listed, so a
    name that changes its answer between our check and the connection (DNS rebinding) still cannot reach
    them. Same caching and timeout as Scrapy's default resolver."""

    allow: HostAllowList = HostAllowList(())

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> GuardedResolver:
        resolver = super().from_crawler(crawler, reactor)
        resolver.allow = allow_list(crawler.settings)
        return resolver

    def getHostByName(self, name: str, timeout: Any = ()) -> Deferred[str]:  # noqa: N802 - Twisted's name
        deferred = super().getHostByName(name, timeout)
        deferred.addCallback(self._check, name)
        return deferred

    def _check(self, address: str, name: str) -> str:
        ip = ip_literal(address)
        if ip is not None and blocked_address(ip) and not self.allow.names_host(name):
            raise BlockedAddressError(f"{name} resolves to non-public address {address}")
        return address
