"""The fast paths of crawler.geo give what the plain definitions give: normalisation, word starts, word counts."""

from __future__ import annotations

import random
import re

import pytest

from crawler.geo.gazetteer import build_index, load
from crawler.geo.matcher import Matcher
from crawler.geo.normalize import _MAP, normalize, split_count

# Characters that exercise every branch: mapped apostrophes and hyphens, ё, İ (two code points when
# lower-cased), whitespace of several kinds, a lone surrogate, a non-BMP letter, digits and marks.
TRICKY = "aAİIıЁёeЕ'ʻ‘`ʼ’′´ʹ‐‑‒–—-\u00a0\t\n\r\x1c\u2028\u3000 ßΣς_²1.(«\ud800\U0001d400\u0301ошOSH"
WORD_START = re.compile(r"\b(?=\w)")


def _reference_normalize(text: str) -> str:
    lowered = text.translate(_MAP).lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c := ch.lower()) == 1 else ch for ch in text.translate(_MAP))


def _random_texts(count: int, seed: int, alphabet: str = TRICKY) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(count)]


def test_normalize_is_the_translation_table_then_lower() -> None:
    for text in _random_texts(5000, 1) + ["", "İstanbul", "Ёлка — ‘Oʻzbekiston’\u00a0Осh"]:
        assert normalize(text) == _reference_normalize(text), repr(text)
        assert len(normalize(text)) == len(text)


def test_split_count_is_len_of_split() -> None:
    for text in _random_texts(5000, 2) + ["", " ", "one", " two  words\n", "\U0001d400 \U0001d401"]:
        assert split_count(text) == len(text.split()), repr(text)


def _reference_starts(forms: set[str], norm: str) -> list[int]:
    return [m.start() for m in WORD_START.finditer(norm) if any(norm.startswith(form, m.start()) for form in forms)]


@pytest.mark.parametrize("text", [
    "ош", "хорошо", "(ош)", "_ош", "1ош", "²ош", "\U0001d400ош", "\ud800ош", "o'sh", "ош-ош ош'ош",
    "казахстан-китай", "в ошской области", "osh\u0301osh", "",
])
def test_form_starts_are_word_starts_where_a_form_begins(text: str) -> None:
    gazetteer = load()
    norm = normalize(text)
    assert gazetteer.form_starts(norm) == _reference_starts(set(gazetteer.forms), norm)


def test_form_starts_on_random_text_with_a_small_gazetteer() -> None:
    forms = ["ab", "abc", "b'c", "ош", "шо", "ош ош", "c-d"]
    tiny = build_index({"entries": [{
        "id": "x", "name": "X", "countries": ["UZ"], "kind": "city", "weight": 0.5, "population": 1,
        "context": False, "person": False, "admin": [], "neighbours": [],
        "forms": [[form, "L", 0] for form in forms]}], "foreign_countries": []})
    for text in _random_texts(3000, 3, alphabet="abcd' -_1²ошОШ\ud800\U0001d400"):
        norm = normalize(text)
        assert tiny.form_starts(norm) == _reference_starts(set(forms), norm), repr(text)


def test_a_lone_surrogate_does_not_hide_places() -> None:
    found = Matcher().match({"body": "Officials met in \ud800 Bishkek and Osh."})
    assert [m.entry.name for m in found] == ["Bishkek", "Osh"]
