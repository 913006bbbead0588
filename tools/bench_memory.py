"""Memory benchmark: RSS of one process after N distinct articles through extraction, the pipelines and dedupe."""

from __future__ import annotations

import argparse
import gc
import html
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python tools/bench_memory.py` as well as `python -m tools.bench_memory`
    sys.path.insert(0, str(ROOT))

MIN_PARAGRAPH_WORDS = 8
PARAGRAPHS_PER_ARTICLE = (3, 6)
HOST = "127.0.0.2"
# One Central Asian dateline per article, so the place tagger has something to find on every page.
DATELINES = ("Almaty", "Astana", "Bishkek", "Osh", "Dushanbe", "Khujand", "Ashgabat", "Tashkent", "Samarkand")
FLAT_LIMIT = 1.10  # the "flat": the later RSS within 10% of the earlier one

PAGE_TEMPLATE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} | Bench Daily</title>
<meta name="description" content="{lead}"><meta property="og:type" content="article">
<meta property="og:title" content="{title}"><meta property="article:published_time" content="{date}">
<link rel="canonical" href="{url}"><script type="application/ld+json">{ld}</script></head>
<body><header><a href="/">Bench Daily</a><nav><a href="/news/">News</a> <a href="/politics/">Politics</a>
<a href="/economy/">Economy</a> <a href="/sport/">Sport</a> <a href="/about/">About us</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {author} | <time datetime="{date}">{day}</time></p>
<p><strong>{dateline}.</strong> {lead}</p>
{paragraphs}
</article><aside><h2>Most read</h2><ul>{related}</ul></aside></main>
<footer><p>&copy; Bench Daily. All rights reserved.</p><a href="/privacy/">Privacy</a></footer></body></html>
"""


def _paragraph_pool(corpus: Path) -> tuple[list[str], list[str]]:
    """Paragraphs and titles of the fundus expected records (real news text in many languages)."""
    from tools.eval_corpora import FUNDUS, load_corpus

    paragraphs: list[str] = []
    titles: list[str] = []
    for page in load_corpus(FUNDUS, corpus):
        body = page.truth.get("body") or ""
        paragraphs += [p for p in body.split("\n") if len(p.split()) >= MIN_PARAGRAPH_WORDS]
        if page.truth.get("title"):
            titles.append(page.truth["title"])
    if not paragraphs or not titles:
        raise ValueError(f"no fundus paragraphs under {corpus}")
    return list(dict.fromkeys(paragraphs)), titles


class ArticlePages:
    """Article n: a small news page of randomly drawn corpus paragraphs with their words shuffled, so that every
    body is distinct (dedupe stores them all: a shared 3-word shingle is rare) while staying real text."""

    def __init__(self, corpus: Path) -> None:
        self.paragraphs, self.titles = _paragraph_pool(corpus)

    def url(self, n: int) -> str:
        return f"http://{HOST}/news/{n:07d}.html"

    def page(self, n: int) -> bytes:
        rng = random.Random(n)
        chosen = rng.sample(self.paragraphs, min(len(self.paragraphs), rng.randint(*PARAGRAPHS_PER_ARTICLE)))
        texts = [_shuffled(p, rng) for p in chosen]
        title = f"{rng.choice(self.titles)} ({n})"
        date = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00+05:00"
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                         "datePublished": date, "author": {"@type": "Person", "name": f"Reporter {n % 97}"}},
                        ensure_ascii=False).replace("</", "<\\/")
        return PAGE_TEMPLATE.format(
            title=html.escape(title), lead=html.escape(texts[0]), date=date, url=self.url(n), ld=ld,
            author=f"Reporter {n % 97}", day=date[:10], dateline=DATELINES[n % len(DATELINES)],
            paragraphs="\n".join(f"<p>{html.escape(t)}</p>" for t in texts[1:]),
            related="".join(f'<li><a href="/news/{n + k:07d}.html">Story {k}</a></li>' for k in range(1, 6)),
        ).encode("utf-8")


def _shuffled(text: str, rng: random.Random) -> str:
    # the mirror's interleaving has few distinct orders per paragraph; 50,000 articles drawn from a few thousand
    # paragraphs need a random order each (a few microseconds per paragraph, next to ~10 ms per article)
    words = text.split()
    rng.shuffle(words)
    return " ".join(words)


class _Stats:
    """The part of Scrapy's stats collector the pipelines use."""

    def __init__(self) -> None:
        self.values: Counter[str] = Counter()

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self.values[key] += count


class _Crawler:
    """What the pipelines read from a crawler: settings, stats, and a spider holding the sources."""

    def __init__(self, state_dir: Path) -> None:
        from scrapy.settings import Settings

        from crawler.sources.base import Politeness, Source

        self.settings = Settings()
        self.settings.setmodule("crawler.settings")
        self.settings.set("NEWS_STATE_DIR", str(state_dir))
        self.stats = _Stats()
        source = Source(key="bench_memory", name="Bench Daily", country="KZ", languages=("und",), timezone="UTC",
                        scope="regional", base_url=f"http://{HOST}/", politeness=Politeness(delay=0.0))
        self.spider = type("Spider", (), {"sources": {source.key: source}, "refresh": False})()
        self.source = source
        self.state: Any = None


def run(corpus: Path, articles: int, checkpoints: Sequence[int], baseline: int,
        progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Push `articles` pages through page_article, the clean/validate/tag/dedupe pipelines and a JSON Lines
    exporter in this process; RSS after gc at each checkpoint; flat when RSS at the end is within FLAT_LIMIT
    of RSS at `baseline` articles."""
    from scrapy.exceptions import DropItem
    from scrapy.exporters import JsonLinesItemExporter

    from crawler.extensions.memory import peak_rss_mib, rss_mib
    from crawler.extraction import page_article
    from crawler.items import article_fields
    from crawler.pipelines.clean import CleanPipeline
    from crawler.pipelines.dedupe import DedupePipeline
    from crawler.pipelines.tag import TagPipeline
    from crawler.pipelines.validate import ValidatePipeline

    pages = ArticlePages(corpus)
    marks = sorted({c for c in (*checkpoints, baseline) if 0 < c <= articles} | {articles})
    rows: list[dict[str, Any]] = []
    outcomes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        crawler = _Crawler(Path(tmp) / "state")
        pipelines = [CleanPipeline.from_crawler(crawler), ValidatePipeline.from_crawler(crawler),  # type: ignore[arg-type]
                     TagPipeline.from_crawler(crawler), DedupePipeline.from_crawler(crawler)]  # type: ignore[arg-type]
        with (Path(tmp) / "articles.jsonl").open("wb") as feed:
            exporter = JsonLinesItemExporter(feed, fields_to_export=list(article_fields()), encoding="utf-8")
            exporter.start_exporting()
            started = time.process_time()
            for n in range(1, articles + 1):
                item = page_article(pages.page(n), pages.url(n), source=crawler.source)
                try:
                    for pipeline in pipelines:
                        item = pipeline.process_item(item)
                except DropItem as drop:
                    outcomes[getattr(drop, "reason", "dropped")] += 1
                else:
                    exporter.export_item(item)
                    outcomes["exported"] += 1
                if n in marks:
                    gc.collect()
                    rss, hwm = rss_mib() or 0.0, peak_rss_mib() or 0.0
                    rows.append({"articles": n, "rss_mib": round(rss, 1), "hwm_mib": round(hwm, 1),
                                 "cpu_s": round(time.process_time() - started, 1)})
                    if progress:
                        progress(f"   memory: {n} articles, RSS {rss:.1f} MiB")
            exporter.finish_exporting()
        pipelines[-1].close_spider()  # type: ignore[attr-defined]
        state_mib = sum(f.stat().st_size for f in (Path(tmp) / "state").iterdir()) / 2**20
    return {"articles": articles, "checkpoints": rows, "outcomes": dict(outcomes), "state_mib": round(state_mib, 1),
            "ms_per_article_cpu": round(rows[-1]["cpu_s"] * 1000 / articles, 2) if rows else None,
            **flatness(rows, baseline, articles)}


def flatness(rows: list[dict[str, Any]], baseline: int, final: int) -> dict[str, Any]:
    """RSS after `baseline` and after `final` articles and their ratio; flat when within FLAT_LIMIT."""
    by_count = {r["articles"]: r["rss_mib"] for r in rows}
    first, last = by_count.get(baseline), by_count.get(final)
    ratio = last / first if first and last else None
    return {"baseline_articles": baseline, "rss_baseline_mib": first, "rss_final_mib": last,
            "rss_ratio": round(ratio, 3) if ratio else None,
            "flat": ratio is not None and ratio <= FLAT_LIMIT, "flat_limit": FLAT_LIMIT}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_memory", description=__doc__)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--baseline", type=int, default=10_000, help="RSS here is compared with RSS at the end")
    parser.add_argument("--checkpoints", default="1000,5000,20000,30000,40000",
                        help="more comma-separated article counts to report RSS at")
    parser.add_argument("--out", type=Path, required=True, help="JSON result path")
    args = parser.parse_args(argv)
    checkpoints = [int(c) for c in args.checkpoints.split(",") if c.strip()]
    from tools.eval_extraction import quiet_logging

    with quiet_logging():
        result = run(args.corpus, args.articles, checkpoints, args.baseline,
                     progress=lambda line: print(line, flush=True))
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
