"""A named index on disk: where it lives, its schema version, one writer at a time, the people registry.

Layout: `<data dir>/indexes/<name>/` holds the Whoosh files, `newsframe.json` (schema version),
`people.pickle` (the corpus's names, so a later `add` resolves bare surnames against them), `people.tsv`
and `people.folded.tsv` (the names and aliases alone, for searches and comparisons:
`index/people_names.py`), `frequencies/` (word counts for comparisons, `index/frequencies.py`) and
`segments/` (each segment's outlets and dates, `index/segment_tables.py`).
Whoosh's write lock is an OS file lock (fcntl), so a killed writer's lock goes with its process.
"""

from __future__ import annotations

import json
import os
import pickle
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index as whoosh_index
from whoosh.index import EmptyIndexError, FileIndex, LockError

from index.people_names import PeopleNames
from index.schema import SCHEMA_VERSION, make_schema

if TYPE_CHECKING:  # the registry and its extractor load only for `add` and the rare fallback below
    from whoosh.writing import IndexWriter  # and Whoosh's writing modules only where it writes

    from corpus.people import NameRegistry
    from corpus.people_config import PeopleConfig

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_META = "newsframe.json"
_REGISTRY = "people.pickle"
_WRITER = "writer.pid"
# Memory for each (sub-)writer's postings before Whoosh sorts a run out to disk and later merges the
# runs. A commit of `add` (5,000 articles, 2,500 to each sub-writer) fits at 384 but not at 256: the
# spilled runs and their merge took a sixth of a 16,000-article import's CPU (266 to 197 s, wall 137
# to 101 s). The largest process then peaks at 665 MB; a full pool would be about 850 MB.
POOL_MB = 384


class IndexError_(Exception):
    """An index cannot be used; the message says why and what to do."""


class NoIndex(IndexError_):
    pass


class WrongSchema(IndexError_):
    pass


class Busy(IndexError_):
    pass


def index_path(data_dir: Path, name: str) -> Path:
    if not _NAME.match(name):
        raise IndexError_(f"index name {name!r}: use letters, digits, '-', '_' or '.' (at most 64)")
    return data_dir / "indexes" / name


class Store:
    """One named index."""

    def __init__(self, data_dir: Path | str, name: str = "default") -> None:
        self.name = name
        self.data_dir = Path(data_dir)
        self.path = index_path(self.data_dir, name)

    def exists(self) -> bool:
        return (self.path / _META).is_file() and whoosh_index.exists_in(str(self.path))

    def open(self) -> FileIndex:
        """The index for reading; NoIndex or WrongSchema with a message a user can act on.

        Not `exists()` first: Whoosh's `exists_in` opens the index to say so, and the second opening
        of its table of contents was wasted (under 1 ms once the first has imported Whoosh's codec)."""
        missing = NoIndex(f"no index named {self.name!r} yet: add articles with `newsframe add PATH...`")
        if not (self.path / _META).is_file():
            raise missing
        self._check_version()
        try:
            return whoosh_index.open_dir(str(self.path))
        except EmptyIndexError as exc:
            raise missing from exc

    def open_or_create(self) -> FileIndex:
        if self.exists():
            return self.open()
        self.path.mkdir(parents=True, exist_ok=True)
        ix = whoosh_index.create_in(str(self.path), make_schema())
        _write_json(self.path / _META, {"schema_version": SCHEMA_VERSION})
        return ix

    def _check_version(self) -> None:
        try:
            meta = json.loads((self.path / _META).read_text(encoding="utf-8"))
            version = meta.get("schema_version")
        except (OSError, ValueError) as exc:
            raise WrongSchema(f"index {self.name!r} at {self.path} is damaged ({exc})") from exc
        if version != SCHEMA_VERSION:
            raise WrongSchema(
                f"index {self.name!r} was made by another version of newsframe (schema {version}, this one "
                f"reads {SCHEMA_VERSION}): rebuild it with `newsframe --index {self.name} add --rebuild PATH...`"
            )

    def delete(self) -> None:
        """Remove the index's files (for --rebuild)."""
        if self.path.is_dir():
            for child in self.path.iterdir():
                if child.is_file():
                    child.unlink()

    def acquire(
        self, ix: FileIndex, wait: float = 600.0, on_wait: Callable[[str], None] | None = None, procs: int = 1
    ) -> IndexWriter:
        """The one writer: waits (up to `wait` seconds, saying so) while another process writes.
        With `procs` > 1 Whoosh indexes in that many sub-processes (one segment each)."""
        # (compound files are read into memory on open)
        options: dict[str, object] = {"limitmb": POOL_MB, "compound": False}
        if procs > 1:
            options |= {"procs": procs, "multisegment": True}
        try:
            writer = ix.writer(**options)
        except LockError:
            holder = self._holder()
            if on_wait is not None:
                on_wait(
                    f"index {self.name!r} is being written by another newsframe{holder}; waiting up to {wait:.0f} s"
                )
            try:
                writer = ix.writer(timeout=wait, delay=0.25, **options)
            except LockError as exc:
                raise Busy(
                    f"index {self.name!r} is still being written by another newsframe{holder}; try again later"
                ) from exc
        (self.path / _WRITER).write_text(str(os.getpid()))
        return writer

    def release(self, writer: IndexWriter, commit: bool) -> None:
        """Commit (or cancel) and let the next writer in."""
        try:
            if commit:
                writer.commit()
            elif not getattr(writer, "is_closed", False):
                writer.cancel()
        finally:
            (self.path / _WRITER).unlink(missing_ok=True)

    @contextmanager
    def writer(
        self, ix: FileIndex, wait: float = 600.0, on_wait: Callable[[str], None] | None = None
    ) -> Iterator[IndexWriter]:
        """A writer committed when the block ends normally, cancelled when it raises."""
        writer = self.acquire(ix, wait, on_wait)
        try:
            yield writer
        except BaseException:
            self.release(writer, commit=False)
            raise
        self.release(writer, commit=True)

    def _holder(self) -> str:
        try:
            return f" (process {int((self.path / _WRITER).read_text())})"
        except (OSError, ValueError):
            return ""

    def load_registry(self, config: PeopleConfig) -> NameRegistry:
        from corpus.people import NameRegistry

        try:
            with open(self.path / _REGISTRY, "rb") as handle:
                registry = pickle.load(handle)
            if isinstance(registry, NameRegistry):
                registry.config = config
                return registry
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
        return NameRegistry(config)

    def people_names(self) -> dict[str, list[str]]:
        """Every person the index knows: display name -> aliases."""
        return self.people().all()

    def people(self) -> PeopleNames:
        """The names and aliases readers look people up by, from the tables `add` writes beside the index
        (loading the whole registry takes a hundred times longer: only for an index without them)."""
        found = PeopleNames.read(self.path)
        if found is not None:
            return found
        from corpus.people_config import PeopleConfig

        return PeopleNames.of(self.load_registry(PeopleConfig()).people())

    def save_registry(self, registry: NameRegistry) -> None:
        tmp = self.path / (_REGISTRY + ".tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(registry, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path / _REGISTRY)
        PeopleNames.of(registry.people()).write(self.path)
        (self.path / "people.json").unlink(missing_ok=True)  # what versions before the tables wrote

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.path.iterdir() if f.is_file()) if self.path.is_dir() else 0


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)
