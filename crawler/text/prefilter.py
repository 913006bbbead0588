"""Literal prefilters for phrase regexes: a regex runs only when its folded text holds a word the regex needs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ahocorasick_rs import AhoCorasick, MatchKind

try:  # CPython's regex parser: private, so a missing one only turns the prefilters off
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - other Pythons
    sre = sre_parse = None  # type: ignore[assignment]

# Case-insensitive matching (re.IGNORECASE) compares the simple lowercase of two characters, and also
# treats these lowercase letters as one (CPython's re._casefix): dotless i, long s, the Greek symbol
# variants and the Cyrillic round and tall letters. Folding maps each class to its first member.
CASE_CLASSES = (
    "i\u0131", "s\u017f", "\u03bc\u00b5", "\u03b9\u0345\u1fbe", "\u0390\u1fd3", "\u03b0\u1fe3", "\u03b2\u03d0",
    "\u03b5\u03f5", "\u03b8\u03d1", "\u03ba\u03f0", "\u03c0\u03d6", "\u03c1\u03f1", "\u03c3\u03c2", "\u03c6\u03d5",
    "\u0432\u1c80", "\u0434\u1c81", "\u043e\u1c82", "\u0441\u1c83", "\u0442\u1c84\u1c85", "\u044a\u1c86",
    "\u0463\u1c87", "\ua64b\u1c88", "\u1e61\u1e9b", "\ufb06\ufb05",
)
FOLD_TABLE = {ord(other): members[0] for members in CASE_CLASSES for other in members[1:]}
FOLD_ODD = re.compile("[" + "".join(chr(point) for point in FOLD_TABLE) + "]")
DOTTED_I = "\u0130"  # the one character whose lowercase is two characters long ("i" and a combining dot)
CLASS_RANGE = re.compile(r"\[[^\]]*-[^\]]*\]")  # "[a-z]": folding could change what a range spans
INLINE_FLAGS = re.compile(r"\(\?(?![:=!]|<[=!])")  # "(?i)", "(?P<Name>": not plain groups
ALLOWED_FLAGS = re.IGNORECASE | re.UNICODE | re.MULTILINE | re.DOTALL | re.VERBOSE


def fold(text: str) -> str:
    """Text as case-insensitive matching sees it: two characters match under re.IGNORECASE exactly when
    their folds are equal, and folding keeps every character at its place (one character each)."""
    if text.isascii():
        return text.lower()
    if DOTTED_I in text:
        text = text.replace(DOTTED_I, "i")
    text = text.lower()
    return text.translate(FOLD_TABLE) if FOLD_ODD.search(text) else text


def folded_source(source: str) -> str | None:
    """Regex source that, compiled case-sensitively and run on folded text, matches exactly where
    `source` compiled with re.IGNORECASE matches the unfolded text; None when `source` holds an escape,
    a class range or an inline flag or name, whose meaning lowercasing could change."""
    if "\\" in source or CLASS_RANGE.search(source) or INLINE_FLAGS.search(source):
        return None
    return fold(source)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two needle sets: the longer shortest needle (spaces at its ends not
    counted: " the " is no rarer than "the"), then fewer needles."""
    if a is None:
        return b
    if b is None:
        return a
    return a if _selectivity(a) >= _selectivity(b) else b


def _selectivity(found: frozenset[str]) -> tuple[int, int]:
    return min(len(needle.strip()) for needle in found), -len(found)


def _needles(items: Iterable[tuple[Any, Any]], ignore_case: bool) -> frozenset[str] | None:
    """Strings one of which every match of this sequence of regex items contains; None when unknown."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:  # the sentinel ends the last run of literals
        if op is sre.LITERAL:
            char = fold(chr(av)) if ignore_case else chr(av)
            run.append(char)
            continue
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run = []
        found: frozenset[str] | None = None
        if op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
            found = _needles(av[3], ignore_case)
        elif op is sre.ATOMIC_GROUP:
            found = _needles(av, ignore_case)
        elif op is sre.BRANCH:
            options = [_needles(option, ignore_case) for option in av[1]]
            if all(option is not None for option in options):
                found = frozenset().union(*options)  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _needles(av[2], ignore_case)
        if found is not None and "" not in found:
            best = _better(best, found)
    return best


def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings (folded when the pattern ignores case) one of which the text of any match contains, or
    None when the pattern's form is not understood or needs no literal."""
    if sre_parse is None or not isinstance(pattern.pattern, str) or pattern.flags & ~ALLOWED_FLAGS:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unexpected parser: no prefilter, never a wrong answer
        return None
    return _needles(parsed, bool(pattern.flags & re.IGNORECASE))


class PhraseIndex:
    """Phrase regexes behind one scan for their needles: `candidates(text)` names the regexes that may
    match `text`, so that the others (most, for most paragraphs) are never run.

    The scan is an Aho-Corasick automaton (ahocorasick-rs, as for the gazetteer) over the folded text: one
    pass for every needle of every regex; `automaton=False` gives the same answer by one substring test per
    needle, more slowly."""

    def __init__(self, regexes: Iterable[re.Pattern[str]], *, automaton: bool = True) -> None:
        self.regexes = frozenset(regexes)
        self.always: frozenset[re.Pattern[str]] = frozenset()
        by_needle: dict[tuple[bool, str], set[re.Pattern[str]]] = {}
        for regex in self.regexes:
            found = needles(regex)
            if not found:
                self.always |= {regex}
                continue
            folds = bool(regex.flags & re.IGNORECASE)
            for needle in _shortest(found):
                by_needle.setdefault((folds, needle), set()).add(regex)
        self.folded_needles = {n: frozenset(r) for (folds, n), r in by_needle.items() if folds}
        self.exact_needles = {n: frozenset(r) for (folds, n), r in by_needle.items() if not folds}
        self._needle_regexes = list(self.folded_needles.values())
        self.automaton = _automaton(list(self.folded_needles)) if automaton else None

    def candidates(self, text: str) -> frozenset[re.Pattern[str]]:
        """The regexes that may match somewhere in `text` (a superset of those that do)."""
        found = self.always
        folded = fold(text)
        if self.automaton is not None:
            for index in {match[0] for match in self.automaton.find_matches_as_indexes(folded, overlapping=True)}:
                found = found | self._needle_regexes[index]
        else:
            for needle, regexes in self.folded_needles.items():
                if needle in folded:
                    found = found | regexes
        for needle, regexes in self.exact_needles.items():
            if needle in text:
                found = found | regexes
        return found


def _shortest(found: Iterable[str]) -> list[str]:
    """Needles without those holding another needle: finding the shorter one says as much."""
    ordered = sorted(set(found), key=len)
    kept: list[str] = []
    for needle in ordered:
        if not any(shorter in needle for shorter in kept):
            kept.append(needle)
    return kept


def _automaton(needles: list[str]) -> AhoCorasick | None:
    return AhoCorasick(needles, matchkind=MatchKind.Standard) if needles else None
