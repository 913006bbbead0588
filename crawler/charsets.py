"""The charsets a page declares (HTTP header, `<meta>`), for the decoder and the downloader middlewares.

Kept apart from `crawler.extraction`: a downloader middleware importing it must not load the extraction
package (its language model alone is tens of MiB in every crawl process)."""

from __future__ import annotations

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

# Server defaults that say little: a <meta> naming another charset wins over these in the header.
WEAK_HEADER_CHARSETS = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15", "ascii", "us_ascii"})


def declared_encodings(body: bytes, content_type: str | None) -> list[str]:
    """Encodings named by the HTTP header and the page's `<meta>`, header first, resolved to codec names."""
    header = resolve_encoding(http_content_type_encoding(content_type) or "") if content_type else None
    meta = resolve_encoding(html_body_declared_encoding(body) or "")
    names = [header, meta]
    if header and meta and header.replace("-", "_").lower() in WEAK_HEADER_CHARSETS:
        names = [meta, header]  # an ISO-8859-1 default header is a server default, not a statement
    return list(dict.fromkeys(n for n in names if n))
