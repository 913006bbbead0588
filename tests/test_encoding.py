"""Tests of crawler.extraction.encoding: every charset case of the region's pages, and no U+FFFD in records."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, Response

from crawler.extraction import extract_article
from crawler.extraction.encoding import declared_encodings, decode_html, plausibility

PROSE = ("Правительство Кыргызстана утвердило программу развития Иссык-Кульской области. Ёлка в Бишкеке, съезд "
         "депутатов и объявление о выборах обсуждались в четверг. ")
URL = "https://24.kg/obschestvo/1_test/"


def page(meta: str | None = None, repeat: int = 6) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    paragraphs = f"<p>{PROSE * 2}</p>" * repeat
    return (f"<html><head>{head}<title>В Оше открыли новый мост</title></head><body><article>"
            f"<h1>В Оше открыли новый мост</h1>{paragraphs}</article></body></html>")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "cp866", "iso8859_5"])
def test_undeclared_single_byte_cyrillic_is_detected(encoding: str) -> None:
    decoded = decode_html(page().encode(encoding))
    assert PROSE.strip() in decoded
    assert "\ufffd" not in decoded


def test_utf8_with_bom() -> None:
    decoded = decode_html(b"\xef\xbb\xbf" + page("utf-8").encode("utf-8"), "text/html; charset=windows-1251")
    assert decoded.startswith("<html>") and PROSE.strip() in decoded


def test_header_says_utf8_bytes_and_meta_say_windows_1251() -> None:
    body = page("windows-1251").encode("cp1251")
    assert PROSE.strip() in decode_html(body, "text/html; charset=utf-8")


def test_utf8_bytes_win_over_a_lying_single_byte_header() -> None:
    # valid UTF-8 is practically never produced by 8-bit text, so the bytes are believed
    body = page("windows-1251").encode("utf-8")
    assert PROSE.strip() in decode_html(body, "text/html; charset=windows-1251")


def test_utf8_with_a_few_stray_bytes_stays_utf8() -> None:
    """A Latin-1 alt text pasted into a UTF-8 template, a teaser cut inside a character: the page is still
    UTF-8, the stray letter is read as windows-1252 and the cut character dropped, with no U+FFFD."""
    body = (page("utf-8").encode("utf-8")
            .replace(b"<article>", b'<article><img alt="Mitgef\xfchl w\xe4hlen"><a>Ko\xcc...</a>'))
    for header in (None, "text/html; charset=windows-1251"):
        decoded = decode_html(body, header)
        assert PROSE.strip() in decoded and "Mitgefühl wählen" in decoded and "<a>Ko...</a>" in decoded
        assert "\ufffd" not in decoded


@pytest.mark.parametrize(("actual", "header", "meta"), [
    ("cp1251", "text/html; charset=koi8-r", "windows-1251"),
    ("koi8_r", "text/html; charset=windows-1251", "koi8-r"),
    ("koi8_r", None, "windows-1251"),
    ("cp1251", "text/html; charset=koi8-r", None),
])
def test_a_wrong_single_byte_declaration_gives_no_mojibake(actual: str, header: str | None, meta: str | None) -> None:
    """windows-1251 and KOI8-R decode any byte, so a wrong one is caught by how the letters look."""
    decoded = decode_html(page(meta).encode(actual), header)
    assert PROSE.strip() in decoded


def test_server_default_latin1_header_loses_to_meta() -> None:
    body = page("windows-1251").encode("cp1251")
    assert declared_encodings(body, "text/html; charset=ISO-8859-1")[0] == "cp1251"
    assert PROSE.strip() in decode_html(body, "text/html; charset=ISO-8859-1")


def test_plausibility_separates_text_from_mojibake() -> None:
    assert plausibility(PROSE * 3) > 0.8
    assert plausibility((PROSE * 3).encode("cp1251").decode("koi8_r")) < 0.4
    assert plausibility("short") == 1.0  # too few letters to judge


@pytest.mark.parametrize(("encoding", "header", "meta"), [
    ("cp1251", "text/html; charset=utf-8", "windows-1251"),
    ("koi8_r", "text/html", "koi8-r"),
    ("utf-8-sig", "text/html; charset=windows-1251", None),
    ("cp1251", None, None),
])
def test_records_have_no_replacement_character(encoding: str, header: str | None, meta: str | None) -> None:
    body = page(meta).encode(encoding)
    response = Response(URL, body=body, headers={"Content-Type": header} if header else {})
    record = extract_article(response)
    assert "\ufffd" not in str(record)
    assert record["title"] == "В Оше открыли новый мост"
    assert "Ёлка в Бишкеке" in record["body"]


def test_replacement_characters_already_in_the_page_do_not_reach_the_record() -> None:
    damaged = page("utf-8").replace("Ёлка в Бишкеке", "Ёлка\ufffdв Бишкеке").replace("В Оше", "В\ufffdОше")
    record = extract_article(damaged.encode("utf-8"), URL)
    assert "\ufffd" not in str(record)
    assert record["title"] == "В Оше открыли новый мост"
    assert "Ёлка в Бишкеке" in record["body"]


def test_html_response_and_bytes_agree() -> None:
    body = page("windows-1251").encode("cp1251")
    response = HtmlResponse(URL, body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    a, b = extract_article(response), extract_article(body, URL)
    a.pop("fetched_at"), b.pop("fetched_at")
    assert a == b
