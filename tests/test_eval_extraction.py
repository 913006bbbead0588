"""Tests of the extraction evaluation harness: metric functions by hand, loaders and scoring on a tiny corpus."""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tools import eval_extraction
from tools.eval_corpora import CORPORA, load_corpus, russian_pages
from tools.eval_extraction import BASELINE, EXTRACTORS, OURS, Extraction, main, run
from tools.eval_metrics import (
    authors_match,
    body_scores,
    parse_datetime,
    percentile,
    precision_score,
    recall_score,
    same_day,
    same_minute,
    shingle_counts,
    shingles,
    snippet_counts,
    snippet_scores,
    timing,
    title_match,
    tokens,
)

REAL_CORPUS = eval_extraction.DEFAULT_CORPUS
PLUS6 = timezone(timedelta(hours=6))


# --- metric functions on hand-made inputs -------------------------------------------------------------------

def test_tokens_are_case_sensitive_words() -> None:
    assert tokens("Hello, world! 2024 — Ақпан") == ["Hello", "world", "2024", "Ақпан"]
    assert tokens(None) == []


def test_shingles_are_multisets_and_short_texts_give_one_shingle() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("  ,; ") == {}


def test_identical_texts_score_one_and_disjoint_zero() -> None:
    text = "The minister said on Monday that the new road will open in May."
    assert shingle_counts(text, text) == (10, 0, 0)
    assert body_scores([shingle_counts(text, text)])["f1"] == 1.0
    disjoint = shingle_counts(text, "Nothing of this sort appears in the other one at all.")
    assert disjoint[0] == 0
    assert body_scores([disjoint])["f1"] == 0.0


def test_partial_overlap_by_hand() -> None:
    # truth shingles abcd bcde cdef; prediction abcd bcde cdex: 2 shared, 1 extra, 1 missed
    assert shingle_counts("a b c d e f", "a b c d e x") == (2, 1, 1)
    # a repeated shingle counts as many times as it occurs: truth has abcd twice plus bcda cdab dabc
    assert shingle_counts("a b c d a b c d", "a b c d") == (1, 0, 4)
    assert precision_score(1, 0, 4) == 1.0 and recall_score(1, 0, 4) == 0.2


def test_body_scores_average_per_document_like_the_benchmark() -> None:
    partial_doc, empty_prediction, both_empty = (2, 1, 1), (0, 0, 5), (0, 0, 0)
    scores = body_scores([partial_doc, empty_prediction, both_empty])
    # precision over documents with a prediction (only the first), recall over documents with a truth
    assert scores["n_precision"] == 1 and scores["n_recall"] == 2
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(1 / 3)
    assert scores["f1"] == pytest.approx(4 / 9)
    assert precision_score(0, 0, 0) == recall_score(0, 0, 0) == 1.0
    assert recall_score(0, 0, 5) == 0.0
    assert body_scores([])["f1"] == 0.0


def test_snippet_counts_normalise_whitespace_and_keep_case() -> None:
    body = "Die GEMA dreht\n   völlig am Zeiger!\n\nZum Seitenanfang"
    counts = snippet_counts(body, ["Die GEMA dreht völlig am Zeiger!", "die gema"], ["Zum  Seitenanfang", "Impressum"])
    assert counts == (1, 1, 1, 1)
    assert snippet_counts(None, ["x", "y"], ["z"]) == (0, 0, 2, 1)
    assert snippet_counts("", ["x"], ["z"]) == (0, 0, 1, 1)


def test_snippet_scores_sum_over_the_corpus() -> None:
    scores = snippet_scores([(1, 1, 1, 1), (2, 0, 0, 3)])
    assert (scores["tp"], scores["fp"], scores["fn"], scores["tn"], scores["n"]) == (3, 1, 1, 4, 2)
    assert scores["precision"] == scores["recall"] == scores["f1"] == 0.75
    assert scores["accuracy"] == pytest.approx(7 / 9)


