"""Regenerate the demo site and expected.json from the stories: `python -m crawler.demo.build_site [--check]`."""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from crawler.demo.builder import azatlyk, jsnews, steppe, vesti
from crawler.demo.builder.common import Rendered, esc
from crawler.demo.builder.story import BASE, STORIES_ROOT, Story, load_stories
from crawler.demo.server import SITE_ROOT

EXPECTED_PATH = Path(__file__).resolve().parent / "expected.json"
SOURCE_KEYS = {"steppe": "demo-steppe", "azatlyk": "demo-azatlyk", "vesti": "demo-vesti"}
MIN_WORDS, MAX_WORDS = 150, 600
PRIVATE_PATH = "/private/"
ROBOTS = f"""# Demo site: crawl everything except the newsroom's staff area.
User-agent: *
Disallow: {PRIVATE_PATH}

Sitemap: {BASE}/azatlyk/sitemap.xml
"""
PRIVATE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">
<title>Newsroom - staff only</title></head>
<body><h1>Newsroom drafts (staff only)</h1>
<p>Unpublished draft: embargoed until further notice. This page is disallowed by robots.txt and a polite
crawler never downloads it.</p>
</body></html>
"""
ROOT_PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Demo news site</title></head>
<body><h1>Offline demo news site</h1>
<p>Three fictional Central Asian outlets, served locally to test a news crawler. Every story here is invented.</p>
<ul>
<li><a href="{BASE}/steppe/">Steppe Times</a> (English, Uzbek; WordPress, RSS feed)</li>
<li><a href="{BASE}/azatlyk/">Azatlyk Radio</a> (Kyrgyz, Russian; Pangea CMS, sitemaps)</li>
<li><a href="{BASE}/vesti/">{esc(vesti.SITE_NAME)}</a> (Russian, windows-1251; paginated listings)</li>
</ul></body></html>
"""


def _listed_in(outlet: str, story: Story, stories: list[Story]) -> list[str]:
    """The discovery entry points that list `story` (feed, sitemaps, listing pages); tag/section pages omitted."""
    rank = stories.index(story)
    if outlet == "steppe":
        return [*(["feed"] if rank < steppe.FEED_ITEMS else []), *(["home"] if rank < steppe.HOME_ITEMS else [])]
    if outlet == "azatlyk":
        newest = max(s.published for s in stories)
        return [*(["news-sitemap"] if newest - story.published <= azatlyk.NEWS_WINDOW else []), "latest-sitemap"]
    return [f"listing-page-{rank // vesti.PER_PAGE + 1}"]


def _record(outlet: str, page: Rendered, stories: list[Story]) -> dict[str, Any]:
    story = page.story
    if not MIN_WORDS <= story.words <= MAX_WORDS:
        raise ValueError(f"{story.key}: {story.words} words, outside {MIN_WORDS}-{MAX_WORDS}")
    return {
        "source": SOURCE_KEYS[outlet], "path": story.path, "language": story.lang, "title": story.title,
        "authors": list(story.authors), "published": story.published.isoformat(),
        "modified": story.modified.isoformat() if story.modified else None, "section": story.section,
        "tags": list(story.tags), "words": story.words, "body": list(story.text_paragraphs),
        "listed_in": _listed_in(outlet, story, stories), "boilerplate": page.boilerplate,
        "boilerplate_text": page.texts, "syndicated_from": story.syndicated_from, "story": story.key,
    }


