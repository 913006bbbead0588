"""Tests of crawler.extraction: layered metadata, selectors, the generic fallback, encodings, cleaning."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Response

from crawler.extraction import extract_article
from crawler.extraction.encoding import decode_html
from crawler.sources import by_key
from crawler.sources.base import Selectors, Source

PAGES = Path(__file__).parent / "fixtures" / "pages"
MT_URL = "https://www.themoscowtimes.com/2026/05/20/kyrgyzstan-detains-cultural-center-employee-a90000?utm_source=x"


@pytest.fixture(scope="module")
def mt_record() -> dict:
    return extract_article((PAGES / "mt_style.html").read_bytes(), MT_URL)


def test_metadata_layers(mt_record: dict) -> None:
    assert mt_record["title"] == "Kyrgyzstan Detains Cultural Center Employee Over Recruitment"
    assert mt_record["authors"] == ["Anna Petrova"]
    assert mt_record["published_at"] == "2026-05-20T13:05:00+03:00"
    assert mt_record["modified_at"] == "2026-05-20T15:40:00+03:00"
    assert mt_record["section"] == "News"
    assert mt_record["tags"] == ["Kyrgyzstan", "Recruitment", "Bishkek"]
    assert mt_record["image_url"].endswith("bishkek.jpg")
    assert mt_record["description"].startswith("Authorities in Kyrgyzstan")
    assert mt_record["source"] == "moscowtimes"
    assert mt_record["canonical_url"] == (
        "https://www.themoscowtimes.com/2026/05/20/kyrgyzstan-detains-cultural-center-employee-a90000")
    assert mt_record["alternates"] == {"ru": "https://www.moscowtimes.ru/2026/05/20/kirgiziya-a90001"}
    assert mt_record["language"] == "en" and mt_record["script"] == "Latn"
    assert "KG" in mt_record["countries"]


def test_seed_style_boilerplate_removed(mt_record: dict) -> None:
    body = mt_record["body"]
    assert body.startswith("Law enforcement authorities in Kyrgyzstan")
    assert body.endswith("joining foreign armed formations.")
    for noise in ("Message from", "Dear readers", "support us", "Continue", "paiment", "Remind me later",
                  "#Kyrgyzstan", "Optimized by Optimole", "Read also", "Share on Facebook", "Tweet", "cookies",
                  "All rights reserved", "Another story", "Home"):
        assert noise not in body, noise
    assert len(body.split("\n\n")) == 6


def test_response_and_bytes_give_the_same_record() -> None:
    body = (PAGES / "mt_style.html").read_bytes()
    response = HtmlResponse(MT_URL, body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    a = extract_article(response)
    b = extract_article(body, MT_URL)
    a.pop("fetched_at"), b.pop("fetched_at")
    assert a == b


def test_lying_charset_header_and_microdata() -> None:
    body = (PAGES / "cp1251_microdata.html").read_bytes()
    url = "https://24.kg/obschestvo/350000_v_oshe_otkryili_novyiy_most/"
    response = Response(url, body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    record = extract_article(response)
    text = str(record)
    assert "\ufffd" not in text
    assert record["title"] == "В Оше открыли новый мост"
    assert record["published_at"] == "2026-11-18T14:05:00+06:00"
    assert "№ 2" in record["body"] and "«Амир-Тимур»" in record["body"] and "ещё" in record["body"]
    assert "Читайте также" not in record["body"] and "Поделиться" not in record["body"]
    assert record["language"] == "ru"
    assert record["countries"][:1] == ["KG"]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-8-sig", "utf-8"])
@pytest.mark.parametrize("header", [None, "text/html", "text/html; charset=utf-8", "text/html; charset=iso-8859-1"])
def test_decoding_never_garbles(encoding: str, header: str | None) -> None:
    text = "<html><head><title>Новости</title></head><body><p>" + "Ёлка в Бишкеке, съезд и объявление. " * 20 + "</p></body></html>"
    declared = text.replace("<head>", f'<head><meta charset="{encoding.replace("_", "-").replace("-sig", "")}">')
    decoded = decode_html(declared.encode(encoding), header)
    assert "Ёлка в Бишкеке, съезд и объявление." in decoded
    assert "\ufffd" not in decoded


def test_per_source_selectors_win() -> None:
    source = Source(key="sel", name="Sel", country="KG", languages=("ru",), timezone="Asia/Bishkek",
                    scope="regional", base_url="https://sel.kg/",
                    selectors=Selectors(title="h2.real", body="div.story", authors="span.who", lead="p.lead"))
    html = """<html><head><title>Wrong title | Sel</title></head><body><h1>Site name</h1><h2 class="real">Настоящий
    заголовок</h2><p class="lead">Лид статьи.</p><span class="who">Автор: Бакыт Осмонов</span>
    <div class="story"><p>Первый абзац новости о парламенте Кыргызстана и его решениях.</p>
    <p>Второй абзац новости.</p></div><div class="other"><p>Не часть статьи.</p></div></body></html>"""
    record = extract_article(html, "https://sel.kg/news/1", source=source)
    assert record["title"] == "Настоящий заголовок"
    assert record["description"] == "Лид статьи."
    assert record["authors"] == ["Бакыт Осмонов"]
    assert record["body"] == "Первый абзац новости о парламенте Кыргызстана и его решениях.\n\nВторой абзац новости."


def test_unknown_domain_gets_a_derived_source() -> None:
    html = "<html><head><title>T</title></head><body><article><p>" + "Текст новости. " * 30 + "</p></article></body></html>"
    record = extract_article(html, "https://news.example.org/a/1")
    assert record["source"] == "news.example.org"


def test_registry_source_selected_by_url() -> None:
    assert by_key("kloop").selectors.body == "div.td-post-content"
    html = """<html><body><h1 class="entry-title">Заголовок</h1><div class="td-post-content"><p>Абзац один о
    событиях в Бишкеке.</p></div><div class="td-post-content-footer"><p>Подвал</p></div></body></html>"""
    record = extract_article(html, "https://kloop.kg/blog/2026/11/20/slug/")
    assert record["source"] == "kloop"
    assert record["body"] == "Абзац один о событиях в Бишкеке."


def test_garbage_input_gives_a_record_not_an_exception() -> None:
    for html in ("", "\x00\x00", "<div>" * 10000, "<html><body><p>Unclosed <b>tags <i>everywhere"):
        record = extract_article(html, "https://x.example/a")
        assert record["url"] == "https://x.example/a"
