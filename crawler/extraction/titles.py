"""The headline: every title the page states, cleaned of site names, then the most trusted layer that states one."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from lxml.html import HtmlElement

from crawler.extraction.body import element_text, select_first
from crawler.extraction.metadata import Metadata, ld_text
from crawler.extraction.title_names import (  # host_labels: also imported from here by bylines
    MIN_PREFIX,
    SEPARATOR_END,
    SEPARATOR_START,
    host_labels,
    is_exactly_site,
    is_site_name,
    site_names,
    squash,
    strip_site_name,
)
from crawler.sources.base import Source

ELLIPSIS = re.compile(r"\s*(?:…|\.{3})$")
# Quotation marks and brackets. A cut inside a quotation leaves its closing mark to the longer title, with the
# opening one in the shorter: "…Mellet: «Je me fiche de ces mesures et du" + " gouvernement!»".
MARKS = frozenset('"”“»«„」』「『)](［')
CLOSERS = frozenset('"”“»«」』)]')
QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
WORD = re.compile(r"\w{3,}")
MAX_WORD = 20  # characters: a longer run of letters is text of a script written without spaces
# A leading span of the <h1> that is a kicker ("Dachzeile", topline, overline, eyebrow) rather than the headline,
# matched on one class token: "article-title__overline", "seitenkopf__topline", "dachzeile".
KICKER_CLASS = re.compile(r"(?:^|[-_])(?:kicker|overline|topline|dachzeile|spitzmarke|roofline|eyebrow|supertitle"
                          r"|pretitle|topic|label|flag|rubric)(?:$|[-_])", re.I)
# Text only screen readers get: the " - " or ":" that joins a kicker to the headline for them.
HIDDEN_CLASS = re.compile(r"sr-only|visually-?hidden|offscreen|a11y-hidden|screen-reader", re.I)
# Layers in order of trust. The JSON-LD headline is the publisher's declared schema.org headline; og:title is
# the sharing title; the rest are display or browser variants. On fundus' 258 pages the cleaned JSON-LD headline
# and og:title disagree on 65; the expected title is the JSON-LD one on 32 and og:title on 30. Which one the
# <h1> and <title> repeat does not separate them by publisher (the one they do not repeat is right for 28 of 52
# publishers, the JSON-LD one for 26), nor does length: agreement of the lower layers is no evidence there, so a
# higher layer is taken as it stands, and the lower ones vote among themselves when no higher layer states a
# usable title.
TIER = {"selector": 0, "ld": 1, "og": 2, "h1": 3, "twitter": 3, "microdata": 3, "title": 3}
LOWEST = 3
WEIGHTS = {"selector": 1.0, "ld": 1.0, "og": 1.0, "h1": 1.0, "twitter": 0.5, "microdata": 0.5, "title": 0.5}
PRIORITY = ("selector", "ld", "og", "h1", "twitter", "microdata", "title")
# Layers that do not confirm another's headline part: the <title> and <h1> may be a blog's name, and microdata's
# headline is usually the <h1> element itself.
HEAD_UNSURE = frozenset({"h1", "title", "microdata"})
# "Site Headline", "«Label»: Headline": a part another layer separates, joined here by a bare space or a colon
GLUE = re.compile(r"\w[\"']?:?\s+$")


@dataclass(frozen=True)
class Candidate:
    """One title as one layer states it, after cleaning."""

    origin: str
    text: str

    @cached_property  # compared pairwise across layers: computed once
    def key(self) -> str:
        """Equal for the same headline written with other quotes, case or spacing."""
        return _key(self.text)


def _key(text: str) -> str:
    return " ".join(text.casefold().translate(QUOTES).split())


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    if "&" in text:  # JSON-LD is often HTML-escaped, sometimes twice
        text = html.unescape(html.unescape(text))
    text = " ".join(text.translate(INVISIBLE).split())
    return text or None



def _is_kicker(el: HtmlElement) -> bool:
    return any(KICKER_CLASS.search(c) or HIDDEN_CLASS.search(c) for c in (el.get("class") or "").split())


def h1_headline(el: HtmlElement) -> str:
    """The text of an <h1> without a leading kicker span and its screen-reader joint: 'Headline' for
    '<h1><span class="overline">Nahost</span><span class="sr-only"> - </span><span>Headline</span></h1>'."""
    text = element_text(el)
    if not len(el) or (el.text and el.text.strip()):
        return text
    children = [child for child in el if isinstance(child.tag, str)]
    skip = 0
    while skip < len(children) and _is_kicker(children[skip]):
        skip += 1
        if (children[skip - 1].tail or "").strip():  # text after the kicker: the headline starts there
            break
    if not skip:
        return text
    rest = [children[skip - 1].tail or ""]
    rest += [piece for child in children[skip:] for piece in (child.text_content(), child.tail or "")]
    headline = " ".join("".join(rest).split())
    return headline if any(c.isalpha() for c in headline) else text


def title_candidates(doc: HtmlElement, md: Metadata, source: Source, url: str) -> list[Candidate]:
    """Every layer's title, cleaned: site and section names off, a kicker span off the <h1>, truncations completed."""
    found: list[tuple[str, str | None]] = []
    if (el := select_first(doc, source.selectors.title)) is not None:
        found.append(("selector", element_text(el)))
    found += [("ld", ld_text(obj.get("headline"))) for obj in md.ld[:1]]
    found += [("og", md.meta.get("og:title")), ("twitter", md.meta.get("twitter:title")),
              ("microdata", md.microdata.get("headline")), ("title", md.html_title)]
    names = site_names(md, source, url)
    labels = {squash(label) for label in host_labels(url)}  # "die-tagespost" is compared as "dietagespost"
    candidates = [c for origin, raw in found if (c := _candidate(origin, raw, names, labels))]
    if (h1 := _h1_candidate(doc, md, candidates, names, labels)) is not None:
        candidates.append(h1)
    return _complete_truncated(_strip_cross_variants(candidates, names))


