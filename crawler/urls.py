"""URL canonicalisation in one place: request fingerprints, the seen-store and records all use it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import safe_url_string

TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "yclid", "dclid", "msclkid", "_openstat", "igshid", "mc_cid", "mc_eid",
     "_ga", "_gl", "ref_src", "utm", "amp"}
)
TRACKING_PREFIXES = ("utm_", "ga_", "hsa_", "pk_", "mtm_")
DEFAULT_PORTS = {"http": 80, "https": 443}
MOBILE_HOST = re.compile(r"^(?:m|mobile|amp)\.(?=[^.]+\.[^.]+)")
AMP_PATH = re.compile(r"(?:/amp/?$|/amp(?=/)|\.amp(?=\.html?$|$)|^/amp(?=/))")


def _clean_query(query: str, extra: Iterable[str]) -> str:
    drop = TRACKING_PARAMS.union(extra)
    pairs = [
        (k, v)
        for k, v in parse_qsl(query, keep_blank_values=True)
        if k not in drop and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlencode(sorted(pairs), doseq=True)


def canonicalize(
    url: str,
    *,
    extra_params: Iterable[str] = (),
    trailing_slash_equivalent: bool = True,
    strip_mobile: bool = True,
) -> str:
    """Canonical form of `url`: https/http kept, host lower-cased, default port, fragment, tracking
    parameters and AMP/mobile variants removed, query sorted, trailing slash normalised when the
    source treats `/a` and `/a/` alike."""
    parts = urlsplit(safe_url_string(url.strip()))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if strip_mobile:
        host = MOBILE_HOST.sub("", host)
    netloc = host
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    path = AMP_PATH.sub("", parts.path) or "/"
    path = re.sub(r"/{2,}", "/", path)
    if trailing_slash_equivalent and len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit((scheme, netloc, path, _clean_query(parts.query, extra_params), ""))


def url_id(canonical_url: str) -> str:
    """Stable 16-hex-digit record id of a canonical URL (scheme-insensitive)."""
    key = canonical_url.split("://", 1)[-1]
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def host_of(url: str) -> str:
    """Lower-cased host without `www.` and mobile prefixes."""
    host = (urlsplit(url).hostname or "").lower()
    host = MOBILE_HOST.sub("", host)
    return host[4:] if host.startswith("www.") else host


def same_site(url: str, other: str) -> bool:
    """True when both URLs are on the same registrable-ish host (subdomains of one outlet count)."""
    a, b = host_of(url), host_of(other)
    return bool(a and b) and (a == b or a.endswith("." + b) or b.endswith("." + a))
