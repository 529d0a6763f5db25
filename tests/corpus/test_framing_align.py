"""Aligned sentences (corpus.framing.align): word diffs, the similarity measure, and one-to-one greedy matching.

Expected scores are Dice over stemmed content words, worked out by hand in the comments: 2 * shared / (|a| + |b|).
"""

from __future__ import annotations

import random

import pytest

from corpus.framing.align import AlignedPair, DiffRun, align, content_words, similarity, word_diff

# --- word_diff ------------------------------------------------------------------------------------


def test_identical_sentences_are_one_equal_run() -> None:
    text = "Vale said the deal failed."
    assert word_diff(text, text) == [DiffRun("equal", text, text)]


def test_one_word_replaced() -> None:
    assert word_diff("Vale said the deal failed.", "Vale claimed the deal failed.") == [
        DiffRun("equal", "Vale", "Vale"),
        DiffRun("replace", "said", "claimed"),
        DiffRun("equal", "the deal failed.", "the deal failed."),
    ]


def test_inserted_and_deleted_words() -> None:
    assert word_diff("the port deal", "the new port deal") == [
        DiffRun("equal", "the", "the"),
        DiffRun("insert", "", "new"),
        DiffRun("equal", "port deal", "port deal"),
    ]
    assert word_diff("the new port deal", "the port deal") == [
        DiffRun("equal", "the", "the"),
        DiffRun("delete", "new", ""),
        DiffRun("equal", "port deal", "port deal"),
    ]


def test_punctuation_stays_on_its_word_and_whitespace_collapses() -> None:
    assert word_diff("for  workers.", "for\nworkers") == [
        DiffRun("equal", "for", "for"),
        DiffRun("replace", "workers.", "workers"),
    ]


def test_empty_strings() -> None:
    assert word_diff("", "") == []
    assert word_diff("", "a b") == [DiffRun("insert", "", "a b")]
    assert word_diff("a b", " ") == [DiffRun("delete", "a b", "")]


# --- similarity -----------------------------------------------------------------------------------

VALE_SAID = "Minister Vale said the port deal was a disaster for workers."


def test_reworded_fact_scores_high() -> None:
    # {minister, val, port, deal, disaster, worker} vs {val, claim, port, deal, disaster, local, worker}: 2*5/13
    assert similarity(VALE_SAID, "Vale claimed the port deal was a disaster for local workers.") == 0.769


def test_different_facts_sharing_only_the_name_score_low() -> None:
    # only "val" shared, 6 and 7 content words: 2*1/13
    assert similarity(VALE_SAID, "Vale opened a new hospital wing in Harlow on Tuesday morning.") == 0.154


def test_content_words_are_folded_stemmed_and_free_of_stop_words() -> None:
    assert content_words("The workers’ unions claimed Kovač's rulings were unfair.") == frozenset(
        {"worker", "union", "claim", "kovac", "rul", "unfair"}
    )
    assert content_words("He said so.") == frozenset({"he", "said", "so"})  # no content word: all words count


def test_similarity_bounds_and_symmetry() -> None:
    assert similarity(VALE_SAID, VALE_SAID) == 1.0
    assert similarity(VALE_SAID, "Pensioners protested in Harlow.") == 0.0
    assert similarity("", VALE_SAID) == similarity("", "") == 0.0
    other = "Critics said the port deal would cost Harlow dearly."
    assert similarity(VALE_SAID, other) == similarity(other, VALE_SAID)
    assert 0.0 < similarity(VALE_SAID, other) < 1.0


# --- align ----------------------------------------------------------------------------------------

A3 = [
    "Vale said the port deal was a disaster for workers.",  # {val, port, deal, disaster, worker}
    "Vale opened the new hospital wing in Harlow.",  # {val, open, hospital, wing, harlow}
    "Vale voted against the fishing quota in parliament.",  # {val, vot, fish, quota, parliament}
]
B3 = [
    "In parliament, Vale voted against the fishing quota.",  # = A3[2]: 1.0
    "Vale claimed the port deal was a disaster for local workers.",  # A3[0] + {claim, local}: 2*5/12 = 0.833
    "Vale opened a hospital wing in Harlow on Friday.",  # A3[1] + {friday}: 2*5/11 = 0.909
]
# Every other pair shares only "val": 2/10, 2/11, 2/12, below any threshold used here.


