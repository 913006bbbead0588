"""The gazetteer data file, its build helpers, form generation and the ending rules."""

from __future__ import annotations

import json

import pytest

from crawler.geo import build_gazetteer as b
from crawler.geo import forms as f
from crawler.geo import morphology as m
from crawler.geo.gazetteer import DATA_PATH, build_index, load
from crawler.geo.matcher import Matcher
from crawler.geo.normalize import normalize, script_of

CA = {"KZ", "KG", "TJ", "TM", "UZ"}


@pytest.fixture(scope="module")
def data() -> dict:
    with DATA_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


def test_every_country_and_its_demonym(data: dict) -> None:
    ids = {e["id"] for e in data["entries"]}
    assert ids >= CA
    assert {f"dem-{c}" for c in CA} <= ids


def test_entries_are_central_asian(data: dict) -> None:
    for entry in data["entries"]:
        assert set(entry["countries"]) <= CA, entry["id"]
        assert entry["forms"], entry["id"]


def test_hundreds_of_places_from_geonames(data: dict) -> None:
    assert sum(e["id"].startswith("gn-") for e in data["entries"]) > 600


def test_forms_are_normalised_latin_or_cyrillic(data: dict) -> None:
    for entry in data["entries"]:
        for form, _paradigm, _ctx in entry["forms"]:
            assert form == normalize(form)
            assert script_of(form.replace(" ", "").replace("-", "").replace("'", "")) in ("lat", "cyr"), form


@pytest.mark.parametrize("code", ["tas", "ala", "dyu", "fru", "nqz", "asb", "skd", "os", "ox"])
def test_no_airport_codes_or_fragments(data: dict, code: str) -> None:
    assert all(form != code for e in data["entries"] for form, _p, _c in e["forms"])


@pytest.mark.parametrize("name", ["georgia", "moskva", "верный", "kazakh"])
def test_blocked_names_do_not_come_from_geonames(data: dict, name: str) -> None:
    for entry in data["entries"]:
        if entry["id"].startswith("gn-") or entry["id"] in ("kz-almaty", "kz-petropavl"):
            assert name not in [form for form, _p, _c in entry["forms"]], entry["id"]


@pytest.mark.parametrize(("entry_id", "form"), [
    ("kz-almaty", "alma-ata"), ("kz-astana", "целиноград"), ("kz-astana", "nur-sultan"),
    ("tj-khujand", "leninabad"), ("tj-dushanbe", "stalinabad"), ("tm-turkmenbashi", "krasnovodsk"),
    ("tm-turkmenabat", "chardzhou"), ("kg-bishkek", "frunze"), ("KZ", "қазақстан"), ("KG", "кыргызстан"),
    ("TJ", "тоҷикистон"), ("TM", "türkmenistan"), ("UZ", "o'zbekiston"), ("UZ", "ўзбекистон"),
    ("tj-gbao", "гбао"), ("uz-karakalpakstan", "qoraqalpog'iston"), ("kg-issyk-kul", "ысык-көл"),
    ("kz-baikonur", "байқоңыр"), ("ca-fergana-valley", "fergana valley"),
])
def test_curated_names_present(data: dict, entry_id: str, form: str) -> None:
    entry = next(e for e in data["entries"] if e["id"] == entry_id)
    assert form in [fm for fm, _p, _c in entry["forms"]]


@pytest.mark.parametrize(("name", "ok"), [
    ("TAS", False), ("tasakada", False), ("Os", False), ("Ташкент", True), ("Bishkek osh", False),
    ("塔什干", False), ("Toshkent", True), ("Ust'-Kamenogorsk", True), ("Verkhniy 2", False),
])
def test_usable_alternate(name: str, ok: bool) -> None:
    assert b.usable_alternate(name) is ok


def test_spelling_variants_and_soviet_names() -> None:
    assert b.is_spelling_variant("Bekabad", "Bekobod")
    assert b.is_spelling_variant("Бекабад", "Bekobod")
    assert not b.is_spelling_variant("Zelensk", "Asaka")
    assert b.is_soviet("Nikol'skiy") and b.is_soviet("Imeni Stalina") and not b.is_soviet("Samarqand")


def test_noun_forms_paradigms() -> None:
    assert f.noun_forms("Казахстан") == [("казахстан", m.CYR_CONS)]
    assert ("алма-ат", m.STEM_A) in f.noun_forms("Алма-Ата")
    assert ("киргизи", m.STEM_YA) in f.noun_forms("Киргизия")
    assert ("ozbekiston", m.LATIN) in f.noun_forms("Oʻzbekiston")
    assert ("issyk kul", m.LATIN) in f.noun_forms("Issyk-Kul")
    assert f.noun_forms("塔什干") == []
    assert f.demonym_forms("казахстанц") == [("казахстанц", m.DEM_C), ("казахстанец", m.CYR_CONS)]


@pytest.mark.parametrize(("form", "paradigm", "rest", "kind", "language", "ok"), [
    ("ош", m.CYR_CONS, "е", "city", None, True),
    ("ош", m.CYR_CONS, "ибка", "city", None, False),
    ("ош", m.CYR_CONS, "то", "city", None, True),
    ("ош", m.CYR_CONS, "о", "city", None, False),  # Ошо the guru, not a Kyrgyz dative
    ("osh", m.LATIN, "a", "city", None, False),  # OSHA
    ("osh", m.LATIN, "da", "city", None, True),
    ("kazakh", m.LATIN, "s", "demonym", None, True),
    ("mary", m.LATIN, "s", "city", None, False),
    ("kazakhstan", m.LATIN, "i", "country", None, True),
    ("daşoguz", m.LATIN, "a", "city", "tk", True),
    ("daşoguz", m.LATIN, "a", "city", "en", False),
    ("алма-ат", m.STEM_A, "", "city", None, False),
    ("алма-ат", m.STEM_A, "е", "city", None, True),
    ("ташкентск", m.ADJ, "ий", "city", None, True),
    ("уральск", m.CYR_CONS, "ий", "city", None, False),
    ("қазақстан", m.CYR_CONS, "дағы", "country", None, True),
    ("toshkent", m.LATIN, "dagi", "capital", None, True),
    ("kazakhstan", m.LATIN, "'s", "country", None, True),
])
def test_suffix_rules(form: str, paradigm: str, rest: str, kind: str, language: str | None, ok: bool) -> None:
    assert m.suffix_ok(form, paradigm, rest, kind, language) is ok


def test_matcher_on_a_tiny_gazetteer() -> None:
    tiny = {"entries": [{"id": "x", "name": "Testabad", "countries": ["UZ"], "kind": "city", "weight": 0.8,
                         "population": 1, "context": False, "person": False, "admin": [], "neighbours": [],
                         "forms": [["testabad", "L", 0], ["тестабад", "C", 0]]}],
            "foreign_countries": []}
    matcher = Matcher(build_index(tiny))
    found = matcher.match({"body": "From Testabad's market to Тестабаде."})
    assert [(x.entry.name, x.surface) for x in found] == [("Testabad", "Testabad's"), ("Testabad", "Тестабаде")]


def test_load_is_cached() -> None:
    assert load() is load()


def test_committed_file_matches_a_fresh_build(data: dict) -> None:
    pytest.importorskip("wordfreq")
    assert json.loads(b.dumps(b.build())) == data
