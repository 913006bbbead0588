"""Tests of publication/modification date parsing and extraction (crawler.extraction.dates)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from babel.dates import format_date, format_timedelta

from crawler.extraction.dates import extract_dates, parse_date
from crawler.extraction.dates_dom import title_heading
from crawler.extraction.dates_tables import CENTRAL_LOCALES, CENTRAL_MONTHS, WORLD_MONTHS

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # 14:00 in Tashkent, 15:00 in Bishkek
TASHKENT = ZoneInfo("Asia/Tashkent")
BISHKEK = ZoneInfo("Asia/Bishkek")
ALMATY = ZoneInfo("Asia/Almaty")


def at(*args: int, tz: timezone | ZoneInfo = UTC) -> datetime:
    return datetime(*args, tzinfo=tz)


def parse(text: str, tz: str | None = None, **kwargs: object) -> datetime | None:
    return parse_date(text, tz=tz, now=NOW, **kwargs)  # type: ignore[arg-type]


def page(body: str, head: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def extract(doc: lxml.html.HtmlElement, url: str = "https://example.kg/news/123/", **kwargs: object
            ) -> tuple[datetime | None, datetime | None]:
    kwargs.setdefault("now", NOW)
    return extract_dates(doc, url, **kwargs)  # type: ignore[arg-type]


# --- machine formats -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2021-09-01T14:50:49+05:00", at(2021, 9, 1, 14, 50, 49, tz=timezone(timedelta(hours=5)))),
    ("2021-09-01T14:50:49.123-04:00", at(2021, 9, 1, 14, 50, 49, tz=timezone(timedelta(hours=-4)))),
    ("2021-09-01T14:50:49+0300", at(2021, 9, 1, 14, 50, 49, tz=timezone(timedelta(hours=3)))),
    ("2021-09-01 14:50:49Z", at(2021, 9, 1, 14, 50, 49)),  # Pangea (RFE/RL)
    ("2021-09-01T14:50Z", at(2021, 9, 1, 14, 50)),
    ("2020-12-05T23:15:0Z", at(2020, 12, 5, 23, 15)),  # seconds without their zero: the zone still counts
    ("Wed, 01 Sep 2021 14:50:49 +0000", at(2021, 9, 1, 14, 50, 49)),  # RFC 822
    ("Wed, 01 Sep 2021 14:50:49 GMT", at(2021, 9, 1, 14, 50, 49)),
    ("Wed, 01 Sep 21 14:50:49 GMT", at(2021, 9, 1, 14, 50, 49)),  # two-digit year
    ("Tue, 17 Mar 2018 01:05:00 EST", at(2018, 3, 17, 1, 5, tz=timezone(timedelta(hours=-5)))),
    ("17.03.2018 01:05 msk", at(2018, 3, 17, 1, 5, tz=timezone(timedelta(hours=3)))),  # Fergana
    ("17.03.2018 01:05 (UTC+6)", at(2018, 3, 17, 1, 5, tz=timezone(timedelta(hours=6)))),
    ("20210901", at(2021, 9, 1)),
    ("1632000000", at(2021, 9, 18, 21, 20)),  # Unix time
    ("2020年7月12日", at(2020, 7, 12)),
    ("Tue Jan 28 15:28:56 CET 2020", at(2020, 1, 28, 15, 28, 56, tz=timezone(timedelta(hours=1)))),  # Java
])
def test_machine_formats(text: str, expected: datetime) -> None:
    found = parse(text)
    assert found == expected
    assert found is not None and found.utcoffset() == expected.utcoffset()


def test_naive_local_time_gets_the_source_zone() -> None:
    assert parse("2021-09-01 14:50", tz="Asia/Bishkek") == at(2021, 9, 1, 14, 50, tz=BISHKEK)
    assert parse("2021-09-01", tz="Asia/Bishkek") == at(2021, 9, 1, tz=BISHKEK)
    assert parse("2021-09-01 14:50") == at(2021, 9, 1, 14, 50)  # no zone: UTC


def test_utc_instants_are_shown_in_the_source_zone() -> None:
    found = parse("2021-09-01 14:50:49Z", tz="Asia/Tashkent")
    assert found == at(2021, 9, 1, 14, 50, 49)  # the same instant...
    assert found is not None and found.utcoffset() == timedelta(hours=5) and found.hour == 19  # ...read locally


def test_explicit_offsets_are_kept() -> None:
    found = parse("2021-09-01T14:50:00+03:00", tz="Asia/Tashkent")
    assert found is not None and found.utcoffset() == timedelta(hours=3) and found.hour == 14


# --- month names -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "tz", "expected"), [
    ("10:14, 20 января 2021", "Asia/Bishkek", at(2021, 1, 20, 10, 14, tz=BISHKEK)),  # 24.kg
    ("18 ноября 2026, 14:05", "Asia/Almaty", at(2026, 11, 18, 14, 5, tz=ALMATY)),
    ("20 января 2021 г.", None, at(2021, 1, 20)),  # ru genitive
    ("20 январь 2021", None, at(2021, 1, 20)),  # ru nominative
    ("3 сент. 2020", None, at(2020, 9, 3)),  # ru abbreviation
    ("22 қараша 2025", None, at(2025, 11, 22)),  # kk
    ("2025 ж. 22 қараша", None, at(2025, 11, 22)),  # kk, year first
    ("2021 жылғы 20 қаңтар", None, at(2021, 1, 20)),
    ("22-ноябрь 2025", None, at(2025, 11, 22)),  # ky
    ("ноябрь 22, 2025", None, at(2025, 11, 22)),
    ("2025-жылдын 22-ноябры", None, at(2025, 11, 22)),  # ky possessive
    ("22-noyabr, 2025", None, at(2025, 11, 22)),  # uz Latin
    ("2025-yil 22-noyabr", None, at(2025, 11, 22)),
    ("22 ноябр 2025", None, at(2025, 11, 22)),  # uz Cyrillic
    ("22 ноябри 2025", None, at(2025, 11, 22)),  # tg izofa
    ("22 noýabr 2025", None, at(2025, 11, 22)),  # tk
    ("22-nji noýabr 2025", None, at(2025, 11, 22)),
    ("22 noyabr 2025", None, at(2025, 11, 22)),  # tk typed without ý
    ("November 22, 2025 3:30 pm", None, at(2025, 11, 22, 15, 30)),  # en
    ("Published: Jan. 5, 2021 at 10:14 a.m.", None, at(2021, 1, 5, 10, 14)),
    ("22nd of November 2025", None, at(2025, 11, 22)),
    ("20 de enero de 2021", None, at(2021, 1, 20)),  # world tables: es, de, ro, ar
    ("20. Januar 2021", None, at(2021, 1, 20)),
    ("Unica.md, 20 septembrie 2020 16:20", None, at(2020, 9, 20, 16, 20)),
    ("الأربعاء، 07 أكتوبر 2020", None, at(2020, 10, 7)),
])
def test_month_names(text: str, tz: str | None, expected: datetime) -> None:
    assert parse(text, tz) == expected


@pytest.mark.parametrize("locale", CENTRAL_LOCALES)
@pytest.mark.parametrize("style", ["d MMMM y", "long", "medium", "full"])
def test_every_month_in_every_central_language(locale: str, style: str) -> None:
    """Dates written by CLDR's own patterns (kk "2025 ж. 15 қараша", ky "2025-ж., 15-ноябрь", ...)."""
    for month in range(1, 13):
        day = date(2025, month, 15)
        text = format_date(day, format=style, locale=locale)
        assert parse(text) == at(2025, month, 15), text


