"""Files in, clean articles (or problems) out: the one entry point the CLI and the index use.

Each file is read on its own, so one bad file is a Problem and the rest goes on. Page files of one
folder are read together, so that lines they all share are recognised as the site's furniture.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from corpus.boilerplate import repeated_lines
from corpus.dates import date_from_url
from corpus.decode import DecodeError, decode_bytes
from corpus.discover import FEED_SUFFIXES, HTML_SUFFIXES, PAGE_SUFFIXES, Found, discover
from corpus.model import Article, Comment, Problem, Source, Via
from corpus.outlets import outlet_from_folder, resolve_outlet
from corpus.readers import ReadError, Record
from corpus.text import clean_inline, sanitize, text_hash

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(slots=True)
class ReadOptions:
    """How to read: an outlet to impose on every article, and the largest file to accept."""

    outlet: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(slots=True)
class _Loaded:
    found: Found
    text: str
    file_hash: str


@dataclass(slots=True)
class _Seen:
    """Text hashes already read in this run, to mark exact duplicates."""

    by_hash: dict[str, str] = field(default_factory=dict)


def article_id(path: str, key: str | int) -> str:
    """A stable id: the same file and part (or the record's own id) give the same id on every run."""
    return hashlib.blake2b(f"{path}\x00{key}".encode(), digest_size=8).hexdigest()


def _size(n: int) -> str:
    """A file size in the units of --max-size (MB of 1024 KB), and small sizes in KB or bytes."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if n >= 1024:
        return f"{n / 1024:.1f} KB".replace(".0 KB", " KB")
    return f"{n} bytes"


def _load(found: Found, options: ReadOptions) -> _Loaded | Problem:
    path = str(found.path)
    try:
        size = found.path.stat().st_size
        if size > options.max_bytes:
            return Problem(path, f"file is {_size(size)}, over the {_size(options.max_bytes)} limit (see --max-size)")
        data = found.path.read_bytes()
    except PermissionError:
        return Problem(path, "permission denied")
    except OSError as exc:
        return Problem(path, f"cannot read file: {exc.strerror or exc}")
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        return Problem(path, str(exc))
    return _Loaded(found, sanitize(text), hashlib.blake2b(data, digest_size=16).hexdigest())


def _records(loaded: _Loaded, repeated: frozenset[str]) -> tuple[list[Record], list[Problem]]:
    from corpus.readers.feeds import looks_like_feed, read_feed
    from corpus.readers.html import read_html
    from corpus.readers.pages import read_page
    from corpus.readers.structured import read_json, read_jsonl

    suffix = loaded.found.suffix
    text = loaded.text
    head = text[:512].lstrip().lower()
    if suffix in HTML_SUFFIXES or (suffix in PAGE_SUFFIXES and head.startswith(("<!doctype html", "<html"))):
        return read_html(text), []
    if suffix in PAGE_SUFFIXES:
        return read_page(text, suffix, repeated), []
    if suffix == ".json":
        return read_json(text)
    if suffix in (".jsonl", ".ndjson"):
        return read_jsonl(text)
    if suffix in FEED_SUFFIXES:
        if suffix == ".xml" and not looks_like_feed(text):
            raise ReadError("XML file that is not an RSS or Atom feed")
        return read_feed(text)
    raise ReadError(f"unsupported file type '{suffix}'")


def _article(record: Record, loaded: _Loaded, options: ReadOptions, seen: _Seen) -> Article:
    path = str(loaded.found.path)
    folder = outlet_from_folder(loaded.found.path, loaded.found.root) if loaded.found.root else None
    outlet = resolve_outlet(options.outlet, record.outlet, record.url, folder, record.signed_text)
    # the last line of defence: no reader may let a terminal escape or control character through
    body = sanitize(record.body)
    title = clean_inline(record.title or "") or _fallback_title(body, loaded.found.path)
    key = f"key:{record.key}" if record.key else record.part
    digest = text_hash(title, body)
    identity = article_id(path, key)
    duplicate_of = seen.by_hash.setdefault(digest, identity)
    return Article(
        id=identity,
        outlet=outlet,
        title=title,
        body=body,
        source=Source(path=path, part=record.part, file_hash=loaded.file_hash),
        date=record.date or date_from_url(record.url) or date_from_url(path),
        authors=_inline_all(record.authors),
        tags=_inline_all(record.tags),
        url=clean_inline(record.url or "") or None,
        comments=[
            Comment(text=sanitize(c.text), author=clean_inline(c.author or "") or None, depth=c.depth)
            for c in record.comments
        ],
        via=[Via(outlet=clean_inline(v.outlet), text=sanitize(v.text), at=v.at) for v in record.via],
        text_hash=digest,
        duplicate_of=None if duplicate_of == identity else duplicate_of,
    )


def _inline_all(values: list[str]) -> list[str]:
    return [v for v in (clean_inline(v) for v in values) if v]


def _fallback_title(body: str, path: Path) -> str:
    """A title for an article that has none: its first sentence, cut short, else the file name."""
    first = body.split("\n\n", 1)[0]
    sentence = first.split(". ", 1)[0]
    if sentence:
        words = sentence.split()
        return clean_inline(" ".join(words[:14]) + ("…" if len(words) > 14 else ""))
    return path.stem.replace("-", " ").replace("_", " ")


@dataclass(frozen=True, slots=True)
class Unchanged:
    """A file skipped because the caller already has it, with this content hash."""

    path: str
    file_hash: str


def _read_group(
    group: list[Found],
    options: ReadOptions,
    seen: _Seen,
    known: Callable[[str, str], bool] | None = None,
) -> Iterator[Article | Problem | Unchanged]:
    loaded: list[_Loaded] = []
    for found in group:
        item = _load(found, options)
        if isinstance(item, Problem):
            yield item
        else:
            loaded.append(item)
    pages = [item.text for item in loaded if item.found.suffix in PAGE_SUFFIXES]
    repeated = repeated_lines(pages) if len(pages) > 1 else frozenset()
    for item in loaded:
        path = str(item.found.path)
        if known is not None and known(path, item.file_hash):
            yield Unchanged(path, item.file_hash)  # still read above: its lines teach the folder's furniture
            continue
        try:
            records, problems = _records(item, repeated)
        except ReadError as exc:
            yield Problem(path, str(exc))
            continue
        except Exception as exc:  # a reader bug must cost one file, never the import
            yield Problem(path, f"unexpected error while reading ({type(exc).__name__}: {exc})")
            continue
        for problem in problems:
            yield Problem(path, problem.reason, problem.line)
        for record in records:
            yield _article(record, item, options, seen)


def read_corpus(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None
) -> Iterator[Article | Problem]:
    """Read every supported file under `paths`: clean articles, and a Problem per file (or line) that
    could not be read. Files of one folder are read as a group (for repeated-line furniture)."""
    options = options or ReadOptions()
    seen = _Seen()
    found_items: list[Found] = []
    for item in discover(paths):
        if isinstance(item, Problem):
            yield item
        else:
            found_items.append(item)
    for group in group_by_folder(found_items):
        for read in _read_group(group, options, seen):
            if not isinstance(read, Unchanged):
                yield read


def group_by_folder(found: list[Found], most: int = 500, most_bytes: int = 4 * 1024 * 1024) -> list[list[Found]]:
    """Files in groups that share a folder: the unit of reading, and of work for a worker process,
    since furniture is learned from the pages of one folder. A group ends at `most` files or
    `most_bytes` of them, so that a folder of large exports is not read into memory at once."""
    groups: list[list[Found]] = []
    for _, files in itertools.groupby(found, key=lambda f: f.path.parent):
        group: list[Found] = []
        size = 0
        for item in files:
            try:
                item_size = item.path.stat().st_size
            except OSError:
                item_size = 0  # reading it will say what is wrong
            if group and (len(group) >= most or size + item_size > most_bytes):
                groups.append(group)
                group, size = [], 0
            group.append(item)
            size += item_size
        if group:
            groups.append(group)
    return groups


def read_group(
    group: list[Found], options: ReadOptions | None = None, known: Callable[[str, str], bool] | None = None
) -> Iterator[Article | Problem | Unchanged]:
    """Read one group of `group_by_folder`. Files for which `known(path, file_hash)` is true are
    not parsed again: an `Unchanged` stands for them."""
    yield from _read_group(group, options or ReadOptions(), _Seen(), known)
