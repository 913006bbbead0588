"""Scrapy extensions: duplicates feed, run reports, monitors."""
