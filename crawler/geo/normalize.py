"""Length-preserving text normalisation shared by the gazetteer build and the matcher."""

from __future__ import annotations

import unicodedata

# Every apostrophe look-alike used in Uzbek Latin (oʻ, g‘) and in English possessives.
APOSTROPHES = "'ʻ‘`ʼ’′´ʹ"
_HYPHENS = "‐‑‒–—"
_MAP = {ord(c): "'" for c in APOSTROPHES}
_MAP.update({ord(c): "-" for c in _HYPHENS})
# Turkish/Azeri dotted İ lower-cases to two code points; plain "i" keeps offsets aligned.
_MAP.update({ord("ё"): "е", ord("Ё"): "е", ord("İ"): "i", ord("\u00a0"): " ", ord("\t"): " ",
             ord("\n"): " ", ord("\r"): " "})


def normalize(text: str) -> str:
    """Lower-case, unify apostrophes/hyphens, ё→е; the result has the same length as `text`."""
    lowered = text.translate(_MAP).lower()
    if len(lowered) == len(text):
        return lowered
    # A few capitals (İ) lower-case to two code points: fall back to per-character lowering.
    return "".join(c if len(c := ch.lower()) == 1 else ch for ch in text.translate(_MAP))


def script_of(word: str) -> str:
    """'cyr', 'lat' or 'other' for the letters of `word` (mixed Latin/Cyrillic is 'other')."""
    scripts: set[str] = set()
    for ch in word:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("CYRILLIC"):
            scripts.add("cyr")
        elif name.startswith("LATIN"):
            scripts.add("lat")
        else:
            return "other"
    if len(scripts) != 1:
        return "other"
    return scripts.pop()
