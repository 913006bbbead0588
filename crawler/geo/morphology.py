"""Which endings may follow a gazetteer form: Russian declension and Turkic suffix chains."""

from __future__ import annotations

import re

# Paradigm codes stored with every form in gazetteer.json.
LATIN = "L"
CYR_CONS = "C"  # Cyrillic name ending in a consonant: Бишкек-е, Бишкек-те
CYR_VOWEL = "V"  # Cyrillic name ending in a vowel: Душанбе, Тараз-... Turkic suffixes only
STEM_A = "RA"  # stem of a name in -а: Алма-Ат-е, Бухар-ой
STEM_YA = "RY"  # stem of a name in -я/-ия: Киргизи-и, Кашкадарь-е
STEM_J = "RJ"  # stem of a name in -й: Костана-е
STEM_SOFT = "RS"  # stem of a name in -ь
ADJ = "ADJ"  # Russian adjective stem: ташкентск-ий
DEM = "DEM"  # Russian demonym noun: казах-и, узбек-ов
DEM_C = "DEMC"  # Russian demonym stem in -ц: казахстанц-ы
STEMS = frozenset({STEM_A, STEM_YA, STEM_J, STEM_SOFT, ADJ, DEM_C})

_RU_ENDINGS = {
    CYR_CONS: "а|у|е|ом",
    STEM_A: "а|ы|и|е|у|ой|ою",
    STEM_YA: "я|и|ю|е|ей|ею",
    STEM_J: "й|я|е|ю|ем",
    STEM_SOFT: "ь|и|ю|е|я|ем",
    ADJ: "ий|ый|ой|ая|ое|ие|ые|ого|ему|ому|ом|ем|ую|им|ым|ими|ыми|их|ых|ою|ей",
    DEM: "а|у|е|ом|ы|и|ов|ам|ами|ах|ам",
    DEM_C: "ы|ев|ам|ами|ах|а|у|ем|е",
}

# Kazakh, Kyrgyz, Uzbek and Tajik case, plural, possessive and derivational suffixes (Cyrillic).
_CYR_MORPHEMES = (
    "лар|лер|лор|лөр|дар|дер|дор|дөр|тар|тер|тор|төр|"
    "ның|нің|дың|дің|тың|тің|нын|нин|нун|нүн|дын|дин|дун|дүн|тын|тин|тун|түн|нинг|"
    "ға|ге|қа|ке|га|го|гө|ка|ко|кө|на|не|но|нө|"
    "ны|ні|ды|ді|ты|ті|ну|нү|ду|дү|ту|тү|ни|ди|ти|"
    "да|де|та|те|до|дө|то|тө|нда|нде|ндо|ндө|"
    "дан|ден|тан|тен|нан|нен|дон|дөн|тон|төн|нон|нөн|"
    "мен|бен|пен|менен|"
    "ғы|гі|қы|кі|гы|ги|гу|гү|кы|ки|ку|кү|"
    "лық|лік|дық|дік|тық|тік|лык|лик|лук|лүк|дык|дик|дук|дүк|тык|тик|тук|түк|"
    "ша|ше|ча|че|чо|чө|сы|сі|си|"
    "ро|ҳо|он|ву|ӣ|"  # Tajik: object -ро, plural -ҳо/-он, adjective -ӣ
    "а|е|о|ө|ы|і|и|н"
)
_LAT_MORPHEMES = (
    "lar|ler|lor|dar|der|tar|ter|"
    "ning|nyň|niň|nyń|niń|dyń|diń|tyń|tiń|nyn|nin|nun|dun|tun|yň|iň|"
    "ga|ge|ka|ke|qa|ǵa|go|ko|na|ne|"
    "ny|ni|dy|di|ty|ti|nu|du|tu|"
    "da|de|ta|te|do|dö|to|tö|nda|nde|"
    "dan|den|tan|ten|nan|nen|don|dön|ton|tön|"
    "dagi|daky|däki|dağy|daǵy|tagi|"
    "lik|lyq|dyq|dik|liq|"
    "cha|çe|ça|si|"
    "a|e|y|i|u|n"
)
# English and German additions for Latin forms.
_LAT_ENGLISH = "'s|'"
_LAT_DEMONYM = "s|'s|'"
_LAT_COUNTRY = "s|'s|'|i|is"  # Kazakhstani(s), German genitive Kasachstans
_GERMAN_ADJ = "e|en|er|es|em"
# Very short Latin names (Osh) take only suffixes that cannot spell an English word with them.
_LAT_SHORT = "'s|da|do|ta|to|dan|don|ton|ko|go|dagi|dogu|ning|nin|nun|tun|ga|ka|lik|liklar|lar|tyn"

