""" "Did you mean": suggestions from the index's own words, ranked by edit distance, then frequency.

Whoosh's corrector walks every term that starts like the word, computing distances in Python:
150-200 ms for most words of a 60,000-word vocabulary, long enough to hold up the next keystroke's
search. Here the words come from `frequencies` (written at import) and rapidfuzz measures the
distances in C: a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from whoosh.spelling import Corrector

from index.snippets import stem_word

MIN_LENGTH = 3  # shorter words are fragments typed on the way to a word, not misspellings


class VocabularyCorrector(Corrector):  # type: ignore[misc]  # whoosh.spelling is untyped
    """A Whoosh corrector over the index's words: closer first, then the more frequent."""

    def __init__(self, words: frozenset[str], by_stem: Mapping[str, int]) -> None:
        self.words = words
        self.by_stem = by_stem
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(words):
            self._by_initial.setdefault(word[:1], []).append(word)

    def _suggestions(self, text: str, maxdist: int, prefix: int) -> Iterator[tuple[float, str]]:
        text = text.lower()
        if len(text) < MIN_LENGTH:
            return
        candidates = self._by_initial.get(text[:1], []) if prefix else sorted(self.words)
        if prefix > 1:
            candidates = [w for w in candidates if w.startswith(text[:prefix])]
        found = process.extract(text, candidates, scorer=DamerauLevenshtein.distance, score_cutoff=maxdist, limit=None)
        frequency = self.by_stem
        for word, distance, _ in found:
            count = frequency.get(stem_word(word), 0) or 1
            yield (-(distance + 0.5 / count), word)
