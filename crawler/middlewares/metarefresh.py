"""Scrapy's MetaRefreshMiddleware reading only the head of the page's bytes.

Upstream calls `response.text[0:4096]`: the whole body is decoded (and, when no charset is declared, its
encoding detected by charset-normalizer over every byte, ~5 ms a page) and cached on the response, only to
look at its first 4 KB. The refresh tag and the base URL are ASCII markup, so the first 4 KB of bytes, decoded
with the charset the page declares (`crawler.charsets`, as the page decoder reads it; else UTF-8, errors
replaced), say the same.
"""

from __future__ import annotations

from typing import cast

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefreshMiddleware
from scrapy.http import HtmlResponse, Response
from scrapy.utils.httpobj import urlparse_cached
from w3lib.html import get_base_url, get_meta_refresh

from crawler.charsets import declared_encodings

HEAD_BYTES = 4096  # what upstream reads too


def head_meta_refresh(response: HtmlResponse, ignore_tags: list[str]) -> tuple[float | None, str | None]:
    """(interval, absolute URL) of the page's meta refresh, from its first 4 KB; (None, None) without one."""
    head = response.body[:HEAD_BYTES]
    if b"refresh" not in head.lower():
        return None, None
    content_type = response.headers.get(b"Content-Type")
    declared = declared_encodings(head, content_type.decode("latin-1") if content_type else None)
    encoding = declared[0] if declared else "utf-8"
    text = head.decode(encoding, errors="replace")
    base = get_base_url(text, response.url, encoding)
    return get_meta_refresh(text, base, encoding, ignore_tags=ignore_tags)


class MetaRefreshMiddleware(ScrapyMetaRefreshMiddleware):
    """Drop-in replacement (same settings: METAREFRESH_ENABLED, METAREFRESH_MAXDELAY, METAREFRESH_IGNORE_TAGS)."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if (request.meta.get("dont_redirect", False) or request.method == "HEAD"
                or not isinstance(response, HtmlResponse)
                or urlparse_cached(request).scheme not in {"http", "https"}):
            return response
        interval, url = head_meta_refresh(response, self._ignore_tags)
        if not url:
            return response
        redirected = self._redirect_request_using_get(request, response, url)
        if urlparse_cached(redirected).scheme not in {"http", "https"}:
            return response
        if cast("float", interval) < self._maxdelay:
            return self._redirect(redirected, request, "meta refresh")
        return response
