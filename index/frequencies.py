"""Whole-corpus word frequencies (the prior of distinctive words) and words (for "did you mean"),
kept beside the index.

Asking Whoosh for a word's frequency probes a hash file in every segment, about 25 µs each: 0.5 s for
the 1,300 context words of a small comparison on a 16-segment index, 5 s for the 20,000 of a large
one. And Whoosh's spelling correction walks every term that starts like the word, in Python: 150-200
ms for most words of a 60,000-word vocabulary. So `add` writes each segment's body-term frequencies
and spelling words once (segments never change) and merged tables for the index as it stands (the
frequencies, and the words apart: a comparison needs only the first), loaded in milliseconds. When a
merged table is missing or stale (an import was killed; another one committed since), the segments'
tables are merged in memory, and a segment without one is read from Whoosh on the spot.

The merged frequencies are a sorted list of stems beside an array of counts, looked up by bisection
(`Frequencies`): a new process loads the 61,000 stems of the 40,000-article bench index in 7-9 ms
that way, against 15-23 ms as a dict (hashing every stem; five alternating runs, file read included),
and a comparison asks for 1,300 (a small one) to 20,000 of them.
"""

from __future__ import annotations

import json
import os
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar, overload

from index.sidecar import read_pickle, segments, write_pickle

FIELD = "body"
FOLDER = "frequencies"
MERGED = "all.pickle"  # every body term (a stem) -> its frequency in the index
WORDS = "words.pickle"  # every body word as written (lower case): what "did you mean" may offer
CURRENT = "all.segments.json"  # the segments the merged tables cover, written after them: a cheap check
VERSION = 2  # of a segment's table; 2: spelling words too
MERGED_VERSION = 4  # of the merged tables; 3: the words in a file of their own; 4: sorted stems and counts
OLD_MERGED = 3  # a merged frequency table as a dict: still read (an index made before 2026-12-07)

T = TypeVar("T")


def update(path: Path, ix: Any) -> None:
    """Write the tables of segments that have none, the merged table, and drop stale ones."""
    folder = path / FOLDER
    folder.mkdir(exist_ok=True)
    with ix.reader() as reader:
        leaves = segments(reader)
        ids = sorted(segment_id for segment_id, _ in leaves)
        current = _current(folder) == {"version": MERGED_VERSION, "segments": ids}
        if current and (folder / MERGED).exists() and (folder / WORDS).exists():
            return  # nothing new since the last import (a rerun that found every file unchanged)
        tables = [_segment_table(folder, segment_id, leaf, write=True) for segment_id, leaf in leaves]
    merged = Frequencies.of(_merge(tables))
    write_pickle(
        folder / MERGED, {"version": MERGED_VERSION, "segments": ids, "stems": merged.stems, "counts": merged.counts}
    )
    write_pickle(folder / WORDS, {"version": MERGED_VERSION, "segments": ids, "words": _merge_words(tables)})
    tmp = folder / f"{CURRENT}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"version": MERGED_VERSION, "segments": ids}), encoding="utf-8")
    os.replace(tmp, folder / CURRENT)
    for old in folder.glob("*.pickle"):
        if old.name not in (MERGED, WORDS) and old.stem not in ids:
            old.unlink(missing_ok=True)


def update_segments(path: Path, ix: Any) -> None:
    """Write the tables of segments that have none, and no merged table: what an import does after each
    of its commits but the last, beside its other work, so that little is left for its end."""
    folder = path / FOLDER
    folder.mkdir(exist_ok=True)
    with ix.reader() as reader:
        for segment_id, leaf in segments(reader):
            _segment_table(folder, segment_id, leaf, write=True)


