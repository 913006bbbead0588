"""Who wrote the article, layer by layer: per-source selector, JSON-LD, meta tags, byline markup, then byline text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import unquote

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.author_meta import meta_authors
from crawler.extraction.authors import LABELLED, ld_author_names, normalize_authors, other_role, split_names
from crawler.extraction.body import INLINE_TAGS, css, element_text
from crawler.extraction.metadata import Metadata, ld_text
from crawler.extraction.title_names import host_labels
from crawler.sources.base import Source

# Byline markup: rel=author links and itemprop=author say "author" in a standard way; classes naming a
# byline or an author are a convention, with more noise (dates, roles, buttons) in the same element.
# contains() on the raw attribute runs in libxml2; "uthor"/"yline" match either case of the first letter.
# The [@attr] test first spares the copy of the attribute that each contains() makes (a quarter of the time).
STRICT_BYLINE_XPATH = etree.XPath("//a[@rel][contains(@rel, 'author')] | //*[@itemprop][contains(@itemprop, 'author')]")
CLASS_BYLINE_XPATH = etree.XPath(
    "//*[@class][contains(@class, 'yline') or contains(@class, 'YLINE') or contains(@class, 'uthor') "
    "or contains(@class, 'UTHOR') or contains(@class, 'utor')]"
)
TEXT_XPATH = etree.XPath(".//text()[not(ancestor::script) and not(ancestor::style)]", smart_strings=False)
ITEMPROP_NAME_XPATH = etree.XPath(".//*[@itemprop='name']")
# Links to an author's page ("/author/ann-lee", "/autoren/name/max-kolter", "/avtor/..."); a link to the list of
# all authors ("/articles/authors") names no one (see AUTHOR_PAGE).
AUTHOR_LINK_XPATH = etree.XPath(
    "//a[@href][contains(@href, '/author') or contains(@href, '/autor') or contains(@href, '/auteur') "
    "or contains(@href, '/avtor') or contains(@href, '/muallif')]")
AUTHOR_PAGE = re.compile(r"/(?:author|autor|auteur|avtor|muallif)[a-z]*/[^/?#]", re.I)
WORD = re.compile(r"[^\W\d_]{3,}")
SLUG_WORD = re.compile(r"[a-z]{3}")
# Text that may hold a byline label (see authors.LABELLED), tested in one pass over the elements: an XPath
# with a contains() per label costs three times as much (libxml2 copies the text for every test).
LABEL_HINT = re.compile(r"utor|uthor|втор|uallif|уаллиф|uteur|Аўтар|awtor|作者|责编|责任编辑|记者")
# A paragraph all in bold: at the start or the end of the article it is the writer's signature.
BOLD_PARAGRAPH_XPATH = etree.XPath("//p[count(*) = 1][strong or b]")
SIGNATURE_HEAD, SIGNATURE_TAIL = 3, 2  # the signature is among the first 3 or the last 2 paragraphs
MIN_BODY_PARAGRAPHS = 3  # fewer paragraphs around it: not an article body
MAX_LABELLED_CHARS = 80  # a longer text after a label is a sentence, not a list of names
# An element or an ancestor with one of these in its class or id is not the article's byline: the authors
# of comments, quotes, photos, teasers of other stories, or a biography box.
NOT_BYLINE = ("comment", "quote", "image", "photo", "caption", "credit", "bio", "avatar", "teaser", "related",
              "recommend", "popular", "trending", "most-read", "sidebar", "widget", "footer", "card")
NOT_BYLINE_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "footer", "blockquote", "script", "style",
                             "noscript", "meta", "link", "head", "time"})
MAX_BYLINE_CHARS = 160  # a longer element is a biography or a whole article header, not a byline
MAX_SCOPE_CHARS = 2 * MAX_BYLINE_CHARS  # a longer block holds more than the bylines (a teaser list)
MAX_BYLINES = 6  # byline elements read before giving up (the first ones on the page are the article's)
ANCESTOR_DEPTH = 8
LISTS = frozenset({"ul", "ol", "dl"})
NOT_TEXT = frozenset({"script", "style", "noscript", "template"})


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


def _names(el: HtmlElement, outlets: list[str | None]) -> list[str]:
    """The names an element gives. A link's text is one name even when its parts are marked up apart
    ('<span class="firstname">Ingrid</span> <span class="lastname">Treborg</span>'); when that fails (a role
    inside the link), the pieces are read one by one. A credit labelled with another role gives none, unless
    the element is marked up as the author's (itemprop/rel=author: "Редактор:" is the writer on some sites)."""
    text = element_text(el)
    standard = "author" in f"{el.get('itemprop', '')} {el.get('rel', '')}"
    if not standard and other_role(text):
        return []  # "Redaktion: Roman Warschauer und <a>Marcel Sommer</a>": editors, in pieces
    if el.tag == "a" and (names := normalize_authors([text], outlets=outlets, structured=False)):
        return names
    return normalize_authors(_pieces(el), outlets=outlets, structured=False)


