"""The offline demo site and its server: substitution, charsets, safety, hit counts, entry points, ground truth."""

from __future__ import annotations

import gzip
import http.client
import json
import re
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html
from protego import Protego

from crawler.demo import build_site
from crawler.demo.server import SITE_ROOT, DemoServer, serve
from crawler.sources import resolve_demo
from crawler.sources.base import Source
from crawler.sources.demo import SOURCES

EXPECTED = json.loads(build_site.EXPECTED_PATH.read_text(encoding="utf-8"))
ARTICLES = {a["path"]: a for a in EXPECTED["articles"]}
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
META_CHARSET = re.compile(rb"<meta charset=\"?windows-1251\"?>", re.I)
HTTP_EQUIV_CHARSET = re.compile(rb"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">")


@pytest.fixture(scope="module")
def site() -> Iterator[DemoServer]:
    # Its own server, not the session one: these tests reset the hit counts.
    with serve() as server:
        yield server


def fetch(site: DemoServer, path: str, method: str = "GET", host: str | None = None
          ) -> tuple[int, dict[str, str], bytes]:
    """A raw request (http.client sends the path exactly as given, `..` included)."""
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host or f"127.0.0.1:{site.port}")
        conn.endheaders()
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def resolved(site: DemoServer) -> list[Source]:
    return [resolve_demo(s, site.base_url) for s in SOURCES]


def is_article(source: Source, url: str) -> bool:
    return any(re.search(p, url) for p in source.article_patterns)


def decode(body: bytes, path: str) -> str:
    return body.decode("windows-1251" if path.startswith("/vesti/") else "utf-8")


# --- the server -------------------------------------------------------------------------------------------


def test_base_url_and_placeholder_substitution(site: DemoServer) -> None:
    assert site.base_url == f"http://127.0.0.1:{site.port}"
    status, _, robots = fetch(site, "/robots.txt")
    assert status == 200
    assert f"Sitemap: {site.base_url}/azatlyk/sitemap.xml".encode() in robots
    for path in ("/steppe/", "/steppe/feed/", "/azatlyk/sitemap.xml", next(iter(ARTICLES))):
        status, _, body = fetch(site, path)
        assert status == 200 and b"__BASE__" not in body and site.base_url.encode() in body, path
    status, headers, packed = fetch(site, "/azatlyk/sitemap_1_latest.xml.gz")
    assert status == 200 and headers["content-type"] == "application/gzip"
    inner = gzip.decompress(packed)
    assert b"__BASE__" not in inner and inner.count(site.base_url.encode()) >= 15


@pytest.mark.parametrize(("path", "content_type"), [
    ("/steppe/", "text/html; charset=utf-8"),
    ("/steppe/feed/", "application/rss+xml; charset=utf-8"),
    ("/azatlyk/sitemap.xml", "application/xml; charset=utf-8"),
    ("/robots.txt", "text/plain; charset=utf-8"),
    ("/vesti/news/", "text/html; charset=windows-1251"),
    ("/vesti/news/page/2/", "text/html"),
    ("/vesti/news/20518.html", "text/html; charset=windows-1251"),
    ("/vesti/news/20521.html", "text/html"),
])
def test_content_types_and_charsets(site: DemoServer, path: str, content_type: str) -> None:
    status, headers, _ = fetch(site, path)
    assert status == 200
    assert headers["content-type"] == content_type


def test_vesti_articles_split_between_header_and_meta_only_charset(site: DemoServer) -> None:
    with_header, meta_only = [], []
    for path in (p for p in ARTICLES if p.startswith("/vesti/")):
        _, headers, body = fetch(site, path)
        if "charset=windows-1251" in headers["content-type"]:
            with_header.append(path)
            assert HTTP_EQUIV_CHARSET.search(body), path
        else:
            assert headers["content-type"] == "text/html"
            meta_only.append(path)
            assert META_CHARSET.search(body), path
    assert len(with_header) == len(meta_only) == 7


def test_windows_1251_bytes_survive(site: DemoServer) -> None:
    path = "/vesti/news/20470.html"
    _, _, body = fetch(site, path)
    on_disk = (SITE_ROOT / path.lstrip("/")).read_bytes()
    assert body == on_disk.replace(b"__BASE__", site.base_url.encode())
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("windows-1251")
    for char in ("ё", "№", "«", "»", "—", "\u00a0"):
        assert char in text, char
    assert "пекарня №\u00a01" in text


def test_missing_files_and_dotfiles_are_404(site: DemoServer) -> None:
    for path in ("/nope.html", "/steppe/2026/", "/vesti/.charset", "/steppe/feed/index.rss", "/azatlyk/a/1.html"):
        assert fetch(site, path)[0] == 404, path


