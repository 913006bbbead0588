"""Word tables for date parsing: month names, relative-day words, time units and time-zone abbreviations."""

from __future__ import annotations

from datetime import timedelta, timezone

import babel.localedata
from babel import Locale

# Babel (CLDR) month names were checked by hand for these locales; CLDR has no Latin-script Kazakh and
# no genitive/izofa forms, so those are added below.
CENTRAL_LOCALES = ("ru", "kk", "ky", "uz", "uz_Cyrl", "tg", "tk", "en")
# Other languages seen on news pages worldwide; a page's declared language is often wrong, so all are used.
WORLD_LOCALES = ("uk", "be", "de", "fr", "es", "pt", "it", "tr", "pl", "nl", "ro", "sv", "no", "da", "cs", "id",
                 "ar", "ar_LB")  # ar: the Egyptian month names, ar_LB: the Levantine ones

# Hand-added inflected and variant spellings, month number -> words (lower case, no final dot).
EXTRA_MONTHS: dict[int, tuple[str, ...]] = {
    # ru abbreviations without their dot; uz Cyrillic spellings ("сентабр"); tg izofa forms ("22 ноябри
    # 2026"); tk possessive forms ("noýabry") and ASCII spellings ("noyabr", ý typed as y); kk in the
    # Latin alphabets of 2018-2021 ("qazan", "qyrkúıek"); uz Latin older spellings ("sentyabr").
    1: ("янв", "январ", "январи", "ýanwary", "yanwar", "qańtar", "qantar", "ianuarie"),
    2: ("фев", "февр", "феврал", "феврали", "fewraly", "aqpan", "fevr"),
    3: ("мар", "марти", "marty", "naýryz", "nauryz", "наурыз"),
    4: ("апр", "апрел", "апрели", "apreli", "sáýir", "sauir"),
    5: ("майи", "maýy", "may", "mamyr"),
    6: ("июн", "июни", "iýuny", "iyun", "maýsym", "mausym"),
    7: ("июл", "июли", "iýuly", "iyul", "shilde"),
    8: ("авг", "августи", "awgusty", "tamyz"),
    9: ("сен", "сент", "сентябри", "сентабр", "sentýabry", "sentyabr", "sentabr", "qyrkúıek", "qyrkuiek", "sept"),
    10: ("окт", "октябри", "октабр", "oktýabry", "oktyabr", "oktabr", "qazan"),
    11: ("ноя", "нояб", "ноябри", "noýabry", "noyabr", "qarasha"),
    12: ("дек", "декабри", "dekabry", "jeltoqsan"),
}

# Words for "today" (0) and "yesterday" (1), "the day before yesterday" (2), per language.
RELATIVE_DAYS: dict[str, int] = {
    "сегодня": 0, "today": 0, "bugun": 0, "бугун": 0, "бүгін": 0, "бүгүн": 0, "имрӯз": 0, "имруз": 0,
    "şu gün": 0, "bu gün": 0, "şugün": 0, "bugün": 0, "сьогодні": 0,
    "вчера": 1, "yesterday": 1, "kecha": 1, "кеча": 1, "кеше": 1, "кечээ": 1, "дирӯз": 1, "дируз": 1,
    "düýn": 1, "duyn": 1, "вчора": 1,
    "позавчера": 2, "позавчора": 2,
}

# Time units of "N <unit> ago", matched as word prefixes (Russian and Turkic inflect the unit).
UNIT_SECONDS: dict[str, int] = {
    "сек": 1, "second": 1, "soniya": 1, "сония": 1, "секунд": 1, "sekunt": 1,
    "мин": 60, "minute": 60, "min": 60, "daqiqa": 60, "дақиқа": 60, "мүнөт": 60, "minut": 60, "хвилин": 60,
    "час": 3600, "hour": 3600, "hr": 3600, "soat": 3600, "соат": 3600, "сағат": 3600, "саат": 3600,
    "sagat": 3600, "годин": 3600,
    "день": 86400, "дня": 86400, "дней": 86400, "day": 86400, "kun": 86400, "кун": 86400, "күн": 86400,
    "рӯз": 86400, "руз": 86400, "gün": 86400, "дн": 86400,
    "недел": 604800, "week": 604800, "hafta": 604800, "ҳафта": 604800, "апта": 604800, "hepde": 604800,
    "тиж": 604800,
}
AGO_WORDS = ("назад", "тому", "ago", "oldin", "avval", "олдин", "аввал", "бұрын", "мурун", "пеш", "қабл",
             "öň", "ön", "önce")
NOW_WORDS = ("только что", "just now", "жаңа ғана", "азыр эле", "hozirgina", "ҳозиргина", "щойно")
NUMBER_WORDS: dict[str, int] = {"a": 1, "an": 1, "one": 1, "один": 1, "одну": 1, "одна": 1, "bir": 1, "бир": 1,
                                "бір": 1, "two": 2, "два": 2, "две": 2, "three": 3, "три": 3}

# Fixed-offset time-zone abbreviations found after times ("17.03.2018 01:05 msk"). Ambiguous ones
# (IST, CST in China, ALMT before/after Kazakhstan's 2024 change) are left out on purpose.
TZ_ABBREVIATIONS: dict[str, timezone] = {
    name: timezone(timedelta(hours=hours))
    for name, hours in {
        "utc": 0, "gmt": 0, "z": 0, "msk": 3, "мск": 3, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
        "mdt": -6, "pst": -8, "pdt": -7, "cet": 1, "cest": 2, "met": 1, "mez": 1, "mesz": 2, "eet": 2,
        "eest": 3, "bst": 1, "wet": 0, "west": 1, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "uzt": 5,
        "tjt": 5, "tmt": 5, "kgt": 6,
    }.items()
}


# Abbreviations that read as English words ("3 days ago", "a few", "out of"): accepted only in a full date
# with a four-digit year ("5 ago 2020", "15 few 2025").
ENGLISH_LOOKALIKES = frozenset({"ago", "out", "set", "pro", "des", "mag", "lip", "ara", "led", "gen", "tem", "dub",
                                "lis", "kas", "nis", "sty", "few"})


def _clean(word: str) -> str:
    return word.casefold().strip().rstrip(".")


def build_months(locales: tuple[str, ...]) -> dict[str, int]:
    """Month word (case-folded, no trailing dot) -> month number, from CLDR for `locales`."""
    table: dict[str, int] = {}
    for code in locales:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    word = _clean(name)
                    if len(word) >= 3 and word.isalpha():  # one word: the parser matches words
                        table.setdefault(word, number)
    return table


def central_months() -> dict[str, int]:
    """The month table of the Central Asian languages plus English, with the hand-added forms."""
    table = build_months(CENTRAL_LOCALES)
    for number, words in EXTRA_MONTHS.items():
        for word in words:
            table.setdefault(_clean(word), number)
    return table


def world_months(central: dict[str, int]) -> dict[str, int]:
    """CLDR month words of WORLD_LOCALES that are not in the central table."""
    return {w: n for w, n in build_months(WORLD_LOCALES).items() if w not in central}


CENTRAL_MONTHS = central_months()
WORLD_MONTHS = world_months(CENTRAL_MONTHS)
# babel keeps each locale it loaded (all of CLDR's data for it) in a module cache: ~22 MiB for these tables, of
# which only the month names are used. Dropped: babel reloads a locale if anything asks for it again.
getattr(babel.localedata, "_cache", {}).clear()
