"""Scrapy settings for the Central Asia news crawler. Our own settings start with NEWS_ (see README)."""

import os

from crawler import __version__
from crawler.feeds import DEFAULT_FEED_URI
from crawler.items import article_fields

BOT_NAME = "central-asia-news"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# --- Our settings -----------------------------------------------------------------------------------
NEWS_CONTACT = "https://github.com/central-asia-news/crawler"  # put your URL or e-mail here for live crawls
NEWS_STATE_DIR = "state"  # seen URLs and fingerprints across runs (SQLite); empty = no cross-run dedupe
NEWS_SKIP_SEEN = True  # do not download article URLs an earlier run exported
NEWS_DUPLICATES_OUTPUT = "data/duplicates/%(day)s/%(run_id)s.jsonl"
NEWS_MIN_WORDS = 40  # shorter bodies are dropped as too_short
NEWS_RELEVANCE_THRESHOLD = None  # None = the calibrated default of crawler.geo
NEWS_DEMO_URL = None  # base URL of the served demo site (set by `python -m crawler.demo`)
NEWS_RUN_ID = None  # default: UTC start time
NEWS_STATS_DUMP = None  # write the final crawl stats as JSON to this path
NEWS_EXTRA_SOURCES = None  # import path of extra Source objects (or a callable of the settings); -a sources=extra
# Distributed crawling (issue 7): with REDIS_URL set, workers share the frontier and the dedupe state in Redis.
REDIS_URL = os.environ.get("REDIS_URL") or None  # set: many workers share one frontier and dedupe state
NEWS_STATE_REDIS_URL = None  # Redis of the dedupe state (default: REDIS_URL); set alone, only the state is shared
NEWS_STATE_REDIS_PREFIX = "news:state:"  # key prefix of the dedupe state (Redis Cluster: add a {hash tag})
NEWS_CRAWL_REDIS_PREFIX = "news:crawl:"  # key prefix of the per-crawl request queues and fingerprints
NEWS_CRAWL_ID = None  # join this crawl (same id on every worker of a scheduled run); None = automatic
NEWS_DISTRIBUTED_SPIDERS = ["news", "urls"]  # spiders that use the shared frontier when REDIS_URL is set
NEWS_WORKER_HEARTBEAT = 2.0  # seconds between a worker's heartbeats (and idle checks of the shared queue)
NEWS_WORKER_TIMEOUT = 120.0  # seconds without a heartbeat after which a worker counts as dead
NEWS_CRAWL_KEEP = 86400  # seconds a finished crawl's request fingerprints are kept (0 = dropped at its end)

# --- Politeness and safety ----------------------------------------------------------------------------
USER_AGENT = f"CentralAsiaNewsCrawler/{__version__} (+{NEWS_CONTACT})"
ROBOTSTXT_OBEY = True
ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_DELAY = 1.0
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 20
RETRY_TIMES = 2
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy 2.19's code-execution HTTP console: off, like telnet
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
REQUEST_FINGERPRINTER_CLASS = "crawler.fingerprint.CanonicalRequestFingerprinter"
# Fault tolerance (issue 6): SSRF guard, trap bounds, Retry-After, robots.txt per RFC 9309.
NEWS_ALLOWED_PRIVATE_HOSTS: list[str] = []  # host, host:port or CIDR allowed despite a private address
NEWS_MAX_URL_LENGTH = 2083  # longer URLs (requests and redirects) are refused as traps
NEWS_MAX_PATH_SEGMENTS = 20
NEWS_MAX_SEGMENT_REPEATS = 2  # a path segment seen a third time is a trap (/a/b/a/b/a/)
NEWS_CALENDAR_MIN_YEAR = 1991  # dated URLs (calendars, archives) before this year are refused
NEWS_CALENDAR_MAX_FUTURE_DAYS = 1  # ... and those dated later than today + this
NEWS_RETRY_AFTER_MAX = 300.0  # cap on a Retry-After pause of one download slot, seconds
NEWS_RETRY_AFTER_DEFAULT = 5.0  # pause after a 429 without Retry-After, seconds
NEWS_MAX_CRAWL_DELAY = 60.0  # cap on robots.txt Crawl-delay, seconds
NEWS_ROBOTS_UNREACHABLE = "disallow"  # robots.txt unreachable (network error): "disallow" (RFC 9309) or "allow"
TWISTED_DNS_RESOLVER = "crawler.middlewares.safety.GuardedResolver"
# Run reports (issue 6): manifest, progress, monitors (spidermon) and scheduled runs (python -m crawler.run).
NEWS_MANIFEST = "auto"  # run manifest path (FEEDS placeholders); "auto" = beside the first local feed; "" = none
NEWS_PROGRESS_INTERVAL = 60.0  # seconds between progress lines; 0 = only the summary table at the end
NEWS_MONITORS_ENABLED = True
NEWS_MONITOR_FIELD_COVERAGE = {"title": 0.99, "body": 0.95, "published_at": 0.90}  # minimum shares
NEWS_MONITOR_MIN_ARTICLES = 20  # judge field coverage only from this many extracted articles on
NEWS_MONITOR_MAX_ERROR_RATE = 0.2  # failed downloads + 5xx/403/408/429 per download, overall and per source
NEWS_MONITOR_MIN_DOWNLOADS = 10  # judge a source's error rate only from this many downloads on
NEWS_MONITOR_HISTORY = 5  # earlier runs whose manifests tell which sources normally yield records
NEWS_MANIFEST_HISTORY = None  # glob of earlier manifests; None = NEWS_MANIFEST with * for its placeholders
NEWS_JOURNAL = None  # item journal for crash recovery; set by `python -m crawler.run`, like the two below
NEWS_RUN_STARTED_AT = None  # ISO start time of a run resumed over several attempts
NEWS_RUN_ATTEMPT = 1

