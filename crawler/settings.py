"""Scrapy settings for the Central Asia news crawler. Our own settings start with NEWS_ (see README)."""

from crawler import __version__
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
TWISTED_DNS_RESOLVER = "crawler.middlewares.safety.GuardedResolver"

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
}
EXTENSIONS = {
    "crawler.extensions.duplicates.DuplicatesFeed": 500,
    "crawler.extensions.statsdump.StatsDump": 900,
}
LOG_FORMATTER = "crawler.logformatter.NewsLogFormatter"

# --- Output -------------------------------------------------------------------------------------------
FEEDS = {
    "data/articles/%(day)s/%(run_id)s.jsonl": {
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
