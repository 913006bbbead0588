"""Distributed mode: crawl membership, the shared dupefilter, `scrapy state`, and three workers on one Redis."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import redis
from scrapy import Request, Spider
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings
from crawler.commands.state import Command as StateCommand
from crawler.crawl_membership import CrawlMembership
from crawler.distributed import DistributedAddon, SharedDupeFilter, distributed_settings
from crawler.state import open_state
from crawler.state.redis import open_redis_state
from tests.conftest import read_jsonl, run_scrapy
from tests.redis_server import redis_server_fixture, redis_url_fixture  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "crawler/demo/expected.json").read_text())
ADDON = "crawler.distributed.DistributedAddon"
WORKERS = 3
# The test-only near duplicate: an edited copy of this demo article is stored before the crawls, as if
# another process had exported it, so whichever worker fetches the article must drop it as near.
SEEDED_PATH = "/steppe/2026/11/08/foresters-plant-saxaul-on-the-dried-aral-seabed/"
SEEDED_ID = "seeded-copy"
SEEDED_URL = "https://elsewhere.example/aral-copy"
WAIT = 120  # seconds a crawl subprocess may take on a loaded machine


def client_of(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


# -- crawl membership ------------------------------------------------------------------------------


def test_workers_join_the_live_crawl_and_the_next_run_starts_a_new_one(redis_url: str) -> None:
    client = client_of(redis_url)
    first = CrawlMembership(client, "t:", "news", worker="a")
    second = CrawlMembership(client, "t:", "news", worker="b")
    joined = first.join()
    assert (joined.crawl_id, joined.started) == ("1", True)
    assert second.join() == type(joined)("1", False, False)
    client.sadd(first.key("dupefilter"), "fp")
    assert first.leave() is False  # b is still in
    assert second.leave() is True  # last one out of an empty queue: the crawl is finished
    assert 0 < client.ttl("t:news:1:dupefilter") <= 86400  # fingerprints expire, they are not flushed
    later = CrawlMembership(client, "t:", "news", worker="c")
    assert later.join().crawl_id == "2"  # feeds and sitemaps are fetched again
    assert later.key("dupefilter") == "t:news:2:dupefilter"
    client.close()


def test_an_interrupted_crawl_hands_its_queue_to_the_next(redis_url: str) -> None:
    client = client_of(redis_url)
    dead = CrawlMembership(client, "t:", "news", worker="dead", timeout=60)
    dead.join()
    client.zadd(dead.key("requests"), {b"pending-request": 0})
    client.sadd(dead.key("dupefilter"), "fp")
    client.zadd(dead.key("workers"), {"dead": 0})  # its last heartbeat was long ago: killed
    joined = CrawlMembership(client, "t:", "news", worker="new", timeout=60).join()
    assert (joined.crawl_id, joined.started, joined.carried_over) == ("2", True, True)
    assert client.zrange("t:news:2:requests", 0, -1) == [b"pending-request"]
    assert client.ttl("t:news:1:dupefilter") > 0
    assert dead.beat(busy=True) is False  # the stalled worker learns it was superseded
    client.close()


def test_explicit_crawl_ids_and_busy_workers(redis_url: str) -> None:
    client = client_of(redis_url)
    a = CrawlMembership(client, "t:", "news", crawl_id="2026-06-01T10", worker="a")
    b = CrawlMembership(client, "t:", "news", crawl_id="2026-06-01T10", worker="b")
    assert a.join().crawl_id == b.join().crawl_id == "2026-06-01T10"
    assert a.beat(busy=True) and b.beat(busy=False)
    assert b.others_busy(window=5) == 1 and a.others_busy(window=5) == 0
    a.beat(busy=False)
    assert b.others_busy(window=5) == 0
    client.zadd(a.key("requests"), {b"r": 0})
    client.sadd(a.key("dupefilter"), "fp")
    assert a.leave() is False
    assert b.leave() is False  # requests are still queued: the crawl is not over
    assert client.ttl(a.key("dupefilter")) == -1  # kept without expiry for the next worker
    client.close()


def test_a_rejoined_finished_crawl_keeps_its_fingerprints(redis_url: str) -> None:
    client = client_of(redis_url)
    a = CrawlMembership(client, "t:", "news", crawl_id="run-7", worker="a", keep=3600)
    a.join()
    client.sadd(a.key("dupefilter"), "fp")
    assert a.leave() is True and client.ttl(a.key("dupefilter")) > 0
    CrawlMembership(client, "t:", "news", crawl_id="run-7", worker="b").join()
    assert client.ttl(a.key("dupefilter")) == -1  # live again: no expiry
    client.close()


# -- components ------------------------------------------------------------------------------------


def test_addon_applies_only_with_redis_and_to_crawl_spiders(redis_url: str) -> None:
    class News(Spider):
        name = "news"

    class Check(Spider):
        name = "sources-check"

    for spider, url, applied in ((News, redis_url, True), (News, None, False), (Check, redis_url, False)):
        crawler = get_crawler(spider)
        crawler.spider = spider()
        settings = Settings({"REDIS_URL": url, "NEWS_DISTRIBUTED_SPIDERS": ["news", "urls"]})
        DistributedAddon(crawler).update_settings(settings)
        assert (settings.get("SCHEDULER") == "crawler.distributed.SharedScheduler") is applied
        assert bool(settings.get("NEWS_RUN_ID")) is applied  # one feed file per worker
    assert distributed_settings()["SCHEDULER_PERSIST"] is True


def test_dupefilter_uses_canonical_fingerprints_and_is_never_deleted(redis_url: str) -> None:
    crawler = get_crawler(Spider, {"REQUEST_FINGERPRINTER_CLASS": "crawler.fingerprint.CanonicalRequestFingerprinter"})
    client = client_of(redis_url)
    dupefilter = SharedDupeFilter(client, "t:df", crawler.request_fingerprinter)
    assert dupefilter.request_seen(Request("https://a.example/x?b=1&utm_source=tg")) is False
    assert dupefilter.request_seen(Request("https://a.example/x?b=1")) is True
    dupefilter.close("finished")
    assert client.scard("t:df") == 1
    client.close()


def run_state_command(settings: dict[str, Any], *args: str, **options: Any) -> tuple[int, str]:
    """`scrapy state ARGS` in this process: the project's settings, `settings` as if given with -s."""
    command = StateCommand()
    command.settings = Settings()
    command.settings.setmodule(project_settings, priority="project")
    command.settings.setdict(settings, priority="cmdline")
    opts = argparse.Namespace(**{"json": False, "yes": False, "crawls_only": False, "force": False, **options})
    out = StringIO()
    with redirect_stdout(out):
        command.run(list(args), opts)
    return command.exitcode, out.getvalue()


