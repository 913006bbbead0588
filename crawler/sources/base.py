"""Typed declarations of a news source: what to crawl and how, never code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Country = Literal["KZ", "KG", "TJ", "TM", "UZ", "intl"]
Scope = Literal["regional", "international"]
Render = Literal["none", "splash", "browser"]
SitemapKind = Literal["auto", "index", "urlset", "news"]

COUNTRIES: tuple[str, ...] = ("KZ", "KG", "TJ", "TM", "UZ", "intl")
DEMO_BASE = "{demo}"  # placeholder in demo sources' URLs, replaced by NEWS_DEMO_URL


@dataclass(frozen=True)
class Feed:
    """An RSS or Atom feed."""

    url: str
    language: str | None = None  # the language edition it serves; None = several or unknown


@dataclass(frozen=True)
class Sitemap:
    """A sitemap, sitemap index or Google News sitemap (`auto` detects which)."""

    url: str
    kind: SitemapKind = "auto"
    language: str | None = None  # the language edition it serves; None = several or unknown


@dataclass(frozen=True)
class Listing:
    """A listing page; `page_url` is a template with `{page}` for pagination."""

    url: str
    page_url: str | None = None
    first_page: int = 2
    max_pages: int = 3
    link_selector: str | None = None  # CSS selector of article links; None = every link
    language: str | None = None  # the language edition it serves; None = several or unknown


@dataclass(frozen=True)
class Selectors:
    """Per-source CSS selectors, tried before generic extraction."""

    title: str | None = None
    body: str | None = None
    lead: str | None = None
    authors: str | None = None
    published: str | None = None  # element text or its datetime/content attribute
    section: str | None = None
    tags: str | None = None


@dataclass(frozen=True)
class Boilerplate:
    """Per-source cleaning rules on top of the generic ones."""

    remove: tuple[str, ...] = ()  # CSS selectors removed from the page before extraction
    phrases: tuple[str, ...] = ()  # a paragraph starting with one of these is dropped
    cut_after: tuple[str, ...] = ()  # everything from a paragraph starting with one is dropped


@dataclass(frozen=True)
class Politeness:
    """Per-source crawl manners."""

    delay: float = 1.0
    concurrency: int = 2
    user_agent: str | None = None  # e.g. a feed-reader UA for feeds that demand one


@dataclass(frozen=True)
class Source:
    """One outlet (or one language edition of it)."""

    key: str
    name: str
    country: Country
    languages: tuple[str, ...]
    timezone: str
    scope: Scope
    base_url: str
    domains: tuple[str, ...] = ()  # extra hosts of the outlet (language subdomains, mobile)
    feeds: tuple[Feed, ...] = ()
    sitemaps: tuple[Sitemap, ...] = ()
    listings: tuple[Listing, ...] = ()
    article_patterns: tuple[str, ...] = ()  # regexes searched in the URL; empty = any URL
    selectors: Selectors = field(default_factory=Selectors)
    boilerplate: Boilerplate = field(default_factory=Boilerplate)
    politeness: Politeness = field(default_factory=Politeness)
    render: Render = "none"
    trailing_slash_equivalent: bool = True
    tracking_params: tuple[str, ...] = ()  # extra query parameters to strip
    verified: bool = False  # True once a live `scrapy sources check` passed
    notes: str = ""

    def __post_init__(self) -> None:
        if self.country not in COUNTRIES:
            raise ValueError(f"source {self.key}: unknown country {self.country!r}")
        if self.scope not in ("regional", "international"):
            raise ValueError(f"source {self.key}: unknown scope {self.scope!r}")
        if not self.languages:
            raise ValueError(f"source {self.key}: no languages")
        for pattern in self.article_patterns:
            re.compile(pattern)

    @property
    def is_demo(self) -> bool:
        return self.base_url.startswith(DEMO_BASE)