class Frequencies(Mapping[str, int]):
    """Each body term (a stem) with its frequency: the stems sorted, their counts beside them."""

    __slots__ = ("counts", "stems")

    def __init__(self, stems: list[str], counts: array[int]) -> None:
        self.stems = stems
        self.counts = counts

    @classmethod
    def of(cls, by_stem: Mapping[str, int]) -> Frequencies:
        stems = sorted(by_stem)
        return cls(stems, array("q", map(by_stem.__getitem__, stems)))

    def __getitem__(self, stem: str) -> int:
        at = bisect_left(self.stems, stem)
        if at < len(self.stems) and self.stems[at] == stem:
            return self.counts[at]
        raise KeyError(stem)

    @overload
    def get(self, stem: str, /) -> int | None: ...
    @overload
    def get(self, stem: str, default: int, /) -> int: ...
    @overload
    def get(self, stem: str, default: T, /) -> int | T: ...
    def get(self, stem: str, default: object = None, /) -> object:
        """As a dict's, without the exception a miss costs `Mapping.get`: most words of a comparison's
        context are asked for once."""
        at = bisect_left(self.stems, stem)
        return self.counts[at] if at < len(self.stems) and self.stems[at] == stem else default

    def __contains__(self, stem: object) -> bool:
        return isinstance(stem, str) and self.get(stem) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.stems)

    def __len__(self) -> int:
        return len(self.stems)


def load(path: Path, reader: Any) -> Frequencies:
    """The body's terms with their frequencies, over the index's current segments."""
    merged = _merged(path / FOLDER / MERGED, reader, (MERGED_VERSION, OLD_MERGED))
    if merged is not None:
        stems, counts, by_stem = merged.get("stems"), merged.get("counts"), merged.get("by_stem")
        if isinstance(stems, list) and isinstance(counts, array) and len(stems) == len(counts):
            return Frequencies(stems, counts)
        if isinstance(by_stem, dict):
            return Frequencies.of(by_stem)
    tables = (_segment_table(path / FOLDER, segment_id, leaf, write=False) for segment_id, leaf in segments(reader))
    return Frequencies.of(_merge(tables))


def load_words(path: Path, reader: Any) -> frozenset[str]:
    """The body's words as written, over the index's current segments."""
    merged = _merged(path / FOLDER / WORDS, reader, (MERGED_VERSION, OLD_MERGED))
    if merged is not None:
        words: frozenset[str] = merged["words"]
        return words
    tables = (_segment_table(path / FOLDER, segment_id, leaf, write=False) for segment_id, leaf in segments(reader))
    return _merge_words(tables)


def _merged(file: Path, reader: Any, versions: tuple[int, ...]) -> dict[str, Any] | None:
    """A merged table when it covers exactly the reader's segments."""
    found = read_pickle(file)
    current = sorted(segment_id for segment_id, _ in segments(reader))
    if isinstance(found, dict) and found.get("version") in versions and found.get("segments") == current:
        return found
    return None


def _merge(tables: Iterable[dict[str, Any]]) -> dict[str, int]:
    by_stem: Counter[str] = Counter()
    for table in tables:
        by_stem.update(table["by_stem"])
    return dict(by_stem)


def _merge_words(tables: Iterable[dict[str, Any]]) -> frozenset[str]:
    words: set[str] = set()
    for table in tables:
        words.update(table["words"])
    return frozenset(words)


def _segment_table(folder: Path, segment_id: str, reader: Any, *, write: bool) -> dict[str, Any]:
    file = folder / f"{segment_id}.pickle"
    found = read_pickle(file)
    if isinstance(found, dict) and found.get("version") == VERSION:
        return found
    by_stem: dict[str, int] = {}
    words: list[str] = []
    if FIELD in reader.schema:
        for term, info in reader.iter_field(FIELD):
            by_stem[_text(term)] = int(info.weight())
        spelling = reader.schema[FIELD].spelling_fieldname(FIELD)
        words = [_text(term) for term in reader.lexicon(spelling)] if spelling in reader.schema else list(by_stem)
    table = {"version": VERSION, "by_stem": by_stem, "words": words}
    if write:
        write_pickle(file, table)
    return table


def _text(term: Any) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def _current(folder: Path) -> object:
    try:
        return json.loads((folder / CURRENT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
