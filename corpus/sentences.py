"""Sentence splitting tuned for news text, with character offsets into the text it splits.

Why hand-written: on a 700-word article pysbd took 14 ms and syntok 10 ms, against a budget of about
3 ms for all of people extraction (issue 3's 300 articles/s on one core). News text needs few rules,
each tested in `tests/corpus/test_sentences.py`:

- every line is its own unit (paragraphs, headlines without full stops, list items);
- a boundary is `.`, `!`, `?` or an ellipsis, with any closing quotes or brackets that follow it,
  then space, then something that can start a sentence (a capital, a digit, an opening quote);
- no boundary after an abbreviation (Mr., Dr., St., Jan., Gen., ...), a single-letter initial
  ("Donald J. Trump"), or inside a dotted acronym (U.S., U.N.) unless the next word is one that
  usually starts a sentence ("The", "He", "But", ...).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Abbreviations that end with a full stop but rarely end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs mme mx dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep
    rev fr hon pres supt insp det no nos vs v etc al approx dept est fig inc ltd co corp bros cf ie eg
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd ste univ assn intl natl govt
    """.split()
)

# Words that, capitalised after a dotted acronym ("... the U.S. The ..."), mean a new sentence began.
_SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i you this that these those there here but and or so yet however
    meanwhile still then now in on at for if when while after before although though as his her their
    its our my your one some many most all no not what who why how
    """.split()
)

# A candidate boundary: terminal punctuation, closing quotes/brackets, whitespace, then a sentence start.
_BOUNDARY = re.compile(
    r"""(?P<end>(?:\.{3}|…|[.!?])+[\"'”’»)\]]*)"""  # the terminal mark with what closes after it
    r"""(?P<space>\s+)"""
    r"""(?=[\"'“‘«(\[]?[\dA-ZÀ-ÖØ-Þ])"""  # what follows can start a sentence
)
_INITIAL = re.compile(r"^[\"'“‘(]?[A-Z]$")
_ACRONYM = re.compile(r"^[\"'“‘(]?(?:[A-Za-z]\.){2,}$|^[\"'“‘(]?(?:[A-Za-z]\.)+[A-Za-z]$")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]?([A-Za-zÀ-ÖØ-öø-ÿ]+)")


class Span(NamedTuple):
    """One sentence: `text[start:end]` of the text it was split from. (A tuple: an article makes
    forty of them, and a frozen dataclass took four times as long to build.)"""

    start: int
    end: int


def split_sentences(text: str) -> list[Span]:
    """The sentences of `text` as spans, in order; blank lines and surrounding space are skipped."""
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        _split_line(line, offset, spans)
        offset += len(line) + 1
    return spans


def _split_line(line: str, offset: int, spans: list[Span]) -> None:
    start = 0
    for match in _BOUNDARY.finditer(line):
        cut = match.end("end")
        if _is_boundary(line, start, match):
            _add(line, start, cut, offset, spans)
            start = match.end("space")
    _add(line, start, len(line), offset, spans)


def _is_boundary(line: str, start: int, match: re.Match[str]) -> bool:
    mark = match.group("end")
    if mark[0] != ".":
        # "!" and "?" end sentences; an ellipsis does when a capital follows (checked by the regex).
        return True
    if mark.startswith(("...", "…")):
        return True
    end = match.start("end")
    cut = end
    while cut > start and not line[cut - 1].isspace():  # the word before the mark (a regex search for
        cut -= 1  # it scanned the sentence from its start, at every boundary)
    if cut == end:
        return True
    word = line[cut:end]
    stem = word.rstrip(".").lstrip("\"'“‘(").lower()
    closed = len(mark) > 1  # a quote or bracket closed after the stop: "... no." Then
    if closed:
        return True
    if stem in _ABBREVIATIONS:
        return False
    if _INITIAL.match(word):
        return False
    if _ACRONYM.match(word + "."):
        following = _NEXT_WORD.match(line, match.end("space"))
        return following is not None and following.group(1).lower() in _SENTENCE_STARTERS
    return True


def _add(line: str, start: int, end: int, offset: int, spans: list[Span]) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(offset + start, offset + end))
