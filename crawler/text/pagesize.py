"""Text sizes for the pruning guards: an element's whitespace-normalised length, and the page's, lazily."""

from __future__ import annotations

from lxml.html import HtmlElement

FIRST_PREFIX = 4096  # characters of the page's text normalised first; doubled while a comparison needs more


def normalized_len(text: str) -> int:
    """len(" ".join(text.split())): the length of the text with whitespace runs as single spaces."""
    return len(" ".join(text.split()))


def text_len(el: HtmlElement) -> int:
    """The element's text size: its text content, whitespace-normalised."""
    return normalized_len(el.text_content())


class PageSize:
    """The page's text size (`normalized_len` of its text), worked out only as far as comparisons need.

    Normalising a page's whole text costs as much as the rest of the pruning, and the guards compare it
    with far smaller elements: the normalised length of a prefix is a lower bound of the size (a part of
    a text never normalises longer than the whole) and the raw length an upper bound."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.prefix = 0  # characters normalised so far
        self.lower = 0  # normalized_len(text[:prefix])
        self.exact: int | None = None

    def _grow(self) -> None:
        self.prefix = max(2 * self.prefix, FIRST_PREFIX)
        if self.prefix >= len(self.text):
            self.exact = self.lower = normalized_len(self.text)
        else:
            self.lower = normalized_len(self.text[:self.prefix])

    def below(self, size: int, share: float) -> bool:
        """`size > share * page_size` on a non-empty page: an element of `size` characters holds more than
        this share of the page's text."""
        while self.exact is None:
            # size <= share * lower <= share * page_size (a product with a positive float is monotonic)
            if self.lower > 0 and size <= share * self.lower:
                return False
            # page_size <= len(text), and the page is not empty
            if self.lower > 0 and size > share * len(self.text):
                return True
            self._grow()
        return self.exact > 0 and size > share * self.exact
