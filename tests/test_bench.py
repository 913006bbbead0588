"""`make bench` is known to run: its pieces on hand-made inputs, and all of it in --quick mode on a tiny corpus."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from scrapy.settings import Settings

from crawler.spiders.news import EXTRA_KEY, extra_sources, select_sources
from tools import bench
from tools.bench_crawl import SOURCE_KEY, mirror_sources
from tools.bench_extraction import summarize
from tools.bench_memory import ArticlePages, flatness
from tools.bench_mirror import BasePage, Mirror, base_pages, interleave_words, serve, vary

PARAGRAPHS = (
    "Officials in Almaty said on Tuesday that the new metro line would open to passengers next spring after "
    "several delays caused by a shortage of materials and a dispute with the main contractor.",
    "The city administration expects about forty thousand people to use the three new stations every day, "
    "which should ease the traffic on the avenues that lead to the southern districts.",
    "Residents of the neighbourhoods along the route welcomed the news but complained about the noise and dust "
    "that the construction work has brought to their streets over the past two years.",
    "In Bishkek, the parliament approved a bill that raises the minimum pension and indexes it to inflation, "
    "a measure the government says will cost the budget about two percent of its spending.",
    "Farmers in the Fergana valley reported a good cotton harvest despite the dry summer, thanks to new "
    "irrigation channels built with the help of an international development bank.",
    "The national football team of Tajikistan won its qualifying match in Dushanbe and will play the decisive "
    "game of the group against a strong opponent in the autumn.",
    "Turkmenistan opened a new section of the highway that links Ashgabat with the Caspian port of Turkmenbashi, "
    "cutting the travel time for lorries carrying goods to the ferry terminal by several hours.",
    "Exporters said the road would make the route across the sea more attractive for shipments heading to the "
    "Caucasus and on to Europe, although the ferry schedule remains irregular in winter.",
    "Uzbekistan's central bank kept its key rate unchanged at its meeting in Tashkent, citing inflation that "
    "has slowed for five months in a row but remains above the target the bank set for next year.",
    "Analysts had expected the decision and said a cut was likely in the summer if food prices keep falling "
    "and the national currency stays stable against the dollar and the rouble.",
)
PAGE = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<script type="application/ld+json">{ld}</script></head><body><nav><a href="/">Home</a></nav>'
        "<article><h1>{title}</h1>{paragraphs}</article><footer>All rights reserved.</footer></body></html>")


def _page(title: str, paragraphs: tuple[str, ...]) -> str:
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "description": paragraphs[0]})
    return PAGE.format(title=title, ld=ld, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))


def _gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8")))


def _json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    """Two fundus-style and two trafilatura-style pages of distinct text, in the corpora's own layout."""
    root = tmp_path / "corpus"
    index = {}
    for n in range(2):
        chosen = PARAGRAPHS[n * 3:n * 3 + 3]
        _gz(root / f"fundus/kz/Pub{n}_2024_05_0{n + 1}.html.gz", _page(f"Fundus story {n}", chosen))
        _json(root / f"fundus/kz/Pub{n}.json", {"V1": {"title": f"Fundus story {n}", "body": {
            "summary": [], "sections": [{"headline": [], "paragraphs": list(chosen)}]}}})
        index[f"kz/Pub{n}_2024_05_0{n + 1}.html.gz"] = {"url": f"https://pub{n}.example/news/{n}",
                                                        "expected_json": f"kz/Pub{n}.json", "expected_key": "V1"}
    _json(root / "fundus/index.json", index)
    evaldata = {}
    for n in range(2):
        chosen = PARAGRAPHS[6 + n * 2:8 + n * 2]  # no text shared with another page: none is a near-duplicate
        _gz(root / f"trafilatura/eval/t{n}.html.gz", _page(f"Eval story {n}", chosen))
        evaldata[f"https://t{n}.example/story"] = {"file": f"t{n}.html", "with": [chosen[0]], "without": []}
    _json(root / "trafilatura/evaldata.json", evaldata)
    return root


# --- the mirror's pages ----------------------------------------------------------------------------------------

def test_interleave_keeps_the_words_and_changes_their_order() -> None:
    text = b" one two three four five six seven "
    out = interleave_words(text, 2)
    assert out == b" one three five seven two four six "
    assert sorted(out.split()) == sorted(text.split())
    assert interleave_words(b"too short", 2) == b"too short"


def test_vary_leaves_head_and_code_alone_and_keeps_json_ld_valid() -> None:
    html = _page("A headline of several words here", PARAGRAPHS[:2]).replace(
        "</head>", "<script>var a = 'one two three four five';</script></head>").encode("utf-8")
    first, second = vary(html, 0), vary(html, 1)
    assert first != second != html
    head = html.split(b"<body>")[0]
    assert first.split(b"<body>")[0].startswith(head.split(b"<script type")[0])
    assert b"var a = 'one two three four five';" in first
    ld = first.split(b'application/ld+json">')[1].split(b"</script>")[0]
    assert json.loads(ld)["@type"] == "NewsArticle"
    # the same words, in another order: the extractor sees text of the same size and vocabulary
    body = first.split(b"<article>")[1]
    assert sorted(body.split(b"<p>")[1].split(b"</p>")[0].split()) == sorted(PARAGRAPHS[0].encode().split())


