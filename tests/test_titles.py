"""Tests of crawler.extraction.titles: layers by trust, site/section names, kickers and truncations handled."""

from __future__ import annotations

import pytest

from crawler.extraction import extract_article, source_of
from crawler.extraction.metadata import extract_metadata
from crawler.extraction.parsing import parse_html
from crawler.extraction.title_names import host_labels, is_site_name, strip_site_name
from crawler.extraction.titles import Candidate, choose, h1_headline, pick_title
from crawler.sources.base import Selectors, Source

NAMES = {"kloop", "steppetimes"}


def test_host_labels_keep_the_distinctive_part() -> None:
    assert host_labels("https://www.golem.de/news/x.html") == {"golem"}
    assert host_labels("https://m.bbc.co.uk/news/1") == {"bbc"}
    assert host_labels("https://rus.azattyk.org/a/1.html") == {"rus", "azattyk"}


@pytest.mark.parametrize(("part", "expected"), [
    ("Kloop", True), ("Golem.de", True), ("MDR.DE", True), ("28.04.2023", True), ("Steppe Times", True),
    ("Парламент принял бюджет", False), ("Europa", False),
])
def test_site_name_parts(part: str, expected: bool) -> None:
    assert is_site_name(part, NAMES, {"golem", "mdr"}) is expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Парламент принял бюджет | Kloop", "Парламент принял бюджет"),
    ("Kloop — Парламент принял бюджет", "Парламент принял бюджет"),
    ("LTE-Patent: Samsung soll Smartphones zerstören - Golem.de", "LTE-Patent: Samsung soll Smartphones zerstören"),
    ("Ukrainische Gegenoffensive | Europa | MDR.DE | 28.04.2023", "Ukrainische Gegenoffensive | Europa"),
    ("Kicker: Schubert übernimmt", "Kicker: Schubert übernimmt"),  # a colon is not a separator
    ("Budget passed - and protests followed", "Budget passed - and protests followed"),  # no site part
])
def test_strip_site_name(title: str, expected: str) -> None:
    assert strip_site_name(title, NAMES, {"golem", "mdr"}) == expected


def test_choose_weighs_agreeing_layers() -> None:
    candidates = [Candidate("ld", "Budget passed"), Candidate("og", "Budget passed after a long night"),
                  Candidate("twitter", "Budget passed after a long night"), Candidate("h1", "Budget passed")]
    assert choose(candidates) == "Budget passed"  # ld 1.5 + h1 1.0 beat og 1.0 + twitter 0.5


def test_choose_keeps_the_best_layers_spelling_of_one_headline() -> None:
    candidates = [Candidate("title", "it’s a “test”"), Candidate("og", "It's a \"test\"")]
    assert choose(candidates) == "It's a \"test\""
    assert choose([]) is None


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}<p>{'Текст новости о событиях в регионе. ' * 20}</p></body></html>"


def test_title_is_the_headline_most_layers_agree_on() -> None:
    html = _page('<title>Жогорку Кеңеш бюджетти кабыл алды | Kloop</title>'
                 '<meta property="og:title" content="Жогорку Кеңеш бюджетти кабыл алды">'
                 '<meta property="og:site_name" content="Kloop">',
                 '<h1>Жогорку Кеңеш бюджетти кабыл алды</h1>')
    assert extract_article(html, "https://kloop.kg/blog/2026/01/02/b/")["title"] == "Жогорку Кеңеш бюджетти кабыл алды"


def test_suffix_after_another_layers_whole_title_is_dropped() -> None:
    html = _page('<title>Бюджет принят — Новости — Вести Долины</title>'
                 '<meta property="og:title" content="Бюджет принят — Новости">',
                 '<h1>Бюджет принят</h1>')
    assert extract_article(html, "https://news.example.org/a/1")["title"] == "Бюджет принят"


def test_json_ld_headline_is_unescaped() -> None:
    html = _page('<script type="application/ld+json">{"@type": "NewsArticle", '
                 '"headline": "Almaty&#039;s &quot;green&quot; metro line opens"}</script>', "")
    assert extract_article(html, "https://news.example.org/a/2")["title"] == "Almaty's \"green\" metro line opens"


def test_logo_h1_is_not_the_headline() -> None:
    html = _page('<meta property="og:site_name" content="Steppe Times">',
                 "<h1>Steppe Times</h1><h1>Rains flood Osh</h1>")
    assert extract_article(html, "https://steppe.example.org/a/3")["title"] == "Rains flood Osh"


def test_per_source_selector_beats_agreeing_layers() -> None:
    source = Source(key="sel", name="Sel", country="KG", languages=("ru",), timezone="Asia/Bishkek",
                    scope="regional", base_url="https://sel.kg/", selectors=Selectors(title="h2.headline"))
    html = _page('<title>Other</title><meta property="og:title" content="Other">',
                 '<h1>Other</h1><h2 class="headline">Настоящий заголовок</h2>')
    assert extract_article(html, "https://sel.kg/news/1", source=source)["title"] == "Настоящий заголовок"


