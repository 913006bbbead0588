"""Publication and modification dates of an article page, from its metadata layers in order of trust."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from itertools import chain, islice
from typing import Any

from htmldate import find_date
from lxml import etree
from lxml.cssselect import CSSSelector, SelectorError
from lxml.html import HtmlElement

from crawler.extraction.dates_context import (
    MIN_PAGE_YEAR,
    Context,
    Parsed,
    make_context,
    on_page_day,
    plausible,
    with_stated_offset,
)
from crawler.extraction.dates_dom import (
    UPDATED_LABEL_RE,
    displayed_times,
    free_text_date,
    near_title_texts,
    time_candidates,
)
from crawler.extraction.dates_parse import find_time, parse_date, parse_with

__all__ = ["extract_dates", "parse_date"]

HTMLDATE_FALLBACK = True  # measured: +1 fundus, +9 trafilatura pages, +0 mediacloud; medians unchanged
HTMLDATE_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_NEAR_TEXTS = 12  # lines read around the title
MAX_SELECTED = 5  # elements of a source's date selector tried

LD_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
LD_MODIFIED = ("dateModified",)
# Meta names (lower case) by trust: specific article properties first, generic "date" last because some
# CMSs fill it with the render time.
META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "article:published:time", "article:published",
    "datepublished", "og:published_time", "published_time", "article_published_time", "publishdate",
    "publish-date", "publish_date", "pubdate", "dc.date.issued", "dcterms.issued", "dc.date.created",
    "dcterms.created", "datecreated", "sailthru.date", "parsely-pub-date", "article.published",
    "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime", "mediator_published_time",
    "citation_publication_date", "citation_date", "prism.publicationdate", "rnews:datepublished", "bt:pubdate",
    "pdate", "article.created", "publication_date", "release_date", "og:pubdate", "dc.date", "dcterms.date",
    "date", "created", "pub_date",
)
META_MODIFIED = (
    "article:modified_time", "og:article:modified_time", "article:modified:time", "article:modified",
    "datemodified", "og:updated_time", "og:modified_time", "modified_time", "dc.date.modified", "dcterms.modified",
    "article.updated", "dateupdated", "sailthru.lastmodified", "mediator_modified_time", "lastmod",
    "last-modified", "revised", "modified", "updated",
)
META_RANK = {name: rank for rank, name in enumerate(META_PUBLISHED)}
META_MODIFIED_RANK = {name: rank for rank, name in enumerate(META_MODIFIED)}
META_XPATH = etree.XPath("//meta[@content]")
TITLE_XPATH = etree.XPath("//title/text()")
ITEMPROP_XPATH = etree.XPath("//*[@itemprop]")
MICRODATA_PUBLISHED = frozenset({"datePublished", "dateCreated", "uploadDate"})
URL_YMD_RE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
URL_ISO_RE = re.compile(r"[/_-]((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
URL_COMPACT_RE = re.compile(r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
URL_DMY_RE = re.compile(r"[/_-](0?[1-9]|[12]\d|3[01])-(0?[1-9]|1[0-2])-((?:19|20)\d{2})(?=[/_.-]|$)")
URL_QUERY_RE = re.compile(r"[?&](?:date|day|dt|d)=([\d./-]{8,10})(?:&|$)")


def _values(el: HtmlElement) -> list[str]:
    """What an element says about a date: its machine-readable attributes, then its text."""
    attrs = [el.get(name) for name in ("datetime", "content", "data-datetime", "data-date", "title")]
    return [value for value in attrs if value and any(c.isdigit() for c in value)] + [el.text_content()]


def _first(values: Sequence[str], ctx: Context, need_year: bool) -> Parsed | None:
    for value in values:
        if parsed := plausible(parse_with(value, ctx), need_year=need_year):
            return parsed
    return None


def _ld_values(value: Any) -> Iterator[str]:
    """The strings of a JSON-LD date value: a string, {"@value": ...}, a list, or a Unix time."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        yield from _ld_values(value.get("@value"))
    elif isinstance(value, list):
        for item in value:
            yield from _ld_values(item)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield str(int(value))


def _from_ld(ld: Sequence[Mapping[str, Any]], keys: tuple[str, ...], ctx: Context) -> Parsed | None:
    for obj in ld:
        for key in keys:
            for text in _ld_values(obj.get(key)):
                if parsed := plausible(parse_with(text, ctx), need_year=True):
                    return parsed
    return None


