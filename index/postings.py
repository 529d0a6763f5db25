"""A term's postings (documents and weights) read in bulk and cached: what counts and ranking run on.

Whoosh's matchers make several Python calls per posting, and a body term's posting blocks also carry
its positions, zlib-compressed and pickled: reading them is most of any query's cost. Here a term's
blocks are read once, in a tight loop, into arrays of document numbers and weights, and kept. A
segment never changes once written (deletions are masked by the caller), so the cache is keyed by
segment id and stays valid across commits; a typed query ("harbour s", "harbour st"...) reads
"harbour" once, and paging, sorting and outlet toggles read nothing again.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Generic, TypeVar

from whoosh.matching.wrappers import FilterMatcher

CACHE_POSTINGS = 4_000_000  # postings kept in all (8 bytes each: about 32 MB)


@dataclass(frozen=True, slots=True)
class Postings:
    """One term's postings in one segment."""

    ids: array  # type: ignore[type-arg]  # segment document numbers, ascending ('I')
    weights: array  # type: ignore[type-arg]  # the term's weight (frequency x field boost) in each ('f')
    bits: int  # the same documents as a bitset (bit n = document n of the segment)


EMPTY = Postings(array("I"), array("f"), 0)

Key = tuple[Any, str, bytes]  # segment id, field, term
T = TypeVar("T")


class _Cache(Generic[T]):
    """Least recently used entries, up to a budget of postings in all; safe across threads."""

    def __init__(self, budget: int, size: Callable[[T], int]) -> None:
        self.budget = budget
        self.size = size
        self._entries: OrderedDict[Key, T] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    def get(self, key: Key, read: Callable[[], T]) -> T:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        found = read()  # outside the lock: another thread may read the same term meanwhile
        with self._lock:
            if key not in self._entries:
                self._entries[key] = found
                self._held += self.size(found)
                while self._held > self.budget and len(self._entries) > 1:
                    _, old = self._entries.popitem(last=False)
                    self._held -= self.size(old)
        return found

    def held(self, key: Key) -> T | None:
        """The entry if held (and counted as used), else None: nothing is read."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._held = 0


_postings: _Cache[Postings] = _Cache(CACHE_POSTINGS, lambda p: len(p.ids))
_values: _Cache[tuple[bytes, ...]] = _Cache(CACHE_POSTINGS // 4, len)  # only phrases need positions


def postings(reader: Any, fieldname: str, text: str | bytes) -> Postings:
    """A term's postings in one segment's reader (deleted documents included: callers mask them)."""
    if fieldname not in reader.schema:
        return EMPTY
    if isinstance(text, str):
        try:
            text = reader.schema[fieldname].to_bytes(text)
        except ValueError:
            return EMPTY
    assert isinstance(text, bytes)
    term = text
    return _postings.get(
        (reader.segment().segment_id(), fieldname, term),
        lambda: _read(reader, fieldname, term)[0] if (fieldname, term) in reader else EMPTY,
    )


def with_values(reader: Any, fieldname: str, text: bytes) -> tuple[Postings, tuple[bytes, ...]]:
    """A term's postings and its encoded values (word positions, for a phrase field) in one segment,
    in the same order. A block holds both: a term not yet read is read once for the two."""
    key = (reader.segment().segment_id(), fieldname, text)
    found = _values.held(key)
    if found is not None:
        return postings(reader, fieldname, text), found
    if (fieldname, text) not in reader:
        return EMPTY, ()
    read = _read(reader, fieldname, text, with_values=True)
    return _postings.get(key, lambda: read[0]), _values.get(key, lambda: read[1])


def clear() -> None:
    """Forget every cached term (for tests and benchmarks of cold reads)."""
    _postings.clear()
    _values.clear()


def _read(reader: Any, fieldname: str, text: bytes, with_values: bool = False) -> tuple[Postings, tuple[bytes, ...]]:
    matcher = reader.postings(fieldname, text)
    if isinstance(matcher, FilterMatcher):  # whoosh3 hides deleted documents this way
        matcher = matcher.child
    ids = array("I")
    weights = array("f")
    found: list[bytes] = []
    if hasattr(matcher, "_read_data") and not getattr(matcher, "_byteids", True):
        # the whoosh3 codec's leaf matcher: a block is a pickled (delta-coded ids, weights, values)
        while matcher.is_active():
            matcher._read_data()
            ids.extend(accumulate(matcher._data[0]))
            matcher._read_weights()
            weights.extend(matcher._weights)
            if with_values:
                matcher._read_values()
                found.extend(matcher._values)
            matcher._next_block()
    else:  # a short list kept in the term's info, or another codec: the general way
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            if with_values:
                found.append(matcher.value())
            matcher.next()
    return Postings(ids, weights, bitset(ids)), tuple(found)


def bitset(ids: Any) -> int:
    """Ascending document numbers as a bitset: one byte per document, then one C conversion."""
    if not ids:
        return 0
    buffer = bytearray(ids[-1] + 1)
    for docnum in ids:
        buffer[docnum] = 49  # "1"
    return int(buffer.replace(b"\0", b"0")[::-1], 2)
