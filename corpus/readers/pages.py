"""Plain-text and Markdown pages, as scraped or saved: cleaned by corpus.pages."""

from __future__ import annotations

import re

from corpus.pages import parse_page
from corpus.readers import ReadError, Record

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _unmark(text: str) -> str:
    """Markdown to the plain text a scraped page would hold: headings, emphasis and links unwrapped."""
    text = _MARKDOWN_HEADING.sub("", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    return _MARKDOWN_EMPHASIS.sub(r"\2", text)


def read_page(text: str, suffix: str, repeated: frozenset[str] = frozenset()) -> list[Record]:
    """The articles on one page (several when the page holds several, each with its own header)."""
    if suffix == ".md":
        text = _unmark(text)
    articles = parse_page(text, repeated)
    if not articles:
        raise ReadError("no article text found (the page is empty or all furniture)")
    return [
        Record(
            title=a.title,
            body=a.body,
            part=n,
            date=a.date,
            authors=a.authors,
            tags=a.tags,
            comments=a.comments,
            via=a.via,
            signed_text=text,
        )
        for n, a in enumerate(articles, start=1)
    ]