@lru_cache(maxsize=256)
def _compiled(selector: str) -> CSSSelector | None:
    try:
        return CSSSelector(selector)
    except SelectorError:
        return None


def _from_selector(doc: HtmlElement, selector: str, ctx: Context) -> tuple[Parsed | None, str | None]:
    """The date of a per-source selector, plus the text found there (it may hold only a time)."""
    compiled = _compiled(selector)
    elements = compiled(doc)[:MAX_SELECTED] if compiled else []
    for el in elements:
        if parsed := _first(_values(el), ctx, need_year=False):
            return parsed, None
    return None, elements[0].text_content() if elements else None


def _from_meta(doc: HtmlElement, ctx: Context) -> tuple[list[Parsed], list[Parsed]]:
    """Published and modified candidates of the meta tags, most trusted first."""
    published: list[tuple[int, Parsed]] = []
    modified: list[tuple[int, Parsed]] = []
    for el in META_XPATH(doc):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower()
        rank, modified_rank = META_RANK.get(key.strip()), META_MODIFIED_RANK.get(key.strip())
        if rank is None and modified_rank is None:
            continue
        parsed = plausible(parse_with(el.get("content", ""), ctx), need_year=True)
        if parsed is None:
            continue
        if rank is not None:
            published.append((rank, parsed))
        else:
            modified.append((modified_rank or 0, parsed))
    published.sort(key=lambda pair: pair[0])
    modified.sort(key=lambda pair: pair[0])
    return [p for _, p in published], [p for _, p in modified]


def _from_microdata(doc: HtmlElement, ctx: Context) -> tuple[Parsed | None, Parsed | None]:
    """Published and modified dates of `itemprop` elements other than meta tags."""
    published = modified = None
    for el in ITEMPROP_XPATH(doc):
        prop = el.get("itemprop")
        if el.tag == "meta" or prop not in MICRODATA_PUBLISHED and prop != "dateModified":
            continue  # meta itemprops were read with the other meta tags
        parsed = _first(_values(el), ctx, need_year=True)
        if parsed is None:
            continue
        if prop == "dateModified":
            modified = modified or parsed
        else:
            published = published or parsed
    return published, modified


def _from_url(url: str, ctx: Context) -> Parsed | None:
    """The day in an article URL: /2021/09/01/, /2021-09-01/, /20210901/, /01-09-2021, ?date=01.09.2021."""
    for pattern in (URL_YMD_RE, URL_ISO_RE, URL_COMPACT_RE):
        if m := pattern.search(url):
            return plausible(parse_with("-".join(m.groups()), ctx))
    if m := URL_DMY_RE.search(url):
        return plausible(parse_with(".".join(m.groups()), ctx))
    if m := URL_QUERY_RE.search(url):
        return plausible(parse_with(m.group(1), ctx))
    return None


def _near_dates(doc: HtmlElement, ctx: Context) -> Iterator[Parsed | None]:
    """The dates of the lines near the title other than "Updated ..." ones, lazily (read only when needed)."""
    for text in islice(near_title_texts(doc), MAX_NEAR_TEXTS):
        if not UPDATED_LABEL_RE.search(text):
            yield plausible(parse_with(text, ctx))


def _visible(doc: HtmlElement, best: Parsed | None, layers: Sequence[Parsed | None], selected_text: str | None,
             ctx: Context) -> Parsed | None:
    """The date of the text near the title when no layer gave one, or a time for a date-only `best`: a timed
    candidate of the same day, else a lone time ("10:14", as on 24.kg) in a line that holds no date."""
    lone_times = [selected_text] if selected_text else []
    candidates = list(layers)
    fallback = None
    for text in islice(near_title_texts(doc), MAX_NEAR_TEXTS):
        if UPDATED_LABEL_RE.search(text):
            continue
        parsed = plausible(parse_with(text, ctx))
        if parsed is None:
            lone_times.append(text)
        elif best is None:
            if parsed.year_given:
                return parsed
            fallback = fallback or parsed  # a stated year beats one guessed from the clock
        else:
            candidates.append(parsed)
    best = best or fallback
    if best is None or best.has_time:
        return best
    day = best.when.date()
    for candidate in candidates:
        if candidate and candidate.has_time and candidate.when.date() == day:
            return candidate
    for text in lone_times:
        if clock := find_time(text.casefold()):
            hour, minute, second, zone = clock
            when = best.when.replace(hour=hour, minute=minute, second=second, tzinfo=zone or best.when.tzinfo)
            if when <= ctx.limit:
                return Parsed(when, True, zoned=zone is not None or best.zoned)
    return best


