"""read_corpus as a whole: outlet precedence, date fallbacks, stable ids, duplicates, sources."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.corpus.builders import read_all as read
from tests.corpus.builders import write


def story(
    body: str = "The Wexcombe ferry will run an extra crossing on Sundays from May, the operator said.", **fields: str
) -> str:
    return json.dumps({"title": "Extra Sunday ferry for Wexcombe", "text": body, **fields})


SIGNED_PAGE = """Gull Island council approves new harbour wall

The council of Gull Island voted on Tuesday to rebuild the harbour wall that storms damaged last winter.

Work is due to start in the autumn and should take two years, the harbourmaster said.

Please support Gull Island Radio on Patreon.
"""

# --- outlet precedence ------------------------------------------------------------------------------


def test_outlet_option_beats_field(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", story(outlet="Wexcombe Wire", url="https://wexnews.example/ferry"))
    [article], _ = read(path, outlet="My Outlet")
    assert article.outlet == "My Outlet"


def test_outlet_field_beats_url(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", story(outlet="Wexcombe Wire", url="https://wexnews.example/ferry"))
    [article], _ = read(path)
    assert article.outlet == "Wexcombe Wire"


def test_outlet_url_beats_folder(tmp_path: Path) -> None:
    write(tmp_path / "harbour-notes" / "a.json", story(url="https://www.wexnews.example/ferry"))
    [article], _ = read(tmp_path)
    assert article.outlet == "wexnews.example"


def test_outlet_folder_beats_signature(tmp_path: Path) -> None:
    write(tmp_path / "quayside-news" / "wall.txt", SIGNED_PAGE)
    [article], _ = read(tmp_path)
    assert article.outlet == "Quayside News"


def test_outlet_from_signature(tmp_path: Path) -> None:
    [article], _ = read(write(tmp_path / "wall.txt", SIGNED_PAGE))
    assert article.outlet == "Gull Island Radio"
    assert "Patreon" not in article.body


def test_outlet_from_signature_at_line_start(tmp_path: Path) -> None:
    page = SIGNED_PAGE.replace("Please support", "Support")
    [article], _ = read(write(tmp_path / "wall.txt", page))
    assert article.outlet == "Gull Island Radio"


def test_outlet_unknown_when_nothing_says(tmp_path: Path) -> None:
    [article], _ = read(write(tmp_path / "a.json", story()))
    assert article.outlet == "unknown"


def test_folder_outlet_only_for_files_in_a_subfolder_of_the_root(tmp_path: Path) -> None:
    write(tmp_path / "quayside-news" / "direct.json", story())
    # the root itself is not an outlet: a file directly in the folder that was named has none
    [article], _ = read(tmp_path / "quayside-news")
    assert article.outlet == "unknown"
    # nor does a file named directly
    [article], _ = read(tmp_path / "quayside-news" / "direct.json")
    assert article.outlet == "unknown"
    # deeper files take the first folder under the root
    write(tmp_path / "root" / "quayside-news" / "2024" / "deep.json", story())
    [article], _ = read(tmp_path / "root")
    assert article.outlet == "Quayside News"


# --- dates ------------------------------------------------------------------------------------------


def test_date_from_url_when_no_date_field(tmp_path: Path) -> None:
    [article], _ = read(write(tmp_path / "a.json", story(url="https://wexnews.example/2023/11/05/ferry")))
    assert article.date == date(2023, 11, 5)


def test_date_field_beats_url(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", story(url="https://wexnews.example/2023/11/05/ferry", date="2023-12-01"))
    [article], _ = read(path)
    assert article.date == date(2023, 12, 1)


def test_date_from_file_name(tmp_path: Path) -> None:
    [a], _ = read(write(tmp_path / "2022-08-19-ferry.json", story()))
    [b], _ = read(write(tmp_path / "ferry_20210304.json", story()))
    [c], _ = read(write(tmp_path / "ferry.json", story()))
    assert a.date == date(2022, 8, 19)
    assert b.date == date(2021, 3, 4)
    assert c.date is None


# --- ids, hashes, duplicates --------------------------------------------------------------------------


def test_ids_are_stable_across_runs_and_differ_between_parts(tmp_path: Path) -> None:
    lines = [story(), story("Tolls on the Wexcombe causeway rise by ten pence in June, the county said.")]
    path = write(tmp_path / "two.jsonl", "\n".join(lines))
    first, _ = read(path)
    second, _ = read(path)
    assert [a.id for a in first] == [a.id for a in second]
    assert first[0].id != first[1].id
    assert len(first[0].id) == 16


def test_ids_differ_between_files(tmp_path: Path) -> None:
    [a], _ = read(write(tmp_path / "a.json", story()))
    [b], _ = read(write(tmp_path / "b.json", story()))
    assert a.id != b.id


def test_same_text_under_two_paths_is_marked_duplicate(tmp_path: Path) -> None:
    write(tmp_path / "one" / "ferry.json", story())
    write(tmp_path / "two" / "ferry-copy.json", story())
    write(tmp_path / "two" / "other.json", story("A different story about the Wexcombe lifeboat station."))
    articles, problems = read(tmp_path)
    assert problems == []
    by_name = {Path(a.source.path).name: a for a in articles}
    original, copy, other = by_name["ferry.json"], by_name["ferry-copy.json"], by_name["other.json"]
    assert original.duplicate_of is None
    assert copy.duplicate_of == original.id
    assert copy.text_hash == original.text_hash
    assert other.duplicate_of is None
    assert other.text_hash != original.text_hash


def test_changed_file_gets_a_different_file_hash(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", story())
    [before], _ = read(path)
    [again], _ = read(path)
    write(path, story("The Wexcombe ferry will now run two extra crossings on Sundays, the operator said."))
    [after], _ = read(path)
    assert before.source.file_hash == again.source.file_hash
    assert len(before.source.file_hash) == 32
    assert after.source.file_hash != before.source.file_hash
    assert after.id == before.id  # same file, same part: same id


# --- sources ------------------------------------------------------------------------------------------

MULTI_PAGE = """Saltmarsh Signal

