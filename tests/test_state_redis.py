"""Redis dedupe state against a real redis-server: the SQLite backend's verdicts, atomic across processes."""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from scrapy.settings import Settings

from crawler.dedupe.near import DEFAULT_PARAMS
from crawler.state import DedupeState, SqliteState, StateMismatchError, Verdict, open_state, open_state_from_settings
from crawler.state.redis import RedisState, open_redis_state, warn_about_server
from tests.redis_server import redis_server_fixture, redis_url_fixture  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "dedupe"
TEXTS = ("article_en.txt", "article_ru.txt", "event_report_a.txt", "event_report_b.txt", "template_notes.txt")
BOILERPLATE = ("Subscribe to our channel for more news.", "Фото: пресс-служба", "Read also: the day in brief")


def text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def edited(body: str) -> str:
    lines = body.splitlines()
    return "Subscribe to our channel for more news.\n" + "\n".join(lines[:-1])


def variant(body: str, rng: random.Random) -> str:
    """A copy as republishers make them: words swapped, a paragraph dropped or boilerplate added."""
    words = body.split()
    for _ in range(max(1, len(words) // rng.choice((8, 15, 40)))):
        words[rng.randrange(len(words))] = rng.choice(("также", "also", "reportedly", "сообщает", "2024"))
    if rng.random() < 0.5:
        words = words[: int(len(words) * rng.uniform(0.6, 0.95))]
    return rng.choice(BOILERPLATE) + "\n" + " ".join(words)


def documents() -> list[str]:
    """The fixture texts, template notes one by one, and unrelated texts mixed from their vocabulary."""
    bodies = [text(name) for name in TEXTS]
    bodies += [p for p in text("template_notes.txt").split("\n\n") if p.strip()]
    vocabulary = sorted({w for body in bodies for w in body.split()})
    rng = random.Random(7)
    bodies += [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(30, 200))) for _ in range(25)]
    return bodies


def stream(seed: int) -> list[tuple[str, tuple[str, ...]]]:
    """A seeded mix of operations: new, edited, exact and short bodies, re-sent URLs and ids, forgets."""
    rng = random.Random(seed)
    bodies = documents()
    ops: list[tuple[str, tuple[str, ...]]] = []
    urls: list[str] = []
    for step in range(260):
        roll = rng.random()
        url = f"https://s{rng.randint(1, 4)}.example/{step}"
        if roll < 0.3:
            body = rng.choice(bodies)
        elif roll < 0.6:
            body = variant(rng.choice(bodies), rng)
        elif roll < 0.68:
            body = rng.choice(bodies).upper().replace(",", " ")
        elif roll < 0.72:
            body = rng.choice(("Video", "", "Photo gallery: the day in pictures"))
        elif roll < 0.8 and urls:
            url, body = rng.choice(urls), rng.choice(bodies)  # the same URL re-sent
        elif roll < 0.85 and ops:
            ops.append(("same_id", (rng.choice([o[1][0] for o in ops if o[0] == "add"]), url, rng.choice(bodies))))
            continue
        elif urls:
            ops.append(("forget", (rng.choice(urls),)))
            continue
        else:
            body = rng.choice(bodies)
        urls.append(url)
        ops.append(("add", (f"id-{step}", url, body)))
    return ops


def apply(state: DedupeState, ops: list[tuple[str, tuple[str, ...]]]) -> list[object]:
    results: list[object] = []
    for kind, args in ops:
        if kind == "forget":
            state.forget_url(args[0])
            results.append(("forget", state.seen_url(args[0])))
        else:
            record_id, url, body = args
            verdict = state.check_and_add(record_id, url, body, source="s")
            results.append((verdict, state.seen_url(url), state.fingerprint_of_url(url)))
    return results


def test_is_a_dedupe_state(redis_url: str) -> None:
    with open_redis_state(redis_url) as state:
        assert isinstance(state, DedupeState)


