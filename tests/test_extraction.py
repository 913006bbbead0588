"""Tests of crawler.extraction: layered metadata, selectors, the generic fallback, encodings, cleaning."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Response

from crawler.extraction import extract_article
from crawler.extraction.container import covers, recover_missing
from crawler.extraction.edges import Lead, drop_bylines, find_lead, is_date_line, trim_head, with_lead
from crawler.extraction.encoding import decode_html
from crawler.extraction.metadata import extract_metadata
from crawler.extraction.parsing import parse_html
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
    prose = "Ёлка в Бишкеке, съезд и объявление. " * 20
    text = f"<html><head><title>Новости</title></head><body><p>{prose}</p></body></html>"
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
    prose = "Текст новости. " * 30
    html = f"<html><head><title>T</title></head><body><article><p>{prose}</p></article></body></html>"
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


def test_split_body_and_standfirst() -> None:
    record = extract_article((PAGES / "split_body.html").read_bytes(),
                             "https://steppe-review.example.org/2026/05/20/glaciers")
    paragraphs = record["body"].split("\n\n")
    assert record["title"] == "Glaciers of the Pamirs are shrinking faster than expected"
    assert record["authors"] == ["Rustam Karimov"]
    assert paragraphs[0].startswith("A decade of measurements")  # the standfirst shown under the headline
    assert paragraphs[1].startswith("Scientists from Dushanbe") and paragraphs[-1].startswith("The researchers plan")
    assert len(paragraphs) == 7 and "newsletter" not in record["body"] and "©" not in record["body"]


def test_header_lines_teasers_and_read_also_are_removed() -> None:
    record = extract_article((PAGES / "header_lines.html").read_bytes(), "https://vesti.example.org/news/2026/11/18/bus")
    paragraphs = record["body"].split("\n\n")
    assert paragraphs[0].startswith("Мэрия Бишкека запустила")  # no headline, byline or date line before it
    assert len(paragraphs) == 3
    for gone in ("Эльмира Садыкова", "14:05", "закупит еще сто", "Читайте также", "главную улицу"):
        assert gone not in record["body"], gone


def test_a_link_inside_loose_text_keeps_the_rest_of_its_line() -> None:
    # text runs separated by <br> beside block elements, as older CMSes write them: trafilatura keeping links
    # lost the link and everything after it on the line
    prose = "Die Regierung in Bischkek legte am Montag den Entwurf des neuen Wassergesetzes vor, nach zwei Jahren."
    html = (f"<html><head><title>Das neue Wassergesetz</title></head><body><article><section>{prose}<br><br>"
            "<h2>Aufbau und Inhalt</h2><br>" + f"{prose}<br><br>"
            'Ein Blick in das Inhaltsverzeichnis (<a href="/toc.pdf">PDF</a>) zeigt aber: Hier bleiben kaum Fragen '
            f"offen. {prose}<br><br>Den <em>eigentlichen</em> Abschluss bildet eine Übersicht. {prose}<br><br>"
            '<a href="/next">Nächster Artikel: Brücke in Osch eröffnet</a><br><br>'
            f"<h2>Fazit</h2><br>{prose}</section></article></body></html>")
    body = extract_article(html.encode(), "https://news.example.kg/2026/11/wasser")["body"]
    assert "Ein Blick in das Inhaltsverzeichnis (PDF) zeigt aber: Hier bleiben kaum Fragen offen." in body
    assert "Nächster Artikel" not in body  # a link alone on its line is still a teaser


@pytest.mark.parametrize(("line", "dated"), [
    ("Stand: 22.04.2024, 06:00 Uhr", True), ("18 ноября 2026, 14:05", True), ("Updated 3 hours ago", True),
    ("2025年1月14日 01時28分 (1月14日 01時40分更新)", True),
    ("The meeting on 12 May 2024 ended without an agreement.", False),
    ("イオン銀行は14日、同日付で小林裕明社長（57）を解任する人事を発表した。", False),
])
def test_date_lines(line: str, dated: bool) -> None:
    assert is_date_line(line) is dated


def test_trim_head_stops_at_the_first_paragraph_of_text() -> None:
    paragraphs = ["Бюджет принят", "Автор: Анна Петрова", "20.05.2026", "Парламент принял бюджет.", "Анна Петрова"]
    assert trim_head(paragraphs, ["Бюджет принят"], ["Анна Петрова"]) == paragraphs[3:]


def test_kicker_over_the_headline_is_a_header_line() -> None:
    paragraphs = ["Finanzmärkte", "Steigende US-Zinsen setzen Dax zu", "Der Dax gab am Mittwoch leicht nach."]
    assert trim_head(paragraphs, ["Steigende US-Zinsen setzen Dax zu"], []) == paragraphs[2:]
    # a short first line that is not over the headline, with a short line under it, is the text's own
    assert trim_head(["Kurz gesagt", *paragraphs[2:]], ["Steigende US-Zinsen setzen Dax zu"], []) == \
        ["Kurz gesagt", *paragraphs[2:]]


@pytest.mark.parametrize("line", [
    "SVP-Sonderparteitag zur MigrationChiesa ruft zum «politischen Widerstand» auf",  # kicker glued on
    "Energie: Chiesa ruft zum «politischen Widerstand» auf",
    "Umbau des Weissen Hauses Chiesa ruft zum «politischen Widerstand» auf",
])
def test_a_headline_with_its_kicker_run_in_is_a_header_line(line: str) -> None:
    titles = ["SVP-Sonderparteitag zur Migration: Chiesa ruft zum «politischen Widerstand» auf",
              "Chiesa ruft zum «politischen Widerstand» auf"]
    prose = "Die Delegierten stimmten am Samstag in Bern mit grosser Mehrheit für die Resolution der Parteileitung."
    assert trim_head([line, prose], titles, []) == [prose]


def test_a_dateline_run_into_the_headline_stays() -> None:
    # figures before the title: a dateline the text keeps ("新华社北京4月24日电 题：…")
    line = "BISHKEK, 24 April 2026: Chiesa ruft zum «politischen Widerstand» auf"
    prose = "Die Delegierten stimmten am Samstag in Bern mit grosser Mehrheit für die Resolution der Parteileitung."
    assert trim_head([line, prose], ["Chiesa ruft zum «politischen Widerstand» auf"], []) == [line, prose]


@pytest.mark.parametrize("dateline", ["WASHINGTON —", "Bergisch Gladbach -", "Madrid-", "БИШКЕК –"])
def test_a_dateline_on_its_own_line_is_joined_to_the_text(dateline: str) -> None:
    prose = ("Парламент Кыргызстана принял бюджет на следующий год после двух дней обсуждений, "
             "депутаты поддержали поправки правительства.")
    assert trim_head([dateline, prose], ["Бюджет принят"], []) == [f"{dateline} {prose}"]


@pytest.mark.parametrize("label", ["Article content", "Hauptinhalt", "Článek", "Kort fortalt"])
def test_a_bare_label_over_the_text_is_a_header_line(label: str) -> None:
    prose = ("Парламент Кыргызстана принял бюджет на следующий год после двух дней обсуждений, "
             "депутаты поддержали поправки правительства.")
    assert trim_head([label, prose], ["Бюджет принят"], []) == [prose]
    # with figures or punctuation it says something: "2024", "Бишкек, 5 мая"
    assert trim_head(["Бишкек, 5 мая", prose], ["Бюджет принят"], []) == ["Бишкек, 5 мая", prose]


def test_standfirst_is_found_when_the_page_writes_no_break_spaces() -> None:
    description = "Reçue mardi 29 août à l’Elysée, la secrétaire générale de la CGT a exposé ses revendications."
    html = (f'<html><head><meta name="description" content="{description}"></head><body><article>'
            '<p class="desc">Reçue mardi 29\u00a0août à l’Elysée, la secrétaire générale de la CGT a exposé ses '
            'revendications.</p><p>Texte.</p></article></body></html>')
    doc = parse_html(html)
    assert find_lead(doc, extract_metadata(doc)) == Lead(description)


def test_standfirst_found_by_likeness_when_the_description_was_edited() -> None:
    description = "Die Demokraten versuchen, Donald Trump als unmoralisch zu entlarven, doch die Angriffe verpuffen."
    shown = "Die Demokraten versuchen, Trump als unmoralisch zu entlarven, doch die Angriffe verpuffen."
    html = (f'<html><head><meta name="description" content="{description}"></head><body><article>'
            f'<p class="intro">{shown}</p><p>Text.</p></article></body></html>')
    doc = parse_html(html)
    lead = find_lead(doc, extract_metadata(doc))
    assert lead == Lead(shown, exact=False)
    body = ["Donald Trump hat unglaublich viel Glück in seinem Leben gehabt, sagen seine Biografen."]
    assert with_lead(body, lead) == [shown, *body]
    # a paragraph further down says it: the description quoted the text, which is not a standfirst
    assert with_lead([*body, body[0], body[0], shown], lead) == [*body, body[0], body[0], shown]


def test_standfirst_is_added_unless_the_body_opens_with_it() -> None:
    lead = "Die in den USA steigenden Zinsen haben sich als eine Belastung für den Dax erwiesen."
    body = ["Nach einem enttäuschenden Wochenstart in die Börsenwoche haben sich die Anleger auch am Mittwoch "
            "zurückgehalten: Die Zinsen in den USA steigen, und der Dax verlor für den Handelstag in der "
            "Summe 0,3 Prozent, als sich die Belastung durch höhere Renditen zeigte."]
    # the body holds most of the lead's words, but not what it says
    assert with_lead(body, Lead(lead)) == [lead, *body]
    opening = [lead + " Analysten sehen eine Pause.", *body]
    assert with_lead(opening, Lead(lead)) == opening


@pytest.mark.parametrize(("line", "dropped"), [
    ("Von Nina Magoley", True), ("Ярослав Кузишин, Антон Зелинский", True), ("Anna Lee/Ярослав Кузишин", True),
    ("Автор: Ярослав Кузишин", True), ("ANNA LEE", True), ("| von Nina Magoley", True), ("• By Anna Lee", True),
    ("Anna Lee told reporters the vote would be held in May.", False),  # a sentence about the author
    ("Von Nina Magoley und Boris Frank", False),  # a name that is not among the authors
])
def test_lines_naming_only_the_authors_are_dropped_anywhere(line: str, dropped: bool) -> None:
    paragraphs = ["Парламент принял бюджет на следующий год.", line, "Депутаты обсуждали его два дня."]
    authors = ["Nina Magoley", "Ярослав Кузишин", "Антон Зелинский", "Anna Lee"]
    assert drop_bylines(paragraphs, authors) == [p for p in paragraphs if not (dropped and p == line)]
    assert drop_bylines(paragraphs, []) == paragraphs


@pytest.mark.parametrize(("note", "dropped"), [
    ("Anna Lee is the Steppe Herald's correspondent in Bishkek. She covers energy and water.", True),
    ("Nina Magoley ist WDR-Reporterin für Zentralasien und berichtet seit 2019 aus Almaty.", True),
    ("Ярослав Кузишин работает в редакции с 2015 года и пишет об экономике.", True),
    ("Anna Lee (37) writes about Central Asian politics.", True),
    ("Антон Зелинский, экономист, преподаёт в университете Астаны.", True),
    ("Anna Lee told reporters the vote would be held in May.", False),  # news about the author
    ("Anna Lee: The vote will be held in May, I was told.", False),  # a speaker's line in a transcript
    ("Boris Frank is a reporter in Osh who covers the border.", False),  # not one of the authors
])
def test_a_note_about_an_author_is_dropped_at_the_end_only(note: str, dropped: bool) -> None:
    authors = ["Nina Magoley", "Ярослав Кузишин", "Антон Зелинский", "Anna Lee"]
    body = ["Парламент принял бюджет на следующий год.", "Депутаты обсуждали его два дня.",
            "Расходы на образование выросли на треть.", "Оппозиция голосовала против."]
    assert drop_bylines([*body, note], authors) == (body if dropped else [*body, note])
    assert drop_bylines([body[0], note, *body[1:]], authors) == [body[0], note, *body[1:]]  # not at the end


def test_missing_chunks_are_put_back_in_place() -> None:
    container = ["Scientists spent ten summers on the Fedchenko glacier measuring the ice it loses.",
                 "The tongue of the glacier retreats by more than forty metres every year now.",
                 "Stakes across the ablation zone were read every August after a long trek.",
                 "Meltwater from the Pamirs feeds the Vakhsh and Panj rivers downstream.",
                 "Hydrologists warn that the extra summer flow in those rivers is temporary.",
                 "Smaller glaciers in the Alay range will be measured from next year on."]
    extracted = container[:2]
    assert not covers(extracted, container)
    assert recover_missing(extracted, container) == container
    assert covers(container, container)
    # a little missing text is left alone: the extractor may have dropped it on purpose
    assert recover_missing(container[:5], container) == container[:5]
