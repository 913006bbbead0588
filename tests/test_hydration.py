"""Tests of the hydration-data layer: an article body that only the page's inline scripts carry."""

from __future__ import annotations

import json

import pytest

from crawler.extraction import extract_article
from crawler.extraction.hydration import hydration_paragraphs
from crawler.extraction.parsing import parse_html

URL = "https://news.example.kg/article/12345"
TITLE = "Kyrgyzstan opens new hydropower plant on the Naryn river"
PARAGRAPHS = [
    "The Kambarata plant on the Naryn river started producing electricity on Monday, the energy ministry "
    "of Kyrgyzstan said, after six years of construction and two delays caused by financing disputes.",
    "Officials said the new hydropower capacity would cover most of the winter shortfall that has forced "
    "rolling blackouts in Bishkek and Osh, where households rely on electric heating in January.",
    "Neighbouring Uzbekistan and Kazakhstan, which depend on the same river for irrigation water in "
    "summer, agreed last year to a schedule of releases from the reservoir in exchange for coal and gas.",
]
ARTICLE_HTML = (
    '<div class="img-box"><img src="/a.jpg"><div class="caption"><p>The dam in May. Photo: agency</p></div></div>'
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
)


def _page(scripts: str, body: str = "<div id='root'></div>", title: str = TITLE) -> bytes:
    return (f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head>"
            f"<body><h1>{title}</h1>{body}{scripts}</body></html>").encode()


def _state_script(html: str, escaped: str = "<>") -> str:
    """React Query style dehydrated state: JSON with the article HTML as a string (`escaped` as \\u00XX)."""
    state = {"queries": [{"state": {"data": {"detail": {"title": TITLE, "contentHtml": html}}}}]}
    data = json.dumps(state)
    for char in escaped:
        data = data.replace(char, f"\\u{ord(char):04x}")
    return f'<script>window["__RQ__"] = window["__RQ__"] || []; window["__RQ__"].push({data});</script>'


@pytest.mark.parametrize("escaped", ["<>", "<", ""])
def test_article_html_in_dehydrated_state_becomes_the_body(escaped: str) -> None:
    record = extract_article(_page(_state_script(ARTICLE_HTML, escaped)), URL)
    assert record["body"].split("\n\n") == PARAGRAPHS  # the caption is left out, as on a rendered page


def test_article_html_in_nextjs_flight_data_is_found_inside_the_string() -> None:
    # the RSC payload is a JavaScript string holding JSON, which holds the HTML: a string within a string
    payload = '1:["$","div",null,{"dangerouslySetInnerHTML":{"__html":' + json.dumps(ARTICLE_HTML) + "}}]\n"
    script = f"<script>self.__next_f.push([1,{json.dumps(payload)}])</script>"
    record = extract_article(_page(script), URL)
    assert record["body"].split("\n\n") == PARAGRAPHS


def test_a_menu_naming_the_story_is_not_the_body() -> None:
    cities = ["Bishkek", "Osh", "Naryn", "Karakol", "Talas", "Batken"] * 2
    menu = "<p>" + " ".join(f'{city} <a href="/n/{i}">{TITLE}: report number {i} from the region</a>'
                              for i, city in enumerate(cities)) + "</p>"
    assert hydration_paragraphs(parse_html(_page(_state_script(menu)).decode()), [TITLE]) == []


def test_another_story_in_the_state_is_not_the_body() -> None:
    page = _page(_state_script(ARTICLE_HTML), title="Tajikistan raises the minimum wage from January")
    assert hydration_paragraphs(parse_html(page.decode()), ["Tajikistan raises the minimum wage from January"]) == []


def test_markup_body_is_kept_when_the_page_renders_one() -> None:
    rendered = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    longer = ARTICLE_HTML + "<p>" + PARAGRAPHS[2].replace("summer", "autumn") + "</p>"
    record = extract_article(_page(_state_script(longer), body=f"<article>{rendered}</article>"), URL)
    assert record["body"].split("\n\n") == PARAGRAPHS