# --- JavaScript rendering (loaded only when a selected source declares render="browser" or "splash") ---
ADDONS = {"crawler.render.RenderAddon": 0, "crawler.distributed.DistributedAddon": 10}
NEWS_RENDER = "auto"  # auto = as each source declares; off = never; splash|browser = every rendering source that way
NEWS_CHROMIUM_PATH = "/usr/bin/chromium"  # "" = first chromium/chromium-browser/google-chrome on PATH
NEWS_RENDER_WAIT = 0.0  # seconds to let scripts run after the load event (Splash `wait`)
NEWS_RENDER_MAX_PAGES = 4  # browser pages open at once
NEWS_RENDER_BLOCK_RESOURCES = ["image", "media", "font"]
NEWS_MEMORY_TUNING = True  # crawler/extensions/memory.py: decoded bodies and selectors released early, malloc tuning
NEWS_MALLOC_ARENA_MAX = 2  # glibc malloc arenas (0 = glibc's default)
NEWS_MALLOC_TRIM_INTERVAL = 1.0  # seconds between malloc_trim(0) calls (0 = never)

# --- Pipelines, middlewares, extensions ---------------------------------------------------------------
ITEM_PIPELINES = {
    "crawler.pipelines.clean.CleanPipeline": 100,
    "crawler.pipelines.validate.ValidatePipeline": 200,
    "crawler.pipelines.tag.TagPipeline": 300,
    "crawler.pipelines.dedupe.DedupePipeline": 400,
}
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.safety.SafetyMiddleware": 10,
    "crawler.middlewares.seen.SeenArticlesMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.robots.RobotsMiddleware": 100,
    "crawler.middlewares.retry_after.RetryAfterMiddleware": 560,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "crawler.middlewares.compression.CompressionMiddleware": 590,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.metarefresh.MetaRefreshMiddleware": 580,
}
SPIDER_MIDDLEWARES = {"crawler.extensions.memory.ReleaseSelectors": 5}  # outermost: after every other one
EXTENSIONS = {
    "crawler.extensions.memory.MemoryTuning": 0,
    "crawler.extensions.duplicates.DuplicatesFeed": 500,
    "crawler.extensions.progress.Progress": 600,
    "crawler.extensions.statsdump.StatsDump": 900,
    "crawler.extensions.manifest.RunManifest": 950,
}
LOG_FORMATTER = "crawler.logformatter.NewsLogFormatter"

# --- Output -------------------------------------------------------------------------------------------
FEEDS = {
    DEFAULT_FEED_URI: {
        "format": "jsonlines",
        "encoding": "utf-8",
        "fields": list(article_fields()),
        "item_classes": ["crawler.items.Article"],
    }
}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(article_fields())
FEED_URI_PARAMS = "crawler.feeds.uri_params"
FEED_STORAGES = {"": "crawler.feeds.AtomicFileFeedStorage", "file": "crawler.feeds.AtomicFileFeedStorage"}
FEED_STORE_EMPTY = True
