"""Tag an article with Central Asian countries and places and score how much it is about the region."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from crawler.geo.matcher import Match, Matcher
from crawler.geo.normalize import split_count

# Calibrated with tools/eval_relevance.py on tests/fixtures/relevance (507 articles): every threshold
# from 0.45 to 0.6 meets precision >= 0.97 and recall >= 0.95; 0.5 sits inside that range.
RELEVANCE_THRESHOLD_DEFAULT: float = 0.5

FIELD_FACTOR = {"title": 3.0, "lead": 2.0, "body": 1.0}  # how much one mention weighs for ordering
TITLE_BASE = 0.9  # any Central Asian place in the title makes the article about the region
LEAD_FACTOR = 0.85  # a place in the lead is nearly as telling as one in the title
BODY_PER_MENTION = 0.12  # each body mention adds this much evidence...
BODY_PER_DENSITY = 0.5  # ...plus this much per mention per 100 words: a passing mention in a long text is weak
MIN_BODY_WORDS = 100  # shorter bodies count as this long, so one mention in two lines is not "dense"
LIST_FACTOR = 0.3  # a country named in an enumeration of many countries is a passing mention


@dataclass(frozen=True)
class GeoTags:
    """Central Asian countries and places of one article and its relevance to the region."""

    countries: tuple[str, ...]  # ISO alpha-2 of KZ/KG/TJ/TM/UZ, ordered by weight (desc)
    places: tuple[str, ...]  # canonical English names of matched places (countries included), by weight
    relevance: float  # 0..1; title and lead weigh more than a passing mention in the body


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    return Matcher()


def _ranked(weights: dict[str, float], first_seen: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(weights, key=lambda k: (-round(weights[k], 9), first_seen[k])))


def score(matches: list[Match], body_words: int) -> float:
    """Relevance in 0..1 from accepted matches: title, lead and body evidence combined."""
    best_title = max((m.entry.weight for m in matches if m.field == "title"), default=0.0)
    title = TITLE_BASE + (1.0 - TITLE_BASE) * best_title if best_title else 0.0
    lead = LEAD_FACTOR * max((m.entry.weight for m in matches if m.field == "lead"), default=0.0)
    counts: dict[str, int] = defaultdict(int)
    weights: dict[str, float] = {}
    for m in matches:
        if m.field == "body":
            counts[m.entry.id] += 1
            weight = m.entry.weight * (LIST_FACTOR if m.listed else 1.0)
            weights[m.entry.id] = max(weights.get(m.entry.id, 0.0), weight)
    # Repeating one name is weaker evidence than naming several places: 1 + ln(count) per place.
    mentions = sum(weights[k] * (1.0 + math.log(n)) for k, n in counts.items())
    words = max(body_words, MIN_BODY_WORDS)
    evidence = BODY_PER_MENTION * mentions + BODY_PER_DENSITY * mentions * 100 / words
    body = 1.0 - math.exp(-evidence)
    return round(1.0 - (1.0 - title) * (1.0 - lead) * (1.0 - body), 4)


def tags_from_matches(matches: list[Match], body_words: int) -> GeoTags:
    """Aggregate matches into GeoTags (countries and places ordered by weight)."""
    countries: dict[str, float] = defaultdict(float)
    places: dict[str, float] = defaultdict(float)
    seen_country: dict[str, int] = {}
    seen_place: dict[str, int] = {}
    for order, m in enumerate(matches):
        weight = m.entry.weight * FIELD_FACTOR[m.field]
        places[m.entry.name] += weight
        seen_place.setdefault(m.entry.name, order)
        for code in m.entry.countries:
            countries[code] += weight / len(m.entry.countries)
            seen_country.setdefault(code, order)
    return GeoTags(_ranked(countries, seen_country), _ranked(places, seen_place), score(matches, body_words))


def tag_text(title: str | None, description: str | None, body: str | None, *,
             language: str | None = None) -> GeoTags:
    """Tag an article's own text (title, lead, body) with Central Asian countries, places, relevance."""
    fields = {"title": title or "", "lead": description or "", "body": body or ""}
    matches = _matcher().match(fields, language=language)
    return tags_from_matches(matches, split_count(fields["body"]))
