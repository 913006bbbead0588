"""Record-level cleaning: boilerplate paragraphs out, Unicode and whitespace normalised."""

from __future__ import annotations

import re

from crawler.items import Article
from crawler.sources.base import Source
from crawler.text.boilerplate import clean_paragraphs
from crawler.text.normalize import normalize_line

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
TITLE_NOISE = re.compile(r"^\W*(?:exclusive|эксклюзив|видео|video|фото|photo)\s*[:|]\s*", re.I)


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    return normalize_line(value) or None


def clean_body(body: str | None, source: Source) -> str:
    """Body text without boilerplate, paragraphs separated by exactly one blank line."""
    if not body:
        return ""
    paragraphs = [normalize_line(p) for p in PARAGRAPH_BREAK.split(body)]
    kept = clean_paragraphs(paragraphs, phrases=source.boilerplate.phrases, cut_after=source.boilerplate.cut_after)
    return "\n\n".join(kept)


def clean_article(article: Article, source: Source) -> Article:
    """The same article with clean text fields (in place; returned for chaining)."""
    article.title = _one_line(article.title)
    article.description = _one_line(article.description)
    article.body = clean_body(article.body, source)
    article.authors = [a for a in (_one_line(a) for a in article.authors) if a]
    article.tags = list(dict.fromkeys(t for t in (_one_line(t) for t in article.tags) if t))
    article.section = _one_line(article.section)
    return article
