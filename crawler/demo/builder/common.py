"""Helpers shared by the three outlet renderers: escaping, JSON-LD, tag slugs, the boilerplate record."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from crawler.demo.builder.story import BASE, Story

SLUG_DROP = re.compile(r"[^a-z0-9]+")
APOSTROPHES = re.compile("['ʻʼ’‘]")  # dropped, not hyphenated: Tog'lar -> toglar
# Cyrillic -> Latin for tag/author slugs (WordPress does the same with a transliteration plugin).
CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөүқғҳҷӯ",
                    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ng", "o",
                     "u", "q", "gh", "h", "j", "u"], strict=True))


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(text: str) -> str:
    """ASCII slug: `Oʻzbekiston` -> `ozbekiston`, `Экономика` -> `ekonomika`."""
    lowered = "".join(CYRILLIC.get(c, c) for c in APOSTROPHES.sub("", text.lower()))
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    return SLUG_DROP.sub("-", ascii_text).strip("-")


def json_ld(data: dict[str, Any]) -> str:
    """JSON for a <script> element: `</` escaped so a title can never close the script."""
    return json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":")).replace("</", "<\\/")


def abs_url(path: str) -> str:
    return BASE + path


@dataclass
class Rendered:
    """An article page plus the record of which boilerplate it carries and where (for expected.json)."""

    story: Story
    html: str
    boilerplate: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # this page's own boilerplate lines (hashtags, read-also)
    extra_links: list[str] = field(default_factory=list)  # site paths this page links to besides articles
