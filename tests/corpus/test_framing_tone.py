"""Sentence tone: VADER's signs on plain cases, and the summary checked against figures worked by hand."""

from __future__ import annotations

import math

import pytest

from corpus.framing.tone import Tone, _analyzer, _no_sentiment_words, score, summarise

# --- score ----------------------------------------------------------------------------------------


def test_vader_signs() -> None:
    good, bad, flat = score(["a wonderful, brilliant success", "a horrible, disgraceful failure", "the table"])
    assert good > 0
    assert bad < 0
    assert flat == 0.0


def test_score_keeps_order_takes_any_iterable_and_repeats_agree() -> None:
    texts = ["a wonderful, brilliant success", "a horrible, disgraceful failure"]
    first = score(iter(texts * 2))
    assert len(first) == 4
    assert first[0] == first[2] > 0
    assert first[1] == first[3] < 0
    assert score([]) == []


# Sentences that test VADER's rules at the edges of the shortcut: emoji and emoticons, negation, boosters,
# "kind of", "but", capitals, punctuation that VADER strips or keeps, non-ASCII text without emoji.
EDGES = [
    "The minister met the council on Tuesday.",
    "The minister met the council on Tuesday 😀",
    "The minister met the council :)",
    "The minister met the council :-( today",
    "No, the minister did not attend.",
    "The deal was not good, but it was kind of fair.",
    "It was extremely BAD!!!",
    "“Vale”, the minister, met Kovač in Zürich — again…",
    "(great)",
    "He said: 'NO.'",
    "at least the port opened",
    "least",
    "",
]


def test_the_shortcut_gives_vaders_own_score() -> None:
    expected = [_analyzer().polarity_scores(text)["compound"] for text in EDGES]
    assert score(EDGES) == expected
    shortcut = [text for text in EDGES if _no_sentiment_words(text)]
    # taken only where no token is a lexicon word as VADER splits and strips it ("No," stays "No,")
    assert shortcut == [
        "The minister met the council on Tuesday.",
        "No, the minister did not attend.",
        "“Vale”, the minister, met Kovač in Zürich — again…",
        "He said: 'NO.'",
        "at least the port opened",
        "least",
        "",
    ]


# --- summarise ------------------------------------------------------------------------------------


def test_summary_by_hand() -> None:
    tone = summarise([("a", 0.5), ("b", -0.5), ("c", 0.0), ("d", 0.8)])
    mean = (0.5 - 0.5 + 0.0 + 0.8) / 4  # 0.2
    s = math.sqrt(((0.5 - 0.2) ** 2 + (-0.5 - 0.2) ** 2 + (0.0 - 0.2) ** 2 + (0.8 - 0.2) ** 2) / 3)  # √(0.98/3)
    half = 1.96 * s / math.sqrt(4)
    assert tone.n == 4
    assert tone.mean == pytest.approx(mean)
    assert tone.low == pytest.approx(mean - half)
    assert tone.high == pytest.approx(mean + half)
    assert tone.low == pytest.approx(0.2 - 0.98 * math.sqrt(0.98 / 3))
    assert tone.positive == 2 / 4  # 0.5 and 0.8
    assert tone.negative == 1 / 4  # -0.5
    assert tone.neutral == 1 / 4  # 0.0
    assert tone.most_positive == [("d", 0.8), ("a", 0.5)]
    assert tone.most_negative == [("b", -0.5)]


def test_top_limits_the_evidence() -> None:
    tone = summarise([("a", 0.5), ("b", -0.5), ("c", -0.9), ("d", 0.8)], top=1)
    assert tone.most_positive == [("d", 0.8)]
    assert tone.most_negative == [("c", -0.9)]
    assert summarise([("a", 0.5)], top=0).most_positive == []


def test_shares_use_vader_thresholds_inclusively() -> None:
    tone = summarise([(1, 0.05), (2, -0.05), (3, 0.04), (4, -0.04), (5, 0.0)])
    assert tone.positive == 1 / 5
    assert tone.negative == 1 / 5
    assert tone.neutral == 3 / 5
    # weak scores are still evidence, but zero is neither side
    assert tone.most_positive == [(1, 0.05), (3, 0.04)]
    assert tone.most_negative == [(2, -0.05), (4, -0.04)]


def test_ties_keep_the_given_order() -> None:
    tone = summarise([("w", 0.3), ("x", 0.6), ("y", 0.3), ("z", 0.3), ("n1", -0.2), ("n2", -0.2)])
    assert tone.most_positive == [("x", 0.6), ("w", 0.3), ("y", 0.3)]
    assert tone.most_negative == [("n1", -0.2), ("n2", -0.2)]


def test_empty() -> None:
    assert summarise([]) == Tone(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, [], [])


def test_one_score_has_no_spread() -> None:
    tone = summarise([(("article-1", 4), -0.6)])
    assert (tone.n, tone.mean, tone.low, tone.high) == (1, -0.6, -0.6, -0.6)
    assert (tone.positive, tone.negative, tone.neutral) == (0.0, 1.0, 0.0)
    assert tone.most_positive == []
    assert tone.most_negative == [(("article-1", 4), -0.6)]


def test_identical_scores_have_a_zero_width_interval() -> None:
    tone = summarise([("a", 0.4), ("b", 0.4), ("c", 0.4)])
    assert tone.low == pytest.approx(0.4)
    assert tone.high == pytest.approx(0.4)
