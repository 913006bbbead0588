"""Article body as a list of paragraphs: per-source selectors first, trafilatura as the fallback."""

from __future__ import annotations

from functools import lru_cache

import trafilatura
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd", "dt"})
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "ul", "ol", "dl", "figure", "header", "footer",
                            "aside", "table", "tbody", "tr", "td", "th", "span", "center", "font"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "button", "form", "select",
                       "input", "textarea", "nav", "object", "embed", "video", "audio", "canvas", "math"})
TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": True, "favor_precision": False,
                       "deduplicate": False, "with_metadata": False, "output_format": "txt"}


@lru_cache(maxsize=256)
def css(selector: str) -> CSSSelector:
    """Compiled CSS selector (cached: per-source selectors are declared as strings)."""
    return CSSSelector(selector, translator="html")


def select_first(doc: HtmlElement, selector: str | None) -> HtmlElement | None:
    if not selector:
        return None
    found = css(selector)(doc)
    return found[0] if found else None


def element_text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


BREAK = "\u2028"  # a <br>, kept apart from newlines in the HTML source


def _inline_text(el: etree._Element) -> str:
    """Text of an element with source newlines as spaces and <br> as BREAK."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in SKIP_TAGS:
            return
        if node.tag == "br":
            parts.append(BREAK)
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts).replace("\n", " ")


def paragraphs_of(container: HtmlElement) -> list[str]:
    """Block-level texts of an element in document order; loose text between blocks becomes paragraphs."""
    out: list[str] = []
    loose: list[str] = []

    def flush() -> None:
        text = "".join(loose).replace("\n", " ")
        loose.clear()
        for line in text.split(BREAK):
            if line.strip():
                out.append(" ".join(line.split()))

    def walk(node: etree._Element) -> None:
        if node.text and node is not container:
            loose.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else None
            if tag is None or tag in SKIP_TAGS:
                pass
            elif tag in BLOCK_TAGS:
                flush()
                for line in _inline_text(child).split(BREAK):
                    if line.strip():
                        out.append(" ".join(line.split()))
            elif tag in CONTAINER_TAGS:
                flush()
                walk(child)
                flush()
            elif tag == "br":
                loose.append(BREAK)
            else:
                loose.append(_inline_text(child))
            if child.tail:
                loose.append(child.tail)

    if container.text:
        loose.append(container.text)
    walk(container)
    flush()
    return out


def selector_body(doc: HtmlElement, selector: str | None) -> list[str]:
    """Paragraphs of every element matched by a per-source body selector (several, e.g. split bodies)."""
    if not selector:
        return []
    paragraphs: list[str] = []
    for el in css(selector)(doc):
        paragraphs += paragraphs_of(el)
    return paragraphs


def generic_body(doc: HtmlElement, url: str | None = None) -> list[str]:
    """Paragraphs found by trafilatura. It rewrites the tree, so this must be the last reader of `doc`."""
    text = trafilatura.extract(doc, url=url, **TRAFILATURA_OPTIONS)
    if not text:
        return []
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
