"""`python -m crawler.demo`: serve the bundled demo site on 127.0.0.1 and crawl it with the `news` spider."""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from crawler.demo.server import serve


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m crawler.demo", description=__doc__)
    parser.add_argument("--serve-only", action="store_true", help="serve the site and print its URL until Ctrl-C")
    parser.add_argument("--port", type=int, default=0, help="port to serve on (default: a free one)")
    parser.add_argument("--output", default="data/demo/articles.jsonl", help="JSON Lines output (overwritten)")
    parser.add_argument("--state-dir", help="dedupe state directory (default: a fresh temporary one, so every "
                                            "demo run starts clean; reuse one to see incremental runs)")
    parser.add_argument("--jobdir", help="Scrapy JOBDIR, so a killed run can resume")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="any Scrapy setting (repeatable)")
    return parser.parse_args(argv)


def crawl(base_url: str, output: Path, state_dir: str, jobdir: str | None, overrides: list[str]) -> dict[str, Any]:
    """Run the `news` spider on the demo sources; returns the crawl stats."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.setdict({
        "NEWS_DEMO_URL": base_url, "NEWS_STATE_DIR": state_dir, "AUTOTHROTTLE_ENABLED": False,
        "NEWS_ALLOWED_PRIVATE_HOSTS": ["127.0.0.1"],
        "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "INFO",
        "FEEDS": {str(output): {**next(iter(settings.getdict("FEEDS").values())), "overwrite": True}},
        "NEWS_DUPLICATES_OUTPUT": str(output.with_name(output.stem + ".duplicates.jsonl")),
    }, priority="cmdline")
    if jobdir:
        settings.set("JOBDIR", jobdir, priority="cmdline")
    for pair in overrides:
        name, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"-s expects NAME=VALUE, got {pair!r}")
        settings.set(name, value, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("news")
    process.crawl(crawler, sources="demo")
    process.start()
    return crawler.stats.get_stats() if crawler.stats else {}


def summarize(output: Path, stats: dict[str, Any]) -> str:
    counts: Counter[str] = Counter()
    languages: dict[str, Counter[str]] = {}
    if output.exists():
        with output.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                counts[record["source"]] += 1
                languages.setdefault(record["source"], Counter())[record.get("language") or "?"] += 1
    rows = [f"{'source':<16} {'records':>7}  languages"]
    for source, n in sorted(counts.items()):
        langs = ", ".join(f"{lang} {k}" for lang, k in languages[source].most_common())
        rows.append(f"{source:<16} {n:>7}  {langs}")
    dropped = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("news/dropped/")}
    rows.append(f"{'total':<16} {sum(counts.values()):>7}")
    if dropped:
        rows.append("dropped: " + ", ".join(f"{k} {v}" for k, v in sorted(dropped.items())))
    if stats.get("news/skipped/seen"):
        rows.append(f"not downloaded (exported by an earlier run): {stats['news/skipped/seen']}")
    rows.append(f"output: {output.resolve()}")
    if stats.get("news/duplicates_feed"):
        rows.append(f"duplicates: {stats['news/duplicates_feed']}")
    return "\n".join(rows)


PORT_FILE = "demo-site.port"


def pick_port(args: argparse.Namespace) -> int:
    """The requested port; else, with a reused state dir, the port its earlier runs served on (so the demo
    URLs, and hence the canonical URLs in the state, stay the same), if still free; else a free one."""
    if args.port or not args.state_dir:
        return args.port
    saved = Path(args.state_dir) / PORT_FILE
    if saved.exists():
        port = int(saved.read_text().strip() or 0)
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    return 0


def remember_port(args: argparse.Namespace, port: int) -> None:
    if args.state_dir:
        Path(args.state_dir).mkdir(parents=True, exist_ok=True)
        (Path(args.state_dir) / PORT_FILE).write_text(str(port))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with serve(port=pick_port(args)) as server:
        remember_port(args, server.port)
        if args.serve_only:
            print(f"Demo site at {server.base_url}/  (Ctrl-C to stop)", flush=True)
            print(f"  scrapy crawl news -a sources=demo -s NEWS_DEMO_URL={server.base_url}", flush=True)
            print(f"  scrapy shell {server.base_url}/steppe/", flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return 0
        output = Path(args.output)
        with tempfile.TemporaryDirectory(prefix="news-demo-state-") as tmp:
            stats = crawl(server.base_url, output, args.state_dir or tmp, args.jobdir, args.settings)
    print(summarize(output, stats))
    reason = str(stats.get("finish_reason") or "finished")
    return 0 if reason == "finished" or reason.startswith("closespider_") else 1


if __name__ == "__main__":
    sys.exit(main())
