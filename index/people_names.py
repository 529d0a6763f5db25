"""The index's people for readers: display names, their aliases, and the folded spellings that find them.

Kept beside the index as two text files of tab-separated lines, `people.tsv` (display name, then its
aliases) and `people.folded.tsv` (a name or alias without case or accents, then the display name it
stands for). A comparison or a `person:` query in a new process needs one or two names, and finds each
line with one `str.find` over the file's text (well under a millisecond for 20,000 names) instead of
parsing every name first (15 ms as JSON on the bench index). Views that list everyone parse the whole
table, once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from corpus.names import fold

PEOPLE = "people.tsv"
FOLDED = "people.folded.tsv"


class PeopleNames:
    """Lookups over the two tables' text, parsed whole only when every name is wanted."""

    def __init__(self, people: str, folded: str) -> None:
        self._people = "\n" + people  # each line starts after a newline, the first too
        self._folded = "\n" + folded
        self._all: dict[str, list[str]] | None = None

    @classmethod
    def read(cls, folder: Path) -> PeopleNames | None:
        """The tables in `folder`, or None when either is missing or unreadable."""
        try:
            return cls((folder / PEOPLE).read_text(encoding="utf-8"), (folder / FOLDED).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None

    @classmethod
    def of(cls, people: Mapping[str, list[str]]) -> PeopleNames:
        """The tables for `people` (display name -> aliases); a display name wins over another's alias."""
        folded: dict[str, str] = {}
        for person in people:
            folded[fold(person)] = person
        for person, aliases in people.items():
            for alias in aliases:
                folded.setdefault(fold(alias), person)
        return cls(
            "".join(_line(person, *aliases) for person, aliases in people.items()),
            "".join(_line(key, person) for key, person in folded.items()),
        )

    def write(self, folder: Path) -> None:
        """Both tables, each replaced whole (a reader sees the old file or the new one)."""
        for name, text in ((PEOPLE, self._people), (FOLDED, self._folded)):
            tmp = folder / f"{name}.{os.getpid()}.tmp"
            tmp.write_text(text[1:], encoding="utf-8")
            os.replace(tmp, folder / name)

    def canonical(self, folded: str) -> str | None:
        """The display name for a folded name or alias, or None."""
        found = _fields(self._folded, folded)
        return found[0] if found else None

    def aliases(self, person: str) -> list[str]:
        """A person's aliases (empty for an unknown name)."""
        return _fields(self._people, person) or []

    def all(self) -> dict[str, list[str]]:
        """Display name -> aliases, for every person."""
        if self._all is None:
            table: dict[str, list[str]] = {}
            for line in self._people[1:].splitlines():
                person, *aliases = line.split("\t")
                table[person] = aliases
            self._all = table
        return self._all


def _line(*fields: str) -> str:
    # a tab or line break inside a name would break the table: none comes from the extractor, but be sure
    return "\t".join(" ".join(f.split()) for f in fields) + "\n"


def _fields(text: str, key: str) -> list[str] | None:
    """The fields after `key` on the line that starts with it."""
    if not key or "\t" in key or "\n" in key:
        return None
    start = text.find(f"\n{key}\t")
    if start < 0:
        return None
    start += len(key) + 2
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)].split("\t")
