"""Aligned sentences: pair the sentences two outlets wrote about the same fact, and diff each pair word by word.

Similarity is the Dice coefficient over *content words*: lower-cased, accents folded, stop words dropped, crudely
stemmed ("workers" = "worker", "claimed" = "claim"), each counted once. Reworded sentences about one fact keep most
content words whatever the word order; unrelated sentences about one person share the name and a word or two. On
the bench's sentences (bench/align_bench.py) it separated paraphrases from unrelated pairs far better than
rapidfuzz's character scores: with the cut at the paraphrases' 5th percentile, 0.005% of random pairs passed, against
0.025% for `token_set_ratio`, 0.25% for `token_sort_ratio` and 34% for `ratio`. Character scores give any two English
sentences a floor of 0.4-0.5, so "Minister Vale said the port deal was a disaster for workers." and "Vale opened a new
hospital wing in Harlow on Tuesday morning." score 0.38-0.41 there and 0.15 here. Stop words carry no weight, so
"was not a disaster" scores as "was a disaster": the pair still aligns, and the diff shows the "not".

Candidates come one of two exact ways (neither drops a qualifying pair), Python scores only those, and difflib runs
only on the matched pairs:
- prefix filtering (Bayardo et al. 2007, "Scaling up all pairs similarity search"): an inverted index over each
  sentence's rarest content words, as many as a qualifying pair must share one of. On a real vocabulary most of those
  words are rare, so each sentence meets a few others: 0.1 s for 3,500 x 3,500 sentences about one person.
- a rapidfuzz screen of all pairs in C (see `_screen`), when the vocabulary is small (a few hundred words, as when
  outlets reword the same few stories) and the inverted index would propose a large share of all pairs: about 0.2 s
  for 2,000 x 2,000, growing with n*m.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, cycle, repeat

from rapidfuzz import process
from rapidfuzz.distance import Indel

from corpus.lexicon import STOP_WORDS
from corpus.model import pickled_as_tuple

_WORD = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*")
# Scores are rounded before the threshold applies, so the screen lets through anything that could round up to it.
_ROUNDING_SLACK = 0.0005 + 1e-9
_LEVELS = (0.9, 0.75, 0.6)  # thresholds tried first when only the best `limit` pairs are wanted
_MANY_PAIRS = 250_000  # sentence pairs from which trying those first pays


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class DiffRun:
    """A run of words the two sentences share ("equal") or word differently; "" for the side that has none."""

    op: str
    a: str
    b: str


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Sentence `a` of side a and sentence `b` of side b report the same fact; `diff` shows how the wording differs."""

    a: int
    b: int
    similarity: float
    diff: list[DiffRun]


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def word_diff(a: str, b: str) -> list[DiffRun]:
    """Word-level runs, punctuation left on its word: framing shows in which words differ, not which letters.

    Curly and straight quotes compare equal (a house style, not a framing); the runs keep each side's own text.
    """
    wa, wb = a.split(), b.split()
    na, nb = [w.translate(_QUOTES) for w in wa], [w.translate(_QUOTES) for w in wb]
    matcher = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    return [DiffRun(op, " ".join(wa[i1:i2]), " ".join(wb[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """Strip inflections so "workers"/"worker" and "ruled"/"rulings" meet; crude, but the same on both sides."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    if word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ing", "ed")) and len(word) - (3 if word.endswith("ing") else 2) >= 3:
        word = word[:-3] if word.endswith("ing") else word[:-2]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeioulsz":  # "stopped", "planning"
            word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _words(text: str) -> list[str]:
    folded = text.casefold()
    if not folded.isascii():  # fold accents so "Kovač" meets "Kovac"; most news text skips this
        folded = unicodedata.normalize("NFKD", folded.replace("’", "'"))
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(folded)]


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """The stemmed content words of a sentence; all its words when it has no content word ("He said so.").
    Cached: an outlet's sentences are aligned with each other outlet's in turn."""
    words = _words(text)
    content = [w for w in words if w not in STOP_WORDS]
    return frozenset(_stem(w) for w in (content or words))


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    return round(2 * len(x & y) / (len(x) + len(y)), 3)


def similarity(a: str, b: str) -> float:
    """Dice over content words, rounded to 3 places: 1.0 same content words, 0.0 none shared (or nothing to compare)."""
    return _dice(content_words(a), content_words(b))


class _Rarest:
    """Each sentence's words, rarest first (over both sides), for prefix filtering at any threshold.

    Prefix filtering is exact under any one total order of the words, the same for every sentence; rarest first
    only makes it fast. The order is (frequency, word), made by two sorts in C (by word, then stably by frequency),
    so that it does not depend on the hash seed; with a Python key function this took a quarter of aligning four
    outlets' 3,500 sentences each."""

    def __init__(self, keys_a: list[frozenset[str]], keys_b: list[frozenset[str]]) -> None:
        frequency = Counter(chain.from_iterable(keys_a))
        frequency.update(chain.from_iterable(keys_b))
        self._ranked = sorted(sorted(frequency), key=frequency.__getitem__)
        order = dict(zip(self._ranked, range(len(self._ranked)), strict=True)).__getitem__
        self.a = [sorted(key, key=order) for key in keys_a]
        self.b = [sorted(key, key=order) for key in keys_b]
        self._strings: tuple[list[str], list[str]] | None = None

    def strings(self) -> tuple[list[str], list[str]]:
        """Each sentence as a string of one byte-range character a word, in the words' order, for rapidfuzz to
        screen pairs in C.

        The 255 commonest words get a character of their own, rarer words share. The words two sentences share
        come in the same order in both strings, so they are a common subsequence: rapidfuzz's Indel similarity,
        2 * LCS / (|x| + |y|), is at least their Dice coefficient (equal when no two words share a character), and a
        screen by it never drops a pair that qualifies. Byte-range strings take rapidfuzz's fastest path (about
        twice as fast as wider characters)."""
        if self._strings is None:
            symbols = map(chr, cycle(range(1, 256)))
            symbol = dict(zip(reversed(self._ranked), symbols, strict=False)).__getitem__  # symbols never end
            self._strings = (
                ["".join(map(symbol, words)) for words in self.a],
                ["".join(map(symbol, words)) for words in self.b],
            )
        return self._strings


def _candidates(
    keys_a: list[frozenset[str]], keys_b: list[frozenset[str]], threshold: float, rarest: _Rarest | None = None
) -> list[tuple[float, int, int]]:
    """(similarity, a, b) for every pair scoring >= threshold: from prefix filtering when its inverted index proposes
    few pairs, else from the rapidfuzz screen."""
    rarest = rarest or _Rarest(keys_a, keys_b)
    bound = max(threshold - _ROUNDING_SLACK, 1e-9)

    # The rarest words of a sentence of n words, enough that a qualifying pair shares at least one: for Dice >= t
    # over sets of n and m words, m >= t*n/(2-t), so the pair shares at least ceil(t*n/(2-t)) words.
    longest = max(map(len, chain(rarest.a, rarest.b)), default=0)
    kept = [n - max(1, math.ceil(bound * n / (2 - bound) - 1e-9)) + 1 for n in range(longest + 1)]
    postings: dict[str, list[int]] = {}
    for j, words in enumerate(rarest.b):
        for w in words[: kept[len(words)]]:
            postings.setdefault(w, []).append(j)
    probes = [words[: kept[len(words)]] for words in rarest.a]
    work = sum(map(len, map(postings.get, chain.from_iterable(probes), repeat(()))))
    if work * 8 > len(keys_a) * len(keys_b):  # a small vocabulary: screening every pair in C is cheaper
        return _screen(keys_a, keys_b, threshold, rarest)
    # Most candidates share one rare word and fall far short (99.5% of them on 3,500 sentences about one person):
    # each probe's candidates are screened together in C (`_Rarest.strings`; the screen's bound, at most
    # 2*min(n, m)/(n+m), also drops pairs of too different sizes), and Python checks the few left.
    strings_a, strings_b = rarest.strings()
    cutoff = max(threshold - _ROUNDING_SLACK, 0.0)
    found: list[tuple[float, int, int]] = []
    for i, words in enumerate(probes):
        if not words:
            continue
        seen: set[int] = set()
        for w in words:
            if (posted := postings.get(w)) is not None:
                seen.update(posted)
        if not seen:
            continue
        candidates = list(seen)
        choices = list(map(strings_b.__getitem__, candidates))
        key = keys_a[i]
        size = len(key)
        matches = process.extract(
            strings_a[i], choices, scorer=Indel.normalized_similarity, processor=None, score_cutoff=cutoff, limit=None
        )
        for _, _, k in matches:
            j = candidates[k]
            other = keys_b[j]
            raw = 2 * len(key & other) / (size + len(other))
            if raw >= bound and (score := round(raw, 3)) >= threshold:  # exact: `_dice`, inlined
                found.append((score, i, j))
    return found


def _screen(
    keys_a: list[frozenset[str]], keys_b: list[frozenset[str]], threshold: float, rarest: _Rarest
) -> list[tuple[float, int, int]]:
    """(similarity, a, b) for every pair scoring >= threshold: rapidfuzz screens all pairs in C (`_Rarest.strings`),
    Python checks the rest."""
    strings_a, strings_b = rarest.strings()
    cutoff = max(threshold - _ROUNDING_SLACK, 0.0)
    found: list[tuple[float, int, int]] = []
    for i, key in enumerate(keys_a):
        if not key:
            continue
        matches = process.extract(
            strings_a[i], strings_b, scorer=Indel.normalized_similarity, processor=None, score_cutoff=cutoff, limit=None
        )
        size = len(key)
        for _, _, j in matches:
            other = keys_b[j]
            raw = 2 * len(key & other) / (size + len(other))
            if raw >= cutoff and (score := round(raw, 3)) >= threshold:  # exact: `_dice`, inlined
                found.append((score, i, j))
    return found


def similar_pairs(a: Sequence[str], b: Sequence[str], threshold: float) -> list[tuple[float, int, int]]:
    """Every (similarity, i, j) with similarity >= threshold, best first: many-to-many, unlike `align`."""
    if not a or not b:
        return []
    found = _candidates([content_words(s) for s in a], [content_words(s) for s in b], threshold)
    return sorted(found, key=lambda c: (-c[0], c[1], c[2]))


def align(a: Sequence[str], b: Sequence[str], *, threshold: float = 0.5, limit: int | None = None) -> list[AlignedPair]:
    """Pairs reporting the same fact, best first, each sentence in at most one pair: greedy, so the strongest match wins.

    Ties go to the lower a index, then the lower b index. `threshold` (0 < t <= 1) applies to the rounded similarity;
    `limit` caps the pairs returned after matching.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, not {limit}")
    if not a or not b:
        return []
    keys_a, keys_b = [content_words(s) for s in a], [content_words(s) for s in b]
    # With a limit, the first pairs of the greedy matching come from the best candidates alone: find those above
    # a high threshold first (few, and found fast), and go lower only while the limit is not reached.
    # (Only for many pairs: on few, the extra passes cost more than they save.)
    many = len(a) * len(b) > _MANY_PAIRS
    levels = [level for level in _LEVELS if level > threshold] if limit is not None and many else []
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[AlignedPair] = []
    above = 2.0  # candidates scoring this or more were matched at an earlier level
    rarest = _Rarest(keys_a, keys_b)
    for level in [*levels, threshold]:
        # best first, ties to the lower a then b index: tuples sort that way with the score negated
        found = _candidates(keys_a, keys_b, level, rarest)
        candidates = sorted((-score, i, j) for score, i, j in found if score < above)
        for negated, i, j in candidates:
            if limit is not None and len(pairs) >= limit:
                return pairs
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            pairs.append(AlignedPair(i, j, -negated, word_diff(a[i], b[j])))
        above = level
    return pairs
