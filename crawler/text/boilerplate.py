"""Boilerplate removal: page furniture pruned from the DOM, appeals and credits dropped from paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from crawler.text import appeals, phrases, rules
from crawler.text.prefilter import PhraseIndex
from crawler.text.prune import prune_furniture

__all__ = ["clean_paragraphs", "prune_furniture"]

SHORT = 200  # characters: a paragraph longer than this is never a button, credit or share row
WORD = re.compile(r"\w+")
MAX_TEASER_WORDS = 25  # a "Read also: <headline>" line is shorter than this
MAX_LABEL_WORDS = 5  # "Weitere Informationen:", "Kontakt:"
# A last sentence that announces what is no longer there ("Diese Artikel könnten dich auch interessieren:",
# "Aktuelle Meldungen finden Sie jederzeit in unserem Liveblog:"): one sentence, this short.
MAX_LEAD_IN_WORDS = 15
SENTENCE_END = re.compile(r"[.!?…]\s")
ARMENIAN = re.compile("[\u0531-\u058a]")  # Armenian text often ends its sentences with ":" for "։"
# Rules by the longest paragraph they judge; "match" rules must match at the paragraph's start, "search" ones
# anywhere. DATE_LABEL and READ_ALSO take an extra test, in `_is_boilerplate`.
SHORT_RULES: dict[re.Pattern[str], str] = {
    rules.SHARE_ROW: "match", rules.BUTTON_ROW: "match", phrases.CREDIT: "match", phrases.COPYRIGHT: "search",
    phrases.COMMENTS: "search", phrases.AGENCY_CREDIT: "match", phrases.TAG_ROW: "match",
    phrases.READING_TIME: "match", phrases.DEVELOPING: "match", appeals.MESSENGER_PROMO: "search",
    phrases.SECTION_LABEL: "match", phrases.CAPTION_CREDIT: "search",
}
MEDIUM_RULES: dict[re.Pattern[str], str] = {
    phrases.COPYRIGHT_OPENING: "match", phrases.COOKIE: "search", appeals.NEWSLETTER: "match",
    appeals.PAYWALL: "search", appeals.ADVERT: "search", phrases.SCRIPT_NOTICE: "search",
    appeals.READER_FEEDBACK: "search", phrases.DISCLAIMER: "search",
}
# Every paragraph rule, behind one scan for the words each needs: most paragraphs hold none of them, and a
# regex that is not run costs nothing (the searches for phrases anywhere in a paragraph were ~90% of the
# cleaning time).
PARAGRAPH_RULES = PhraseIndex((
    rules.HASHTAG_ROW, *SHORT_RULES, phrases.DATE_LABEL, phrases.READ_ALSO, *MEDIUM_RULES, appeals.DONATION,
    phrases.COMMENT_POLICY, appeals.APPEAL_START,
))
EVERY_RULE = PARAGRAPH_RULES.regexes
SCANNED = 3 * SHORT  # longer paragraphs are not scanned: only the hashtag and appeal rules apply to them


def _any_rule(paragraph: str, table: dict[re.Pattern[str], str], maybe: frozenset[re.Pattern[str]]) -> bool:
    """Whether a rule of `table` that `maybe` holds matches; the others are not run (one set intersection in C
    instead of a Python generator testing every rule of the table)."""
    return any(getattr(regex, table[regex])(paragraph) for regex in maybe.intersection(table))


def _is_boilerplate(paragraph: str, own_phrases: tuple[str, ...], maybe: frozenset[re.Pattern[str]]) -> bool:
    """Whether a paragraph is furniture; `maybe` holds the rules whose words it contains (the others
    cannot match it)."""
    if own_phrases and paragraph.casefold().startswith(own_phrases):
        return True
    if rules.HASHTAG_ROW in maybe and rules.HASHTAG_ROW.match(paragraph) and paragraph.count("#") >= 1:
        return True
    size = len(paragraph)
    if size <= SHORT and (
        _any_rule(paragraph, SHORT_RULES, maybe)
        or phrases.DATE_LABEL in maybe and phrases.DATE_LABEL.match(paragraph) and _dated(paragraph)
        or phrases.READ_ALSO in maybe and phrases.READ_ALSO.match(paragraph)
        and len(WORD.findall(paragraph)) < MAX_TEASER_WORDS
        or " © " in paragraph  # a caption with its credit
    ):
        return True
    if size <= 2 * SHORT and _any_rule(paragraph, MEDIUM_RULES, maybe):
        return True
    if size > 3 * SHORT:
        return False
    if phrases.COMMENT_POLICY in maybe and phrases.COMMENT_POLICY.search(paragraph):
        return True  # the comment rules run long ("…lively but civil forum… may take up to an hour…")
    return appeals.DONATION in maybe and bool(appeals.DONATION.search(paragraph)) and _mostly_appeal(paragraph)


def _dated(paragraph: str) -> bool:
    # "Updated 14.02.2019" or a bare "Release Date:" label; "Published in 1990, the book..." is prose
    return any(c.isdigit() for c in paragraph) or paragraph.rstrip().endswith(":")


def _mostly_appeal(paragraph: str) -> bool:
    # A donation word inside a long news paragraph (a report about a charity) is not an appeal.
    return len(WORD.findall(paragraph)) < 40


def _appeal_start(paragraphs: Sequence[str], maybe: Sequence[frozenset[re.Pattern[str]]],
                  cut_after: tuple[str, ...]) -> int:
    """Index where a trailing appeal begins (len(paragraphs) when none): never the first paragraph, and
    only where the appeal asks for support or sits among the last paragraphs."""
    for i, paragraph in enumerate(paragraphs):
        if cut_after and paragraph.casefold().startswith(cut_after):
            return i
        if i >= 1 and appeals.APPEAL_START in maybe[i] and appeals.APPEAL_START.match(paragraph):
            window = " ".join(paragraphs[i:i + 6])
            if appeals.DONATION.search(window) or rules.BUTTON_ROW.match(paragraphs[-1]) or i >= len(paragraphs) - 4:
                return i
    return len(paragraphs)


def _dangling(paragraph: str) -> bool:
    """A label or a one-sentence lead-in whose list, link or embed is gone: it ends the body with a colon."""
    if not paragraph.endswith(":") or ARMENIAN.search(paragraph):
        return False
    words = len(WORD.findall(paragraph))
    return words <= MAX_LABEL_WORDS or (words <= MAX_LEAD_IN_WORDS and paragraph.count(":") == 1
                                        and not SENTENCE_END.search(paragraph))


def _trailing_labels(paragraphs: list[str]) -> list[str]:
    """Without the labels and lead-ins left at the end once what they introduced is gone ("Kontakt:",
    "Sources:", "Lesen Sie dazu auch die Pressemitteilungen:")."""
    while paragraphs and _dangling(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    return paragraphs


def clean_paragraphs(
    paragraphs: Iterable[str], *, phrases: Sequence[str] = (), cut_after: Sequence[str] = ()
) -> list[str]:
    """Paragraphs without boilerplate: trailing appeals cut, furniture lines dropped, repeats removed."""
    own_phrases = tuple(p.casefold() for p in phrases)
    cut_after = tuple(c.casefold() for c in cut_after)
    items = [p for p in paragraphs if p.strip()]
    maybe = [PARAGRAPH_RULES.candidates(p) if len(p) <= SCANNED else EVERY_RULE for p in items]
    end = _appeal_start(items, maybe, cut_after)
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph, rules_maybe in zip(items[:end], maybe, strict=False):
        if _is_boilerplate(paragraph, own_phrases, rules_maybe):
            continue
        key = paragraph.casefold()
        if key in seen and len(paragraph) < SHORT:
            continue
        seen.add(key)
        kept.append(paragraph)
    return _trailing_labels(kept)
