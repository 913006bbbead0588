"""End to end: the `news` spider crawls the demo site through every pipeline into valid JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from crawler.items import article_fields

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "crawler/schema/article.schema.json").read_text())
EXPECTED = json.loads((ROOT / "crawler/demo/expected.json").read_text())
APOSTROPHES = str.maketrans({"\u00a0": " ", "'": "ʻ", "‘": "ʻ", "`": "ʻ", "ʼ": "ʻ", "’": "ʻ"})


def fold(text: str) -> str:
    """Ground truth keeps no-break spaces and Uzbek apostrophe variants that records normalise."""
    return " ".join(text.translate(APOSTROPHES).split())


def path_of(url: str) -> str:
    return "/" + url.split("//", 1)[1].split("/", 1)[1]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, demo_site):
    """One demo crawl shared by the assertions below (crawls are the slow part)."""
    from tests.conftest import read_jsonl, run_scrapy

    tmp = tmp_path_factory.mktemp("demo-crawl")
    state = tmp / "state"
    out = tmp / "first.jsonl"
    proc = run_scrapy(["crawl", "news", "-a", "sources=demo", "-O", str(out),
                       "-s", f"NEWS_DEMO_URL={demo_site.base_url}", "-s", f"NEWS_STATE_DIR={state}",
                       "-s", f"NEWS_DUPLICATES_OUTPUT={tmp / 'first.dupes.jsonl'}",
                       "-s", f"NEWS_STATS_DUMP={tmp / 'first.stats.json'}", "-s", "AUTOTHROTTLE_ENABLED=False",
                       "-s", "NEWS_ALLOWED_PRIVATE_HOSTS=127.0.0.1"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    hits_after_first = dict(demo_site.hits)
    return {"tmp": tmp, "state": state, "records": read_jsonl(out), "dupes": read_jsonl(tmp / "first.dupes.jsonl"),
            "stats": json.loads((tmp / "first.stats.json").read_text()), "log": proc.stderr,
            "hits": hits_after_first}


def test_records_are_valid_and_complete(first_run) -> None:
    records = first_run["records"]
    assert len(records) >= 30
    for record in records:
        jsonschema.validate(record, SCHEMA)
        assert list(record) == list(article_fields())
        assert record["source"].startswith("demo-")
        assert record["word_count"] >= 40
        assert "\n\n\n" not in record["body"]


def test_every_demo_source_and_language_present(first_run) -> None:
    records = first_run["records"]
    assert {r["source"] for r in records} == {"demo-steppe", "demo-azatlyk", "demo-vesti"}
    assert {"ru", "ky", "uz"} <= {r["language"] for r in records}


def test_no_boilerplate_in_bodies(first_run) -> None:
    for record in first_run["records"]:
        paragraphs = record["body"].split("\n\n")
        for noise in EXPECTED["boilerplate_strings"][record["source"]]:
            if len(noise) > 25:  # long strings never occur in prose
                assert fold(noise) not in fold(record["body"]), (record["url"], noise)
            else:  # short ones ("Tweet", "Accept") may: no paragraph may be or start with them
                assert not any(fold(p).startswith(fold(noise)) for p in paragraphs), (record["url"], noise)


def test_records_match_the_demo_ground_truth(first_run) -> None:
    """Every exported article has exactly the expected paragraphs, title, authors, date and language."""
    expected = {a["path"]: a for a in EXPECTED["articles"]}
    records = first_run["records"]
    for record in records:
        truth = expected[path_of(record["url"])]
        assert [fold(p) for p in record["body"].split("\n\n")] == [fold(p) for p in truth["body"]], record["url"]
        assert fold(record["title"]) == fold(truth["title"])
        assert record["authors"] == truth["authors"]
        assert record["published_at"] == truth["published"]
        assert record["language"] == truth["language"]
    reachable = [a for a in EXPECTED["articles"] if a["listed_in"] and "listing-page-4" not in a["listed_in"]]
    assert len(records) >= len(reachable) - 1  # one of the syndicated pair is a duplicate


def test_windows_1251_pages_decode_cleanly(first_run) -> None:
    vesti = [r for r in first_run["records"] if r["source"] == "demo-vesti"]
    assert vesti
    for record in vesti:
        assert "\ufffd" not in json.dumps(record, ensure_ascii=False)
        assert record["language"] == "ru"
        assert record["published_at"] and record["published_at"].endswith("+05:00")


def test_syndicated_duplicate_emitted_once(first_run) -> None:
    bodies = [r["body"] for r in first_run["records"]]
    assert len(bodies) == len(set(bodies))
    pair = {EXPECTED["syndicated"][0]["original"], EXPECTED["syndicated"][0]["copy"]}
    exported = [r for r in first_run["records"] if path_of(r["url"]) in pair]
    dropped = [d for d in first_run["dupes"] if path_of(d["url"]) in pair]
    assert len(exported) == 1 and len(dropped) == 1
    assert dropped[0]["kind"] in ("exact", "near") and dropped[0]["kept_id"] == exported[0]["id"]


def test_robots_txt_respected(first_run, crawl, demo_site) -> None:
    assert not any(path.startswith("/private/") for path in first_run["hits"])
    result = crawl("urls", f"urls={demo_site.base_url}/private/", name="robots")
    assert result.returncode == 0, result.log[-2000:]
    assert result.records == [] and result.stats.get("robotstxt/forbidden", 0) == 1
    assert not any(path.startswith("/private/") for path in demo_site.hits)


def test_second_run_emits_nothing_and_downloads_no_exported_article(first_run, demo_site) -> None:
    from tests.conftest import read_jsonl, run_scrapy

    tmp = first_run["tmp"]
    before = dict(demo_site.hits)
    out = tmp / "second.jsonl"
    proc = run_scrapy(["crawl", "news", "-a", "sources=demo", "-O", str(out),
                       "-s", f"NEWS_DEMO_URL={demo_site.base_url}", "-s", f"NEWS_STATE_DIR={first_run['state']}",
                       "-s", f"NEWS_STATS_DUMP={tmp / 'second.stats.json'}",
                       "-s", f"NEWS_DUPLICATES_OUTPUT={tmp / 'second.dupes.jsonl'}", "-s", "AUTOTHROTTLE_ENABLED=False",
                       "-s", "NEWS_ALLOWED_PRIVATE_HOSTS=127.0.0.1"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert read_jsonl(out) == []
    exported_paths = {r["url"].split("//", 1)[1].split("/", 1)[1] for r in first_run["records"]}
    fetched_again = {p for p, n in demo_site.hits.items() if n > before.get(p, 0)}
    assert not {"/" + p for p in exported_paths} & fetched_again
    stats = json.loads((tmp / "second.stats.json").read_text())
    assert stats.get("news/skipped/seen", 0) >= len(first_run["records"]) - 5


def test_since_bounds_sitemaps_and_feeds(crawl, demo_site) -> None:
    result = crawl("news", "sources=demo-azatlyk", "since=2026-01-01",
                   settings={"NEWS_DEMO_URL": demo_site.base_url})
    assert result.returncode == 0, result.log[-2000:]
    assert result.records
    assert all(r["published_at"] >= "2026" for r in result.records if r["published_at"])
    assert result.stats.get("news/discovery/sitemap/too_old", 0) >= 1