def test_state_command_stats_and_clear(redis_url: str, tmp_path: Path) -> None:
    settings = {"REDIS_URL": redis_url, "NEWS_STATE_DIR": str(tmp_path)}
    with open_redis_state(redis_url, check_server=False) as state:
        state.check_and_add("a", "https://a.example/1", " ".join(f"w{i}" for i in range(50)))
    client = client_of(redis_url)
    worker = CrawlMembership(client, "news:crawl:", "news", worker="w")
    worker.join()
    code, out = run_state_command(settings, "stats", json=True)
    report = json.loads(out)
    assert code == 0 and report["backend"] == "redis" and report["counters"]["documents"] == 1
    assert report["crawls"] == [{"spider": "news", "crawl_id": "1", "workers": 1, "queued": 0, "fingerprints": 0}]
    code, out = run_state_command(settings, "clear", yes=True)
    assert code == 1 and "refusing" in out  # a worker is alive
    worker.leave()
    code, out = run_state_command(settings, "clear")
    assert code == 1 and "--yes" in out and client.exists("news:state:stats")  # nothing deleted without --yes
    code, out = run_state_command(settings, "clear", yes=True, crawls_only=True)
    assert code == 0 and client.exists("news:state:stats") and not client.exists("news:crawl:news:current")
    code, out = run_state_command(settings, "clear", yes=True)
    assert code == 0 and client.keys("news:*") == []
    client.close()
    # Without Redis the command works on the SQLite state of NEWS_STATE_DIR.
    with open_state(tmp_path) as sqlite_state:
        sqlite_state.check_and_add("a", "https://a.example/1", "x")
    code, out = run_state_command({"NEWS_STATE_DIR": str(tmp_path)}, "stats")
    assert code == 0 and "backend: sqlite" in out
    code, out = run_state_command({"NEWS_STATE_DIR": str(tmp_path)}, "clear", yes=True)
    assert code == 0 and not (tmp_path / "state.sqlite3").exists()


