"""The Whoosh schema, its version, and the conversion of an Article to a document and back.

Everything a comparison needs about an article (sentences, people, mentions, labels, verbs, quotes) is
stored with it, so that nothing is ever parsed again after `add`.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any, overload

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from corpus.model import Article, Comment, Mention, Person, Sentence, Source, Via

# Bump when fields or stored data change shape: an index of another version is refused, never misread.
SCHEMA_VERSION = 2  # 2: stored data as rows, sentences as offsets, the body once


def make_schema() -> Schema:
    stem = StemmingAnalyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        outlet=ID(stored=True, sortable=True),
        title=TEXT(analyzer=stem, stored=True, field_boost=2.0),
        body=TEXT(analyzer=stem, phrase=True, stored=True, spelling=True),
        date=DATETIME(stored=True, sortable=True),
        authors=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        tags=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        people=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        path=ID(stored=True),
        source=ID(),  # "path\0file hash": which files the index holds, read from the term list alone
        text_hash=ID(stored=True),
        data=STORED(),
    )


def source_key(path: str, file_hash: str) -> str:
    return f"{path}\x00{file_hash}"


def document(article: Article) -> dict[str, Any]:
    """The Whoosh document for an article; `people` repeats a name once per mention (its frequency)."""
    people = ",".join(p.name for p in article.people for _ in p.mentions)
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "body": article.body,
        "date": datetime.combine(article.date, datetime.min.time()) if article.date else None,
        "authors": ",".join(a.replace(",", " ") for a in article.authors),
        "tags": ",".join(t.replace(",", " ") for t in article.tags),
        "people": people,
        "path": article.source.path,
        "source": source_key(article.source.path, article.source.file_hash),
        "text_hash": article.text_hash,
        "data": pack(article),
    }


def pack(article: Article) -> str:
    """The article's data besides its body (stored in its own field), as JSON rows.

    Sentences are kept as offsets into the text they come from, not as text: the text is there already,
    and decoding it twice is most of what opening a comparison of thousands of articles costs.
    Not compressed here: Whoosh compresses each document's stored fields together, and with this text
    among them (not a compressed blob) the record is 13% smaller, `add` does one compression instead of
    two, and a comparison one decompression (44 to 32 µs an article on the bench corpus).
    """
    data = [
        article.id,
        article.outlet,
        article.title,
        article.date.isoformat() if article.date else None,
        article.authors,
        article.tags,
        article.url,
        [[c.text, c.author, c.depth] for c in article.comments],
        [[v.outlet, v.text, v.at] for v in article.via],
        [article.source.path, article.source.part, article.source.file_hash],
        article.text_hash,
        article.duplicate_of,
        [[s.where, s.block, s.start, s.end] for s in article.sentences],
        [
            [
                p.name,
                p.aliases,
                [
                    [m.sentence, m.start, m.end, m.surface, m.where, m.labels, m.verb, m.verb_class, m.quote]
                    for m in p.mentions
                ],
            ]
            for p in article.people
        ],
    ]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def unpack(blob: str | bytes, body: str) -> Article:
    """The Article stored by `pack`, given its body; `bytes` are the compressed JSON an index made
    before 2026-12-06 holds (same rows: such an index needs no rebuild)."""
    (
        article_id,
        outlet,
        title,
        day,
        authors,
        tags,
        url,
        comments_,
        via_,
        source,
        text_hash,
        duplicate_of,
        sentence_rows,
        people_rows,
    ) = json.loads(zlib.decompress(blob).decode("utf-8") if isinstance(blob, bytes) else blob)
    comments = [Comment(text, author, depth) for text, author, depth in comments_]
    via = [Via(name, text, at) for name, text, at in via_]
    texts = {"title": [title], "body": [body], "via": [v.text for v in via], "comment": [c.text for c in comments]}
    sentences = _StoredSentences(sentence_rows, texts)
    people = [
        Person(name, aliases, [Mention(m[0], m[1], m[2], m[3], m[4], tuple(m[5]), m[6], m[7], m[8]) for m in rows])
        for name, aliases, rows in people_rows
    ]
    return Article(
        id=article_id,
        outlet=outlet,
        title=title,
        body=body,
        source=Source(*source),
        date=date.fromisoformat(day) if day else None,
        authors=authors,
        tags=tags,
        url=url,
        comments=comments,
        via=via,
        text_hash=text_hash,
        duplicate_of=duplicate_of,
        sentences=sentences,
        people=people,
    )


class _StoredSentences(Sequence[Sentence]):
    """An article's sentences as stored, offsets into its texts, each made when first read: a comparison
    decodes thousands of articles and reads a tenth of their sentences."""

    __slots__ = ("_made", "_rows", "_texts")

    def __init__(self, rows: list[list[Any]], texts: dict[str, list[str]]) -> None:
        self._rows = rows
        self._texts = texts
        self._made: list[Sentence | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...
    @overload
    def __getitem__(self, index: slice) -> list[Sentence]: ...
    def __getitem__(self, index: int | slice) -> Sentence | list[Sentence]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self._rows)))]
        made = self._made[index]
        if made is None:
            where, block, start, end = self._rows[index]
            made = self._made[index] = Sentence(where, block, start, end, self._texts[where][block][start:end])
        return made

    def __iter__(self) -> Iterator[Sentence]:
        return (self[k] for k in range(len(self._rows)))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Sequence)
            and len(other) == len(self)
            and all(a == b for a, b in zip(self, other, strict=True))
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(list(self))
