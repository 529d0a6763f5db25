"""Scraped pages (.txt, .md) into articles: split multi-article pages, read each header, keep the
text, and set aside furniture, tags, reposted blocks and reader comments.

A page is read as classified lines (corpus.lines). An article starts at a header block (a title, maybe
a dek, an author, then "Published ... on <date>" or a by-line); a page with no such block is one
article whose title is its first headline-shaped line. The text of an article ends at an end mark
("Continue Reading"), a comment prompt ("Leave a Reply") or the first comment; what follows is comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from corpus.authors import is_name
from corpus.comments import parse_comments
from corpus.lines import COMMENT_HEADER, Kind, Line, classify
from corpus.model import Comment, Via
from corpus.text import clean_line, join_paragraphs

_HEADER_KINDS = {Kind.TEXT, Kind.BYLINE, Kind.CREDIT, Kind.PLACEHOLDER, Kind.BLANK, Kind.TAGS, Kind.DATE}
_MAX_TITLE_WORDS = 30
_BULLETED_REPLY = re.compile(r"^[•*·▪]\s+[^\s:][^:]{0,30}:\s+\S")
_BULLETS = ("•", "*", "-", "–", "·", "▪")


@dataclass(slots=True)
class PageArticle:
    """One article read off a page, before ids and outlet are assigned."""

    title: str | None
    body: str
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    date: date | None = None
    comments: list[Comment] = field(default_factory=list)
    via: list[Via] = field(default_factory=list)


def _short(line: Line) -> bool:
    return line.kind is Kind.TEXT and line.text.count(" ") < _MAX_TITLE_WORDS and len(line.text) <= 250


def _header_start(lines: list[Line], anchor: int, floor: int) -> int:
    """Walk back from a "Published" anchor over the header block; return where the block starts."""
    start = anchor
    texts = 0
    i = anchor - 1
    while i >= floor:
        line = lines[i]
        if line.kind not in _HEADER_KINDS or (line.kind is Kind.TEXT and not _short(line)):
            break
        if line.kind is Kind.TEXT:
            if texts == 3:  # title, dek, author at most: more short lines belong to what is above
                break
            texts += 1
        if line.kind is not Kind.BLANK:
            start = i
        i -= 1
    texts_in_block = [j for j in range(start, anchor) if lines[j].kind is Kind.TEXT]
    # Headlines rarely end with a full stop and sentences do: with a headline-shaped line after it,
    # a first line ending in "." is the end of the previous article's text, not this one's title.
    if (
        len(texts_in_block) >= 2
        and lines[texts_in_block[0]].text.endswith(".")
        and not lines[texts_in_block[1]].text.endswith(".")
    ):
        start = texts_in_block[1]
    return start


def _anchors(lines: list[Line]) -> list[int]:
    """Indices of the lines that close article header blocks: "Published"/"Posted on" lines.

    "Published" followed by "on" and a date counts once, at its first line.
    """
    found: list[int] = []
    for i, line in enumerate(lines):
        if line.kind is Kind.PUBLISHED and line.text.lower() != "on":
            if found and all(lines[j].kind in (Kind.BLANK, Kind.PUBLISHED, Kind.DATE) for j in range(found[-1], i)):
                continue
            found.append(i)
    return found


def _segments(lines: list[Line]) -> list[tuple[int, int, int | None]]:
    """(start, end, anchor) of each article on the page; anchor None for a page without headers."""
    anchors = _anchors(lines)
    if not anchors:
        return [(0, len(lines), None)]
    # a lone anchor deep in the text ("Published on ..." at the foot of the page) is not a header
    if len(anchors) == 1 and sum(1 for ln in lines[: anchors[0]] if ln.kind is Kind.TEXT and not _short(ln)) > 0:
        return [(0, len(lines), None)]
    starts = []
    floor = 0
    for anchor in anchors:
        starts.append(_header_start(lines, anchor, floor))
        floor = anchor + 1
    starts[0] = 0  # what precedes the first header (site furniture, tag lines) belongs to the first article
    bounds = [*starts[1:], len(lines)]
    return [(s, e, a) for s, e, a in zip(starts, bounds, anchors, strict=False)]


def _read_header(header: list[Line]) -> tuple[str | None, list[str], list[str], list[str], date | None]:
    """Title, dek paragraphs, authors, tags and date from the lines of a header block."""
    texts = [ln for ln in header if ln.kind is Kind.TEXT]
    authors: list[str] = []
    tags: list[str] = []
    when: date | None = None
    for line in header:
        if line.kind is Kind.BYLINE and isinstance(line.value, list):
            authors.extend(line.value)
        elif line.kind is Kind.TAGS and isinstance(line.value, list):
            tags.extend(line.value)
        elif line.kind in (Kind.DATE, Kind.PUBLISHED) and isinstance(line.value, date) and when is None:
            when = line.value
    title = texts[0].text if texts else None
    rest = texts[1:]
    if rest and is_name(rest[-1].text) and not authors:
        authors.append(rest[-1].text)
        rest = rest[:-1]
    return title, [ln.text for ln in rest], authors, tags, when


def _opens_comments(line: Line) -> bool:
    """A comment prompt, a comment's own header ("Jane says:"), or a bulleted "Name: text" reply."""
    if line.kind is Kind.COMMENTS:
        return True
    return line.kind is Kind.TEXT and (_comment_header(line) or bool(_BULLETED_REPLY.match(line.text)))


