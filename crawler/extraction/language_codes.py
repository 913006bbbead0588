"""Declared language codes and names ('ru-RU', 'kz', 'oz', 'Russian', 'rus') to ISO 639-1 codes."""

from __future__ import annotations

import re
from functools import lru_cache

# Codes pages use that are not the language's ISO 639-1 code (country codes, Gazeta.uz's "oz"),
# plus deprecated ISO codes. "kg" is really Kongo, but on this region's sites it means Kyrgyz.
CODE_ALIASES = {
    "kz": "kk", "oz": "uz", "kg": "ky", "kgz": "ky", "tj": "tg", "tm": "tk", "ua": "uk", "by": "be",
    "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro",
}
# Language names found in inLanguage and similar fields, keyed by their first word, lower case.
LANGUAGE_NAMES = {
    "russian": "ru", "русский": "ru", "орысша": "ru", "kazakh": "kk", "қазақ": "kk", "қазақша": "kk",
    "казахский": "kk", "kyrgyz": "ky", "kirghiz": "ky", "кыргыз": "ky", "кыргызча": "ky", "киргизский": "ky",
    "uzbek": "uz", "oʻzbek": "uz", "o'zbek": "uz", "o‘zbek": "uz", "oʻzbekcha": "uz", "o'zbekcha": "uz",
    "ўзбек": "uz", "ўзбекча": "uz", "узбекский": "uz", "tajik": "tg", "тоҷикӣ": "tg", "тоҷикй": "tg",
    "таджикский": "tg", "turkmen": "tk", "türkmen": "tk", "türkmençe": "tk", "туркменский": "tk",
    "english": "en", "английский": "en",
}
NON_LANGUAGES = frozenset({"und", "mul", "zxx", "mis", "x", "i"})
CODE_SEPARATORS = re.compile(r"[-_.@]+")
ALPHA_CODE = re.compile(r"^[a-z]{2,3}$")


def _primary_subtag(code: str) -> str:
    return CODE_SEPARATORS.split(code.strip().lower(), maxsplit=1)[0]


@lru_cache(maxsize=256)
def normalize_language_code(code: str | None) -> str | None:
    """ISO 639-1 code of a declared language ('ru-RU' -> 'ru', 'uz_Latn' -> 'uz', 'kz' -> 'kk', 'oz' -> 'uz',
    'rus' -> 'ru', 'Russian' -> 'ru'); the ISO 639-3 code for languages without one; None if unknown."""
    if not code or not code.strip():
        return None
    if any(char.isspace() for char in code.strip()):  # a name ("Русский язык"), never a code
        first = code.split()[0].lower()
        return LANGUAGE_NAMES.get(first) or _by_name(code)
    primary = _primary_subtag(code)
    if primary in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[primary]
    if primary in CODE_ALIASES:
        return CODE_ALIASES[primary]
    if primary in NON_LANGUAGES:
        return None
    if ALPHA_CODE.match(primary):
        return _by_code(primary)
    return _by_name(code)


def _by_code(primary: str) -> str | None:
    import pycountry  # loaded only for codes outside the tables above

    if len(primary) == 2:
        found = pycountry.languages.get(alpha_2=primary)
    else:
        found = pycountry.languages.get(alpha_3=primary)
        if found is None:
            found = next((lang for lang in pycountry.languages if getattr(lang, "bibliographic", None) == primary),
                         None)
    if found is None:
        return None
    return getattr(found, "alpha_2", None) or found.alpha_3


def _by_name(name: str) -> str | None:
    import pycountry

    try:
        found = pycountry.languages.lookup(name.strip())
    except LookupError:
        return None
    return getattr(found, "alpha_2", None) or found.alpha_3