def test_three_by_three_pairs_best_first() -> None:
    pairs = align(A3, B3)
    assert [(p.a, p.b, p.similarity) for p in pairs] == [(2, 0, 1.0), (1, 2, 0.909), (0, 1, 0.833)]
    assert pairs[2].diff == [
        DiffRun("equal", "Vale", "Vale"),
        DiffRun("replace", "said", "claimed"),
        DiffRun("equal", "the port deal was a disaster for", "the port deal was a disaster for"),
        DiffRun("insert", "", "local"),
        DiffRun("equal", "workers.", "workers."),
    ]
    assert all(p.diff == word_diff(A3[p.a], B3[p.b]) for p in pairs)
    assert all(p.similarity == similarity(A3[p.a], B3[p.b]) for p in pairs)


def test_threshold_is_inclusive_on_the_rounded_score() -> None:
    assert [(p.a, p.b) for p in align(A3, B3, threshold=0.909)] == [(2, 0), (1, 2)]
    assert [(p.a, p.b) for p in align(A3, B3, threshold=0.91)] == [(2, 0)]
    assert align(A3, B3, threshold=0.15) == align(A3, B3)  # the 0.2 cross pairs lose: their sentences are taken
    assert [(p.a, p.b, p.similarity) for p in align(A3[:1], B3[:1], threshold=0.2)] == [(0, 0, 0.2)]  # 2*1/10
    assert align(A3[:1], B3[2:], threshold=0.19) == []  # 2*1/11 = 0.182


def test_each_sentence_is_used_once_and_the_loser_takes_its_next_best() -> None:
    a = [
        "Vale said the port deal was a disaster for workers.",  # {val, port, deal, disaster, worker}
        "Vale said the port deal hurt workers.",  # {val, port, deal, hurt, worker}
    ]
    b = [
        "Vale said the port deal was a disaster for workers.",  # a0: 1.0, a1: 2*4/10 = 0.8 (a1's best)
        "Vale said the port deal hurt dockers in Harlow.",  # {val, port, deal, hurt, docker, harlow}: a0 2*3/11, a1 2*4/11
    ]
    assert [(p.a, p.b, p.similarity) for p in align(a, b)] == [(0, 0, 1.0), (1, 1, 0.727)]
    assert [(p.a, p.b) for p in align(a, b, threshold=0.75)] == [(0, 0)]  # a1's next best is below it


def test_ties_go_to_the_lower_a_then_the_lower_b_index() -> None:
    same = "Vale signed the port deal."
    assert [(p.a, p.b) for p in align([same, same], [same])] == [(0, 0)]
    assert [(p.a, p.b) for p in align([same], [same, same])] == [(0, 0)]
    assert [(p.a, p.b) for p in align([same, same], [same, same])] == [(0, 0), (1, 1)]
    other = "Vale opened the hospital wing."
    assert [(p.a, p.b) for p in align([other, same], [same, other])] == [(0, 1), (1, 0)]


def test_limit_caps_the_pairs_after_matching() -> None:
    assert [(p.a, p.b) for p in align(A3, B3, limit=2)] == [(2, 0), (1, 2)]
    assert align(A3, B3, limit=0) == []
    assert align(A3, B3, limit=10) == align(A3, B3)


def test_empty_sides() -> None:
    assert align([], B3) == align(A3, []) == align([], []) == []
    assert align(["", "..."], ["", "..."]) == []


def test_bad_arguments() -> None:
    for threshold in (0.0, -0.1, 1.5):
        with pytest.raises(ValueError, match="threshold"):
            align(A3, B3, threshold=threshold)
    with pytest.raises(ValueError, match="limit"):
        align(A3, B3, limit=-1)


# --- scale ----------------------------------------------------------------------------------------


def _vocabulary(size: int) -> list[str]:
    """Pseudo-words no stemming rule touches (no s, no e), so each is its own content word."""
    rng = random.Random(1)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice("bdfgklmnprtvz") + rng.choice("aiou") for _ in range(3)))
    return sorted(words)


