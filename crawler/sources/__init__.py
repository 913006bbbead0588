"""The source registry: every declared outlet, looked up by key, country or URL."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from functools import lru_cache

from crawler.sources import demo, intl, kg, kz, tj, tm, uz
from crawler.sources.base import DEMO_BASE, Boilerplate, Politeness, Selectors, Source
from crawler.urls import host_of

__all__ = ["REGISTRY", "Source", "by_key", "derive_source", "resolve_demo", "select", "source_for_url"]


def _build(groups: Iterable[Iterable[Source]]) -> dict[str, Source]:
    registry: dict[str, Source] = {}
    hosts: dict[str, str] = {}
    for source in (s for group in groups for s in group):
        if source.key in registry:
            raise ValueError(f"duplicate source key {source.key!r}")
        registry[source.key] = source
        if source.is_demo:
            continue
        for host in (host_of(source.base_url), *source.domains):
            if host in hosts:
                raise ValueError(f"host {host!r} declared by {hosts[host]!r} and {source.key!r}")
            hosts[host] = source.key
    return registry


REGISTRY: dict[str, Source] = _build(
    (kz.SOURCES, kg.SOURCES, tj.SOURCES, tm.SOURCES, uz.SOURCES, intl.SOURCES, demo.SOURCES)
)


def by_key(key: str) -> Source:
    try:
        return REGISTRY[key]
    except KeyError:
        raise KeyError(f"unknown source {key!r}; see `scrapy sources list`") from None


def select(keys: str | None = None, country: str | None = None) -> list[Source]:
    """Sources named by `keys` (comma-separated keys; `demo` = every demo source) and/or a country.
    With neither, every real (non-demo) source."""
    chosen = [s for s in REGISTRY.values() if not s.is_demo]
    if keys:
        wanted = [k.strip() for k in keys.split(",") if k.strip()]
        chosen = []
        for key in wanted:
            if key == "demo":  # the static demo outlets; the JavaScript one is named explicitly
                chosen += [s for s in REGISTRY.values() if s.is_demo and s.render == "none"]
            else:
                chosen.append(by_key(key))
    if country:
        code = country.strip()
        code = code if code == "intl" else code.upper()
        chosen = [s for s in chosen if s.country == code]
    return list(dict.fromkeys(chosen))


def _replace_urls(value: object, base: str) -> object:
    if isinstance(value, str):
        return value.replace(DEMO_BASE, base)
    if isinstance(value, tuple):
        return tuple(_replace_urls(v, base) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _replace_urls(getattr(value, f.name), base) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def resolve_demo(source: Source, demo_url: str | None) -> Source:
    """A demo source with its `{demo}` URLs pointing at the served demo site."""
    if not source.is_demo:
        return source
    if not demo_url:
        raise ValueError(f"source {source.key!r} needs the NEWS_DEMO_URL setting (see `python -m crawler.demo`)")
    resolved = _replace_urls(source, demo_url.rstrip("/"))
    assert isinstance(resolved, Source)
    return resolved


@lru_cache(maxsize=64)
def _prefix_pattern(prefix: str) -> re.Pattern[str]:
    return re.compile(re.escape(prefix.split("://", 1)[-1].rstrip("/")) + r"(?:/|$)")


@lru_cache(maxsize=1024)
def _base_host(base_url: str) -> str:
    return host_of(base_url)


def source_for_url(url: str, sources: Iterable[Source] | None = None) -> Source | None:
    """The source whose base URL or hosts cover `url`; the longest base-URL prefix wins."""
    best: Source | None = None
    best_len = -1
    bare = url.split("://", 1)[-1]
    host = host_of(url)
    for source in REGISTRY.values() if sources is None else sources:
        if _prefix_pattern(source.base_url).match(bare):
            length = len(source.base_url)
        elif not source.is_demo and (host == _base_host(source.base_url) or host in source.domains
                                     or any(host.endswith("." + d) for d in source.domains)):
            length = 0
        else:
            continue
        if length > best_len:
            best, best_len = source, length
    return best


def derive_source(url: str) -> Source:
    """A source for a URL of an unknown outlet, keyed by its host."""
    host = host_of(url) or "unknown"
    scheme = url.split("://", 1)[0] if "://" in url else "https"
    return Source(
        key=host, name=host, country="intl", languages=("und",), timezone="UTC", scope="regional",
        base_url=f"{scheme}://{host}/", selectors=Selectors(), boilerplate=Boilerplate(),
        politeness=Politeness(), notes="derived from the URL's host; not in the registry",
    )
