"""Sentence tone: VADER compound scores, and their summary per outlet with an interval, so a gap in
tone between outlets can be told apart from noise.

VADER is pinned (vaderSentiment==3.3.2) because every figure here depends on its lexicon.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat
from typing import Any, Generic, TypeVar

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText  # type: ignore[import-untyped]

K = TypeVar("K")

# VADER's own thresholds for calling a compound score positive or negative.
POSITIVE_AT = 0.05
NEGATIVE_AT = -0.05
# Two-sided 95% quantile of the normal distribution.
Z95 = 1.96


@cache
def _analyzer() -> Any:
    """One analyzer per process: constructing it reads and parses its lexicon files."""
    return SentimentIntensityAnalyzer()


@cache
def _emoji() -> frozenset[str]:
    """The characters VADER replaces by their description (it looks at one character at a time)."""
    return frozenset(key for key in _analyzer().emojis if len(key) == 1)


def warm() -> None:
    """Read VADER's lexicon now (about 10 ms), not at the first score: an alignment worker does this
    while the comparing process decodes its articles."""
    _analyzer()
    _emoji()


def _no_sentiment_words(text: str) -> bool:
    """True when VADER scores the text exactly 0: no emoji, and no token (split and stripped as VADER
    does) in its lexicon. Every rule of VADER's (negation, boosters, "but", capitals, "!") scales the
    valence of a lexicon word, so without one all are 0. About two mention sentences in three are like
    this in news, and VADER's own pass over them (a character loop for emoji, then rules for each word)
    costs ten times this check.

    VADER looks up each token stripped of punctuation, or the token itself when that leaves two
    characters or fewer. Both forms are checked in C on the lower-cased tokens (no character lower-cases
    to punctuation, so that is the same as stripping first): a lexicon word with no punctuation to strip
    is looked up either way, and a text with neither form of any token in the lexicon has none. Only
    the rest (an emoticon, "No," whose "No" is too short to strip) get VADER's rule token by token."""
    if not text.isascii() and not _emoji().isdisjoint(text):
        return False
    words = _analyzer().lexicon.keys()
    tokens = text.lower().split()
    found = words & tokens
    if any(word == word.strip(string.punctuation) for word in found):
        return False
    if not found and words.isdisjoint(map(str.strip, tokens, repeat(string.punctuation))):
        return True
    strip = SentiText._strip_punc_if_word  # VADER's own rule, so the shortcut cannot drift from it
    return not any(strip(token).lower() in words for token in text.split())


@lru_cache(maxsize=1 << 16)
def _compound(text: str) -> float:
    """The compound score of one text, cached: the same sentence recurs across articles and views."""
    if _no_sentiment_words(text):
        return 0.0
    return float(_analyzer().polarity_scores(text)["compound"])


def score(texts: Iterable[str]) -> list[float]:
    """VADER compound score (-1 to 1) of each text, in order."""
    return [_compound(text) for text in texts]


@dataclass(frozen=True, slots=True)
class Tone(Generic[K]):
    """The tone of a set of scored sentences: the mean with its 95% interval, the shares of positive,
    negative and neutral sentences, and the most positive and most negative ones as evidence."""

    n: int
    mean: float
    low: float
    high: float
    positive: float
    negative: float
    neutral: float
    most_positive: list[tuple[K, float]]
    most_negative: list[tuple[K, float]]


def summarise(scored: Sequence[tuple[K, float]], top: int = 3) -> Tone[K]:
    """Aggregate (key, score) pairs into a Tone; the interval is the normal approximation
    mean ± 1.96·s/√n (s the sample standard deviation), collapsed to the mean below two scores.

    The extremes are the `top` highest scores above 0 and lowest below 0; ties keep the given order.
    Nothing is rounded: callers round for display.
    """
    n = len(scored)
    if n == 0:
        return Tone(
            n=0,
            mean=0.0,
            low=0.0,
            high=0.0,
            positive=0.0,
            negative=0.0,
            neutral=0.0,
            most_positive=[],
            most_negative=[],
        )
    values = [value for _, value in scored]
    mean = math.fsum(values) / n
    if n >= 2:
        s = math.sqrt(math.fsum((value - mean) ** 2 for value in values) / (n - 1))
        half = Z95 * s / math.sqrt(n)
    else:
        half = 0.0
    n_positive = sum(1 for value in values if value >= POSITIVE_AT)
    n_negative = sum(1 for value in values if value <= NEGATIVE_AT)
    top = max(top, 0)
    # sorted() is stable, so equal scores keep the order they were given in.
    most_positive = sorted((pair for pair in scored if pair[1] > 0), key=lambda pair: -pair[1])[:top]
    most_negative = sorted((pair for pair in scored if pair[1] < 0), key=lambda pair: pair[1])[:top]
    return Tone(
        n=n,
        mean=mean,
        low=mean - half,
        high=mean + half,
        positive=n_positive / n,
        negative=n_negative / n,
        neutral=(n - n_positive - n_negative) / n,
        most_positive=[(key, value) for key, value in most_positive],
        most_negative=[(key, value) for key, value in most_negative],
    )
