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
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from index.sidecar import read_pickle, segments, write_pickle

FIELD = "body"
FOLDER = "frequencies"
MERGED = "all.pickle"  # every body term (a stem) -> its frequency in the index
WORDS = "words.pickle"  # every body word as written (lower case): what "did you mean" may offer
CURRENT = "all.segments.json"  # the segments the merged tables cover, written after them: a cheap check
VERSION = 2  # of a segment's table; 2: spelling words too
MERGED_VERSION = 3  # of the merged tables; 3: the words in a file of their own


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
    write_pickle(folder / MERGED, {"version": MERGED_VERSION, "segments": ids, "by_stem": _merge(tables)})
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


def load(path: Path, reader: Any) -> dict[str, int]:
    """The body's terms with their frequencies, over the index's current segments."""
    merged = _merged(path / FOLDER / MERGED, reader)
    if merged is not None:
        by_stem: dict[str, int] = merged["by_stem"]
        return by_stem
    return _merge(_segment_table(path / FOLDER, segment_id, leaf, write=False) for segment_id, leaf in segments(reader))


def load_words(path: Path, reader: Any) -> frozenset[str]:
    """The body's words as written, over the index's current segments."""
    merged = _merged(path / FOLDER / WORDS, reader)
    if merged is not None:
        words: frozenset[str] = merged["words"]
        return words
    tables = (_segment_table(path / FOLDER, segment_id, leaf, write=False) for segment_id, leaf in segments(reader))
    return _merge_words(tables)


def _merged(file: Path, reader: Any) -> dict[str, Any] | None:
    """A merged table when it covers exactly the reader's segments."""
    found = read_pickle(file)
    current = sorted(segment_id for segment_id, _ in segments(reader))
    if isinstance(found, dict) and found.get("version") == MERGED_VERSION and found.get("segments") == current:
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
