"""The sentence splitter on the cases news text throws at it."""

from __future__ import annotations

import pytest

from corpus.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Putin met Mrs. May and Dr. Fauci in St. Petersburg on Monday.",
        "Donald J. Trump and J. K. Rowling were not at the meeting.",
        "The U.N. Security Council met the U.S. delegation on Jan. 5 at 10 a.m. sharp.",
        "Gen. Milley and Sen. Warren spoke with Prof. Smith, Inc. and Co. executives.",
        "Inflation was 2.5 percent, up from 1.9 percent.",
    ],
)
def test_no_split_after_abbreviations_initials_acronyms_and_numbers(text: str) -> None:
    assert sentences(text) == [text]


def test_quotes_that_close_after_the_full_stop() -> None:
    text = 'He said "no." Then he left. “It is over.” The end came later.'
    assert sentences(text) == ['He said "no."', "Then he left.", "“It is over.”", "The end came later."]


def test_question_and_exclamation_marks() -> None:
    assert sentences("Why? Because! It works.") == ["Why?", "Because!", "It works."]


def test_ellipsis_before_a_capital_ends_a_sentence_but_not_before_lower_case() -> None:
    assert sentences("He waited... Nothing came.") == ["He waited...", "Nothing came."]
    assert sentences("He waited … and waited.") == ["He waited … and waited."]


def test_acronym_at_the_end_of_a_sentence() -> None:
    assert sentences("Sanctions came from the U.S. The talks stalled.") == [
        "Sanctions came from the U.S.",
        "The talks stalled.",
    ]


def test_headlines_and_list_items_are_their_own_sentences() -> None:
    text = "Voss lands harbour deal\n\n• Tax cut for workers\n• Rail budget trimmed\nThe vote is on Friday."
    assert sentences(text) == [
        "Voss lands harbour deal",
        "• Tax cut for workers",
        "• Rail budget trimmed",
        "The vote is on Friday.",
    ]


def test_offsets_point_into_the_text() -> None:
    text = "  First one.  Second one.\n\nThird"
    for span in split_sentences(text):
        assert text[span.start : span.end].strip() == text[span.start : span.end]
    assert sentences(text) == ["First one.", "Second one.", "Third"]


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n  \n") == []
