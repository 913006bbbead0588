"""The registry-driven spider: feeds, sitemaps and listings of every selected source to articles."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.misc import load_object

from crawler import sources as registry
from crawler.discovery import DiscoveredLink, is_article_url, listing_links, parse_feed, parse_sitemap
from crawler.discovery.links import is_recent
from crawler.discovery.listings import next_pages
from crawler.sources.base import Listing, Source
from crawler.spiders.base import SOURCE_META, ArticleSpider

EXTRA_KEY = "extra"  # `-a sources=extra` selects every NEWS_EXTRA_SOURCES source


def extra_sources(settings: BaseSettings) -> dict[str, Source]:
    """NEWS_EXTRA_SOURCES: import path of Source objects, or of a callable of the settings returning them
    (sources made at run time, e.g. by the benchmark's local mirror). They are selected by key or `extra`."""
    path = settings.get("NEWS_EXTRA_SOURCES")
    if not path:
        return {}
    loaded = load_object(path)
    found = loaded(settings) if callable(loaded) else loaded
    extra = {s.key: s for s in found}
    clash = sorted(extra.keys() & registry.REGISTRY.keys())
    if clash:
        raise ValueError(f"NEWS_EXTRA_SOURCES reuses registry keys {clash}")
    return extra


def select_sources(keys: str | None, country: str | None, extra: dict[str, Source]) -> list[Source]:
    """`registry.select`, where `keys` may also name extra sources; extra ones are never chosen implicitly."""
    wanted = [k.strip() for k in (keys or "").split(",") if k.strip()]
    if not extra or not wanted:
        return registry.select(keys, country)
    chosen: list[Source] = []
    for key in wanted:
        if key == EXTRA_KEY:
            chosen += extra.values()
        elif key in extra:
            chosen.append(extra[key])
    rest = ",".join(k for k in wanted if k != EXTRA_KEY and k not in extra)
    if country:
        code = country.strip() if country.strip() == "intl" else country.strip().upper()
        chosen = [s for s in chosen if s.country == code]
    return list(dict.fromkeys(chosen + (registry.select(rest, country) if rest else [])))


class NewsSpider(ArticleSpider):
    """`scrapy crawl news [-a sources=KEY,KEY] [-a country=KG] [-a since=YYYY-MM-DD] [-a refresh=1]`."""

    name = "news"

    def __init__(self, sources: str | None = None, country: str | None = None, since: str | None = None,
                 refresh: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source_keys = sources
        self.country = country
        self.since = date.fromisoformat(since) if since else None
        self.refresh = refresh not in (None, "", "0", "false", "no")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        demo_url = crawler.settings.get("NEWS_DEMO_URL")
        selected = select_sources(spider.source_keys, spider.country, extra_sources(crawler.settings))
        if not selected:
            raise ValueError(f"no source matches sources={spider.source_keys!r} country={spider.country!r}")
        spider.sources = {s.key: registry.resolve_demo(s, demo_url) for s in selected}
        slots = dict(crawler.settings.getdict("DOWNLOAD_SLOTS"))
        for source in spider.sources.values():
            slots.setdefault(f"source:{source.key}", {"delay": source.politeness.delay,
                                                      "concurrency": source.politeness.concurrency})
        crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for source in self.sources.values():
            kwargs = self.request_kwargs(source)
            for feed in source.feeds:
                yield scrapy.Request(feed.url, self.parse_feed, meta=self.source_meta(source), **kwargs)
            for sitemap in source.sitemaps:
                yield scrapy.Request(sitemap.url, self.parse_sitemap, meta=self.source_meta(source), **kwargs)
            for listing in source.listings:
                yield scrapy.Request(listing.url, self.parse_listing, meta=self.source_meta(source), **kwargs,
                                     cb_kwargs={"listing": listing, "depth": 1})

    def _source(self, response: Response) -> Source:
        return self.sources[response.meta[SOURCE_META]]

    def _articles(self, links: list[DiscoveredLink], source: Source, route: str) -> Any:
        for link in links:
            if not is_article_url(link.url, source):
                self.crawler.stats.inc_value(f"news/discovery/{route}/not_article")
            elif not is_recent(link.published, self.since):
                self.crawler.stats.inc_value(f"news/discovery/{route}/too_old")
            else:
                self.crawler.stats.inc_value(f"news/discovery/{route}/articles")
                yield self.article_request(link.url, source, refresh=self.refresh)

    def parse_feed(self, response: Response) -> Any:
        yield from self._articles(parse_feed(response.body), self._source(response), "feed")

    def parse_sitemap(self, response: Response) -> Any:
        source = self._source(response)
        body = response.body
        if gzip_magic_number(response):
            max_size = self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
            try:
                body = gunzip(body, max_size=max_size)
            except Exception:  # a corrupt or oversized (bomb) archive: count and move on
                self.crawler.stats.inc_value("news/discovery/sitemap/unreadable")
                self.logger.warning("Unreadable or oversized gzipped sitemap %s", response.url)
                return
        page = parse_sitemap(body)
        for child in page.sitemaps:
            if is_recent(child.published, self.since):
                yield scrapy.Request(child.url, self.parse_sitemap, meta=self.source_meta(source),
                                     **self.request_kwargs(source))
        yield from self._articles(page.links, source, "sitemap")

    def parse_listing(self, response: Response, listing: Listing, depth: int) -> Any:
        source = self._source(response)
        if not hasattr(response, "css"):
            return
        yield from self._articles(listing_links(response, source, listing), source, "listing")
        for url in next_pages(response, listing, depth):
            yield scrapy.Request(url, self.parse_listing, meta=self.source_meta(source), **self.request_kwargs(source),
                                 cb_kwargs={"listing": listing, "depth": depth + 1})
