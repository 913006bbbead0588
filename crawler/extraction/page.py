"""One page to a raw Article: metadata layers, per-source selectors, then the generic body extractor."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.authors import ld_author_names, normalize_authors
from crawler.extraction.body import css, element_text, generic_body, select_first, selector_body
from crawler.extraction.dates import extract_dates
from crawler.extraction.metadata import Metadata, extract_metadata, ld_list, ld_text
from crawler.items import Article
from crawler.sources.base import Source
from crawler.text.boilerplate import prune_furniture
from crawler.urls import canonicalize, same_site, url_id

TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|•|·|»)\s+")
ARTICLE_OG_TYPES = frozenset({"article", "news", "newsarticle", "blog", "blogposting"})
META_TAGS_XPATH = etree.XPath('//meta[@property="article:tag" or @name="article:tag"]/@content')
AUTHOR_META = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl", "twitter:creator")
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)


def parse_html(text: str) -> HtmlElement:
    """A tolerant lxml tree; control characters (NUL included) and XML declarations removed first."""
    text = CONTROL_CHARS.sub("", text)
    if text.lstrip()[:5].lower() == "<?xml":
        text = text.split("?>", 1)[-1]
    try:
        doc = lxml.html.document_fromstring(text or "<html></html>", parser=PARSER)
    except (etree.ParserError, ValueError):
        doc = lxml.html.document_fromstring("<html><body></body></html>", parser=PARSER)
    return doc


def _strip_site_name(title: str, site_names: set[str]) -> str:
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    kept = [p for p in parts if p.strip().casefold() not in site_names]
    if len(kept) == len(parts):
        # no part is the site's name: drop a short trailing part ("Title | Outlet")
        kept = parts[:-1] if len(parts[-1]) < 0.5 * len(parts[0]) else parts
    return " - ".join(kept).strip() or title


def pick_title(doc: HtmlElement, md: Metadata, source: Source) -> str | None:
    """Per-source selector, then the h1 that agrees with the metadata titles, then JSON-LD, OG, <title>."""
    if (el := select_first(doc, source.selectors.title)) is not None and element_text(el):
        return element_text(el)
    site_names = {n.casefold() for n in (md.meta.get("og:site_name"), source.name, source.key) if n}
    meta_titles = [t for t in (ld_text(md.article.get("headline")), md.meta.get("og:title"),
                               md.meta.get("twitter:title"), md.html_title) if t]
    for h1 in md.h1:
        folded = h1.casefold()
        if any(t.casefold().startswith(folded) or folded.startswith(t.casefold()) for t in meta_titles if len(h1) > 10):
            return h1
    headline = ld_text(md.article.get("headline")) or ld_text(md.article.get("name"))
    if headline:
        return headline
    for candidate in (md.meta.get("og:title"), md.meta.get("twitter:title")):
        if candidate:
            return _strip_site_name(candidate, site_names)
    if len(md.h1) == 1:
        return md.h1[0]
    return _strip_site_name(md.html_title, site_names) if md.html_title else None


def _authors(doc: HtmlElement, md: Metadata, source: Source) -> list[str]:
    if source.selectors.authors:
        found = [element_text(el) for el in css(source.selectors.authors)(doc)]
        if names := normalize_authors(found, source.name):
            return names
    for value in (md.article.get("author"), md.article.get("creator")):
        if value and (names := normalize_authors(ld_author_names(value), source.name)):
            return names
    raw = [md.meta[k] for k in AUTHOR_META if k in md.meta]
    if "author" in md.microdata:
        raw.append(md.microdata["author"])
    return normalize_authors(raw, source.name)


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


def _image(md: Metadata) -> str | None:
    image = md.article.get("image") or md.article.get("thumbnailUrl")
    if isinstance(image, list):
        image = image[0] if image else None
    if isinstance(image, dict):
        image = image.get("url") or image.get("contentUrl")
    return (image if isinstance(image, str) else None) or md.meta.get("og:image") or md.meta.get("twitter:image")


def _canonical(url: str, md: Metadata, source: Source) -> str:
    """rel=canonical or og:url when they point inside the same source, else the fetched URL."""
    for candidate in (md.canonical, md.meta.get("og:url")):
        if candidate and candidate.startswith(("http://", "https://")) and same_site(candidate, url):
            url = candidate
            break
    return canonicalize(url, extra_params=source.tracking_params,
                        trailing_slash_equivalent=source.trailing_slash_equivalent)


def _signals(doc: HtmlElement, md: Metadata, source: Source, url: str) -> dict[str, Any]:
    """Evidence of the page's type, read before pruning changes the tree."""
    links = sum(len(a.text_content()) for a in doc.iter("a"))
    body = doc.find("body")
    text = len(body.text_content()) if body is not None else 0
    return {
        "ld_article": bool(md.ld) and md.ld[0].get("@type") not in ("WebPage", ["WebPage"]),
        "og_type": (md.meta.get("og:type") or "").lower() or None,
        "url_matches": any(re.search(p, url) for p in source.article_patterns) if source.article_patterns else None,
        "link_density": round(links / text, 3) if text else 0.0,
        "html_lang": md.html_lang,
        "declared_language": ld_text(md.article.get("inLanguage")) or md.meta.get("og:locale") or md.html_lang,
    }


def parse_page(text: str, url: str, source: Source, fetched_at: datetime | None = None) -> Article:
    """The raw record of a page: fields as the page states them, body pruned of page furniture but not yet
    cleaned paragraph by paragraph (that is `crawler.text.clean.clean_article`)."""
    doc = parse_html(text)
    doc.make_links_absolute(url, resolve_base_href=True, handle_failures="discard")
    md = extract_metadata(doc)
    published, modified = extract_dates(doc, url, ld=md.ld, tz=source.timezone, languages=source.languages,
                                        selector=source.selectors.published)
    title = pick_title(doc, md, source)
    article = Article(
        id="", url=url, canonical_url=_canonical(url, md, source), source=source.key, title=title,
        description=_description(doc, md, source), authors=_authors(doc, md, source),
        published_at=published.isoformat() if published else None,
        modified_at=modified.isoformat() if modified else None,
        fetched_at=(fetched_at or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="seconds"),
        section=_section(doc, md, source), tags=_tags(doc, md, source), image_url=_image(md),
        alternates={lang: href for lang, href in md.alternates.items() if href != url},
    )
    article.id = url_id(article.canonical_url)
    article.signals = _signals(doc, md, source, url)
    prune_furniture(doc, [css(s) for s in source.boilerplate.remove])
    paragraphs = selector_body(doc, source.selectors.body)
    if not paragraphs:
        ld_body = ld_text(md.article.get("articleBody"))
        paragraphs = generic_body(doc, url)
        if ld_body and len(ld_body) > 1.3 * sum(len(p) for p in paragraphs) and "\n" in ld_body:
            paragraphs = [" ".join(p.split()) for p in ld_body.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    article.body = "\n\n".join(paragraphs)
    article.signals["paragraphs"] = len(paragraphs)
    return article
