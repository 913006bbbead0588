"""Tests of crawler.extraction.authors, author_meta and bylines: people's names, split, never the outlet, a role
or a date."""

from __future__ import annotations

import json

import pytest

from crawler.extraction import extract_article
from crawler.extraction.author_meta import meta_authors
from crawler.extraction.authors import (
    is_agency,
    is_outlet,
    ld_author_names,
    name_shaped,
    normalize_authors,
    other_role,
)
from crawler.extraction.bylines import find_authors
from crawler.extraction.metadata import extract_metadata
from crawler.extraction.parsing import parse_html
from crawler.sources import derive_source

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


def test_degrees_after_a_name_are_not_authors() -> None:
    assert normalize_authors(["Grant Tinsley, PhD"]) == ["Grant Tinsley"]
    assert normalize_authors(["Jane Doe, Ph.D., RD and Ann Lee, MPH"]) == ["Jane Doe", "Ann Lee"]
    assert normalize_authors(["Ma, Jack"]) == ["Jack Ma"]  # a surname is not a degree


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


@pytest.mark.parametrize(("raw", "expected"), [
    (["Associated Press in Valencia"], ["Associated Press"]),  # the place a story was filed from
    (["Perry Bacon Jr."], ["Perry Bacon Jr."]),  # the full stop of "Jr." and of a last initial is the name's
    (["Nicolas Gutierrez C."], ["Nicolas Gutierrez C."]),
    (["Ann Lee."], ["Ann Lee"]),
    (["Jos&eacute; Volta"], ["José Volta"]),  # an entity escaped twice: its ";" is no separator
    (["Interview: Julia Lauter"], ["Julia Lauter"]),  # a one-word label of the credit
    (["Redaktion: Ann Lee und Bo Kim"], []),  # the credit of another role than the writer's
    (["Eine Kolumne von Nils Pickert"], ["Nils Pickert"]),
    (["Erstellt von Andri Bryner"], ["Andri Bryner"]),
    (["Posted by Aida Bekova"], ["Aida Bekova"]),
    (["牛镛、岳弘彬"], ["牛镛", "岳弘彬"]),  # the CJK enumeration comma
])
def test_byline_wording(raw: list[str], expected: list[str]) -> None:
    assert normalize_authors(raw, structured=False) == expected


@pytest.mark.parametrize("raw", ["edilson.la.rosa", "gabor_munier", "arianschlichenmayer", "No Author", "Unknown",
                                 "F.P. Report", "More Posts", "Alle Beiträge"])
def test_logins_placeholders_and_buttons_are_not_names(raw: str) -> None:
    assert normalize_authors([raw]) == []


def test_other_role_credits() -> None:
    assert other_role("Redaktion: Ann Lee") and other_role("Editor : Heryadi")
    assert not other_role("Interview: Julia Lauter") and not other_role("Ann Lee")


def _page(head: str, body: str, url: str = "https://news.example.org/2026/05/20/story") -> list[str]:
    """find_authors on a page with the given head and body markup (no article wrapper added)."""
    html = f"<html><head><title>Закон о бюджете</title>{head}</head><body>{body}</body></html>"
    doc = parse_html(html)
    return find_authors(doc, extract_metadata(doc), derive_source(url), url)


ARTICLE = "".join(f"<p>{s}</p>" for s in [
    "Парламент Кыргызстана принял закон о бюджете на следующий год после долгих споров в комитетах.",
    "Депутаты обсуждали расходы на образование, здравоохранение и дороги в регионах страны.",
    "Министерство финансов обещало опубликовать исполнение бюджета до конца первого квартала.",
    "Оппозиция потребовала пересмотреть статьи о субсидиях для государственных предприятий.",
])


def test_every_author_meta_tag_counts() -> None:
    head = '<meta name="author" content="Example News"><meta name="author" content="Асель Токтогулова">'
    assert _page(head, ARTICLE, "https://www.examplenews.kg/a/1") == ["Асель Токтогулова"]


def test_other_author_meta_keys() -> None:
    assert _page('<meta name="articleAuthor" content="Kabar">', ARTICLE) == ["Kabar"]
    yoast = '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Dieter Kuckel">'
    assert _page(yoast, ARTICLE) == ["Dieter Kuckel"]
    assert _page('<meta name="twitter:misc:Written by" content="Dina Orazova">', ARTICLE) == ["Dina Orazova"]
    # an app banner's "author" and the twitter data of another label are not the writer
    head = ('<meta name="smartbanner:author" content="Jetzt in der App">'
            '<meta name="twitter:label2" content="Reading time"><meta name="twitter:data2" content="Three Minutes">')
    assert _page(head, ARTICLE) == []


def test_meta_authors_in_order() -> None:
    html = ('<html><head><meta name="twitter:misc:Written by" content="C"><meta name="author" content="A">'
            '<meta property="article:author" content="https://example.org/b"><meta name="author" content="B">'
            '</head><body><p>x</p></body></html>')
    doc = parse_html(html)
    assert meta_authors(doc, extract_metadata(doc)) == ["A", "B", "C"]  # usual keys first, profile URLs out


