"""Tests of the source registry: declarations are valid, selectable and resolvable."""

import re

import pytest

from crawler import sources as registry
from crawler.sources.base import Source


def test_registry_is_valid() -> None:
    real = registry.select()
    assert len(real) >= 8
    assert {s.country for s in real} >= {"KZ", "KG", "TJ", "TM", "UZ", "intl"}
    for source in real:
        assert source.feeds or source.sitemaps or source.listings, source.key
        assert source.base_url.startswith("https://"), source.key
        assert not source.verified or source.notes, source.key
        for pattern in source.article_patterns:
            re.compile(pattern)


def test_duplicate_keys_and_hosts_rejected() -> None:
    a = Source(key="a", name="A", country="KG", languages=("ru",), timezone="UTC", scope="regional",
               base_url="https://a.kg/")
    with pytest.raises(ValueError, match="duplicate source key"):
        registry._build([[a, a]])
    b = Source(key="b", name="B", country="KG", languages=("ru",), timezone="UTC", scope="regional",
               base_url="https://www.a.kg/")
    with pytest.raises(ValueError, match="declared by"):
        registry._build([[a, b]])


def test_bad_declarations_fail_at_import() -> None:
    with pytest.raises(ValueError):
        Source(key="x", name="X", country="RU", languages=("ru",), timezone="UTC", scope="regional",  # type: ignore[arg-type]
               base_url="https://x.ru/")
    with pytest.raises(ValueError):
        Source(key="x", name="X", country="KG", languages=(), timezone="UTC", scope="regional", base_url="https://x/")


def test_select_by_keys_country_and_demo() -> None:
    assert [s.key for s in registry.select("kloop,24kg")] == ["kloop", "24kg"]
    assert all(s.country == "KG" for s in registry.select(country="kg"))
    demo = registry.select("demo")
    assert demo and all(s.is_demo for s in demo)
    assert not any(s.is_demo for s in registry.select())
    with pytest.raises(KeyError):
        registry.select("nope")


def test_demo_sources_resolve_to_the_served_url() -> None:
    demo = registry.select("demo")[0]
    with pytest.raises(ValueError, match="NEWS_DEMO_URL"):
        registry.resolve_demo(demo, None)
    resolved = registry.resolve_demo(demo, "http://127.0.0.1:8123")
    assert resolved.base_url.startswith("http://127.0.0.1:8123/")
    assert all("{demo}" not in f.url for f in (*resolved.feeds, *resolved.sitemaps, *resolved.listings))
    assert registry.source_for_url(resolved.base_url + "x", [resolved]) == resolved


def test_source_for_url_and_derived_source() -> None:
    assert registry.source_for_url("https://rus.azattyk.org/a/33.html").key == "azattyk"
    assert registry.source_for_url("https://www.kloop.kg/blog/2026/01/02/x/").key == "kloop"
    assert registry.source_for_url("https://unknown.example/x") is None
    derived = registry.derive_source("https://www.Unknown.example/news/1")
    assert derived.key == "unknown.example" and derived.scope == "regional"
