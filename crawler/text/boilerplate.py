"""Boilerplate removal: page furniture pruned from the DOM, appeals and credits dropped from paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree
from lxml.html import HtmlElement

from crawler.text import phrases, rules

SHORT = 200  # characters: a paragraph longer than this is never a button, credit or share row
CLASS_ID_XPATH = etree.XPath("//@class | //@id")  # attribute strings: no element proxy unless one matches
PRUNE_XPATH = etree.XPath("|".join(f"//{tag}" for tag in rules.PRUNE_TAGS))
GUARDED_XPATH = etree.XPath("|".join(f"//{tag}" for tag in rules.GUARDED_TAGS))
SHORT_WHEN_FURNITURE_XPATH = etree.XPath("|".join(f"//{tag}" for tag in rules.SHORT_FURNITURE_TAGS))
BLOCK_TAGS = frozenset({"p", "div", "li", "h2", "h3", "h4", "h5", "strong", "b", "section"})
TEXT_XPATH = etree.XPath("//body//text()")
LINK_TEXT_XPATH = etree.XPath(".//a//text()")
CONTENT_PARAGRAPHS = etree.XPath(".//p")
WORD = re.compile(r"\w+")
LEADING_CHARS = 80  # enough of an element's text to recognise a "Read also" label at its start
KEEP_TAGS = frozenset({"html", "body", "article", "main"})
MOST_OF_PAGE = 0.5  # an element holding this share of the page's text holds the article
LONG_PARAGRAPH = 150  # characters
MAX_READ_ALSO = 400  # characters: a longer block starting with "Read also" is prose quoting the phrase
MAX_TEASER_WORDS = 25  # a "Read also: <headline>" line is shorter than this
MAX_LABEL_WORDS = 5  # "Weitere Informationen:", "Kontakt:"


def _text_len(el: HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def _link_density(el: HtmlElement) -> float:
    total = _text_len(el)
    return sum(len(t.strip()) for t in LINK_TEXT_XPATH(el)) / total if total else 0.0


def _holds_article(el: HtmlElement, page_text: int) -> bool:
    """Guard: never prune an element that holds most of the page's prose (in <p> or in plain <div>s)."""
    size = _text_len(el)
    if page_text > 0 and size > MOST_OF_PAGE * page_text:
        return True
    long_paragraphs = sum(1 for p in CONTENT_PARAGRAPHS(el) if _text_len(p) > LONG_PARAGRAPH)
    return long_paragraphs >= 3 or (page_text > 0 and size > 0.4 * page_text and long_paragraphs >= 1)


def _read_also_labels(doc: HtmlElement) -> list[HtmlElement]:
    """Blocks whose text opens with a "Read also" label: found from the text nodes (one regex call each),
    then the block around the label."""
    found: list[HtmlElement] = []
    for node in TEXT_XPATH(doc):
        if not phrases.READ_ALSO.match(node.lstrip()[:LEADING_CHARS]):
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


def _remove(el: HtmlElement) -> None:
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


def _remove_read_also(doc: HtmlElement) -> None:
    """A "Read also:" label, with the link list that follows it."""
    for el in _read_also_labels(doc):
        if el.getparent() is None or not phrases.READ_ALSO.match(" ".join(el.text_content()[:LEADING_CHARS].split())):
            continue
        if _text_len(el) >= MAX_READ_ALSO:
            continue
        target = el
        parent = el.getparent()
        # "<p><strong>Read also:</strong> <a>...</a></p>": take the paragraph, not only the label
        if el.tag in ("strong", "b") and parent is not None and parent.tag in ("p", "div", "li"):
            target = parent if _text_len(parent) < MAX_READ_ALSO else el
        following = target.getnext()
        _remove(target)
        while following is not None and following.tag in ("ul", "ol", "p", "div") and _link_density(following) > 0.6:
            nxt = following.getnext()
            _remove(following)
            following = nxt


