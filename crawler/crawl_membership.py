"""Which shared crawl a worker belongs to: crawl ids, liveness heartbeats and the end of a crawl, in Redis."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import redis

# A crawl is a run of the shared frontier: its request queue and request dupefilter live under
# <prefix><spider>:<crawl id>:, so the next crawl fetches feeds, sitemaps and listings again while
# the dedupe state (crawler.state.redis) stays global. All times come from the Redis server's
# clock (TIME), so machines with skewed clocks agree.
_NOW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
"""

# Join the crawl named by ARGV[4], or (automatic mode, ARGV[4] == '') the current crawl while one
# of its workers is alive; otherwise start the next crawl. An interrupted crawl's queue (every
# worker died) is carried over into the new crawl, and its request fingerprints are dropped.
# KEYS: current, seq. ARGV: crawl key base, worker, timeout, explicit id, keep seconds.
# -> {crawl id, 'joined' | 'started', 1 when a queue was carried over else 0}
JOIN = _NOW + """
local base, worker, timeout, explicit, keep = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[5])
local function key(id, name) return base .. id .. ':' .. name end
local function enter(id, how, carried)
  redis.call('PERSIST', key(id, 'dupefilter'))  -- a finished crawl that is joined again is live again
  redis.call('ZADD', key(id, 'workers'), now, worker)
  return {id, how, carried}
end
if explicit ~= '' then return enter(explicit, 'joined', 0) end
local current = redis.call('GET', KEYS[1])
if current then
  redis.call('ZREMRANGEBYSCORE', key(current, 'workers'), '-inf', now - timeout)
  if redis.call('ZCARD', key(current, 'workers')) > 0 then return enter(current, 'joined', 0) end
end
local id = tostring(redis.call('INCR', KEYS[2]))
local carried = 0
if current then
  if redis.call('EXISTS', key(current, 'requests')) == 1 then
    redis.call('RENAME', key(current, 'requests'), key(id, 'requests'))
    carried = 1
  end
  if keep > 0 then redis.call('EXPIRE', key(current, 'dupefilter'), keep)
  else redis.call('DEL', key(current, 'dupefilter')) end
  redis.call('DEL', key(current, 'workers'), key(current, 'busy'))
end
redis.call('SET', KEYS[1], id)
return enter(id, 'started', carried)
"""

# KEYS: workers, busy, current. ARGV: worker, busy (0/1), automatic crawl id ('' = explicit id).
# -> 1 while this crawl is the current one (explicit ids are never superseded), 0 once superseded.
BEAT = _NOW + """
redis.call('ZADD', KEYS[1], now, ARGV[1])
if ARGV[2] == '1' then redis.call('ZADD', KEYS[2], now, ARGV[1]) else redis.call('ZREM', KEYS[2], ARGV[1]) end
if ARGV[3] ~= '' then
  local current = redis.call('GET', KEYS[3])
  if current and current ~= ARGV[3] then return 0 end
end
return 1
"""

# KEYS: busy. ARGV: worker, window seconds. -> how many other workers were busy within the window.
OTHERS_BUSY = _NOW + """
local count = 0
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], now - tonumber(ARGV[2]), '+inf')) do
  if member ~= ARGV[1] then count = count + 1 end
end
return count
"""

# The last live worker to leave a crawl whose queue is empty ends it: the crawl's request
# fingerprints expire after `keep` seconds (0: at once). The queue is never touched here.
# KEYS: workers, busy, requests, dupefilter. ARGV: worker, timeout, keep. -> 'finished' | 'left'
LEAVE = _NOW + """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) > 0 or redis.call('EXISTS', KEYS[3]) == 1 then return 'left' end
local keep = tonumber(ARGV[3])
if keep > 0 then redis.call('EXPIRE', KEYS[4], keep) else redis.call('DEL', KEYS[4]) end
redis.call('DEL', KEYS[2])
return 'finished'
"""


@dataclass(frozen=True)
class Joined:
    crawl_id: str
    started: bool  # this worker started a new crawl (else it joined a live one)
    carried_over: bool  # the new crawl took over the queue of an interrupted one


class CrawlMembership:
    """One worker's membership of a shared crawl of `spider` under `prefix`.

    timeout: seconds without a heartbeat after which a worker counts as dead. keep: seconds a
    finished crawl's request fingerprints are kept (0 = dropped when it ends).
    """

    def __init__(self, server: redis.Redis, prefix: str, spider: str, *, crawl_id: str | None = None,
                 timeout: float = 120.0, keep: int = 86400, worker: str | None = None) -> None:
        self.server = server
        self.base = f"{prefix}{spider}:"
        self.explicit = crawl_id or ""
        self.timeout = timeout
        self.keep = keep
        self.worker = worker or uuid.uuid4().hex[:12]
        self.crawl_id: str | None = crawl_id or None
        self._join = server.register_script(JOIN)
        self._beat = server.register_script(BEAT)
        self._others_busy = server.register_script(OTHERS_BUSY)
        self._leave = server.register_script(LEAVE)

    @property
    def current_key(self) -> str:
        return f"{self.base}current"

    def key(self, name: str) -> str:
        """Key of this crawl's `requests`, `dupefilter`, `workers` or `busy`."""
        if self.crawl_id is None:
            raise RuntimeError("join() first")
        return f"{self.base}{self.crawl_id}:{name}"

    def join(self) -> Joined:
        reply = self._join(keys=[self.current_key, f"{self.base}seq"],
                           args=[self.base, self.worker, self.timeout, self.explicit, self.keep])
        self.crawl_id = reply[0].decode()
        return Joined(self.crawl_id, reply[1] == b"started", bool(reply[2]))

    def beat(self, busy: bool) -> bool:
        """Record that this worker is alive (and busy or not); False once another crawl superseded this one."""
        automatic = "" if self.explicit else self.crawl_id
        reply = self._beat(keys=[self.key("workers"), self.key("busy"), self.current_key],
                           args=[self.worker, int(busy), automatic])
        return bool(reply)

    def others_busy(self, window: float) -> int:
        """How many other workers of this crawl reported work in progress within `window` seconds."""
        return int(self._others_busy(keys=[self.key("busy")], args=[self.worker, window]))

    def leave(self) -> bool:
        """Deregister; True when this worker ended the crawl (last one out, queue empty)."""
        reply = self._leave(keys=[self.key("workers"), self.key("busy"), self.key("requests"), self.key("dupefilter")],
                            args=[self.worker, self.timeout, self.keep])
        return bool(reply == b"finished")
