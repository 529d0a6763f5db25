"""The people tables readers look names up in: exact lines, display names before aliases, and the same
answers from the files as from the registry they were written from."""

from __future__ import annotations

from pathlib import Path

from index.people_names import PeopleNames

PEOPLE = {
    "Adrian Voss": ["Voss", "Prime Minister Voss"],
    "Adrian Vossberg": [],
    "Tomás Brezina": ["Brezina", "Tomas Brezina"],
    "Voss": [],  # a display name wins over another person's alias
}


def test_lookups_find_whole_lines_only() -> None:
    names = PeopleNames.of(PEOPLE)
    assert names.canonical("adrian voss") == "Adrian Voss"
    assert names.canonical("adrian vossberg") == "Adrian Vossberg"
    assert names.canonical("adrian") is None
    assert names.canonical("voss") == "Voss"
    assert names.canonical("prime minister voss") == "Adrian Voss"
    assert names.canonical("tomas brezina") == "Tomás Brezina"
    assert names.canonical("") is None
    assert names.canonical("adrian voss\tvoss") is None
    assert names.aliases("Adrian Voss") == ["Voss", "Prime Minister Voss"]
    assert names.aliases("Adrian Vossberg") == []
    assert names.aliases("Adrian") == []
    assert names.all() == PEOPLE


def test_the_files_give_what_was_written(tmp_path: Path) -> None:
    assert PeopleNames.read(tmp_path) is None
    PeopleNames.of(PEOPLE).write(tmp_path)
    names = PeopleNames.read(tmp_path)
    assert names is not None
    assert names.all() == PEOPLE
    assert names.canonical("brezina") == "Tomás Brezina"
    assert names.aliases("Tomás Brezina") == ["Brezina", "Tomas Brezina"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.folded.tsv", "people.tsv"]


def test_a_tab_or_line_break_in_a_name_cannot_break_the_table() -> None:
    names = PeopleNames.of({"Odd\tName": ["Odd\nName Jr"], "Next Person": []})
    assert names.all() == {"Odd Name": ["Odd Name Jr"], "Next Person": []}
    assert names.canonical("next person") == "Next Person"
