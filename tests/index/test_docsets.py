"""Facet counts from bitsets must equal what Whoosh itself matches, for every kind of query."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from whoosh import query as wq
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage

from index import Index, Store, add_paths, postings, remove
from index.docsets import count_by, docset, field_groups, members

QUERIES = [
    "harbour",
    "harbour strike",
    "harbour OR mayor",
    "harbour AND NOT strike",
    "NOT harbour",
    '"harbour sale"',
    '"harbour deal"~3',
    '"prime minister adrian voss"',
    '"the union leader"',
    '"strike union"~4',
    'title:"harbour sale"',
    '"harbour"',
    "harb*",
    "title:harbour",
    'outlet:"Meridian Wire"',
    'person:"Tomás Brezina"',
    "date:[2025-01-01 TO 2025-03-31]",
    "date:>2025-02",
    "harbour date:2025-04",
    "*",
    "zzzznothing",
]


def whoosh_counts(index: Index, text: str) -> Counter[str]:
    query = index.parse(text)
    with index.ix.searcher() as searcher:
        return Counter(hit["outlet"] for hit in searcher.search(query, limit=None))


def bitset_counts(index: Index, text: str) -> dict[str, int]:
    query = index.parse(text)
    with index.ix.searcher() as searcher:
        return count_by(docset(query, searcher), field_groups(searcher, "outlet"))


@pytest.mark.parametrize("text", QUERIES)
def test_bitset_counts_equal_whoosh_matches(demo_index: Index, text: str) -> None:
    expected = whoosh_counts(demo_index, text)
    assert bool(expected) == (text != "zzzznothing")  # every other query finds something to count
    assert bitset_counts(demo_index, text) == dict(expected)


def test_phrases_match_the_documents_whoosh_matches(demo_index: Index) -> None:
    """Word pairs and triples from the corpus's own sentences, in order and reversed, exact and with
    slop: the same documents as Whoosh's phrase matcher, near misses included (a pair reversed, which an
    ordered phrase matches only where the words recur; a word skipped; a repeated word; a word in many
    documents next to one in few)."""
    first = demo_index.article(demo_index.search("harbour", limit=1).hits[0].id)
    assert first is not None
    words = [w for w in (w.strip(".,;:“”\"'()") for w in first.body.split()[:40]) if w.isalpha()]
    runs = [words[k : k + 4] for k in range(len(words) - 3)]
    phrases = [f'"{a} {b}"' for a, b, _, _ in runs]
    phrases += [f'"{a} {b} {c}"' for a, b, c, _ in runs]
    phrases += [f'"{b} {a}"~{slop}' for a, b, _, _ in runs for slop in (2, 3)]
    phrases += [f'"{a} {c}"~{slop}' for a, _, c, _ in runs for slop in (1, 2)]
    phrases += [f'"{a} {c} {d}"~2' for a, _, c, d in runs]  # a gap, then none
    phrases += ['"harbour harbour"~10', '"harbour strike"~3', '"the harbour strike"~2']  # (stop words drop out)
    matched = 0
    with demo_index.ix.searcher() as searcher:
        for text in phrases:
            query = demo_index.parse(text)
            expected = {hit.docnum for hit in searcher.search(query, limit=None)}
            assert set(members(docset(query, searcher))) == expected, text
            matched += bool(expected)
    assert matched >= len(phrases) // 2  # most find something: the comparison is not of empty sets


@pytest.mark.parametrize("seed", range(30))
def test_random_phrases_match_whoosh_across_segments_blocks_and_deletions(seed: int) -> None:
    """Phrases of 2-4 words from a five-word alphabet (so words repeat within a document and a phrase),
    any slop, over one to three segments, postings cut into blocks of 2 or 3, some documents deleted,
    and now and then a field with character offsets (another position format): Whoosh's own matcher
    decides."""
    rnd = random.Random(seed)
    schema = Schema(id=ID(stored=True), body=TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=True, chars=seed % 5 == 0))
    ix = RamStorage().create_index(schema)
    codec = [None, W3Codec(blocklimit=2), W3Codec(blocklimit=3)][seed % 3]
    count = 0
    for _ in range(1 + seed % 3):
        writer = ix.writer(codec=codec) if codec else ix.writer()
        for _ in range(rnd.randint(3, 25)):
            writer.add_document(id=str(count), body=" ".join(rnd.choice("abcde") for _ in range(rnd.randint(0, 12))))
            count += 1
        writer.commit(merge=False)
    if seed % 2:
        with ix.writer() as writer:
            for _ in range(3):
                writer.delete_by_term("id", str(rnd.randrange(count)))
    with ix.searcher() as searcher:
        for _ in range(30):
            words = [rnd.choice("abcdef") for _ in range(rnd.randint(2, 4))]
            query = wq.Phrase("body", words, slop=rnd.randint(1, 4))
            if rnd.random() < 0.3:
                postings.clear()  # cold and warm reads alike
            expected = {hit.docnum for hit in searcher.search(query, limit=None)}
            assert set(members(docset(query, searcher))) == expected, query


def test_counts_skip_deleted_documents_across_segments(segmented_store: Store) -> None:
    store = segmented_store
    index = Index(store)
    with index.ix.searcher() as searcher:
        assert len(searcher.leaf_searchers()) >= 2
        assert searcher.reader().has_deletions()
    for text in ("harbour", "strike OR mayor", "*", '"harbour strike"', "NOT harbour"):
        assert bitset_counts(index, text) == dict(whoosh_counts(index, text)), text


def test_count_by_orders_largest_first_and_drops_empty_groups() -> None:
    assert count_by(0b1111, {"a": 0b0001, "b": 0b0110, "c": 0b10000}) == {"b": 2, "a": 1}


def test_a_long_lived_index_sees_each_new_commit(tmp_path: Path) -> None:
    """The app keeps one Index (and a searcher per thread) open while imports commit."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Harbour news\n\nThe harbour strike went on for a third day.\n")
    store = Store(tmp_path / "data", "default")
    add_paths(store, [corpus], workers=0)
    index = Index(store)
    assert index.search("harbour").total == 1
    (corpus / "two.txt").write_text("More harbour news\n\nThe harbour strike ended on Friday.\n")
    add_paths(store, [corpus], workers=0)
    after = index.search("harbour")
    assert after.total == 2
    assert sum(after.facets.values()) == 2
    remove(store, str(corpus / "one.txt"))
    assert index.search("harbour").total == 1
    index.close()


def test_members_lists_the_set_bits_in_order() -> None:
    from index.docsets import members

    assert members(0) == []
    assert members(0b101001) == [0, 3, 5]
    assert members(1 << 40000 | 1) == [0, 40000]


def test_members_agrees_with_a_bit_by_bit_reading_sparse_or_dense() -> None:
    from random import Random

    from index.docsets import members

    rng = Random(7)
    for size, share in [(40_000, 0.005), (40_000, 0.05), (40_000, 0.5), (100, 1.0), (3, 0.5)]:
        bits = sum(1 << n for n in range(size) if rng.random() < share)
        assert members(bits) == [n for n in range(size) if bits >> n & 1]
