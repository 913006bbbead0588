"""Derived fields: language and script, word count, Central Asian places and relevance."""

from __future__ import annotations

from crawler.extraction.language import MAX_CHARS, detect_language, normalize_language_code
from crawler.extraction.scripts import word_count
from crawler.geo import tag_text
from crawler.items import Article
from crawler.sources.base import Source
from crawler.text.normalize import normalize_uzbek_apostrophes


def enrich_article(article: Article, source: Source) -> Article:
    """Fill language, script, word_count, countries, places and relevance (in place; returned)."""
    # detect_language reads MAX_CHARS characters: the body beyond them need not be copied into the sample
    body_head = article.body[:MAX_CHARS] if article.body else article.body
    sample = "\n".join(t for t in (article.title, article.description, body_head) if t)
    declared = article.signals.get("declared_language")
    candidates = tuple(lang for lang in source.languages if lang != "und")
    article.language, article.script = detect_language(sample, declared=declared, candidates=candidates)
    if article.language == "uz" and article.script == "Latn":
        article.title = normalize_uzbek_apostrophes(article.title) if article.title else article.title
        article.description = normalize_uzbek_apostrophes(article.description) if article.description else None
        article.body = normalize_uzbek_apostrophes(article.body or "")
    article.alternates = {
        code: url for lang, url in article.alternates.items() if (code := normalize_language_code(lang) or lang)
    }
    article.word_count = word_count(article.body or "")
    geo = tag_text(article.title, article.description, article.body, language=article.language)
    article.countries = list(geo.countries)
    article.places = list(geo.places)
    article.relevance = round(geo.relevance, 3)
    return article
