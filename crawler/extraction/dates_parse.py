"""Fast multilingual parsing of one date string (ISO, RFC 822, numeric, month names, relative forms)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from crawler.extraction.dates_context import FUTURE_TOLERANCE, MIN_PAGE_YEAR, Context, Parsed, make_context
from crawler.extraction.dates_tables import (
    AGO_WORDS,
    ENGLISH_LOOKALIKES,
    NOW_WORDS,
    NUMBER_WORDS,
    RELATIVE_DAYS,
    TZ_ABBREVIATIONS,
    UNIT_SECONDS,
)

MAX_CHARS = 400  # one date string; longer inputs are page text and only their start is read
MIN_YEAR = 1900
MAX_BARE_RELATIVE = 24
APOSTROPHES = str.maketrans({"\xa0": " ", "\u202f": " ", "\u2009": " ", "ʻ": "'", "‘": "'", "’": "'", "`": "'",
                             "−": "-", "–": "-", "—": "-"})

EPOCH_RE = re.compile(r"\d{10}(?:\d{3})?")
COMPACT_RE = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})(?:t?(\d{2})(\d{2})(\d{2})?)?(z)?")
# Seconds may lack their leading zero ("2020-12-05T23:15:0Z" on some CMSs); the zone after them still counts.
ISO_RE = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:(?:t|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{1,2})(?:[.,]\d+)?)?)?"
    r"(?:\s*(z|[+-]\d{2}(?::?\d{2})?)(?![\d:]))?(?![\d])")
CJK_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")  # 2020年7月12日
YMD_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})([/.])(\d{1,2})\2(\d{1,2})(?![\d])")
DMY_RE = re.compile(r"(?<![\d.:/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d:]|[./-]\d)")
TIME_RE = re.compile(r"(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:[.,]\d+)?)?(?:\s*([ap])\.?\s?m\b\.?)?")
OFFSET_NAMED_RE = re.compile(r"\s*\(?(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)")
OFFSET_BARE_RE = re.compile(r"\s*([+-])(\d{2}):?(\d{2})(?!\d)")
TZ_WORD_RE = re.compile(r"\s*\(?([^\W\d_]{1,5})(?![^\W\d_])")
WORD_RE = re.compile(r"[^\W\d_]+")
DAY_BEFORE_RE = re.compile(
    r"(?<![\d:.])(\d{1,2})(?:\s?-?(?:st|nd|rd|th|nji|njy|inchi|nchi|chi|го|e|er|º))?\.?[\s\-/,]*"
    r"(?:(?:de|of|del)\s+)?$")
DAY_AFTER_RE = re.compile(r"\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?![\d:])")
# "21. juni/lipanj, 2020.": a second spelling of the month may stand between month and year.
YEAR_AFTER_RE = re.compile(r"(?:\s?/\s?[^\W\d_]+)?[\s,.\-/]*(?:(?:de|del)\s+)?((?:19|20)\d{2})(?!\d)")
# asctime and Java's Date.toString put the year last: "Tue Jan 28 15:28:56 CET 2020".
YEAR_AFTER_TIME_RE = re.compile(r"[\s,]*\d{1,2}:\d{2}(?::\d{2})?(?:\s+[^\W\d_]{1,5})?\s+((?:19|20)\d{2})(?!\d)")
YEAR2_AFTER_RE = re.compile(r"[\s,.'\-/]*(\d{2})(?:\s+(?=\d{1,2}:)|\s*$)")
YEAR4_RE = re.compile(r"(?:19|20)\d{2}")
YEAR_BEFORE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*-?\s*[^\W\d_]{1,8}\.?)?[\s,]*$")
# Inflection endings after a month stem: Kyrgyz/Uzbek/Turkmen possessive and locative, Tajik izofa.
MONTH_SUFFIXES = ("ы", "и", "у", "да", "де", "та", "те", "нда", "ында", "инде", "дын", "дин", "нын", "нин",
                  "y", "i", "da", "de", "ynda", "inde", "yň", "iň", "ning", "nji")
RELDAY_RE = re.compile(r"(?<![^\W\d_])(" + "|".join(sorted(map(re.escape, RELATIVE_DAYS), key=len, reverse=True))
                       + r")(?![^\W\d_])")
AGO_RE = re.compile(
    r"(?:(\d{1,3})|(?<![^\W\d_])(" + "|".join(NUMBER_WORDS) + r"))?\s*(?<![^\W\d_])("
    + "|".join(sorted(map(re.escape, UNIT_SECONDS), key=len, reverse=True)) + r")[^\W\d_]*\.?\s+("
    + "|".join(map(re.escape, AGO_WORDS)) + r")(?![^\W\d_])")
NOW_RE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, NOW_WORDS)) + r")(?![^\W\d_])")


def _year(text: str, now_year: int) -> int:
    """Four-digit year of a two- or four-digit string (two digits: the most recent century that fits)."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= now_year % 100 + 1 else 1900
    return year


