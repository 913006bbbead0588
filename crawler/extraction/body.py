"""Article body as a list of paragraphs: per-source selectors first, trafilatura as the fallback."""

from __future__ import annotations

from functools import lru_cache

import trafilatura
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from crawler.extraction import stoplist

BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd", "dt"})
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "ul", "ol", "dl", "figure", "header", "footer",
                            "aside", "table", "tbody", "tr", "td", "th", "span", "center", "font"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "button", "form", "select",
                       "input", "textarea", "nav", "object", "embed", "video", "audio", "canvas", "math"})
# "xml" so that trafilatura hands back its tree unserialised: we read the links in it before making text.
# Links are kept to recognise teaser blocks (a paragraph that is one link to another story).
TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": True, "include_links": True,
                       "favor_precision": False, "deduplicate": False, "with_metadata": False, "output_format": "xml"}
OUTPUT_BLOCKS_XPATH = etree.XPath(".//p | .//head | .//item | .//quote")
OUTPUT_LINKS_XPATH = etree.XPath(".//ref")
LINKED_SHARE = 0.6  # a block whose text is at least this share of link text is a teaser, not prose...
LINKED_MAX_WORDS = 30  # ...unless it is longer than this (a paragraph of prose with a few links)
LIST_MARKER = "- "  # trafilatura's mark of a list item in text output
LOOSE_LINKS_XPATH = etree.XPath("//body//br/../a")  # links directly in an element that has <br> children
INLINE_TAGS = frozenset({"a", "span", "strong", "b", "em", "i", "font", "small", "u", "abbr"})  # markup inside a line

stoplist.install()


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


def unwrap_inline_links(doc: HtmlElement) -> None:
    """Links inside loose text (runs separated by <br> directly in a container) become plain text, in place.
    trafilatura, keeping links, loses such a link and the rest of its run ("Ein Blick in das
    Inhaltsverzeichnis (" and nothing of "PDF) zeigt aber: …"), or glues it to the word before ("DieCompliance").
    A link alone on its line (a teaser) has no text before it and is kept for `_teaser_blocks`."""
    inline = [a for a in LOOSE_LINKS_XPATH(doc) if _after_text(a)]
    for a in inline:
        a.drop_tag()


def _after_text(link: HtmlElement) -> bool:
    previous = link.getprevious()
    if previous is None:
        parent = link.getparent()
        return parent is not None and bool((parent.text or "").strip())
    return (previous.tag == "br" or previous.tag in INLINE_TAGS) and bool((previous.tail or "").strip())


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _teaser_blocks(body: etree._Element) -> set[str]:
    """Texts of output blocks made mostly of link text: "read more" teasers and link lists left in the body."""
    teasers: set[str] = set()
    for block in OUTPUT_BLOCKS_XPATH(body):
        links = OUTPUT_LINKS_XPATH(block)
        if not links:
            continue
        text = _collapse("".join(block.itertext()))
        if not text or len(text.split()) > LINKED_MAX_WORDS:
            continue
        linked = sum(len(_collapse("".join(link.itertext()))) for link in links)
        if linked >= LINKED_SHARE * len(text):
            teasers.add(text)
    return teasers


def generic_body(doc: HtmlElement, *, fast: bool = False) -> list[str]:
    """Paragraphs found by trafilatura, without blocks that are only links. `fast` skips its comparison with
    other extractors. trafilatura works on its own copy of `doc`, which is left as it was. No URL is passed
    on: trafilatura would only resolve every link against it, and links serve here to recognise teasers by
    their text, not their targets."""
    document = trafilatura.bare_extraction(doc, fast=fast, **TRAFILATURA_OPTIONS)
    body = getattr(document, "body", None)
    if body is None:
        return []
    teasers = _teaser_blocks(body)
    etree.strip_tags(body, "ref")  # the text output would otherwise render links as markdown
    paragraphs = []
    for line in xmltotxt(body, False).split("\n"):
        text = _collapse(line)
        if text and (text.removeprefix(LIST_MARKER) if text.startswith(LIST_MARKER) else text) not in teasers:
            paragraphs.append(text)
    return paragraphs
