"""The parse context of a source (zone, clock, day/month order, month words) and the parse result type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from babel import UnknownLocaleError

from crawler.extraction.dates_tables import CENTRAL_LOCALES, CENTRAL_MONTHS, WORLD_LOCALES, WORLD_MONTHS, build_months

FUTURE_TOLERANCE = timedelta(days=1)  # a page's local "today" may be ahead of our clock's UTC date
MIN_PAGE_YEAR = 1995  # no news page carries an earlier publication date; older years are quotes in text


class Parsed(NamedTuple):
    """A parsed date and whether the string stated a time of day."""

    when: datetime
    has_time: bool
    year_given: bool = True  # False when the year was inferred from the clock ("20 января")


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