def test_cited_works_authors_are_not_the_page_authors() -> None:
    body = ('<ol><li itemprop="citation" itemscope itemtype="http://schema.org/ScholarlyArticle">'
            '<meta itemprop="author" content="Nurlan Shear"></li></ol>' + ARTICLE)
    assert _page("", body) == []


def test_a_link_is_one_name_and_the_byline_block_holds_every_author() -> None:
    box = ('<div class="byline column"><div class="content"><address class="name"><a rel="author" href="mailto:a@x">'
           '<span class="firstname">{}</span> <span class="lastname">{}</span></a></address></div></div>')
    body = f'<section class="meta"><div class="bylines">{box.format("Ingrid", "Treborg")}' \
           f'{box.format("Marlene Lundberg", "Holm")}</div></section>' + ARTICLE
    head = '<meta property="article:author" content="Marlene Lundberg Holm">'
    assert _page(head, body) == ["Ingrid Treborg", "Marlene Lundberg Holm"]


def test_editors_credit_in_a_byline_class_is_not_the_author() -> None:
    body = ('<p class="text__byline">Redaktion: Roman Warschauer und <a href="/r/1">Marcel Sommer</a></p>' + ARTICLE)
    assert _page("", body) == []
    # marked up as the author's, the label is the site's word for the writer
    body = '<p class="editor" itemprop="author">Редактор: <span itemprop="name">Елин Димитров</span></p>' + ARTICLE
    assert _page("", body) == ["Елин Димитров"]


def test_author_page_links() -> None:
    body = '<p class="meta">von <a href="/autoren/name/max-kolter">Dr. Max Kolter</a></p>' + ARTICLE
    assert _page("", body) == ["Dr. Max Kolter"]
    body = '<p class="meta"><a href="/avtor/aziza-karimova/">Азиза Каримова</a></p>' + ARTICLE  # no comparison
    assert _page("", body) == ["Азиза Каримова"]
    # a link to the author's page that does not name them, and a link to the list of all authors
    body = ('<div><a href="/autoren/gathmann-moritz">Zur Artikelübersicht</a></div>'
            '<div><a href="/articles/authors">Alle Autoren</a></div>' + ARTICLE)
    assert _page("", body) == []


@pytest.mark.parametrize(("body", "expected"), [
    ("<ul><li><strong>Autorin/Autor</strong> Roman Goncharenko</li></ul>", ["Roman Goncharenko"]),
    ('<div class="edit">(责编：牛镛、岳弘彬)</div>', ["牛镛", "岳弘彬"]),
    ("<p>Автор: Айпери Жумабаева</p>", ["Айпери Жумабаева"]),
    ("<div><span>Muallif:</span> <span>Dilnoza Yusupova</span></div>", ["Dilnoza Yusupova"]),
    ("<p>Autorenporträt folgt später</p>", []),  # a label must be a word of its own
    ("<p>Der Autor sagt, Anna Petrova habe recht.</p>", []),  # not at the start of the line
])
def test_labelled_bylines_in_text(body: str, expected: list[str]) -> None:
    assert _page("", ARTICLE + body) == expected


def _body(*paragraphs: str) -> str:
    return "<article>" + "".join(paragraphs) + "</article>"


PARAS = [f"<p>{s}</p>" for s in ARTICLE.removeprefix("<p>").removesuffix("</p>").split("</p><p>")]


@pytest.mark.parametrize(("body", "expected"), [
    (_body("<p>&nbsp;</p><p><strong>Mohloai Mpesi</strong></p>", *PARAS), ["Mohloai Mpesi"]),
    (_body("<p><strong>Mathatisi Sebusi/Mohalenyane Phakela</strong></p>", *PARAS),
     ["Mathatisi Sebusi", "Mohalenyane Phakela"]),
    (_body(*PARAS, '<p style="text-align:right;"><strong>Lê Phương</strong></p>'), ["Lê Phương"]),
    (_body("<p><b>BAKYT OSMONOV</b></p>", *PARAS), ["BAKYT OSMONOV"]),
    # a bold lead sentence, a heading over a list, a heading with a colon, a bold line mid-article
    (_body("<p><strong>MK Naftali Bennett, Vorsitzender der Yamina-Partei, erklärte am Samstag, warum.</strong></p>",
           *PARAS), []),
    (_body(*PARAS, "<p><strong>Weitere Informationen</strong></p><ul><li>Link</li></ul>"), []),
    (_body(*PARAS, "<p><strong>Related Links:</strong></p>"), []),
    (_body(*PARAS, "<p><strong>Ann Lee</strong></p>", *PARAS), []),
    # among the last paragraphs but with prose after it: a subheading
    (_body(*PARAS, "<p><strong>Würdigung der Kooperation</strong></p>", PARAS[0]), []),
])
def test_signature_paragraphs(body: str, expected: list[str]) -> None:
    assert _page("", body) == expected


def test_metadata_comes_before_text_layers() -> None:
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Эльмира Садыкова"}})
    body = _body("<p><strong>Other Person</strong></p>", *PARAS) + "<p>Автор: Third Person</p>"
    assert _page(f'<script type="application/ld+json">{ld}</script>', body) == ["Эльмира Садыкова"]
