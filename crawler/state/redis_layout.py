"""Key layout and binary encodings of the Redis dedupe state (what the Lua scripts read and write)."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

from crawler.dedupe.fingerprint import Sketch

# Band keys go into this many hash buckets, the URL, record-id and fingerprint maps into
# buckets // MAP_BUCKET_RATIO each. Small hashes (<= 128 fields of <= 64 bytes, Redis'
# hash-max-listpack-* defaults) are stored as one packed listpack: ~15 bytes per band entry
# instead of ~90 for a top-level key or a big hash's field. 2**19 buckets keep the average
# bucket at ~61 band entries at a million documents (Poisson: almost none pass 128).
DEFAULT_BUCKETS = 2**19
MAP_BUCKET_RATIO = 16
# URLs and record ids are stored as 128-bit BLAKE2b digests: 32 bits pick the bucket and the
# other 96 are the field, so two of a billion URLs collide with probability ~1e-11.
DIGEST_SIZE = 16
BUCKET_BYTES = 4

_U16 = struct.Struct(">H")
_TAIL = struct.Struct(">dB16sIH")  # added_at, has_fingerprint, fingerprint, shingles, numbers length


@dataclass(frozen=True)
class Slot:
    """One entry of a bucketed map: the Redis hash key and the field inside it."""

    key: str
    field: bytes


@dataclass(frozen=True)
class StoredDoc:
    """A document blob decoded (the `docs` hash holds one per document number)."""

    record_id: str
    source: str | None
    added_at: float
    fingerprint: str | None
    sketch: Sketch


class Layout:
    """Names every key of one state under a prefix; every key the scripts touch is computed here."""

    def __init__(self, prefix: str, buckets: int = DEFAULT_BUCKETS) -> None:
        if buckets < 1:
            raise ValueError("buckets must be positive")
        self.prefix = prefix
        self.buckets = buckets
        self.map_buckets = max(1, buckets // MAP_BUCKET_RATIO)
        self.meta = f"{prefix}meta"
        self.stats = f"{prefix}stats"
        self.seq = f"{prefix}seq"
        self.docs = f"{prefix}docs"

    def url(self, canonical_url: str) -> Slot:
        return self._digest_slot("u", _digest(canonical_url))

    def record(self, record_id: str) -> Slot:
        return self._digest_slot("r", _digest(record_id))

    def fingerprint(self, hex_fingerprint: str) -> Slot:
        # Body fingerprints are already uniform 128-bit digests (BLAKE2b): split them as they are.
        return self._digest_slot("f", bytes.fromhex(hex_fingerprint))

    def band(self, key: int) -> Slot:
        """Slot of a 63-bit LSH band key: the bucket is key mod buckets, the field the quotient's bytes."""
        quotient = key // self.buckets
        return Slot(f"{self.prefix}b:{key % self.buckets}", quotient.to_bytes(max(1, (quotient.bit_length() + 7) // 8)))

    def patterns(self) -> list[str]:
        """SCAN patterns matching every key of this state (for clearing it)."""
        return [f"{_glob_escape(self.prefix)}*"]

    def _digest_slot(self, kind: str, digest: bytes) -> Slot:
        bucket = int.from_bytes(digest[:BUCKET_BYTES]) % self.map_buckets
        return Slot(f"{self.prefix}{kind}:{bucket}", digest[BUCKET_BYTES:])


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=DIGEST_SIZE).digest()


def _glob_escape(text: str) -> str:
    return "".join(f"\\{c}" if c in "*?[]\\" else c for c in text)


def encode_doc(record_id: str, source: str | None, added_at: float, sketch: Sketch, has_fingerprint: bool) -> bytes:
    """The document blob. It starts with the length-prefixed record id: the Lua scripts read only that."""
    rid = record_id.encode("utf-8")
    src = (source or "").encode("utf-8")
    if len(rid) > 0xFFFF or len(src) > 0xFFFF:
        raise ValueError("record id and source must be shorter than 64 KiB")
    fingerprint = bytes.fromhex(sketch.fingerprint) if has_fingerprint else bytes(16)
    return b"".join((
        _U16.pack(len(rid)), rid, _U16.pack(len(src)), src,
        _TAIL.pack(added_at, int(has_fingerprint), fingerprint, sketch.shingles, len(sketch.numbers)),
        sketch.numbers, sketch.signature,
    ))


def decode_doc(blob: bytes) -> StoredDoc:
    """Inverse of encode_doc."""
    (rid_len,) = _U16.unpack_from(blob, 0)
    offset = _U16.size + rid_len
    record_id = blob[_U16.size:offset].decode("utf-8")
    (src_len,) = _U16.unpack_from(blob, offset)
    offset += _U16.size
    source = blob[offset:offset + src_len].decode("utf-8") or None
    offset += src_len
    added_at, has_fingerprint, fingerprint, shingles, numbers_len = _TAIL.unpack_from(blob, offset)
    offset += _TAIL.size
    numbers = blob[offset:offset + numbers_len]
    signature = blob[offset + numbers_len:]
    hex_fingerprint = fingerprint.hex() if has_fingerprint else None
    sketch = Sketch(hex_fingerprint or "", bytes(signature), shingles, bytes(numbers))
    return StoredDoc(record_id, source, added_at, hex_fingerprint, sketch)
