"""Which documents a query matches, as a bitset (a Python int, bit n = document n): for facet counts.

Counting matches per outlet the Whoosh way walks every matching document through the scoring
matchers, one Python call per document per clause: about 100 ms for a term that 13,000 of 40,000
articles contain. Here a term's postings are read block by block into a bitset and boolean queries
become integer AND/OR/NOT, so counts for any number of outlets cost a few milliseconds. Queries that
need positions (phrases, proximity) are matched by Whoosh itself, restricted to the documents that
hold all their words.

`segment_groups` gives one bitset per outlet in a segment (kept beside the index: `segment_tables`).
"""

from __future__ import annotations

import operator
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate, compress
from pickle import loads
from typing import Any

from whoosh import query as wq
from whoosh.formats import Positions
from whoosh.searching import Searcher
from whoosh.system import _INT_SIZE as _COUNT_SIZE

from index.postings import bitset, postings, with_values


def docset(query: wq.Query, searcher: Searcher, alive: int | None = None) -> int:
    """The live documents `query` matches, over all of the searcher's segments (`alive`: the live
    mask when the caller keeps it, as `Index` does per generation)."""
    bits = 0
    for sub, offset in searcher.leaf_searchers():
        bits |= _segment(query, sub) << offset
    return bits & (live(searcher) if alive is None else alive)


def live(searcher: Searcher) -> int:
    """All documents not deleted."""
    total = searcher.doc_count_all()
    bits = (1 << total) - 1
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if reader.has_deletions():
            for docnum in reader.deleted_docs_set:
                bits &= ~(1 << (docnum + offset))
    return bits


def term_bits(reader: Any, fieldname: str, text: Any) -> int:
    """The documents (of one segment) holding a term, deleted ones included (`docset` masks them)."""
    return postings(reader, fieldname, text).bits


def _segment(query: wq.Query, searcher: Searcher) -> int:
    reader = searcher.reader()
    if isinstance(query, wq.Term):
        return term_bits(reader, query.fieldname, query.text)
    if isinstance(query, wq.Every):
        return (1 << reader.doc_count_all()) - 1
    if isinstance(query, type(wq.NullQuery)):
        return 0
    if isinstance(query, wq.AndNot):
        return _segment(query.a, searcher) & ~_segment(query.b, searcher)
    if isinstance(query, wq.AndMaybe):
        return _segment(query.a, searcher)
    if isinstance(query, wq.Require):
        return _segment(query.a, searcher) & _segment(query.b, searcher)
    if isinstance(query, wq.Not):
        return ((1 << reader.doc_count_all()) - 1) & ~_segment(query.query, searcher)
    if isinstance(query, wq.And):
        return _all(_segment(q, searcher) for q in query.subqueries) if query.subqueries else 0
    if isinstance(query, (wq.Or, wq.DisjunctionMax)):
        bits = 0
        for q in query.subqueries:
            bits |= _segment(q, searcher)
        return bits
    if isinstance(query, wq.NumericRange) and reader.has_column(query.fieldname):
        return _range_bits(reader, query)
    if isinstance(query, (wq.MultiTerm, wq.NumericRange)):
        simpler = query.simplify(reader)
        if simpler is not query and type(simpler) is not type(query):
            return _segment(simpler, searcher)
    if isinstance(query, wq.Phrase) and query.words and _positions(reader, query.fieldname):
        return _phrase_bits(reader, query)
    return _bits(query.docs(searcher))


