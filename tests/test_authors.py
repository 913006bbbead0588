"""Tests of crawler.extraction.authors and bylines: people's names, split, never the outlet, a role or a date."""

from __future__ import annotations

import json

import pytest

from crawler.extraction import extract_article
from crawler.extraction.authors import is_agency, is_outlet, ld_author_names, name_shaped, normalize_authors

PROSE = "<p>" + "Парламент Кыргызстана принял закон о бюджете на следующий год. " * 12 + "</p>"


@pytest.mark.parametrize(("raw", "expected"), [
    (["By Ann Lee and Bo Kim"], ["Ann Lee", "Bo Kim"]),
    (["Автор: Бакыт Осмонов"], ["Бакыт Осмонов"]),
    (["Muallif: Dilnoza Yusupova"], ["Dilnoza Yusupova"]),
    (["Айбек Турсунов и Рустам Каримов"], ["Айбек Турсунов", "Рустам Каримов"]),
    (["Bakyt Asanov va Aziz Karimov"], ["Bakyt Asanov", "Aziz Karimov"]),
    (["Petrova, Anna"], ["Anna Petrova"]),
    (["Felix Schröder und Jörg Soldwisch, dpa"], ["Felix Schröder", "Jörg Soldwisch", "dpa"]),
    (["Elena Oberholzer (obe)"], ["Elena Oberholzer"]),
    (["신현주 기자"], ["신현주"]),
    (["大渡 美咲"], ["大渡 美咲"]),
    (["viktor hedlund"], ["viktor hedlund"]),  # a structured field's spelling is kept
])
def test_names_are_split_and_cleaned(raw: list[str], expected: list[str]) -> None:
    assert normalize_authors(raw) == expected


@pytest.mark.parametrize("raw", [
    "Staff", "Редакция", "Newsroom", "Kloop", "kloop.kg", "Tahririyat", "Пресс-служба", "12.05.2026",
    "https://www.facebook.com/kloop", "@kloop_kg", "(Image: Getty Images/iStockphoto)", "Фото: Иван Петров",
    "sophie-foster", "Deutsche Welle (www.dw.com)", "Travel News Reporter", "Kloop Media",
])
def test_non_people_are_dropped(raw: str) -> None:
    assert normalize_authors([raw], outlets=["Kloop", "kloop"]) == []


def test_the_outlet_and_its_address_are_dropped_together() -> None:
    assert normalize_authors(["hessenschau.de, Frankfurt, Germany"], outlets=["hessenschau"]) == []
    assert is_outlet("MDR THÜRINGEN", {"mdr"}) and is_outlet("ORF.at", {"orf"})
    assert not is_outlet("Anna Petrova", {"kloop"})
    assert is_outlet("Ilanga D", {"ilanganews"}) and not is_outlet("Azat Karimov", {"azattyk"})


def test_wire_agencies_are_credited_unless_they_are_the_outlet() -> None:
    assert is_agency("The Associated Press") and is_agency("Kazinform") and is_agency("ТАСС")
    assert normalize_authors(["AFP"]) == ["AFP"]
    assert normalize_authors(["Kabar"], outlets=["Kabar"]) == []


def test_names_read_from_page_text_must_look_like_names() -> None:
    assert name_shaped("Anna Petrova") and name_shaped("Ursula von der Leyen")
    for text in ("Kommentar von", "Follow us", "3 Min", "Leitender Wirtschaftsredakteur", "Anhören"):
        assert not name_shaped(text), text
    assert normalize_authors(["Von", "Anna Petrova", "Follow us"], structured=False) == ["Anna Petrova"]


def test_name_run_into_its_role_is_not_a_second_author() -> None:
    assert normalize_authors(["Nicole Opitz", "Nicole OpitzRedakteurin"]) == ["Nicole Opitz"]


def test_json_ld_references_and_organisations() -> None:
    nodes = {"#p1": {"@id": "#p1", "@type": "Person", "name": "Timo Shihepo"}}
    value = [{"@id": "#p1"}, {"@type": "Organization", "name": "Kloop"}, {"@type": "Organization", "name": "dpa"},
             {"@type": "Person", "givenName": "Ann", "familyName": "Lee"}]
    assert ld_author_names(value, nodes) == ["Timo Shihepo", "dpa", "Ann Lee"]


def _record(head: str, body: str, url: str = "https://news.example.org/2026/05/20/story") -> dict:
    html = f"<html><head><title>Закон о бюджете</title>{head}</head><body><article><h1>Закон о бюджете</h1>{body}" \
           f"{PROSE}</article></body></html>"
    return extract_article(html, url)


def test_json_ld_author_first() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Закон о бюджете",
                     "author": [{"@type": "Person", "name": "Эльмира Садыкова"}]})
    record = _record(f'<script type="application/ld+json">{ld}</script><meta name="author" content="Other Person">',
                     '<span class="byline">Автор: Third Person</span>')
    assert record["authors"] == ["Эльмира Садыкова"]


def test_meta_author_when_no_json_ld() -> None:
    assert _record('<meta name="author" content="Данияр Абдыраев">', "")["authors"] == ["Данияр Абдыраев"]


def test_byline_markup_when_no_metadata() -> None:
    body = ('<div class="article-byline"><span>Автор:</span> <a href="/a/1">Айпери Жумабаева</a>'
            '<time>12:05, 20 мая 2026</time></div>'
            '<div class="comment"><span class="comment-author">Troll Commenter</span></div>')
    assert _record("", body)["authors"] == ["Айпери Жумабаева"]


def test_rel_author_links_complete_a_short_metadata_list() -> None:
    body = ('<p class="bylines"><a rel="author" href="/a">Ingrid Treborg</a> '
            '<a rel="author" href="/b">Marlene Holm</a></p>')
    record = _record('<meta name="author" content="Marlene Holm">', body)
    assert record["authors"] == ["Ingrid Treborg", "Marlene Holm"]


def test_image_credits_and_teaser_bylines_are_not_authors() -> None:
    body = ('<figure><figcaption><span class="author">Фото: Иван Петров</span></figcaption></figure>'
            '<div class="related"><span class="author">Other Writer</span></div>')
    assert _record("", body)["authors"] == []