def test_month_tables_have_no_clashes() -> None:
    assert not set(CENTRAL_MONTHS) & set(WORLD_MONTHS)
    assert CENTRAL_MONTHS["қазан"] == 10 and CENTRAL_MONTHS["ноябри"] == 11 and CENTRAL_MONTHS["noýabr"] == 11

@pytest.mark.parametrize(("text", "expected"), [
    ("5 ago 2020", at(2020, 8, 5)), ("15 few 2025", at(2025, 2, 15)), ("3 days ago", at(2026, 11, 17)),
    ("a few 20", None), ("the past few 10 days of 2020", None), ("5 set 2020", at(2020, 9, 5)),
])
def test_english_lookalike_abbreviations_need_a_full_date(text: str, expected: datetime | None) -> None:
    assert parse(text) == expected


def test_missing_year_is_the_latest_past_one() -> None:
    assert parse("20 января", "Asia/Bishkek") == at(2026, 1, 20, tz=BISHKEK)
    assert parse("25 декабря") == at(2025, 12, 25)  # this year's would be in the future


# --- relative forms ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "tz", "expected"), [
    ("сегодня, 10:14", "Asia/Bishkek", at(2026, 11, 20, 10, 14, tz=BISHKEK)),
    ("Сегодня в 10:14", "Asia/Bishkek", at(2026, 11, 20, 10, 14, tz=BISHKEK)),
    ("вчера в 18:30", "Asia/Almaty", at(2026, 11, 19, 18, 30, tz=ALMATY)),
    ("Бугун, 14:05", "Asia/Tashkent", at(2026, 11, 20, 14, 5, tz=TASHKENT)),  # gazeta.uz Cyrillic
    ("Bugun, 12:05", "Asia/Tashkent", at(2026, 11, 20, 12, 5, tz=TASHKENT)),
    ("kecha, 21:10", "Asia/Tashkent", at(2026, 11, 19, 21, 10, tz=TASHKENT)),
    ("Кеча 21:10", "Asia/Tashkent", at(2026, 11, 19, 21, 10, tz=TASHKENT)),
    ("кеше 09:00", "Asia/Almaty", at(2026, 11, 19, 9, 0, tz=ALMATY)),  # kk
    ("кечээ 09:00", "Asia/Bishkek", at(2026, 11, 19, 9, 0, tz=BISHKEK)),  # ky
    ("Today 08:00", None, at(2026, 11, 20, 8, 0)),
    ("yesterday", None, at(2026, 11, 19)),
    ("3 hours ago", None, at(2026, 11, 20, 6, 0)),
    ("an hour ago", None, at(2026, 11, 20, 8, 0)),
    ("5 часов назад", None, at(2026, 11, 20, 4, 0)),
    ("час назад", None, at(2026, 11, 20, 8, 0)),
    ("10 мин. назад", None, at(2026, 11, 20, 8, 50)),
    ("3 соат олдин", "Asia/Tashkent", at(2026, 11, 20, 11, 0, tz=TASHKENT)),
    ("3 soat oldin", "Asia/Tashkent", at(2026, 11, 20, 11, 0, tz=TASHKENT)),
    ("2 дня назад", None, at(2026, 11, 18)),
    ("только что", None, at(2026, 11, 20, 9, 0)),
    ("Вчера", None, at(2026, 11, 19)),
])
def test_relative_forms(text: str, tz: str | None, expected: datetime) -> None:
    assert parse(text, tz) == expected


