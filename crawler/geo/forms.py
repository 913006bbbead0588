"""Turn a place's surface names into normalised (form, paradigm) pairs for the matcher."""

from __future__ import annotations

from crawler.geo import morphology as m
from crawler.geo.normalize import normalize, script_of

_CYR_CONSONANT_END = frozenset("бвгджзклмнпрстфхцчшщқғңһҳҷ")
MIN_STEM = 3  # shorter stems (Ош → О) would match too much


def name_variants(name: str) -> list[str]:
    """Normalised spellings of one name: as written, without Uzbek apostrophes, hyphen vs space."""
    base = " ".join(normalize(name).split())
    variants = [base]
    if "'" in base and script_of(base.replace("'", "")) == "lat":
        variants.append(base.replace("'", ""))
    for v in list(variants):
        if "-" in v:
            # "Issyk-Kul" is also written "Issyk Kul"; the reverse would turn "Aral Sea" into a word.
            variants.append(v.replace("-", " "))
    return list(dict.fromkeys(variants))


def noun_forms(name: str) -> list[tuple[str, str]]:
    """(form, paradigm) pairs for a noun name in Latin or Cyrillic script; [] for other scripts."""
    out: list[tuple[str, str]] = []
    for v in name_variants(name):
        script = script_of(v.replace(" ", "").replace("-", "").replace("'", ""))
        if script == "lat":
            out.append((v, m.LATIN))
        elif script == "cyr":
            out.extend(_cyrillic_forms(v))
    return out


def _cyrillic_forms(v: str) -> list[tuple[str, str]]:
    last = v[-1]
    if last in _CYR_CONSONANT_END:
        return [(v, m.CYR_CONS)]
    stem_paradigm = {"а": m.STEM_A, "я": m.STEM_YA, "й": m.STEM_J, "ь": m.STEM_SOFT}.get(last)
    base = (v, m.CYR_CONS if last == "й" else m.CYR_VOWEL)
    if stem_paradigm is None or len(v) - 1 < MIN_STEM:
        return [base]
    return [base, (v[:-1], stem_paradigm)]


def adjective_forms(stem: str) -> list[tuple[str, str]]:
    """Russian adjective stem (ташкентск) → [(stem, ADJ)]."""
    return [(normalize(stem), m.ADJ)]


def demonym_forms(name: str) -> list[tuple[str, str]]:
    """Russian demonym noun: казах → (казах, DEM); казахстанц → (казахстанц, DEMC), (казахстанец, C)."""
    v = normalize(name)
    if v.endswith("ц"):
        return [(v, m.DEM_C), (v[:-1] + "ец", m.CYR_CONS)]
    return [(v, m.DEM)]