def test_title_and_authors_matches() -> None:
    assert title_match("  Breaking:\n news  today ", "Breaking: news today")
    assert not title_match("breaking: news today", "Breaking: news today")
    assert not title_match(None, "Anything")
    assert authors_match(["Jane  Roe", "John Doe"], ["John Doe", "Jane Roe"])
    assert not authors_match(["John Doe"], ["John Doe", "Jane Roe"])
    assert authors_match([], []) and authors_match(None, [])


def test_dates_to_the_minute_and_to_the_day() -> None:
    truth = datetime(2024, 4, 25, 14, 7, 30, tzinfo=timezone(timedelta(hours=2)))
    assert same_minute(parse_datetime("2024-04-25T12:07:59+00:00"), truth)
    assert not same_minute(parse_datetime("2024-04-25T14:08:00+02:00"), truth)
    assert not same_minute(None, truth)
    # an offset-less truth is the publisher's wall-clock time
    assert same_minute(parse_datetime("2024-04-25T14:07:00+05:00"), datetime(2024, 4, 25, 14, 7))
    found = datetime(2020, 6, 7, 1, 30, tzinfo=PLUS6)
    assert same_day(found, date(2020, 6, 7))
    assert not same_day(found, date(2020, 6, 7), utc=True)
    assert same_day(found, date(2020, 6, 6), utc=True)
    assert same_day(None, None) and not same_day(found, None) and not same_day(None, date(2020, 6, 7))
    assert parse_datetime("not a date") is None and parse_datetime("2025-05-14T20:28:12+0300") is not None


def test_percentiles_and_timing() -> None:
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 95) == 19.0
    assert percentile([], 95) == 0.0
    summary = timing(values)
    assert summary["median"] == 10.5 and summary["p95"] == 19.0 and summary["max"] == 20.0


# --- loaders and the whole harness on a corpus written for the test ------------------------------------------

ARTICLE = ("<html><head><title>{title}</title></head>"
           "<body><article><h1>{title}</h1><p>{body}</p></article></body></html>")
FUNDUS_BODY = "Erster Absatz mit genug Wörtern für vier Schindeln. Zweiter Satz hier."


def _gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8")))


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def mini_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    _gz(root / "fundus/de/Pub_2024_01_02.html.gz", ARTICLE.format(title="Titel", body=FUNDUS_BODY))
    _gz(root / "fundus/ru/Ru_2024_01_03.html.gz", ARTICLE.format(title="Заголовок", body="Текст статьи"))
    _write_json(root / "fundus/de/Pub.json", {"V1": {
        "title": "Titel", "authors": ["Anna Beispiel"], "publishing_date": "2024-01-02 10:15:00+01:00",
        "body": {"summary": ["Erster Absatz mit genug Wörtern"],
                 "sections": [{"headline": [], "paragraphs": ["für vier Schindeln. Zweiter Satz hier."]}]}}})
    _write_json(root / "fundus/ru/Ru.json", {"V1": {
        "title": "Заголовок", "publishing_date": "2024-01-03 09:00:00",
        "body": {"summary": [], "sections": [{"headline": ["Раздел"], "paragraphs": ["Текст статьи"]}]}}})
    _write_json(root / "fundus/index.json", {
        "de/Pub_2024_01_02.html.gz": {"url": "https://pub.example/a/1", "expected_json": "de/Pub.json",
                                      "expected_key": "V1", "crawl_date": "2024-01-02 12:00:00"},
        "ru/Ru_2024_01_03.html.gz": {"url": "https://ru.example/a/2", "expected_json": "ru/Ru.json",
                                     "expected_key": "V1", "crawl_date": "2024-01-03 12:00:00"}})
    _gz(root / "trafilatura/cache/one.html.gz", ARTICLE.format(title="One", body="Keep this sentence."))
    _gz(root / "trafilatura/eval/one.html.gz", "<html><body><p>shadowed by cache/</p></body></html>")
    _gz(root / "trafilatura/eval/two.html.gz", ARTICLE.format(title="Two", body="Zwei Sätze. Impressum"))
    _write_json(root / "trafilatura/evaldata.json", {
        "https://t.example/one": {"file": "one.html", "with": ["Keep this sentence."], "without": ["Share this"]},
        "https://t.example/two": {"file": "two.html", "with": ["Zwei Sätze."], "without": ["Impressum"]}})
    _gz(root / "htmldate_mediacloud2020/html/1.html.gz", ARTICLE.format(title="Dated", body="Some news."))
    _gz(root / "htmldate_mediacloud2020/html/2.html.gz", "<html><body><p>a shop page</p></body></html>")
    # the real file writes the missing date as a bare NaN, which Python's json module reads as float('nan')
    (root / "htmldate_mediacloud2020/eval_mediacloud_2020.json").write_text(
        '{"https://m.example/1": {"file": "1.html", "date": "2020-06-07"},'
        ' "https://m.example/2": {"file": "2.html", "date": NaN}}', encoding="utf-8")
    (root / "RUSSIAN_PAGES.md").write_text(
        "# Russian\n\n| file | url |\n|---|---|\n| fundus/ru/Ru_2024_01_03.html.gz | https://ru.example/a/2 |\n"
        "| htmldate_mediacloud2020/html/1.html.gz | https://m.example/1 |\n", encoding="utf-8")
    return root


