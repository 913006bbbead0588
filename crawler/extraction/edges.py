"""The body's edges: the standfirst shown above the text, and header lines (headline, byline, date) left at
its top."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.authors import BYLINE_PREFIX, split_names
from crawler.extraction.metadata import Metadata, ld_text

WORD = re.compile(r"\w+")
# A line that is a date or a time, with at most a few words around it ("Stand: 22.04.2024, 06:00 Uhr",
# "12:20pm Jan 7, 2024", "2025年1月14日 01時28分 (1月14日 01時40分更新)", "Updated 3 hours ago").
DATE_PART = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|\d{1,4}\s*[年月日時分]|"
    r"\b\d{1,2}\.?\s+[^\W\d]{3,10}\.?,?\s+\d{4}\b|\b[^\W\d]{3,10}\.?\s+\d{1,2},?\s+\d{4}\b|"
    r"\b\d+\s+(?:min|minutes?|hours?|hrs?|days?|мин|минут|час|часа|часов|дн)\w*\b",
    re.I,
)
MAX_DATE_LINE_WORDS = 10
MAX_DATE_LINE_CHARS = 80
MAX_DATE_LINE_LETTERS = 14  # letters left once the dates are taken out ("Stand:", "Updated", "Uhr")
MAX_HEAD_LINES = 6  # header lines are looked for among the first paragraphs only
MAX_HEADER_WORDS = 25
MAX_BARE_LABEL_WORDS, MAX_BARE_LABEL_CHARS = 2, 20  # a label over the text ("Article content", "Hauptinhalt", "FAQ")
LONG_AFTER_LABEL = 100  # characters of the paragraph under such a label: prose, not a list of links
AUTHOR_NOTE_TAIL = 3  # a note about the author is among the last paragraphs...
MAX_AUTHOR_NOTE_CHARS = 400  # ...and this short
MIN_AUTHOR_NOTE_WORDS = 3  # words after the name: "Benedikt Strunz, NDR" is a byline
# What follows the name in such a note: an age or birth year, a role after a comma, or a verb that describes
# ("is", "ist", "war", "arbeitet", "является", ...): "Anna Lee told reporters …" is news about her.
AUTHOR_NOTE_AFTER_NAME = re.compile(
    r"\s*\(|,\s+[^\W\d]|\s+(?:is|was|has been|works|worked|writes|covers|reports|lives|ist|war|arbeitet|arbeitete|"
    r"schreibt|berichtet|lebt|est|es|è|jest|является|работает|работала?|пишет|живёт|живет)\b", re.I)
SENTENCE_MARK = re.compile(r"[.!?:;,\d]")
# A dateline set apart from the text it opens ("WASHINGTON —", "Bergisch Gladbach -", "Madrid-"): up to four
# words and a dash, joined to the paragraph under it.
DATELINE = re.compile(r"[^\W\d_][^\W\d_.'’-]*(?:[ .'’-][^\W\d_]+){0,3}\s*[—–-]")
MAX_KICKER_WORDS = 4  # the topic line over a headline ("Finanzmärkte", "Semesterstart", "MENINGSMÅLING:")
MAX_KICKER_CHARS = 40  # letters and digits of a kicker run into the headline's line
MIN_FLAT_TITLE = 15  # letters and digits of a title that a headline line may end with
LEAD_PREFIX = 20  # characters of a description that locate its text node on the page
SIMILAR_LEAD = 0.6  # share of each text's word pairs in the other
LEAD_LENGTH_RATIO = 0.7
MIN_LEAD_CHARS = 40
LEAD_OVERLAP = 0.5  # share of the lead's word triples already in the body's first paragraphs: then it is there
LEAD_IN_BODY = 0.8  # ...or, for a lead found by likeness, in any one paragraph of the body
# Text nodes holding a word: contains() runs in libxml2 and allocates nothing, and only the few nodes it finds
# are compared in Python (normalize-space() in XPath folds ASCII whitespace only, so no-break spaces would
# need a translate() of every text node of the page first: 50% slower).
WORD_XPATH = etree.XPath("//body//text()[contains(., $word)]")
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "head", "template"})
NOT_LEAD_TAGS = frozenset({"a", "nav", "aside", "footer", "figcaption", "button", "option", "label", "title", "li"})


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def is_date_line(paragraph: str) -> bool:
    """A short line that only dates the article: a date, and few words or characters besides."""
    if len(paragraph) > MAX_DATE_LINE_CHARS or len(WORD.findall(paragraph)) > MAX_DATE_LINE_WORDS:
        return False
    rest = DATE_PART.sub("", paragraph)
    return rest != paragraph and sum(c.isalpha() for c in rest) <= MAX_DATE_LINE_LETTERS


def _is_kicker(paragraph: str, following: str, title_keys: set[str]) -> bool:
    """A topic line over the headline ("Finanzmärkte"), or a bare label over the text ("Article content",
    "Hauptinhalt", "Kort fortalt"): a word or two, no punctuation or figures, with prose under it."""
    words = len(WORD.findall(paragraph))
    if words > MAX_KICKER_WORDS:
        return False
    if _key(following) in title_keys:
        return True
    return (words <= MAX_BARE_LABEL_WORDS and len(paragraph) <= MAX_BARE_LABEL_CHARS
            and not SENTENCE_MARK.search(paragraph) and len(following) > LONG_AFTER_LABEL)


def _join_datelines(paragraphs: Sequence[str]) -> list[str]:
    """The paragraphs with a dateline on a line of its own put back in front of the prose under it."""
    out = list(paragraphs)
    for i in range(min(len(out), MAX_HEAD_LINES) - 2, -1, -1):
        if DATELINE.fullmatch(out[i]) and len(out[i + 1]) > LONG_AFTER_LABEL:
            out[i:i + 2] = [f"{out[i]} {out[i + 1]}"]
    return out


def _is_headline(key: str, flat_titles: set[str]) -> bool:
    """The headline as the page shows it: a title with a kicker run into it ("SVP-Sonderparteitag zur
    MigrationChiesa ruft …", "US-Dream-Team wird immer besser Deutscher Aggressor beeindruckt, …"); compared
    without spaces, as the kicker's <span> may be glued to the title or set apart from it."""
    flat = key.replace(" ", "")
    for title in flat_titles:
        kicker = flat[:len(flat) - len(title)] if flat.endswith(title) else None
        if kicker is not None and len(kicker) <= MAX_KICKER_CHARS and not any(c.isdigit() for c in kicker):
            return True  # no figures: "新华社北京4月24日电 题：…" opens with a dateline the text keeps
    return False


def trim_head(paragraphs: Sequence[str], titles: Iterable[str], authors: Iterable[str]) -> list[str]:
    """The paragraphs without the headline, byline and date lines that extraction left at the top."""
    title_keys = {k for t in titles if (k := _key(t))}
    flat_titles = {flat for k in title_keys if len(flat := k.replace(" ", "")) >= MIN_FLAT_TITLE}
    author_keys = [k for a in authors if (k := _key(a))]
    paragraphs = _join_datelines(paragraphs)
    start = 0
    head = paragraphs[:MAX_HEAD_LINES]
    for i, paragraph in enumerate(head):
        key = _key(paragraph)
        byline = len(key.split()) <= MAX_HEADER_WORDS and (
            key in author_keys or (bool(BYLINE_PREFIX.match(paragraph)) and any(a in key for a in author_keys)))
        kicker = i + 1 < len(head) and _is_kicker(paragraph, head[i + 1], title_keys)
        if key and key not in title_keys and not byline and not kicker and not is_date_line(paragraph) \
                and not _is_headline(key, flat_titles):
            break
        start += 1
    return list(paragraphs[start:])


def is_byline(paragraph: str, author_keys: Sequence[str]) -> bool:
    """A line that only names the article's authors, with or without a byline word ("Von Nina Magoley",
    "Ярослав Кузишин, Антон Зелинский", "Mathatisi Sebusi/Mohalenyane Phakela")."""
    if not author_keys or len(WORD.findall(paragraph)) > MAX_HEADER_WORDS:
        return False
    parts = [key for part in split_names(paragraph) if (key := _key(part))]
    return bool(parts) and all(key in author_keys for key in parts)


def is_author_note(paragraph: str, authors: Sequence[str]) -> bool:
    """A short note about one of the authors that opens with the name and goes on about them ("Manuela
    Conrad ist ZDF-Reporterin für …", "David Zurawik is The Sun's media critic.", "Bianca Praetorius (37)
    ist …", "Dominika Rafalska, doktor nauk …"); not a speaker's line in a transcript ("Korinna Hennig: …")."""
    if len(paragraph) > MAX_AUTHOR_NOTE_CHARS:
        return False
    for name in authors:
        rest = paragraph[len(name):] if paragraph.startswith(name) else ""
        if AUTHOR_NOTE_AFTER_NAME.match(rest) and len(WORD.findall(rest)) >= MIN_AUTHOR_NOTE_WORDS:
            return True
    return False


def drop_bylines(paragraphs: Sequence[str], authors: Iterable[str]) -> list[str]:
    """The paragraphs without lines that only name the authors, wherever they are (a byline under the
    standfirst, a signature at the end, an entry's signature in a live blog), and without a note about an
    author among the last paragraphs."""
    names = [a for a in authors if a]
    author_keys = [k for a in names if (k := _key(a))]
    notes_from = max(1, len(paragraphs) - AUTHOR_NOTE_TAIL)
    return [p for i, p in enumerate(paragraphs)
            if not is_byline(p, author_keys) and not (i >= notes_from and is_author_note(p, names))]


def _descriptions(md: Metadata) -> list[str]:
    found = []
    for value in (ld_text(md.article.get("description")), md.meta.get("og:description"), md.meta.get("description"),
                  md.meta.get("twitter:description")):
        if value:
            text = " ".join(html.unescape(value).split())
            if len(text) >= MIN_LEAD_CHARS and text not in found:
                found.append(text)
    return found


class Lead(NamedTuple):
    """The standfirst as the page shows it; `exact` when its text is the description's, not an edited one."""

    text: str
    exact: bool = True


def find_lead(doc: HtmlElement, md: Metadata) -> Lead | None:
    """The standfirst as the page shows it: an element whose text is the page's description, or failing
    that one that opens like it and says nearly the same ("Trump" on the page, "Donald Trump" in the meta
    tag). Read before the body is extracted (extraction rewrites the tree); None when it is not on the page."""
    candidates: list[tuple[str, list[str]]] = []  # scanned once, read again by the likeness pass
    for description in _descriptions(md):
        shown_texts = list(_shown_from(doc, description))
        for shown in shown_texts:
            if _key(shown) == _key(description):
                return Lead(shown)
        candidates.append((description, shown_texts))
    for description, shown_texts in candidates:
        for shown in shown_texts:
            if LEAD_LENGTH_RATIO * len(description) <= len(shown) <= len(description) / LEAD_LENGTH_RATIO and \
                    min(_overlap(description, [shown]), _overlap(shown, [description])) >= SIMILAR_LEAD:
                return Lead(shown, exact=False)
    return None


def _shown_from(doc: HtmlElement, description: str) -> Iterator[str]:
    """Texts of the visible elements outside lists and links that open with the description's first
    characters (those of an edited description too: only its opening words are sure to be the page's)."""
    prefix = description[:LEAD_PREFIX]
    word = max(prefix.split(), key=len)  # the rarest, probably: the fewer nodes compared the better
    for node in WORD_XPATH(doc, word=word):
        # the page may write no-break spaces where the meta tag has spaces (French "29\u00a0août")
        if not " ".join(node.split()).startswith(prefix):
            continue
        element = node.getparent()
        if element is None or element.tag in NOT_LEAD_TAGS or element.tag in HIDDEN_TAGS or any(
                a.tag in NOT_LEAD_TAGS or a.tag in HIDDEN_TAGS for a in element.iterancestors()):
            continue
        yield " ".join(element.text_content().split())


def _ngrams(text: str, n: int) -> list[tuple[str, ...]]:
    words = WORD.findall(text.casefold())
    return list(zip(*(words[i:] for i in range(n)), strict=False)) if len(words) >= n else [tuple(words)]


def _overlap(lead: str, paragraphs: Sequence[str], n: int = 2) -> float:
    """Share of the lead's word n-grams found in the paragraphs: not single words, because a long paragraph
    holds most of any lead's "die", "in", "den" without saying the same thing."""
    lead_grams = [gram for gram in _ngrams(lead, n) if gram]
    if not lead_grams:
        return 1.0
    present = set(_ngrams(" ".join(paragraphs), n))
    return sum(1 for gram in lead_grams if gram in present) / len(lead_grams)


def with_lead(paragraphs: list[str], lead: Lead | None) -> list[str]:
    """The body with its standfirst first, unless the body already starts with it. A lead found by
    likeness is left out too when a paragraph further down says it: the description quoted the text."""
    if not lead or not paragraphs or _overlap(lead.text, paragraphs[:3], 3) >= LEAD_OVERLAP:
        return paragraphs
    if not lead.exact and any(_overlap(lead.text, [paragraph]) >= LEAD_IN_BODY for paragraph in paragraphs):
        return paragraphs
    return [lead.text, *paragraphs]