def _comment_header(line: Line) -> bool:
    return bool(COMMENT_HEADER.match(line.text)) and not line.text.endswith(".")


def _split_body(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Article text lines, and the comment lines: those from the first comment prompt or comment on.

    Text after an end mark ("Continue Reading") but before any comment prompt is page furniture.
    """
    end = next((i for i, line in enumerate(lines) if line.kind is Kind.END or _opens_comments(line)), len(lines))
    start = next((i for i in range(end, len(lines)) if _opens_comments(lines[i])), len(lines))
    return lines[:end], lines[start:]


def _assemble(
    lines: list[Line], title: str | None
) -> tuple[list[str], list[Via], list[str], list[str], date | None, str | None]:
    """Paragraphs, via blocks, authors, tags, date and a fallback title from an article's text lines.

    Lines of one block (no blank between) are joined, except list items, which stay paragraphs.
    """
    paragraphs: list[str] = []
    via: list[Via] = []
    authors: list[str] = []
    tags: list[str] = []
    when: date | None = None
    block: list[str] = []
    via_outlet: str | None = None
    via_block: list[str] = []
    via_at = 0

    def close_block() -> None:
        if block:
            (via_block if via_outlet else paragraphs).append(" ".join(block))
            block.clear()

    def close_via() -> None:
        nonlocal via_outlet
        close_block()
        if via_outlet and via_block:
            via.append(Via(outlet=via_outlet, text=join_paragraphs(via_block), at=via_at))
        via_outlet = None
        via_block.clear()

    for line in lines:
        kind = line.kind
        if kind is Kind.BLANK:
            close_block()
        elif kind is Kind.TEXT:
            if line.text == title and not paragraphs and not block:
                continue
            if line.text.startswith(_BULLETS):
                close_block()
                paragraphs_target = via_block if via_outlet else paragraphs
                paragraphs_target.append("• " + line.text.lstrip("".join(_BULLETS)).strip())
            else:
                block.append(line.text)
        elif kind is Kind.VIA:
            close_via()
            via_outlet = str(line.value).removeprefix("the ").removeprefix("The ")
            via_at = len(paragraphs)
        elif kind is Kind.BYLINE and isinstance(line.value, list) and not paragraphs:
            authors.extend(line.value)
        elif kind is Kind.TAGS and isinstance(line.value, list):
            close_block()
            tags.extend(line.value)
        elif kind in (Kind.DATE, Kind.PUBLISHED) and isinstance(line.value, date) and not paragraphs and when is None:
            when = line.value
        else:  # furniture, credits, placeholders, stray structure: a paragraph break, never text
            close_block()
    close_via()
    fallback_title = None
    if title is None and paragraphs and paragraphs[0].count(" ") < _MAX_TITLE_WORDS and not paragraphs[0].endswith("."):
        fallback_title = paragraphs.pop(0)
    return [clean_line(p) for p in paragraphs], via, authors, tags, when, fallback_title


def parse_page(text: str, repeated: frozenset[str] = frozenset()) -> list[PageArticle]:
    """Read a sanitised page into its articles (one or more); pages with no text give none."""
    lines = [classify(raw, repeated) for raw in text.split("\n")]
    articles: list[PageArticle] = []
    for start, end, anchor in _segments(lines):
        if anchor is not None:
            header_start = _header_start(lines, anchor, start) if start == 0 else start
            pre = [ln for ln in lines[start:header_start] if ln.kind is Kind.TAGS]
            title, dek, authors, tags, when = _read_header(pre + lines[header_start:anchor])
            if isinstance(anchor_date := lines[anchor].value, date):
                when = anchor_date
            body_start = anchor + 1
            while body_start < end and lines[body_start].kind in (Kind.BLANK, Kind.PUBLISHED, Kind.DATE):
                if when is None and isinstance(found := lines[body_start].value, date):
                    when = found
                body_start += 1
            text_lines, tail = _split_body(lines[body_start:end])
        else:
            title, dek, authors, tags, when = None, [], [], [], None
            text_lines, tail = _split_body(lines[start:end])
        paragraphs, via, more_authors, more_tags, body_date, fallback = _assemble(text_lines, title)
        if title is None:
            title = fallback
        if not authors:
            authors = more_authors
        body = join_paragraphs(dek + paragraphs)
        if dek:  # `at` counts body paragraphs, and the dek paragraphs come first in the body
            via = [Via(outlet=v.outlet, text=v.text, at=v.at + len(dek)) for v in via]
        if not body and not via:
            continue
        articles.append(
            PageArticle(
                title=title,
                body=body,
                authors=list(dict.fromkeys(authors)),
                tags=list(dict.fromkeys(tags + more_tags)),
                date=when or body_date,
                comments=parse_comments(tail),
                via=via,
            )
        )
    return articles


_DROPPED = {Kind.FURNITURE, Kind.END, Kind.COMMENTS, Kind.CREDIT, Kind.PLACEHOLDER}


def strip_furniture(body: str) -> str:
    """Drop whole paragraphs that are page furniture from text that is otherwise clean already
    (structured exports, feed content, extracted HTML): "Advertisement", share and donate calls,
    image credits. Paragraphs of article text are kept as they are."""
    lines = (classify(p) for p in body.split("\n\n"))
    # a line's text is its paragraph with whitespace collapsed, as `join_paragraphs` would make it
    return "\n\n".join(line.text for line in lines if line.text and line.kind not in _DROPPED)