def _from_htmldate(doc: HtmlElement, url: str, ctx: Context) -> Parsed | None:
    """htmldate's own heuristics (JSON in scripts, date patterns in the markup) for pages none of our layers
    date; it copies the tree before pruning it. Its extensive search is left off: it runs dateparser over
    every locale and took 1.9 s on one page of the corpora."""
    found = find_date(doc, url=url, original_date=True, extensive_search=False, outputformat=HTMLDATE_FORMAT,
                      min_date=f"{MIN_PAGE_YEAR}-01-01", max_date=ctx.limit.strftime("%Y-%m-%d"))
    if not found or found.endswith("-01-01 00:00:00"):
        return None  # htmldate's guess from a lone year (a copyright line), not a publication date
    return plausible(parse_with(found.removesuffix(" 00:00:00"), ctx))


def extract_dates(doc: HtmlElement, url: str, *, ld: Sequence[Mapping[str, Any]] = (), tz: str | None = None,
                  languages: Sequence[str] = (), now: datetime | None = None,
                  selector: str | None = None) -> tuple[datetime | None, datetime | None]:
    """(published, modified) from, in order of trust: JSON-LD objects `ld` (already parsed dicts of the
    page's article; datePublished/dateCreated/uploadDate, dateModified), a per-source CSS `selector`
    (element text or its datetime/content attribute), meta tags (article:published_time,
    og:article:published_time, datePublished itemprop, pubdate, publishdate, date, DC.date.issued,
    sailthru.date, parsely-pub-date, article.published, ... and *modified* equivalents), microdata
    (`itemprop=datePublished` content/datetime), `<time datetime>` (prefer one inside the article/header,
    or with pubdate/published classes), URL patterns (/2021/09/01/, /20210901/, ?date=), then visible text
    near the title/byline. A time without a zone takes the offset another layer states for the same minute;
    a UTC instant is shown on the day the page's date-only values name (`on_page_day`: the instant is kept).
    Modified never earlier than published (drop it if so)."""
    ctx = make_context(tz=tz, languages=languages, now=now, dayfirst=None)
    selected, selected_text = _from_selector(doc, selector, ctx) if selector else (None, None)
    meta_published, meta_modified = _from_meta(doc, ctx)
    micro_published, micro_modified = _from_microdata(doc, ctx)
    time_published, time_modified = time_candidates(doc, ctx)
    layers: list[Parsed | None] = [_from_ld(ld, LD_PUBLISHED, ctx), selected, *meta_published, micro_published,
                                   time_published, _from_url(url, ctx)]
    published = next((p for p in layers if p), None)
    page_zone = None  # the offset of the page's own day, when a UTC instant was moved onto it
    if published is not None and published.has_time:
        published = with_stated_offset(published, layers)
        shown = chain(displayed_times(doc, ctx, published.when), _near_dates(doc, ctx))
        if (on_day := on_page_day(published, layers, shown)) is not published:
            published, page_zone = on_day, on_day.when.tzinfo
    if published is None or not published.has_time:
        published = _visible(doc, published, layers, selected_text, ctx)
    if published is None and (title := TITLE_XPATH(doc)):
        published = plausible(parse_with(title[0], ctx))  # "... | DW | 28.04.2023"
        published = published if published and published.year_given else None
    modified = next((m for m in (_from_ld(ld, LD_MODIFIED, ctx), *meta_modified, micro_modified, time_modified)
                     if m), None)
    if published is None:  # a page stating only when it was updated was published by then
        published = modified
    if published is None and HTMLDATE_FALLBACK:
        published = _from_htmldate(doc, url, ctx)
    if published is None:
        published = free_text_date(doc, ctx)
    modified_at = modified.when if modified else None
    if page_zone is not None and modified_at is not None and not modified_at.utcoffset():
        modified_at = modified_at.astimezone(page_zone)  # the same instant, in the offset the published one got
    if published is not None and modified_at is not None and modified_at < published.when:
        modified_at = None
    return (published.when if published else None), modified_at
