"""Tests of crawler.discovery: feeds, sitemaps and listings to article links."""

from datetime import UTC, date, datetime

from scrapy.http import HtmlResponse

from crawler.discovery import is_article_url, listing_links, parse_feed, parse_sitemap
from crawler.discovery.links import is_recent, parse_datetime
from crawler.discovery.listings import next_pages
from crawler.sources.base import Listing, Source

SOURCE = Source(key="t", name="T", country="KG", languages=("ru",), timezone="Asia/Bishkek", scope="regional",
                base_url="https://news.kg/", domains=("ky.news.kg",), article_patterns=(r"/a/\d+\.html$",))

RSS = b"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<item><title>One</title><link>https://news.kg/a/1.html</link><pubDate>Tue, 18 Nov 2026 10:14:00 +0600</pubDate></item>
<item><title>Two</title><guid isPermaLink="true">https://news.kg/a/2.html</guid><dc:date>2025-01-02T03:04:05Z</dc:date></item>
</channel></rss>"""
ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
<link rel="alternate" href="https://news.kg/a/3.html"/><link rel="enclosure" href="https://news.kg/x.mp3"/>
<published>2026-11-19T08:00:00+05:00</published></entry></feed>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&x;</title><link>https://news.kg/a/4.html</link></item></channel></rss>"""
LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.kg/a/5.html&d;</loc></url></urlset>"""
INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.kg/sitemap_1_news.xml</loc><lastmod>2026-11-20</lastmod></sitemap>
<sitemap><loc>https://news.kg/sitemap_1_2.xml.gz</loc><lastmod>2024-01-01</lastmod></sitemap></sitemapindex>"""
NEWS = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://news.kg/a/6.html</loc>
<news:news><news:publication><news:name>N</news:name><news:language>ky</news:language></news:publication>
<news:publication_date>2026-11-18T10:14:00+06:00</news:publication_date><news:title>Six</news:title></news:news>
</url><url><loc>https://news.kg/a/7.html</loc><lastmod>2025-05-01</lastmod></url></urlset>"""


def test_rss_items_with_dates() -> None:
    links = parse_feed(RSS)
    assert [link.url for link in links] == ["https://news.kg/a/1.html", "https://news.kg/a/2.html"]
    assert links[0].published == datetime(2026, 11, 18, 4, 14, tzinfo=UTC)
    assert links[1].published is not None and links[1].published.year == 2025


def test_atom_alternate_link_only() -> None:
    links = parse_feed(ATOM)
    assert [link.url for link in links] == ["https://news.kg/a/3.html"]
    assert links[0].published is not None and links[0].published.utcoffset().total_seconds() == 5 * 3600


def test_hostile_xml_reads_no_file_and_does_not_blow_up() -> None:
    links = parse_feed(XXE)
    assert links and links[0].url == "https://news.kg/a/4.html"
    assert "root:" not in (links[0].title or "")
    page = parse_sitemap(LAUGHS)
    assert all(len(link.url) < 200 for link in page.links)


def test_garbage_is_empty_not_an_error() -> None:
    assert parse_feed(b"<html><body>not a feed") == []
    assert parse_feed(b"") == []
    assert parse_sitemap(b"\x00\x01").links == []


def test_sitemap_index_and_google_news() -> None:
    index = parse_sitemap(INDEX)
    assert index.kind == "index"
    assert [s.url for s in index.sitemaps][0].endswith("sitemap_1_news.xml")
    news = parse_sitemap(NEWS)
    assert news.kind == "urlset"
    first, second = news.links
    assert first.title == "Six" and first.language == "ky"
    assert first.published == datetime(2026, 11, 18, 4, 14, tzinfo=UTC)
    assert second.published is not None and second.published.date() == date(2025, 5, 1)


def test_since_filter_keeps_undated() -> None:
    since = date(2026, 1, 1)
    assert is_recent(None, since)
    assert not is_recent(parse_datetime("2025-12-31T23:00:00Z"), since)
    assert is_recent(parse_datetime("2026-01-01"), since)
    assert parse_datetime("2021-09-01 14:50:49Z") == datetime(2021, 9, 1, 14, 50, 49, tzinfo=UTC)
    assert parse_datetime("not a date") is None


def test_article_url_rules() -> None:
    assert is_article_url("https://news.kg/a/1.html", SOURCE)
    assert is_article_url("https://ky.news.kg/a/1.html", SOURCE)
    assert not is_article_url("https://news.kg/tag/x/", SOURCE)
    assert not is_article_url("https://other.kg/a/1.html", SOURCE)
    assert not is_article_url("mailto:x@news.kg", SOURCE)


def test_listing_links_and_pagination() -> None:
    html = b"""<html><body><div class="list"><a href="/a/1.html">1</a><a href="/a/1.html#c">1 again</a>
    <a href="/a/2.html">2</a><a href="/tag/x/">tag</a></div><a href="https://other.kg/a/9.html">ext</a>
    <a rel="next" href="/page/2/">next</a></body></html>"""
    response = HtmlResponse("https://news.kg/", body=html, encoding="utf-8")
    links = listing_links(response, SOURCE, Listing("https://news.kg/", link_selector="div.list a"))
    assert [link.url for link in links] == ["https://news.kg/a/1.html", "https://news.kg/a/2.html"]
    assert next_pages(response, Listing("https://news.kg/", max_pages=3), 1) == ["https://news.kg/page/2/"]
    templated = Listing("https://news.kg/", page_url="https://news.kg/?page={page}", first_page=1, max_pages=3)
    assert next_pages(response, templated, 1) == ["https://news.kg/?page=1"]
    assert next_pages(response, templated, 2) == ["https://news.kg/?page=2"]
    assert next_pages(response, templated, 3) == []
