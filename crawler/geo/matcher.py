"""Find gazetteer places in text: forms with their endings, then neighbour, person and context rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.geo.curated_lexicon import ADMIN_WORDS, GEO_MODIFIERS, HONORIFICS, PERSON_VERBS
from crawler.geo.gazetteer import Entry, FormRef, Gazetteer, load
from crawler.geo.morphology import LATIN, suffix_ok
from crawler.geo.normalize import normalize

# Word characters plus the normalised apostrophe: what may follow a form inside the same word.
_WORD_TAIL = re.compile(r"[\w']*")
_TOKEN_AFTER = re.compile(r"[\s,;:()\"«»“”]*([\w'.-]+)")
_TOKEN_BEFORE = re.compile(r"([\w'.-]+)[\s,;:()\"«»“”]*$")
_SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?…:;\"«»“”()\[\]\n]|\s[-–—])\s*$")
TITLE_CASE_SHARE = 0.6
LIST_WINDOW = 60  # characters either side searched for other countries' names
_WORDS = re.compile(r"[^\W\d_][\w'-]*")
_CONJUNCTIONS = frozenset({"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "и", "или", "а", "также",
                           "va", "ва", "we", "hem", "жана", "және", "мен", "менен", "as", "well"})
LOOK_AROUND = 40  # characters searched for the neighbouring word
# Capitalised words after a place name that keep it a place ("Naryn River", "Osh State University").
_GEO_FOLLOWERS = ("river", "valley", "lake", "state", "university", "airport", "oblast", "region",
                  "province", "mountains", "city", "district", "bazaar", "market", "sea", "desert")


@dataclass(frozen=True)
class Match:
    """One accepted occurrence of an entry in one field of the article."""

    entry: Entry
    field: str  # "title", "lead" or "body"
    start: int
    end: int
    surface: str
    listed: bool = False  # one item of an enumeration of countries ("Peru, Kazakhstan and Morocco")


@dataclass
class _Candidate:
    ref: FormRef
    entry: Entry
    start: int
    end: int
    pending: bool  # needs another mention of its country elsewhere in the article


def _next_token(text: str, end: int) -> str:
    m = _TOKEN_AFTER.match(text, end, min(len(text), end + LOOK_AROUND))
    return m.group(1).rstrip(".'-") if m else ""


def _prev_token(text: str, start: int) -> tuple[str, int]:
    window_start = max(0, start - LOOK_AROUND)
    m = _TOKEN_BEFORE.search(text[window_start:start])
    if not m:
        return "", start
    return m.group(1), window_start + m.start(1)


def _is_title_case(text: str) -> bool:
    """Most words capitalised (a headline in Title Case): capitalisation says nothing about names."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _starts_with_any(token: str, prefixes: tuple[str, ...]) -> bool:
    return bool(token) and token.startswith(prefixes)


def _find_forms(gaz: Gazetteer, norm: str, language: str | None) -> list[tuple[FormRef, int, int]]:
    """Longest valid form (with a valid ending) at every word start where a form begins, left to right;
    a start inside an accepted match (with its ending) is skipped."""
    found: list[tuple[FormRef, int, int]] = []
    pos = 0
    for start in gaz.form_starts(norm):
        if start < pos:
            continue
        accepted = _longest_form(gaz, norm, start, language)
        if accepted is not None:
            found.append(accepted)
            pos = accepted[2]
    return found


def _longest_form(gaz: Gazetteer, norm: str, start: int, language: str | None
                  ) -> tuple[FormRef, int, int] | None:
    limit = len(norm) - start
    for length in gaz.lengths:
        if length > limit:
            continue
        refs = gaz.forms.get(norm[start:start + length])
        if not refs:
            continue
        rest = _WORD_TAIL.match(norm, start + length).group()
        if rest.endswith("'") and rest != "'":
            rest = rest.rstrip("'")  # a closing quote, not part of the word
        elif rest == "'":
            rest = ""
        for ref in refs:
            if suffix_ok(norm[start:start + length], ref.paradigm, rest, ref.entry.kind, language):
                return ref, start, start + length + len(rest)
    return None


