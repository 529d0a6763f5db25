"""Fightin' Words checked against log-odds worked by hand on toy counts, and the tokeniser that feeds it."""

from __future__ import annotations

import math

import pytest

from corpus.framing.distinctive import WordScore, fightin_words, words

# --- words ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said that he would fight the reform.", ["minister", "fight", "reform"]),
        ("A far-right rally; the so-called reform", ["far-right", "rally", "so-called", "reform"]),
        ("The mayor’s plan and O’Neill’s rock’n’roll", ["mayor", "plan", "o'neill", "rock'n'roll"]),
        ("It’s clear they don't care, and we've won", ["clear", "care", "won"]),
        ("In 2024 some 3 or 12,000 votes, 19-20 and a G7 covid-19 case", ["votes", "g7", "covid-19", "case"]),
        ("Mr Voss met two dozen workers, x y z", ["voss", "met", "workers"]),
        ("", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_words_exclude_the_target_and_its_possessive() -> None:
    text = "Elena Voss’s budget: Voss defended VOSS's cuts"
    assert words(text, exclude={"elena", "voss"}) == ["budget", "defended", "cuts"]
    assert words(text, exclude=["Voss"]) == ["elena", "budget", "defended", "cuts"]


# --- fightin_words --------------------------------------------------------------------------------


def _by_word(scores: list[WordScore]) -> dict[str, WordScore]:
    return {s.word: s for s in scores}


def test_explicit_prior_by_hand() -> None:
    counts = {"A": {"tax": 4, "cut": 1, "relief": 1}, "B": {"tax": 1, "cut": 3, "relief": 2}}
    # background + 0.5: tax 6, cut 4, relief 2 (sum 12); α0 defaults to all tokens, 6 + 6 = 12,
    # so α = 12 · (6, 4, 2) / 12 = (6, 4, 2). n_A = n_B = 6.
    result = fightin_words(counts, {"tax": 5.5, "cut": 3.5, "relief": 1.5})
    a = _by_word(result["A"])

    tax_delta = math.log((4 + 6) / (6 + 12 - 4 - 6)) - math.log((1 + 6) / (6 + 12 - 1 - 6))
    tax_z = tax_delta / math.sqrt(1 / (4 + 6) + 1 / (1 + 6))
    cut_delta = math.log((1 + 4) / (6 + 12 - 1 - 4)) - math.log((3 + 4) / (6 + 12 - 3 - 4))
    cut_z = cut_delta / math.sqrt(1 / (1 + 4) + 1 / (3 + 4))
    relief_delta = math.log((1 + 2) / (6 + 12 - 1 - 2)) - math.log((2 + 2) / (6 + 12 - 2 - 2))
    relief_z = relief_delta / math.sqrt(1 / (1 + 2) + 1 / (2 + 2))

    assert a["tax"].delta == pytest.approx(tax_delta)
    assert a["tax"].z == pytest.approx(tax_z)
    assert a["cut"].delta == pytest.approx(cut_delta)
    assert a["cut"].z == pytest.approx(cut_z)
    assert a["relief"].delta == pytest.approx(relief_delta)
    assert a["relief"].z == pytest.approx(relief_z)
    assert (a["tax"].count, a["tax"].other, a["cut"].count, a["cut"].other) == (4, 1, 1, 3)
    # z: tax ≈ +1.37, relief ≈ -0.47, cut ≈ -0.86
    assert [s.word for s in result["A"]] == ["tax", "relief", "cut"]
    assert [s.word for s in result["B"]] == ["cut", "relief", "tax"]
    assert not any(s.significant for s in result["A"])


def test_pooled_prior_three_groups_by_hand() -> None:
    counts = {"A": {"war": 3, "talks": 1}, "B": {"talks": 2}, "C": {"war": 1, "talks": 2}}
    # no prior: the pooled counts are the background, war 4 and talks 5, plus 0.5: 4.5 and 5.5 (sum 10).
    # α0 = 2, so α_war = 2 · 4.5 / 10 = 0.9 and α_talks = 2 · 5.5 / 10 = 1.1. Totals 4, 2, 3 of 9.
    result = fightin_words(counts, prior_strength=2)
    a, b, c = (_by_word(result[g]) for g in "ABC")

    a_war = math.log((3 + 0.9) / (4 + 2 - 3 - 0.9)) - math.log((1 + 0.9) / (5 + 2 - 1 - 0.9))
    assert a["war"].delta == pytest.approx(a_war)
    assert a["war"].z == pytest.approx(a_war / math.sqrt(1 / 3.9 + 1 / 1.9))

    b_war = math.log((0 + 0.9) / (2 + 2 - 0 - 0.9)) - math.log((4 + 0.9) / (7 + 2 - 4 - 0.9))
    assert b["war"].delta == pytest.approx(b_war)
    assert b["war"].z == pytest.approx(b_war / math.sqrt(1 / 0.9 + 1 / 4.9))
    assert (b["war"].count, b["war"].other) == (0, 4)

    c_talks = math.log((2 + 1.1) / (3 + 2 - 2 - 1.1)) - math.log((3 + 1.1) / (6 + 2 - 3 - 1.1))
    assert c["talks"].delta == pytest.approx(c_talks)
    assert c["talks"].z == pytest.approx(c_talks / math.sqrt(1 / 3.1 + 1 / 4.1))


def test_two_groups_are_mirror_images() -> None:
    counts = {"A": {"strike": 7, "pay": 2, "union": 5, "chaos": 3}, "B": {"strike": 2, "pay": 9, "union": 4}}
    result = fightin_words(counts)
    a, b = _by_word(result["A"]), _by_word(result["B"])
    assert a.keys() == b.keys() == {"strike", "pay", "union", "chaos"}
    for word in a:
        assert a[word].z == pytest.approx(-b[word].z)
        assert a[word].delta == pytest.approx(-b[word].delta)
        assert (a[word].count, a[word].other) == (b[word].other, b[word].count)


def test_a_word_only_one_outlet_uses_ranks_first_for_it() -> None:
    shared = {"budget": 4, "vote": 4, "minister": 3}
    counts = {"A": {**shared, "austerity": 3}, "B": dict(shared), "C": dict(shared)}
    result = fightin_words(counts)
    assert result["A"][0].word == "austerity"
    assert result["A"][0].z > 0
    assert result["B"][-1].word == "austerity"
    assert result["C"][-1].word == "austerity"


def test_significant_flag() -> None:
    counts = {"A": {"war": 40, "peace": 5, "rain": 10}, "B": {"war": 5, "peace": 40, "rain": 10}}
    a = _by_word(fightin_words(counts)["A"])
    assert a["war"].significant and a["war"].z >= 1.96
    assert a["peace"].significant and a["peace"].z <= -1.96
    assert not a["rain"].significant
    assert all(s.significant == (abs(s.z) >= 1.96) for s in a.values())


def test_min_count() -> None:
    counts = {"A": {"tax": 3, "levy": 1}, "B": {"tax": 2, "duty": 1, "levy": 1}}
    assert {s.word for s in fightin_words(counts)["A"]} == {"tax", "levy"}
    assert {s.word for s in fightin_words(counts, min_count=3)["B"]} == {"tax"}
    assert {s.word for s in fightin_words(counts, min_count=1)["B"]} == {"tax", "levy", "duty"}


def test_ties_sort_by_word() -> None:
    counts = {"A": {"beta": 2, "alpha": 2, "gamma": 1}, "B": {"alpha": 1, "beta": 1, "gamma": 2}}
    assert [s.word for s in fightin_words(counts)["A"]] == ["alpha", "beta", "gamma"]


def test_single_group_empty_groups_and_no_groups() -> None:
    assert fightin_words({}) == {}
    assert fightin_words({"A": {"tax": 3, "cut": 2}}) == {"A": []}
    assert fightin_words({"A": {"tax": 3, "cut": 2}, "B": {}, "C": {"tax": 0}}) == {"A": [], "B": [], "C": []}
    result = fightin_words({"A": {"tax": 3, "cut": 2}, "B": {}, "C": {"tax": 1, "cut": 4}})
    assert result["B"] == []
    assert len(result["A"]) == len(result["C"]) == 2


def test_one_word_vocabulary_has_no_contrast() -> None:
    assert fightin_words({"A": {"tax": 3}, "B": {"tax": 5}}) == {"A": [], "B": []}


def test_prior_strength_must_be_positive() -> None:
    with pytest.raises(ValueError, match="prior_strength"):
        fightin_words({"A": {"tax": 3, "cut": 1}, "B": {"tax": 1, "cut": 3}}, prior_strength=0)