def test_verdict_kinds_and_kept_ids(redis_url: str) -> None:
    article = text("article_en.txt")
    with open_redis_state(redis_url) as state:
        assert state.check_and_add("first", "https://a.example/1", article) == Verdict("new", None, None)
        assert state.check_and_add("again", "https://a.example/1", "whatever") == Verdict("url", "first", 1.0)
        shouted = article.upper().replace(",", " ")
        assert state.check_and_add("loud", "https://b.example/2", shouted) == Verdict("exact", "first", 1.0)
        near = state.check_and_add("copy", "https://c.example/3", edited(article))
        assert near.kind == "near" and near.kept_id == "first"
        assert near.similarity is not None and 0.5 < near.similarity < 1.0
        assert state.check_and_add("other", "https://d.example/4", text("article_ru.txt")).kind == "new"
        assert state.check_and_add("other", "https://d.example/amp/4", "x") == Verdict("url", "other", 1.0)
        assert state.seen_url("https://c.example/3") == "first"
        assert state.seen_url("https://d.example/amp/4") == "other"
        assert state.seen_url("https://nowhere.example/") is None
        stats = state.stats()
    assert stats == {"documents": 2, "urls": 5, "checks": 6, "new": 2, "url": 2, "exact": 1, "near": 1,
                     "candidates": stats["candidates"]}
    assert stats["candidates"] >= 1


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_verdicts_as_sqlite(redis_url: str, tmp_path: Path, seed: int) -> None:
    ops = stream(seed)
    with open_state(tmp_path / str(seed)) as sqlite_state, open_redis_state(redis_url, prefix=f"p{seed}:") as state:
        expected = apply(sqlite_state, ops)
        got = apply(state, ops)
        assert got == expected
        assert state.stats() == sqlite_state.stats()
    kinds = {result[0].kind for result in expected if isinstance(result[0], Verdict)}
    assert kinds == {"new", "url", "exact", "near"}  # the stream exercises every verdict
    assert sum(1 for kind, _ in ops if kind == "forget") >= 5


def test_forget_url_allows_a_refresh(redis_url: str) -> None:
    article = text("article_en.txt")
    with open_redis_state(redis_url) as state:
        state.check_and_add("v1", "https://a.example/1", article)
        state.check_and_add("dup", "https://b.example/2", article)
        state.forget_url("https://a.example/1")
        assert state.seen_url("https://a.example/1") is None
        assert state.seen_url("https://b.example/2") is None  # its record is gone
        assert state.check_and_add("v2", "https://a.example/1", edited(article)).kind == "new"
        assert state.check_and_add("dup2", "https://b.example/2", article).kind == "near"
        state.forget_url("https://b.example/2")  # an alias: the kept record stays
        assert state.seen_url("https://a.example/1") == "v2"
        state.forget_url("https://never.example/")
        assert state.stats()["documents"] == 1
        state.forget_url("https://a.example/1")
        # Nothing of the forgotten documents is left: no band entry, fingerprint or record id.
        client = state.client
        leftovers = [k for k in client.scan_iter(match="news:state:*") if k.split(b":")[2] in (b"b", b"f", b"r", b"u")]
        assert leftovers == []
        assert client.hlen(state.layout.docs) == 0


def test_persists_across_reopen_and_isolates_prefixes(redis_url: str) -> None:
    article = text("article_en.txt")
    with open_redis_state(redis_url) as state:
        state.check_and_add("first", "https://a.example/1", article, source="a")
    with open_redis_state(redis_url) as state, open_redis_state(redis_url, prefix="other:") as other:
        assert state.seen_url("https://a.example/1") == "first"
        assert other.seen_url("https://a.example/1") is None
        verdict = state.check_and_add("y", "https://c.example/3", edited(article))
        assert (verdict.kind, verdict.kept_id) == ("near", "first")
        assert other.check_and_add("y", "https://c.example/3", edited(article)).kind == "new"
        doc = state.stored_doc_of_url("https://a.example/1")
        assert (doc.record_id, doc.source) == ("first", "a")


def test_refuses_other_settings(redis_url: str) -> None:
    open_redis_state(redis_url).close()
    with pytest.raises(StateMismatchError, match="near"):
        open_redis_state(redis_url, params=dataclasses.replace(DEFAULT_PARAMS, bands=16))
    with pytest.raises(StateMismatchError, match="buckets"):
        open_redis_state(redis_url, buckets=1024)
    # Decision thresholds do not change what is stored: they may be tuned on an existing state.
    open_redis_state(redis_url, params=dataclasses.replace(DEFAULT_PARAMS, min_jaccard=0.5)).close()


def test_a_store_between_read_and_script_is_not_missed(redis_url: str) -> None:
    """Optimistic concurrency: another worker stores a near copy after this one read the bands."""
    article = text("article_en.txt")
    with open_redis_state(redis_url) as mine, open_redis_state(redis_url) as rival:
        original = mine._near
        raced: list[Verdict] = []

        def racing_near(sk, band_values):  # type: ignore[no-untyped-def]
            if not raced:
                raced.append(rival.check_and_add("rival", "https://r.example/1", article))
            return original(sk, band_values)

        mine._near = racing_near  # type: ignore[method-assign]
        verdict = mine.check_and_add("mine", "https://m.example/1", edited(article))
        assert raced == [Verdict("new", None, None)]
        assert (verdict.kind, verdict.kept_id) == ("near", "rival")
        assert mine.stats()["documents"] == 1


