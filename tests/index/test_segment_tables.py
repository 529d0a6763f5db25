"""The outlet groups and sorted dates kept beside the index must equal what Whoosh's columns give, with
or without their files."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpus import demo_corpus_path
from index import Index, Store, add_paths, remove, segment_tables
from index.docsets import _COLUMNS, field_groups, segment_groups, sorted_column
from index.sidecar import segments


def from_whoosh(index: Index) -> dict[str, segment_tables.SegmentTable]:
    with index.ix.reader() as reader:
        leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
        _COLUMNS.clear()
        return {
            leaf.segment().segment_id(): segment_tables.SegmentTable(
                segment_groups(leaf, "outlet"), sorted_column(leaf, "date") if leaf.has_column("date") else None
            )
            for leaf, _ in leaves
        }


def test_tables_follow_every_import_and_stand_in_for_whoosh(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(demo_corpus_path(), corpus)
    store = Store(tmp_path / "data", "default")
    add_paths(store, [corpus], workers=0)
    folder = store.path / segment_tables.FOLDER
    index = Index(store)
    expected = from_whoosh(index)
    assert {f.stem for f in folder.glob("*.pickle")} == set(expected)
    with index.searcher() as searcher:
        assert segment_tables.load(store.path, searcher.reader()) == expected
        whoosh_groups = field_groups(searcher, "outlet")
        assert index.outlet_groups(searcher) == whoosh_groups
    assert len(whoosh_groups) >= 3

    extra = corpus / "extra"
    extra.mkdir()
    (extra / "one.txt").write_text("Harbour news\n\nThe harbour strike went on.\n")
    add_paths(store, [corpus], workers=0)  # a second segment
    index = Index(store)
    expected = from_whoosh(index)
    assert len(expected) == 2
    assert {f.stem for f in folder.glob("*.pickle")} == set(expected)

    # a lost or unreadable file: the segment is read from Whoosh, with the same result
    files = sorted(folder.glob("*.pickle"))
    files[0].unlink()
    files[1].write_bytes(b"not a pickle")
    _COLUMNS.clear()
    with index.searcher() as searcher:
        assert segment_tables.load(store.path, searcher.reader()) == expected
    dated = Index(store).search("date:>2025-02", limit=100).total
    _COLUMNS.clear()
    assert Index(store).search("date:>2025-02", limit=100).total == dated > 0

    remove(store, str(extra / "one.txt"))  # the files come back, and only the live segments' stay
    with index.ix.reader() as reader:
        assert {f.stem for f in folder.glob("*.pickle")} == {segment_id for segment_id, _ in segments(reader)}


def test_an_index_without_documents_answers_with_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", "empty")
    store.open_or_create()
    segment_tables.update(store.path, store.open())
    index = Index(store)
    assert index.search("*").total == 0
    assert index.search("date:>2025-01").total == 0
    assert index.stats().articles == 0
