"""The article's own paragraphs read from its container, to recover text the generic extractor missed
(bodies split into several chunks of the same layout, or cut at an inline block)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from lxml.html import HtmlElement

PARAGRAPH_XPATH = etree.XPath("//p")
LINK_TEXT_XPATH = etree.XPath(".//a//text()", smart_strings=False)  # lengths only: plain strings
WORD = re.compile(r"\w+")
DIGIT = re.compile(r"\d")
MIN_PARAGRAPH = 80  # characters: shorter <p> are captions, bylines, buttons
MAX_LINK_SHARE = 0.3  # a paragraph with more link text is a teaser
ARTICLE_TAGS = frozenset({"article", "main", "body"})
PRESENT = 0.5  # share of a paragraph's word trigrams found in the body: then the body has it
MIN_MISSING = 0.5  # missing text, as a share of the body, needed before any is added back
# An extraction is trusted without a second run when it holds this share of the container's text and the
# container is at least CONTAINER_SHARE of its length. Chosen on trafilatura's 990 pages and fundus' 258:
# F1 within 0.001 of always running the full comparison, which then runs on 21% and 11% of the pages.
COVERED = 0.8
CONTAINER_SHARE = 0.5


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _layout(el: HtmlElement) -> tuple[str, str]:
    """An element's tag and stable classes: chunks of one article body share it ("body__inner-container").
    Classes with digits are generated per build or per element and are left out."""
    classes = sorted(c for c in (el.get("class") or "").split() if not DIGIT.search(c))
    return el.tag, " ".join(classes)


def container_paragraphs(doc: HtmlElement) -> list[str]:
    """Long, link-poor <p> texts of the container holding the most of them, and of the containers with the
    same layout inside the same <article>/<main>, in document order. Read before extraction rewrites `doc`."""
    groups: dict[HtmlElement, list[tuple[HtmlElement, str]]] = {}
    for p in PARAGRAPH_XPATH(doc):
        parent = p.getparent()
        if parent is None:
            continue
        text = _collapse(p.text_content())
        if len(text) < MIN_PARAGRAPH:
            continue
        if sum(len(t.strip()) for t in LINK_TEXT_XPATH(p)) > MAX_LINK_SHARE * len(text):
            continue
        groups.setdefault(parent, []).append((p, text))
    if not groups:
        return []
    best = max(groups, key=lambda g: sum(len(t) for _, t in groups[g]))
    layout = _layout(best)
    scope = next((a for a in best.iterancestors() if a.tag in ARTICLE_TAGS), None)
    chosen = [best] + [g for g in groups if g is not best and _layout(g) == layout and scope is not None
                       and any(a is scope for a in g.iterancestors())]
    found = [pair for group in chosen for pair in groups[group]]
    if len(chosen) > 1:
        order = {el: i for i, el in enumerate(doc.iter("p"))}
        found.sort(key=lambda pair: order.get(pair[0], 0))
    return [text for _, text in found]


Trigrams = frozenset[tuple[str, ...]]


class TextCache:
    """Word lines and trigram sets of one page's texts: `covers` and `recover_missing` read the same texts in
    turn. Made per page by the caller (a process-wide cache held ~16 MiB of other pages' trigrams)."""

    __slots__ = ("grams", "lines")

    def __init__(self) -> None:
        self.lines: dict[str, str] = {}
        self.grams: dict[str, Trigrams] = {}


def _trigrams(text: str, cache: TextCache | None = None) -> Trigrams:
    """Word trigrams of a text."""
    if cache is not None and (found := cache.grams.get(text)) is not None:
        return found
    words = WORD.findall(text.casefold())
    grams = frozenset(zip(words, words[1:], words[2:], strict=False)) if len(words) > 2 else frozenset([tuple(words)])
    if cache is not None:
        cache.grams[text] = grams
    return grams


def _present(trigrams: Trigrams, body: Trigrams) -> bool:
    return len(trigrams & body) >= PRESENT * len(trigrams)


def _word_line(text: str, cache: TextCache | None = None) -> str:
    """The text's casefolded words, space-separated and space-bounded: one contains another word for word."""
    if cache is not None and (found := cache.lines.get(text)) is not None:
        return found
    line = f" {' '.join(WORD.findall(text.casefold()))} "
    if cache is not None:
        cache.lines[text] = line
    return line


class _Body:
    """Extracted paragraphs, asked whether they hold a container paragraph. A paragraph of three words or more
    found in them word for word has all its trigrams there: the trigram sets, several times costlier, are
    built only for the paragraphs that are not (the answer is the trigram test's either way)."""

    def __init__(self, paragraphs: Sequence[str], cache: TextCache | None) -> None:
        self.text = " ".join(paragraphs)
        self.cache = cache
        self.line = _word_line(self.text, cache)
        self._grams: Trigrams | None = None

    def holds(self, text: str) -> bool:
        line = _word_line(text, self.cache)
        if line.count(" ") > 3 and line in self.line:
            return True
        if self._grams is None:
            self._grams = _trigrams(self.text, self.cache)
        return _present(_trigrams(text, self.cache), self._grams)


def covers(paragraphs: Sequence[str], container: Sequence[str], cache: TextCache | None = None) -> bool:
    """Whether extracted paragraphs hold most of the container's text, the container being a good part of
    what was extracted: then the extraction found the article and a second opinion is not needed."""
    if not container or not paragraphs:
        return False
    total = sum(len(text) for text in container)
    if total < CONTAINER_SHARE * sum(len(p) for p in paragraphs):
        return False  # a fragment of the page says little about the whole extraction
    body = _Body(paragraphs, cache)
    found = sum(len(text) for text in container if body.holds(text))
    return found >= COVERED * total


def recover_missing(paragraphs: Sequence[str], container: Sequence[str],
                    cache: TextCache | None = None) -> list[str]:
    """The body with the container's paragraphs it lacks put back in place (after the container paragraph
    that precedes them), when what is missing is a large part of the article; otherwise unchanged."""
    body = _Body(paragraphs, cache)
    missing = [i for i, text in enumerate(container) if not body.holds(text)]
    have = sum(len(p) for p in paragraphs)
    if not missing or sum(len(container[i]) for i in missing) < MIN_MISSING * max(1, have):
        return list(paragraphs)
    grams = [_trigrams(text, cache) for text in container]
    out = list(paragraphs)
    out_grams = [_trigrams(p, cache) for p in out]
    for i in missing:
        position = 0
        for j in range(i - 1, -1, -1):  # after the nearest earlier container paragraph already in the body
            at = next((k for k, g in enumerate(out_grams) if _present(grams[j], g)), None)
            if at is not None:
                position = at + 1
                break
        out.insert(position, container[i])
        out_grams.insert(position, grams[i])
    return out