@pytest.mark.parametrize("locale", CENTRAL_LOCALES)
def test_relative_forms_as_cldr_writes_them(locale: str) -> None:
    """"3 сағат бұрын", "3 саат мурун", "3 соат пеш", "3 sagat öň", ... as babel formats them."""
    for delta, expected in ((timedelta(hours=-3), at(2026, 11, 20, 6, 0)),
                            (timedelta(minutes=-10), at(2026, 11, 20, 8, 50)),
                            (timedelta(days=-2), at(2026, 11, 18))):
        text = format_timedelta(delta, locale=locale, add_direction=True)
        assert parse(text) == expected, text


# --- plausibility --------------------------------------------------------------------------------------

def test_future_dates_are_rejected() -> None:
    assert parse("2027-01-01") is None
    assert parse("23 ноября 2026") is None  # three days ahead
    assert parse("21 ноября 2026") == at(2026, 11, 21)  # a day ahead: time-zone slop is tolerated
    assert parse("2026-11-20T23:30:00+05:00") is not None


@pytest.mark.parametrize(("text", "kwargs", "expected"), [
    ("03/04/2021", {}, at(2021, 4, 3)),  # day first everywhere by default
    ("03/04/2021", {"languages": ("ru", "en")}, at(2021, 4, 3)),
    ("03/04/2021", {"languages": ("en-US",)}, at(2021, 3, 4)),  # clear US context
    ("03/04/2021", {"languages": ("en",), "tz": "America/New_York"}, at(2021, 3, 4, tz=ZoneInfo("America/New_York"))),
    ("03/04/2021", {"dayfirst": False}, at(2021, 3, 4)),
    ("13/04/2021", {"languages": ("en-US",)}, at(2021, 4, 13)),  # 13 cannot be a month
    ("03.04.2021", {"languages": ("en-US",)}, at(2021, 4, 3)),  # dotted dates are never month first
    ("17.03.18", {}, at(2018, 3, 17)),  # two-digit years: the latest century that is not in the future
    ("01.02.99", {}, at(1999, 2, 1)),
])
def test_numeric_day_month_order(text: str, kwargs: dict[str, object], expected: datetime) -> None:
    assert parse(text, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "", "   ", "garbage", "10:14", "Сентябрь 2026", "31.02.2021", "Просмотров: 1234", "2021-13-45",
    "version 4", "Tel. 123-45-67", "Page 2 of 31", "1 000 000 сом", "Hozirgi vaziyat haqida",
    "Today's top stories from around the region",
])
def test_garbage_gives_none(text: str) -> None:
    assert parse(text) is None


