"""The prior's word frequencies kept beside the index must equal Whoosh's, fresh or stale."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpus import demo_corpus_path
from index import Index, Store, add_paths, frequencies, remove

WORDS = ["harbour", "strike", "union", "minist", "vote", "zzzz"]


def whoosh_frequencies(index: Index) -> dict[str, int]:
    with index.ix.searcher() as searcher:
        return {w: int(searcher.reader().frequency("body", w)) for w in WORDS}


def table_frequencies(index: Index) -> dict[str, int]:
    with index.searcher() as searcher:
        table = frequencies.load(index.store.path, searcher.reader())
    return {w: table.get(w, 0) for w in WORDS}


def test_tables_follow_every_commit_and_survive_a_lost_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(demo_corpus_path(), corpus)
    store = Store(tmp_path / "data", "default")
    add_paths(store, [corpus], workers=0)
    index = Index(store)
    assert table_frequencies(index) == whoosh_frequencies(index)
    assert table_frequencies(index)["harbour"] > 0
    with index.searcher() as searcher:
        words = frequencies.load_words(store.path, searcher.reader())
    assert {"harbour", "harbours", "striking"} <= words  # as written, for "did you mean"

    extra = corpus / "extra"
    extra.mkdir()
    (extra / "one.txt").write_text("Harbour news\n\nThe harbour strike went on. Harbour, harbour.\n")
    add_paths(store, [corpus], workers=0)  # a second segment
    index = Index(store)
    assert table_frequencies(index) == whoosh_frequencies(index)
    folder = store.path / frequencies.FOLDER
    with index.ix.reader() as reader:
        segments = {leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()}
    assert {f.stem for f in folder.glob("*.pickle")} == segments | {"all", "words"}

    # an import that finds nothing new leaves the tables as they are
    merged_at = (folder / frequencies.MERGED).stat().st_mtime_ns
    add_paths(store, [corpus], workers=0)
    assert (folder / frequencies.MERGED).stat().st_mtime_ns == merged_at

    # a killed import leaves no merged tables: the segments' tables (or Whoosh) stand in
    with index.searcher() as searcher:
        all_words = frequencies.load_words(store.path, searcher.reader())
    assert "went" in all_words
    (folder / frequencies.MERGED).unlink()
    (folder / f"{sorted(segments)[0]}.pickle").unlink()
    (folder / frequencies.WORDS).unlink()
    assert table_frequencies(Index(store)) == whoosh_frequencies(index)
    with index.searcher() as searcher:
        assert frequencies.load_words(store.path, searcher.reader()) == all_words

    remove(store, str(extra / "one.txt"))
    assert (folder / frequencies.MERGED).exists()


def test_frequencies_look_up_like_a_dict() -> None:
    by_stem = {"harbour": 12, "strike": 3, "a": 1, "zz": 7, "é": 2}
    table = frequencies.Frequencies.of(by_stem)
    assert dict(table) == by_stem and len(table) == 5
    for stem, count in by_stem.items():
        assert table[stem] == count and table.get(stem) == count and stem in table
    for missing in ("", "harbou", "harbours", "zzz", "0", "\uffff"):
        assert table.get(missing) is None and table.get(missing, 0) == 0 and missing not in table
    assert 12 not in table  # type: ignore[comparison-overlap]
    empty = frequencies.Frequencies.of({})
    assert empty.get("harbour", 0) == 0 and list(empty) == []


def test_an_index_made_before_the_sorted_table_still_reads(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", "default")
    add_paths(store, [demo_corpus_path()], workers=0)
    index = Index(store)
    expected = table_frequencies(index)
    merged = store.path / frequencies.FOLDER / frequencies.MERGED
    table = frequencies.read_pickle(merged)
    assert isinstance(table, dict)
    old = {"version": frequencies.OLD_MERGED, "segments": table["segments"]}
    old["by_stem"] = dict(zip(table["stems"], table["counts"], strict=True))
    frequencies.write_pickle(merged, old)
    assert table_frequencies(Index(store)) == expected
    old["by_stem"]["harbour"] = 10**6  # read from this table, not worked out again from the segments'
    frequencies.write_pickle(merged, old)
    assert table_frequencies(Index(store))["harbour"] == 10**6
