"""Language and script of article text: py3langid within a candidate set, plus script, letter and word evidence."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from py3langid.langid import MODEL_FILE, RAW_FLOOR, LanguageIdentifier

# The region's languages: the default candidate set when a source declares none.
REGIONAL: tuple[str, ...] = ("ru", "kk", "ky", "uz", "tg", "tk", "en")

# Enough text to decide (a title and the lead paragraphs); longer bodies are cut, which bounds a call
# near 1 ms whatever the body's length (py3langid's byte walk is pure Python).
MAX_CHARS = 1500

# Score adjustments, in the natural-log units of py3langid's raw Naive Bayes scores (a 100-character
# sentence typically separates the right language from the runner-up by 30-200 units). Measured with
# tools/eval_language.py on 2-6 word windows of the labelled paragraphs (the weights sit on a plateau).
# A letter a language does not write: small, because py3langid already sees letters and a Russian sentence
# naming three Kazakh villages carries six Kazakh letters; it mainly outvotes a wrong declared language.
FOREIGN_LETTER = 4.0
# A language outside the candidates must beat them by this much: enough for short-text confusions
# (Uzbek vs Turkish, Kazakh vs Tatar), far less than what a paragraph in another language scores.
OUT_OF_POOL = 40.0
# The page's declared language settles short, ambiguous text and nothing longer; pages often declare
# 'ru' for everything, and 20 already cost 8 points on two-word windows when the declaration was wrong.
DECLARED_BONUS = 10.0
# Each function word of a language: names, numbers and borrowings never supply these, so they decide
# short text that is mostly proper nouns (an English sentence listing Uzbek names, Russian with Kazakh places).
FUNCTION_WORD = 8.0

# Letter runs of each script (ISO 15924); combining marks and digits are not letters.
LATIN_LETTERS = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF"
CYRILLIC_LETTERS = r"\u0400-\u0481\u048A-\u052F\u1C80-\u1C88\uA640-\uA66D\uA680-\uA69D"
MAIN_SCRIPT_RUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Latn", re.compile(f"[{LATIN_LETTERS}]+")),
    ("Cyrl", re.compile(f"[{CYRILLIC_LETTERS}]+")),
)
# Any other letter (U+02BB-style modifier letters excepted): only then are the other scripts counted.
OTHER_LETTER = re.compile(rf"[^\W\d_{LATIN_LETTERS}{CYRILLIC_LETTERS}\u02B0-\u02FF]")
OTHER_SCRIPT_RUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Arab", re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\u08A0-\u08C9"
                        r"\uFB50-\uFDFB\uFE70-\uFEFC]+")),
    ("Grek", re.compile(r"[\u0370-\u0373\u0376-\u03FF\u1F00-\u1FFF]+")),
    ("Armn", re.compile(r"[\u0531-\u0556\u0560-\u0588]+")),
    ("Geor", re.compile(r"[\u10A0-\u10FF\u1C90-\u1CBF]+")),
    ("Hebr", re.compile(r"[\u05D0-\u05EA\u05EF-\u05F2]+")),
    ("Deva", re.compile(r"[\u0904-\u0939\u093D\u0950\u0958-\u0961\u0971-\u097F]+")),
    ("Thai", re.compile(r"[\u0E01-\u0E30\u0E32\u0E33\u0E40-\u0E46]+")),
    ("Hani", re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+")),
    ("Kana", re.compile(r"[\u3041-\u3096\u30A1-\u30FA\u31F0-\u31FF]+")),
    ("Hang", re.compile(r"[\u1100-\u11FF\u3131-\u318E\uAC00-\uD7A3]+")),
)

# Letters that tell the region's languages apart (lower case), and the Uzbek Latin oʻ/gʻ in any
# of its apostrophe spellings, counted as the pseudo-letter "ʻ".
MARKED = re.compile(r"[әғқңөұүһіӣӯҳҷўыäçňöşüýžğıəñqxw]|(?<=[og])[ʻ‘'`ʼ’´](?=[^\W\d_])")
UZ_OG = "ʻ"

# The marked letters each language writes; a marked letter outside its set counts against it.
ALPHABETS: dict[str, frozenset[str]] = {
    code: frozenset(letters)
    for code, letters in {
        "ru": "ы",
        "kk": "әғқңөұүһіы",
        "ky": "ңөүы",
        "tg": "ғқӣӯҳҷ",
        "uz": "ўқғҳqx" + UZ_OG,
        "tk": "äçňöşüýžw",
        "en": "qxw",
        "tr": "çğıöşü",
        "az": "əçğıöşüqx",
        "crh": "çğıñöşüqx",
        "tt": "әөүңһы",
        "ba": "әөүңһғы",
        "mn": "өүы",
        "uk": "і",
        "be": "ўіы",
        "bg": "",
        "mk": "",
    }.items()
}

# Frequent function words of the region's languages (lower case; Uzbek apostrophes as ʻ). A word used by
# several of them counts for each.
FUNCTION_WORDS: dict[str, str] = {
    "ru": "и в во на с со по что не для из о об от за к ко как где это его её ее которые который также при "
          "после а но или был была были будет у до он она они",
    "en": "the and of in to a an is are was were for on with by at from that this has have had said after will "
          "be it its as but not",
    "kk": "және мен бен пен үшін деп бойынша бұл осы ол оның сондай-ақ туралы кейін арқылы тағы болды бар да де "
          "та те ал емес әрі",
    "ky": "жана менен үчүн деп боюнча бул ошол анын ошондой тууралуу кийин аркылуу дагы болду бар да де та те "
          "ал эмес эле деген",
    "tg": "дар ва бо аз ба ки барои то бар ин он шуд мешавад кард гуфт мебошад низ ҳам шудааст карда буд",
    "uz": "ва билан учун деб бўйича ҳам бу у унинг эса ҳақида кейин орқали эди бўлди этди қилди ҳамда "
          "va bilan uchun deb boʻyicha ham bu u uning esa haqida keyin orqali edi boʻldi etdi qildi hamda",
    "tk": "we bilen üçin diýip boýunça hem bu ol onuň barada soň arkaly boldy etdi bolsa ýaly",
}


def _word_index(words_by_language: dict[str, str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for code, words in words_by_language.items():
        for word in words.split():
            index[word] = (*index.get(word, ()), code)
    return index


FUNCTION_WORD_LANGUAGES = _word_index(FUNCTION_WORDS)
WORDS = re.compile(r"[^\W\d_]+(?:[-ʻ‘'`ʼ’´][^\W\d_]+)*")
APOSTROPHE = re.compile("[‘'`ʼ’´]")

# The scripts each language is written in (news usage); languages not listed are not filtered.
CYRILLIC_ONLY = ("ru", "kk", "ky", "tg", "uk", "be", "bg", "mk", "mn", "tt", "ba")
LATIN_ONLY = (
    "en", "tk", "tr", "crh", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "bs", "ro",
    "hu", "fi", "et", "lv", "lt", "sv", "da", "no", "nn", "is", "ga", "cy", "eu", "ca", "gl", "sq", "mt",
    "id", "ms", "tl", "vi", "sw", "la", "eo",
)
SCRIPTS: dict[str, frozenset[str]] = {
    **{code: frozenset({"Cyrl"}) for code in CYRILLIC_ONLY},
    **{code: frozenset({"Latn"}) for code in LATIN_ONLY},
    "uz": frozenset({"Latn", "Cyrl"}),  # Uzbek in Arabic script (Afghanistan) is py3langid's 'uzs'
    "az": frozenset({"Latn", "Cyrl", "Arab"}),
    "sr": frozenset({"Cyrl", "Latn"}),
    "fa": frozenset({"Arab"}),
    "ar": frozenset({"Arab"}),
    "ps": frozenset({"Arab"}),
    "ur": frozenset({"Arab"}),
    "ug": frozenset({"Arab", "Cyrl"}),
    "zh": frozenset({"Hani"}),
    "ja": frozenset({"Jpan"}),
    "ko": frozenset({"Hang"}),
    "el": frozenset({"Grek"}),
    "hy": frozenset({"Armn"}),
    "ka": frozenset({"Geor"}),
    "he": frozenset({"Hebr"}),
}

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

_lock = threading.Lock()
_identifier: LanguageIdentifier | None = None


def identifier() -> LanguageIdentifier:
    """This module's own py3langid model, loaded once: never restricted, so no global state is shared."""
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    return _identifier