def _scope(el: HtmlElement) -> HtmlElement:
    """The byline block around a first name: its grandparent, or a higher ancestor while the text stays as
    short as a block of bylines (one author box per writer: "div.bylines > div.byline > address > a")."""
    scope = el.getparent()
    if scope is None:
        return el
    if (parent := scope.getparent()) is not None:
        scope = parent
    for _ in range(ANCESTOR_DEPTH):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html") or len(parent.text_content()) > MAX_SCOPE_CHARS:
            break
        scope = parent
    return scope


def _fold(text: str) -> str:
    """Lower case without accents: "Loïc" and the slug "loic" compare equal."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _names_its_page(link: HtmlElement, slug: str) -> bool:
    """Whether a link's text may be the name of the person its author page is about: a Latin-script word of
    the text is in a slug made of words ("Dr. Max Kolter" -> /autoren/name/max-kolter); "Zur Artikelübersicht"
    -> /autoren/gathmann-moritz is a link to the page, not a name. Other scripts and numeric ids are not
    compared."""
    words = [w for w in WORD.findall(_fold(element_text(link))) if w.isascii()]
    slug = _fold(unquote(slug))
    return not words or not SLUG_WORD.search(slug) or any(w in slug for w in words)


def author_links(doc: HtmlElement) -> list[HtmlElement]:
    """Links to an author's own page whose text may be that author's name."""
    return [a for a in AUTHOR_LINK_XPATH(doc)
            if (page := AUTHOR_PAGE.search(href := a.get("href", ""))) and _names_its_page(a, href[page.end() - 1:])]


def byline_authors(doc: HtmlElement, outlets: Iterable[str | None], xpath: Callable[[HtmlElement], list[Any]], *,
                   every: bool = False) -> list[str]:
    """Names in the first byline element that `xpath` finds with any (outside comments, captions and teasers);
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
        names = _names(el, outlets)
        if names and scope is None:
            scope = _scope(el)
        found += [n for n in names if n not in found]
        if (found and not every) or seen >= MAX_BYLINES:
            break
    return found


def _block(node: HtmlElement) -> HtmlElement:
    """The nearest ancestor-or-self that is not inline markup: the line a label and its names sit on."""
    while node.tag in INLINE_TAGS and (parent := node.getparent()) is not None:
        node = parent
    return node


