"""py3langid's model scored with NumPy: the same raw scores as its pure-Python byte walk, several times faster."""

from __future__ import annotations

import numpy as np
from py3langid.langid import RAW_FLOOR, LanguageIdentifier

PACK_CHUNK = 1 << 20  # transitions packed at once (a multiple of 8)
ROW_CHUNK = 4096  # transition rows dfa_depth expands at once: 4096 x 256 x 8 bytes = 8 MiB of indexes
# float16 bit pattern -> float32 value: NumPy's float16 -> float32 cast is a slow software loop, a gather is
# not (and gives the same bits, the table being built with that very cast).
_HALF_TO_SINGLE = np.arange(1 << 16, dtype=np.uint16).view(np.float16).astype(np.float32)
# Faster still when every half is negative and normal (log-probabilities are): shifted 13 bits left, a half's
# exponent and mantissa sit where a single's do; adding this rebiases the exponent (15 -> 127) and moves the
# sign from bit 28 to bit 31. Exact for those values, which the model is checked to hold only of at load.
_NEGATIVE_HALF_TO_SINGLE = np.uint32(((127 - 15) << 23) + (1 << 31) - (1 << 28))


def dfa_depth(nextmove: np.ndarray, rowbase: np.ndarray) -> int:
    """Length of the longest byte string the model's automaton recognises (its features' longest n-gram).

    The automaton is Aho-Corasick's over the features, so a state is the longest suffix of the input read so
    far that is a prefix of a feature: a breadth-first walk from the root reaches each state at that length.
    States sharing a transition row lead to the same states, so each row is expanded once per level."""
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    level = 0
    every_byte = np.arange(256, dtype=np.intp)
    while len(frontier):
        rows = np.unique(rowbase.take(frontier))
        reached = np.zeros(len(rowbase), dtype=bool)
        # a slice of the rows at a time: all of them at once is a ~75 MiB index array at the widest level
        for start in range(0, len(rows), ROW_CHUNK):
            part = rows[start:start + ROW_CHUNK]
            reached[nextmove.take((part[:, None] + every_byte[None, :]).ravel())] = True
        frontier = np.flatnonzero(reached & ~seen)
        seen[frontier] = True
        level += len(frontier) > 0
    return level


def negative_normal_halves(table: np.ndarray) -> bool:
    """True if `table` is float16 and all its values are negative normal numbers (no zero, subnormal, inf, NaN)."""
    if table.dtype != np.float16:
        return False
    bits = table.view(np.uint16)
    # sign set and exponent neither 0 nor 31: the bit patterns from 0x8400 (-2**-14) to 0xFBFF (-65504)
    return bool(bits.size) and int(bits.min()) >= 0x8400 and int(bits.max()) <= 0xFBFF


