"""One page to a raw Article: metadata layers, per-source selectors, then the generic body extractor."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.body import (
    css,
    element_text,
    generic_body,
    select_first,
    selector_body,
    unwrap_inline_links,
)
from crawler.extraction.bylines import find_authors
from crawler.extraction.container import TextCache, container_paragraphs, covers, recover_missing
from crawler.extraction.dates import extract_dates
from crawler.extraction.edges import drop_bylines, find_lead, trim_head, with_lead
from crawler.extraction.hydration import MIN_TEXT, hydration_paragraphs
from crawler.extraction.metadata import Metadata, extract_metadata, ld_list, ld_text
from crawler.extraction.parsing import parse_html
from crawler.extraction.titles import choose, title_candidates
from crawler.items import Article
from crawler.sources.base import Source
from crawler.text.boilerplate import prune_furniture
from crawler.urls import canonicalize, same_site, url_id

META_TAGS_XPATH = etree.XPath('//meta[@property="article:tag" or @name="article:tag"]/@content')
BASE_HREF_XPATH = etree.XPath("//base/@href")
LINK_TEXT_XPATH = etree.XPath("//a//text()", smart_strings=False)  # lengths only: plain strings
# the length of an element's text without building it: text_content() of a 2 MB page is a +13 MiB, 9 ms
# transient (libxml2 buffer, then the Python str), string-length() +3 MiB and 2 ms
TEXT_LENGTH_XPATH = etree.XPath("string-length(.)")
HYDRATION_BELOW = MIN_TEXT  # characters: a body this short is looked for in the page's hydration data
LD_BODY_RATIO = 1.3  # JSON-LD articleBody replaces the extracted body when this much longer


def _absolute(value: str | None, base: str) -> str | None:
    """A URL from the page made absolute. Only the few URLs a record keeps are resolved: rewriting every
    link of the tree cost more than a third of the extraction time."""
    if not value:
        return None
    try:
        return urljoin(base, value.strip())
    except ValueError:
        return None


def _tags(doc: HtmlElement, md: Metadata, source: Source) -> list[str]:
    if source.selectors.tags:
        found = [element_text(el) for el in css(source.selectors.tags)(doc)]
    else:
        found = ld_list(md.article.get("keywords")) or [t.strip() for t in META_TAGS_XPATH(doc)]
        if not found and (keywords := md.meta.get("news_keywords") or md.meta.get("keywords")):
            found = [k.strip() for k in keywords.split(",")]
    return list(dict.fromkeys(t.lstrip("#").strip() for t in found if t and t.strip() and len(t) < 80))


def _description(doc: HtmlElement, md: Metadata, source: Source) -> str | None:
    if (el := select_first(doc, source.selectors.lead)) is not None and element_text(el):
        return element_text(el)
    for value in (ld_text(md.article.get("description")), md.meta.get("og:description"),
                  md.meta.get("description"), md.meta.get("twitter:description")):
        if value:
            return " ".join(value.split())
    return None


def _section(doc: HtmlElement, md: Metadata, source: Source) -> str | None:
    if (el := select_first(doc, source.selectors.section)) is not None and element_text(el):
        return element_text(el)
    return ld_text(md.article.get("articleSection")) or md.meta.get("article:section")


def _image(md: Metadata, base: str) -> str | None:
    image = md.article.get("image") or md.article.get("thumbnailUrl")
    if isinstance(image, list):
        image = image[0] if image else None
    if isinstance(image, dict):
        image = image.get("url") or image.get("contentUrl")
    found = (image if isinstance(image, str) else None) or md.meta.get("og:image") or md.meta.get("twitter:image")
    return _absolute(found, base)


def _canonical(url: str, md: Metadata, source: Source, base: str) -> str:
    """rel=canonical or og:url when they point inside the same source, else the fetched URL."""
    for candidate in (_absolute(md.canonical, base), _absolute(md.meta.get("og:url"), base)):
        if candidate and candidate.startswith(("http://", "https://")) and same_site(candidate, url):
            url = candidate
            break
    return canonicalize(url, extra_params=source.tracking_params,
                        trailing_slash_equivalent=source.trailing_slash_equivalent)


def _signals(doc: HtmlElement, md: Metadata, source: Source, url: str) -> dict[str, Any]:
    """Evidence of the page's type, read before pruning changes the tree."""
    links = len("".join(LINK_TEXT_XPATH(doc)))
    body = doc.find("body")
    text = int(TEXT_LENGTH_XPATH(body)) if body is not None else 0
    return {
        "ld_article": bool(md.ld) and md.ld[0].get("@type") not in ("WebPage", ["WebPage"]),
        "og_type": (md.meta.get("og:type") or "").lower() or None,
        "url_matches": any(re.search(p, url) for p in source.article_patterns) if source.article_patterns else None,
        "link_density": round(links / text, 3) if text else 0.0,
        "html_lang": md.html_lang,
        "declared_language": ld_text(md.article.get("inLanguage")) or md.meta.get("og:locale") or md.html_lang,
    }


