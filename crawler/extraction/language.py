"""Language and script of article text: py3langid within a candidate set, plus script, letter and word evidence."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence

import numpy as np
from py3langid.langid import MODEL_FILE, RAW_FLOOR

from crawler.extraction.langid_fast import FastIdentifier
from crawler.extraction.language_codes import normalize_language_code
from crawler.extraction.scripts import script_counts

__all__ = ["detect_language", "detect_script", "function_words", "identifier", "language_scores",
           "marked_letters", "normalize_language_code", "script_counts"]

# The region's languages: the default candidate set when a source declares none.
REGIONAL: tuple[str, ...] = ("ru", "kk", "ky", "uz", "tg", "tk", "en")

# Enough text to decide (a title and the lead paragraphs); longer bodies are cut, which bounds a call
# (about 0.4 ms) whatever the body's length.
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

# Letters that tell the region's languages apart (lower case), and the Uzbek Latin oʻ/gʻ in any
# of its apostrophe spellings, counted as the pseudo-letter "ʻ".
MARKED_LETTERS = "әғқңөұүһіӣӯҳҷўыäçňöşüýžğıəñqxw"
UZ_APOSTROPHES = "ʻ‘'`ʼ’´"
# The apostrophe after o or g, before a letter (matched with its o/g: a literal start lets the regex skip ahead).
UZ_OG_MARK = re.compile(rf"[og][{UZ_APOSTROPHES}](?=[^\W\d_])")
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
# Common characters that are neither letters nor word-joining marks: trimmed off a chunk, they split no word.
NOT_IN_WORDS = ".,;:!?()\"«»“”„[]{}…—–/%0123456789"

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
    **{code: frozenset({script}) for code, script in (
        ("hi", "Deva"), ("mr", "Deva"), ("ne", "Deva"), ("bn", "Beng"), ("as", "Beng"), ("pa", "Guru"),
        ("gu", "Gujr"), ("or", "Orya"), ("ta", "Taml"), ("te", "Telu"), ("kn", "Knda"), ("ml", "Mlym"),
        ("si", "Sinh"), ("th", "Thai"), ("lo", "Laoo"), ("dz", "Tibt"), ("am", "Ethi"), ("km", "Khmr"))},
}

_lock = threading.Lock()
_identifier: FastIdentifier | None = None


def identifier() -> FastIdentifier:
    """This module's own py3langid model, loaded once: never restricted, so no global state is shared."""
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                _identifier = FastIdentifier.from_model_file(MODEL_FILE)
    return _identifier


def detect_script(text: str) -> str | None:
    """The ISO 15924 code of the script most letters are in ('Latn', 'Cyrl', 'Arab', ...), or None."""
    counts = script_counts(text[:MAX_CHARS])
    return counts.most_common(1)[0][0] if counts else None


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
    # str.count per letter: thirty C-speed scans beat one regex stepping through every character.
    marked = Counter({letter: found for letter in MARKED_LETTERS if (found := text.count(letter))})
    if any(mark in text for mark in UZ_APOSTROPHES) and (found := len(UZ_OG_MARK.findall(text))):
        marked[UZ_OG] = found
    return marked


def function_words(text: str) -> Counter[str]:
    """Function-word hits per language in lower-cased text."""
    words: list[str] = []
    # Words never span whitespace, so each whitespace-separated chunk is tokenised on its own: an all-letter
    # chunk (after trimming punctuation) is one word as it stands, the rest go through the WORDS pattern.
    for chunk in APOSTROPHE.sub("ʻ", text).split():
        if chunk.isalpha() or (chunk := chunk.strip(NOT_IN_WORDS)).isalpha():
            words.append(chunk)
        else:
            words.extend(WORDS.findall(chunk))
    found = Counter(filter(FUNCTION_WORD_LANGUAGES.__contains__, words))
    hits: Counter[str] = Counter()
    for word, count in found.items():
        for code in FUNCTION_WORD_LANGUAGES[word]:
            hits[code] += count
    return hits


def language_scores(text: str, script: str, *, declared: str | None = None,
                    candidates: Sequence[str] = ()) -> list[tuple[str, float]]:
    """The languages in contention, best first: py3langid's score plus the evidence above, for every language
    that writes `script` and is not too far behind to win. Empty when py3langid finds no feature at all."""
    model = identifier()
    raw_scores = model.label_scores(text)
    # Labels best first, as py3langid's rank() orders them (stable: ties keep label order); the loop
    # below reads only the few that are close enough to win.
    order = np.argsort(-raw_scores, kind="stable").tolist()
    labels, values = model.label_names, raw_scores.tolist()
    if values[order[0]] <= RAW_FLOOR / 2:
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
    for column in order:
        code, raw = labels[column], values[column]
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