# --- extraction from pages -----------------------------------------------------------------------------

LD = {"@type": "NewsArticle", "datePublished": "2021-09-01 14:50:49Z", "dateModified": "2021-09-02T08:00:00Z"}
META = ('<meta property="article:published_time" content="2021-08-30T10:00:00+05:00">'
        '<meta property="article:modified_time" content="2021-08-31T10:00:00+05:00">')


def test_json_ld_beats_meta() -> None:
    published, modified = extract(page("<h1>T</h1>", META), ld=[LD], tz="Asia/Tashkent")
    assert published == at(2021, 9, 1, 14, 50, 49)
    assert modified == at(2021, 9, 2, 8, 0)


def test_meta_tags_when_no_json_ld() -> None:
    published, modified = extract(page("<h1>T</h1>", META))
    assert published == at(2021, 8, 30, 5, 0)
    assert modified == at(2021, 8, 31, 5, 0)


@pytest.mark.parametrize("head", [
    '<meta itemprop="datePublished" content="2021-08-30">',
    '<meta name="pubdate" content="2021-08-30">',
    '<meta name="DC.date.issued" content="2021-08-30">',
    '<meta name="sailthru.date" content="2021-08-30">',
    '<meta name="parsely-pub-date" content="2021-08-30">',
    '<meta property="og:article:published_time" content="2021-08-30">',
])
def test_meta_tag_names(head: str) -> None:
    assert extract(page("<h1>T</h1>", head))[0] == at(2021, 8, 30)


def test_specific_meta_beats_generic_date() -> None:
    head = '<meta name="date" content="2021-09-05"><meta name="publishdate" content="2021-08-30">'
    assert extract(page("<h1>T</h1>", head))[0] == at(2021, 8, 30)


