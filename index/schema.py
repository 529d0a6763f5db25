"""The Whoosh schema, its version, and the conversion of an Article to a document and back.

Everything a comparison needs about an article (sentences, people, mentions, labels, verbs, quotes) is
stored with it, compressed, so that nothing is ever parsed again after `add`.
"""

from __future__ import annotations

import json
import zlib
from datetime import date, datetime
from typing import Any

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from corpus.model import Article, Comment, Mention, Person, Sentence, Source, Via

# Bump when fields or stored data change shape: an index of another version is refused, never misread.
SCHEMA_VERSION = 1


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


def pack(article: Article) -> bytes:
    """The whole article, with sentences and people, as compressed JSON."""
    data = article.to_dict()
    data["sentences"] = [[s.where, s.block, s.start, s.end, s.text] for s in article.sentences]
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 3)


def unpack(blob: bytes) -> Article:
    """The Article stored by `pack`."""
    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    sentences = [Sentence(*row) for row in data.get("sentences", [])]
    people = [
        Person(
            name=p["name"],
            aliases=p["aliases"],
            mentions=[
                Mention(
                    sentence=m["sentence"],
                    start=m["start"],
                    end=m["end"],
                    surface=m["surface"],
                    where=m["where"],
                    labels=tuple(m["labels"]),
                    verb=m["verb"],
                    verb_class=m["verb_class"],
                    quote=m["quote"],
                )
                for m in p["mentions"]
            ],
        )
        for p in data.get("people", [])
    ]
    return Article(
        id=data["id"],
        outlet=data["outlet"],
        title=data["title"],
        body=data["body"],
        source=Source(**data["source"]),
        date=date.fromisoformat(data["date"]) if data["date"] else None,
        authors=data["authors"],
        tags=data["tags"],
        url=data["url"],
        comments=[Comment(**c) for c in data["comments"]],
        via=[Via(**v) for v in data["via"]],
        text_hash=data["text_hash"],
        duplicate_of=data["duplicate_of"],
        sentences=sentences,
        people=people,
    )
