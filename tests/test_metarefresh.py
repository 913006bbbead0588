"""Meta refresh from the head of the bytes: same redirects as Scrapy's middleware, no whole-body decode."""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.middlewares.metarefresh import MetaRefreshMiddleware

URL = "https://example.org/news/old.html"
FILLER = "<p>" + "Новости из Бишкека. " * 400 + "</p>"


def _pair() -> tuple[MetaRefreshMiddleware, ScrapyMetaRefreshMiddleware]:
    crawler = get_crawler(Spider)
    return MetaRefreshMiddleware.from_crawler(crawler), ScrapyMetaRefreshMiddleware.from_crawler(crawler)


def _page(head: str, encoding: str = "utf-8", content_type: str = "text/html") -> HtmlResponse:
    body = f"<html><head>{head}</head><body>{FILLER}</body></html>".encode(encoding)
    return HtmlResponse(URL, body=body, headers={"Content-Type": content_type}, request=Request(URL))


def test_redirects_like_scrapy() -> None:
    ours, theirs = _pair()
    for head in ('<meta http-equiv="refresh" content="0; url=/news/new.html">',
                 '<base href="https://example.org/archive/"><meta http-equiv="Refresh" content="1;URL=new.html">',
                 '<meta charset="windows-1251"><meta http-equiv="refresh" content="0; url=/новости/1.html">'):
        encoding = "cp1251" if "1251" in head else "utf-8"
        mine = ours.process_response(Request(URL), _page(head, encoding))
        upstream = theirs.process_response(Request(URL), _page(head, encoding))
        assert isinstance(mine, Request) and isinstance(upstream, Request)
        assert mine.url == upstream.url


def test_no_refresh_passes_and_body_is_not_decoded() -> None:
    ours, _ = _pair()
    page = _page("<title>Бишкек</title>")
    assert ours.process_response(Request(URL), page) is page
    assert page._cached_ubody is None  # Scrapy's middleware decodes and caches the whole body here


def test_long_delay_and_dont_redirect_are_kept() -> None:
    ours, _ = _pair()
    slow = _page('<meta http-equiv="refresh" content="600; url=/news/new.html">')
    assert ours.process_response(Request(URL), slow) is slow
    page = _page('<meta http-equiv="refresh" content="0; url=/news/new.html">')
    assert ours.process_response(Request(URL, meta={"dont_redirect": True}), page) is page
    ftp = _page('<meta http-equiv="refresh" content="0; url=ftp://example.org/file">')
    assert ours.process_response(Request(URL), ftp) is ftp
