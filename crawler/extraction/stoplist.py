"""jusText's all-languages stoplist held once: trafilatura keeps it as a tuple and justext lower-cases it into
a frozenset of copies, 34 MiB together; one frozenset of the same (already lower-case) words is 20 MiB.

trafilatura calls jusText without a language in its comparison pass; the stoplist is built on that first
call, not at import. The words, and so the extraction, are unchanged."""

from __future__ import annotations

import justext.core
import trafilatura.external
from justext.utils import get_stoplist, get_stoplists

_define_stoplist = justext.core.define_stoplist


def all_languages_stoplist() -> frozenset[str]:
    """Every jusText stoplist's words, lower-cased, as trafilatura's `JT_STOPLIST` (built once)."""
    if not isinstance(trafilatura.external.JT_STOPLIST, frozenset):
        trafilatura.external.JT_STOPLIST = frozenset(
            word.lower() for language in get_stoplists() for word in get_stoplist(language))
    return trafilatura.external.JT_STOPLIST


def define_stoplist(stoplist: object) -> frozenset[str]:
    """justext's own, except that this module's stoplist, lower-cased already, is used as it is."""
    if stoplist is trafilatura.external.JT_STOPLIST and isinstance(stoplist, frozenset):
        return stoplist
    return _define_stoplist(stoplist)


def install() -> None:
    """Route trafilatura's stoplist through this module (idempotent)."""
    trafilatura.external.jt_stoplist_init = all_languages_stoplist
    justext.core.define_stoplist = define_stoplist
