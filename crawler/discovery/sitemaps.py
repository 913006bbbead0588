"""Sitemaps, sitemap indexes and Google News sitemaps to article links and child sitemaps."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from crawler.discovery.feeds import SAFE_XML
from crawler.discovery.links import DiscoveredLink, parse_datetime


@dataclass
class SitemapPage:
    """What one sitemap file lists."""

    kind: str  # "index" or "urlset"
    sitemaps: list[DiscoveredLink] = field(default_factory=list)  # children of an index, with lastmod
    links: list[DiscoveredLink] = field(default_factory=list)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _entry(node: etree._Element) -> DiscoveredLink | None:
    loc = lastmod = published = title = language = None
    for child in node.iter():
        name = _local(child.tag)
        text = (child.text or "").strip()
        if name == "loc" and loc is None:
            loc = text
        elif name == "lastmod":
            lastmod = text
        elif name == "publication_date":
            published = text
        elif name == "title" and title is None:
            title = text
        elif name == "language":
            language = text
    if not loc:
        return None
    return DiscoveredLink(url=loc, published=parse_datetime(published or lastmod), title=title or None,
                          language=language or None)


def parse_sitemap(body: bytes) -> SitemapPage:
    """A parsed sitemap (already gunzipped). Unreadable input gives an empty urlset."""
    try:
        root = etree.fromstring(body, parser=SAFE_XML)
    except (etree.XMLSyntaxError, ValueError):
        return SitemapPage(kind="urlset")
    if root is None:
        return SitemapPage(kind="urlset")
    if _local(root.tag) == "sitemapindex":
        children = [e for node in root if _local(node.tag) == "sitemap" and (e := _entry(node))]
        return SitemapPage(kind="index", sitemaps=children)
    links = [e for node in root if _local(node.tag) == "url" and (e := _entry(node))]
    return SitemapPage(kind="urlset", links=links)
