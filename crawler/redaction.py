"""Keep secrets given through the environment (tokens, passwords, proxy credentials) out of logs and manifests."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from typing import Any

# Environment variables whose values are secrets.
SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSW|API_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH|WEBHOOK", re.IGNORECASE)
PROXY_NAMES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")
# user:password@ in any URL.
URL_PASSWORD = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^/@\s:]*):(?P<password>[^/@\s]+)@", re.IGNORECASE)
MIN_SECRET_LENGTH = 6  # shorter values ("1", "true") would blot out ordinary text
MASK = "***"
_installed: list[str] = []


def secret_values(environ: Mapping[str, str] | None = None) -> list[str]:
    """Secret values in the environment: variables named like secrets, and passwords inside proxy URLs."""
    env = os.environ if environ is None else environ
    values = {v for k, v in env.items() if SECRET_NAME.search(k) and len(v) >= MIN_SECRET_LENGTH}
    for name in PROXY_NAMES:
        match = URL_PASSWORD.search(env.get(name, ""))
        if match and len(match["password"]) >= MIN_SECRET_LENGTH:
            values.add(match["password"])
    return sorted(values, key=len, reverse=True)  # longest first, so a secret containing another goes whole


def redact(text: str, secrets: list[str] | None = None) -> str:
    """`text` with every secret value and every URL password replaced by ***."""
    for secret in _installed if secrets is None else secrets:
        text = text.replace(secret, MASK)
    if "@" not in text:  # the common case, and no URL password without one
        return text
    return URL_PASSWORD.sub(lambda m: f"{m['scheme']}{m['user']}:{MASK}@", text)


def redact_data(value: Any, secrets: list[str] | None = None) -> Any:
    """A JSON-like structure with every string redacted."""
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, dict):
        return {k: redact_data(v, secrets) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_data(v, secrets) for v in value]
    return value


def _redact_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except (TypeError, ValueError):  # a malformed format string: the handler reports it as usual
        return
    clean = redact(message)
    if clean != message:
        record.msg, record.args = clean, ()
    if record.exc_info and not record.exc_text:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))


def install_log_redaction(environ: Mapping[str, str] | None = None) -> None:
    """Redact every log record from now on, whatever handler later formats it: a record factory, so Scrapy
    replacing its root handler (or logging 'Overridden settings') cannot bypass it. Idempotent."""
    _installed[:] = secret_values(environ)
    if getattr(logging.getLogRecordFactory(), "_news_redacting", False):
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _redact_record(record)
        return record

    factory._news_redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
