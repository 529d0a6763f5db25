"""Files kept beside the Whoosh index, per segment (segments never change once written): the segments
of a reader, and pickles read leniently (a missing or damaged file is None: the caller works the table
out again) and replaced whole (a reader sees the old file or the new one)."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any


def segments(reader: Any) -> list[tuple[str, Any]]:
    """(segment id, segment reader) for each segment of a reader; none for an index without documents."""
    leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
    return [(str(leaf.segment().segment_id()), leaf) for leaf, _ in leaves if leaf.segment() is not None]


def read_pickle(file: Path) -> object:
    try:
        with open(file, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None


def write_pickle(file: Path, data: object) -> None:
    tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, file)