def _label_texts(doc: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    """Texts that may start with a byline label, each with the line (block element) it sits on."""
    body = doc.find("body")
    for el in (body if body is not None else doc).iter(etree.Element):
        if el.tag not in NOT_TEXT and (text := el.text) and LABEL_HINT.search(text):
            yield text, _block(el)
        if (text := el.tail) and LABEL_HINT.search(text) and (parent := el.getparent()) is not None:
            yield text, _block(parent)


def labelled_authors(doc: HtmlElement, outlets: list[str | None]) -> list[str]:
    """Names after a byline label in page text: "<strong>Autorin/Autor</strong> Roman Goncharenko",
    "Автор: Айпери Жумабаева", "(责编：牛镛、岳弘彬)"."""
    for text, line in _label_texts(doc):
        label = " ".join(text.split())
        if not label or len(label) > MAX_BYLINE_CHARS or not LABELLED.match(label) or _excluded(line):
            continue
        whole = element_text(line)
        match = LABELLED.match(whole[whole.find(label):])
        if not match or not match.group(1) or len(match.group(1)) > MAX_LABELLED_CHARS:
            continue
        if names := normalize_authors([match.group(1)], outlets=outlets, structured=False):
            return names
    return []


def signature_authors(doc: HtmlElement, outlets: list[str | None]) -> list[str]:
    """A name in a paragraph all in bold among the first or last paragraphs of the article body: the
    writer's signature ("<p><strong>Lê Phương</strong></p>" at the end, "<p><b>Mohloai Mpesi</b></p>" first)."""
    bodies: dict[HtmlElement, list[HtmlElement]] = {}
    for p in BOLD_PARAGRAPH_XPATH(doc):
        bold = p[0]
        if (p.text and p.text.strip()) or (bold.tail and bold.tail.strip()) or (parent := p.getparent()) is None:
            continue
        if parent not in bodies:
            bodies[parent] = [c for c in parent if c.tag == "p" and element_text(c)]
        paragraphs = bodies[parent]
        if len(paragraphs) < MIN_BODY_PARAGRAPHS or p not in paragraphs:
            continue
        place = paragraphs.index(p)
        if SIGNATURE_HEAD <= place < len(paragraphs) - SIGNATURE_TAIL or _excluded(p):
            continue
        if place >= SIGNATURE_HEAD and any(len(element_text(after)) > MAX_LABELLED_CHARS
                                           for after in paragraphs[place + 1:]):
            continue  # near the end but with prose after it: a subheading ("Würdigung der ÖBFV-Kooperation")
        text = element_text(p)
        following = p.getnext()
        if len(text) > MAX_LABELLED_CHARS or text.endswith(":") or (following is not None and following.tag in LISTS):
            continue  # a heading over what follows ("Weitere Links:", "Verwandte Artikel" over a list)
        # every part must be a name: a bold lead sentence ("MK Naftali Bennett, Vorsitzender der Yamina-Partei,
        # erklärte ...") has name-like pieces between its commas
        names = normalize_authors([text], outlets=outlets, structured=False)
        if names and len(names) == len(split_names(text)):
            return names
    return []


def _longer(names: list[str], other: list[str]) -> list[str]:
    """`other` when it names more people, all of `names` among them (metadata often lists the first author
    only), else `names`. Not applied to meta tags against JSON-LD: their extra names are often the publisher
    ("Condé Nast")."""
    if len(other) > len(names) and {n.casefold() for n in names} <= {o.casefold() for o in other}:
        return other
    return names


def find_authors(doc: HtmlElement, md: Metadata, source: Source, url: str) -> list[str]:
    """The article's authors: the first layer that names someone (selector, JSON-LD, meta tags, byline
    markup, then byline text: author-page links, labelled names, a signature). Standard byline markup naming
    more people than the metadata, all of the metadata's among them, wins: metadata often lists the first
    author only."""
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
        names = normalize_authors(meta_authors(doc, md), outlets=outlets)
    if not names and "author" in md.microdata:  # itemprop text runs the name into its role: the last resort
        names = normalize_authors([md.microdata["author"]], outlets=outlets, structured=False)
    strict = byline_authors(doc, outlets, STRICT_BYLINE_XPATH, every=True)
    return (_longer(names, strict) if names else strict or byline_authors(doc, outlets, CLASS_BYLINE_XPATH)
            or byline_authors(doc, outlets, author_links, every=True)
            or labelled_authors(doc, outlets) or signature_authors(doc, outlets))