def _phrase_bits(reader: Any, query: wq.Phrase) -> int:
    """The documents holding a phrase: those holding all its words, then their word positions, each
    word 1 to `slop` positions after the one before (Whoosh's own rule for phrases).

    A common phrase ("opposition leader") has tens of thousands of candidates, so the work per document
    is in C where it can be: each word's values are cut down to the candidates' by `compress`, positions
    are decoded by `pickle.loads` and `accumulate` (Whoosh stores them as pickled deltas), and each word's
    positions are looked up in the set of places the phrase may go on at.
    """
    field = reader.schema[query.fieldname]
    words = [field.to_bytes(w) if isinstance(w, str) else w for w in query.words]
    if len(words) == 1:
        return postings(reader, query.fieldname, words[0]).bits
    lists = [with_values(reader, query.fieldname, w) for w in words]
    candidates = _all(p.bits for p, _ in lists)
    if not candidates:
        return 0
    docs = members(candidates)
    wanted = set(docs)
    columns = [compress(vals, map(wanted.__contains__, p.ids)) for p, vals in lists]
    # (a subclass of Positions stores more than the deltas: its own decoder then)
    decode = _positions_of if type(field.format) is Positions else field.format.decode_positions
    steps = range(1, max(1, query.slop) + 1)
    found = []
    for docnum, first, *middle, last in zip(docs, *columns, strict=True):
        reached: Iterable[int] = decode(first)
        for value in middle:
            reached = _onward(reached, steps).intersection(decode(value))
            if not reached:
                break
        if _meets(reached, decode(last), steps):
            found.append(docnum)
    return _bits(found)


def _positions_of(value: bytes) -> Iterable[int]:
    """A posting's word positions from Whoosh's `Positions` value: a 4-byte count, then the deltas
    pickled without pickle's final STOP opcode (as `Positions.decode_positions` reads it)."""
    return accumulate(loads(value[_COUNT_SIZE:] if value.endswith(b".") else value[_COUNT_SIZE:] + b"."))


def _onward(reached: Iterable[int], steps: range) -> set[int]:
    """Where the next word of a phrase may be: 1 to len(steps) positions after one reached."""
    if len(steps) == 1:
        return set(map((1).__add__, reached))
    reached = tuple(reached)  # read once per step
    return set().union(*(map(step.__add__, reached) for step in steps))


def _meets(reached: Iterable[int], positions: Iterable[int], steps: range) -> bool:
    """Whether some position is 1 to len(steps) places after one reached. With a slop, the shorter side
    is the one shifted: a common word may stand dozens of times in an article, its neighbour once."""
    if len(steps) > 1:
        reached, positions = tuple(reached), tuple(positions)
        if len(positions) < len(reached):
            return not set().union(*(map(step.__rsub__, positions) for step in steps)).isdisjoint(reached)
    return not _onward(reached, steps).isdisjoint(positions)


def _positions(reader: Any, fieldname: str) -> bool:
    return fieldname in reader.schema and bool(reader.schema[fieldname].format.supports("positions"))


def _range_bits(reader: Any, query: wq.NumericRange) -> int:
    """A date or number range from the field's sorted column: two bisections, no term expansion."""
    values, docnums = sorted_column(reader, query.fieldname)
    lo = 0 if query.start is None else (bisect_right if query.startexcl else bisect_left)(values, query.start)
    hi = len(values) if query.end is None else (bisect_left if query.endexcl else bisect_right)(values, query.end)
    return _bits(docnums[lo:hi])


_COLUMNS: dict[tuple[str, str], tuple[list[int], list[int]]] = {}


def sorted_column(reader: Any, fieldname: str) -> tuple[list[int], list[int]]:
    """A segment's column values in order, with their documents; kept per segment (segments never change)."""
    key = (reader.segment().segment_id(), fieldname)
    found = _COLUMNS.get(key)
    if found is None:
        column = _column_values(reader, fieldname)
        # equal values in descending document order: read backwards, newest first and in index order
        pairs = sorted(zip(column, range(0, -len(column), -1), strict=True))
        found = ([v for v, _ in pairs], [-n for _, n in pairs])
        remember_sorted_column(key[0], fieldname, found)
    return found


def remember_sorted_column(segment_id: str, fieldname: str, found: tuple[list[int], list[int]]) -> None:
    """Keep a segment's sorted column read elsewhere (`segment_tables`), so `sorted_column` need not read it."""
    if len(_COLUMNS) > 256:
        _COLUMNS.clear()
    _COLUMNS[(segment_id, fieldname)] = found


