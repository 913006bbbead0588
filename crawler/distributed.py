"""Distributed crawling on scrapy-redis: with REDIS_URL set, every worker shares one frontier per crawl.

How a crawl works (crawler.crawl_membership): a worker joins the current crawl of its spider while
any worker of it is alive, else it starts the next one. The request queue and the request
dupefilter are per crawl (<NEWS_CRAWL_REDIS_PREFIX><spider>:<crawl id>:requests|dupefilter), so
every worker yields the same start requests and the shared dupefilter lets the first one through:
seeds are fetched once per crawl, and again by the next crawl, which finds new articles. Articles
are not fetched again across crawls: the seen-URL middleware and the dedupe pipeline use the global
Redis dedupe state (crawler.state.redis). NEWS_CRAWL_ID names the crawl explicitly instead (a
scheduler passing the same id to every worker of one run).

An idle worker never flushes anything: the scheduler is scrapy-redis' with SCHEDULER_PERSIST
forced, and it waits (DontCloseSpider) while another worker of the crawl is still busy, since that
one may yet queue requests. The last worker out of a finished crawl lets its request fingerprints
expire after NEWS_CRAWL_KEEP seconds; the dedupe state is cleared only by `scrapy state clear`.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import UTC, datetime
from typing import Any

import redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.settings import BaseSettings, Settings
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.misc import load_object
from scrapy_redis import connection
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from crawler.crawl_membership import CrawlMembership

logger = logging.getLogger(__name__)

DEFAULT_CRAWL_PREFIX = "news:crawl:"
DEFAULT_SPIDERS = ("news", "urls")
QUEUE_CLASS = "scrapy_redis.queue.PriorityQueue"
# A worker counts others as busy when they reported work within this many heartbeats; it covers
# a report delayed by a slow tick without letting a crashed worker hold the others for long.
BUSY_WINDOW_BEATS = 3


def distributed_settings() -> dict[str, Any]:
    """What DistributedAddon sets: scrapy-redis' scheduler and dupefilter in our subclasses."""
    return {
        "SCHEDULER": "crawler.distributed.SharedScheduler",
        "DUPEFILTER_CLASS": "crawler.distributed.SharedDupeFilter",
        # Never flush the shared queue when a worker closes (scrapy-redis' default flushes it and the
        # other workers then crawl everything again); SharedScheduler.close() does not flush either way.
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_FLUSH_ON_START": False,
        "SCHEDULER_QUEUE_CLASS": QUEUE_CLASS,
    }


