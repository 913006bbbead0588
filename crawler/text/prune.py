"""Page furniture pruned from the DOM: controls, navigation, share bars, related blocks, notices, "Read also"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from lxml.html import HtmlElement

from crawler.text import phrases, rules
from crawler.text.pagesize import PageSize, text_len
from crawler.text.prefilter import fold, folded_source

SHORT = 200  # characters: a form or noscript this short is a search box or an "enable JavaScript" notice
PRUNE_TAGS = frozenset(rules.PRUNE_TAGS)
GUARDED_TAGS = frozenset(rules.GUARDED_TAGS)
SHORT_FURNITURE_TAGS = frozenset(rules.SHORT_FURNITURE_TAGS)
SCANNED_TAGS = PRUNE_TAGS | GUARDED_TAGS | SHORT_FURNITURE_TAGS | {"body"}
BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "section"})
TEXT_XPATH = etree.XPath("//body//text()")
TEXT_VALUES_XPATH = etree.XPath("//body//text()", smart_strings=False)  # the same nodes, as plain strings
# The same nodes again when the page's one body is /html/body: ~15% faster than searching for bodies.
HTML_BODY_TEXT_XPATH = etree.XPath("/html/body//text()")
HTML_BODY_TEXT_VALUES_XPATH = etree.XPath("/html/body//text()", smart_strings=False)
LINK_TEXT_XPATH = etree.XPath(".//a//text()", smart_strings=False)  # lengths only: plain strings
CONTENT_PARAGRAPHS = etree.XPath(".//p")
LEADING_CHARS = 80  # enough of an element's text to recognise a "Read also" label at its start
KEEP_TAGS = frozenset({"html", "body", "article", "main"})
MOST_OF_PAGE = 0.5  # an element holding this share of the page's text holds the article
LONG_PARAGRAPH = 150  # characters
MAX_READ_ALSO = 400  # characters: a longer block starting with "Read also" is prose quoting the phrase
MAX_LABEL_TAIL_WORDS = 15  # words after the label: a headline is shorter, or linked...
LINKED_TAIL = 0.5  # ...with at least this share of the text after the label in links
WORD = re.compile(r"\w+")
FURNITURE_CACHE_SIZE = 50_000  # distinct class/id strings remembered (a site repeats its own on every page)
# A "Read also" label at the start of one of the text nodes joined with NUL: READ_ALSO without what follows
# the phrase, so it matches wherever READ_ALSO matches a node's start. Run on folded text where possible: a
# case-sensitive alternation skips a non-matching option after one character comparison. Folding turns one
# non-word character into a word character (U+0345, a Greek combining mark, into iota): \W* takes both.
NODE_START = "\x00"
_FOLDED_ALTERNATION = folded_source(phrases.READ_ALSO_ALTERNATION)
READ_ALSO_AT_NODE = (
    re.compile(rf"{NODE_START}[\W\u03b9]*(?:{_FOLDED_ALTERNATION})") if _FOLDED_ALTERNATION is not None
    else re.compile(rf"{NODE_START}\W*(?:{phrases.READ_ALSO_ALTERNATION})", re.I)
)

_furniture_cache: dict[str, bool] = {}


def link_density(el: HtmlElement) -> float:
    """Share of an element's (whitespace-normalised) text that is link text."""
    total = text_len(el)
    return sum(len(t.strip()) for t in LINK_TEXT_XPATH(el)) / total if total else 0.0


def _holds_article(el: HtmlElement, page: PageSize) -> bool:
    """Guard: never prune an element that holds most of the page's prose (in <p> or in plain <div>s)."""
    size = text_len(el)
    if page.below(size, MOST_OF_PAGE):
        return True
    # A paragraph's text is a part of its container's, so a container this short holds no long paragraph.
    if size <= LONG_PARAGRAPH:
        return False
    # Three long paragraphs hold an article, or one when the element holds 40% of the page's text.
    needed = 1 if page.below(size, 0.4) else 3
    for p in CONTENT_PARAGRAPHS(el):
        if text_len(p) > LONG_PARAGRAPH:
            needed -= 1
            if not needed:
                return True
    return False


def _is_furniture(attributes: str) -> bool:
    """rules.is_furniture, remembered per attribute string: pages repeat their class names many times."""
    known = _furniture_cache.get(attributes)
    if known is None:
        if len(_furniture_cache) >= FURNITURE_CACHE_SIZE:
            _furniture_cache.clear()
        known = _furniture_cache[attributes] = rules.is_furniture(attributes)
    return known


