"""Unicode and whitespace normalisation of extracted text, and the Uzbek Latin oʻ/gʻ and tutuq belgisi."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from crawler.text.lookalikes import one_script_words

# A character reference with its semicolon. Bare legacy forms ("&copy" in "a=1&copy=2") are left alone:
# in article text they are far more often literal ampersands than entities.
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# What each odd character becomes, in one table: line breaks in all their forms (CR is handled first,
# with CR LF), U+2029 PARAGRAPH SEPARATOR a paragraph break, tab and every Unicode space separator (Zs)
# a space; deleted are the control characters (Cc) other than the line feed, and invisible format
# characters (Cf, default-ignorable) that carry nothing in extracted text: soft hyphen, combining grapheme
# joiner, Arabic letter mark, Mongolian vowel separator, ZWSP, LRM/RLM, bidi embeddings and isolates, word
# joiner and invisible operators, BOM/ZWNBSP, interlinear annotation, shorthand and musical format
# controls, the language tag. Cf characters kept on purpose: the visible prepended marks (U+0600-0605,
# 06DD, 070F, 0890-0891, 08E2, 110BD, 110CD), Egyptian hieroglyph format controls and the tag characters
# of emoji flag sequences (U+E0020-E007F).
LINE_BREAKS = "\x0b\x0c\x85\u2028"
PARAGRAPH_SEPARATOR = "\u2029"
SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
CONTROLS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)]))
FORMATS = (
    "\u00ad\u034f\u061c\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff\ufff9\ufffa\ufffb"
    "\U0001bca0\U0001bca1\U0001bca2\U0001bca3\U0001d173\U0001d174\U0001d175\U0001d176\U0001d177"
    "\U0001d178\U0001d179\U0001d17a\U000e0001"
)
REPLACEMENTS: dict[str, str] = {
    **dict.fromkeys(LINE_BREAKS, "\n"),
    PARAGRAPH_SEPARATOR: "\n\n",
    **dict.fromkeys(SPACES, " "),
    **dict.fromkeys(CONTROLS + FORMATS, ""),
}


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class of `chars` written as ranges: sre scans a few ranges much faster than a
    long list of single characters."""
    points = sorted(map(ord, chars))
    runs: list[list[int]] = []
    for point in points:
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return "[" + "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in runs) + "]"


# The one character to replace that str.isprintable accepts (a combining mark, Mn).
PRINTABLE_ODD = "\u034f"
ASCII_ODD = re.compile(_char_class(c for c in REPLACEMENTS if c.isascii()))
NON_ASCII_ODD = re.compile(_char_class(c for c in REPLACEMENTS if not c.isascii()))
# ZWNJ and ZWJ change spelling only between Arabic-script letters (Persian, Tajik in Perso-Arabic script,
# Uyghur), between Indic letters, and inside emoji sequences; our Cyrillic and Latin text never needs them,
# where they are copy-paste debris, so they are dropped unless both neighbours are such characters.
JOINERS = ("\u200c", "\u200d")
JOINER_CONTEXT = (
    "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"  # Arabic script
    "\u0900-\u0dff"  # Indic scripts
    "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"  # emoji and emoji presentation selector
)
STRAY_JOINER = re.compile(f"(?<![{JOINER_CONTEXT}])[\u200c\u200d]|[\u200c\u200d](?![{JOINER_CONTEXT}])")
# U+FFFD in a page's own text is damage done before we saw it (a dash, a no-break space or an accented
# letter lost to a wrong conversion at the publisher): a space, which separates words where a dash or a
# space was lost and splits one where a letter was, rather than gluing every such pair of words together.
REPLACEMENT_CHARACTER = "\ufffd"
BLANK_LINES = re.compile("\n{3,}")
PARAGRAPH_BREAK = "\n\n"

# Uzbek Latin: the letters oʻ gʻ take U+02BB (MODIFIER LETTER TURNED COMMA); the tutuq belgisi (maʼno,
# taʼlim) takes U+02BC (MODIFIER LETTER APOSTROPHE). These are what people type instead (U+00B4 too).
OKINA = "\u02bb"
TUTUQ = "\u02bc"
APOSTROPHE_VARIANTS = "\u02bb\u2018'`\u02bc\u2019\u00b4"
APOSTROPHE_OR_BREAK = re.compile(f"[{APOSTROPHE_VARIANTS}]|\n")
OKINA_BASES = frozenset("oOgG")
# No Uzbek word ends in oʻ, while many end in gʻ (togʻ, bogʻ, ulugʻ): only g takes a word-final one.
FINAL_OKINA_BASES = frozenset("gG")


