"""The Article record exported as one JSON Lines object per article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"


@dataclass
class Article:
    """One news article; field meanings are documented in README.md and crawler/schema/article.schema.json."""

    id: str
    url: str
    canonical_url: str
    source: str
    title: str | None = None
    description: str | None = None
    body: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    modified_at: str | None = None
    fetched_at: str | None = None
    language: str | None = None
    script: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    relevance: float | None = None
    alternates: dict[str, str] = field(default_factory=dict)
    word_count: int = 0
    schema_version: str = SCHEMA_VERSION
    # Extraction evidence for the pipelines (page type, declared language); never exported.
    signals: dict[str, Any] = field(default_factory=dict, repr=False, metadata={"export": False})


def article_fields() -> tuple[str, ...]:
    """Field names in export order."""
    return tuple(name for name, f in Article.__dataclass_fields__.items() if f.metadata.get("export", True))


def to_dict(article: Article) -> dict[str, Any]:
    """The record as a plain dict in field order."""
    return {name: getattr(article, name) for name in article_fields()}
