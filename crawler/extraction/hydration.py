"""Article text from a page's hydration data: the JSON that a client-rendered page (React Query, Next.js,
Nuxt, ...) ships in its inline scripts, with the body as an HTML string that the browser renders later.

The last layer of body extraction, for pages whose markup holds no article text. A string is taken only
when it is HTML with paragraphs and names the page's subject (enough of the title's words), so a
template, a teaser list or another story embedded in the state is not taken for the article. Titles written
without spaces between words (Chinese, Japanese) name nothing this way: such pages keep their short body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.body import generic_body
from crawler.extraction.parsing import parse_html
from crawler.text.boilerplate import prune_furniture
from crawler.text.prune import link_density

INLINE_SCRIPTS_XPATH = etree.XPath("//script[not(@src)]/text()", smart_strings=False)
# A JSON (or JavaScript) double-quoted string literal of at least 400 characters, escapes included.
STRING_LITERAL = re.compile(r'"((?:[^"\\]|\\.){400,})"', re.DOTALL)
PARAGRAPH_MARKUP = re.compile(r"<p[\s>]|\\u003cp[\s>\\]", re.IGNORECASE)
WORD = re.compile(r"\w+")
MAX_LINK_SHARE = 0.4  # of the text in links: more is a menu or a list of teasers, not an article
MAX_NESTING = 2  # a JSON string inside a JavaScript string (Next.js flight data: self.__next_f.push)
MIN_TEXT = 400  # characters of text a candidate must hold
MIN_TITLE_SHARE = 0.5  # share of a title's words (3+ letters) the candidate's text must contain
MAX_CANDIDATES = 8  # the longest strings that name the subject are parsed (a feed in the state holds dozens)


def _html_strings(script: str, depth: int = 0) -> Iterator[str]:
    """Decoded string literals of a script that hold paragraph markup, searching strings within strings."""
    for match in STRING_LITERAL.finditer(script):
        literal = match.group(1)
        if not PARAGRAPH_MARKUP.search(literal):
            continue
        try:
            value = json.loads(f'"{literal}"')
        except ValueError:
            continue
        inner = list(_html_strings(value, depth + 1)) if depth + 1 < MAX_NESTING else []
        if inner:  # JSON inside a string: its own strings are the HTML
            yield from inner
        elif "<p" in value.lower():
            yield value


def _paragraphs(markup: str) -> list[str]:
    """The article paragraphs of an HTML string, found as on a page: furniture pruned, then trafilatura
    (which leaves out captions, ad slots and embeds)."""
    doc = parse_html(f"<html><body><article>{markup}</article></body></html>")
    body = doc.find("body")
    if body is None or link_density(body) > MAX_LINK_SHARE:
        return []  # a menu or a list of teasers
    prune_furniture(doc)
    return generic_body(doc, fast=True)


def _words(text: str) -> set[str]:
    return {word for word in WORD.findall(text.lower()) if len(word) >= 3}


def _names_subject(text: str, title_words: Sequence[set[str]]) -> bool:
    """Whether `text` holds MIN_TITLE_SHARE of the words of one of the page's titles (their word sets)."""
    words = _words(text)
    return any(len(title & words) >= MIN_TITLE_SHARE * len(title) for title in title_words)


def hydration_paragraphs(doc: HtmlElement, titles: Sequence[str]) -> list[str]:
    """The paragraphs of the longest HTML string in the page's inline scripts that holds at least MIN_TEXT
    characters of text and names the page's subject (see `_names_subject`); [] when there is none."""
    title_words = [words for title in titles if (words := _words(title))]
    # the words must be in the raw string already (tags only add words): most strings are never parsed
    candidates = [markup for script in INLINE_SCRIPTS_XPATH(doc) if len(script) > MIN_TEXT
                  for markup in _html_strings(script) if _names_subject(markup, title_words)]
    best: list[str] = []
    best_length = MIN_TEXT - 1
    for markup in sorted(candidates, key=len, reverse=True)[:MAX_CANDIDATES]:
        paragraphs = _paragraphs(markup)
        length = sum(len(p) for p in paragraphs)
        if length > best_length and _names_subject(" ".join(paragraphs), title_words):
            best, best_length = paragraphs, length
    return best
