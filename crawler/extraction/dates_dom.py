"""Where dates sit in a page's markup: scored `<time>` elements and short date-like texts near the title."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import chain, islice

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.dates_context import Context, Parsed, plausible
from crawler.extraction.dates_parse import parse_with

MAX_TIME_ELEMENTS = 40  # <time> elements scored; long listings below an article add nothing
MAX_TEXT = 160  # a byline or date line; longer elements are paragraphs
MAX_CLASSED = 3000  # elements with a class or id examined per search (bounded cost on huge pages)
TITLE_LEVELS = 4  # how far up from the h1 the title block may reach
MAX_NODES = 25  # elements inside one date line at most; bigger blocks are not read (text_content is costly)
SIBLINGS = 3  # siblings looked at on each side of the title block

MAX_FREE_TEXT = 200  # text pieces read by the free-text scan: datelines, not paragraphs
MAX_FREE_DATES = 60  # dates counted by the free-text scan before it stops
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
TIME_XPATH = etree.XPath("//time")
H1_XPATH = etree.XPath("(//article//h1 | //main//h1 | //h1)[1]")
CLASSED_XPATH = etree.XPath("descendant-or-self::*[@class or @id]")
# Class/id words of date lines and bylines: "datum" (de/nl), "fecha" (es), "data" (pt/it and transliterated
# Russian), "meta"/"info" (the byline block of most CMS themes).
DATEISH_RE = re.compile(r"date|time|publish|posted|byline|meta|info|datum|fecha|data|created")
PUBLISHED_HINT_RE = re.compile(r"publish|pubdate|created|posted|entry-date|post-date|article-date|date-pub|released")
MODIFIED_HINT_RE = re.compile(r"updat|modif|edited|changed|revis")
# A visible "Updated: ..." line dates the last edit, not the publication.
UPDATED_LABEL_RE = re.compile(r"updated|aktualisiert|обновлен|изменен|жаңартыл|жаңыртыл|yangilan|янгилан|"
                              r"навсозӣ|täzelen|mis à jour|actualizado|atualizado|aggiornato", re.I)
ARTICLE_HINT_RE = re.compile(r"\b(?:article|post|entry|story|content|news|material|single|head)")
# Page furniture and pictures: dates there belong to other articles, or to the photo ("Bakhmut, 24 April").
FURNITURE_RE = re.compile(r"(?<![a-z])(?:footer|sidebar|aside|widget|comments?(?![a-z])|related|recommend|popular|"
                          r"nav|menu|most-read|latest|more-news|promo|banner|similar|read-also|caption|"
                          r"gallery|pic(?:ture|box)?(?![a-z])|photo|image|img|credit)")
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})
FURNITURE_TAGS = frozenset({"footer", "aside", "nav", "figure", "figcaption"})
ARTICLE_TAGS = frozenset({"article", "header", "main"})


def _hints(el: HtmlElement) -> str:
    """The class, id and itemprop of an element, lower case: what its markup says it is."""
    return f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}".lower()


def _placement(el: HtmlElement) -> int:
    """+2 inside an article/header, -4 in or inside page furniture (footer, sidebar, related lists, photos)."""
    score = 0
    for depth, ancestor in enumerate(chain((el,), el.iterancestors())):
        if depth > 12:
            break
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in ("body", "html"):
            break  # page-wide classes ("nav-no-loaded") say nothing about the element
        hints = _hints(ancestor)
        if tag in FURNITURE_TAGS or FURNITURE_RE.search(hints):
            return -4
        if score == 0 and (tag in ARTICLE_TAGS or ARTICLE_HINT_RE.search(hints)):
            score = 2
    return score


def time_candidates(doc: HtmlElement, ctx: Context) -> tuple[Parsed | None, Parsed | None]:
    """The best published and modified `<time>` dates: publish-like classes and article placement win,
    then document order."""
    published: list[tuple[int, int, Parsed]] = []
    modified: list[tuple[int, int, Parsed]] = []
    for order, el in enumerate(TIME_XPATH(doc)[:MAX_TIME_ELEMENTS]):
        value = el.get("datetime")
        parsed = plausible(parse_with(value, ctx), need_year=True) if value else None
        parsed = parsed or plausible(parse_with(el.text_content(), ctx))
        if parsed is None:
            continue
        parent = el.getparent()
        hints = _hints(el) if parent is None else f"{_hints(el)} {_hints(parent)}"
        score = _placement(el) + (3 if el.get("pubdate") is not None or PUBLISHED_HINT_RE.search(hints) else 0)
        if score < 0:
            continue
        if MODIFIED_HINT_RE.search(hints):
            modified.append((-score, order, parsed))
        else:
            published.append((-score, order, parsed))
    best_published = min(published, key=lambda t: t[:2])[2] if published else None
    best_modified = min(modified, key=lambda t: t[:2])[2] if modified else None
    return best_published, best_modified


def _short_text(el: HtmlElement) -> str | None:
    """The text of a small element (a date line, a byline); None for big blocks, scripts and comments."""
    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or next(islice(el.iter(), MAX_NODES, None), None) is not None:
        return None
    text = " ".join(el.text_content().split())
    return text if text and len(text) <= MAX_TEXT else None


def _dateish(root: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    """Elements under `root` (itself included) whose class or id suggests a date or byline."""
    for el in CLASSED_XPATH(root)[:limit]:
        if el.tag not in SKIP_TAGS and el.tag not in ("a", "img") and DATEISH_RE.search(
                f"{el.get('class', '')} {el.get('id', '')}".lower()):
            yield el


def _title_block_elements(h1: HtmlElement) -> Iterator[HtmlElement]:
    """Elements around the title, nearest first: at each level up, the lines just below and above the
    block, then the date-like elements of the new parent outside the block already searched."""
    block = h1
    for _ in range(TITLE_LEVELS):
        # The line just below the title, then the one just above it (dates sit on either side).
        for siblings in (block.itersiblings(), block.itersiblings(preceding=True)):
            for sibling in islice(siblings, SIBLINGS):
                if _short_text(sibling):
                    yield sibling
                    break
        parent = block.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return
        for child in parent:
            if child is not block and isinstance(child.tag, str):
                yield from _dateish(child, MAX_CLASSED)
        block = parent


def near_title_texts(doc: HtmlElement) -> Iterator[str]:
    """Short texts of date-like or byline elements around the title, nearest first, lazily; the page's
    date-like elements outside page furniture when there is no h1."""
    found = H1_XPATH(doc)
    elements = _title_block_elements(found[0]) if found else _dateish(doc, MAX_CLASSED)
    seen: set[str] = set()
    for el in elements:
        if (text := _short_text(el)) and text not in seen and _placement(el) >= 0:
            seen.add(text)
            yield text


def _page_texts(doc: HtmlElement) -> Iterator[str]:
    """Text pieces of the page body outside scripts and styles, in document order."""
    body = doc.find("body")
    for el in (body if body is not None else doc).iter():
        if not isinstance(el.tag, str):
            if el.tail:
                yield el.tail
            continue
        if el.text and el.tag not in SKIP_TAGS:
            yield el.text
        if el.tail:
            yield el.tail


def free_text_date(doc: HtmlElement, ctx: Context) -> Parsed | None:
    """The day most often stated in the page's short text pieces (a masthead "today" and the article's own
    dateline usually agree; one-off dates in captions do not), the first stated on a tie."""
    counts: Counter[date] = Counter()
    first: dict[date, Parsed] = {}
    for text in _page_texts(doc):
        if len(text) > MAX_FREE_TEXT or not YEAR_RE.search(text):
            continue
        parsed = plausible(parse_with(text, ctx), need_year=True)
        if parsed is None:
            continue
        day = parsed.when.date()
        counts[day] += 1
        first.setdefault(day, parsed)
        if sum(counts.values()) >= MAX_FREE_DATES:
            break
    if not counts:
        return None
    best = max(counts.values())
    return next(first[day] for day in first if counts[day] == best)