def script_counts(text: str) -> Counter[str]:
    """Letters per ISO 15924 script; Han counts as Japanese ('Jpan') when kana are present."""
    counts: Counter[str] = Counter()
    for script, runs in MAIN_SCRIPT_RUNS + (OTHER_SCRIPT_RUNS if OTHER_LETTER.search(text) else ()):
        if found := runs.findall(text):
            counts[script] = sum(map(len, found))
    if kana := counts.pop("Kana", 0):
        counts["Jpan"] = kana + counts.pop("Hani", 0)
    return counts


def detect_script(text: str) -> str | None:
    """The ISO 15924 code of the script most letters are in ('Latn', 'Cyrl', 'Arab', ...), or None."""
    counts = script_counts(text[:MAX_CHARS])
    return counts.most_common(1)[0][0] if counts else None


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


def _writes(code: str, script: str) -> bool:
    scripts = SCRIPTS.get(code)
    return scripts is None or script in scripts


def _foreign_letters(code: str, marked: Counter[str]) -> int:
    alphabet = ALPHABETS.get(code)
    if alphabet is None:
        return 0
    return sum(count for letter, count in marked.items() if letter not in alphabet)


def marked_letters(text: str) -> Counter[str]:
    """Counts of the region's distinguishing letters in lower-cased text (oʻ/gʻ counted as 'ʻ')."""
    return Counter(UZ_OG if len(m) == 1 and m in "ʻ‘'`ʼ’´" else m for m in MARKED.findall(text))