def test_unparseable_json_ld_falls_through() -> None:
    ld = [{"@type": "NewsArticle", "datePublished": "soon"}, {"@type": "WebPage", "datePublished": ["2021-08-29"]}]
    assert extract(page("<h1>T</h1>"), ld=ld)[0] == at(2021, 8, 29)


def test_future_json_ld_date_is_ignored() -> None:
    ld = [{"@type": "NewsArticle", "datePublished": "2031-01-01T00:00:00Z"}]
    assert extract(page("<h1>T</h1>", META), ld=ld)[0] == at(2021, 8, 30, 5, 0)


def test_modified_before_published_is_dropped() -> None:
    ld = [{"@type": "NewsArticle", "datePublished": "2021-09-02T10:00:00Z", "dateModified": "2021-09-01T10:00:00Z"}]
    assert extract(page("<h1>T</h1>"), ld=ld) == (at(2021, 9, 2, 10, 0), None)


def test_source_selector_beats_meta() -> None:
    doc = page('<h1>T</h1><div class="articleDateTime">Бугун, 12:05</div>', META)
    published, _ = extract(doc, tz="Asia/Tashkent", selector="div.articleDateTime")
    assert published == at(2026, 11, 20, 12, 5, tz=TASHKENT)


def test_selector_attribute() -> None:
    doc = page('<h1>T</h1><time class="entry-date" datetime="2018-03-17T11:00:00+06:00">17 марта</time>')
    assert extract(doc, selector="time.entry-date")[0] == at(2018, 3, 17, 5, 0)


def test_microdata() -> None:
    doc = page('<h1>T</h1><span itemprop="datePublished" content="2021-01-20T10:14:00+06:00">20 января</span>')
    assert extract(doc)[0] == at(2021, 1, 20, 4, 14)


def test_time_element_in_article_beats_sidebar() -> None:
    doc = page('<aside><time datetime="2021-09-05T10:00:00Z">5 Sep</time></aside>'
               '<div class="related"><time datetime="2021-09-04T10:00:00Z">4 Sep</time></div>'
               '<article><h1>T</h1><time datetime="2021-09-01T10:00:00Z">1 Sep</time></article>')
    assert extract(doc)[0] == at(2021, 9, 1, 10, 0)


def test_time_element_with_publish_class_and_updated_one() -> None:
    doc = page('<div><h1>T</h1><time class="updated" datetime="2021-09-03T10:00:00Z">u</time>'
               '<time class="published" datetime="2021-09-01T10:00:00Z">p</time></div>')
    assert extract(doc) == (at(2021, 9, 1, 10, 0), at(2021, 9, 3, 10, 0))


@pytest.mark.parametrize(("url", "expected"), [
    ("https://kloop.kg/blog/2021/09/01/slug/", at(2021, 9, 1, tz=BISHKEK)),
    ("https://kun.uz/news/2021/09/01/slug", at(2021, 9, 1, tz=BISHKEK)),
    ("https://kz.kursiv.media/2021-09-01/slug/", at(2021, 9, 1, tz=BISHKEK)),
    ("https://example.kg/news/20210901/slug.html", at(2021, 9, 1, tz=BISHKEK)),
    ("https://fergana.agency/archive/?date=01.09.2021", at(2021, 9, 1, tz=BISHKEK)),
    ("https://example.kg/meldungen/01-09-2021", at(2021, 9, 1, tz=BISHKEK)),
    ("https://example.kg/news/12345678/", None),
    ("https://example.kg/news/20211399/", None),
])
def test_url_patterns(url: str, expected: datetime | None) -> None:
    assert extract(page("<p>No date here.</p>"), url, tz="Asia/Bishkek")[0] == expected


def test_visible_date_near_title() -> None:
    doc = page('<div class="sidebar"><span class="date">19 ноября 2026, 09:00</span></div>'
               '<div class="article"><h1>Заголовок</h1><div class="meta">Опубликовано: 18 ноября 2026, 14:05</div>'
               '<p>Текст.</p></div>')
    assert extract(doc, tz="Asia/Almaty")[0] == at(2026, 11, 18, 14, 5, tz=ALMATY)


def test_date_only_metadata_gets_the_visible_time() -> None:
    """24.kg: microdata holds the day, the page shows "10:14, 20 января 2021"."""
    doc = page('<div class="one"><h1 class="newsTitle">T</h1><div class="info">10:14, 20 января 2021</div>'
               '<meta itemprop="datePublished" content="2021-01-20"></div>')
    assert extract(doc, tz="Asia/Bishkek")[0] == at(2021, 1, 20, 10, 14, tz=BISHKEK)


def test_lone_time_is_combined_only_with_a_date_on_the_page() -> None:
    doc = page('<div><h1>T</h1><span class="time">10:14</span></div>')
    assert extract(doc, "https://24.kg/2021/01/20/x/", tz="Asia/Bishkek")[0] == at(2021, 1, 20, 10, 14, tz=BISHKEK)
    assert extract(page('<div><h1>T</h1><span class="time">10:14</span></div>'), tz="Asia/Bishkek") == (None, None)


def test_selector_with_only_a_time_takes_the_day_from_elsewhere() -> None:
    doc = page('<div><h1>T</h1><span class="t">10:14</span></div>')
    found = extract(doc, "https://24.kg/2021/01/20/x/", tz="Asia/Bishkek", selector="span.t")[0]
    assert found == at(2021, 1, 20, 10, 14, tz=BISHKEK)


def test_visible_updated_line_is_not_the_publication() -> None:
    doc = page('<div><h1>T</h1><div class="meta">Обновлено: 19.11.2026 10:00</div>'
               '<div class="meta">Опубликовано: 18.11.2026 09:00</div></div>')
    assert extract(doc)[0] == at(2026, 11, 18, 9, 0)


def test_machine_values_must_state_the_year() -> None:
    """A year guessed from the clock in JSON-LD or meta means the format was misread: skip to the next layer."""
    ld = [{"@type": "NewsArticle", "datePublished": "28 янв 15:28"}]
    doc = page('<h1>T</h1>', '<meta property="article:published_time" content="Jan 28 15:28">'
               '<meta name="date" content="2020-01-28T15:28:00Z">')
    assert extract(doc, ld=ld)[0] == at(2020, 1, 28, 15, 28)


def test_relative_visible_date() -> None:
    doc = page('<div><h1>T</h1><div class="articleDateTime">Бугун, 12:05</div></div>')
    assert extract(doc, tz="Asia/Tashkent")[0] == at(2026, 11, 20, 12, 5, tz=TASHKENT)


def test_date_in_photo_caption_is_not_the_publication_date() -> None:
    doc = page('<div><h1>T</h1><figure><img src="x.jpg"><figcaption>Бишкек, 2 мая 2020</figcaption></figure>'
               '<div class="date">18.11.2026</div></div>')
    assert extract(doc, tz="Asia/Bishkek")[0] == at(2026, 11, 18, tz=BISHKEK)


def test_title_tag_date() -> None:
    doc = page("<h1>T</h1><p>Text.</p>", "<title>Ukraine: goals | DW | 28.04.2023</title>")
    assert extract(doc)[0] == at(2023, 4, 28)


def test_only_a_modified_date() -> None:
    head = '<meta property="og:updated_time" content="2026-05-13T15:44:29+02:00">'
    assert extract(page("<h1>T</h1>", head)) == (at(2026, 5, 13, 13, 44, 29), at(2026, 5, 13, 13, 44, 29))


def test_page_without_dates() -> None:
    assert extract(page("<h1>Заголовок</h1><p>Текст без даты, 1234 просмотра.</p>")) == (None, None)


# --- error classes of the Media Cloud evaluation (fixtures in tests/fixtures/dates) ------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "dates"
NOW_2020 = datetime(2020, 12, 8, 12, 0, tzinfo=UTC)


def fixture(name: str) -> tuple[lxml.html.HtmlElement, list[dict[str, object]]]:
    """A fixture page and its JSON-LD objects, parsed as the crawler does."""
    doc = lxml.html.document_fromstring((FIXTURES / name).read_text(encoding="utf-8"))
    ld = [json.loads(text) for text in doc.xpath('//script[@type="application/ld+json"]/text()')]
    return doc, ld


def test_logo_h1_and_masthead_date_are_not_the_article() -> None:
    """The page's first h1 wraps the site's logo; the date line under the real title has Bootstrap's "nav"
    class; the masthead shows the render day."""
    doc, _ = fixture("logo_h1_masthead.html")
    assert extract(doc, now=NOW_2020)[0] == at(2020, 10, 13, 18, 29)


def test_title_heading_choice() -> None:
    doc, _ = fixture("logo_h1_masthead.html")
    heading = title_heading(doc)
    assert heading is not None and heading.text_content() == "Ministers agree on a new water-sharing plan"
    article_first = page("<h1>Site</h1><article><h1>Headline</h1></article>")
    assert title_heading(article_first) is article_first.xpath("//article/h1")[0]
    empty_first = page("<h1> </h1><div><h1>Headline</h1></div>")
    assert title_heading(empty_first) is empty_first.xpath("//div/h1")[0]
    no_h1 = page("<h2>More news</h2><h2>A long headline of the story</h2>",
                 "<title>A long headline of the story | Site</title>")
    assert title_heading(no_h1) is no_h1.xpath("//h2")[1]
    assert title_heading(page("<h2>Short</h2>", "<title>Short</title>")) is None  # too short to be sure


def test_page_without_h1_dates_the_h2_that_repeats_the_title() -> None:
    """No h1: the title is an h2 in a "banner-section" (a container holding the title is not furniture), its
    date line is split by a <br>, and the masthead shows another day."""
    doc, _ = fixture("no_h1_banner.html")
    found = extract(doc, now=NOW_2020)[0]
    assert found == at(2020, 1, 13, 22, 11, tz=timezone(timedelta(hours=10)))
    assert found is not None and found.date() == date(2020, 1, 13)


def test_utc_instant_is_shown_on_the_url_day() -> None:
    """A CMS's UTC instant falls on the next day; the WordPress URL names the local day: same instant, the
    smallest whole-hour offset that reaches that day."""
    doc, ld = fixture("utc_instant_local_day.html")
    url = "https://news.example.com/2020/02/17/la-cantante-habla/"
    published, modified = extract(doc, url, ld=ld, now=NOW_2020)
    assert published == at(2020, 2, 18, 2, 18, 11)
    assert published is not None and published.date() == date(2020, 2, 17)
    assert published.utcoffset() == timedelta(hours=-3)
    assert modified == at(2020, 2, 18, 2, 18, 29) and modified.utcoffset() == timedelta(hours=-3)
    # without the URL's day nothing says where the page was written: the UTC day stays
    published, _ = extract(doc, "https://news.example.com/la-cantante-habla/", ld=ld, now=NOW_2020)
    assert published is not None and published.date() == date(2020, 2, 18) and not published.utcoffset()


def test_utc_instant_takes_the_day_of_a_visible_date_only_line() -> None:
    """Microdata on the visible date line names the local day; the seconds lack their zero ("23:15:0Z")."""
    doc = page('<article><h1>Titolo</h1><p itemprop="datePublished" class="data">06 Dicembre 2020</p></article>',
               '<meta property="datePublished" content="2020-12-05T23:15:0Z">')
    found = extract(doc, now=NOW_2020)[0]
    assert found == at(2020, 12, 5, 23, 15)
    assert found is not None and found.date() == date(2020, 12, 6) and found.utcoffset() == timedelta(hours=1)


def test_displayed_wall_clock_gives_the_exact_offset() -> None:
    doc = page('<article><h1>T</h1><time datetime="2020-02-18T02:18:11Z">February 17, 2020 9:18 pm</time>'
               '</article>', '<meta property="article:published_time" content="2020-02-18T02:18:11Z">')
    found = extract(doc, "https://example.com/2020/02/17/t/", now=NOW_2020)[0]
    assert found == at(2020, 2, 18, 2, 18, 11)
    assert found is not None and found.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(("instant", "body", "url"), [
    # the page displays the instant on its UTC day ("June 30, 2026 - 4.34pm"): the URL's next day is not it
    ("2026-06-30T16:34:54.488Z",
     '<article><h1>T</h1><time datetime="2026-06-30T16:34:54.488Z">June 30, 2026 - 4.34pm</time></article>',
     "https://example.com.au/world/t-20260701-p60bhj.html"),
    # a date-only microdata value dates the draft; the visible line shows the publication day
    ("2019-10-19T03:00:00.000Z",
     '<header><h1>T</h1><div class="metainfo"><span>Bettina Kugler</span>'
     '<span class="metainfo__date">19.10.2019, 05:00 Uhr</span></div></header>'
     '<meta itemprop="datePublished" content="2019-10-18">', "https://example.ch/kultur/t-ld.1161246"),
    # the URL's day is when the story was started: the byline shows the UTC day
    ("2020-07-09T10:04:04Z", '<div><h1>T</h1><div class="byline">July 9, 2020 at 6:40 PM EDT</div></div>',
     "https://example.com/politics/2020/07/08/t/"),
])
def test_utc_day_kept_when_the_page_shows_it(instant: str, body: str, url: str) -> None:
    ld = [{"@type": "NewsArticle", "datePublished": instant}]
    found = extract(page(body), url, ld=ld, now=datetime(2026, 7, 5, tzinfo=UTC))[0]
    assert found == datetime.fromisoformat(instant).replace(microsecond=0)  # fractions of a second are dropped
    assert found is not None and not found.utcoffset()


def test_known_source_zone_is_not_second_guessed() -> None:
    ld = [{"@type": "NewsArticle", "datePublished": "2020-02-18T02:18:11Z"}]
    found = extract(page("<h1>T</h1>"), "https://example.com/2020/02/17/t/", ld=ld, tz="America/New_York",
                    now=NOW_2020)[0]
    assert found is not None and found.utcoffset() == timedelta(hours=-5) and found.day == 17


def test_naive_time_takes_the_offset_stated_for_the_same_minute() -> None:
    """n-tv: JSON-LD "2023-04-28 18:11:01.0" without a zone, meta date "2023-04-28T18:11:01+02:00"."""
    ld = [{"@type": "NewsArticle", "datePublished": "2023-04-28 18:11:01.0"}]
    head = '<meta name="date" content="2023-04-28T18:11:01+02:00">'
    found = extract(page("<h1>T</h1>", head), ld=ld)[0]
    assert found == at(2023, 4, 28, 16, 11, 1) and found is not None and found.utcoffset() == timedelta(hours=2)


def test_zero_offset_on_a_local_time_is_not_adopted() -> None:
    """A "Z" printed after a local wall clock is a CMS slip: the source's zone stays."""
    ld = [{"@type": "NewsArticle", "datePublished": "2020-04-25 07:25:06"}]
    head = '<meta name="date" content="2020-04-25T07:25:06Z">'
    found = extract(page("<h1>T</h1>", head), ld=ld, tz="Australia/Brisbane")[0]
    assert found == at(2020, 4, 25, 7, 25, 6, tz=ZoneInfo("Australia/Brisbane"))


def test_date_line_written_by_an_inline_script() -> None:
    doc, _ = fixture("inline_script_date.html")
    assert extract(doc, now=NOW_2020)[0] == at(2020, 4, 17, 1, 43, 9)