def _decode_entities(text: str) -> str:
    # Twice, for the double-escaped leftovers of feeds and CMS exports ("&amp;nbsp;" -> "&nbsp;" -> U+00A0).
    for _ in range(2):
        decoded = ENTITY.sub(lambda match: html.unescape(match.group()), text)
        if decoded == text:
            break
        text = decoded
    return text


def _replacement(match: re.Match[str]) -> str:
    return REPLACEMENTS[match.group()]


def normalize_text(text: str) -> str:
    """Text in NFC with entities decoded, invisible and control characters removed, U+FFFD a space, words
    mixing Latin and Cyrillic lookalikes in one script, every space ' ', line breaks as '\\n', no spaces at
    line edges, and paragraphs separated by exactly one blank line.

    Single line breaks inside a paragraph (the source's <br>) are kept; leading and trailing blank
    lines are dropped."""
    # Each step runs only when a cheap test says it has work: most text is already clean.
    if "&" in text:
        text = _decode_entities(text)
    if REPLACEMENT_CHARACTER in text:
        text = text.replace(REPLACEMENT_CHARACTER, " ")
    if not text.isascii():
        text = one_script_words(text)
    if text.isprintable() and PRINTABLE_ODD not in text:
        # No control, format or odd space character, so no line break either (str.isprintable is one C
        # loop, the character-class scans below are ~10x slower): only NFC and repeated spaces are left.
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        while "  " in text:
            text = text.replace("  ", " ")
        return text.strip(" ")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ASCII_ODD.sub(_replacement, text)
    if not text.isascii():
        text = NON_ASCII_ODD.sub(_replacement, text)
        if JOINERS[0] in text or JOINERS[1] in text:
            text = STRAY_JOINER.sub("", text)
        # After the removals, so that a mark separated from its base by a removed character composes too.
        text = unicodedata.normalize("NFC", text)
    # str.replace and str.strip run in C, which beats a regex scan stopping at every space.
    while "  " in text:
        text = text.replace("  ", " ")
    if " \n" in text or "\n " in text:
        text = "\n".join(line.strip(" ") for line in text.split("\n"))
    if "\n\n\n" in text:
        text = BLANK_LINES.sub(PARAGRAPH_BREAK, text)
    return text.strip(" \n")


def normalize_line(text: str) -> str:
    """normalize_text with every line break a space: the text on one line, single-spaced."""
    text = normalize_text(text)
    # normalize_text leaves no space but " " and "\n", none doubled and none at the ends
    return " ".join(text.split()) if "\n" in text else text


def normalize_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """Each paragraph normalised; empty ones dropped, and one holding a blank line split in two."""
    found: list[str] = []
    for paragraph in paragraphs:
        found.extend(part for part in normalize_text(paragraph).split(PARAGRAPH_BREAK) if part)
    return found


def normalize_uzbek_apostrophes(text: str) -> str:
    """Uzbek Latin text with oʻ/gʻ written with U+02BB and the tutuq belgisi with U+02BC.

    Any of ʻ ‘ ' ` ʼ ’ ´ between two letters becomes U+02BB after o/g (Oʻzbekiston, togʻli) and U+02BC
    elsewhere (maʼno, taʼlim). After a word-final g it becomes U+02BB (togʻ, bogʻ) unless it closes a
    single quotation opened earlier in the paragraph, or is itself followed by a quote mark (‘Bogʻ’).
    Quote marks that open or close quotations are left as they are. Apply to Uzbek Latin text only:
    the caller decides."""
    pieces: list[str] = []
    last = 0
    quote_open = False
    for match in APOSTROPHE_OR_BREAK.finditer(text):
        at = match.start()
        if match.group() == "\n":
            quote_open = False
            continue
        before = text[at - 1] if at else ""
        after = text[at + 1] if at + 1 < len(text) else ""
        # A mark right after a gʻ just written is a closing quote, as after any letter.
        letter_before = before.isalpha() or (at == last and last > 0 and pieces[-1] == OKINA)
        letter_after = after.isalpha()
        if letter_before and letter_after:
            replacement = OKINA if before in OKINA_BASES else TUTUQ
        elif letter_before:  # word-final: a closing quote, or the letter gʻ ending a word
            if before in FINAL_OKINA_BASES and after and after in APOSTROPHE_VARIANTS:
                replacement = OKINA  # gʻ, then the quotation's closing mark
            elif quote_open or before not in FINAL_OKINA_BASES:
                quote_open = False
                continue
            else:
                replacement = OKINA
        else:
            quote_open = quote_open or letter_after  # an opening quote (word-initial)
            continue
        pieces.append(text[last:at])
        pieces.append(replacement)
        last = at + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
