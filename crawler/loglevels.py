"""Library loggers held at the crawl's LOG_LEVEL, so that records nobody will see are not even built.

Scrapy filters by level in its root handler, not in the loggers: under LOG_LEVEL=INFO, trafilatura still
builds ~40 DEBUG records a page and charset-normalizer ~100 per detection (each also formatted by the
secrets redaction), ~2 ms a page that end up discarded. Raising these loggers to the same level drops
exactly the records the handler would have dropped."""

from __future__ import annotations

import logging

CHATTY_LIBRARIES = ("trafilatura", "charset_normalizer", "htmldate", "courlan", "justext", "readability")


def quiet_libraries(level: int | str) -> None:
    """Set the chatty libraries' loggers to `level` (a name or a number) unless they are stricter already."""
    number = logging.getLevelName(level) if isinstance(level, str) else level
    if not isinstance(number, int):
        return
    for name in CHATTY_LIBRARIES:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < number:
            logger.setLevel(number)