# What a perfect extractor returns for each page of the mini corpus, and what a poor one returns.
PERFECT = {
    "https://pub.example/a/1": Extraction(title="Titel", body=FUNDUS_BODY, authors=["Anna Beispiel"],
                                          published_at="2024-01-02T09:15:40+00:00"),
    "https://ru.example/a/2": Extraction(title="Заголовок", body="Раздел\n\nТекст статьи",
                                         published_at="2024-01-03T09:00:00+03:00"),
    "https://t.example/one": Extraction(body="Keep this   sentence."),
    "https://t.example/two": Extraction(body="Zwei Sätze."),
    "https://m.example/1": Extraction(published_at="2020-06-07T01:30:00+06:00"),
    "https://m.example/2": Extraction(),
}


def _fake(outputs: dict[str, Extraction], fail: bool = False) -> Any:
    def runner(html: bytes, url: str) -> Extraction:
        assert isinstance(html, bytes)
        if url == eval_extraction.WARMUP_URL:
            return Extraction()
        if fail:
            return Extraction(error="RuntimeError: boom", ms=1.0)
        return Extraction(**{**vars(outputs[url]), "ms": 2.0})
    return runner


def test_loaders_read_the_layouts(mini_corpus: Path) -> None:
    fundus = load_corpus("fundus", mini_corpus)
    assert [p.name for p in fundus] == ["fundus/de/Pub_2024_01_02.html.gz", "fundus/ru/Ru_2024_01_03.html.gz"]
    assert fundus[0].truth["body"] == "Erster Absatz mit genug Wörtern\nfür vier Schindeln. Zweiter Satz hier."
    assert fundus[1].truth["authors"] is None  # the key is absent: the page is left out of the authors metric
    traf = load_corpus("trafilatura", mini_corpus)
    assert traf[0].name == "trafilatura/cache/one.html.gz"  # cache/ before eval/, as trafilatura resolves it
    media = load_corpus("mediacloud", mini_corpus)
    assert [p.truth["date"] for p in media] == ["2020-06-07", None]
    assert [p.kind for p in russian_pages(mini_corpus)] == ["fundus", "mediacloud"]
    assert [p.kind for p in load_corpus("russian", mini_corpus, limit=1)] == ["fundus"]