# -- three workers against the demo site ------------------------------------------------------------


def seeded_body() -> str:
    """An edited copy of SEEDED_PATH's body: a lead line added, the last paragraph cut."""
    article = next(a for a in EXPECTED["articles"] if a["path"] == SEEDED_PATH)
    return "\n\n".join(["Republished with permission of our partners.", *article["body"][:-1]])


def crawl_command(tmp: Path, name: str, demo_url: str, extra: dict[str, str]) -> list[str]:
    settings = {
        "NEWS_DEMO_URL": demo_url, "NEWS_ALLOWED_PRIVATE_HOSTS": "127.0.0.1", "AUTOTHROTTLE_ENABLED": "False",
        "DOWNLOAD_DELAY": "0", "LOG_LEVEL": "INFO", "NEWS_STATE_DIR": str(tmp / f"{name}.state"),
        "NEWS_DUPLICATES_OUTPUT": str(tmp / f"{name}.duplicates.jsonl"),
        "NEWS_STATS_DUMP": str(tmp / f"{name}.stats.json"), **extra,
    }
    args = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "sources=demo", "-O", str(tmp / f"{name}.jsonl")]
    for key, value in settings.items():
        args += ["-s", f"{key}={value}"]
    return args


def start(args: list[str], tmp: Path, name: str) -> subprocess.Popen[bytes]:
    # cwd is the test's directory, so the project's default feed and state paths land there too.
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings", "PYTHONPATH": str(ROOT),
           "PYTHONWARNINGS": "error::DeprecationWarning"}
    log = (tmp / f"{name}.log").open("wb")
    try:
        return subprocess.Popen(args, cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=log)
    finally:
        log.close()


def finish(process: subprocess.Popen[bytes], tmp: Path, name: str) -> dict[str, Any]:
    code = process.wait(timeout=WAIT)
    log = (tmp / f"{name}.log").read_text(errors="replace")
    assert code == 0, log[-3000:]
    assert " ERROR: " not in log, log[-3000:]
    return {"records": read_jsonl(tmp / f"{name}.jsonl"), "duplicates": read_jsonl(tmp / f"{name}.duplicates.jsonl"),
            "stats": json.loads((tmp / f"{name}.stats.json").read_text()), "log": log}


def redis_settings(url: str) -> dict[str, str]:
    settings = {"REDIS_URL": url, "NEWS_WORKER_HEARTBEAT": "0.5",
                # Two requests at a time per worker, so that no worker takes the whole frontier at once.
                "CONCURRENT_REQUESTS": "2"}
    addons = dict(getattr(project_settings, "ADDONS", {}))
    if ADDON not in addons:  # until settings.py lists the add-on
        settings["ADDONS"] = json.dumps({**addons, ADDON: 10})
    return settings


def paths(records: list[dict[str, Any]]) -> list[str]:
    return ["/" + r["url"].split("//", 1)[1].split("/", 1)[1] for r in records]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, demo_site: Any) -> dict[str, Any]:
    """A single-process crawl on SQLite, with the same seeded near copy."""
    tmp = tmp_path_factory.mktemp("single")
    with open_state(tmp / "single.state") as state:
        assert state.check_and_add(SEEDED_ID, SEEDED_URL, seeded_body()).kind == "new"
    return finish(start(crawl_command(tmp, "single", demo_site.base_url, {}), tmp, "single"), tmp, "single")


