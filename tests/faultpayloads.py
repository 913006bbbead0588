"""Hostile payloads for the fault server: compression bombs, XXE and billion-laughs XML, legacy charsets, bad HTML."""

from __future__ import annotations

import functools
import html
import zlib

import brotli
from backports import zstd

MIB = 1 << 20
# Every bomb expands past the 200 MiB memory bound the tests assert, so an unbounded decoder fails them.
BOMB_MIB = 256
_ZEROS = bytes(MIB)

# Realistic Russian prose: statistical charset detection needs a few hundred characters to decide.
RUSSIAN_TITLE = "Ёлки, «Шёлковый путь» и погода в Бишкеке"
RUSSIAN_PARAGRAPHS = (
    "В Бишкеке прошло заседание правительства, на котором обсудили строительство новых дорог и мостов. "
    "Министр транспорта сообщил, что работы начнутся весной и завершатся до конца следующего года.",
    "Жители южных районов жалуются на перебои с электричеством: зимой нагрузка на сети растёт, а старое "
    "оборудование не выдерживает. Энергетики обещают заменить подстанции в Оше и Джалал-Абаде.",
    "Синоптики предупреждают о резком похолодании: ночью температура опустится до минус пятнадцати "
    "градусов, на перевалах ожидается снег и гололёд. Водителей просят быть осторожнее.",
    "Ещё одна новость касается образования: в школах появятся новые учебники по истории и географии, "
    "подготовленные учёными национальной академии наук. Объём тиража составит сто тысяч экземпляров.",
)
# KOI8-R has no guillemets or em dash: its variant of the text must stay inside the codec.
KOI8_TITLE = "Ёлки, \"Шёлковый путь\" и погода в Бишкеке"


def charset_page(encoding: str, meta: bool) -> tuple[str, bytes]:
    """(exact text, encoded page) of a Russian article in `encoding`, with or without a <meta charset>."""
    title = KOI8_TITLE if encoding.lower().startswith("koi8") else RUSSIAN_TITLE
    head = f'<meta charset="{encoding}">' if meta else ""
    paragraphs = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in RUSSIAN_PARAGRAPHS)
    page = (f"<!DOCTYPE html><html lang=\"ru\"><head>{head}<title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")
    return page, page.encode(encoding)


def article_page(title: str, words: int = 80, links: tuple[str, ...] = ()) -> bytes:
    """A plain English article page with `words` words and the given links."""
    body = " ".join(f"word{i % 50}" for i in range(words))
    anchors = "".join(f'<li><a href="{html.escape(u)}">{html.escape(u)}</a></li>' for u in links)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title></head>"
            f"<body><article><h1>{html.escape(title)}</h1><p>Kazakhstan and Kyrgyzstan: {body}.</p></article>"
            f"<ul>{anchors}</ul></body></html>").encode()


@functools.cache
def gzip_bomb() -> bytes:
    """gzip (Content-Encoding: gzip) of BOMB_MIB MiB of zeros, about 250 KiB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join([*(compressor.compress(_ZEROS) for _ in range(BOMB_MIB)), compressor.flush()])


@functools.cache
def deflate_bomb() -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 15)
    return b"".join([*(compressor.compress(_ZEROS) for _ in range(BOMB_MIB)), compressor.flush()])


@functools.cache
def brotli_bomb() -> bytes:
    compressor = brotli.Compressor(quality=5)
    return b"".join([*(compressor.process(_ZEROS) for _ in range(BOMB_MIB)), compressor.finish()])


@functools.cache
def zstd_bomb() -> bytes:
    compressor = zstd.ZstdCompressor(level=3)
    return b"".join([*(compressor.compress(_ZEROS) for _ in range(BOMB_MIB)), compressor.flush()])


@functools.cache
def sitemap_bomb(base_url: str) -> bytes:
    """A gzipped sitemap (.xml.gz, no Content-Encoding) expanding to BOMB_MIB MiB of <url> entries."""
    entry = f"<url><loc>{base_url}/page/bomb</loc></url>".encode()
    chunk = entry * (MIB // len(entry))
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    parts = [compressor.compress(head), *(compressor.compress(chunk) for _ in range(BOMB_MIB)),
             compressor.compress(b"</urlset>"), compressor.flush()]
    return b"".join(parts)


def xxe_doctype(secret_path: str, callback_url: str) -> str:
    """A DOCTYPE with a local-file entity, a network entity and an external parameter-entity DTD."""
    return (f'<!DOCTYPE root [<!ENTITY file SYSTEM "file://{secret_path}">'
            f'<!ENTITY net SYSTEM "{callback_url}?entity">'
            f'<!ENTITY % dtd SYSTEM "{callback_url}?dtd"> %dtd;]>')


def xxe_sitemap(base_url: str, secret_path: str, callback_url: str) -> bytes:
    return (f'<?xml version="1.0"?>{xxe_doctype(secret_path, callback_url)}'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base_url}/page/xxe-file-&file;</loc></url>"
            f"<url><loc>{base_url}/page/xxe-net-&net;</loc></url>"
            f"<url><loc>{base_url}/page/xxe-plain</loc></url></urlset>").encode()


def xxe_feed(base_url: str, secret_path: str, callback_url: str) -> bytes:
    return (f'<?xml version="1.0"?>{xxe_doctype(secret_path, callback_url)}'
            f'<rss version="2.0"><channel><title>&file;</title>'
            f"<item><title>&file;</title><link>{base_url}/page/xxe-feed-&file;</link></item>"
            f"<item><title>net</title><link>{base_url}/page/xxe-feed-&net;</link></item>"
            f"<item><title>plain</title><link>{base_url}/page/xxe-feed-plain</link></item>"
            f"</channel></rss>").encode()


def _laughs_doctype() -> str:
    entities = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return f"<!DOCTYPE root [{''.join(entities)}]>"


def laughs_sitemap(base_url: str) -> bytes:
    """Billion laughs: &lol9; expands to 10**9 * 30 bytes if a parser resolves it."""
    return (f'<?xml version="1.0"?>{_laughs_doctype()}'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base_url}/page/laughs-&lol9;</loc></url>"
            f"<url><loc>{base_url}/page/laughs-plain</loc></url></urlset>").encode()


def laughs_feed(base_url: str) -> bytes:
    return (f'<?xml version="1.0"?>{_laughs_doctype()}<rss version="2.0"><channel><title>&lol9;</title>'
            f"<item><title>&lol9;</title><link>{base_url}/page/laughs-feed-&lol9;</link></item>"
            f"<item><title>plain</title><link>{base_url}/page/laughs-feed-plain</link></item>"
            f"</channel></rss>").encode()


def malformed_page(kind: str) -> bytes:
    """Broken HTML: NUL bytes, 10,000-deep nesting or unclosed tags, around a real paragraph."""
    text = "Almaty and Tashkent signed a water agreement " * 8
    if kind == "nul":
        return (f"<html><head><title>NUL\x00page</title></head><body><p>{text}\x00</p>\x00"
                f"<p>tail\x00text</p></body></html>").encode()
    if kind == "deep":
        # libxml2 stops building the tree at depth 256 (no huge_tree), so the text sits before the nesting.
        return (f"<html><head><title>Deep page</title></head><body><p>{text}</p>{'<div>' * 10_000}<p>deep</p>"
                f"{'</div>' * 10_000}</body></html>").encode()
    if kind == "unclosed":
        return (f"<html><head><title>Unclosed page</title><body><p>{text}<p><b><i>bold<table><tr><td>cell"
                f"<div><span>{text}").encode()
    raise ValueError(kind)
