"""Distinctive words per outlet: Fightin' Words (Monroe, Colaresi & Quinn 2008, "Fightin' Words:
Lexical Feature Selection and Evaluation for Identifying the Content of Political Conflict").

The log-odds ratio with an informative Dirichlet prior, each outlet against all the others pooled. The
prior shrinks rare words towards the background rate, so a word used twice by one outlet does not beat a
word it uses far more than the others, and the z-score says how sure the difference is.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache

from corpus.lexicon import STOP_WORDS

# Function words beyond corpus.lexicon.STOP_WORDS. They carry grammar or house style, not framing:
# the remaining pronouns, "do"/"shall" forms, pronoun and negated-auxiliary contractions (the "'s" ones
# reduce to a stop word once the possessive is dropped), a few prepositions and determiners, reporting
# "say" forms, honorifics (whether an outlet writes "Mr" is its style guide), and number words.
_PRONOUN_CONTRACTIONS = frozenset(
    f"{pronoun}'{suffix}"
    for pronoun in "i you he she it we they that there who what here".split()
    for suffix in ("m", "re", "ve", "ll", "d")
)
FUNCTION_WORDS = (
    frozenset(
        """
    mine yours ours theirs hers yourself yourselves
    having doing done shall ought cannot
    don't doesn't didn't can't couldn't won't wouldn't isn't aren't wasn't weren't hasn't haven't hadn't
    shouldn't mustn't mightn't needn't shan't ain't
    amongst alongside ago whilst
    other another own same
    say saying
    mr mrs ms dr
    zero two three four five six seven eight nine ten eleven twelve dozen hundred hundreds thousand
    thousands million millions billion billions
    """.split()
    )
    | _PRONOUN_CONTRACTIONS
)
IGNORED_WORDS = STOP_WORDS | FUNCTION_WORDS

# A run of letters or digits, with single inner apostrophes or hyphens: "don't", "far-right", "covid-19".
_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
# Curly and modifier apostrophes, and Unicode hyphens, to their ASCII forms.
_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})

SIGNIFICANT_Z = 1.96


def _normalise(text: str) -> str:
    return text.translate(_NORMALISE).lower()


def words(text: str, exclude: Collection[str] = ()) -> list[str]:
    """The content words of a text, lowercased, for counting: stop and function words, single letters,
    tokens without a letter and the `exclude` words (the target's own name) are dropped, since they say
    nothing about how an outlet frames the target. A possessive "'s" is dropped ("Voss's" counts as "voss").
    """
    normalised = _normalise(text)
    tokens = _TOKEN.findall(normalised)
    if "'s" in normalised:
        tokens = [token[:-2] if token.endswith("'s") else token for token in tokens]
    excluded = _excluded(exclude) if isinstance(exclude, frozenset) else {_normalise(word) for word in exclude}
    return [
        token
        for token in tokens
        if len(token) > 1
        and token not in IGNORED_WORDS
        and token not in excluded
        and (token.isalpha() or _LETTER.search(token))  # most tokens are plain words: one C call
    ]


@lru_cache(maxsize=64)
def _excluded(exclude: frozenset[str]) -> frozenset[str]:
    """The exclude words normalised once: a comparison asks for every mention sentence with the same ones."""
    return frozenset(_normalise(word) for word in exclude)


@dataclass(frozen=True, slots=True)
class WordScore:
    """One word's log-odds for a group against the rest: `delta` the log-odds ratio, `z` its z-score,
    `count` and `other` its raw counts in the group and in the other groups pooled."""

    word: str
    z: float
    delta: float
    count: int
    other: int
    significant: bool


def fightin_words(
    counts: Mapping[str, Mapping[str, int]],
    prior: Mapping[str, float] | None = None,
    *,
    prior_strength: float | None = None,
    min_count: int = 2,
    top: int | None = None,
) -> dict[str, list[WordScore]]:
    """Score every word of every group (`counts[group][word]`) against the other groups pooled.

    The prior is the background rate of each word: `prior` (word counts from the whole corpus), or the
    groups' own pooled counts when it is None. Its shares are taken over the words the groups use, each
    count plus 0.5 so a word missing from the background still has some prior. `prior_strength` (α0, the
    total pseudo-count) defaults to the number of tokens across all groups: the prior weighs as much as the
    data, which shrinks rare words hard but leaves frequent differences standing (Monroe et al. tune α0 by
    hand; tying it to the data keeps z comparable between small and large comparisons).

    Only words used at least `min_count` times across all groups are scored. Each list is sorted by z,
    highest first (ties by word); with `top`, only its first `top` (a comparison shows 30 of the some
    15,000 words it scores an outlet). With fewer than two groups that have any words there is no
    contrast, and every list is empty; a group without words gets an empty list.
    """
    result: dict[str, list[WordScore]] = {group: [] for group in counts}
    group_counts = {group: {word: c for word, c in words_.items() if c > 0} for group, words_ in counts.items()}
    totals = {group: sum(words_.values()) for group, words_ in group_counts.items()}
    if sum(1 for total in totals.values() if total > 0) < 2:
        return result
    pooled: dict[str, int] = {}
    for words_ in group_counts.values():
        for word, c in words_.items():
            pooled[word] = pooled.get(word, 0) + c
    if len(pooled) < 2:  # one word only: every group's share of it is 1, and the log-odds are undefined
        return result
    total = sum(totals.values())
    background: Mapping[str, float] = pooled if prior is None else prior
    weights = {word: max(float(background.get(word, 0.0)), 0.0) + 0.5 for word in pooled}
    weight_sum = math.fsum(weights.values())
    alpha0 = float(total) if prior_strength is None else prior_strength
    if not alpha0 > 0:
        raise ValueError(f"prior_strength must be positive, not {prior_strength}")
    alpha = {word: alpha0 * weight / weight_sum for word, weight in weights.items()}
    # each scored word with its prior and pooled count, looked up once for every group (15,000 words a group
    # in a large comparison: the loop below is written for speed, the arithmetic as in the paper, in order)
    scored = [(word, alpha[word], c) for word, c in pooled.items() if c >= min_count]
    log, sqrt = math.log, math.sqrt
    for group, words_ in group_counts.items():
        n_i = totals[group]
        if n_i == 0:
            continue
        n_j = total - n_i
        all_i, all_j = n_i + alpha0, n_j + alpha0
        count = words_.get
        rows: list[tuple[float, str, float, int, int]] = []  # (-z, word, ...): z highest first, ties by word
        for word, a, both in scored:
            y_i = count(word, 0)
            y_j = both - y_i
            delta = log((y_i + a) / (all_i - y_i - a)) - log((y_j + a) / (all_j - y_j - a))
            rows.append((-delta / sqrt(1 / (y_i + a) + 1 / (y_j + a)), word, delta, y_i, y_j))
        ranked = sorted(rows) if top is None else heapq.nsmallest(top, rows)
        result[group] = [
            WordScore(word, -z, delta, y_i, y_j, abs(z) >= SIGNIFICANT_Z) for z, word, delta, y_i, y_j in ranked
        ]
    return result