def generate(stories_root: Path = STORIES_ROOT) -> tuple[dict[str, bytes], dict[str, Any]]:
    """Every site file (path relative to the site root -> bytes) and the expected.json document."""
    stories = load_stories(stories_root)
    every = {s.key: s for group in stories.values() for s in group}
    outputs = {
        "steppe": steppe.build(stories["steppe"]),
        "azatlyk": azatlyk.build(stories["azatlyk"]),
        "vesti": vesti.build(stories["vesti"], every),
    }
    files: dict[str, bytes] = {"robots.txt": ROBOTS.encode("ascii"), "index.html": ROOT_PAGE.encode("utf-8"),
                               PRIVATE_PATH.strip("/") + "/index.html": PRIVATE_PAGE.encode("utf-8")}
    files.update(jsnews.build())  # client-rendered outlet (issue 7); its ground truth is jsnews.STORIES
    articles: list[dict[str, Any]] = []
    non_articles: list[str] = ["/"]
    for outlet, (outlet_files, rendered, pages) in outputs.items():
        for path, content in outlet_files.items():
            files[path.lstrip("/")] = content.encode("utf-8") if isinstance(content, str) else content
        articles += [_record(outlet, page, stories[outlet]) for page in rendered]
        non_articles += pages
    articles.sort(key=lambda a: (a["source"], a["published"], a["path"]))
    syndicated = [{"original": every[s.syndicated_from].path, "copy": s.path}
                  for s in every.values() if s.syndicated_from]
    expected = {
        "about": "Ground truth for the demo site (crawler/demo/site), generated with it by build_site.py. Paths are "
                 "site-absolute; prefix them with the server's base_url. Body paragraphs keep U+00A0.",
        "sources": {v: f"/{k}/" for k, v in SOURCE_KEYS.items()},
        "articles": articles,
        "non_article_pages": sorted(non_articles),
        "disallowed": [PRIVATE_PATH],
        "syndicated": syndicated,
        "boilerplate_strings": {"demo-steppe": list(steppe.BOILERPLATE_STRINGS),
                                "demo-azatlyk": list(azatlyk.BOILERPLATE_STRINGS),
                                "demo-vesti": list(vesti.BOILERPLATE_STRINGS)},
    }
    return files, expected


def expected_json(expected: dict[str, Any]) -> str:
    return json.dumps(expected, ensure_ascii=False, indent=1) + "\n"


def _same(path: Path, content: bytes) -> bool:
    if not path.is_file():
        return False
    on_disk = path.read_bytes()
    if path.suffix == ".gz":  # compare what is inside: zlib builds may compress differently
        return gzip.decompress(on_disk) == gzip.decompress(content)
    return on_disk == content


def differences(files: dict[str, bytes], expected: dict[str, Any], site: Path, expected_path: Path) -> list[str]:
    """Paths whose committed content differs from a fresh build (missing, changed or stale)."""
    diff = [p for p, content in sorted(files.items()) if not _same(site / p, content)]
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    diff += sorted(on_disk - files.keys())
    if not expected_path.is_file() or expected_path.read_text(encoding="utf-8") != expected_json(expected):
        diff.append(str(expected_path))
    return diff


def write(files: dict[str, bytes], expected: dict[str, Any], site: Path, expected_path: Path) -> None:
    if site.exists():
        if any(site.iterdir()) and not (site / "robots.txt").is_file():
            raise SystemExit(f"refusing to clear {site}: it does not look like a generated demo site")
        shutil.rmtree(site)
    for path, content in files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    expected_path.write_text(expected_json(expected), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.demo.build_site", description=__doc__)
    parser.add_argument("--site", type=Path, default=SITE_ROOT, help="output folder (default: the bundled site)")
    parser.add_argument("--expected", type=Path, default=EXPECTED_PATH, help="ground-truth JSON to write")
    parser.add_argument("--check", action="store_true", help="only report files that differ from a fresh build")
    args = parser.parse_args(argv)
    files, expected = generate()
    if args.check:
        diff = differences(files, expected, args.site, args.expected)
        for path in diff:
            print(f"differs: {path}")
        return 1 if diff else 0
    write(files, expected, args.site, args.expected)
    counts = {k: sum(a["source"] == k for a in expected["articles"]) for k in SOURCE_KEYS.values()}
    print(f"wrote {len(files)} files to {args.site}; articles: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