def _column_values(reader: Any, fieldname: str) -> list[int]:
    """Every document's raw column value: for a fixed-width number column, one read and one conversion."""
    column = reader.column_reader(fieldname, translate=False)
    size = reader.doc_count_all()
    try:
        raw = column._dbfile.get(column._basepos, column._count * column._fixedlen)
        values = array(column._typecode)
        values.frombytes(bytes(raw))
        if sys.byteorder == "little":  # Whoosh writes them big-endian ("!")
            values.byteswap()
        return values.tolist()[:size] + [column._default] * (size - len(values))
    except (AttributeError, ValueError, TypeError):  # another column type: a call per document
        return [column[n] for n in range(size)]


def _bits(ids: Iterable[int]) -> int:
    docnums = list(ids)
    if not docnums:
        return 0
    buffer = bytearray((max(docnums) >> 3) + 1)
    for docnum in docnums:
        buffer[docnum >> 3] |= 1 << (docnum & 7)
    return int.from_bytes(buffer, "little")


def _all(parts: Iterable[int]) -> int:
    bits = -1
    for part in parts:
        bits &= part
        if not bits:
            return 0
    return bits if bits != -1 else 0


def members(bits: int) -> list[int]:
    """The document numbers in a bitset, ascending, via its binary string (no big-int shifts): for a sparse
    set (a comparison's few hundred articles of 40,000) `str.find` skips the zeros in C."""
    if bits <= 0:
        return []
    digits = bin(bits)[:1:-1]
    count = bits.bit_count()
    if count * 16 > len(digits):
        return [n for n, digit in enumerate(digits) if digit == "1"]
    found = [0] * count
    at = -1
    find = digits.find
    for k in range(count):
        at = find("1", at + 1)
        found[k] = at
    return found


def count_by(bits: int, groups: dict[str, int]) -> dict[str, int]:
    """How many of `bits` fall in each group's bitset, largest first, empty groups left out."""
    counts = {name: (bits & members).bit_count() for name, members in groups.items()}
    return dict(sorted(((k, v) for k, v in counts.items() if v), key=lambda kv: (-kv[1], kv[0])))


def _column_bytes(reader: Any, fieldname: str) -> list[bytes]:
    """Every document's raw value of a variable-length bytes column: one read of the column's data, cut
    by its length table (Whoosh's own reader makes a call and a translation per document, 0.09 s for the
    outlet column of 40,000 documents in a new process)."""
    column = reader.column_reader(fieldname, translate=False)
    try:
        offsets, lengths = column._offsets, column._lengths
        size = max(map(operator.add, offsets, lengths), default=0)
        data = bytes(column._dbfile.get(column._basepos, size))
        return [data[start : start + length] for start, length in zip(offsets, lengths, strict=True)]
    except (AttributeError, ValueError, TypeError):  # another column type: a call per document
        return list(column)


def field_groups(searcher: Searcher, fieldname: str) -> dict[str, int]:
    """One bitset per term of a field (each outlet's documents), over all segments."""
    groups: dict[str, int] = {}
    for sub, offset in searcher.leaf_searchers():
        for name, bits in segment_groups(sub.reader(), fieldname).items():
            groups[name] = groups.get(name, 0) | (bits << offset)
    return groups


def segment_groups(reader: Any, fieldname: str) -> dict[str, int]:
    """One bitset per term of a field in one segment: from the field's column when it has one (one pass
    over the segment's values, a third of the time of reading every term's postings), else from the
    postings."""
    groups: dict[str, int] = {}
    if fieldname not in reader.schema:
        return groups
    if reader.has_column(fieldname):
        by_value: dict[bytes, list[int]] = {}
        for docnum, value in enumerate(_column_bytes(reader, fieldname)):
            if value:
                by_value.setdefault(value, []).append(docnum)
        field = reader.schema[fieldname]
        for raw, docnums in by_value.items():
            name = field.from_column_value(raw)
            groups[name] = groups.get(name, 0) | bitset(docnums)
        return groups
    for term in reader.lexicon(fieldname):
        name = term.decode("utf-8") if isinstance(term, bytes) else str(term)
        groups[name] = groups.get(name, 0) | term_bits(reader, fieldname, term)
    return groups