def _body(doc: HtmlElement, md: Metadata, source: Source, url: str, titles: list[str],
          authors: list[str]) -> list[str]:
    """Paragraphs: the per-source selector's, else the generic extractor's, with header and byline lines
    removed and (without a selector) the standfirst added. Prunes `doc`."""
    lead = None if source.selectors.body else find_lead(doc, md)
    removals = [css(s) for s in source.boilerplate.remove]
    prune_furniture(doc, removals)
    paragraphs = selector_body(doc, source.selectors.body) or _generic_paragraphs(doc, md, titles)
    return with_lead(drop_bylines(trim_head(paragraphs, titles, authors), authors), lead)


def _generic_paragraphs(doc: HtmlElement, md: Metadata, titles: list[str]) -> list[str]:
    """trafilatura's paragraphs on the pruned tree, with the container's missing ones put back (or JSON-LD
    articleBody when much longer; or, when the markup holds almost no text, the article's HTML in the
    page's hydration data)."""
    ld_body = ld_text(md.article.get("articleBody"))
    unwrap_inline_links(doc)
    container = container_paragraphs(doc)
    # trafilatura's comparison with readability/jusText is ~40% of its time: run it only when the fast
    # extraction misses part of the article's own container (trafilatura works on a copy: `doc` is as pruned)
    paragraphs = generic_body(doc, fast=True)
    texts = TextCache()
    if not covers(paragraphs, container, texts):
        paragraphs = generic_body(doc)
    paragraphs = recover_missing(paragraphs, container, texts)
    if ld_body and len(ld_body) > LD_BODY_RATIO * sum(len(p) for p in paragraphs) and "\n" in ld_body:
        paragraphs = [" ".join(p.split()) for p in ld_body.split("\n") if p.strip()]
    if sum(len(p) for p in paragraphs) < HYDRATION_BELOW:
        paragraphs = hydration_paragraphs(doc, titles) or paragraphs
    return paragraphs


def parse_page(text: str, url: str, source: Source, fetched_at: datetime | None = None) -> Article:
    """The raw record of a page: fields as the page states them, body pruned of page furniture but not yet
    cleaned paragraph by paragraph (that is `crawler.text.clean.clean_article`)."""
    doc = parse_html(text)
    base = _absolute(next(iter(BASE_HREF_XPATH(doc)), None), url) or url
    md = extract_metadata(doc)
    published, modified = extract_dates(doc, url, ld=md.ld, tz=source.timezone, languages=source.languages,
                                        selector=source.selectors.published)
    candidates = title_candidates(doc, md, source, url)
    title = choose(candidates)
    authors = find_authors(doc, md, source, url)
    article = Article(
        id="", url=url, canonical_url=_canonical(url, md, source, base), source=source.key, title=title,
        description=_description(doc, md, source), authors=authors,
        published_at=published.isoformat() if published else None,
        modified_at=modified.isoformat() if modified else None,
        fetched_at=(fetched_at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds"),
        section=_section(doc, md, source), tags=_tags(doc, md, source), image_url=_image(md, base),
        alternates={lang: href for lang, raw in md.alternates.items()
                    if (href := _absolute(raw, base)) and href != url},
    )
    article.id = url_id(article.canonical_url)
    article.signals = _signals(doc, md, source, url)
    titles = [c.text for c in candidates] + [h for h in md.h1[:2]]
    paragraphs = _body(doc, md, source, url, titles, authors)
    article.body = "\n\n".join(paragraphs)
    article.signals["paragraphs"] = len(paragraphs)
    return article