def first_seen_counts(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct values, counts) of a non-empty array of non-negative ints, in order of first occurrence (as a
    Counter gives them).

    One sort of value * n + position groups equal values with their earliest position first: cheaper than
    numpy.unique's stable argsort with its index and count outputs."""
    n = len(features)
    # 32-bit keys sort faster; a long text with a large feature id needs 64
    dtype = np.int32 if n * (int(features.max()) + 1) < 2**31 else np.int64
    keys = features.astype(dtype) * dtype(n)
    keys += np.arange(n, dtype=dtype)
    keys.sort()
    values = keys // n
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(values[1:], values[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    firsts = keys.take(starts)
    firsts -= values.take(starts) * n  # the position part of each group's first key
    order = np.argsort(firsts)
    return values.take(starts).take(order), np.diff(starts, append=n).take(order)


class StateTable:
    """The automaton's transitions (next state per row offset) in 17 bits an entry: the low 16 as uint16, the
    17th packed 8 to a byte. py3langid's 104,583 states do not fit 16 bits; this is 20 MiB instead of 37."""

    __slots__ = ("high", "low")

    def __init__(self, nextmove: np.ndarray) -> None:
        top = int(nextmove.max()) if len(nextmove) else 0
        if top >= 1 << 17:
            self.low, self.high = nextmove.astype(np.uint32), None  # a model this large keeps 32 bits
            return
        self.low = nextmove.astype(np.uint16)  # modulo 2**16
        self.high = None
        if top >= 1 << 16:  # packed a slice at a time: no 10 MB boolean array beside the 37 MB table
            self.high = np.concatenate([np.packbits(nextmove[start:start + PACK_CHUNK] >= 1 << 16, bitorder="little")
                                        for start in range(0, len(nextmove), PACK_CHUNK)])

    def take(self, offsets: np.ndarray) -> np.ndarray:
        """The next state (intp) at each offset."""
        states = self.low.take(offsets).astype(np.intp)
        if self.high is not None:
            bits = self.high.take(offsets >> 3) >> (offsets & 7).astype(np.uint8)
            bits &= 1
            states |= bits.astype(np.intp) << 16
        return states


class FastIdentifier(LanguageIdentifier):
    """A py3langid LanguageIdentifier whose automaton walk and Naive Bayes product run in NumPy.

    The automaton being Aho-Corasick's, a state depends only on the last `depth` bytes read: the state after
    each byte is found for all positions at once by walking every `depth`-byte window from the root (a table
    gives the state after a window's first two bytes, `depth - 2` vectorised steps the rest). The results
    are py3langid's own, to the bit (tests compare them with its pure-Python walk and product)."""

    __slots__ = ("_depth", "_label_columns", "_negative_normal", "_next", "_out_np", "_pair_rowbase",
                 "_rowbase_np", "label_names")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        nextmove = np.frombuffer(self.tk_nextmove, dtype=np.dtype(f"u{self.tk_nextmove.itemsize}"))
        self._rowbase_np = np.asarray(self.tk_row, dtype=np.intp) << 8
        self._out_np = np.asarray(self.tk_output, dtype=np.int32)
        self._depth = dfa_depth(nextmove, self._rowbase_np)
        # Row offset of the state reached from the root by each byte pair (first byte * 256 + second): 512 KB.
        every_byte = np.arange(256, dtype=np.intp)
        after_one = nextmove.take(self._rowbase_np[0] + every_byte)
        after_two = nextmove.take(self._rowbase_np.take(after_one)[:, None] + every_byte[None, :])
        self._pair_rowbase = self._rowbase_np.take(after_two.ravel())
        self._next = StateTable(nextmove)
        # py3langid's own walk tables are replaced by the NumPy ones: its 9.8M-entry transition array (37 MiB)
        # by the compact table (20 MiB), its lists of row offsets and outputs (8 MiB of ints) by arrays
        self.tk_nextmove = self._rowbase = self.tk_output = None
        self._negative_normal = negative_normal_halves(self.nb_ptc)  # a restriction keeps a subset of values
        self._set_label_columns()

    def set_languages(self, langs: object = None) -> None:
        """py3langid's restriction to some languages, keeping the label columns in step."""
        super().set_languages(langs)
        self._set_label_columns()

    def _set_label_columns(self) -> None:
        # A label can own two columns (script variants); after _decide its first one holds the better score.
        first: dict[str, int] = {}
        for column, label in enumerate(self.nb_classes):
            first.setdefault(label, column)
        self.label_names = tuple(first)
        self._label_columns = np.fromiter(first.values(), dtype=np.intp, count=len(first))

    def label_scores(self, text: str | bytes) -> np.ndarray:
        """The raw score of each of `label_names` (a label's better column): what `rank` sorts."""
        return self._decide(text).take(self._label_columns)

    def rank(self, text: str | bytes) -> list[tuple[str, float]]:
        """All labels by raw score, best first, one entry per label: py3langid's rank, sorted in NumPy."""
        scores = self.label_scores(text)
        # argsort of the negation, stable: ties keep label order, as rank's sorted(reverse=True) does
        order = np.argsort(-scores, kind="stable").tolist()
        labels, values = self.label_names, scores.tolist()
        return [(labels[k], values[k]) for k in order]

    def states(self, data: bytes) -> np.ndarray:
        """The automaton's state after each byte of `data`, as py3langid's walk visits them."""
        depth, step, rowbase = self._depth, self._next.take, self._rowbase_np
        letters = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
        head = []
        state = 0
        for letter in letters[:depth - 1].tolist():  # the first positions have fewer than `depth` bytes behind
            state = int(step(np.intp(rowbase[state] + letter)))
            head.append(state)
        windows = len(data) - depth + 1
        if windows <= 0:
            return np.asarray(head, dtype=np.intp)
        if depth < 3:
            window_states = np.zeros(windows, dtype=np.intp)
            for offset in range(depth):
                window_states = step(rowbase.take(window_states) + letters[offset:offset + windows])
        else:
            pairs = letters[:windows] << 8
            pairs |= letters[1:windows + 1]
            offsets = self._pair_rowbase.take(pairs)
            for offset in range(2, depth - 1):
                offsets += letters[offset:offset + windows]
                offsets = rowbase.take(step(offsets))
            offsets += letters[depth - 1:]
            window_states = step(offsets)
        return np.concatenate((np.asarray(head, dtype=np.intp), window_states))

    def feature_counts(self, data: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """(feature ids, counts) in order of first occurrence, as py3langid's visit_counts; None without any."""
        features = self._out_np.take(self.states(data))
        features = features[features >= 0]
        if not len(features):
            return None
        # py3langid sums the features in first-seen order: the same order keeps its float rounding
        return first_seen_counts(features)

    def _raw_score(self, text: bytes) -> np.ndarray:
        found = self.feature_counts(text)
        if found is None:
            fill = 0.0 if self._norm_probs else RAW_FLOOR
            return np.full(len(self.nb_classes), fill, dtype=np.float32)
        ids, counts = found
        rows = self.nb_ptc.take(ids, axis=0)
        if self._negative_normal:
            widened = rows.view(np.uint16).astype(np.uint32)
            widened <<= 13
            widened += _NEGATIVE_HALF_TO_SINGLE
            rows = widened.view(np.float32)
        elif rows.dtype == np.float16:
            rows = _HALF_TO_SINGLE.take(rows.view(np.uint16))
        return np.log1p(counts.astype(np.float32)) @ rows + self.nb_pc
