"""Replacements inside extraction, made to save memory or time, give the results of what they replace."""

from __future__ import annotations

import random

import justext.core
import trafilatura
import trafilatura.external
from justext.utils import get_stoplist, get_stoplists
from lxml import etree

from crawler.extraction import stoplist
from crawler.extraction.body import generic_body
from crawler.extraction.container import TextCache, _Body, _present, _trigrams, covers, recover_missing
from crawler.extraction.parsing import parse_html

# A page trafilatura's own extractor finds nothing in (no <p> in a body-like container): its comparison pass
# falls back to jusText, which reads the all-languages stoplist.
DIV_PAGE = ("<html><body><div class='x'>" + "".join(
    f"<div>Paragraph {n} of the story: it was said that the water of the river is to be shared, and that the "
    f"farmers of the valley were to have it in the spring, as they had it for years before the dam was built.</div>"
    for n in range(12)) + "</div></body></html>")


def test_trafilatura_reads_one_stoplist_frozenset() -> None:
    stoplist.install()
    trafilatura.external.JT_STOPLIST = None
    trafilatura.external.try_justext(parse_html(DIV_PAGE), None, None)
    words = trafilatura.external.JT_STOPLIST
    assert isinstance(words, frozenset)
    assert words == {w.lower() for language in get_stoplists() for w in get_stoplist(language)}
    assert justext.core.define_stoplist(words) is words  # used as it is, not copied
    # any other stoplist is still lower-cased by justext
    assert justext.core.define_stoplist(("The", "OF")) == frozenset({"the", "of"})


def test_justext_finds_the_same_paragraphs_with_either_stoplist() -> None:
    stoplist.install()
    shared = trafilatura.external.try_justext(parse_html(DIV_PAGE), None, None)
    copied = tuple(sorted(stoplist.all_languages_stoplist()))  # justext's own lower-cased copy of the words
    paragraphs = justext.core.ParagraphMaker.make_paragraphs(parse_html(DIV_PAGE))
    justext.core.classify_paragraphs(paragraphs, copied, 50, 150, 0.1, 0.2, 0.25, True)
    justext.core.revise_paragraph_classification(paragraphs, 150)
    expected = [p.text for p in paragraphs if not p.is_boilerplate]
    assert expected and [" ".join("".join(el.itertext()).split()) for el in shared] == expected


def test_trigram_cache_is_the_callers() -> None:
    container = ["The council of Osh met on Monday to discuss water supplies for the southern districts.",
                 "Farmers in Aravan said that the canals had been dry since the middle of June this year.",
                 "Officials promised new pumps, paid for by a loan that parliament approved last autumn.",
                 "Work on the first pumping station should start in March, the mayor's office said."]
    cache = TextCache()
    assert covers(container, container, cache) and not cache.grams  # found word for word: no trigrams needed
    assert recover_missing(container[:1], container, cache)[1:] == container[1:]
    assert set(container) <= set(cache.grams)  # placing the missing paragraphs read their trigrams, for this page only
    assert recover_missing(container[:1], container) == recover_missing(container[:1], container, TextCache())


def test_body_holds_as_the_trigram_test_decides() -> None:
    rng = random.Random(7)
    vocabulary = ["Osh", "Bishkek", "water", "the", "of", "canal", "pumps", "farmers", "said", "Шымкент", "су",
                  "болды", "2024", "O'zbekiston"]
    for _ in range(400):
        paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(rng.randrange(1, 25)))
                      for _ in range(rng.randrange(1, 4))]
        joined = " ".join(paragraphs)
        words = joined.split()
        start = rng.randrange(len(words))
        texts = [" ".join(words[start:start + rng.randrange(1, 8)]),  # a slice of the body, often word for word
                 " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(1, 12))),
                 joined.upper(), joined[: len(joined) // 2]]
        body = _Body(paragraphs, None)
        for text in texts:
            assert body.holds(text) == _present(_trigrams(text), _trigrams(joined)), (paragraphs, text)


def test_trafilatura_leaves_the_tree_it_is_given_as_it_was() -> None:
    """The full pass runs on the tree the fast pass read: neither may change it (trafilatura copies it)."""
    page = ("<html><head><title>Water</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Water</h1>"
            + "".join(f"<p>Paragraph {n}: the council of Osh met farmers about the canals and the new pumps.</p>"
                      for n in range(8))
            + "<div class='related'><a href='/a'>Another story</a></div></article><footer>© Site</footer>"
              "</body></html>")
    doc = parse_html(page)
    before = etree.tostring(doc)
    fast = generic_body(doc, fast=True)
    assert fast and etree.tostring(doc) == before
    assert generic_body(doc) and etree.tostring(doc) == before
