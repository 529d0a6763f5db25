"""Renderings the CLI and the app share: a word diff and a timeline, as Rich Text (article text stays data)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from corpus.framing.align import DiffRun

_BARS = "▁▂▃▄▅▆▇█"


def diff_text(diff: Sequence[DiffRun]) -> Text:
    """A word diff, wdiff-style: `[-words only in a-]` struck in red, `{+words only in b+}` underlined in green.

    The brackets keep the two sides apart with no colour or text style at all (NO_COLOR, a monochrome
    terminal, a copied screen); they are plain characters in a Text, never markup.
    """
    out = Text()
    for run in diff:
        if out:
            out.append(" ")
        if run.op == "equal":
            out.append(run.a)
            continue
        if run.a:
            out.append("[-" + run.a + "-]", style="red strike")
        if run.a and run.b:
            out.append(" ")
        if run.b:
            out.append("{+" + run.b + "+}", style="green underline")
    return out


def sparkline(counts: Sequence[int]) -> str:
    """Counts as block characters scaled to the peak; a blank for zero so gaps in coverage show."""
    peak = max(counts, default=0)
    if peak <= 0:
        return ""
    return "".join(_BARS[min(7, round(n * 7 / peak))] if n > 0 else " " for n in counts)
