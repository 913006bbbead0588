"""Scrapy's HttpCompressionMiddleware without a costly detour: charset detection on the compressed bytes.

`Response.replace()` reads every attribute of the old response before overriding some, so decompressing a
`text/html` response whose header names no charset first runs `TextResponse.encoding` on the gzip bytes:
charset-normalizer over binary data, ~5 ms a page, for a value the middleware then throws away (it resets
the encoding of the decoded response). Here the compressed response is handed over as a plain `Response`,
which has no encoding to compute; the decoded one gets its class and encoding exactly as before.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.http import Response, TextResponse


def _plain(response: TextResponse) -> Response:
    """The same response as a byte-only `Response` (same URL, status, headers, body, flags, request...)."""
    return Response(url=response.url, status=response.status, headers=response.headers, body=response.body,
                    flags=response.flags, request=response.request, certificate=response.certificate,
                    ip_address=response.ip_address, protocol=response.protocol)


class CompressionMiddleware(HttpCompressionMiddleware):
    """Drop-in replacement of HttpCompressionMiddleware (same settings, limits, stats and warnings)."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if isinstance(response, TextResponse) and response.headers.get(b"Content-Encoding"):
            response = _plain(response)
        return super().process_response(request, response)
