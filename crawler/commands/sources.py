"""`scrapy sources list [--json]`: the source registry as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.sources import REGISTRY, select
from crawler.sources.base import Source


def describe(source: Source) -> dict[str, Any]:
    return {
        "key": source.key, "name": source.name, "country": source.country, "languages": list(source.languages),
        "scope": source.scope, "timezone": source.timezone, "base_url": source.base_url,
        "feeds": [f.url for f in source.feeds], "sitemaps": [s.url for s in source.sitemaps],
        "listings": [item.url for item in source.listings], "render": source.render, "verified": source.verified,
    }


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "list [--json] [--all]"

    def short_desc(self) -> str:
        return "List the source registry"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--json", action="store_true", help="print a JSON array")
        parser.add_argument("--all", action="store_true", help="include the demo sources")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args or args[0] != "list":
            raise UsageError("usage: scrapy sources list [--json] [--all]")
        chosen = list(REGISTRY.values()) if opts.all else select()
        rows = [describe(s) for s in chosen]
        if opts.json:
            json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return
        header = f"{'key':<16} {'country':<7} {'scope':<13} {'languages':<12} {'discovery':<22} name"
        print(header)
        print("-" * len(header))
        for s in chosen:
            discovery = f"{len(s.feeds)} feed {len(s.sitemaps)} sitemap {len(s.listings)} list"
            print(f"{s.key:<16} {s.country:<7} {s.scope:<13} {','.join(s.languages):<12} {discovery:<22} {s.name}")
        print(f"\n{len(chosen)} sources (not verified live from this repository; see `verified`)")