def _sides(n: int, vocabulary: list[str], seed: int) -> tuple[list[str], list[str], set[tuple[int, int]]]:
    """Side a; side b, half of it a's sentences shuffled with one word changed; the planted (a, b) pairs."""
    rng = random.Random(seed)
    a = [["Vale", *rng.sample(vocabulary, 9)] for _ in range(n)]
    b: list[list[str]] = []
    planted = set()
    for j, i in enumerate(rng.sample(range(n), n)):
        if j % 2:
            b.append(["Vale", *rng.sample(vocabulary, 9)])
        else:
            words = [*a[i][1:]]
            words[rng.randrange(9)] = rng.choice(vocabulary)
            rng.shuffle(words)
            b.append(["Vale", *words])
            planted.add((i, j))
    return [" ".join(s) + "." for s in a], [" ".join(s) + "." for s in b], planted


def _reference(a: list[str], b: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """All pairs scored in Python and matched greedily: what align must return, found the slow way."""
    keys_a, keys_b = [content_words(s) for s in a], [content_words(s) for s in b]
    scored = []
    for i, x in enumerate(keys_a):
        for j, y in enumerate(keys_b):
            score = round(2 * len(x & y) / (len(x) + len(y)), 3)
            if score >= threshold:
                scored.append((score, i, j))
    used_a, used_b, out = set(), set(), []
    for score, i, j in sorted(scored, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, score))
    return out


def _one_to_one(pairs: list[AlignedPair]) -> bool:
    return len({p.a for p in pairs}) == len({p.b for p in pairs}) == len(pairs)


def test_three_hundred_by_three_hundred_is_a_one_to_one_matching() -> None:
    a, b, planted = _sides(300, _vocabulary(400), seed=2)
    pairs = align(a, b)
    assert _one_to_one(pairs)
    assert [p.similarity for p in pairs] == sorted((p.similarity for p in pairs), reverse=True)
    assert all(p.similarity >= 0.5 for p in pairs)
    assert {(p.a, p.b) for p in pairs} == planted  # 9 of 10 words kept vs ~2 of 10 shared by chance


def test_the_screen_misses_no_pair_even_when_words_share_a_symbol() -> None:
    # 600 words > 255 symbols, so rarer words share one, and a low threshold puts many pairs near it
    a, b, _ = _sides(120, _vocabulary(600), seed=3)
    pairs = align(a, b, threshold=0.3)
    assert _one_to_one(pairs)
    assert [(p.a, p.b, p.similarity) for p in pairs] == _reference(a, b, 0.3)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
@pytest.mark.parametrize(("words", "screened"), [(30, True), (5000, False)])
def test_prefix_filtering_and_the_screen_both_find_every_pair(
    monkeypatch: pytest.MonkeyPatch, threshold: float, words: int, screened: bool
) -> None:
    """A big vocabulary takes the inverted index, a small one the C screen: the same pairs either way."""
    import corpus.framing.align as module

    calls: list[int] = []
    screen = module._screen
    monkeypatch.setattr(module, "_screen", lambda *args: calls.append(1) or screen(*args))
    a, b, _ = _sides(150, _vocabulary(words), seed=4)
    pairs = align(a, b, threshold=threshold)
    assert bool(calls) == screened
    assert [(p.a, p.b, p.similarity) for p in pairs] == _reference(a, b, threshold)


@pytest.mark.parametrize("limit", [0, 1, 5, 40, 1000])
def test_a_limit_gives_the_first_pairs_of_the_whole_matching(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """Found level by level from the best candidates down, and still the greedy matching's first pairs."""
    import corpus.framing.align as module

    rng = random.Random(5)
    vocabulary = _vocabulary(300)
    a = [" ".join(["Vale", *rng.sample(vocabulary, 9)]) + "." for _ in range(120)]
    b = []
    for _ in range(150):  # copies of a's sentences with 0-5 words changed: every level has candidates
        words = a[rng.randrange(len(a))].rstrip(".").split()
        for _ in range(rng.randint(0, 5)):
            words[rng.randrange(1, len(words))] = rng.choice(vocabulary)
        b.append(" ".join(words) + ".")
    whole = align(a, b)
    assert {round(p.similarity, 1) for p in whole} >= {0.5, 0.7, 0.9}
    assert align(a, b, limit=limit) == whole[:limit]
    monkeypatch.setattr(module, "_MANY_PAIRS", 0)  # level by level even on these few pairs
    assert align(a, b, limit=limit) == whole[:limit]
