"""Whole-corpus word frequencies (the prior of distinctive words) and words (for "did you mean"),
kept beside the index.

Asking Whoosh for a word's frequency probes a hash file in every segment, about 25 µs each: 0.5 s for
the 1,300 context words of a small comparison on a 16-segment index, 5 s for the 20,000 of a large
one. And Whoosh's spelling correction walks every term that starts like the word, in Python: 150-200
ms for most words of a 60,000-word vocabulary. So `add` writes each segment's body-term frequencies
and spelling words once (segments never change) and one merged table for the index as it stands,
loaded in milliseconds. When the table is missing or stale (an import was killed; another one
committed since), the segments' tables are merged in memory, and a segment without one is read from
Whoosh on the spot.
"""

from __future__ import annotations

import json
import os
import pickle
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIELD = "body"
FOLDER = "frequencies"
MERGED = "all.pickle"
CURRENT = "all.segments.json"  # the segments the merged table covers, written after it: a cheap check
VERSION = 2  # 2: spelling words too


@dataclass(frozen=True, slots=True)
class Vocabulary:
    by_stem: dict[str, int]  # every body term (a stem) -> its frequency in the index
    words: frozenset[str]  # every body word as written (lower case): what "did you mean" may offer


def update(path: Path, ix: Any) -> None:
    """Write the tables of segments that have none, the merged table, and drop stale ones."""
    folder = path / FOLDER
    folder.mkdir(exist_ok=True)
    with ix.reader() as reader:
        segments = _segments(reader)
        ids = sorted(segment_id for segment_id, _ in segments)
        if _current(folder) == {"version": VERSION, "segments": ids} and (folder / MERGED).exists():
            return  # nothing new since the last import (a rerun that found every file unchanged)
        merged = _merge(_segment_table(folder, segment_id, leaf, write=True) for segment_id, leaf in segments)
    _write(folder / MERGED, {"version": VERSION, "segments": ids, "by_stem": merged.by_stem, "words": merged.words})
    tmp = folder / f"{CURRENT}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"version": VERSION, "segments": ids}), encoding="utf-8")
    os.replace(tmp, folder / CURRENT)
    for old in folder.glob("*.pickle"):
        if old.name != MERGED and old.stem not in ids:
            old.unlink(missing_ok=True)


def load(path: Path, reader: Any) -> Vocabulary:
    """The body's terms with their frequencies, and its words, over the index's current segments."""
    folder = path / FOLDER
    segments = _segments(reader)
    merged = _read(folder / MERGED)
    if (
        isinstance(merged, dict)
        and merged.get("version") == VERSION
        and merged.get("segments") == sorted(segment_id for segment_id, _ in segments)
    ):
        return Vocabulary(merged["by_stem"], merged["words"])
    return _merge(_segment_table(folder, segment_id, leaf, write=False) for segment_id, leaf in segments)


def _merge(tables: Any) -> Vocabulary:
    by_stem: Counter[str] = Counter()
    words: set[str] = set()
    for table in tables:
        by_stem.update(table["by_stem"])
        words.update(table["words"])
    return Vocabulary(dict(by_stem), frozenset(words))


def _segments(reader: Any) -> list[tuple[str, Any]]:
    leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
    return [(str(leaf.segment().segment_id()), leaf) for leaf, _ in leaves if leaf.segment() is not None]


def _segment_table(folder: Path, segment_id: str, reader: Any, *, write: bool) -> dict[str, Any]:
    file = folder / f"{segment_id}.pickle"
    found = _read(file)
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
        _write(file, table)
    return table


def _text(term: Any) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def _current(folder: Path) -> object:
    try:
        return json.loads((folder / CURRENT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _read(file: Path) -> object:
    try:
        with open(file, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        return None


def _write(file: Path, data: object) -> None:
    tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, file)