_CHAIN_LONG_FIRST = r"(?:{long})(?:{all}){{0,2}}"


def _long(morphemes: str) -> str:
    return "|".join(m for m in morphemes.split("|") if len(m) >= 2)


_CYR_CHAIN_AFTER_VOWEL = re.compile(rf"(?:{_CYR_MORPHEMES}){{1,3}}")
_CYR_CHAIN_AFTER_CONS = re.compile(_CHAIN_LONG_FIRST.format(long=_long(_CYR_MORPHEMES), all=_CYR_MORPHEMES))
_LAT_CHAIN_AFTER_VOWEL = re.compile(rf"(?:{_LAT_MORPHEMES}){{1,3}}")
_LAT_CHAIN_AFTER_CONS = re.compile(_CHAIN_LONG_FIRST.format(long=_long(_LAT_MORPHEMES), all=_LAT_MORPHEMES))
_TK_SINGLE_VOWEL = re.compile(rf"(?:a|e|y|i)(?:{_LAT_MORPHEMES}){{0,2}}")
_RU = {code: re.compile(f"(?:{endings})") for code, endings in _RU_ENDINGS.items()}
_LAT_ENGLISH_RE = re.compile(_LAT_ENGLISH)
_LAT_DEMONYM_RE = re.compile(_LAT_DEMONYM)
_LAT_COUNTRY_RE = re.compile(_LAT_COUNTRY)
_GERMAN_ADJ_RE = re.compile(_GERMAN_ADJ)
_LAT_SHORT_RE = re.compile(f"(?:{_LAT_SHORT})")

_VOWELS = frozenset("aeiouyäöüıəàáâãèéêìíîòóôõùúûýаеёиоуыэюяәөүұіӣӯ")
SHORT_LATIN = 3  # forms of this length or shorter take only _LAT_SHORT suffixes


def ends_in_vowel(form: str) -> bool:
    """True if the last letter of `form` is a vowel (Turkic single-vowel suffixes need one)."""
    return bool(form) and form[-1] in _VOWELS


def suffix_ok(form: str, paradigm: str, rest: str, kind: str, language: str | None) -> bool:
    """May `rest` (normalised word characters after the form) follow `form` of this paradigm?"""
    if not rest:
        return paradigm not in STEMS
    if paradigm == LATIN:
        return _latin_ok(form, rest, kind, language)
    ru = _RU.get(paradigm)
    if ru is not None and ru.fullmatch(rest):
        return True
    if paradigm in STEMS:
        return False
    # A Russian ending plus a Turkic chain does not occur, so anything else is another word (Ош-ибка).
    chain = _CYR_CHAIN_AFTER_VOWEL if ends_in_vowel(form) else _CYR_CHAIN_AFTER_CONS
    return bool(chain.fullmatch(rest))


def _latin_ok(form: str, rest: str, kind: str, language: str | None) -> bool:
    if _LAT_ENGLISH_RE.fullmatch(rest):
        return True
    if rest.startswith("'") and len(rest) > 2:
        rest = rest[1:]  # Turkish sets suffixes of proper nouns off with an apostrophe: Kazakistan'da
    if kind == "demonym" and _LAT_DEMONYM_RE.fullmatch(rest):
        return True
    if kind == "country" and _LAT_COUNTRY_RE.fullmatch(rest):
        return True
    if form.endswith("isch") and _GERMAN_ADJ_RE.fullmatch(rest):
        return True
    if len(form) <= SHORT_LATIN:
        return bool(_LAT_SHORT_RE.fullmatch(rest))
    if ends_in_vowel(form):
        return bool(_LAT_CHAIN_AFTER_VOWEL.fullmatch(rest))
    if _LAT_CHAIN_AFTER_CONS.fullmatch(rest):
        return True
    # Turkmen puts a bare vowel after consonants (Daşoguza); only trusted in Turkmen text.
    return language == "tk" and bool(_TK_SINGLE_VOWEL.fullmatch(rest))