class DistributedAddon:
    """`ADDONS = {"crawler.distributed.DistributedAddon": 10}`: does nothing unless REDIS_URL is set and the
    spider is one of NEWS_DISTRIBUTED_SPIDERS. REQUEST_FINGERPRINTER_CLASS is left alone: the shared
    dupefilter fingerprints with the crawler's (canonical URL) fingerprinter."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DistributedAddon:
        return cls(crawler)

    def update_settings(self, settings: Settings) -> None:
        if not settings.get("REDIS_URL"):
            return
        name = getattr(self.crawler.spider, "name", None)
        spiders = settings.getlist("NEWS_DISTRIBUTED_SPIDERS", list(DEFAULT_SPIDERS))
        if name not in spiders:
            return
        for key, value in distributed_settings().items():
            settings.set(key, value, priority="addon")
        if not settings.get("NEWS_RUN_ID"):
            # The default run id is the start second: workers started together on one machine would
            # write the same feed file. Host and pid keep each worker's output apart.
            started = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            # At the priority of the empty value it replaces (settings.py's None outranks add-ons).
            settings.set("NEWS_RUN_ID", f"{started}-{socket.gethostname()}-{os.getpid()}",
                         priority=settings.getpriority("NEWS_RUN_ID") or "addon")
        logger.info("Distributed crawl: scheduler queue and request dupefilter in Redis")


class SharedDupeFilter(RFPDupeFilter):
    """scrapy-redis' dupefilter, with the crawler's request fingerprints (canonical URLs, crawler.fingerprint)
    instead of its own, and never deleted on close: other workers still use it."""

    def __init__(self, server: redis.Redis, key: str, fingerprinter: Any, debug: bool = False) -> None:
        super().__init__(server, key, debug=debug)
        self.fingerprinter = fingerprinter

    @classmethod
    def from_spider(cls, spider: Spider) -> SharedDupeFilter:
        crawler = spider.crawler
        settings = crawler.settings
        key = settings.get("SCHEDULER_DUPEFILTER_KEY", "%(spider)s:dupefilter") % {"spider": spider.name}
        return cls(connection.from_settings(settings), key, crawler.request_fingerprinter,
                   debug=settings.getbool("DUPEFILTER_DEBUG"))

    def request_fingerprint(self, request: Request) -> str:
        return str(self.fingerprinter.fingerprint(request).hex())

    def close(self, reason: str = "") -> None:
        """Keep the fingerprints (RFPDupeFilter.close deletes them)."""


class SharedScheduler(Scheduler):
    """scrapy-redis' scheduler on per-crawl keys, with worker heartbeats and the idle rule above."""

    def __init__(self, server: redis.Redis, crawler: Crawler, **kwargs: Any) -> None:
        super().__init__(server, persist=True, **kwargs)
        self.crawler = crawler
        settings = crawler.settings
        self.prefix = settings.get("NEWS_CRAWL_REDIS_PREFIX") or DEFAULT_CRAWL_PREFIX
        self.crawl_id = settings.get("NEWS_CRAWL_ID") or None
        self.interval = settings.getfloat("NEWS_WORKER_HEARTBEAT", 2.0)
        self.timeout = settings.getfloat("NEWS_WORKER_TIMEOUT", 120.0)
        self.keep = settings.getint("NEWS_CRAWL_KEEP", 86400)
        self.stats = crawler.stats
        self.membership: CrawlMembership | None = None
        self._looping: Any = None
        self._superseded = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedScheduler:
        settings = crawler.settings
        server = connection.from_settings(settings)
        server.ping()  # fail at start when Redis is unreachable, not at the first request
        kwargs: dict[str, Any] = {"queue_cls": settings.get("SCHEDULER_QUEUE_CLASS") or QUEUE_CLASS}
        if settings.get("SCHEDULER_SERIALIZER"):
            kwargs["serializer"] = load_object(settings.get("SCHEDULER_SERIALIZER"))
        return cls(server, crawler, **kwargs)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        # Host and pid name the worker in logs; the suffix keeps containers that all run as pid 1 apart.
        worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.membership = CrawlMembership(self.server, self.prefix, spider.name, crawl_id=self.crawl_id,
                                          timeout=self.timeout, keep=self.keep, worker=worker)
        joined = self.membership.join()
        self.queue = load_object(self.queue_cls)(server=self.server, spider=spider,
                                                 key=self.membership.key("requests"), serializer=self.serializer)
        self.df = SharedDupeFilter(self.server, self.membership.key("dupefilter"), self.crawler.request_fingerprinter,
                                   debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"))
        how = "started" if joined.started else "joined"
        logger.info("Worker %s %s crawl %s of %r (%d requests queued%s)", worker, how, joined.crawl_id, spider.name,
                    len(self.queue), ", carried over from an interrupted crawl" if joined.carried_over else "")
        self.stats.set_value("news/distributed/crawl_id", joined.crawl_id)
        self.stats.set_value("news/distributed/started_crawl", joined.started)
        self.crawler.signals.connect(self._on_idle, signal=signals.spider_idle)
        self._looping = create_looping_call(self._heartbeat)
        self._looping.start(self.interval, now=False)

    def close(self, reason: str) -> None:
        """Leave the crawl; the queue and fingerprints stay for the other workers (never flushed here)."""
        if self._looping is not None and self._looping.running:
            self._looping.stop()
        membership = self.membership
        if membership is not None and membership.crawl_id is not None and membership.leave():
            logger.info("Crawl %s finished (last worker out)", self.membership.crawl_id)
        self.server.close()

    def enqueue_request(self, request: Request) -> bool:
        # As scrapy-redis', without the `spider` argument to the stats that Scrapy 2.19 deprecates.
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            self.stats.inc_value("dupefilter/filtered")
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        request = self.queue.pop(0)
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request  # type: ignore[no-any-return]

    def _engine_idle(self) -> bool:
        engine = self.crawler.engine
        try:
            return bool(engine is not None and engine.spider_is_idle())
        except RuntimeError:  # the engine slot is gone: the spider is closing
            return True

    def _heartbeat(self) -> None:
        assert self.membership is not None
        idle = self._engine_idle()
        try:
            current = self.membership.beat(busy=not idle)
        except redis.RedisError as exc:  # a missed beat is harmless; the next one retries
            logger.warning("Heartbeat to Redis failed: %s", exc)
            return
        if not current and not self._superseded:
            self._superseded = True
            logger.warning("Crawl %s was superseded: this worker missed heartbeats for %ss (NEWS_WORKER_TIMEOUT) "
                           "and another worker started a new crawl", self.membership.crawl_id, self.timeout)
        if idle:
            _wake(self.crawler)

    def _on_idle(self, spider: Spider) -> None:
        """Stay open while the shared queue holds requests or another worker may still add some."""
        assert self.membership is not None
        if len(self.queue) or self.membership.others_busy(self.interval * BUSY_WINDOW_BEATS):
            raise DontCloseSpider


def _wake(crawler: Crawler) -> None:
    """Make an idle engine look at the shared queue (or close) now, not at its next 5-second heartbeat.

    Scrapy has no public call for this; without the private slot the engine still polls every 5 s.
    """
    slot = getattr(crawler.engine, "_slot", None)
    nextcall = getattr(slot, "nextcall", None)
    if nextcall is not None:
        nextcall.schedule()


def redis_url(settings: BaseSettings) -> str | None:
    """The Redis of the shared frontier (scrapy-redis' REDIS_URL setting), or None."""
    return settings.get("REDIS_URL") or None
