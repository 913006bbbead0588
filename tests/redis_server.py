"""A real, throwaway redis-server on a free loopback port for the tests (no persistence, no network).

Test modules import the fixtures: `from tests.redis_server import redis_server_fixture, redis_url_fixture`.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
import redis

STARTUP_TIMEOUT = 10.0  # seconds until the server must answer PING
PORT_ATTEMPTS = 5  # another process may take the free port between our probe and redis-server's bind


@dataclass(frozen=True)
class RedisServer:
    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(server: RedisServer) -> bool:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    client = server.client()
    try:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                return False
            try:
                if client.ping():
                    return True
            except redis.ConnectionError:
                time.sleep(0.05)
        return False
    finally:
        client.close()


@contextmanager
def run_redis_server(binary: str) -> Iterator[RedisServer]:
    """redis-server bound to 127.0.0.1 only, RDB and AOF off, its files in a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="redis-test-") as directory:
        for _ in range(PORT_ATTEMPTS):
            port = _free_port()
            process = subprocess.Popen(
                [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", directory, "--protected-mode", "yes", "--loglevel", "warning"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            server = RedisServer(port, process)
            if _wait_ready(server):
                break
            process.kill()
            process.wait()
        else:
            raise RuntimeError(f"redis-server did not start on a free port in {PORT_ATTEMPTS} attempts")
        try:
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="session", name="redis_server")
def redis_server_fixture() -> Iterator[RedisServer]:
    """One server for the session; tests isolate themselves with `redis_url` (a flushed database)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server; CI installs it)")
    with run_redis_server(binary) as server:
        yield server


@pytest.fixture(name="redis_url")
def redis_url_fixture(redis_server: RedisServer) -> Iterator[str]:
    """The session server's URL, its database emptied before and after the test."""
    client = redis_server.client()
    try:
        client.flushdb()
        yield redis_server.url
        client.flushdb()
    finally:
        client.close()
