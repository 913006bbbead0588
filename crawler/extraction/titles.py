"""The headline: every title the page states, cleaned of site names, then the one most of them agree on."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.extraction.body import element_text, select_first
from crawler.extraction.metadata import Metadata, ld_text
from crawler.sources.base import Source

# Separators between a headline and a site or section name: "|", " - ", " – ", " — ", "::", "•", "·", "»",
# " / ", "--", and the full-width and Korean bars. A colon is not one: "Kicker: title" is a headline.
SEPARATOR = re.compile(r"\s+(?:[-–—•·»/]|::)\s+|\s*(?:[|｜ㅣ]|--)\s*")
SEPARATOR_START = re.compile(r"^\s*(?:[-–—•·»/|｜ㅣ]|::|--)")
QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
NON_WORD = re.compile(r"\W+")
HOST_NOISE = frozenset({"www", "m", "amp", "mobile", "news", "com", "org", "net", "co", "gov", "edu", "info"})
MIN_HOST_LABEL = 3  # a shorter host label ("tv", "ru") is too common inside words to mark a site name
MIN_PREFIX = 10  # characters: a shorter title is not trusted to be another title's headline part
MAX_SITE_WORDS = 5  # a part of more words is a headline, not a site name
# Trust in each layer, measured as agreement with hand-checked headlines (fundus' 258 pages): the JSON-LD
# headline is written for search engines and most often the edited headline; the <title> and twitter:title
# often carry a site or teaser variant and count less. Ties go to the order below.
WEIGHTS = {"selector": 10.0, "ld": 1.5, "og": 1.0, "h1": 1.0, "twitter": 0.5, "microdata": 0.5, "title": 0.5}
PRIORITY = ("selector", "ld", "og", "h1", "twitter", "microdata", "title")


@dataclass(frozen=True)
class Candidate:
    """One title as one layer states it, after cleaning."""

    origin: str
    text: str

    @property
    def key(self) -> str:
        """Equal for the same headline written with other quotes, case or spacing."""
        return " ".join(self.text.casefold().translate(QUOTES).split())


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    if "&" in text:  # JSON-LD is often HTML-escaped, sometimes twice
        text = html.unescape(html.unescape(text))
    text = " ".join(text.translate(INVISIBLE).split())
    return text or None


def _squash(text: str) -> str:
    return NON_WORD.sub("", text.casefold())


def host_labels(url: str) -> set[str]:
    """Distinctive labels of a URL's host: {"golem"} for www.golem.de, {"bbc"} for www.bbc.co.uk."""
    host = (urlsplit(url).hostname or "").split(".")
    return {label for label in host[:-1] if len(label) >= MIN_HOST_LABEL and label not in HOST_NOISE}


def is_site_name(part: str, names: set[str], labels: set[str]) -> bool:
    """Whether a title part names the site: its name as stated, or its host ("Golem.de", "MDR.DE", "kicker")."""
    squashed = _squash(part)
    if not squashed:  # only punctuation, or a date such as "28.04.2023" is not a headline either
        return True
    if not any(c.isalpha() for c in part):
        return True
    if squashed in names or part.casefold().strip() in names:
        return True
    if len(part.split()) > MAX_SITE_WORDS:
        return False
    return any(squashed.startswith(label) or squashed.endswith(label) for label in labels)


def strip_site_name(title: str, names: set[str], labels: set[str]) -> str:
    """"Headline | Site" -> "Headline"; "Site - Headline" -> "Headline"; parts after a site name go with it."""
    parts = SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    site_at = [i for i, part in enumerate(parts) if is_site_name(part, names, labels)]
    if not site_at:
        return title
    if site_at[0] == 0:  # "Site | Headline": drop the leading site parts only
        start = next((i for i in range(len(parts)) if i not in site_at), len(parts))
        kept = parts[start:]
        end = next((i for i, part in enumerate(kept) if is_site_name(part, names, labels)), len(kept))
        kept = kept[:end]
    else:  # "Headline | Section | Site | date": the site name ends the headline
        kept = parts[:site_at[0]]
    if not kept:
        return title
    first, last = kept[0], kept[-1]
    # cut the original string, so that separators inside the headline keep their spacing
    start = title.find(first)
    end = title.rfind(last) + len(last)
    return title[start:end].strip() if 0 <= start < end else title


def title_candidates(doc: HtmlElement, md: Metadata, source: Source, url: str) -> list[Candidate]:
    found: list[tuple[str, str | None]] = []
    if (el := select_first(doc, source.selectors.title)) is not None:
        found.append(("selector", element_text(el)))
    found += [("ld", ld_text(obj.get("headline"))) for obj in md.ld[:1]]
    found += [("og", md.meta.get("og:title")), ("twitter", md.meta.get("twitter:title")),
              ("microdata", md.microdata.get("headline")), ("title", md.html_title)]
    names = {_squash(n) for n in (md.meta.get("og:site_name"), md.meta.get("application-name"), source.name,
                                  ld_text(md.article.get("publisher"))) if n}
    names.discard("")
    labels = host_labels(url)
    h1 = next((t for t in md.h1 if not is_site_name(t, names, labels)), None)
    found.append(("h1", h1))
    candidates = []
    for origin, raw in found:
        text = _clean(raw)
        if text and origin != "selector":
            text = strip_site_name(text, names, labels)
        if text:
            candidates.append(Candidate(origin, text))
    return _strip_cross_variants(candidates)


def _strip_cross_variants(candidates: list[Candidate]) -> list[Candidate]:
    """"Headline - Rubric" becomes "Headline" when another layer states "Headline" alone: what follows a
    separator after another layer's whole title is a site or section name."""
    keys = [c.key for c in candidates]
    out = []
    for candidate in candidates:
        best = candidate
        for other, key in zip(candidates, keys, strict=True):
            if (len(key) >= MIN_PREFIX and len(key) < len(best.key) and best.key.startswith(key)
                    and SEPARATOR_START.match(best.key[len(key):])):
                best = Candidate(candidate.origin, other.text)
        out.append(best)
    return out


def choose(candidates: Iterable[Candidate]) -> str | None:
    """The headline with the most weight of agreeing layers; its best layer's spelling."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(candidate.key, []).append(candidate)
    if not groups:
        return None

    def rank(key: str) -> tuple[float, int]:
        members = groups[key]
        return (sum(WEIGHTS[c.origin] for c in members), -min(PRIORITY.index(c.origin) for c in members))

    best = max(groups, key=rank)
    return min(groups[best], key=lambda c: PRIORITY.index(c.origin)).text


def pick_title(doc: HtmlElement, md: Metadata, source: Source, url: str) -> str | None:
    """Per-source selector first; otherwise the headline most metadata layers and the page's <h1> agree on."""
    return choose(title_candidates(doc, md, source, url))
