"""Load the committed gazetteer.json and index its forms for the matcher (no build-time packages)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ahocorasick_rs import AhoCorasick, MatchKind

DATA_PATH = Path(__file__).with_name("data") / "gazetteer.json"
MIN_FOREIGN_STEM = 5  # shorter stems of country names (Iran → Ir) would catch ordinary words
_SURROGATE = re.compile("[\ud800-\udfff]")


def _is_word_char(char: str) -> bool:
    """A character of the regex class `\\w` (str patterns): letters, digits, numerics and the underscore."""
    return char.isalnum() or char == "_"


@dataclass(frozen=True)
class NeighbourRule:
    """A word before/after a match that redirects it (`to`) or drops it (`to` == "")."""

    side: str
    words: tuple[str, ...]
    to: str


@dataclass(frozen=True)
class Entry:
    """One place, country, demonym or region of the gazetteer."""

    id: str
    name: str
    countries: tuple[str, ...]
    kind: str
    weight: float
    population: int
    context: bool
    person: bool
    admin: tuple[str, ...]
    neighbours: tuple[NeighbourRule, ...]


@dataclass(frozen=True)
class FormRef:
    """A normalised surface form of an entry, with its ending paradigm and whether it needs context."""

    entry: Entry
    paradigm: str
    needs_context: bool


@dataclass(frozen=True)
class Gazetteer:
    """All entries, forms by normalised text, and an Aho-Corasick automaton of the forms."""

    entries: dict[str, Entry]
    forms: dict[str, tuple[FormRef, ...]]
    lengths: tuple[int, ...]  # distinct form lengths, longest first
    finder: AhoCorasick  # every form, found in one pass over the text whatever their number
    foreign_countries: frozenset[str]  # one-word names of other countries, normalised
    foreign_stems: frozenset[str]  # the same without their last two letters (России, Marokkos)

    def form_starts(self, norm: str) -> list[int]:
        """Where a form begins at the start of a word in normalised text (a regex `\\b`: no word character
        before it), in increasing order. Places are matched at word starts only; endings are checked later."""
        try:
            found = self.finder.find_matches_as_indexes(norm, overlapping=True)
        except UnicodeEncodeError:  # a lone surrogate, which UTF-8 cannot carry: no form contains one
            found = self.finder.find_matches_as_indexes(_SURROGATE.sub("\ufffd", norm), overlapping=True)
        return sorted({start for _, start, _ in found if start == 0 or not _is_word_char(norm[start - 1])})

    def is_foreign_country(self, token: str) -> bool:
        """True for a (possibly inflected) name of a country outside Central Asia."""
        if token in self.foreign_countries:
            return True
        return any(token[:k] in self.foreign_stems for k in range(len(token) - 3, len(token))
                   if k >= MIN_FOREIGN_STEM)


def _entry(raw: dict[str, Any]) -> Entry:
    rules = tuple(NeighbourRule(n["side"], tuple(n["words"]), n["to"]) for n in raw["neighbours"])
    return Entry(raw["id"], raw["name"], tuple(raw["countries"]), raw["kind"], float(raw["weight"]),
                 int(raw["population"]), bool(raw["context"]), bool(raw["person"]), tuple(raw["admin"]),
                 rules)


def build_index(data: dict[str, Any]) -> Gazetteer:
    """Index a gazetteer dict (as stored in gazetteer.json)."""
    entries: dict[str, Entry] = {}
    forms: dict[str, list[FormRef]] = {}
    for raw in data["entries"]:
        entry = _entry(raw)
        entries[entry.id] = entry
        for form, paradigm, ctx in raw["forms"]:
            forms.setdefault(form, []).append(FormRef(entry, paradigm, bool(ctx)))
    lengths = tuple(sorted({len(f) for f in forms}, reverse=True))
    # Every occurrence of every form (overlapping ones too); word starts, longest form and ending are
    # then checked in Python, on the few places found.
    finder = AhoCorasick(sorted(forms), matchkind=MatchKind.Standard)
    foreign = frozenset(data.get("foreign_countries", ()))
    stems = frozenset(n[:-2] for n in foreign if len(n) - 2 >= MIN_FOREIGN_STEM)
    return Gazetteer(entries, {k: tuple(v) for k, v in forms.items()}, lengths, finder, foreign, stems)


@lru_cache(maxsize=4)
def load(path: Path = DATA_PATH) -> Gazetteer:
    """The gazetteer at `path`, indexed once per process."""
    with path.open(encoding="utf-8") as fh:
        return build_index(json.load(fh))