def _title(head: str, body: str = "", url: str = "https://news.example.org/a/1") -> str | None:
    """The chosen title of a small page, straight from the title layer (no body extraction)."""
    doc = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    return pick_title(doc, extract_metadata(doc), source_of(url), url)


def _ld(headline: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'


def _meta(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


# -- which layer: the JSON-LD headline, then og:title, then a vote of the display layers

def test_json_ld_headline_is_taken_over_agreeing_lower_layers() -> None:
    head = (_ld("Parliament passes the budget after a long night") + _meta("og:title", "Budget passed")
            + _meta("twitter:title", "Budget passed") + "<title>Budget passed | Example</title>")
    assert _title(head, "<h1>Budget passed</h1>") == "Parliament passes the budget after a long night"


def test_og_title_is_taken_when_there_is_no_json_ld() -> None:
    head = _meta("og:title", "Budget passed after a long night") + "<title>Budget passed</title>"
    assert _title(head, "<h1>Budget passed</h1>") == "Budget passed after a long night"


def test_display_layers_vote_when_no_metadata_states_a_title() -> None:
    assert _title("<title>Rains flood Osh</title>", "<h1>Rains flood Osh</h1><h1>Other</h1>") == "Rains flood Osh"


@pytest.mark.parametrize("headline", ["escenic", "Grupa wdraża system do zarządzania magazynem, czyli..."])
def test_an_unconfirmed_stub_or_cut_json_ld_headline_yields(headline: str) -> None:
    # a CMS's name or a cut-off description in the JSON-LD headline; the layers below agree on the headline
    title = "Plumber jailed after boiler blast"
    head = _ld(headline) + _meta("og:title", title) + f"<title>{title}</title>"
    assert _title(head, f"<h1>{title}</h1>") == title


def test_og_title_sharing_no_word_with_the_agreed_headline_yields() -> None:
    headline = "Peking 2022 – Eine große Chance für den chinesischen Biathlonsport"
    head = _meta("og:title", "International Biathlon Union - IBU") + f"<title>{headline}</title>"
    assert _title(head, f"<h1>{headline}</h1>", "https://www.biathlonworld.com/de/news") == headline


def test_a_different_wording_in_a_script_without_spaces_is_not_taken_for_another_subject() -> None:
    ld = "イオン銀行社長解任金融庁処分で持ち株社長も引責"
    other = "イオン銀行の小林裕明社長解任金融庁処分で持ち株社長も引責"
    assert _title(_ld(ld) + _meta("og:title", other) + f"<title>{other}</title>") == ld


# -- site and section names in the title

@pytest.mark.parametrize(("raw", "url", "expected"), [
    ("Zelensky considers firing Syrsky * The Gateway Pundit * by Paul Serran", "https://www.thegatewaypundit.com/a/",
     "Zelensky considers firing Syrsky"),
    ("宮崎県で震度5弱、津波注意報 気象庁：朝日新聞デジタル", "https://www.asahi.com/articles/A1.html",
     "宮崎県で震度5弱、津波注意報 気象庁"),
    ("Nationaler Veteranentag: Orden fürs Morden, Tageszeitung junge Welt, 26.04.2024",
     "https://www.jungewelt.de/artikel/1.html", "Nationaler Veteranentag: Orden fürs Morden"),
    ("»Einfach kein Geld mehr für die Miete« (neues deutschland)", "https://www.neues-deutschland.de/artikel/1.html",
     "»Einfach kein Geld mehr für die Miete«"),
    ("Warum wir jetzt Demut brauchen | Die Tagespost", "https://www.die-tagespost.de/leben/1",
     "Warum wir jetzt Demut brauchen"),
])
def test_site_name_joints(raw: str, url: str, expected: str) -> None:
    site = '<meta property="og:site_name" content="朝日新聞デジタル">' if "asahi" in url else ""
    assert _title(f"<title>{raw}</title>{site}", url=url) == expected


def test_a_kicker_colon_is_kept_when_its_part_is_no_site_name() -> None:
    assert _title("<title>Nach Gaetz-Rückzug: Trump-Anwältin soll Justizministerin werden</title>",
                  url="https://orf.at/stories/1/") == "Nach Gaetz-Rückzug: Trump-Anwältin soll Justizministerin werden"


def test_section_names_are_cut_like_site_names() -> None:
    head = (_meta("article:section", "Royal") + _meta("og:site_name", "Express.co.uk")
            + "<title>Harry and Meghan LIVE: couple 'won't recover' | Royal | News | Express.co.uk</title>")
    assert _title(head, url="https://www.express.co.uk/news/royal/1") == "Harry and Meghan LIVE: couple 'won't recover'"
    glued = (_meta("article:section", "정치") + _meta("og:site_name", "한국일보")
             + _meta("og:title", "민주당 선호투표제 도입 또다시 불발-정치ㅣ한국일보"))
    assert _title(glued, url="https://www.hankookilbo.com/news/article/A1") == "민주당 선호투표제 도입 또다시 불발"


def test_a_headline_in_a_name_field_does_not_erase_the_headline() -> None:
    headline = "Warum wir jetzt Demut brauchen"
    head = _meta("article:section", headline) + f"<title>{headline} | Die Tagespost</title>"
    assert _title(head, f"<h1>{headline}</h1><h1>Other story</h1>", "https://www.die-tagespost.de/a/1") == headline
    # og:site_name repeats the whole title, and the <h1> is the blog's name: the post title is not cut to it
    blog = "Oyama lilies in bloom (7/2) - Tekito de eenen"
    assert _title(_meta("og:site_name", blog) + _meta("og:title", blog), "<h1>Tekito de eenen</h1>",
                  "https://blog.goo.ne.jp/x/e/1") == blog


# -- a site name or kicker before the headline, stated alone by another layer

def test_site_name_before_a_headline_another_layer_states_is_cut() -> None:
    head = (_meta("og:title", "المدينة نيوز - أميركا: 50 ألفا حصيلة الوفيات")
            + _meta("twitter:title", "أميركا: 50 ألفا حصيلة الوفيات") + "<title>أميركا: 50 ألفا حصيلة الوفيات</title>")
    assert _title(head) == "أميركا: 50 ألفا حصيلة الوفيات"


def test_a_site_name_learnt_from_one_layer_is_cut_where_another_glues_it() -> None:
    head = (_ld("Daily Planet Budget passed in Bishkek") + _meta("og:title", "Budget passed in Bishkek")
            + "<title>Daily Planet - Budget passed in Bishkek</title>")
    assert _title(head) == "Budget passed in Bishkek"


def test_a_label_the_title_separates_is_cut_after_a_colon_too() -> None:
    head = (_ld("«Evnukkmakeren»: Nordmann dømt til livstid") + _meta("og:title", "Nordmann dømt til livstid")
            + "<title>«Evnukkmakeren»: - Nordmann dømt til livstid</title>")
    assert _title(head) == "Nordmann dømt til livstid"


def test_the_h1_alone_does_not_cut_what_precedes_a_headline() -> None:
    # the <h1> (and microdata on it) may be a blog's name or a shortened display line: no evidence of a kicker
    ld = "Rückbau von Atomkraftwerk - Kühltürme von AKW Gundremmingen gesprengt"
    body = '<h1 itemprop="headline">Kühltürme von AKW Gundremmingen gesprengt</h1>'
    assert _title(_ld(ld), body) == ld


# -- the <h1>'s kicker span

@pytest.mark.parametrize(("h1", "expected"), [
    ('<span class="article-title__overline">Eskalation im Nahen Osten</span><span class="h-offscreen"> - </span>'
     '<span class="article-title__text">«Zurückhaltung hat viel mit den USA zu tun»</span>',
     "«Zurückhaltung hat viel mit den USA zu tun»"),
    ('<span class="dachzeile">Schlachtbetriebe</span> <span class="headline">Das harte Geschäft mit dem Tod</span>',
     "Das harte Geschäft mit dem Tod"),
    ('<span class="kicker">Osh</span> Rains flood the city centre', "Rains flood the city centre"),
    ('Nordmann dømt <span class="tm91">til livstid</span>', "Nordmann dømt til livstid"),
    ('<span class="kicker">Only a kicker</span>', "Only a kicker"),
])
def test_h1_kicker_span_is_not_part_of_the_headline(h1: str, expected: str) -> None:
    doc = parse_html(f"<html><body><h1>{h1}</h1></body></html>")
    assert h1_headline(doc.find(".//h1")) == expected
    assert _title("<title>Something else entirely here</title>", f"<h1>{h1}</h1>") == expected
    # microdata on the same element states the <h1> with its kicker: that is no confirmation
    assert _title("<title>Something else entirely here</title>", f'<h1 itemprop="headline">{h1}</h1>') == expected


# -- truncated titles

@pytest.mark.parametrize(("short", "full"), [
    ("Tsai Ing-wen's playbook should be essential reading for Hong Kong leader…",
     "Tsai Ing-wen's playbook should be essential reading for Hong Kong leader Carrie Lam"),
    ("Il brise le couvre-feu à Mellet: «Je me fiche de ces mesures et du",
     "Il brise le couvre-feu à Mellet: «Je me fiche de ces mesures et du gouvernement!»"),
    ("Sanna Marin tapasi Angela Merkelin: maataloustu", "Sanna Marin tapasi Angela Merkelin: maataloustuista"),
])
def test_a_cut_title_is_completed_from_another_layer(short: str, full: str) -> None:
    assert _title(_ld(short) + _meta("og:title", full)) == full


def test_a_shorter_editorial_variant_is_not_a_truncation() -> None:
    short = "Chelsea send clear message of intent at Cobham"
    assert _title(_ld(short) + _meta("og:title", f"{short} in battling win over Tottenham")) == short


def test_an_ellipsis_after_the_whole_headline_is_the_publishers_styling() -> None:
    headline = "Who is Phil Foden's girlfriend and how many children do they have?"
    assert _title(_ld(headline + "...") + f"<title>{headline}</title>") == headline + "..."