Latest

Causeway reopens after spring tide repairs

Engineers finished the work two days early.

Agnethe Lowry

Published

on

March 3, 2024

The causeway to Saltmarsh reopened on Sunday after engineers repaired the stretch washed out by the spring tides.

Drivers were asked to keep to the new speed limit while the surface settles.

Saltmarsh bakery wins regional prize

A seaweed loaf impressed the judges at the county show.

Tomasz Ferreira

Published

on

March 5, 2024

The bakery on Wharf Lane took first prize at the county show for its seaweed loaf.

Owner Clemence Abbot said the recipe came from her grandmother.
"""


def test_multi_article_page_without_dek(tmp_path: Path) -> None:
    page = MULTI_PAGE.replace("A seaweed loaf impressed the judges at the county show.\n\n", "")
    articles, _ = read(write(tmp_path / "archive.txt", page))
    assert [a.title for a in articles][1] == "Saltmarsh bakery wins regional prize"


def test_multi_article_page_gives_parts_of_one_path(tmp_path: Path) -> None:
    path = write(tmp_path / "archive.txt", MULTI_PAGE)
    articles, problems = read(path)
    assert problems == []
    assert [a.title for a in articles] == [
        "Causeway reopens after spring tide repairs",
        "Saltmarsh bakery wins regional prize",
    ]
    assert [a.source.path for a in articles] == [str(path), str(path)]
    assert [a.source.part for a in articles] == [1, 2]
    assert [a.date for a in articles] == [date(2024, 3, 3), date(2024, 3, 5)]
    assert [a.authors for a in articles] == [["Agnethe Lowry"], ["Tomasz Ferreira"]]
    assert "Wharf Lane" not in articles[0].body
    assert articles[0].paragraphs[0] == "Engineers finished the work two days early."
    assert articles[1].paragraphs[1].startswith("The bakery on Wharf Lane")
    assert articles[0].id != articles[1].id


def test_jsonl_source_part_is_the_line_number(tmp_path: Path) -> None:
    lines = [story(), "", story("Tolls on the Wexcombe causeway rise by ten pence in June, the county said.")]
    path = write(tmp_path / "items.jsonl", "\n".join(lines))
    articles, _ = read(path)
    assert [(a.source.path, a.source.part) for a in articles] == [(str(path), 1), (str(path), 3)]


def test_json_record_id_keeps_article_id_when_items_are_reordered(tmp_path: Path) -> None:
    one = json.loads(story(id="wx-1"))
    two = json.loads(story("Tolls on the Wexcombe causeway rise by ten pence in June.", id="wx-2"))
    path = write(tmp_path / "items.json", json.dumps([one, two]))
    before, _ = read(path)
    write(path, json.dumps([two, one]))
    after, _ = read(path)
    assert {a.body: a.id for a in before} == {a.body: a.id for a in after}


def test_groups_share_a_folder_and_stay_small(tmp_path: Path) -> None:
    """A folder of large exports is read a few files at a time, not all at once."""
    from corpus import Problem
    from corpus.discover import discover
    from corpus.ingest import group_by_folder

    for n in range(5):
        write(tmp_path / "a" / f"{n}.txt", "x" * 1000)
    write(tmp_path / "b" / "only.txt", "y")
    found = [f for f in discover([tmp_path]) if not isinstance(f, Problem)]
    groups = group_by_folder(found, most=3, most_bytes=2500)
    assert [len(g) for g in groups] == [2, 2, 1, 1]
    assert all(len({f.path.parent for f in g}) == 1 for g in groups)
    assert len(group_by_folder(found)) == 2