def _candidate(origin: str, raw: str | None, names: set[str], labels: set[str]) -> Candidate | None:
    text = _clean(raw)
    if text and origin != "selector":
        text = strip_site_name(text, names, labels)
        if is_exactly_site(text, names, labels):  # og:title "Kloop" on a page that has no headline of its own
            return None
    return Candidate(origin, text) if text else None


def _h1_candidate(doc: HtmlElement, md: Metadata, others: list[Candidate], names: set[str],
                  labels: set[str]) -> Candidate | None:
    """The first <h1> that is not the site's logo. When no other layer states its text, its elements are
    looked at for a kicker span; walking the tree again is not paid when a layer confirms the text as it is."""
    text = next((t for t in md.h1 if not is_site_name(t, names, labels)), None)
    if text is None:
        return None
    candidate = _candidate("h1", text, names, labels)
    if candidate is not None and any(c.key == candidate.key for c in others if c.origin not in HEAD_UNSURE):
        return candidate
    headline = next((t for el in doc.iter("h1") if (t := h1_headline(el)) and not is_site_name(t, names, labels)),
                    text)
    return _candidate("h1", headline, names, labels)


def _strip_cross_variants(candidates: list[Candidate], names: set[str]) -> list[Candidate]:
    """"Headline - Rubric" and "Site - Headline" become "Headline" when another layer states "Headline" alone:
    what a separator joins to another layer's whole title is a site or section name. A part learnt that way is
    also cut where it is glued without a separator ("बिजनेस स्टैंडर्ड सेबी…" when the <title> says "बिजनेस स्टैंडर्ड - सेबी…")."""
    keys = {c.key for c in candidates if len(c.key) >= MIN_PREFIX}
    # What precedes a headline is cut only when a metadata layer states the headline alone, lest "Post title -
    # Blog name" be cut down to a blog's name in its <h1>.
    stated = {c.key for c in candidates if c.origin not in HEAD_UNSURE and c.key in keys}
    heads = set(names)
    for key in {c.key for c in candidates}:
        for other in stated:
            if len(other) < len(key) and key.endswith(other) and SEPARATOR_END.search(key[:-len(other)]):
                heads.add(squash(SEPARATOR_END.sub("", key[:-len(other)])))
    out = []
    for candidate in candidates:
        best = candidate
        for other in candidates:
            key, short = best.key, other.key
            if short not in keys or len(short) >= len(key):
                continue
            head = key[:-len(short)] if short in stated and key.endswith(short) else ""
            suffixed = key.startswith(short) and SEPARATOR_START.match(key[len(short):])
            glued = bool(GLUE.search(head)) and squash(head) in heads
            if suffixed or SEPARATOR_END.search(head) or glued:
                best = Candidate(candidate.origin, other.text)
        out.append(best)
    return out


