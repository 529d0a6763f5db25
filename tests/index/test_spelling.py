"""'Did you mean' from the index's words: the closest word first, the more frequent among equals."""

from __future__ import annotations

from index.spelling import VocabularyCorrector


def corrector() -> VocabularyCorrector:
    by_stem = {"harbour": 50, "harmon": 3, "strike": 40, "stroke": 90, "minist": 70}
    words = frozenset({"harbour", "harbours", "harmony", "strike", "stroke", "minister", "ministry"})
    return VocabularyCorrector(words, by_stem)


def test_the_closest_word_wins_and_frequency_breaks_ties() -> None:
    c = corrector()
    assert c.suggest("harbr", limit=1, maxdist=2, prefix=1) == ["harbour"]
    assert c.suggest("strake", limit=2, maxdist=2, prefix=1) == ["stroke", "strike"]  # both 1 edit: the commoner
    assert c.suggest("minster", limit=1, maxdist=2, prefix=1) == ["minister"]
    assert c.suggest("hrabour", limit=1, maxdist=2, prefix=0) == ["harbour"]  # a transposition is one edit


def test_no_suggestion_for_fragments_far_words_or_the_word_itself() -> None:
    c = corrector()
    assert c.suggest("ha", limit=3, maxdist=2, prefix=1) == []
    assert c.suggest("zebra", limit=3, maxdist=2, prefix=1) == []
    assert "harbour" not in c.suggest("harbour", limit=3, maxdist=2, prefix=1)
