"""Boilerplate removal: page furniture pruned from the DOM, appeals and credits dropped from paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree
from lxml.html import HtmlElement

from crawler.text import rules

SHORT = 200  # characters: a paragraph longer than this is never a button, credit or share row
CLASS_ID_XPATH = etree.XPath("//*[@class or @id]")
PRUNE_XPATH = etree.XPath("|".join(f"//{tag}" for tag in rules.PRUNE_TAGS))
BLOCK_XPATH = etree.XPath("//p | //div | //li | //h2 | //h3 | //h4 | //h5 | //strong | //b | //section")
LINK_TEXT_XPATH = etree.XPath(".//a//text()")
CONTENT_PARAGRAPHS = etree.XPath(".//p")
WORD = re.compile(r"\w+")


def _text_len(el: HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def _link_density(el: HtmlElement) -> float:
    total = _text_len(el)
    return sum(len(t.strip()) for t in LINK_TEXT_XPATH(el)) / total if total else 0.0


def _holds_article(el: HtmlElement, page_text: int) -> bool:
    """Guard: never prune an element that holds most of the page's prose."""
    long_paragraphs = sum(1 for p in CONTENT_PARAGRAPHS(el) if _text_len(p) > 150)
    return long_paragraphs >= 3 or (page_text > 0 and _text_len(el) > 0.4 * page_text and long_paragraphs >= 1)


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


def prune_furniture(doc: HtmlElement, extra_selectors: Sequence[etree.XPath] = ()) -> None:
    """Remove scripts, navigation, share bars, related blocks, donation boxes, cookie notices and tag rows.
    Works in place; elements carrying most of the article text are kept whatever their class says."""
    body = doc.find("body")
    page_text = _text_len(body) if body is not None else _text_len(doc)
    for el in PRUNE_XPATH(doc):
        if el.tag in ("aside", "footer", "nav") and _holds_article(el, page_text):
            continue
        _remove(el)
    for selector in extra_selectors:
        for el in selector(doc):
            _remove(el)
    for el in CLASS_ID_XPATH(doc):
        tokens = f"{el.get('class', '')} {el.get('id', '')}".split()
        if el.tag in ("html", "body", "article", "main") or not any(rules.FURNITURE_TOKEN.search(t) for t in tokens):
            continue
        if el.getparent() is not None and not _holds_article(el, page_text):
            _remove(el)
    for el in BLOCK_XPATH(doc):
        if el.getparent() is None:
            continue
        text = " ".join(el.text_content().split())
        if len(text) < 400 and rules.READ_ALSO.match(text):
            target = el
            parent = el.getparent()
            # "<p><strong>Read also:</strong> <a>...</a></p>": take the paragraph, not only the label
            if el.tag in ("strong", "b") and parent is not None and parent.tag in ("p", "div", "li"):
                target = parent if _text_len(parent) < 400 else el
            following = target.getnext()
            _remove(target)
            while following is not None and following.tag in ("ul", "ol", "p", "div") and _link_density(following) > 0.6:
                nxt = following.getnext()
                _remove(following)
                following = nxt


def _is_boilerplate(paragraph: str, phrases: Sequence[str]) -> bool:
    lowered = paragraph.casefold()
    if any(lowered.startswith(p) for p in phrases):
        return True
    if rules.HASHTAG_ROW.match(paragraph) and paragraph.count("#") >= 1:
        return True
    if len(paragraph) <= SHORT and (
        rules.SHARE_ROW.match(paragraph) or rules.BUTTON_ROW.match(paragraph) or rules.CREDIT.match(paragraph)
        or rules.COPYRIGHT.search(paragraph) or rules.READ_ALSO.match(paragraph) and len(WORD.findall(paragraph)) < 25
    ):
        return True
    if len(paragraph) <= 2 * SHORT and (rules.COOKIE.search(paragraph) or rules.NEWSLETTER.match(paragraph)):
        return True
    return len(paragraph) <= 3 * SHORT and bool(rules.DONATION.search(paragraph)) and _mostly_appeal(paragraph)


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
        if i >= 1 and rules.APPEAL_START.match(paragraph):
            window = " ".join(paragraphs[i:i + 6])
            if rules.DONATION.search(window) or rules.BUTTON_ROW.match(paragraphs[-1]) or i >= len(paragraphs) - 4:
                return i
    return len(paragraphs)


def clean_paragraphs(
    paragraphs: Iterable[str], *, phrases: Sequence[str] = (), cut_after: Sequence[str] = ()
) -> list[str]:
    """Paragraphs without boilerplate: trailing appeals cut, furniture lines dropped, repeats removed."""
    phrases = tuple(p.casefold() for p in phrases)
    cut_after = tuple(c.casefold() for c in cut_after)
    items = [p for p in paragraphs if p.strip()]
    items = items[: _appeal_start(items, cut_after)]
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in items:
        if _is_boilerplate(paragraph, phrases):
            continue
        key = paragraph.casefold()
        if key in seen and len(paragraph) < SHORT:
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept
