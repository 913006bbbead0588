"""Tests of each pipeline on its own, built from a crawler as Scrapy builds them."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.items import Article
from crawler.pipelines.clean import CleanPipeline
from crawler.pipelines.dedupe import DedupePipeline, Duplicate
from crawler.pipelines.tag import TagPipeline
from crawler.pipelines.validate import Dropped, ValidatePipeline
from crawler.urls import url_id

BODY = ("Правительство Кыргызстана одобрило проект строительства новой дороги между Бишкеком и Ошем. "
        "Работы начнутся весной и продлятся три года, сообщили в министерстве транспорта.\n\n"
        "По словам министра, дорога сократит время в пути на четыре часа. Финансирование выделят из "
        "республиканского бюджета и средств международных банков развития, которые уже одобрили кредит.")


def article(url: str = "https://24.kg/obschestvo/1_x/", body: str = BODY, **fields) -> Article:
    canonical = url.rstrip("/")
    return Article(id=url_id(canonical), url=url, canonical_url=canonical, source=fields.pop("source", "24kg"),
                   title=fields.pop("title", "Дорога Бишкек — Ош"), body=body, **fields)


def crawler_with(settings: dict | None = None):
    crawler = get_crawler(settings_dict=settings or {})
    crawler.spider = None
    return crawler


def test_clean_pipeline_cleans_text() -> None:
    pipeline = build_from_crawler(CleanPipeline, crawler_with())
    item = article(body=BODY + "\n\nЧитайте также: Другая новость\n\n#Кыргызстан #Дороги\n\nOptimized by Optimole",
                   title="  Дорога\u00a0Бишкек — Ош \u200b")
    out = pipeline.process_item(item)
    assert out.body == BODY
    assert out.title == "Дорога Бишкек — Ош"


@pytest.mark.parametrize(("fields", "reason"), [
    ({"title": None}, "no_title"),
    ({"body": ""}, "no_body"),
    ({"body": "Коротко."}, "too_short"),
    ({"signals": {"link_density": 0.9, "paragraphs": 2, "url_matches": False}}, "not_article"),
    ({"signals": {"og_type": "website", "url_matches": False}}, "not_article"),
])
def test_validate_pipeline_drops_with_a_counted_reason(fields: dict, reason: str) -> None:
    crawler = crawler_with()
    crawler.stats.open_spider()
    pipeline = build_from_crawler(ValidatePipeline, crawler)
    with pytest.raises(Dropped) as err:
        pipeline.process_item(article(**fields))
    assert err.value.reason == reason
    assert crawler.stats.get_value(f"news/dropped/{reason}") == 1


def test_validate_pipeline_keeps_articles() -> None:
    pipeline = build_from_crawler(ValidatePipeline, crawler_with())
    item = article(signals={"og_type": "website", "url_matches": True, "link_density": 0.1})
    assert pipeline.process_item(item) is item


def test_tag_pipeline_sets_language_countries_and_filters_international() -> None:
    crawler = crawler_with()
    crawler.stats.open_spider()
    pipeline = build_from_crawler(TagPipeline, crawler)
    out = pipeline.process_item(article())
    assert out.language == "ru" and out.script == "Cyrl"
    assert out.countries[0] == "KG" and out.word_count > 40
    off_topic = article(url="https://timesca.com/x/", source="timesca", title="Football results",
                        body="The match ended in a draw after extra time. " * 20)
    with pytest.raises(Dropped) as err:
        pipeline.process_item(off_topic)
    assert err.value.reason == "not_central_asia"
    assert crawler.stats.get_value("news/dropped/not_central_asia") == 1


def test_dedupe_pipeline_needs_a_state_dir() -> None:
    with pytest.raises(NotConfigured):
        build_from_crawler(DedupePipeline, crawler_with({"NEWS_STATE_DIR": ""}))


def test_dedupe_pipeline_across_runs(tmp_path: Path) -> None:
    settings = {"NEWS_STATE_DIR": str(tmp_path)}
    crawler = crawler_with(settings)
    crawler.stats.open_spider()
    pipeline = build_from_crawler(DedupePipeline, crawler)
    first = article()
    assert pipeline.process_item(first) is first
    with pytest.raises(Duplicate) as err:
        pipeline.process_item(article(url="https://kaktus.media/doc/5_x.html", source="kaktus"))
    assert err.value.record["kind"] == "exact" and err.value.record["kept_id"] == first.id
    pipeline.close_spider()
    again = build_from_crawler(DedupePipeline, crawler_with(settings))
    with pytest.raises(Duplicate) as err:
        again.process_item(article())
    assert err.value.record["kind"] == "url"
    again.close_spider()


def test_refresh_reemits_only_changed_articles(tmp_path: Path) -> None:
    from types import SimpleNamespace

    settings = {"NEWS_STATE_DIR": str(tmp_path)}
    first_run = build_from_crawler(DedupePipeline, crawler_with(settings))
    first_run.process_item(article(fetched_at="2026-11-20T10:00:00+00:00"))
    first_run.close_spider()
    crawler = crawler_with(settings)
    crawler.stats.open_spider()
    crawler.spider = SimpleNamespace(refresh=True, sources={})
    refresh = build_from_crawler(DedupePipeline, crawler)
    with pytest.raises(Dropped) as err:
        refresh.process_item(article(fetched_at="2026-11-21T10:00:00+00:00"))
    assert err.value.reason == "unchanged"
    changed = article(body=BODY + "\n\nОбновлено: министерство уточнило сроки начала работ на участке у Кара-Балты.",
                      fetched_at="2026-11-21T10:00:00+00:00", published_at="2026-11-20T09:00:00+06:00")
    out = refresh.process_item(changed)
    assert out is changed and out.modified_at == "2026-11-21T10:00:00+00:00"
    assert crawler.stats.get_value("news/refresh/changed") == 1
    refresh.close_spider()
