"""Page metadata from JSON-LD, Open Graph / meta tags and microdata, merged by trust."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
     "backgroundnewsarticle", "blogposting", "liveblogposting", "reviewnewsarticle", "scholarlyarticle",
     "techarticle", "report", "socialmediaposting", "advertisercontentarticle", "satiricalarticle",
     "askpublicnewsarticle", "webpage"}
)
JSONLD_XPATH = etree.XPath('//script[@type="application/ld+json"]/text()')
META_XPATH = etree.XPath("//meta[@content]")
CANONICAL_XPATH = etree.XPath('//link[@rel="canonical"]/@href')
ALTERNATE_XPATH = etree.XPath('//link[@rel="alternate"][@hreflang][@href]')
HTML_LANG_XPATH = etree.XPath("/html/@lang | /html/@xml:lang")
ITEMPROP_XPATH = etree.XPath("//*[@itemprop]")
TITLE_XPATH = etree.XPath("//title/text()")
H1_XPATH = etree.XPath("//h1")
JSON_COMMENTS = re.compile(r"^\s*<!--|-->\s*$|^\s*//.*$", re.M)
TRAILING_COMMA = re.compile(r",\s*([}\]])")


@dataclass
class Metadata:
    """What the page says about itself, before any guessing."""

    ld: list[dict[str, Any]] = field(default_factory=list)  # article-typed JSON-LD objects, best first
    ld_nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # every JSON-LD node with an @id, by id
    meta: dict[str, str] = field(default_factory=dict)  # meta name/property (lower-cased) -> content
    microdata: dict[str, str] = field(default_factory=dict)  # itemprop -> value (first seen)
    canonical: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)
    html_lang: str | None = None
    html_title: str | None = None
    h1: list[str] = field(default_factory=list)

    @property
    def article(self) -> dict[str, Any]:
        return self.ld[0] if self.ld else {}


def _load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        try:
            return json.loads(TRAILING_COMMA.sub(r"\1", JSON_COMMENTS.sub("", text)), strict=False)
        except ValueError:
            return None


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for child in node:
            yield from _walk(child)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(node.get(key), (list, dict)):
                yield from _walk(node[key])


def _types(obj: Mapping[str, Any]) -> set[str]:
    raw = obj.get("@type") or ()
    return {str(t).lower().rsplit("/", 1)[-1] for t in ([raw] if isinstance(raw, str) else raw)}


def _ld_rank(obj: Mapping[str, Any]) -> int:
    types = _types(obj)
    score = 0 if types & (ARTICLE_TYPES - {"webpage"}) else 2 if "webpage" in types else 3
    return score - (1 if obj.get("articleBody") or obj.get("headline") else 0)


def jsonld_objects(doc: HtmlElement) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Article-like JSON-LD objects of the page, the most article-like first; and every node by its @id
    (Yoast-style graphs name the author in a separate Person node that the article refers to)."""
    found = []
    nodes: dict[str, dict[str, Any]] = {}
    for text in JSONLD_XPATH(doc):
        for obj in _walk(_load_json(text)):
            if _types(obj) & ARTICLE_TYPES:
                found.append(obj)
            if isinstance(node_id := obj.get("@id"), str) and len(obj) > 1:
                nodes.setdefault(node_id, obj)
    return sorted(found, key=_ld_rank), nodes


def _meta_tags(doc: HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for el in META_XPATH(doc):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = (el.get("content") or "").strip()
        if key and content:
            tags.setdefault(key.strip().lower(), content)
    return tags


def _microdata(doc: HtmlElement) -> dict[str, str]:
    props: dict[str, str] = {}
    for el in ITEMPROP_XPATH(doc):
        name = el.get("itemprop", "").strip()
        if not name or name in props or el.tag == "meta":
            continue
        value = el.get("content") or el.get("datetime") or el.get("href") or el.get("src")
        if value is None and name in ("headline", "name", "author", "datePublished", "dateModified", "description"):
            value = " ".join(el.text_content().split())
        if value:
            props[name] = value.strip()
    return props


def extract_metadata(doc: HtmlElement) -> Metadata:
    """All metadata layers of a parsed page, unmerged."""
    alternates = {}
    for el in ALTERNATE_XPATH(doc):
        lang = el.get("hreflang", "").strip()
        if lang and lang.lower() != "x-default":
            alternates[lang] = el.get("href").strip()
    canonical = CANONICAL_XPATH(doc)
    lang = HTML_LANG_XPATH(doc)
    title = TITLE_XPATH(doc)
    ld, nodes = jsonld_objects(doc)
    return Metadata(
        ld=ld,
        ld_nodes=nodes,
        meta=_meta_tags(doc),
        microdata=_microdata(doc),
        canonical=canonical[0].strip() if canonical else None,
        alternates=alternates,
        html_lang=lang[0].strip() if lang else None,
        html_title=" ".join(title[0].split()) if title else None,
        h1=[t for el in H1_XPATH(doc) if (t := " ".join(el.text_content().split()))],
    )


def ld_text(value: Any) -> str | None:
    """A JSON-LD value as plain text (strings, {"name": ...}, or the first of a list)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("url") or value.get("@id")
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def ld_list(value: Any) -> list[str]:
    """A JSON-LD value that may be a list, a comma-separated string or objects with names."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, str) and "," in item:
            out += [p.strip() for p in item.split(",") if p.strip()]
        elif (text := ld_text(item)) is not None:
            out.append(text)
    return out
