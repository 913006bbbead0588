"""Listing pages (home, section, tag, archive) to article links and next pages."""

from __future__ import annotations

from scrapy.http import TextResponse

from crawler.discovery.links import DiscoveredLink, is_article_url
from crawler.sources.base import Listing, Source

NEXT_XPATH = '//link[@rel="next"]/@href | //a[@rel="next"]/@href'


def listing_links(response: TextResponse, source: Source, listing: Listing | None = None) -> list[DiscoveredLink]:
    """Article links of a listing page, in page order, without repeats."""
    selector = listing.link_selector if listing and listing.link_selector else "a"
    seen: dict[str, DiscoveredLink] = {}
    for anchor in response.css(selector):
        href = anchor.attrib.get("href") if anchor.root.tag == "a" else None
        hrefs = [href] if href else anchor.css("a::attr(href)").getall()
        for raw in hrefs:
            url = response.urljoin(raw.strip()).split("#", 1)[0]
            if url not in seen and is_article_url(url, source):
                seen[url] = DiscoveredLink(url=url)
    return list(seen.values())


def next_pages(response: TextResponse, listing: Listing, depth: int) -> list[str]:
    """The listing page after the `depth`-th one (1 = `listing.url`): the declared template (whose first
    extra page is numbered `first_page`), else the page's rel=next link; none past `max_pages`."""
    if depth >= listing.max_pages:
        return []
    if listing.page_url:
        return [listing.page_url.format(page=listing.first_page + depth - 1)]
    return [response.urljoin(h) for h in response.xpath(NEXT_XPATH).getall()[:1]]
