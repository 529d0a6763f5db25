"""Snippets: the passages with the most matched words, with exact highlight spans."""

from __future__ import annotations

from index.snippets import ELLIPSIS, matches, snippet


def marked(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_matches_find_inflected_forms_by_stem() -> None:
    text = "The harbours were busy. Harbour workers struck; the harbour-master said nothing."
    assert marked(text, matches(text, {"harbour"})) == ["harbours", "Harbour", "harbour"]


def test_no_terms_or_no_match_gives_the_opening_without_highlights() -> None:
    text = "word " * 100
    found = snippet(text, {"absent"})
    assert found.highlights == []
    assert found.text.endswith("…") and len(found.text) <= 242
    assert snippet("short text", set()).text == "short text"


def test_the_passage_with_more_distinct_terms_wins_and_spans_are_exact() -> None:
    filler = "Nothing happened here at all today. " * 12
    text = filler + "The mayor spoke. " + filler + "The mayor said the strike would end. " + filler
    found = snippet(text, {"mayor", "strike"}, fragments=1)
    assert "strike" in found.text
    assert marked(found.text, found.highlights) == ["mayor", "strike"]


def test_two_fragments_in_text_order_joined_by_an_ellipsis() -> None:
    filler = "Nothing happened here at all today. " * 12
    text = "The mayor spoke. " + filler + "Then the strike began. " + filler
    found = snippet(text, {"mayor", "strike"}, fragments=2, width=60, before=10)
    assert ELLIPSIS in found.text
    assert marked(found.text, found.highlights) == ["mayor", "strike"]
    assert found.text.index("mayor") < found.text.index("strike")


def test_newlines_become_spaces_so_a_snippet_is_one_line() -> None:
    found = snippet("First paragraph about the port.\n\nSecond about the port.", {"port"})
    assert "\n" not in found.text
    assert marked(found.text, found.highlights) == ["port", "port"]