def _remove(el: HtmlElement) -> None:
    """Remove `el`, keeping its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _following(el: HtmlElement) -> HtmlElement | None:
    """The first node after `el` and all it holds, in document order (None at the document's end)."""
    while el is not None:
        nxt = el.getnext()
        if nxt is not None:
            return nxt
        el = el.getparent()
    return None


def _remove_furniture_classes(root: HtmlElement, page: PageSize) -> None:
    """Elements whose class or id names furniture, unless they hold the article, taken in document order
    (as their class and id attributes come). Removing one changes no later element outside it (its tail
    text moves to what comes before it), so each is removed after the pass, in the same order (removing
    it during the pass would end lxml's iteration), and what it holds is skipped: the guard sees every
    element still in the page as it would have."""
    known = _furniture_cache
    get = etree._Element.get  # unbound: looking `get` up on each HtmlElement walks its long class chain
    doomed: list[HtmlElement] = []
    resume: HtmlElement | None = None  # after a doomed element: the first node past it
    for el in root.iter():
        if resume is not None:
            if el is not resume:
                continue
            resume = None
        value = get(el, "class")
        if value is None or not (known[value] if value in known else _is_furniture(value)):
            value = get(el, "id")
            if value is None or not (known[value] if value in known else _is_furniture(value)):
                continue
        if el.tag in KEEP_TAGS or el.getparent() is None or _holds_article(el, page):
            continue
        doomed.append(el)
        resume = _following(el)
        if resume is None:
            break
    for el in doomed:
        _remove(el)


def _is_label(text: str) -> bool:
    return phrases.READ_ALSO.match(text.lstrip()[:LEADING_CHARS]) is not None


def _may_hold_labels(texts: list[str]) -> bool:
    """Whether one of these text nodes may open with a "Read also" label (False only when none can)."""
    heads = [text[:LEADING_CHARS] for text in map(str.lstrip, texts) if text]
    joined = NODE_START + NODE_START.join(heads)
    if _FOLDED_ALTERNATION is not None:
        joined = fold(joined)
    return READ_ALSO_AT_NODE.search(joined) is not None


def _read_also_labels(doc: HtmlElement, text_xpath: etree.XPath = TEXT_XPATH) -> list[HtmlElement]:
    """Blocks whose text opens with a "Read also" label: found from the text nodes (one regex call each),
    then the block around the label."""
    found: list[HtmlElement] = []
    for node in text_xpath(doc):
        if not _is_label(node):
            continue
        el = node.getparent()
        if el is None:
            continue
        if node.is_tail:  # text after an element: the label sits in the parent block
            el = el.getparent()
        while el is not None and el.tag not in BLOCK_TAGS:
            el = el.getparent()
        if el is not None and (not found or found[-1] is not el):
            found.append(el)
    return found


def _is_teaser_line(el: HtmlElement) -> bool:
    """A label alone, or with a link or a headline-short text after it: not a sentence that opens with the
    label's words ("Read also the ministry's statement, which…")."""
    text = " ".join(el.text_content().split())
    label = phrases.READ_ALSO.match(text)
    rest = text[label.end():] if label else text
    if len(WORD.findall(rest)) <= MAX_LABEL_TAIL_WORDS:
        return True
    return sum(len(t.strip()) for t in LINK_TEXT_XPATH(el)) >= LINKED_TAIL * len(rest)


def _remove_read_also(doc: HtmlElement, text_xpath: etree.XPath = TEXT_XPATH) -> None:
    """A "Read also:" label, with the link list that follows it."""
    for el in _read_also_labels(doc, text_xpath):
        if el.getparent() is None or not phrases.READ_ALSO.match(" ".join(el.text_content()[:LEADING_CHARS].split())):
            continue
        if text_len(el) >= MAX_READ_ALSO:
            continue
        target = el
        parent = el.getparent()
        # "<p><strong>Read also:</strong> <a>...</a></p>": take the paragraph, not only the label
        if el.tag in ("strong", "b") and parent is not None and parent.tag in ("p", "div", "li"):
            target = parent if text_len(parent) < MAX_READ_ALSO else el
        if not _is_teaser_line(target):
            continue
        following = target.getnext()
        _remove(target)
        while following is not None and following.tag in ("ul", "ol", "p", "div") and link_density(following) > 0.6:
            nxt = following.getnext()
            _remove(following)
            following = nxt


def prune_furniture(doc: HtmlElement, extra_selectors: Sequence[etree.XPath] = ()) -> None:
    """Remove frames and controls, navigation, short forms, share bars, related blocks, donation boxes,
    cookie notices and tag rows. Works in place; elements carrying most of the article text are kept
    whatever their tag or class says.

    The rules run one after the other, each on what the ones before left. The elements of the tag rules
    are all found in one pass before any removal: one listed there that sits inside a subtree removed
    since is handled too, but that changes only the removed subtree, never the page."""
    root = doc.getroottree().getroot()
    tagged = list(root.iter(*SCANNED_TAGS))
    for el in tagged:
        if el.tag in PRUNE_TAGS:
            _remove(el)
    body = doc.find("body")
    page = PageSize((body if body is not None else doc).text_content())
    for el in tagged:
        if el.tag in GUARDED_TAGS and el.getparent() is not None and not _holds_article(el, page):
            _remove(el)
    for el in tagged:  # search forms, "enable JavaScript" notices
        if el.tag in SHORT_FURNITURE_TAGS and el.getparent() is not None and text_len(el) <= SHORT:
            _remove(el)
    for selector in extra_selectors:
        for el in selector(doc):
            _remove(el)
    _remove_furniture_classes(root, page)
    bodies = [el for el in tagged if el.tag == "body"]
    one_body = len(bodies) == 1 and bodies[0].getparent() is root and root.tag == "html"
    # The text nodes as plain strings first: most pages have no "Read also" label, and then the nodes'
    # elements (a Python object for each) are never needed.
    if _may_hold_labels((HTML_BODY_TEXT_VALUES_XPATH if one_body else TEXT_VALUES_XPATH)(doc)):
        _remove_read_also(doc, HTML_BODY_TEXT_XPATH if one_body else TEXT_XPATH)