def test_mirror_serves_robots_sitemaps_and_gzipped_articles(tiny_corpus: Path) -> None:
    mirror = Mirror(base_pages(tiny_corpus), pages=6, hosts=2)
    mirror.build(jobs=1)
    with serve(mirror) as server:
        with urllib.request.urlopen(mirror.base_url(1) + "robots.txt", timeout=10) as response:
            assert f"Sitemap: {mirror.base_url(1)}sitemap.xml" in response.read().decode()
        with urllib.request.urlopen(mirror.base_url(1) + "sitemap.xml", timeout=10) as response:
            sitemap = response.read().decode()
        assert sitemap.count("<loc>") == 3 and mirror.article_url(5) in sitemap
        with urllib.request.urlopen(mirror.article_url(5), timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert b"<article>" in gzip.decompress(response.read())
        with pytest.raises(urllib.error.HTTPError) as wrong_host:  # article 5 lives on host 1 only
            urllib.request.urlopen(mirror.base_url(0) + "news/000005.html", timeout=10)
        assert wrong_host.value.code == 404
        wrong_host.value.close()
    assert server.hits["200 article"] == 1 and server.hits["404 article"] == 1


# --- runtime sources for the news spider -----------------------------------------------------------------------

def test_extra_sources_are_selected_by_key_or_extra_and_never_implicitly() -> None:
    settings = Settings({"NEWS_EXTRA_SOURCES": "tools.bench_crawl.mirror_sources",
                         "BENCH_MIRROR_BASE_URLS": "http://127.0.0.2:8000/,http://127.0.0.3:8000/"})
    extra = extra_sources(settings)
    assert list(extra) == [SOURCE_KEY.format(0), SOURCE_KEY.format(1)]
    assert [s.key for s in select_sources(EXTRA_KEY, None, extra)] == list(extra)
    assert [s.key for s in select_sources(f"{SOURCE_KEY.format(1)},kloop", None, extra)] == [SOURCE_KEY.format(1),
                                                                                            "kloop"]
    assert [s.country for s in select_sources(EXTRA_KEY, "kg", extra)] == ["KG"]
    assert SOURCE_KEY.format(0) not in {s.key for s in select_sources(None, None, extra)}
    assert extra_sources(Settings()) == {}


def test_mirror_sources_have_no_politeness_delay_and_a_sitemap() -> None:
    (source,) = mirror_sources(Settings({"BENCH_MIRROR_BASE_URLS": "http://127.0.0.2:8000"}))
    assert source.base_url == "http://127.0.0.2:8000/"
    assert source.sitemaps[0].url == "http://127.0.0.2:8000/sitemap.xml"
    assert source.politeness.delay == 0 and source.politeness.concurrency == 16


# --- figures ----------------------------------------------------------------------------------------------------

def test_summary_and_flatness_arithmetic() -> None:
    summary = summarize([10.0, 20.0, 30.0, 40.0], [5.0, 10.0, 15.0, 20.0], failures=1)
    assert summary["ms_median"] == 25.0 and summary["ms_p95"] == 40.0
    assert summary["pages_per_s_cpu"] == 80.0 and summary["pages_per_s_wall"] == 40.0
    rows = [{"articles": 10, "rss_mib": 100.0}, {"articles": 50, "rss_mib": 109.0}]
    assert flatness(rows, 10, 50)["flat"] is True
    assert flatness([{"articles": 10, "rss_mib": 100.0}, {"articles": 50, "rss_mib": 111.0}], 10, 50)["flat"] is False


def test_memory_pages_are_distinct_articles(tiny_corpus: Path) -> None:
    pages = ArticlePages(tiny_corpus)
    assert pages.page(1) != pages.page(2)
    assert pages.page(3) == pages.page(3)  # deterministic: a rerun measures the same work
    assert pages.url(3) != pages.url(4)


# --- the whole benchmark ----------------------------------------------------------------------------------------

def test_quick_bench_runs_every_part_and_writes_the_report(tiny_corpus: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    report_path = tmp_path / "bench.json"
    assert bench.main(["--quick", "--corpus", str(tiny_corpus), "--report", str(report_path)]) == 0
    printed = capsys.readouterr().out
    for heading in ("extraction:", "crawl:", "memory:", "targets (issue 8):"):
        assert heading in printed
    report = json.loads(report_path.read_text(encoding="utf-8"))
    extraction = report["extraction"]["all"]
    assert extraction["extract_article"]["pages"] == 4 and extraction["trafilatura.extract"]["failures"] == 0
    assert extraction["ratio_throughput_cpu"] > 0 and extraction["ratio_throughput_cpu_with_metadata"] > 0
    assert extraction["trafilatura+metadata"]["pages"] == 4 and "ratio ours/+metadata" in printed
    crawl = report["crawl"]
    assert crawl["full"]["returncode"] == 0 and crawl["plain"]["returncode"] == 0
    assert crawl["plain"]["articles"] == crawl["mirror"]["pages"] == 40
    # every variant of a page is distinct to dedupe: all 40 are exported
    assert crawl["full"]["pages"] == 40 and crawl["full"]["articles"] == 40, crawl["full"]["dropped"]
    assert crawl["full"]["peak_rss_mib"] > 0 and crawl["ratio_articles_per_s"] > 0
    assert crawl["mirror"]["served"]["200 robots.txt"] == 2 * 3  # robots.txt obeyed by both crawls, per host
    memory = report["memory"]
    assert [row["articles"] for row in memory["checkpoints"]] == [20, 40, 80, 160]
    # the tiny corpus has few paragraphs to combine, so many memory pages are near-duplicates: dropped, counted
    assert sum(memory["outcomes"].values()) == 160 and memory["outcomes"]["exported"] > 0
    assert memory["rss_ratio"] > 0
    assert {row["target"].split()[0] for row in report["targets"]} >= {"extraction", "end-to-end", "memory"}


def test_base_pages_alternate_the_corpora(tiny_corpus: Path) -> None:
    pages = base_pages(tiny_corpus, limit=3)
    assert [p.name.split("/")[0] for p in pages] == ["fundus", "trafilatura", "fundus"]
    assert all(isinstance(p, BasePage) and p.path.is_file() for p in pages)
