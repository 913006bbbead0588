"""The Splash HTTP API as tests/splash_server.py speaks it: arguments, their checks, errors and the argument cache."""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, urlsplit

RENDER_ENDPOINTS = ("render.html", "render.json")
LUA_ENDPOINTS = ("execute", "run")
DEFAULT_TIMEOUT = 30.0
SAVED_HEADER = "X-Splash-Saved-Arguments"
# Headers Chromium sets itself: forwarding Scrapy's would break content decoding or the connection.
DROPPED_HEADERS = frozenset({"accept-encoding", "connection", "content-length", "host", "cookie"})
BOOL_ARGS = ("images", "html", "http_status_from_error_code")
KNOWN_STATUSES = frozenset(status.value for status in HTTPStatus)


class SplashError(Exception):
    """An error answered in Splash's JSON shape."""

    def __init__(self, status: int, kind: str, description: str, info: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status, self.kind, self.description, self.info = status, kind, description, info or {}

    def body(self) -> dict[str, Any]:
        return {"error": self.status, "type": self.kind, "description": self.description, "info": self.info}


def bad_option(argument: str, description: str) -> SplashError:
    return SplashError(400, "BadOption", "Incorrect HTTP API arguments",
                       {"type": "bad_argument", "argument": argument, "description": description})


@dataclass
class Rendered:
    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)


def arg_key(value: Any) -> str:
    """The cache key of a saved argument value (Splash uses a SHA-1 of the value as well)."""
    return hashlib.sha1(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def as_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool) or value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value in ("0", "1"):
        return value == "1"
    raise bad_option(name, "must be 0 or 1")


def as_float(name: str, value: Any, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise bad_option(name, "must be a number") from None
    if not low <= number <= high:
        raise bad_option(name, f"must be between {low} and {high}")
    return number


def as_names(name: str, value: Any) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise bad_option(name, "must be a list of argument names")


class ArgumentCache:
    """Splash's `save_args` / `load_args`: values stored under their key, shared by all clients."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}
        self._lock = threading.Lock()

    def load(self, args: dict[str, Any]) -> None:
        load = args.pop("load_args", None)
        if load is None:
            return
        if isinstance(load, str):
            try:
                load = json.loads(load)
            except ValueError:
                raise bad_option("load_args", "must be a JSON object") from None
        if not isinstance(load, dict):
            raise bad_option("load_args", "must be a JSON object")
        with self._lock:
            expired = [name for name, key in load.items() if key not in self._values]
            if expired:
                raise SplashError(498, "ExpiredArguments", "Arguments stored with save_args are expired",
                                  {"expired": expired})
            for name, key in load.items():
                args[name] = self._values[key]

    def save(self, args: dict[str, Any]) -> dict[str, str]:
        names = as_names("save_args", args.pop("save_args", []))
        saved = {}
        with self._lock:
            for name in names:
                if name in args:
                    key = arg_key(args[name])
                    self._values[key] = args[name]
                    saved[name] = key
        return {SAVED_HEADER: ";".join(f"{k}={v}" for k, v in saved.items())} if saved else {}


def header_pairs(value: Any) -> list[tuple[Any, Any]]:
    if value is None:
        return []
    if isinstance(value, dict):
        return list(value.items())
    if isinstance(value, list) and all(isinstance(p, list | tuple) and len(p) == 2 for p in value):
        return [tuple(p) for p in value]
    raise bad_option("headers", "must be a JSON object or a list of [name, value] pairs")


def parse_args_of(method: str, query: str, content_type: str, body: bytes) -> dict[str, Any]:
    """Splash arguments from the query string (GET) or a JSON body (POST with Content-Type application/json)."""
    args: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    if method == "POST" and body:
        if "application/json" not in content_type:
            raise bad_option("body", "POST arguments must be JSON (Content-Type: application/json)")
        try:
            posted = json.loads(body)
        except ValueError:
            raise bad_option("body", "invalid JSON") from None
        if not isinstance(posted, dict):
            raise bad_option("body", "JSON body must be an object")
        args.update(posted)
    return args


def check_url(args: dict[str, Any]) -> None:
    url = args.get("url")
    if not isinstance(url, str) or not url:
        raise bad_option("url", "required argument is missing")
    if urlsplit(url).scheme not in ("http", "https", "data", "about"):
        raise bad_option("url", "unsupported URL scheme")
