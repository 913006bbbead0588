"""Author names in meta tags: every tag of the head, other known keys and Yoast's "Written by" pairs."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.metadata import Metadata

AUTHOR_META = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl")
# Other keys publishers and analytics tools use for the writer ("smartbanner:author" is an app's maker).
OTHER_AUTHOR_META = frozenset({"articleauthor", "article:author_name", "og:author", "og:article:author",
                               "cxenseparse:author", "dable:author", "dcsext.author", "lp.article:author"})
# The head's meta tags, read again with duplicates (Metadata keeps the first of each key); a path, not a
# search of the whole tree.
HEAD_META_XPATH = etree.XPath("/html/head/meta[@content]")
# The first "author" meta tag anywhere, the one Metadata kept: inside a nested microdata item it is a cited work's.
FIRST_AUTHOR_META_XPATH = etree.XPath(
    "(//meta[@content][@itemprop='author' or @name='author' or @property='author' or @name='Author'])[1]")
# Yoast's labelled meta pairs (twitter:label1 "Written by", twitter:data1 the name), in the site's language.
WRITTEN_BY = re.compile(r"^(?:written by|verfasst von|geschrieben von|escrito por|écrit par|scritto da|"
                        r"geschreven door|skrevet av|skriven av|napisane przez|yazan|автор|написано)", re.I)
TWITTER_LABEL, TWITTER_DATA = "twitter:label", "twitter:data"


def _cited(el: HtmlElement) -> bool:
    """Whether microdata describes an item that is a property of another ("citation", "review"): its author
    is not the page's."""
    for node in el.iterancestors():
        if node.get("itemscope") is not None:
            return node.get("itemprop") is not None
    return False


def meta_authors(doc: HtmlElement, md: Metadata) -> list[str]:
    """Author values of the head's meta tags, every tag kept (a page may give the outlet in its first
    "author" tag and the writer in a second): the usual keys first, then other known ones ("articleAuthor")
    and Yoast's "Written by" pairs (twitter:label1 / twitter:data1, or "twitter:misc:Written by"). Of the
    itemprop tags only the first of the page's own item counts (not a cited work's). Without any in the
    head, the first of each usual key anywhere (as `Metadata` read them)."""
    usual: list[str] = []
    other: list[str] = []
    labels: dict[str, str] = {}
    data: dict[str, str] = {}
    itemprop = False
    for el in HEAD_META_XPATH(doc):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        if not key and not itemprop and el.get("itemprop", "").strip().lower() == "author" and not _cited(el):
            key = "author"
            itemprop = True
        value = " ".join(el.get("content", "").split())
        if not key or not value:
            continue
        if key.startswith(TWITTER_LABEL):
            labels[key[len(TWITTER_LABEL):]] = value
        elif key.startswith(TWITTER_DATA):
            data[key[len(TWITTER_DATA):]] = value
        elif value.startswith("http"):
            continue  # a profile page, not a name
        elif key in AUTHOR_META:
            usual.append(value)
        elif key in OTHER_AUTHOR_META or WRITTEN_BY.match(key.rsplit(":", 1)[-1]):
            other.append(value)
    other += [data[n] for n, label in labels.items() if n in data and WRITTEN_BY.match(label)]
    if usual or other:
        return usual + other
    found = [value for key in AUTHOR_META if (value := md.meta.get(key)) and not value.startswith("http")]
    if md.meta.get("author") and any(_cited(el) for el in FIRST_AUTHOR_META_XPATH(doc)):
        found.remove(md.meta["author"])  # the first "author" tag, in the body, is a cited work's
    return found
