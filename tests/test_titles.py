"""Tests of crawler.extraction.titles: site names stripped, layers voting, per-source selector first."""

from __future__ import annotations

import pytest

from crawler.extraction import extract_article
from crawler.extraction.titles import Candidate, choose, host_labels, is_site_name, strip_site_name
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