@pytest.mark.parametrize("path", [
    "/../server.py", "/steppe/../../server.py", "/%2e%2e/server.py", "/steppe/%2E%2E/%2e%2e/build_site.py",
    "/..%2fserver.py", "/%2fetc%2fpasswd", "//etc/passwd", "/steppe/..%5c..%5cserver.py", "/vesti/%00.html",
])
def test_directory_traversal_is_impossible(site: DemoServer, path: str) -> None:
    status, _, body = fetch(site, path)
    assert status == 404
    assert b"import" not in body and b"root:" not in body


def test_directory_without_slash_redirects(site: DemoServer) -> None:
    status, headers, _ = fetch(site, "/steppe/about")
    assert status == 301
    assert headers["location"] == f"{site.base_url}/steppe/about/"


def test_head_sends_headers_only(site: DemoServer) -> None:
    status, headers, body = fetch(site, "/steppe/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 1000


def test_unknown_host_header_is_refused(site: DemoServer) -> None:
    assert fetch(site, "/steppe/", host="evil.example")[0] == 421
    assert fetch(site, "/steppe/", host=f"localhost:{site.port}")[0] == 200


def test_hits_are_counted_per_path_across_threads(site: DemoServer) -> None:
    site.reset_hits()
    workers = [threading.Thread(target=lambda: [fetch(site, "/vesti/about.html?x=1") for _ in range(5)])
               for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    fetch(site, "/nope")
    hits = site.hits_snapshot()
    assert hits["/vesti/about.html"] == 30 and hits["/nope"] == 1 and sum(hits.values()) == 31


def test_robots_disallows_only_private(site: DemoServer) -> None:
    robots = Protego.parse(fetch(site, "/robots.txt")[2].decode())
    assert not robots.can_fetch(f"{site.base_url}/private/", "news-crawler")
    assert robots.can_fetch(f"{site.base_url}/steppe/", "news-crawler")
    assert list(robots.sitemaps) == [f"{site.base_url}/azatlyk/sitemap.xml"]
    assert fetch(site, "/private/")[0] == 200  # exists, so only robots.txt keeps a crawler out


# --- the sources' entry points ----------------------------------------------------------------------------


def sitemap_urls(site: DemoServer, url: str) -> list[str]:
    _, _, body = fetch(site, urlsplit(url).path)
    root = etree.fromstring(gzip.decompress(body) if url.endswith(".gz") else body)
    locs = [str(loc) for loc in root.xpath("//sm:loc/text()", namespaces=SITEMAP_NS)]
    if root.tag.endswith("sitemapindex"):
        return [u for child in locs for u in sitemap_urls(site, child)]
    return locs


def entry_point_urls(site: DemoServer, source: Source) -> list[str]:
    urls: list[str] = []
    for feed in source.feeds:
        urls += etree.fromstring(fetch(site, urlsplit(feed.url).path)[2]).xpath("//item/link/text()")
    for sitemap in source.sitemaps:
        urls += sitemap_urls(site, sitemap.url)
    for listing in source.listings:
        pages = [listing.url]
        if listing.page_url:
            pages += [listing.page_url.format(page=n)
                      for n in range(listing.first_page, listing.first_page + listing.max_pages)]
        for page in pages:
            status, _, body = fetch(site, urlsplit(page).path)
            assert status == 200, page
            links = lxml_html.fromstring(body).cssselect(listing.link_selector or "a")
            urls += [urljoin(page, a.get("href")) for a in links]
    return urls


@pytest.mark.parametrize("key", ["demo-steppe", "demo-azatlyk", "demo-vesti"])
def test_entry_points_list_existing_articles(site: DemoServer, key: str) -> None:
    source = next(s for s in resolved(site) if s.key == key)
    urls = entry_point_urls(site, source)
    articles = [u for u in urls if is_article(source, u)]
    assert len(articles) >= 12
    for url in articles:
        assert url.startswith(source.base_url), url
        assert fetch(site, urlsplit(url).path)[0] == 200, url
    listed = {urlsplit(u).path for u in articles}
    assert listed == {p for p, a in ARTICLES.items() if a["source"] == key and a["listed_in"]}
    for url in set(urls) - set(articles):  # the sections sitemap: real pages, not articles
        assert fetch(site, urlsplit(url).path)[0] == 200, url


def test_non_article_pages_match_no_pattern(site: DemoServer) -> None:
    sources = resolved(site)
    extra = ["/steppe/feed/", "/azatlyk/sitemap.xml", "/azatlyk/sitemap_1_news.xml", "/robots.txt"]
    for path in EXPECTED["non_article_pages"] + EXPECTED["disallowed"] + extra:
        assert fetch(site, path)[0] == 200, path
        assert not any(is_article(s, site.base_url + path) for s in sources), path
    for path, article in ARTICLES.items():
        owners = [s.key for s in sources if is_article(s, site.base_url + path)]
        assert owners == [article["source"]], path


def test_link_crawl_reaches_every_article_and_never_private(site: DemoServer) -> None:
    """Following every link from the root and the robots sitemap finds exactly the articles in expected.json."""
    site.reset_hits()
    robots = Protego.parse(fetch(site, "/robots.txt")[2].decode())
    queue, seen = ["/", *(urlsplit(u).path for u in robots.sitemaps)], set()
    linked: set[str] = set()
    while queue:
        path = queue.pop()
        if path in seen or not robots.can_fetch(site.base_url + path, "news-crawler"):
            continue
        seen.add(path)
        status, headers, body = fetch(site, path)
        assert status == 200, path
        if path.endswith(".gz"):
            body = gzip.decompress(body)
        if "html" in headers["content-type"]:
            hrefs = lxml_html.fromstring(body).xpath("//a/@href")
        else:
            hrefs = etree.fromstring(body).xpath("//*[local-name()='loc' or local-name()='link']/text()")
        for href in hrefs:
            url = urljoin(site.base_url + path, href.strip())
            if url.startswith(site.base_url + "/") and "#" not in url:
                queue.append(urlsplit(url).path)
                linked.add(urlsplit(url).path)
    assert set(ARTICLES) <= seen
    assert "/private/" in linked  # a Steppe post links to it...
    assert site.hits_snapshot()["/private/"] == 0  # ...and robots.txt keeps the crawl out


# --- the content against its ground truth -----------------------------------------------------------------


def test_expected_articles_meet_the_brief() -> None:
    articles = EXPECTED["articles"]
    assert len(articles) >= 45
    by_source = {k: [a for a in articles if a["source"] == k] for k in ("demo-steppe", "demo-azatlyk", "demo-vesti")}
    assert {a["language"] for a in by_source["demo-steppe"]} == {"en", "uz"}
    assert {a["language"] for a in by_source["demo-azatlyk"]} == {"ky", "ru"}
    assert {a["language"] for a in by_source["demo-vesti"]} == {"ru"}
    for article in articles:
        assert 150 <= article["words"] <= 600, article["path"]
        assert datetime.fromisoformat(article["published"]) < datetime.fromisoformat("2026-11-20T00:00:00+00:00")
    old = [a for a in articles if a["published"] < "2026"]
    assert len(old) == 2 and all(a["listed_in"] == ["latest-sitemap"] for a in old)
    assert any(len(a["authors"]) == 2 for a in by_source["demo-azatlyk"])
    uzbek = [" ".join(a["body"]) for a in by_source["demo-steppe"] if a["language"] == "uz"]
    assert any("ʻ" in b and "'" not in b for b in uzbek) and any("'" in b and "ʻ" not in b for b in uzbek)


def test_syndicated_copy_has_identical_body() -> None:
    [pair] = EXPECTED["syndicated"]
    original, copy = ARTICLES[pair["original"]], ARTICLES[pair["copy"]]
    assert original["source"] == "demo-azatlyk" and copy["source"] == "demo-vesti"
    assert original["body"] == copy["body"] and original["title"] != copy["title"]


def normalize(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_pages_match_ground_truth_through_source_selectors(site: DemoServer, path: str) -> None:
    article = ARTICLES[path]
    source = next(s for s in SOURCES if s.key == article["source"])
    _, _, body = fetch(site, path)
    tree = lxml_html.fromstring(decode(body, path))
    assert normalize(tree.cssselect(source.selectors.title or "h1")[0].text_content()) == normalize(article["title"])
    text = normalize(" ".join(e.text_content() for e in tree.cssselect(source.selectors.body or "body")))
    for paragraph in article["body"]:
        assert normalize(paragraph) in text
    ld = tree.xpath("//script[@type='application/ld+json']/text()")
    if source.key == "demo-vesti":
        assert not ld
        assert "Автор:" in tree.cssselect(source.selectors.authors or "")[0].text_content()
    else:
        graph = json.loads(ld[0])
        node = next(n for n in graph.get("@graph", [graph]) if n["@type"] == "NewsArticle")
        assert node["headline"] == article["title"]
        if source.key == "demo-steppe":
            assert node["datePublished"] == article["published"] and node["datePublished"].endswith("+05:00")
        else:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", node["datePublished"])


def test_committed_site_matches_a_fresh_build() -> None:
    files, expected = build_site.generate()
    assert build_site.differences(files, expected, SITE_ROOT, build_site.EXPECTED_PATH) == []


def test_build_writes_a_servable_site(tmp_path: Path) -> None:
    files, expected = build_site.generate()
    build_site.write(files, expected, tmp_path / "site", tmp_path / "expected.json")
    with serve(root=tmp_path / "site") as other:
        status, _, body = fetch(other, "/vesti/news/")
        assert status == 200 and "Новости".encode("windows-1251") in body
