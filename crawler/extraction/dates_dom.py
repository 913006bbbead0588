"""Where dates sit in a page's markup: scored `<time>` elements and short date-like texts near the title."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
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
MAX_INLINE_SCRIPT = 80  # an inline script this short is a call that writes a date line, not a program
MAX_FREE_DATES = 60  # dates counted by the free-text scan before it stops
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
MAX_HEADINGS = 20  # h1/h2 elements examined when looking for the title
MIN_TITLE_CHARS = 15  # an h2 this long that the <title> repeats is the article's title
TIME_XPATH = etree.XPath("//time")
# A union is in document order, so the article's own h1 needs its own query.
ARTICLE_H1_XPATH = etree.XPath("(//article//h1 | //main//h1)[1]")
H1_XPATH = etree.XPath("//h1")
H2_XPATH = etree.XPath("//h2")
PAGE_TITLE_XPATH = etree.XPath("//title/text()")
# Many themes wrap the site's logo or name in the page's first h1 ("<div class="header--logo"><h1>News.az").
LOGO_RE = re.compile(r"logo|brand|masthead|site-?(?:header|title|name)|navbar|navigation")
CLASSED_XPATH = etree.XPath("descendant-or-self::*[@class or @id]")
# Bootstrap's bare "nav" list class on an element whose own class names a date line or byline ("nav meta") does
# not make it navigation.
DATE_LINE_RE = re.compile(r"date|time|byline|meta|posted|publish")
BARE_NAV_RE = re.compile(r"(?<![\w-])nav(?![\w-])")
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


def _placement(el: HtmlElement, title_block: frozenset[HtmlElement] = frozenset()) -> int:
    """+2 inside an article/header, -4 in or inside page furniture (footer, sidebar, related lists, photos).
    The search stops at `title_block` (the title's ancestors): a container that holds the title is not
    furniture to it, whatever its class says ("banner-section" around a headline and its date line)."""
    score = 0
    for depth, ancestor in enumerate(chain((el,), el.iterancestors())):
        if depth > 12:
            break
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in ("body", "html") or ancestor in title_block:
            break  # page-wide classes ("nav-no-loaded") say nothing about the element
        hints = _hints(ancestor)
        if depth == 0 and DATE_LINE_RE.search(hints):
            hints = BARE_NAV_RE.sub(" ", hints)
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


def displayed_times(doc: HtmlElement, ctx: Context, instant: datetime) -> Iterator[Parsed]:
    """How the page displays `instant`: the parsed texts of the `<time>` elements whose datetime attribute is
    that minute ("2026-06-30T16:34:54Z" shown as "June 30, 2026 - 4.34pm"), lazily."""
    minute = instant.replace(second=0, microsecond=0)
    for el in TIME_XPATH(doc)[:MAX_TIME_ELEMENTS]:
        value = el.get("datetime")
        parsed = plausible(parse_with(value, ctx), need_year=True) if value else None
        if (parsed is not None and parsed.zoned and parsed.when.replace(second=0, microsecond=0) == minute
                and (shown := plausible(parse_with(el.text_content(), ctx)))):
            yield shown


def _line_pieces(el: HtmlElement) -> Iterator[str]:
    """The text of an element with a space for each line break ("News24<br>13 Jan 2020" is not "News2413 Jan"),
    scripts and comments left out; callers bound the element's size, hence the recursion depth."""
    yield el.text or ""
    for child in el:
        if child.tag == "br":
            yield " "
        elif isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
            yield from _line_pieces(child)
        yield child.tail or ""


def _short_text(el: HtmlElement) -> str | None:
    """The text of a small element (a date line, a byline); None for big blocks, scripts and comments."""
    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or next(islice(el.iter(), MAX_NODES, None), None) is not None:
        return None
    text = " ".join("".join(_line_pieces(el)).split())
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


def _squeezed(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_logo(h1: HtmlElement) -> bool:
    """An h1 without text, or one that sits in the site's logo or navigation bar."""
    if not h1.text_content().strip():
        return True
    for depth, el in enumerate(chain((h1,), h1.iterancestors())):
        if depth > 2 or el.tag in ("body", "html"):
            return False
        if LOGO_RE.search(_hints(el)):
            return True
    return False


def title_heading(doc: HtmlElement) -> HtmlElement | None:
    """The article's title element: the first h1 in an article or main element, else the first h1 that is
    not the site's logo, else an h2 that the page's <title> repeats (pages that have no h1), else any h1."""
    if found := ARTICLE_H1_XPATH(doc):
        return found[0]
    headings = H1_XPATH(doc)[:MAX_HEADINGS]
    chosen = next((h1 for h1 in headings if not _is_logo(h1)), None)
    if chosen is not None:
        return chosen
    if page_title := PAGE_TITLE_XPATH(doc):
        title = _squeezed(page_title[0])
        for h2 in H2_XPATH(doc)[:MAX_HEADINGS]:
            text = _squeezed(h2.text_content())
            if len(text) >= MIN_TITLE_CHARS and text in title:
                return h2
    return headings[0] if headings else None


def near_title_texts(doc: HtmlElement) -> Iterator[str]:
    """Short texts of date-like or byline elements around the title, nearest first, lazily; the page's
    date-like elements outside page furniture when no title element is found."""
    heading = title_heading(doc)
    elements = _title_block_elements(heading) if heading is not None else _dateish(doc, MAX_CLASSED)
    title_block = frozenset(heading.iterancestors()) if heading is not None else frozenset()
    seen: set[str] = set()
    for el in elements:
        if (text := _short_text(el)) and text not in seen and _placement(el, title_block) >= 0:
            seen.add(text)
            yield text


def _page_texts(doc: HtmlElement) -> Iterator[str]:
    """Text pieces of the page body outside styles and big scripts, in document order. A short inline script
    is kept: old CMSs write the date line with one (`<td><script>showDate("2020/04/17 01:43:09")</script>`)."""
    body = doc.find("body")
    for el in (body if body is not None else doc).iter():
        if not isinstance(el.tag, str):
            if el.tail:
                yield el.tail
            continue
        if el.text and (el.tag not in SKIP_TAGS or el.tag == "script" and len(el.text) <= MAX_INLINE_SCRIPT):
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
