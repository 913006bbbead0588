"""One demo article as written in `stories/<outlet>/<name>.txt`: a `key: value` header, a blank line, paragraphs."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

STORIES_ROOT = Path(__file__).resolve().parent.parent / "stories"
OUTLETS = ("steppe", "azatlyk", "vesti")
BASE = "__BASE__"
# `[anchor text](/path/)`: an inline link inside a paragraph; the path is site-absolute.
INLINE_LINK = re.compile(r"\[([^\]]+)\]\((/[^)\s]*)\)")
# `~` is typed for a non-breaking space (hard to see in an editor); news text never uses a tilde.
NBSP_MARK = "~"
NBSP = "\u00a0"
WORD = re.compile(r"\w+(?:[-'ʻ’]\w+)*")
REQUIRED = ("lang", "title", "published", "authors", "section")
LIST_FIELDS = ("authors", "tags", "related")


@dataclass(frozen=True)
class Story:
    """A parsed story; `name` is the file stem, unique per outlet."""

    outlet: str
    name: str
    lang: str
    title: str
    published: datetime
    modified: datetime | None
    authors: tuple[str, ...]
    section: str
    paragraphs: tuple[str, ...]
    tags: tuple[str, ...] = ()
    slug: str | None = None
    id: int | None = None
    related: tuple[str, ...] = ()
    image: str | None = None
    caption: str | None = None
    syndicated_from: str | None = None  # "outlet/name" of the original
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.outlet}/{self.name}"

    @property
    def path(self) -> str:
        """The site-absolute URL path of the article."""
        if self.outlet == "steppe":
            return f"/steppe/{self.published:%Y/%m/%d}/{self.slug}/"
        if self.outlet == "azatlyk":
            return f"/azatlyk/a/{self.slug}/{self.id}.html" if self.slug else f"/azatlyk/a/{self.id}.html"
        return f"/vesti/news/{self.id}.html"

    @property
    def url(self) -> str:
        return BASE + self.path

    @property
    def text_paragraphs(self) -> tuple[str, ...]:
        """Paragraphs as a reader sees them: link markup dropped, `~` as a non-breaking space."""
        return tuple(paragraph_text(p) for p in self.paragraphs)

    @property
    def words(self) -> int:
        return sum(len(WORD.findall(p)) for p in self.text_paragraphs)

    @property
    def description(self) -> str:
        """The first sentence-ish of the lead paragraph, as CMSs put into meta description."""
        first = self.text_paragraphs[0]
        cut = first.find(". ", 60)
        return first if cut < 0 else first[: cut + 1]


def paragraph_text(raw: str) -> str:
    return INLINE_LINK.sub(r"\1", raw).replace(NBSP_MARK, NBSP)


def paragraph_html(raw: str) -> str:
    """A paragraph's inner HTML: text escaped, inline links made absolute with the `__BASE__` placeholder."""
    out: list[str] = []
    last = 0
    for match in INLINE_LINK.finditer(raw):
        out.append(html.escape(raw[last:match.start()], quote=False))
        out.append(f'<a href="{BASE}{html.escape(match.group(2))}">{html.escape(match.group(1), quote=False)}</a>')
        last = match.end()
    out.append(html.escape(raw[last:], quote=False))
    return "".join(out).replace(NBSP_MARK, NBSP)


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def parse_story(path: Path, outlet: str) -> Story:
    """Parse one story file; raises ValueError naming the file on a missing or malformed field."""
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        raise ValueError(f"{path}: empty story file")
    head, _, body = text.partition("\n\n")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        name, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"{path}: bad header line {line!r}")
        meta[name.strip()] = value.strip()
    missing = [k for k in REQUIRED if not meta.get(k)]
    if not body.strip() and not meta.get("syndicated_from"):
        missing.append("body")
    if missing:
        raise ValueError(f"{path}: missing {', '.join(missing)}")
    paragraphs = tuple(" ".join(p.split()) for p in body.split("\n\n") if p.strip())
    known = {"lang", "title", "published", "modified", "authors", "section", "tags", "slug", "id", "related",
             "image", "caption", "syndicated_from"}
    return Story(
        outlet=outlet,
        name=path.stem,
        lang=meta["lang"],
        title=meta["title"].replace(NBSP_MARK, NBSP),
        published=datetime.fromisoformat(meta["published"]),
        modified=datetime.fromisoformat(meta["modified"]) if meta.get("modified") else None,
        authors=_split_list(meta["authors"]),
        section=meta["section"],
        paragraphs=paragraphs,
        tags=_split_list(meta.get("tags", "")),
        slug=meta.get("slug") or None,
        id=int(meta["id"]) if meta.get("id") else None,
        related=_split_list(meta.get("related", "")),
        image=meta.get("image") or None,
        caption=meta.get("caption", "").replace(NBSP_MARK, NBSP) or None,
        syndicated_from=meta.get("syndicated_from") or None,
        extra={k: v for k, v in meta.items() if k not in known},
    )


def load_stories(root: Path = STORIES_ROOT) -> dict[str, list[Story]]:
    """Every story per outlet, newest first; checks ids/URLs are unique and `related`/`syndicated_from` resolve."""
    stories: dict[str, list[Story]] = {}
    for outlet in OUTLETS:
        parsed = [parse_story(p, outlet) for p in sorted((root / outlet).glob("*.txt"))]
        stories[outlet] = sorted(parsed, key=lambda s: (s.published, s.name), reverse=True)
    every = {s.key: s for group in stories.values() for s in group}
    for group in stories.values():
        # A syndicated copy written without a body republishes the original's paragraphs word for word.
        for i, story in enumerate(group):
            if story.syndicated_from and not story.paragraphs:
                original = every.get(story.syndicated_from)
                if original is None:
                    raise ValueError(f"{story.key}: syndicated_from {story.syndicated_from!r} not found")
                group[i] = every[story.key] = replace(story, paragraphs=original.paragraphs)
    paths = [s.path for s in every.values()]
    if len(set(paths)) != len(paths):
        raise ValueError("two stories share a URL")
    for story in every.values():
        if story.published.tzinfo is None:
            raise ValueError(f"{story.key}: published needs a UTC offset")
        for other in story.related:
            if f"{story.outlet}/{other}" not in every:
                raise ValueError(f"{story.key}: related story {other!r} not found")
        if story.syndicated_from and story.syndicated_from not in every:
            raise ValueError(f"{story.key}: syndicated_from {story.syndicated_from!r} not found")
    return stories
