"""The compression middleware: same results as Scrapy's, without charset detection on compressed bytes."""

from __future__ import annotations

import gzip
import logging

import pytest
from scrapy import Request, Spider
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawler.loglevels import CHATTY_LIBRARIES, quiet_libraries
from crawler.middlewares.compression import CompressionMiddleware

URL = "https://example.org/news/1.html"
PAGE = ("<html><head><title>Бишкек</title></head><body><p>" + "Новости из Бишкека. " * 200
        + "</p></body></html>")


def _middlewares(settings: dict | None = None) -> tuple[CompressionMiddleware, HttpCompressionMiddleware]:
    crawler = get_crawler(Spider, settings or {})
    return CompressionMiddleware.from_crawler(crawler), HttpCompressionMiddleware.from_crawler(crawler)


def _gzipped(body: bytes, content_type: bytes = b"text/html") -> HtmlResponse:
    return HtmlResponse(URL, body=gzip.compress(body), request=Request(URL),
                        headers={"Content-Type": content_type, "Content-Encoding": "gzip"})


@pytest.mark.parametrize(("body", "content_type"), [
    (PAGE.encode("utf-8"), b"text/html"),
    (PAGE.encode("utf-8"), b"text/html; charset=utf-8"),
    (PAGE.replace("<head>", '<head><meta charset="windows-1251">').encode("cp1251"), b"text/html"),
])
def test_decoded_response_equals_scrapys(body: bytes, content_type: bytes) -> None:
    ours, theirs = _middlewares()
    mine = ours.process_response(Request(URL), _gzipped(body, content_type))
    upstream = theirs.process_response(Request(URL), _gzipped(body, content_type))
    assert isinstance(mine, TextResponse) and isinstance(upstream, TextResponse)
    assert type(mine) is type(upstream)
    assert mine.body == upstream.body == body
    assert mine.encoding == upstream.encoding
    assert mine.text == upstream.text
    assert b"Content-Encoding" not in mine.headers
    assert mine.request is not None and mine.request.url == URL


def test_compressed_bytes_are_not_charset_detected() -> None:
    # Scrapy's middleware computes the encoding of the gzip bytes (cached in _cached_benc); ours never does
    ours, theirs = _middlewares()
    compressed = _gzipped(PAGE.encode("utf-8"))
    ours.process_response(Request(URL), compressed)
    assert compressed._cached_benc is None
    upstream_input = _gzipped(PAGE.encode("utf-8"))
    theirs.process_response(Request(URL), upstream_input)
    assert upstream_input._cached_benc is not None  # the cost this middleware avoids (fails once fixed upstream)


def test_uncompressed_and_binary_responses_pass_unchanged() -> None:
    ours, _ = _middlewares()
    plain = HtmlResponse(URL, body=PAGE.encode("utf-8"), headers={"Content-Type": "text/html"})
    assert ours.process_response(Request(URL), plain) is plain
    image = Response(URL, body=gzip.compress(b"\x89PNG" * 10), headers={"Content-Encoding": "gzip"})
    assert ours.process_response(Request(URL), image).body == b"\x89PNG" * 10


def test_size_limit_still_applies() -> None:
    ours, _ = _middlewares({"DOWNLOAD_MAXSIZE": 10_000})
    bomb = _gzipped(b"<html><body>" + b"a" * 200_000 + b"</body></html>")
    with pytest.raises(IgnoreRequest):
        ours.process_response(Request(URL), bomb)


def test_quiet_libraries_follows_the_crawl_level() -> None:
    loggers = [logging.getLogger(name) for name in CHATTY_LIBRARIES]
    saved = [logger.level for logger in loggers]
    root_level = logging.root.level
    try:
        logging.root.setLevel(logging.NOTSET)  # as under Scrapy: the root handler filters, not the loggers
        for logger in loggers:
            logger.setLevel(logging.NOTSET)
        logging.getLogger("charset_normalizer").setLevel(logging.ERROR)
        quiet_libraries("INFO")
        assert logging.getLogger("trafilatura").getEffectiveLevel() == logging.INFO
        assert not logging.getLogger("trafilatura").isEnabledFor(logging.DEBUG)
        assert logging.getLogger("charset_normalizer").level == logging.ERROR  # stricter already: kept
        quiet_libraries("NOT A LEVEL")  # ignored, as Scrapy would reject it itself
    finally:
        logging.root.setLevel(root_level)
        for logger, level in zip(loggers, saved, strict=True):
            logger.setLevel(level)