def _offset(sign: str, hours: str, minutes: str | None) -> tzinfo | None:
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if sign == "-" else delta)


def _tz_after(text: str) -> tzinfo | None:
    """An explicit zone right after a time: "+03:00", "GMT+3", "msk"."""
    if m := OFFSET_NAMED_RE.match(text) or OFFSET_BARE_RE.match(text):
        return _offset(*m.groups())
    if (m := TZ_WORD_RE.match(text)) and m.group(1) in TZ_ABBREVIATIONS:
        return TZ_ABBREVIATIONS[m.group(1)]
    return None


def find_time(text: str) -> tuple[int, int, int, tzinfo | None] | None:
    """The first time of day in `text` as (hour, minute, second, explicit zone or None)."""
    m = TIME_RE.search(text)
    if not m:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if m.group(4) == "p" and hour < 12:
        hour += 12
    elif m.group(4) == "a" and hour == 12:
        hour = 0
    return hour, minute, second, _tz_after(text[m.end():m.end() + 16])


def _assemble(ctx: Context, day: date, clock: tuple[int, int, int, tzinfo | None] | None,
              year_given: bool = True) -> Parsed | None:
    hour, minute, second, zone = clock or (0, 0, 0, None)
    when = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone or ctx.zone)
    if when.year < MIN_YEAR or when > ctx.limit:
        return None
    if zone is not None and not when.utcoffset():
        when = when.astimezone(ctx.zone)  # a UTC instant ("...Z") reads better in the source's own zone
    return Parsed(when, clock is not None, year_given, zone is not None)


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock_outside(text: str, start: int, end: int) -> tuple[int, int, int, tzinfo | None] | None:
    """The time in `text` that is not part of the date at [start, end)."""
    return find_time(text[:start] + " " * (end - start) + text[end:])


def _parse_numeric(text: str, ctx: Context) -> tuple[bool, Parsed | None]:
    """ISO, CJK, year-first and day/month-first numeric dates: (whether one is present, its parse)."""
    if m := ISO_RE.search(text):
        return True, _parse_iso(text, m, ctx)
    if m := CJK_RE.search(text):
        year, month, day = m.groups()
    elif m := YMD_RE.search(text):
        year, _, month, day = m.groups()
    elif m := DMY_RE.search(text):
        first, sep, second, year = m.groups()
        a, b = int(first), int(second)
        # Dots are never month-first; otherwise a number above 12 settles the order, then the locale.
        dayfirst = sep == "." or a > 12 or (b <= 12 and ctx.dayfirst)
        day, month = (first, second) if dayfirst else (second, first)
    else:
        return False, None
    found = _day(_year(year, ctx.now.year), int(month), int(day))
    return True, _assemble(ctx, found, _clock_outside(text, m.start(), m.end())) if found else None


def _parse_iso(text: str, m: re.Match[str], ctx: Context) -> Parsed | None:
    year, month, day, hour, minute, second, offset = m.groups()
    found = _day(int(year), int(month), int(day))
    if found is None or hour is not None and int(hour) > 23:
        return None
    if hour is None:
        return _assemble(ctx, found, _clock_outside(text, m.start(), m.end()))
    zone: tzinfo | None
    if offset == "z":
        zone = UTC
    elif offset:
        zone = _offset(offset[0], offset[1:3], offset[-2:] if len(offset) > 3 else None)
    else:
        zone = _tz_after(text[m.end():m.end() + 16])
    return _assemble(ctx, found, (int(hour), int(minute), int(second or 0), zone))


def _month_of(word: str, months: dict[str, int]) -> int | None:
    if (number := months.get(word)) is not None:
        return number
    for suffix in MONTH_SUFFIXES:
        if (word.endswith(suffix) and len(word) - len(suffix) >= 3
                and (number := months.get(word[:-len(suffix)])) is not None):
            return number
    return None


def _infer_year(ctx: Context, month: int, day: int) -> int:
    """The year of a date given without one: this year unless that would be in the future."""
    local_now = ctx.now.astimezone(ctx.zone)
    candidate = _day(local_now.year, month, day)
    if candidate is not None and candidate > (local_now + FUTURE_TOLERANCE).date():
        return local_now.year - 1
    return local_now.year


