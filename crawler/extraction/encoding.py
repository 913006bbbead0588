"""Decode page bytes to text without mojibake, even when the HTTP charset header lies."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from crawler.charsets import declared_encodings

PLAUSIBILITY_SAMPLE = 50_000  # characters
MIN_LETTERS = 40
PLAUSIBLE = 0.6
# A page that is UTF-8 but for a few stray bytes (a Latin-1 alt text pasted into a UTF-8 template, a title
# cut inside a character) has far more valid multi-byte characters than invalid sequences; a page in a
# legacy code page has next to none (cp1251 letters are not followed by UTF-8 continuation bytes).
# On the 27 corpus pages that are not valid UTF-8: 25 to 500 valid per invalid, against at most 0.3.
MOSTLY_UTF8 = 10  # valid multi-byte characters per invalid sequence
MIXED_UTF8_ERRORS = "crawler-mixed-utf8"
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _strict(body: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _stray_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a stray byte inside a word is a windows-1252 letter ("Mitgef\\xfchl" is
    "Mitgefühl"); elsewhere (a character cut at a length limit, "papieros\\xc3...") it is dropped."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    data, start, end = error.object, error.start, error.end
    text = bytes(data[start:end]).decode("cp1252", errors="ignore")

    def letter(i: int) -> bool:  # an ASCII letter, or a byte of a multi-byte character
        return 0 <= i < len(data) and (chr(data[i]).isalpha() or data[i] >= 0x80)

    return (text if text.isalpha() and letter(start - 1) and letter(end) else ""), end


codecs.register_error(MIXED_UTF8_ERRORS, _stray_bytes)


def _mostly_utf8(body: bytes) -> str | None:
    """The text of UTF-8 bytes with a few invalid sequences among many valid ones, stray bytes mended."""
    text = body.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - invalid
    if valid < MOSTLY_UTF8 * invalid:
        return None
    return body.decode("utf-8", errors=MIXED_UTF8_ERRORS)


def plausibility(text: str) -> float:
    """Share of lower-case letters among the non-ASCII letters of a sample: about 0.9 in real Cyrillic,
    Greek or accented Latin text, below 0.4 when single-byte text was decoded with the wrong code page
    (KOI8-R read as windows-1251 swaps the case of every letter). 1.0 when there is too little to judge."""
    letters = [c for c in text[:PLAUSIBILITY_SAMPLE] if c.isalpha() and not c.isascii()]
    if len(letters) < MIN_LETTERS:
        return 1.0
    return sum(1 for c in letters if c.islower()) / len(letters)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Text of an HTML page: BOM first; then UTF-8 when the bytes are valid UTF-8 (random 8-bit text
    practically never is, so a lying header cannot garble a UTF-8 page), or UTF-8 but for a few stray
    bytes; then the header and `<meta>` charsets the bytes decode under, and statistical detection, keeping
    the first whose letters look like text (single-byte code pages decode any bytes, so a wrong declaration
    gives mojibake, not errors)."""
    for bom, encoding in BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(encoding, errors="replace")
    text = _strict(body, "utf-8")
    if text is not None:
        return text
    if (text := _mostly_utf8(body)) is not None:
        return text
    decoded: list[tuple[float, str]] = []
    for encoding in declared_encodings(body, content_type):
        if encoding.replace("-", "").lower() in ("utf8", "ascii"):
            continue  # already known not to fit
        if (text := _strict(body, encoding)) is not None:
            if (score := plausibility(text)) >= PLAUSIBLE:
                return text
            decoded.append((score, text))
    best = from_bytes(body[:300_000]).best()
    if best is not None and (text := _strict(body, best.encoding)) is not None:
        if (score := plausibility(text)) >= PLAUSIBLE:
            return text
        decoded.append((score, text))
    if decoded:
        return max(decoded, key=lambda pair: pair[0])[1]
    return body.decode("cp1251", errors="replace")
