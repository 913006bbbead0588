"""Central Asia news crawler: Scrapy spiders, extraction, cleaning and dedupe of regional news."""

__version__ = "0.1.0"
