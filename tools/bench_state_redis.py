"""Redis memory and check_and_add speed of the Redis dedupe state, measured on N synthetic documents.

Usage: .venv/bin/python tools/bench_state_redis.py [--n 100000] [--scale-buckets] [--url redis://...]

Documents go through RedisState.check_and_add_sketch (the crawl's path, not a bulk load) with random
MinHash signatures, as unrelated texts have. Without --url a throwaway redis-server (no persistence)
is started on a free loopback port. --scale-buckets sizes the band buckets to N as the default
sizes them to a million documents, so the per-document figure is the one a million would show.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from crawler.dedupe.fingerprint import NUM_PERM, Sketch  # noqa: E402
from crawler.state.redis import RedisState  # noqa: E402
from crawler.state.redis_layout import DEFAULT_BUCKETS, MAP_BUCKET_RATIO  # noqa: E402

PREFIX = "bench:"
CHUNK = 10_000
MILLION = 1_000_000


def synthetic(n: int, numbers: int, seed: int) -> Iterator[tuple[str, str, Sketch, str]]:
    """n unrelated documents: 16-hex record ids (as crawler.items makes them), random signatures and figures."""
    gen = np.random.default_rng(seed)
    for start in range(0, n, CHUNK):
        size = min(CHUNK, n - start)
        signatures = gen.integers(0, 2**32, size=(size, NUM_PERM), dtype=np.uint32)
        fingerprints = gen.integers(0, 256, size=(size, 16), dtype=np.uint8)
        figures = np.sort(gen.integers(0, 2**32, size=(size, numbers), dtype=np.uint32), axis=1)
        for row in range(size):
            number = start + row
            sk = Sketch(fingerprints[row].tobytes().hex(), signatures[row].tobytes(), 400, figures[row].tobytes())
            yield f"{number:016x}", f"https://bench.example/news/{number}.html", sk, "bench-source"


def start_server(directory: str) -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server not found: install it or pass --url")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                                "no", "--dir", directory], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(200):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    client.close()
    return process, url


def layout_estimate(numbers: int, record_id: int = 16, source: int = 12, bands: int = 32) -> dict[str, int]:
    """Bytes per document computed from the key layout (Redis 7, jemalloc, 64-bit), before measuring.

    docs hash entry: dictEntry 24 + field sds ~16 + value sds (blob + 3 header, rounded up by jemalloc);
    blob = 2 + id + 2 + source + 8 + 1 + 16 + 4 + 2 + 4 * numbers + 4 * 128 signature. Listpack entries
    (band, URL, record id, fingerprint buckets): field + value + ~2 bytes of lengths each; a band field is
    the 44-bit quotient (6 bytes), its value one document number (stored as an integer, ~4 bytes).
    """
    blob = 2 + record_id + 2 + source + 8 + 1 + 16 + 4 + 2 + 4 * numbers + 4 * NUM_PERM
    docs = 24 + 16 + _jemalloc(blob + 3)
    band_entry = 6 + 2 + 4 + 2
    map_entry = 12 + 2 + 4 + 2
    return {"blob": blob, "docs_entry": docs, "bands": bands * band_entry, "maps": 3 * map_entry,
            "total": docs + bands * band_entry + 3 * map_entry}


def _jemalloc(size: int) -> int:
    """jemalloc's size class for `size` bytes (4 classes per doubling above 128)."""
    if size <= 128:
        return -(-size // 16) * 16
    step = 1 << (size.bit_length() - 3)
    return -(-size // step) * step


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents to store")
    parser.add_argument("--numbers", type=int, default=16, help="figures sampled per document (max 64)")
    parser.add_argument("--scale-buckets", action="store_true", help="bucket fill of a million documents")
    parser.add_argument("--url", help="an existing Redis (keys under 'bench:' are deleted first)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    buckets = DEFAULT_BUCKETS
    if args.scale_buckets:
        buckets = max(MAP_BUCKET_RATIO, round(DEFAULT_BUCKETS * args.n / MILLION))

    directory = tempfile.mkdtemp(prefix="bench-redis-")
    process, url = (None, args.url) if args.url else start_server(directory)
    try:
        client = redis.Redis.from_url(url)
        for key in client.scan_iter(match=f"{PREFIX}*", count=1000):
            client.unlink(key)
        before = int(client.info("memory")["used_memory"])
        state = RedisState(client, prefix=PREFIX, buckets=buckets, check_server=False)
        latencies = []
        started = time.perf_counter()
        for record_id, url_, sk, source in synthetic(args.n, args.numbers, args.seed):
            t0 = time.perf_counter()
            state.check_and_add_sketch(record_id, url_, sk, source=source)
            latencies.append(time.perf_counter() - t0)
        seconds = time.perf_counter() - started
        memory = client.info("memory")
        used = int(memory["used_memory"]) - before
        stats = state.stats()
        encodings: dict[str, int] = {}
        for bucket in range(0, buckets, max(1, buckets // 200)):  # a sample of band buckets
            encoding = (client.object("encoding", f"{PREFIX}b:{bucket}") or b"none").decode()
            encodings[encoding] = encodings.get(encoding, 0) + 1
        result: dict[str, Any] = {
            "n": args.n, "buckets": buckets, "numbers_per_doc": args.numbers, "documents": stats["documents"],
            "seconds": round(seconds, 1), "checks_per_second": round(args.n / seconds),
            "median_ms": round(float(np.median(latencies)) * 1000, 3),
            "p99_ms": round(float(np.quantile(latencies, 0.99)) * 1000, 3),
            "used_memory_mib": round(used / 2**20, 1), "bytes_per_document": round(used / max(1, args.n)),
            "million_documents_gib": round(used / max(1, args.n) * MILLION / 2**30, 2),
            "rss_mib": round(int(memory["used_memory_rss"]) / 2**20, 1),
            "band_bucket_encodings": encodings, "layout_estimate": layout_estimate(args.numbers),
        }
        state.close()
    finally:
        if process is not None:
            process.terminate()
            process.wait()
        shutil.rmtree(directory, ignore_errors=True)
    print(json.dumps(result, indent=1))
    print(f"{args.n} documents: {result['bytes_per_document']} bytes each in Redis -> "
          f"{result['million_documents_gib']} GiB per million; {result['checks_per_second']} checks/s "
          f"(median {result['median_ms']} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