def prune_furniture(doc: HtmlElement, extra_selectors: Sequence[etree.XPath] = ()) -> None:
    """Remove frames and controls, navigation, short forms, share bars, related blocks, donation boxes,
    cookie notices and tag rows. Works in place; elements carrying most of the article text are kept
    whatever their tag or class says."""
    for el in PRUNE_XPATH(doc):
        _remove(el)
    body = doc.find("body")
    page_text = _text_len(body) if body is not None else _text_len(doc)
    for el in GUARDED_XPATH(doc):
        if el.getparent() is not None and not _holds_article(el, page_text):
            _remove(el)
    for el in SHORT_WHEN_FURNITURE_XPATH(doc):  # search forms, "enable JavaScript" notices
        if el.getparent() is not None and _text_len(el) <= SHORT:
            _remove(el)
    for selector in extra_selectors:
        for el in selector(doc):
            _remove(el)
    for attribute in CLASS_ID_XPATH(doc):
        if not rules.is_furniture(attribute):
            continue
        el = attribute.getparent()
        if el is None or el.tag in KEEP_TAGS or el.getparent() is None:
            continue
        if not _holds_article(el, page_text):
            _remove(el)
    _remove_read_also(doc)


def _is_boilerplate(paragraph: str, own_phrases: Sequence[str]) -> bool:
    lowered = paragraph.casefold()
    if any(lowered.startswith(p) for p in own_phrases):
        return True
    if rules.HASHTAG_ROW.match(paragraph) and paragraph.count("#") >= 1:
        return True
    size = len(paragraph)
    if size <= SHORT and (
        rules.SHARE_ROW.match(paragraph) or rules.BUTTON_ROW.match(paragraph) or phrases.CREDIT.match(paragraph)
        or phrases.COPYRIGHT.search(paragraph) or phrases.COMMENTS.search(paragraph)
        or phrases.AGENCY_CREDIT.match(paragraph) or phrases.DATE_LABEL.match(paragraph) and _dated(paragraph)
        or phrases.TAG_ROW.match(paragraph)
        or phrases.READ_ALSO.match(paragraph) and len(WORD.findall(paragraph)) < MAX_TEASER_WORDS
        or " © " in paragraph  # a caption with its credit
    ):
        return True
    if size <= 2 * SHORT and (phrases.COOKIE.search(paragraph) or phrases.NEWSLETTER.match(paragraph)
                              or phrases.PAYWALL.search(paragraph) or phrases.ADVERT.search(paragraph)
                              or phrases.SCRIPT_NOTICE.search(paragraph)):
        return True
    return size <= 3 * SHORT and bool(phrases.DONATION.search(paragraph)) and _mostly_appeal(paragraph)


def _dated(paragraph: str) -> bool:
    # "Updated 14.02.2019" or a bare "Release Date:" label; "Published in 1990, the book..." is prose
    return any(c.isdigit() for c in paragraph) or paragraph.rstrip().endswith(":")


def _mostly_appeal(paragraph: str) -> bool:
    # A donation word inside a long news paragraph (a report about a charity) is not an appeal.
    return len(WORD.findall(paragraph)) < 40


def _appeal_start(paragraphs: Sequence[str], cut_after: Sequence[str]) -> int:
    """Index where a trailing appeal begins (len(paragraphs) when none): never the first paragraph, and
    only where the appeal asks for support or sits among the last paragraphs."""
    for i, paragraph in enumerate(paragraphs):
        lowered = paragraph.casefold()
        if any(lowered.startswith(marker) for marker in cut_after):
            return i
        if i >= 1 and phrases.APPEAL_START.match(paragraph):
            window = " ".join(paragraphs[i:i + 6])
            if phrases.DONATION.search(window) or rules.BUTTON_ROW.match(paragraphs[-1]) or i >= len(paragraphs) - 4:
                return i
    return len(paragraphs)


def _trailing_labels(paragraphs: list[str]) -> list[str]:
    """Without the labels left at the end once what they introduced is gone ("Kontakt:", "Sources:")."""
    while paragraphs and paragraphs[-1].endswith(":") and len(WORD.findall(paragraphs[-1])) <= MAX_LABEL_WORDS:
        paragraphs = paragraphs[:-1]
    return paragraphs


def clean_paragraphs(
    paragraphs: Iterable[str], *, phrases: Sequence[str] = (), cut_after: Sequence[str] = ()
) -> list[str]:
    """Paragraphs without boilerplate: trailing appeals cut, furniture lines dropped, repeats removed."""
    own_phrases = tuple(p.casefold() for p in phrases)
    cut_after = tuple(c.casefold() for c in cut_after)
    items = [p for p in paragraphs if p.strip()]
    items = items[: _appeal_start(items, cut_after)]
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in items:
        if _is_boilerplate(paragraph, own_phrases):
            continue
        key = paragraph.casefold()
        if key in seen and len(paragraph) < SHORT:
            continue
        seen.add(key)
        kept.append(paragraph)
    return _trailing_labels(kept)
