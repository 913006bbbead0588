"""Tests of crawler.urls: one canonical form for every variant of an article URL."""

import pytest

from crawler.urls import canonicalize, host_of, same_site, url_id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://Kun.UZ:443/news/2026/11/20/x/", "https://kun.uz/news/2026/11/20/x"),
        ("http://24.kg:80/a/1_b/#comments", "http://24.kg/a/1_b"),
        ("https://24.kg/a/?utm_source=tg&utm_medium=x&b=2&a=1", "https://24.kg/a?a=1&b=2"),
        ("https://24.kg/a?fbclid=1&gclid=2&yclid=3&_openstat=4", "https://24.kg/a"),
        ("https://m.akipress.org/news:123", "https://akipress.org/news:123"),
        ("https://kun.uz/amp/news/2026/11/20/x", "https://kun.uz/news/2026/11/20/x"),
        ("https://timesca.com/some-story/amp/", "https://timesca.com/some-story"),
        ("https://www.gazeta.uz/ru/2026/11/20/x/?amp=1", "https://www.gazeta.uz/ru/2026/11/20/x"),
        ("https://kaktus.media//doc/1.html", "https://kaktus.media/doc/1.html"),
        ("https://example.kg/", "https://example.kg/"),
    ],
)
def test_canonicalize(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


def test_trailing_slash_kept_when_source_says_so() -> None:
    assert canonicalize("https://x.kg/a/", trailing_slash_equivalent=False) == "https://x.kg/a/"


def test_per_source_tracking_params() -> None:
    assert canonicalize("https://x.kg/a?ref=tg&id=3", extra_params=("ref",)) == "https://x.kg/a?id=3"


def test_non_ascii_path_is_percent_encoded_once() -> None:
    once = canonicalize("https://x.kg/новости/1")
    assert once == canonicalize(once)
    assert "%D0%BD" in once


def test_id_is_stable_and_scheme_insensitive() -> None:
    assert url_id("https://x.kg/a") == url_id("http://x.kg/a")
    assert len(url_id("https://x.kg/a")) == 16
    assert url_id("https://x.kg/a") != url_id("https://x.kg/b")


def test_hosts() -> None:
    assert host_of("https://www.Azattyk.org/a/1.html") == "azattyk.org"
    assert same_site("https://rus.azattyk.org/a/1.html", "https://azattyk.org/")
    assert not same_site("https://azattyk.org.evil.com/", "https://azattyk.org/")
    assert not same_site("https://kun.uz/", "https://gazeta.uz/")
