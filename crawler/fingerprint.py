"""Request fingerprints over canonical URLs, so tracking parameters and AMP variants dedupe at the scheduler."""

from __future__ import annotations

import hashlib
from weakref import WeakKeyDictionary

from scrapy import Request
from scrapy.crawler import Crawler

from crawler.urls import canonicalize


class CanonicalRequestFingerprinter:
    """Fingerprint = SHA-1 of method, canonical URL and body (headers are ignored, as in Scrapy's default)."""

    def __init__(self) -> None:
        self._cache: WeakKeyDictionary[Request, bytes] = WeakKeyDictionary()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CanonicalRequestFingerprinter:
        return cls()

    def fingerprint(self, request: Request) -> bytes:
        if request not in self._cache:
            digest = hashlib.sha1(request.method.encode())
            digest.update(canonicalize(request.url, trailing_slash_equivalent=False).encode())
            digest.update(request.body or b"")
            self._cache[request] = digest.digest()
        return self._cache[request]