class Matcher:
    """Applies the gazetteer to the fields of one article."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load()

    def match(self, fields: dict[str, str], language: str | None = None) -> list[Match]:
        """Accepted matches in every field; context-needing ones only if their country is named too."""
        candidates: dict[str, list[_Candidate]] = {}
        persons: set[str] = set()
        for name, text in fields.items():
            if text:
                candidates[name] = self._candidates(text, language, persons, name == "title")
        # Once "Ahmed Tajik" is seen, "remembered Tajik as a mentor" is the same person.
        for name, cands in candidates.items():
            candidates[name] = [c for c in cands if not (c.entry.person and c.ref.paradigm == LATIN
                                                          and fields[name][c.start:c.end] in persons)]
        anchored = {c for cands in candidates.values() for cand in cands if not cand.pending
                    for c in cand.entry.countries}
        out: list[Match] = []
        for name, cands in candidates.items():
            text = fields[name]
            for cand in cands:
                if cand.pending and not (set(cand.entry.countries) & anchored):
                    continue
                listed = name == "body" and self._in_country_list(text, cand.start, cand.end)
                out.append(Match(cand.entry, name, cand.start, cand.end, text[cand.start:cand.end], listed))
        return out

    def _candidates(self, text: str, language: str | None, persons: set[str], is_title: bool
                    ) -> list[_Candidate]:
        """Matches in one field; surfaces found to be people's names are added to `persons`."""
        norm = normalize(text)
        title_case = is_title and _is_title_case(text)
        out: list[_Candidate] = []
        for ref, start, end in _find_forms(self.gaz, norm, language):
            entry = self._apply_neighbours(ref.entry, norm, start, end)
            if entry is None:
                continue
            if (entry.person and ref.paradigm == LATIN
                    and self._is_person(entry, text, start, end, title_case)):
                persons.add(text[start:end])
                continue
            needs_context = ref.needs_context and entry is ref.entry
            if needs_context and not text[start].isupper():
                continue  # ambiguous names count only as proper nouns: "Семей", not "семей" (families)
            pending = needs_context and not self._admin_follows(entry, norm, end)
            out.append(_Candidate(ref, entry, start, end, pending))
        return out

    def _apply_neighbours(self, entry: Entry, norm: str, start: int, end: int) -> Entry | None:
        for rule in entry.neighbours:
            token = _prev_token(norm, start)[0] if rule.side == "before" else _next_token(norm, end)
            if _starts_with_any(token, rule.words):
                return self.gaz.entries.get(rule.to) if rule.to else None
        return entry

    def _in_country_list(self, text: str, start: int, end: int) -> bool:
        """Two other countries among the two words either side: an enumeration, not the topic."""
        before = [t for t in _WORDS.findall(normalize(text[max(0, start - LIST_WINDOW):start]))
                  if t not in _CONJUNCTIONS][-2:]
        after = [t for t in _WORDS.findall(normalize(text[end:end + LIST_WINDOW])) if t not in _CONJUNCTIONS][:2]
        return sum(self.gaz.is_foreign_country(t) for t in before + after) >= 2

    @staticmethod
    def _admin_follows(entry: Entry, norm: str, end: int) -> bool:
        return _starts_with_any(_next_token(norm, end), entry.admin or ADMIN_WORDS)

    def _is_person(self, entry: Entry, text: str, start: int, end: int, title_case: bool) -> bool:
        """Mr Uzbek, Queen Mary, Mary Smith, Ahmed Tajik, "Uzbek said": a name, not a place.

        In Title Case Headlines every word is capitalised, so only the honorific rule applies there.
        """
        prev, prev_start = _prev_token(text, start)
        prev_key = prev.lower().rstrip(".")
        if prev_key in HONORIFICS or prev.lower() in HONORIFICS:
            return True
        nxt = _next_token(text, end)
        if entry.kind == "demonym" and nxt in PERSON_VERBS:
            return True
        if title_case:
            return False
        if entry.kind != "demonym" and self._capitalised_name(nxt) and not nxt.lower().startswith(_GEO_FOLLOWERS):
            return True  # a first name followed by a surname
        # A capitalised word before it: "Ahmed Tajik", "Gene Talas". Before a demonym a sentence-initial
        # word is usually an adjective ("Former Tajik leaders"), so there it must be mid-sentence.
        return (self._capitalised_name(prev) and prev_key not in GEO_MODIFIERS
                and (entry.kind != "demonym" or not _SENTENCE_END_BEFORE.search(text[:prev_start]))
                and not self._is_place_word(prev))

    def _is_place_word(self, token: str) -> bool:
        norm = normalize(token)
        return norm in self.gaz.forms or norm.removesuffix("'s") in self.gaz.forms

    @staticmethod
    def _capitalised_name(token: str) -> bool:
        return len(token) > 1 and token[0].isupper() and token[1:2].islower()
