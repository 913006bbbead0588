"""Site and section names in titles: which names a page goes by, and cutting them off a headline."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from crawler.extraction.metadata import Metadata, ld_text
from crawler.sources.base import Source

# Separators between a headline and a site or section name: "|", " - ", " – ", " — ", "::", "•", "·", "»",
# " / ", " * ", "--", and the full-width and Korean bars. A colon is not one: "Kicker: title" is a headline.
SEPARATOR = re.compile(r"\s+(?:[-–—•·»/*]|::)\s+|\s*(?:[|｜ㅣ]|--)\s*")
SEPARATOR_START = re.compile(r"^\s*(?:[-–—•·»/*|｜ㅣ]|::|--)")
SEPARATOR_END = re.compile(r"(?:\s[-–—•·»/*]|::|[|｜ㅣ]|--)\s*$")
# Weaker joints: a colon, the full-width colon and a comma also attach a site name or a date
# ("…気象庁：朝日新聞デジタル", "Orden fürs Morden, Tageszeitung junge Welt, 26.04.2024"), but far more often
# a kicker or a clause. They only peel an edge part that is exactly the site's name, a section of the page or
# a date; so does "(Site)" at the end.
WEAK_SEPARATOR = re.compile(r"\s*：\s*|\s*:\s+|,\s+|，\s*")
BRACKETED_SUFFIX = re.compile(r"\s*[(\[]([^()\[\]]{1,60})[)\]]$")
# "Headline-정치ㅣ한국일보": a section glued to the headline by a bare hyphen; only a known section name is cut.
GLUED_SUFFIX = re.compile(r"[-–—]([^\s\-–—][^-–—]{0,40})$")
DATE_PART = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
NON_WORD = re.compile(r"\W+")
SECTION_KEYS = ("article:section", "og:section", "articlesection")
HOST_NOISE = frozenset({"www", "m", "amp", "mobile", "news", "com", "org", "net", "co", "gov", "edu", "info"})
MIN_HOST_LABEL = 3  # a shorter host label ("tv", "ru") is too common inside words to mark a site name
MIN_PREFIX = 10  # characters: a shorter title is not trusted to be another title's headline part
MAX_SITE_WORDS = 5  # a part of more words is a headline, not a site name
MAX_SECTION_WORDS = 3  # a longer "section" is a headline in the wrong field


def squash(text: str) -> str:
    """A name or title as compared with names: casefolded, without spaces or punctuation ("golemde")."""
    return NON_WORD.sub("", text.casefold())


def host_labels(url: str) -> set[str]:
    """Distinctive labels of a URL's host: {"golem"} for www.golem.de, {"bbc"} for www.bbc.co.uk."""
    host = (urlsplit(url).hostname or "").split(".")
    return {label for label in host[:-1] if len(label) >= MIN_HOST_LABEL and label not in HOST_NOISE}


def site_names(md: Metadata, source: Source, url: str) -> set[str]:
    """Squashed names the page goes by: og:site_name, application-name, the publisher, the source's name and
    its host ("golemde" for www.golem.de); and the page's section names ("royal", "정치"), which titles carry
    the same way."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    found = [md.meta.get("og:site_name"), md.meta.get("application-name"), source.name, host,
             ld_text(md.article.get("publisher")), ld_text(md.article.get("articleSection")),
             *(md.meta.get(key) for key in SECTION_KEYS)]
    # A "name" as long as a headline, or equal to one of the page's titles, is a title put in the wrong field
    # (article:section on corriere.it and die-tagespost.de, og:site_name on blog.goo.ne.jp): taken as a name it
    # would erase the title.
    titles = {squash(t) for t in (md.meta.get("og:title"), md.meta.get("twitter:title"), md.html_title,
                                   ld_text(md.article.get("headline"))) if t}
    names = {squash(name) for name in found[:5] if name and len(name.split()) <= MAX_SITE_WORDS}
    names |= {squash(name) for name in found[5:] if name and len(name.split()) <= MAX_SECTION_WORDS}
    return names - titles - {""}


def is_site_name(part: str, names: set[str], labels: set[str]) -> bool:
    """Whether a title part names the site: its name as stated, or its host ("Golem.de", "MDR.DE", "kicker")."""
    squashed = squash(part)
    if not squashed:  # only punctuation, or a date such as "28.04.2023" is not a headline either
        return True
    if not any(c.isalpha() for c in part):
        return True
    if squashed in names or part.casefold().strip() in names:
        return True
    if len(part.split()) > MAX_SITE_WORDS:
        return False
    return any(squashed.startswith(label) or squashed.endswith(label) for label in labels)


def is_exactly_site(part: str, names: set[str], labels: set[str], trailing: bool = False) -> bool:
    """A part that is the site's name, its host label, a section or a date, and nothing more; at the end of a
    title also the host's name with a descriptor before it ("Tageszeitung junge Welt" on jungewelt.de)."""
    squashed = squash(part)
    if squashed in names or squashed in labels or DATE_PART.match(part.strip()):
        return True
    return trailing and len(part.split()) <= MAX_SITE_WORDS and any(squashed.endswith(label) for label in labels)


def strip_site_name(title: str, names: set[str], labels: set[str]) -> str:
    """"Headline | Site" -> "Headline"; "Site - Headline" -> "Headline"; parts after a site name go with it."""
    return _peel_weak(_strip_glued(_strip_strong(title, names, labels), names), names, labels)


def _cut(title: str, first: str, last: str) -> str:
    # cut the original string, so that separators inside the headline keep their spacing
    start, end = title.find(first), title.rfind(last) + len(last)
    return title[start:end].strip() if 0 <= start < end else title


def _strip_strong(title: str, names: set[str], labels: set[str]) -> str:
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
    return _cut(title, kept[0], kept[-1]) if kept else title


def _strip_glued(title: str, names: set[str]) -> str:
    match = GLUED_SUFFIX.search(title)
    if match and match.start() >= MIN_PREFIX and squash(match.group(1)) in names:
        return title[:match.start()].rstrip()
    return title


def _peel_weak(title: str, names: set[str], labels: set[str]) -> str:
    """Drop edge parts joined by a colon or comma, or a bracketed suffix, when they are exactly a site name,
    section or date."""
    if (match := BRACKETED_SUFFIX.search(title)) and is_exactly_site(match.group(1), names, labels, trailing=True):
        title = title[:match.start()]
    parts = WEAK_SEPARATOR.split(title)
    start, end = 0, len(parts)
    while end - start > 1 and is_exactly_site(parts[end - 1], names, labels, trailing=True):
        end -= 1
    while end - start > 1 and is_exactly_site(parts[start], names, labels):
        start += 1
    return title if (start, end) == (0, len(parts)) else _cut(title, parts[start], parts[end - 1])
