"""Author names: people only, split, cleaned of bylines, outlets, roles and dates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

BYLINE_PREFIX = re.compile(
    r"^\s*(?:by|written by|author|authors|text|автор(?:ы)?|текст|подготовил[аи]?|муаллиф|автор|"
    r"авторы|аўтар|muallif|yozdi|тайёрлади|tayyorladi|awtor|awtory|муаллифон|von|par|por|di|door|av)\s*[:.\-—]?\s+",
    re.I,
)
SPLIT = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|\by\b|\bи\b|\bва\b|\bжана\b|\bжәне\b|\bhem\b|\bva\b)\s*", re.I)
NOT_A_PERSON = re.compile(
    r"(?:\b(?:staff|editor(?:ial)?s?|newsroom|desk|team|admin(?:istrator)?|redaktion|redaction|redacción|"
    r"agency|agencies|press service|reuters|associated press|afp|ap|dpa|ria novosti|interfax|tass|"
    r"редакция|редакци[яи]|корреспондент|собкор|пресс-служба|служба новостей|агентство|"
    r"tahririyat|таҳририят|мухбир|muxbir|редакциясы|gazeta|news|media|online|radio|tv|channel)\b|"
    r"https?://|www\.|@|\d{2,}|\.(?:com|org|net|ru|kz|kg|uz|tj|tm)\b)",
    re.I,
)
ROLE_SUFFIX = re.compile(r"\s*(?:\(|,\s*|\s+-\s+|\s+—\s+)(?:reporter|correspondent|корреспондент|журналист|"
                         r"special to|for |in |из |фото|photo).*$", re.I)
MAX_WORDS = 5


def _clean(name: str) -> str:
    name = " ".join(name.split())
    name = BYLINE_PREFIX.sub("", name)
    name = ROLE_SUFFIX.sub("", name)
    return name.strip(" .,:;-—|\u00a0")


def _is_person(name: str, outlet: str | None) -> bool:
    words = name.split()
    if not 1 <= len(words) <= MAX_WORDS or len(name) < 3:
        return False
    if NOT_A_PERSON.search(name):
        return False
    if outlet and name.casefold() in outlet.casefold():
        return False
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) >= 0.7 * len(name.replace(" ", "")) and any(c.isupper() for c in name)


def split_names(raw: str) -> list[str]:
    """'By Ann Lee and Bo Kim' -> ['Ann Lee', 'Bo Kim'] (a lone 'Lastname, Firstname' stays one name)."""
    raw = BYLINE_PREFIX.sub("", " ".join(raw.split()))
    parts = [p for p in SPLIT.split(raw) if p.strip()]
    if len(parts) == 2 and raw.count(",") == 1 and all(len(p.split()) == 1 for p in parts):
        return [f"{parts[1]} {parts[0]}"]
    return parts


def normalize_authors(candidates: Iterable[str], outlet: str | None = None) -> list[str]:
    """People's names from raw candidate strings, in order, without duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in candidates:
        for part in split_names(raw):
            name = _clean(part)
            key = name.casefold()
            if key not in seen and _is_person(name, outlet):
                seen.add(key)
                out.append(name)
    return out


def ld_author_names(value: Any) -> list[str]:
    """Names from a JSON-LD `author`/`creator` value; organisations are skipped."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, Mapping):
            kind = str(item.get("@type", "Person")).lower()
            if "organization" in kind or "organisation" in kind:
                continue
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(map(str, name))
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName', '')} {item.get('familyName', '')}"
            if name:
                names.append(str(name))
    return names