def test_perfect_extractor_scores_one(mini_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(eval_extraction.RUNNERS, OURS, _fake(PERFECT))
    lines: list[str] = []
    report = run(mini_corpus, CORPORA, [OURS], out=lines.append)
    fundus = report["corpora"]["fundus"]["extractors"][OURS]
    assert fundus["body"]["f1"] == 1.0
    assert fundus["title"]["accuracy"] == fundus["date_minute"]["accuracy"] == 1.0
    assert fundus["authors"]["n"] == 1 and fundus["authors"]["accuracy"] == 1.0
    assert fundus["errors"] == 0 and fundus["empty_body"] == 0 and fundus["time_ms"]["median"] == 2.0
    snippets = report["corpora"]["trafilatura"]["extractors"][OURS]["snippets"]
    assert (snippets["tp"], snippets["fp"], snippets["fn"], snippets["tn"], snippets["f1"]) == (2, 0, 0, 2, 1.0)
    media = report["corpora"]["mediacloud"]["extractors"][OURS]
    # the page without a truth date is right because nothing was extracted; the UTC day of 01:30+06:00 is the 6th
    assert media["date_day"]["accuracy"] == 1.0 and media["date_day_utc"]["hits"] == 1
    assert media["date_day_dated"]["n"] == 1
    russian = report["corpora"]["russian"]
    assert russian["kinds"] == {"fundus": 1, "mediacloud": 1}
    assert russian["extractors"][OURS]["body"]["n"] == 1 and russian["extractors"][OURS]["date_day"]["n"] == 2
    assert "== fundus: 2 pages" in lines[0] and "body F1 (P / R)" in lines[0]


def test_crashes_count_as_errors_and_empty_output(mini_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(eval_extraction.RUNNERS, OURS, _fake(PERFECT, fail=True))
    monkeypatch.setitem(eval_extraction.RUNNERS, BASELINE, _fake(PERFECT))
    report = run(mini_corpus, ["fundus", "trafilatura"], [OURS, BASELINE], out=lambda _: None)
    ours = report["corpora"]["trafilatura"]["extractors"][OURS]
    assert ours["errors"] == 2 and ours["error_samples"][0].endswith("RuntimeError: boom")
    assert ours["empty_body"] == 0  # a crash is counted as an error, not also as an empty body
    assert (ours["snippets"]["tp"], ours["snippets"]["fn"], ours["snippets"]["tn"]) == (0, 2, 2)
    assert report["corpora"]["fundus"]["extractors"][OURS]["body"]["recall"] == 0.0
    assert report["corpora"]["fundus"]["extractors"][BASELINE]["body"]["f1"] == 1.0


def test_command_line_writes_the_report(mini_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(eval_extraction.RUNNERS, OURS, _fake(PERFECT))
    out = tmp_path / "reports" / "eval.json"
    assert main(["--corpus", str(mini_corpus), "--only", "mediacloud,trafilatura", "--limit", "1",
                 "--baseline-options", "eval", "--report", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert list(report["corpora"]) == ["mediacloud", "trafilatura"]
    assert report["pages"]["trafilatura"][0]["results"][OURS]["missed_with"] == []
    # the real trafilatura ran with its own benchmark's settings and was timed body-only as well
    assert report["baseline"]["extract"]["include_comments"] is False
    assert "ms_body" in report["pages"]["trafilatura"][0]["results"][BASELINE]
    assert report["timing_comparable"] is True
    assert "== mediacloud: 1 pages" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--corpus", str(mini_corpus), "--only", "nonsense"])


# --- the real harness on a few pages of the shared corpora ---------------------------------------------------

@pytest.mark.skipif(not REAL_CORPUS.is_dir(), reason=f"shared corpus not found at {REAL_CORPUS}")
def test_harness_runs_on_the_shared_corpora(tmp_path: Path) -> None:
    out = tmp_path / "eval.json"
    assert main(["--limit", "2", "--report", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["extractors"] == list(EXTRACTORS) and set(report["corpora"]) == set(CORPORA)
    expected_metrics = {"fundus": ("body", "title", "date_minute", "authors"), "trafilatura": ("snippets",),
                        "mediacloud": ("date_day", "date_day_utc"), "russian": ("body", "date_day")}
    for corpus, metrics in expected_metrics.items():
        summary = report["corpora"][corpus]
        assert summary["pages"] == len(report["pages"][corpus]) == 2
        for name in EXTRACTORS:
            figures = summary["extractors"][name]
            assert figures["errors"] == 0, figures["error_samples"]
            assert figures["time_ms"]["n"] == 2 and figures["time_ms"]["median"] > 0
            for metric in metrics:
                value = figures[metric].get("f1", figures[metric].get("accuracy"))
                assert 0.0 <= value <= 1.0
        assert "time_ms_extract_only" in summary["extractors"][BASELINE]
