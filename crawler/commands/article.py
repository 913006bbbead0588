"""`scrapy article URL|PATH`: print the record the crawler would export for one page, as pretty JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.http import Response

from crawler.extraction import extract_article


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_LEVEL": "WARNING"}
    # Spider priority: above settings.py, below -s. Printing one record touches no state and writes no feed.
    one_page_settings = {"ITEM_PIPELINES": {}, "FEEDS": {}, "NEWS_STATE_DIR": "", "JOBDIR": None}

    def syntax(self) -> str:
        return "[options] <url | file>"

    def short_desc(self) -> str:
        return "Print the extracted article record for one URL or local HTML file"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--url", help="URL to attribute a local file to (default: file:// path)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError()
        target = args[0]
        if target.startswith(("http://", "https://")):
            record = self._fetch(target)
        else:
            path = Path(target.removeprefix("file://"))
            if not path.is_file():
                raise UsageError(f"no such file: {path}")
            record = extract_article(path.read_bytes(), opts.url or path.resolve().as_uri())
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")

    def _fetch(self, url: str) -> dict[str, Any]:
        """Download through Scrapy (robots.txt, user agent and limits as in a crawl)."""
        import scrapy

        assert self.crawler_process is not None
        found: dict[str, Any] = {}

        class OneArticle(scrapy.Spider):
            name = "article"
            custom_settings = self.one_page_settings

            async def start(self):  # type: ignore[override]
                yield scrapy.Request(url, callback=self.parse, dont_filter=True)

            def parse(self, response: Response) -> None:
                found["record"] = extract_article(response)

        self.crawler_process.crawl(OneArticle)
        self.crawler_process.start()
        if "record" not in found:
            self.exitcode = 1
            raise UsageError(f"could not fetch {url} (see the log above)", print_help=False)
        return found["record"]