def _complete_truncated(candidates: list[Candidate]) -> list[Candidate]:
    """A title cut short becomes the whole title another layer states: cut before an ellipsis ("…"), inside a
    word, or inside a quotation (the rest of the longer title closes a quote). A shorter title that ends at a
    word boundary is an editor's shorter variant, not a truncation, and stays."""
    out = []
    for candidate in candidates:
        ellipsis = ELLIPSIS.search(candidate.text)
        stem = _key(candidate.text[:ellipsis.start()]) if ellipsis else candidate.key
        best = candidate
        for other in candidates if len(stem) >= MIN_PREFIX else ():
            key = other.key
            if len(key) <= len(stem) or not key.startswith(stem) or ELLIPSIS.search(other.text):
                continue
            rest = key[len(stem):]
            if ellipsis or (rest[0].isalnum() and stem[-1].isalnum()) or _cuts_quotation(stem, rest):
                best = Candidate(candidate.origin, other.text)
                break
        out.append(best)
    return out


def _cuts_quotation(stem: str, rest: str) -> bool:
    mark = next((ch for ch in rest if ch in MARKS), None)
    return mark in CLOSERS and not MARKS.isdisjoint(stem)


def _doubtful(candidate: Candidate, pool: list[Candidate]) -> bool:
    """A title no other layer confirms that is still cut off ("…") or a lone short token ("escenic", a CMS's
    name in a JSON-LD headline): it is not trusted over the lower layers. An ellipsis after the whole title
    another layer states is the publisher's styling, and confirmed."""
    if candidate.origin == "selector":  # configured for the source by hand
        return False
    text = candidate.text
    ellipsis = ELLIPSIS.search(text)
    confirmed = {candidate.key, _key(text[:ellipsis.start()])} if ellipsis else {candidate.key}
    others = [other for other in pool if other is not candidate]
    if any(other.key in confirmed for other in others):
        return False
    if ellipsis or (" " not in text and len(text) < MIN_PREFIX):
        return True
    # A title sharing not one word with a headline two other layers agree on is about something else: the
    # site's slogan in og:title on a section page ("International Biathlon Union - IBU").
    agreed = {a.key for i, a in enumerate(others) for b in others[i + 1:] if a.key == b.key}
    words = _words(candidate.key)
    return bool(agreed and words) and words.isdisjoint(_words(" ".join(agreed)))


def _words(key: str) -> set[str]:
    """Words of a title; a run longer than any word (Chinese, Japanese: no spaces) by its character pairs."""
    found: set[str] = set()
    for word in WORD.findall(key):
        found.update((word[i:i + 2] for i in range(len(word) - 1)) if len(word) > MAX_WORD else (word,))
    return found


def choose(candidates: Iterable[Candidate]) -> str | None:
    """The title of the most trusted layer that states a usable one; among equally trusted layers (the <h1>,
    twitter, microdata, <title>), the one with the most weight of agreeing layers, in its best layer's spelling."""
    pool = list(candidates)
    if not pool:
        return None
    tiers = {id(c): LOWEST if _doubtful(c, pool) else TIER[c.origin] for c in pool}
    top = min(tiers.values())
    groups: dict[str, list[Candidate]] = {}
    for candidate in pool:
        groups.setdefault(candidate.key, []).append(candidate)

    def rank(key: str) -> tuple[bool, float, int]:
        members = groups[key]
        return (any(tiers[id(c)] == top for c in members), sum(WEIGHTS[c.origin] for c in members),
                -min(PRIORITY.index(c.origin) for c in members))

    best = max(groups, key=rank)
    return min(groups[best], key=lambda c: PRIORITY.index(c.origin)).text


def pick_title(doc: HtmlElement, md: Metadata, source: Source, url: str) -> str | None:
    """Per-source selector first, then the JSON-LD headline, og:title, and the headline the other layers agree on."""
    return choose(title_candidates(doc, md, source, url))
