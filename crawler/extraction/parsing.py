"""HTML text to an lxml tree, tolerant of what real pages carry."""

from __future__ import annotations

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

# Control characters (NUL included), which libxml2 would turn into U+FFFD, deleted from the UTF-8 bytes: the
# parser reads UTF-8 natively (a str is handed over as UCS-2/4 and converted), and bytes.translate is a
# fraction of what a regex pass over the str cost (together ~0.6 ms less per page, the same trees).
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
NONCHARACTERS = ("\ufffe", "\uffff")
PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False,
                              encoding="utf-8")  # given: a <meta charset> or XML declaration is not obeyed
# Every element of the tree is an HtmlElement, chosen in C: lxml.html's own lookup is a Python call for each
# element proxy made (4% of the extraction time) to give <form>, <input>, <select>, ... classes of their own
# whose form helpers nothing here uses.
PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity))


def parse_html(text: str) -> HtmlElement:
    """A tolerant lxml tree; control characters (NUL included), noncharacters, lone surrogates and XML
    declarations removed first."""
    if text.lstrip()[:5].lower() == "<?xml":
        text = text.split("?>", 1)[-1]
    for noncharacter in NONCHARACTERS:
        if noncharacter in text:
            text = text.replace(noncharacter, "")
    data = text.encode("utf-8", "ignore").translate(None, CONTROL_BYTES)
    try:
        doc = lxml.html.document_fromstring(data or b"<html></html>", parser=PARSER)
    except (etree.ParserError, ValueError):
        doc = lxml.html.document_fromstring(b"<html><body></body></html>", parser=PARSER)
    return doc
