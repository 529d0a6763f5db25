"""One reader per input format. Each turns a decoded file into `Record`s: articles before ids.

Readers raise `ReadError` for a whole file that cannot be read, and return `Problem`s for parts of a
file (one bad line of a .jsonl) so that the rest still goes in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from corpus.model import Comment, Via


class ReadError(ValueError):
    """A whole file could not be read; the message is the reason shown to the user."""


@dataclass(slots=True)
class Record:
    """An article as a reader found it. `outlet` is only what the file itself states (a field, a site
    name); the URL, folder and signatures are weighed later, in one place (corpus.outlets)."""

    title: str | None
    body: str
    part: int = 1
    key: str | None = None  # the record's own id in structured input, for ids that survive reordering
    outlet: str | None = None
    url: str | None = None
    date: date | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    via: list[Via] = field(default_factory=list)
    signed_text: str = ""  # text to look for an outlet's signature in ("support X on Patreon")
    line: int | None = None  # the line of the file it came from, for problem reports
