"""Each segment's outlet groups and its documents in date order, kept beside the index.

Every new process that counts by outlet or narrows by date needs, for every segment, which documents
each outlet holds and the documents sorted by date. Read from Whoosh's columns that is about 25 ms for
the outlets and 20 ms for the dates of a 40,000-article index (16 segments), in every process, before
its first comparison or search. Segments never change once written (deletions are masked separately),
so `add` writes both once per segment and a process loads them in a millisecond or two. A segment
without a table (an import killed before writing it, an index from an older version) is read from
Whoosh as before.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.docsets import segment_groups, sorted_column
from index.sidecar import read_pickle, segments, write_pickle

FOLDER = "segments"
VERSION = 1
OUTLET = "outlet"
DATE = "date"


@dataclass(frozen=True, slots=True)
class SegmentTable:
    outlets: dict[str, int]  # outlet -> its documents in the segment, as a bitset
    dates: tuple[list[int], list[int]] | None  # (date column values ascending, their documents); None: no column


def update(path: Path, ix: Any) -> None:
    """Write the tables of segments that have none; drop those of segments that are gone."""
    folder = path / FOLDER
    folder.mkdir(exist_ok=True)
    with ix.reader() as reader:
        leaves = dict(segments(reader))
        for segment_id, leaf in leaves.items():
            file = folder / f"{segment_id}.pickle"
            if not isinstance(_read(file), SegmentTable):
                _write(file, _table(leaf))
    for old in folder.glob("*.pickle"):
        if old.stem not in leaves:
            old.unlink(missing_ok=True)


def load(path: Path, reader: Any) -> dict[str, SegmentTable]:
    """segment id -> table, for the reader's segments; a segment without a valid table is read from Whoosh."""
    folder = path / FOLDER
    tables: dict[str, SegmentTable] = {}
    for segment_id, leaf in dict(segments(reader)).items():
        found = _read(folder / f"{segment_id}.pickle")
        tables[segment_id] = found if isinstance(found, SegmentTable) else _table(leaf)
    return tables


def _table(reader: Any) -> SegmentTable:
    dates = sorted_column(reader, DATE) if reader.has_column(DATE) else None
    return SegmentTable(segment_groups(reader, OUTLET), dates)


def _read(file: Path) -> SegmentTable | None:
    found = read_pickle(file)
    if not (isinstance(found, dict) and found.get("version") == VERSION):
        return None
    dates = found["dates"]
    return SegmentTable(found["outlets"], (_listed(dates[0]), _listed(dates[1])) if dates else None)


def _write(file: Path, table: SegmentTable) -> None:
    dates = (_packed("Q", table.dates[0]), _packed("I", table.dates[1])) if table.dates else None
    write_pickle(file, {"version": VERSION, "outlets": table.outlets, "dates": dates})


def _packed(typecode: str, values: list[int]) -> array[int] | list[int]:
    """An array when the values fit (a list of 2,500 ints unpickles ten times slower than an array's bytes)."""
    try:
        return array(typecode, values)
    except (OverflowError, TypeError):
        return values


def _listed(values: array[int] | list[int]) -> list[int]:
    return values.tolist() if isinstance(values, array) else list(values)
