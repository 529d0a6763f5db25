"""The index commands, run in-process: add, search, show, people, stats, remove; JSON keys, exit codes
and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corpus import demo_corpus_path
from tests.tui.helpers import run


def as_json(out: str) -> Any:
    return json.loads(out)


def test_add_prints_a_summary_and_reruns_are_no_ops(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--home", home, "add", demo_corpus_path())
    assert code == 0
    assert out == ""
    assert "index default: 0 added, 0 updated, 45 unchanged, 0 removed, 0 failed" in err


def test_search_json(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--home", home, "search", 'person:"Maren Ilves" harbour', "--json", "--limit", "5")
    assert code == 0
    data = as_json(out)
    assert list(data) == ["total", "facets", "hits", "suggestion"]
    assert data["total"] > 0 and len(data["hits"]) <= 5
    assert list(data["hits"][0]) == ["id", "outlet", "title", "date", "score", "snippet", "people"]
    assert "Maren Ilves" in data["hits"][0]["people"]
    assert sum(data["facets"].values()) == data["total"]


def test_search_outlet_and_sort_options(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--home", home, "search", "harbour", "--outlet", "Commons Voice", "--sort", "date", "--json"
    )
    hits = as_json(out)["hits"]
    assert code == 0 and hits
    assert {h["outlet"] for h in hits} == {"Commons Voice"}
    assert [h["date"] for h in hits] == sorted((h["date"] for h in hits), reverse=True)


def test_search_table_shows_markup_literally(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--home", home, "search", "cranes")
    assert code == 0
    assert "articles" in out.splitlines()[0]


def test_malformed_query_is_one_line_and_exit_2(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--home", home, "search", "AND (")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("newsframe: ")


def test_show_json_and_related(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--home", home, "search", "title:budget", "--json")
    article_id = as_json(out)["hits"][0]["id"]
    code, out, _ = run(capsys, "--home", home, "show", article_id, "--json", "--related")
    assert code == 0
    data = as_json(out)
    for key in (
        "id",
        "outlet",
        "title",
        "date",
        "authors",
        "tags",
        "url",
        "body",
        "comments",
        "via",
        "source",
        "people",
    ):
        assert key in data
    assert data["id"] == article_id
    assert data["people"] and data["people"][0]["mentions"]
    assert all(r["outlet"] != data["outlet"] for r in data["related"])
    code, _, err = run(capsys, "--home", home, "show", "nope")
    assert code == 1 and "no article with id 'nope'" in err


def test_people_and_stats_json(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--home", home, "people", "--top", "2", "--json")
    people = as_json(out)
    assert code == 0
    assert [p["name"] for p in people] == ["Adrian Voss", "Maren Ilves"]
    assert set(people[0]) == {"name", "articles", "mentions", "by_outlet"}
    code, out, _ = run(capsys, "--home", home, "stats", "--json")
    stats = as_json(out)
    assert code == 0
    assert stats["articles"] == 45 and stats["people"] == 6 and len(stats["outlets"]) == 4
    assert stats["first_date"] == "2025-03-10"


def test_no_index_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--home", str(tmp_path), "--index", "other", "search", "x")
    assert code == 3
    assert "no index named 'other' yet" in err


def test_remove_then_readd(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "home")
    feed = str(Path(demo_corpus_path()) / "meridian-wire.rss")
    assert run(capsys, "--home", home, "add", feed)[0] == 0
    code, _, err = run(capsys, "--home", home, "remove", feed)
    assert code == 0 and "removed 11 articles" in err
    code, out, _ = run(capsys, "--home", home, "stats", "--json")
    assert as_json(out)["articles"] == 0


def test_an_old_index_is_refused_and_rebuild_starts_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "home")
    feed = str(Path(demo_corpus_path()) / "meridian-wire.rss")
    assert run(capsys, "--home", home, "add", feed)[0] == 0
    meta = tmp_path / "home" / "data" / "indexes" / "default" / "newsframe.json"
    meta.write_text('{"schema_version": 0}')
    code, _, err = run(capsys, "--home", home, "search", "harbour")
    assert code == 3 and "add --rebuild PATH" in err
    code, _, err = run(capsys, "--home", home, "add", "--rebuild", feed)
    assert code == 0 and "11 added" in err
    assert run(capsys, "--home", home, "search", "harbour")[0] == 0
