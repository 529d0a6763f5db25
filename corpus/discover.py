"""Finding the files to read under the paths a user gives, without ever stopping on a bad one.

Directories are walked recursively, following symbolic links once (a link back up the tree is
reported as a loop, not followed). Hidden files and folders are skipped; so are files of other
types found inside folders (a named file of another type is reported).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus.model import Problem

PAGE_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUFFIXES = PAGE_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True, slots=True)
class Found:
    """A file to read, and the folder argument it was found under (None for a file named directly)."""

    path: Path
    root: Path | None = None

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()


def discover(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Found | Problem]:
    """Every readable-looking file under `paths`, in a stable order, and a Problem for each bad path."""
    for given in paths:
        path = Path(os.path.abspath(given))
        if path.is_symlink() and not path.exists():
            yield Problem(str(path), "broken symbolic link (its target does not exist)")
        elif not path.exists():
            yield Problem(str(path), "no such file or directory")
        elif path.is_dir():
            yield from _walk(path)
        elif not path.is_file():
            yield Problem(str(path), "not a regular file")
        elif path.suffix.lower() not in SUFFIXES:
            yield Problem(
                str(path),
                f"unsupported file type '{path.suffix or '(none)'}' (newsframe reads {', '.join(sorted(SUFFIXES))})",
            )
        else:
            yield Found(path)


def _walk(root: Path) -> Iterator[Found | Problem]:
    seen: set[tuple[int, int]] = set()
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=errors.append):
        while errors:
            error = errors.pop()
            yield Problem(str(error.filename or dirpath), f"cannot list folder: {error.strerror or error}")
        try:
            stat = os.stat(dirpath)
        except OSError as exc:
            yield Problem(dirpath, f"cannot open folder: {exc.strerror or exc}")
            dirnames[:] = []
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            yield Problem(dirpath, "symbolic link loop (this folder was already read); not followed")
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath, name)
            if path.is_symlink() and not path.exists():
                yield Problem(str(path), "broken symbolic link (its target does not exist)")
            elif path.suffix.lower() in SUFFIXES:
                yield Found(path, root)
    while errors:
        error = errors.pop()
        yield Problem(str(error.filename or root), f"cannot list folder: {error.strerror or error}")
