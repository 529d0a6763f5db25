"""The plain records the rest of newsframe is built on: articles, where they came from, and problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import Any, TypeVar

_T = TypeVar("_T")

UNKNOWN_OUTLET = "unknown"


def pickled_as_tuple(cls: type[_T]) -> type[_T]:
    """Pickle a slots dataclass as its class and a tuple of its fields.

    Articles and their drafts cross a process boundary on every import; the `__getstate__` that
    `dataclass(slots=True)` writes calls `fields()` per object and doubled the cost of sending them.
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    assert len(names) > 1, "attrgetter of one name returns the value, not a tuple"
    values = attrgetter(*names)

    def __reduce__(self: _T) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment, method-assign]
    return cls


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Source:
    """Where an article was read from: the file, which article of it (1-based), and the file's hash."""

    path: str
    part: int = 1
    file_hash: str = ""


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Via:
    """Text a page reposts from another outlet ("Via the BBC..."), kept apart from the page's own text.

    `at` is the index of the body paragraph the block followed, so a reader can put it back in place.
    """

    outlet: str
    text: str
    at: int = 0


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment; `depth` is 0 for a top-level comment and grows with each nested reply."""

    text: str
    author: str | None = None
    depth: int = 0


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: which text it is in, and where.

    `where` is "title", "body", "via" or "comment"; `block` numbers the via block or comment (0 for
    title and body); `start`/`end` are offsets into that text, so `text == field[start:end]`.
    """

    where: str
    block: int
    start: int
    end: int
    text: str


@pickled_as_tuple
@dataclass(slots=True)
class Mention:
    """One mention of a person: sentence index, the name's span in the sentence, and what frames it.

    `label` is the first of `labels` (descriptors, normalised for counting); `verb` is the lemma of the
    reporting verb when the person speaks ("say", "claim", "according to"), `verb_class` its class;
    `quote` the quoted words credited to the person in this sentence.

    Not frozen, though nothing changes one: a frozen dataclass sets each field with `object.__setattr__`,
    and a large comparison decodes 84,000 mentions (3,146 articles: 0.24 s frozen, 0.17 s not).
    """

    sentence: int
    start: int
    end: int
    surface: str
    where: str = "body"
    labels: tuple[str, ...] = ()
    verb: str | None = None
    verb_class: str | None = None
    quote: str | None = None

    @property
    def label(self) -> str | None:
        return self.labels[0] if self.labels else None

    def to_dict(self, sentences: Sequence[Sentence]) -> dict[str, Any]:
        """The JSON of `add --dry-run --json`: the issue's keys first, then `where`, `labels`, `text`."""
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "label": self.label,
            "verb": self.verb,
            "verb_class": self.verb_class,
            "quote": self.quote,
            "where": self.where,
            "labels": list(self.labels),
            "text": sentences[self.sentence].text if self.sentence < len(sentences) else "",
        }


@pickled_as_tuple
@dataclass(slots=True)
class Person:
    """A person as one article mentions them: canonical name, the corpus's other names for them."""

    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self, sentences: Sequence[Sentence]) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict(sentences) for m in self.mentions],
        }


@pickled_as_tuple
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
    sentences: Sequence[Sentence] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        """The body split at blank lines."""
        return [p for p in self.body.split("\n\n") if p]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the field names (and order) of `newsframe add --dry-run --json`."""
        out: dict[str, Any] = {}
        for key in _JSON_ORDER:
            if key == "people":
                out[key] = [p.to_dict(self.sentences) for p in self.people]
            elif key == "date":
                out[key] = self.date.isoformat() if self.date else None
            else:
                value = getattr(self, key)
                out[key] = _plain(value)
        return out


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
    "people",
)


def _plain(value: Any) -> Any:
    """Dataclasses (and lists of them) as dicts, for JSON."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or one line of it) that could not be read, and why, in words a user can act on."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"