def test_buckets_stay_compact(redis_url: str) -> None:
    with open_redis_state(redis_url, buckets=64) as state:
        for number in range(40):
            state.check_and_add(f"id{number}", f"https://x.example/{number}", " ".join(
                f"w{number}x{j}" for j in range(60)))
        encodings = {state.client.object("encoding", f"news:state:b:{b}") for b in range(64)}
        assert encodings == {b"listpack"}  # 40 x 32 band entries in 64 packed hashes
        assert state.client.object("encoding", "news:state:u:0") == b"listpack"


CHILD = """
import sys
sys.path.insert(0, sys.argv[2])
import redis
from crawler.state.redis import open_redis_state
state = open_redis_state(sys.argv[1], check_server=False)
worker = sys.argv[3]
bodies = [line for line in sys.stdin.read().split("\\0")]
redis.Redis.from_url(sys.argv[1]).blpop(["go"], timeout=30)  # start together
for number, body in enumerate(bodies):
    verdict = state.check_and_add(f"{worker}-{number}", f"https://{worker}.example/{number}", body)
    print(number, verdict.kind, flush=True)
"""


def test_concurrent_processes_store_one_copy_per_story(redis_url: str) -> None:
    """Four processes send their own edited copies of the same 40 stories at the same time."""
    stories = [" ".join(f"s{story}w{j}" for j in range(120)) for story in range(40)]
    children = []
    for worker in range(4):
        # Mild, pairwise near copies (another lead line, a few words cut): one story, whoever comes first.
        copies = [f"{BOILERPLATE[worker % 3]} ({worker})\n" + " ".join(story.split()[: 120 - 3 * worker])
                  for story in stories]
        child = subprocess.Popen([sys.executable, "-c", CHILD, redis_url, str(ROOT), f"w{worker}"],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert child.stdin is not None
        child.stdin.write("\0".join(copies))
        child.stdin.close()
        children.append(child)
    client = redis.Redis.from_url(redis_url)
    try:
        client.rpush("go", *["go"] * len(children))
    finally:
        client.close()
    kinds: dict[int, list[str]] = {}
    for child in children:
        assert child.stdout is not None
        out = child.stdout.read()
        child.stdout.close()
        assert child.wait(timeout=60) == 0
        for line in out.splitlines():
            number, kind = line.split()
            kinds.setdefault(int(number), []).append(kind)
    assert sorted(kinds) == list(range(40))
    for number, verdicts in kinds.items():
        assert sorted(verdicts) == ["near", "near", "near", "new"], number


def test_warns_about_servers_that_can_lose_the_state(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    try:
        # The test server runs with --save '' --appendonly no.
        assert any("restart loses the state" in p for p in warn_about_server(client))
        client.config_set("appendonly", "yes")
        client.config_set("maxmemory", "1gb")
        client.config_set("maxmemory-policy", "allkeys-lru")
        assert [p for p in warn_about_server(client)] == [
            "maxmemory-policy allkeys-lru may evict keys of the state (use noeviction)"]
    finally:
        client.config_set("maxmemory-policy", "noeviction")
        client.config_set("maxmemory", "0")
        client.config_set("appendonly", "no")
        client.close()


def test_factory_chooses_the_backend(redis_url: str, tmp_path: Path) -> None:
    for settings in ({"NEWS_STATE_REDIS_URL": redis_url}, {"REDIS_URL": redis_url}):
        state = open_state_from_settings(Settings({"NEWS_STATE_DIR": str(tmp_path), **settings}))
        try:
            assert isinstance(state, RedisState)
        finally:
            state.close()
    state = open_state_from_settings(Settings({"NEWS_STATE_DIR": str(tmp_path)}))
    try:
        assert isinstance(state, SqliteState)
    finally:
        state.close()
    with pytest.raises(ValueError):
        open_state_from_settings(Settings({"NEWS_STATE_DIR": ""}))
    prefixed = open_state_from_settings(Settings({"REDIS_URL": redis_url, "NEWS_STATE_REDIS_PREFIX": "x:"}))
    try:
        assert isinstance(prefixed, RedisState) and prefixed.layout.prefix == "x:"
    finally:
        prefixed.close()
