"""Discovery: feed, sitemap and listing responses to article links (pure functions)."""

from crawler.discovery.feeds import parse_feed
from crawler.discovery.links import DiscoveredLink, is_article_url
from crawler.discovery.listings import listing_links
from crawler.discovery.sitemaps import SitemapPage, parse_sitemap

__all__ = ["DiscoveredLink", "SitemapPage", "is_article_url", "listing_links", "parse_feed", "parse_sitemap"]
