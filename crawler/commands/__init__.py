"""Custom scrapy commands: `scrapy article URL` and `scrapy sources list|check`."""