def test_three_workers_export_every_article_exactly_once(
    reference: dict[str, Any], redis_server: Any, redis_url: str, demo_site: Any, tmp_path: Path
) -> None:
    with open_redis_state(redis_url, check_server=False) as state:
        assert state.check_and_add(SEEDED_ID, SEEDED_URL, seeded_body()).kind == "new"
    client = client_of(redis_url)
    # Hold every write until all three workers wait on Redis, so that they crawl side by side.
    client.client_pause(WAIT * 1000, all=False)
    try:
        names = [f"worker{i}" for i in range(WORKERS)]
        processes = [start(crawl_command(tmp_path, n, demo_site.base_url, redis_settings(redis_url)), tmp_path, n)
                     for n in names]
        deadline = time.monotonic() + WAIT
        while client.info("clients")["blocked_clients"] < WORKERS:
            assert time.monotonic() < deadline and all(p.poll() is None for p in processes), "a worker did not start"
            time.sleep(0.1)
    finally:
        client.client_unpause()
    runs = [finish(p, tmp_path, n) for p, n in zip(processes, names, strict=True)]

    exported = [path for run in runs for path in paths(run["records"])]
    assert len(exported) == len(set(exported))  # exactly once across the processes
    # none lost: the same pages as the single process, except that which copy of a story syndicated across
    # sources is kept depends on which worker reached it first (the other is in the duplicates feed)
    dropped = {path for run in runs for path in paths(run["duplicates"])}
    expected = set(paths(reference["records"]))
    assert len(exported) == len(expected)
    assert set(exported) ^ expected <= dropped | set(paths(reference["duplicates"]))
    assert len(exported) >= 30
    # Every worker joined the same crawl, and the work was shared.
    assert {run["stats"]["news/distributed/crawl_id"] for run in runs} == {"1"}
    assert sum(1 for run in runs if run["records"]) >= 2
    # The near copy stored by another process made one of the workers drop the article.
    duplicates = [d for run in runs for d in run["duplicates"]]
    seeded = [d for d in duplicates if d["kept_id"] == SEEDED_ID]
    assert [(d["kind"], paths([d])[0]) for d in seeded] == [("near", SEEDED_PATH)]
    assert SEEDED_PATH not in exported
    # The syndicated pair: one copy exported, the other dropped against it, whichever workers fetched them.
    for pair in EXPECTED["syndicated"]:
        kept = [p for p in (pair["original"], pair["copy"]) if p in exported]
        assert len(kept) == 1
        dropped = [d for d in duplicates if paths([d])[0] in (pair["original"], pair["copy"])]
        assert len(dropped) == 1 and dropped[0]["kind"] in ("exact", "near")
    # No worker flushed the shared state when it went idle.
    with open_redis_state(redis_url, check_server=False) as state:
        assert state.stats()["documents"] == len(exported) + 1
        assert all(state.seen_url(r["canonical_url"]) == r["id"] for run in runs for r in run["records"])
    assert client.scard("news:crawl:news:1:dupefilter") > len(exported)
    assert client.ttl("news:crawl:news:1:dupefilter") > 0

    # A later run starts a new crawl: it fetches the feeds, sitemaps and listings again, and no article.
    before = demo_site.hits_snapshot()
    again = finish(start(crawl_command(tmp_path, "later", demo_site.base_url, redis_settings(redis_url)),
                         tmp_path, "later"), tmp_path, "later")
    hits = demo_site.hits_snapshot() - before
    assert again["stats"]["news/distributed/crawl_id"] == "2"
    assert again["records"] == []
    assert again["stats"].get("news/skipped/seen", 0) >= 1
    for source in ("steppe", "azatlyk", "vesti"):
        assert any(path.startswith(f"/{source}/") and path not in exported for path in hits), source
    assert not set(hits) & set(exported)  # articles are not downloaded again
    client.close()
    # `scrapy state stats` reads the same shared state.
    proc = run_scrapy(["state", "stats", "--json", "-s", f"REDIS_URL={redis_url}"])
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["counters"]["documents"] == len(exported) + 1
    assert [(c["crawl_id"], c["workers"], c["queued"]) for c in report["crawls"]] == [("2", 0, 0)]
