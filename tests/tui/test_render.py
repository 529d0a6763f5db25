"""The shared renderings: a word diff readable without colour, a timeline."""

from __future__ import annotations

from corpus.framing.align import word_diff
from tui.render import diff_text, sparkline


def test_a_word_diff_is_marked_wdiff_style_and_styled() -> None:
    text = diff_text(
        word_diff("Voss declared the deal [bold]done[/bold].", "Voss insisted the deal [bold]done[/bold].")
    )
    assert text.plain == "Voss [-declared-] {+insisted+} the deal [bold]done[/bold]."  # markup-like text stays
    styles = {text.plain[s.start : s.end]: str(s.style) for s in text.spans}
    assert styles == {"[-declared-]": "red strike", "{+insisted+}": "green underline"}


def test_inserted_and_deleted_runs_alone() -> None:
    assert diff_text(word_diff("a b c", "a c")).plain == "a [-b-] c"
    assert diff_text(word_diff("a c", "a b c")).plain == "a {+b+} c"


def test_sparkline_scales_to_the_peak_and_leaves_gaps() -> None:
    assert sparkline([0, 1, 7, 0]) == " ▂█ "
    assert sparkline([]) == "" and sparkline([0, 0]) == ""