def _parse_month_name(text: str, ctx: Context) -> Parsed | None:
    for word in WORD_RE.finditer(text):
        month = _month_of(word.group(), ctx.months)
        if month is None:
            continue
        before, after = text[max(0, word.start() - 30):word.start()], text[word.end():word.end() + 30]
        day_end = word.end()
        if m := DAY_BEFORE_RE.search(before):
            day, day_start, rest = int(m.group(1)), word.start() - len(before) + m.start(), after
        elif m := DAY_AFTER_RE.match(after):
            day, day_start, rest = int(m.group(1)), word.start(), after[m.end():]
            day_end = word.end() + m.end()
        else:
            continue
        year: int | None = None
        end = day_end
        if y := YEAR_AFTER_RE.match(rest):
            year, end = int(y.group(1)), day_end + y.end()
        elif y := YEAR_AFTER_TIME_RE.match(rest):
            year = int(y.group(1))  # the time before it stays readable
        elif y := YEAR_BEFORE_RE.search(text[max(0, day_start - 24):day_start]):
            year = int(y.group(1))
        elif (y := YEAR2_AFTER_RE.match(rest)) and not YEAR4_RE.search(text):
            year, end = _year(y.group(1), ctx.now.year), day_end + y.end()
        year_given = year is not None
        if word.group() in ENGLISH_LOOKALIKES and (year is None or end == day_end):
            continue  # "a few 20", "3 days ago": a four-digit year must follow
        found = _day(year if year is not None else _infer_year(ctx, month, day), month, day)
        if found is None:
            return None
        return _assemble(ctx, found, _clock_outside(text, day_start, end), year_given)
    return None


def _parse_relative(text: str, ctx: Context) -> Parsed | None:
    local_now = ctx.now.astimezone(ctx.zone)
    if m := RELDAY_RE.search(text):
        day = local_now.date() - timedelta(days=RELATIVE_DAYS[m.group(1)])
        clock = _clock_outside(text, m.start(), m.end())
        if clock is None:
            # Without a time only a bare label ("Вчера") is a date; "today's news" in a sentence is not.
            if len(text) > MAX_BARE_RELATIVE:
                return None
            return Parsed(datetime(day.year, day.month, day.day, tzinfo=ctx.zone), False)
        return _assemble(ctx, day, clock)
    if m := AGO_RE.search(text):
        count = int(m.group(1)) if m.group(1) else NUMBER_WORDS.get(m.group(2) or "", 1)
        seconds = UNIT_SECONDS[m.group(3)] * count
        when = (local_now - timedelta(seconds=seconds)).replace(second=0, microsecond=0)
        if seconds >= 86400:  # "3 days ago" names a day, not a time
            return Parsed(when.replace(hour=0, minute=0), False)
        return Parsed(when, True)
    if NOW_RE.search(text):
        return Parsed(local_now.replace(second=0, microsecond=0), True)
    return None


def parse_with(text: str, ctx: Context) -> Parsed | None:
    """Parse one date string in a prepared context (see `parse_date`)."""
    text = text[:MAX_CHARS].translate(APOSTROPHES).casefold().strip()
    if not text:
        return None
    if not any(c.isdigit() for c in text):
        return _parse_relative(text, ctx)
    if EPOCH_RE.fullmatch(text):
        when = datetime.fromtimestamp(int(text[:10]), UTC).astimezone(ctx.zone)
        # Ten digits are also article ids: only a plausible publication time counts.
        return Parsed(when, True, zoned=True) if when.year >= MIN_PAGE_YEAR and when <= ctx.limit else None
    if m := COMPACT_RE.fullmatch(text):
        year, month, day, hour, minute, second, utc = m.groups()
        found = _day(int(year), int(month), int(day))
        clock = (int(hour), int(minute), int(second or 0), UTC if utc else None) if hour else None
        return _assemble(ctx, found, clock) if found and (not clock or clock[0] < 24 and clock[1] < 60) else None
    present, parsed = _parse_numeric(text, ctx)
    if present:
        return parsed
    return _parse_month_name(text, ctx) or _parse_relative(text, ctx)


def parse_date(text: str, *, tz: str | None = None, languages: Sequence[str] = (), now: datetime | None = None,
               dayfirst: bool | None = None) -> datetime | None:
    """One date string (ISO 8601, RFC 822, Pangea "2021-09-01 14:50:49Z", "17.03.2018 01:05 msk",
    "10:14, 20 января 2021", "18 ноября 2026, 14:05", month names in ru/kk/ky/uz (Latin+Cyrillic)/tg/tk/en,
    relative "сегодня"/"вчера"/"Бугун"/"кеше"/"kecha"/"bugun"/"today"/"N hours ago"/"N соат олдин"...)
    -> aware datetime. Naive local times get the source timezone `tz` (IANA name); no tz -> UTC.
    Never returns a date after `now` (+ a small tolerance, e.g. 1 day for timezone slop); None when unsure."""
    parsed = parse_with(text, make_context(tz=tz, languages=languages, now=now, dayfirst=dayfirst))
    return parsed.when if parsed else None
