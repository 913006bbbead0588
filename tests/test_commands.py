"""Tests of the custom commands and the urls spider, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import demo_article_paths, run_scrapy

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_article_command_on_a_local_file() -> None:
    proc = run_scrapy(["article", str(PAGES / "mt_style.html"), "--url",
                       "https://www.themoscowtimes.com/2026/05/20/kyrgyzstan-detains-cultural-center-employee-a90000"])
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["title"].startswith("Kyrgyzstan Detains")
    assert "Optimole" not in record["body"]
    assert "\n  " in proc.stdout  # pretty-printed


def test_article_command_over_http(demo_site) -> None:
    url = f"{demo_site.base_url}/vesti/news/"
    allow = ["-s", "NEWS_ALLOWED_PRIVATE_HOSTS=127.0.0.1"]
    refused = run_scrapy(["article", url])
    assert refused.returncode != 0 and "private_address" in refused.stderr  # the SSRF guard applies here too
    listing = run_scrapy(["article", url, *allow])
    assert listing.returncode == 0, listing.stderr
    article_path = next(p for p in demo_article_paths() if p.startswith("/vesti/"))
    proc = run_scrapy(["article", demo_site.base_url + article_path, *allow])
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["title"] and "\ufffd" not in proc.stdout


def test_article_command_rejects_missing_file() -> None:
    proc = run_scrapy(["article", "/no/such/file.html"])
    assert proc.returncode != 0 and "no such file" in proc.stderr


def test_sources_list_json() -> None:
    proc = run_scrapy(["sources", "list", "--json"])
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) >= 8
    assert {"key", "name", "country", "languages", "scope"} <= set(rows[0])
    assert not any(r["key"].startswith("demo-") for r in rows)
    table = run_scrapy(["sources", "list"])
    assert table.returncode == 0 and "kloop" in table.stdout


def test_urls_spider_from_file_and_list(crawl, demo_site, tmp_path: Path) -> None:
    paths = [p for p in demo_article_paths()][:4]
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text("# my list\n" + "\n".join(demo_site.base_url + p for p in paths[:3]) + "\n\n")
    result = crawl("urls", f"urls={urls_file}", settings={"NEWS_DEMO_URL": demo_site.base_url}, name="file")
    assert result.returncode == 0, result.log[-2000:]
    assert len(result.records) == 3
    assert all(r["source"].startswith("demo-") for r in result.records)
    listed = crawl("urls", f"urls={demo_site.base_url + paths[3]}", name="list")
    assert listed.returncode == 0, listed.log[-2000:]
    assert len(listed.records) == 1
    assert listed.records[0]["source"] == "127.0.0.1"  # unknown domain: a source derived from the host


def test_urls_spider_rejects_bad_input(crawl) -> None:
    result = crawl("urls", "urls=ftp://x.example/a")
    assert result.returncode != 0 or "not http(s) URLs" in result.log


def test_scrapy_shell_then_extract_article(demo_site, tmp_path: Path) -> None:
    path = next(p for p in demo_article_paths() if p.startswith("/azatlyk/"))
    code = "__import__('crawler.extraction', fromlist=['x']).extract_article(response)['source']"
    proc = run_scrapy(["shell", demo_site.base_url + path, "-c", code, "-s", "NEWS_ALLOWED_PRIVATE_HOSTS=127.0.0.1",
                       "-s", f"NEWS_STATE_DIR={tmp_path}",
                       "-s", "LOG_LEVEL=WARNING"])
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "127.0.0.1"  # outside a crawl the demo URL is an unknown host


def test_output_option_replaces_the_default_feed(demo_site, tmp_path: Path) -> None:
    path = next(p for p in demo_article_paths() if p.startswith("/vesti/"))
    out = tmp_path / "mine.jsonl"
    env = {"SCRAPY_SETTINGS_MODULE": "crawler.settings", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = run_scrapy(["crawl", "urls", "-a", f"urls={demo_site.base_url}{path}", "-O", str(out),
                       "-s", f"NEWS_STATE_DIR={tmp_path / 'state'}", "-s", "NEWS_ALLOWED_PRIVATE_HOSTS=127.0.0.1",
                       "-s", f"NEWS_DUPLICATES_OUTPUT={tmp_path / 'd.jsonl'}"], cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert not (tmp_path / "data").exists()  # no second copy under the default data/articles/
