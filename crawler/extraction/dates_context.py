"""The parse context of a source (zone, clock, day/month order, month words) and the parse result type."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from babel import UnknownLocaleError

from crawler.extraction.dates_tables import CENTRAL_LOCALES, CENTRAL_MONTHS, WORLD_LOCALES, WORLD_MONTHS, build_months

FUTURE_TOLERANCE = timedelta(days=1)  # a page's local "today" may be ahead of our clock's UTC date
MIN_PAGE_YEAR = 1995  # no news page carries an earlier publication date; older years are quotes in text
ONE_DAY = timedelta(days=1)
ONE_HOUR = timedelta(hours=1)
QUARTER_HOUR = timedelta(minutes=15)  # UTC offsets are whole quarter hours (Nepal +5:45)
MAX_EAST, MAX_WEST = timedelta(hours=14), timedelta(hours=12)  # the UTC offsets in use, Kiribati to Baker Island


class Parsed(NamedTuple):
    """A parsed date and whether the string stated a time of day."""

    when: datetime
    has_time: bool
    year_given: bool = True  # False when the year was inferred from the clock ("20 января")
    zoned: bool = False  # the string stated its offset or zone ("+02:00", "Z", "msk"), or was a Unix time


@dataclass(frozen=True)
class Context:
    """What a parse needs besides the string, computed once per page."""

    zone: tzinfo
    now: datetime
    dayfirst: bool
    months: dict[str, int]

    @property
    def limit(self) -> datetime:
        return self.now + FUTURE_TOLERANCE


@lru_cache(maxsize=64)
def zone_of(name: str | None) -> tzinfo:
    """The tzinfo of an IANA name; UTC when none is given."""
    return ZoneInfo(name) if name else UTC


def _base_language(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=64)
def months_for(languages: tuple[str, ...]) -> dict[str, int]:
    """Month words for a page: the Central Asian and world tables (a page's declared language is often
    wrong), plus CLDR months of any other named language."""
    known = {_base_language(code) for code in CENTRAL_LOCALES + WORLD_LOCALES} | {"und"}
    table = CENTRAL_MONTHS | WORLD_MONTHS
    for code in sorted({_base_language(code) for code in languages} - known):
        try:
            extra = build_months((code,))
        except (UnknownLocaleError, ValueError):
            continue
        table = table | {w: n for w, n in extra.items() if w not in table and len(w) > 3}
    return table


def is_us_context(languages: Sequence[str], tz: str | None) -> bool:
    """Month-first numeric dates only for en-US, or English with an American time zone."""
    lowered = [code.replace("_", "-").lower() for code in languages]
    if any(code.startswith("en-us") for code in lowered):
        return True
    return bool(tz and tz.startswith("America/") and lowered and lowered[0].startswith("en"))


def make_context(*, tz: str | None, languages: Sequence[str], now: datetime | None,
                 dayfirst: bool | None) -> Context:
    """The parse context of a source (time zone, clock, day/month order, month words)."""
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    if dayfirst is None:
        dayfirst = not is_us_context(languages, tz)
    return Context(zone_of(tz), now, dayfirst, months_for(tuple(languages)))


def plausible(parsed: Parsed | None, *, need_year: bool = False) -> Parsed | None:
    """A parse that can be a publication date: not before MIN_PAGE_YEAR, and with a stated year when
    `need_year` (machine-readable values never omit it; a guessed year there means a misread format)."""
    if parsed is None or parsed.when.year < MIN_PAGE_YEAR or need_year and not parsed.year_given:
        return None
    return parsed


def with_stated_offset(best: Parsed, candidates: Iterable[Parsed | None]) -> Parsed:
    """A time of day given without a zone takes the non-zero offset another layer states for the same
    wall-clock minute (n-tv: JSON-LD "2023-04-28 18:11:01.0", meta "2023-04-28T18:11:01+02:00"). An offset of
    zero is not adopted: a "Z" on a local time is a common CMS slip, and the source's zone is then better."""
    if not best.has_time or best.zoned:
        return best
    wall = best.when.replace(tzinfo=None, second=0, microsecond=0)
    for candidate in candidates:
        if (candidate is not None and candidate.zoned and candidate.has_time and candidate.when.utcoffset()
                and candidate.when.replace(tzinfo=None, second=0, microsecond=0) == wall):
            return candidate
    return best


def _days(candidates: Iterable[Parsed | None], near: set[date], *, dated_only: bool) -> set[date]:
    """The days within `near` that candidates with a stated year name (date-only ones when `dated_only`)."""
    return {c.when.date() for c in candidates
            if c is not None and c.year_given and not (dated_only and c.has_time)} & near


def _shown_offset(best: Parsed, day: date, visible: Sequence[Parsed | None]) -> timedelta | None:
    """The offset at which a visible wall-clock time shows the instant `best` on `day`: a difference of whole
    quarter hours within the offsets in use (a masthead clock "00:36" beside "23:15Z" is not one)."""
    wall_of_instant = best.when.replace(tzinfo=None, second=0, microsecond=0)
    for shown in visible:
        if shown is None or not shown.has_time or shown.zoned or shown.when.date() != day:
            continue
        offset = shown.when.replace(tzinfo=None, second=0, microsecond=0) - wall_of_instant
        if -MAX_WEST <= offset <= MAX_EAST and offset % QUARTER_HOUR == timedelta(0):
            return offset
    return None


def on_page_day(best: Parsed, candidates: Iterable[Parsed | None], visible: Iterable[Parsed | None]) -> Parsed:
    """A UTC instant ("2020-12-05T23:15:00Z") shown on the calendar day the page's date-only values name (its
    URL, a date-only `<time>` or microdata) when they all name the day before or after the UTC one, and no
    `visible` date (how the page displays the instant, its date lines near the title) names the UTC day: a
    URL or a date-only value may date the draft ("19.10.2019, 05:00 Uhr" beside a microdata "2019-10-18").
    The instant is kept. Its offset is the one a visible wall-clock time of it shows, else the smallest
    whole-hour offset that reaches that day."""
    if not (best.has_time and best.zoned) or best.when.utcoffset():
        return best
    utc_day = best.when.date()
    near = {utc_day - ONE_DAY, utc_day, utc_day + ONE_DAY}
    days = _days(candidates, near, dated_only=True)
    if len(days) != 1 or utc_day in days:
        return best
    seen = list(visible)
    if len(days | _days(seen, near, dated_only=False)) != 1:
        return best
    day = days.pop()
    offset = _shown_offset(best, day, seen)
    if offset is None:
        since_midnight = best.when - best.when.replace(hour=0, minute=0, second=0, microsecond=0)
        if day > utc_day:
            offset = math.ceil((ONE_DAY - since_midnight) / ONE_HOUR) * ONE_HOUR
        else:
            offset = -(since_midnight // ONE_HOUR + 1) * ONE_HOUR
    if not -MAX_WEST <= offset <= MAX_EAST:
        return best
    return best._replace(when=best.when.astimezone(timezone(offset)))
