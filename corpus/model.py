"""The plain records the rest of newsframe is built on: articles, where they came from, and problems."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

UNKNOWN_OUTLET = "unknown"


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article was read from: the file, which article of it (1-based), and the file's hash."""

    path: str
    part: int = 1
    file_hash: str = ""


@dataclass(frozen=True, slots=True)
class Via:
    """Text a page reposts from another outlet ("Via the BBC..."), kept apart from the page's own text.

    `at` is the index of the body paragraph the block followed, so a reader can put it back in place.
    """

    outlet: str
    text: str
    at: int = 0


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment; `depth` is 0 for a top-level comment and grows with each nested reply."""

    text: str
    author: str | None = None
    depth: int = 0


@dataclass(slots=True)
class Article:
    """A clean article: the page's own text in `body`; comments and reposted text kept apart."""

    id: str
    outlet: str
    title: str
    body: str
    source: Source
    date: date | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    comments: list[Comment] = field(default_factory=list)
    via: list[Via] = field(default_factory=list)
    text_hash: str = ""
    duplicate_of: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        """The body split at blank lines."""
        return [p for p in self.body.split("\n\n") if p]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the field names (and order) of `newsframe add --dry-run --json`."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return {key: data[key] for key in _JSON_ORDER}


_JSON_ORDER = (
    "id",
    "outlet",
    "title",
    "date",
    "authors",
    "tags",
    "url",
    "body",
    "comments",
    "via",
    "source",
    "text_hash",
    "duplicate_of",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or one line of it) that could not be read, and why, in words a user can act on."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"
