"""What the headless browser may load: the SSRF policy of crawler.middlewares.safety, applied to every request
a rendered page makes (Chromium resolves and connects by itself, past Scrapy's guarded resolver)."""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Protocol
from urllib.parse import urlsplit

from crawler.middlewares.safety import (
    ALLOWED_SCHEMES,
    DEFAULT_PORTS,
    LOCAL_NAMES,
    HostAllowList,
    blocked_address,
    ip_literal,
)

logger = logging.getLogger(__name__)

# In-page URLs that never leave the browser.
LOCAL_SCHEMES = frozenset({"data", "blob", "about"})
MAX_CACHED_HOSTS = 4096  # answers kept per crawl; pages of news sites use a few dozen hosts


class BrowserRequest(Protocol):
    """The part of playwright.async_api.Request the guard reads."""

    @property
    def url(self) -> str: ...

    @property
    def resource_type(self) -> str: ...


class ResourceGuard:
    """PLAYWRIGHT_ABORT_REQUEST: aborts the page's requests for blocked resource types (images, media, fonts by
    default), non-http(s) schemes, and hosts that are or resolve to non-public addresses unless allow-listed
    (NEWS_ALLOWED_PRIVATE_HOSTS, NEWS_DEMO_URL). DNS answers are cached for the crawl. A name that resolves
    differently at Chromium's own lookup (DNS rebinding) is not caught here: the Scrapy-side guard covers the
    page URL itself, this covers what the page pulls in."""

    def __init__(self, allow: HostAllowList, blocked_types: frozenset[str], resolve: bool = True) -> None:
        self.allow = allow
        self.blocked_types = blocked_types
        self.resolve = resolve
        self._verdicts: dict[str, bool] = {}  # host -> blocked

    def __repr__(self) -> str:  # shown in Scrapy's "Overridden settings" log line
        return f"ResourceGuard(blocked_types={sorted(self.blocked_types)}, resolve={self.resolve})"

    async def __call__(self, request: BrowserRequest) -> bool:
        """True = abort this request."""
        if request.resource_type in self.blocked_types:
            return True
        parts = urlsplit(request.url)
        if parts.scheme in LOCAL_SCHEMES:
            return False
        if parts.scheme not in ALLOWED_SCHEMES or not parts.hostname:
            return True
        try:
            port = parts.port or DEFAULT_PORTS[parts.scheme]
        except ValueError:
            return True
        host = parts.hostname.lower()
        if self.allow.allows(host, port):
            return False
        blocked = await self._host_blocked(host)
        if blocked:
            logger.warning("Browser request refused (non-public host): %s", request.url[:200])
        return blocked

    async def _host_blocked(self, host: str) -> bool:
        ip = ip_literal(host)
        if ip is not None:
            return blocked_address(ip)
        if LOCAL_NAMES.search(host):
            return True
        if not self.resolve:
            return False
        if host not in self._verdicts:
            self._verdicts[host] = await _resolves_to_blocked(host)
            if len(self._verdicts) > MAX_CACHED_HOSTS:
                self._verdicts.pop(next(iter(self._verdicts)))
        return self._verdicts[host]


async def _resolves_to_blocked(host: str) -> bool:
    try:
        answers = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return False  # no answer: Chromium's own lookup fails the same way, and the page loads without it
    for _family, _type, _proto, _name, address in answers:
        ip = ip_literal(str(address[0]))
        if ip is not None and blocked_address(ip):
            return True
    return False
