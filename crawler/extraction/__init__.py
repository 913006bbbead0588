"""Article extraction: `extract_article(response)` or `extract_article(html, url)` gives the exported record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from scrapy.http import Response

from crawler.extraction.encoding import decode_html
from crawler.extraction.enrich import enrich_article
from crawler.extraction.page import parse_page
from crawler.items import Article, to_dict
from crawler.sources import derive_source, source_for_url
from crawler.sources.base import Source
from crawler.text.clean import clean_article

__all__ = ["decode_html", "extract_article", "finish_article", "page_article", "source_of"]


def source_of(url: str, source: Source | None = None) -> Source:
    """The registry source of a URL, or one derived from its host."""
    return source or source_for_url(url) or derive_source(url)


def page_article(page: Response | bytes | str, url: str | None = None, *, source: Source | None = None,
                 fetched_at: datetime | None = None) -> Article:
    """The raw Article of a response or of HTML (bytes are decoded with `decode_html`)."""
    if isinstance(page, Response):
        url = url or page.url
        content_type = page.headers.get(b"Content-Type")
        text = decode_html(page.body, content_type.decode("latin-1") if content_type else None)
    elif isinstance(page, bytes):
        text = decode_html(page)
    else:
        text = page
    if not url:
        raise ValueError("extract_article needs the page's URL when given HTML")
    return parse_page(text, url, source_of(url, source), fetched_at)


def finish_article(article: Article, source: Source) -> Article:
    """Cleaning and enrichment: exactly what the clean and tag pipelines apply."""
    return enrich_article(clean_article(article, source), source)


def extract_article(page: Response | bytes | str, url: str | None = None, *, source: Source | None = None,
                    fetched_at: datetime | None = None) -> dict[str, Any]:
    """The record the crawler would export for this page (before dedupe)."""
    article = page_article(page, url, source=source, fetched_at=fetched_at)
    return to_dict(finish_article(article, source_of(article.url, source)))
