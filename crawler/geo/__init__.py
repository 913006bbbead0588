"""Central Asia gazetteer, place tagging and relevance scoring (see relevance.tag_text)."""

from crawler.geo.relevance import RELEVANCE_THRESHOLD_DEFAULT, GeoTags, tag_text

__all__ = ["RELEVANCE_THRESHOLD_DEFAULT", "GeoTags", "tag_text"]
