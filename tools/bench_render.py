"""Rendering cost: crawl startup with and without a rendering source, and time per rendered page.

Usage: .venv/bin/python -m tools.bench_render [--pages 40] [--repeat 3] [--splash-url URL]

Serves a temporary copy of the client-rendered demo outlet with --pages synthetic stories, then times real
`scrapy crawl urls` runs (subprocesses, as users run them) on its article URLs:
  startup  - one page: unrendered (default asyncio reactor, and Twisted's epoll reactor), then in Chromium;
  pages    - every page: unrendered, in Chromium (scrapy-playwright), and through Splash if --splash-url
             (e.g. `python -m tests.splash_server`, the Chromium-backed stand-in).
Prints medians over --repeat runs: process wall time, Scrapy's elapsed_time_seconds, and for the page runs the
marginal time per page ((elapsed(N) - elapsed(1)) / (N - 1)), which leaves out browser launch.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from crawler.demo.builder.jsnews import STORIES, JsStory, build  # noqa: E402
from crawler.demo.server import serve  # noqa: E402

EPOLL_REACTOR = "twisted.internet.epollreactor.EPollReactor"
ADDONS = json.dumps({"crawler.render.RenderAddon": 0})


@dataclass
class Run:
    label: str
    pages: int
    wall: float
    elapsed: float
    rendered: int
    records: int


def synthetic_stories(count: int) -> tuple[JsStory, ...]:
    """`count` distinct stories made from the demo ones (ids from 5000; a numbered sentence keeps bodies apart)."""
    stories = []
    for n in range(count):
        base = STORIES[n % len(STORIES)]
        stories.append(replace(base, id=5000 + n, title=f"{base.title} ({n + 1})",
                               paragraphs=(*base.paragraphs, f"This is report number {n + 1} of the series.")))
    return tuple(stories)


def crawl(label: str, base_url: str, urls: list[str], workdir: Path, settings: dict[str, str]) -> Run:
    urls_file = workdir / f"{label}.urls"
    urls_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
    stats_path = workdir / f"{label}.stats.json"
    out = workdir / f"{label}.jsonl"
    args = [sys.executable, "-m", "scrapy", "crawl", "urls", "-a", f"urls={urls_file}", "-O", str(out),
            "-s", f"NEWS_DEMO_URL={base_url}", "-s", "NEWS_STATE_DIR=", "-s", f"NEWS_STATS_DUMP={stats_path}",
            "-s", f"NEWS_DUPLICATES_OUTPUT={workdir / 'dupes.jsonl'}", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=WARNING", "-s", f"ADDONS={ADDONS}"]
    for name, value in settings.items():
        args += ["-s", f"{name}={value}"]
    started = time.perf_counter()
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{label} failed:\n{proc.stderr[-3000:]}")
    stats: dict[str, Any] = json.loads(stats_path.read_text())
    rendered = sum(v for k, v in stats.items() if k.startswith("news/render/"))
    records = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.strip())
    return Run(label, len(urls), wall, float(stats.get("elapsed_time_seconds", 0.0)), rendered, records)


def median_run(repeat: int, label: str, base_url: str, urls: list[str], workdir: Path,
               settings: dict[str, str]) -> Run:
    runs = [crawl(label, base_url, urls, workdir, settings) for _ in range(repeat)]
    return replace(runs[0], wall=statistics.median(r.wall for r in runs),
                   elapsed=statistics.median(r.elapsed for r in runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_render", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=40, help="synthetic client-rendered articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (medians are printed)")
    parser.add_argument("--splash-url", help="a Splash (or tests/splash_server.py) to time as well")
    options = parser.parse_args(argv)
    stories = synthetic_stories(options.pages)
    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:
        workdir = Path(tmp)
        site = workdir / "site"
        for path, content in build(stories).items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_bytes(content)
        with serve(root=site) as server:
            urls = [server.base_url + s.path for s in stories]
            base = (server.base_url, urls[:1], workdir)
            every = (server.base_url, urls, workdir)
            modes: list[tuple[str, dict[str, str]]] = [("browser", {"NEWS_RENDER": "browser"})]
            if options.splash_url:
                modes.append(("splash", {"NEWS_RENDER": "splash", "SPLASH_URL": options.splash_url}))
            plain = {"NEWS_RENDER": "off"}
            rows = [median_run(options.repeat, "startup: unrendered, asyncio reactor", *base, plain),
                    median_run(options.repeat, "startup: unrendered, epoll reactor", *base,
                               {**plain, "TWISTED_REACTOR": EPOLL_REACTOR}),
                    median_run(options.repeat, "pages: unrendered", *every, plain)]
            marginal: dict[str, float] = {}
            for mode, settings in modes:
                one = median_run(options.repeat, f"startup: {mode}", *base, settings)
                full = median_run(options.repeat, f"pages: {mode}", *every, settings)
                marginal[mode] = (full.elapsed - one.elapsed) / max(len(urls) - 1, 1)
                rows += [one, full]
    print(f"{'run':<38} {'pages':>5} {'wall s':>7} {'crawl s':>8} {'rendered':>8} {'records':>7}")
    for row in rows:
        print(f"{row.label:<38} {row.pages:>5} {row.wall:>7.2f} {row.elapsed:>8.2f} {row.rendered:>8} {row.records:>7}")
    for mode, seconds in marginal.items():
        print(f"{mode}: {seconds * 1000:.0f} ms per page after the first ({1 / seconds:.1f} pages/s)"
              if seconds > 0 else f"{mode}: too few pages to measure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
