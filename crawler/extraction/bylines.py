"""Who wrote the article, layer by layer: per-source selector, JSON-LD, meta tags, then byline markup."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.authors import ld_author_names, normalize_authors
from crawler.extraction.body import css, element_text
from crawler.extraction.metadata import Metadata, ld_text
from crawler.extraction.titles import host_labels
from crawler.sources.base import Source

AUTHOR_META = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl")
# Byline markup: rel=author links and itemprop=author say "author" in a standard way; classes naming a
# byline or an author are a convention, with more noise (dates, roles, buttons) in the same element.
# contains() on the raw attribute runs in libxml2; "uthor"/"yline" match either case of the first letter.
STRICT_BYLINE_XPATH = etree.XPath("//a[contains(@rel, 'author')] | //*[contains(@itemprop, 'author')]")
CLASS_BYLINE_XPATH = etree.XPath(
    "//*[contains(@class, 'yline') or contains(@class, 'YLINE') or contains(@class, 'uthor') "
    "or contains(@class, 'UTHOR') or contains(@class, 'utor')]"
)
TEXT_XPATH = etree.XPath(".//text()[not(ancestor::script) and not(ancestor::style)]")
ITEMPROP_NAME_XPATH = etree.XPath(".//*[@itemprop='name']")
# An element or an ancestor with one of these in its class or id is not the article's byline: the authors
# of comments, quotes, photos, teasers of other stories, or a biography box.
NOT_BYLINE = ("comment", "quote", "image", "photo", "caption", "credit", "bio", "avatar", "teaser", "related",
              "recommend", "popular", "trending", "most-read", "sidebar", "widget", "footer", "card")
NOT_BYLINE_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "footer", "blockquote", "script", "style",
                             "noscript", "meta", "link", "head", "time"})
MAX_BYLINE_CHARS = 160  # a longer element is a biography or a whole article header, not a byline
MAX_BYLINES = 6  # byline elements read before giving up (the first ones on the page are the article's)
ANCESTOR_DEPTH = 8


def _excluded(el: HtmlElement) -> bool:
    """Whether the element, or an ancestor up to the article, is a caption, comment, teaser or the like."""
    node: HtmlElement | None = el
    depth = 0
    while node is not None and depth < ANCESTOR_DEPTH:
        if not isinstance(node.tag, str) or node.tag in NOT_BYLINE_TAGS:
            return True
        if node.tag in ("body", "article", "main"):
            return False
        marks = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if any(word in marks for word in NOT_BYLINE):
            return True
        node = node.getparent()
        depth += 1
    return False


def _pieces(el: HtmlElement) -> list[str]:
    """Text pieces of a byline element: separate text nodes stay separate ("Sophie Foster" | "Reporter")."""
    if el.tag == "meta":
        return [el.get("content", "")]
    names = ITEMPROP_NAME_XPATH(el)
    if names:
        return [n.get("content") or element_text(n) for n in names]
    return [piece for text in TEXT_XPATH(el) if (piece := " ".join(text.split()))]


def byline_authors(doc: HtmlElement, outlets: Iterable[str | None], xpath: etree.XPath, *,
                   every: bool = False) -> list[str]:
    """Names in the first byline element of the page that has any (outside comments, captions and teasers);
    with `every`, the names of all of the first byline elements (one rel=author link per author)."""
    outlets = list(outlets)
    seen = 0
    found: list[str] = []
    scope: HtmlElement | None = None  # the byline block: the others must sit in it, not in a teaser list
    for el in xpath(doc):
        if el.tag == "meta" or _excluded(el):
            continue
        if scope is not None and not any(a is scope for a in el.iterancestors()):
            continue
        text = element_text(el)
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        seen += 1
        names = normalize_authors(_pieces(el), outlets=outlets, structured=False)
        if names and scope is None:
            parent = el.getparent()
            scope = parent.getparent() if parent is not None else None
            if scope is None:
                scope = parent
        found += [n for n in names if n not in found]
        if (found and not every) or seen >= MAX_BYLINES:
            break
    return found


def find_authors(doc: HtmlElement, md: Metadata, source: Source, url: str) -> list[str]:
    """The article's authors: the first layer that names someone (selector, JSON-LD, meta tags, byline
    markup). Standard byline markup naming more people than the metadata, all of the metadata's among them,
    wins: metadata often lists the first author only."""
    outlets = [source.name, source.key, md.meta.get("og:site_name"), ld_text(md.article.get("publisher")),
               *host_labels(url)]
    if source.selectors.authors:
        found = [element_text(el) for el in css(source.selectors.authors)(doc)]
        if names := normalize_authors(found, outlets=outlets, structured=False):
            return names
    names: list[str] = []
    for value in (md.article.get("author"), md.article.get("creator")):
        if value and (names := normalize_authors(ld_author_names(value, md.ld_nodes), outlets=outlets)):
            break
    if not names:
        raw = [value for key in AUTHOR_META if (value := md.meta.get(key)) and not value.startswith("http")]
        names = normalize_authors(raw, outlets=outlets)
    if not names and "author" in md.microdata:  # itemprop text runs the name into its role: the last resort
        names = normalize_authors([md.microdata["author"]], outlets=outlets, structured=False)
    strict = byline_authors(doc, outlets, STRICT_BYLINE_XPATH, every=True)
    if names and len(strict) > len(names) and {n.casefold() for n in names} <= {s.casefold() for s in strict}:
        return strict
    return names or strict or byline_authors(doc, outlets, CLASS_BYLINE_XPATH)