def function_words(text: str) -> Counter[str]:
    """Function-word hits per language in lower-cased text."""
    found = Counter(word for word in WORDS.findall(APOSTROPHE.sub("ʻ", text)) if word in FUNCTION_WORD_LANGUAGES)
    hits: Counter[str] = Counter()
    for word, count in found.items():
        for code in FUNCTION_WORD_LANGUAGES[word]:
            hits[code] += count
    return hits


def language_scores(text: str, script: str, *, declared: str | None = None,
                    candidates: Sequence[str] = ()) -> list[tuple[str, float]]:
    """The languages in contention, best first: py3langid's score plus the evidence above, for every language
    that writes `script` and is not too far behind to win. Empty when py3langid finds no feature at all."""
    ranked = identifier().rank(text)
    if ranked[0][1] <= RAW_FLOOR / 2:
        return []
    pool = {code for c in candidates if (code := normalize_language_code(c))} or set(REGIONAL)
    declared_code = normalize_language_code(declared)
    lowered = text.lower()
    marked = marked_letters(lowered)
    hits = function_words(lowered)
    # The most the adjustments can move one language against another: labels further behind the first
    # one that writes the script cannot win, and py3langid ranks ~140 of them.
    reach = (DECLARED_BONUS + OUT_OF_POOL + FOREIGN_LETTER * sum(marked.values())
             + FUNCTION_WORD * max(hits.values(), default=0))
    floor: float | None = None
    scores: dict[str, float] = {}
    # Labels are ISO 639-1 codes, or ISO 639-3 ones for languages without (e.g. 'uzs', Southern Uzbek in
    # Arabic script: not the regional 'uz'); a label that appears twice (script variants) counts once.
    for code, raw in ranked:
        if floor is not None and raw < floor:
            break
        if code in scores or not _writes(code, script):
            continue
        if floor is None:
            floor = raw - reach
        score = raw - FOREIGN_LETTER * _foreign_letters(code, marked) + FUNCTION_WORD * hits[code]
        if code == declared_code:
            score += DECLARED_BONUS
        elif code not in pool:
            score -= OUT_OF_POOL
        scores[code] = score
    return sorted(scores.items(), key=lambda item: item[1], reverse=True)


def detect_language(text: str, *, declared: str | None = None,
                    candidates: Sequence[str] = ()) -> tuple[str | None, str | None]:
    """(ISO 639-1 code, ISO 15924 script) of an article's text (title and body); (None, None) without letters.

    `declared` is the page's own claim (<html lang>, og:locale, JSON-LD inLanguage), trusted only as far as
    the text leaves the question open; `candidates` are the source's languages (the region's when empty):
    other languages must clearly outscore them. Only the first MAX_CHARS characters are read."""
    sample = text[:MAX_CHARS]
    counts = script_counts(sample)
    if not counts:
        return None, None
    script = counts.most_common(1)[0][0]
    ranked = language_scores(sample, script, declared=declared, candidates=candidates)
    if not ranked:
        return normalize_language_code(declared), script
    return ranked[0][0], script
