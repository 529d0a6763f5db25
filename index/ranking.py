"""The top hits of a query: Whoosh's BM25F over postings read in bulk, for the documents it matched.

Whoosh ranks by walking every matching document through its matchers and scorer, several Python calls
per document per clause: 30-130 ms for a query that matches a third of 40,000 articles, most of it for
documents that never reach the first page, and more when date ranges and filters take part. Here the
matched documents come from `docsets` (a bitset), and only the query's scoring words are read, from
cached postings (`postings`), each scored with Whoosh's own formula and statistics: its idf, its
average field lengths, the field lengths it stored for each document, its B and K1. For queries of
words, AND, OR and NOT the scores are Whoosh's (a test checks it); what Whoosh scores as a constant
(date ranges, outlets, wildcards) adds nothing here, so a wildcard's expansions are ranked by BM25
and a phrase's documents by their words. A query with no scoring words lists documents in index order,
as Whoosh does.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from whoosh import query as wq
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from index.docsets import members, sorted_column
from index.postings import postings

ScoringTerm = tuple[str, str | bytes, float]  # field, text, boost

_LENGTHS: dict[tuple[Any, str], bytes] = {}


def scoring_terms(query: wq.Query, searcher: Searcher) -> list[ScoringTerm]:
    """The terms whose BM25F scores add up to a document's score: the query's positive leaves in
    scorable fields (what a NOT excludes, a filter requires or a range matches scores nothing)."""
    found: list[ScoringTerm] = []
    schema = searcher.schema
    for fieldname, text, boost in _leaves(query, searcher.reader(), 1.0):
        if fieldname in schema and schema[fieldname].scorable:
            found.append((fieldname, text, boost))
    return found


def _leaves(query: wq.Query, reader: Any, boost: float) -> Iterator[ScoringTerm]:
    boost *= query.boost
    if isinstance(query, wq.Term):
        yield (query.fieldname, query.text, boost)
    elif isinstance(query, (wq.AndNot, wq.Require)):
        yield from _leaves(query.a, reader, boost)
    elif isinstance(query, wq.AndMaybe):
        yield from _leaves(query.a, reader, boost)
        yield from _leaves(query.b, reader, boost)
    elif isinstance(query, wq.Not):
        return
    elif isinstance(query, wq.Phrase):
        for word in query.words:
            yield (query.fieldname, word, boost)
    elif isinstance(query, (wq.And, wq.Or, wq.DisjunctionMax)):
        for sub in query.subqueries:
            yield from _leaves(sub, reader, boost)
    elif isinstance(query, wq.MultiTerm) and not isinstance(query, (wq.NumericRange, wq.TermRange)):
        try:
            words = list(query._btexts(reader))  # a wildcard's or prefix's words that the index holds
        except (TermNotFound, ValueError):
            words = []
        for word in words:
            yield (query.field(), word, boost)
    elif not isinstance(query, (wq.NumericRange, wq.TermRange, wq.Every, type(wq.NullQuery))):
        for sub in query.children():
            yield from _leaves(sub, reader, boost)


def top(searcher: Searcher, query: wq.Query, matched: int, count: int) -> list[tuple[int, float]]:
    """The `count` best of the `matched` documents (global document numbers), as (docnum, score),
    best first; equal scores in index order."""
    if count <= 0 or not matched:
        return []
    terms = scoring_terms(query, searcher)
    if not terms:
        return [(docnum, 0.0) for docnum in _first(matched, count)]
    weighting = searcher.weighting
    assert isinstance(weighting, BM25F), "ranks as Whoosh's default weighting, BM25F, does"
    scores: dict[int, float] = {}
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        size = reader.doc_count_all()
        wanted = members((matched >> offset) & ((1 << size) - 1))
        if not wanted:
            continue
        wanted_set = set(wanted)
        for fieldname, text, boost in terms:
            found = postings(reader, fieldname, text)
            if not found.ids:
                continue
            idf = searcher.idf(fieldname, text)
            average = searcher.avg_field_length(fieldname) or 1
            b = weighting._field_B.get(fieldname, weighting.B)
            k1 = weighting.K1
            lengths = _lengths(reader, fieldname)
            norm = [k1 * ((1 - b) + b * byte_to_length(lb) / average) for lb in range(256)]
            k1p1 = k1 + 1
            ids, weights = found.ids, found.weights
            get = scores.get
            if len(wanted) * 8 < len(ids):  # few matched documents: look each up in the postings
                end = len(ids)
                for docnum in wanted:
                    i = bisect_left(ids, docnum)
                    if i < end and ids[i] == docnum:
                        w = weights[i]
                        key = docnum + offset
                        scores[key] = get(key, 0.0) + idf * ((w * k1p1) / (w + norm[lengths[docnum]])) * boost
            else:
                for docnum, w in zip(ids, weights, strict=True):
                    if docnum in wanted_set:
                        key = docnum + offset
                        scores[key] = get(key, 0.0) + idf * ((w * k1p1) / (w + norm[lengths[docnum]])) * boost
    best = heapq.nsmallest(count, ((-score, docnum) for docnum, score in scores.items()))
    ranked = [(docnum, -negative) for negative, docnum in best]
    if len(ranked) < count and len(scores) < matched.bit_count():  # matched without a scoring word
        ranked += [(docnum, 0.0) for docnum in _first(matched, count, skip=scores)][: count - len(ranked)]
    return ranked


def by_date(searcher: Searcher, matched: int, count: int, fieldname: str = "date") -> list[tuple[int, float]]:
    """The `count` newest of the `matched` documents (undated ones last), as (docnum, 0.0)."""
    if count <= 0 or not matched:
        return []
    candidates: list[tuple[Any, int]] = []
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        size = reader.doc_count_all()
        segment = (matched >> offset) & ((1 << size) - 1)
        if not segment or not reader.has_column(fieldname):
            continue
        mask = segment.to_bytes((size >> 3) + 1, "little")
        values, docnums = sorted_column(reader, fieldname)
        taken = 0
        for i in range(len(docnums) - 1, -1, -1):
            docnum = docnums[i]
            if mask[docnum >> 3] >> (docnum & 7) & 1:
                candidates.append((values[i], -(docnum + offset)))
                taken += 1
                if taken == count:
                    break
    newest = heapq.nlargest(count, candidates)
    return [(-negative, 0.0) for _, negative in newest]


def _first(matched: int, count: int, skip: dict[int, float] | None = None) -> list[int]:
    """The first `count` documents of a bitset in index order (not in `skip`)."""
    found: list[int] = []
    start = 0
    step = 4096
    while len(found) < count and matched >> start:
        for docnum in members((matched >> start) & ((1 << step) - 1)):
            if skip is None or docnum + start not in skip:
                found.append(docnum + start)
                if len(found) == count:
                    break
        start += step
    return found


def _lengths(reader: Any, fieldname: str) -> bytes:
    """The field's length byte for every document of a segment, read once (segments never change)."""
    key = (reader.segment().segment_id(), fieldname)
    found = _LENGTHS.get(key)
    if found is None:
        found = _read_lengths(reader, fieldname)
        if len(_LENGTHS) > 256:
            _LENGTHS.clear()
        _LENGTHS[key] = found
    return found


def _read_lengths(reader: Any, fieldname: str) -> bytes:
    size = reader.doc_count_all()
    try:  # the whoosh3 codec keeps them as a column of one byte per document: one read
        column = reader._perdoc._cached_reader(f"_{fieldname}_len", _length_column())
        raw = bytes(column._dbfile.get(column._basepos, min(size, column._count)))
        return raw + bytes(size - len(raw))
    except AttributeError:  # another codec: a call per document
        return bytes(_length_byte(reader.doc_field_length(n, fieldname, 0) or 0) for n in range(size))


def _length_column() -> Any:
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    return LENGTHS_COLUMN


def _length_byte(length: int) -> int:
    from whoosh.util.numeric import length_to_byte

    return int(length_to_byte(length))
