"""Words mixing Latin and Cyrillic lookalike letters, written in one script.

Two sources of such words: typing with the wrong keyboard layout for a letter or two ("Бишкeк" with a Latin e,
"Kазахстан" with a Latin K, common in Kazakh text where Latin i stands for і), and text disguised to escape
filters ("Аdvеrtіѕе wіth uѕ" with Cyrillic а, е, і, ѕ). Either way the word is unreadable to search, place
names and boilerplate rules. A word is rewritten only into a script in which every one of its letters can be
written; a mixed word with letters that have no twin in either script is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

# Latin letter -> its Cyrillic twin (Ukrainian/Kazakh і, Macedonian ѕ and ј, Kazakh/Kyrgyz һ and Ү).
LATIN_TO_CYRILLIC = dict(zip(
    "aceopxyijshABCEHKMOPTXIJSY",
    "асеорхуіјѕһАВСЕНКМОРТХІЈЅҮ", strict=True))
# Cyrillic letter -> its Latin twin: the inverse, and a few Cyrillic-only shapes (ԁ, ӏ, ү).
CYRILLIC_TO_LATIN = {**{c: latin for latin, c in LATIN_TO_CYRILLIC.items()}, "ԁ": "d", "ӏ": "l", "ү": "y"}
TO_CYRILLIC = str.maketrans(LATIN_TO_CYRILLIC)
TO_LATIN = str.maketrans(CYRILLIC_TO_LATIN)
LATIN = "A-Za-z"
CYRILLIC = "\u0400-\u04ff\u0500-\u052f"
# Where a Latin letter touches a Cyrillic one: only text holding this has a mixed word.
SCRIPT_SEAM = re.compile(f"[{LATIN}][{CYRILLIC}]|[{CYRILLIC}][{LATIN}]")
MIXED_WORD = re.compile(f"[{LATIN}{CYRILLIC}]*(?:[{LATIN}][{CYRILLIC}]|[{CYRILLIC}][{LATIN}])[{LATIN}{CYRILLIC}]*")
LATIN_LETTER = re.compile(f"[{LATIN}]")
CYRILLIC_LETTER = re.compile(f"[{CYRILLIC}]")


def _one_script(word: str, text_is_cyrillic: Callable[[], bool]) -> str:
    """The word in the script that all its letters can be written in; when both can, the text's."""
    latin = LATIN_LETTER.findall(word)
    cyrillic = CYRILLIC_LETTER.findall(word)
    to_cyrillic = all(c in LATIN_TO_CYRILLIC for c in latin)
    to_latin = all(c in CYRILLIC_TO_LATIN for c in cyrillic)
    if to_cyrillic and to_latin:  # every letter has a twin ("Тhе", "CCCР"): the script of the text around
        to_cyrillic = text_is_cyrillic()
        to_latin = not to_cyrillic
    if to_cyrillic:
        return word.translate(TO_CYRILLIC)
    if to_latin:
        return word.translate(TO_LATIN)
    return word


def one_script_words(text: str) -> str:
    """`text` with each word that mixes Latin and Cyrillic lookalikes written in one script (see
    `_one_script`); other mixed words are left as they are."""
    # one character class at a time first: most text lacks one of the scripts, and the seam's alternation
    # scans five times slower
    if not CYRILLIC_LETTER.search(text) or not LATIN_LETTER.search(text) or not SCRIPT_SEAM.search(text):
        return text

    @cache
    def text_is_cyrillic() -> bool:
        return len(CYRILLIC_LETTER.findall(text)) > len(LATIN_LETTER.findall(text))

    return MIXED_WORD.sub(lambda match: _one_script(match.group(), text_is_cyrillic), text)
