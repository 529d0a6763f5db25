"""`newsframe add`, run in-process: JSON Lines on stdout, problems on stderr, exit codes."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from corpus import demo_corpus_path
from tui.cli import main

KEYS = ["id", "outlet", "title", "date", "authors", "tags", "url", "body", "comments", "via", "source"]
GOOD = {
    "title": "Ferry fares frozen for a second year",
    "text": "The Oskarsholm ferry company will keep its fares unchanged until next spring, its director said.",
    "outlet": "Skerry Post",
    "date": "2024-02-11",
    "author": "Jorund Pell",
    "url": "https://skerrypost.example/ferry-fares",
    "comments": [{"author": "Frode V.", "text": "Good news for islanders."}],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], list[str]]:
    code = main(list(argv))
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    return code, rows, captured.err.splitlines()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_json_lines_with_every_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "one.json", json.dumps(GOOD))
    code, [row], err = run(capsys, "add", str(path), "--dry-run", "--json")
    assert code == 0
    assert err == []
    for key in KEYS:
        assert key in row
    assert row["outlet"] == "Skerry Post"
    assert row["title"] == "Ferry fares frozen for a second year"
    assert row["date"] == "2024-02-11"
    assert date.fromisoformat(row["date"])
    assert row["authors"] == ["Jorund Pell"]
    assert row["tags"] == []
    assert row["url"] == "https://skerrypost.example/ferry-fares"
    assert row["body"] == GOOD["text"]
    assert row["comments"] == [{"text": "Good news for islanders.", "author": "Frode V.", "depth": 0}]
    assert row["via"] == []
    assert row["source"]["path"] == str(path)
    assert row["source"]["part"] == 1
    assert isinstance(row["id"], str) and len(row["id"]) == 16


def test_date_is_null_when_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "nodate.json", json.dumps({"title": "Undated", "text": "A story without a date."}))
    code, [row], _ = run(capsys, "add", str(path), "--dry-run", "--json")
    assert code == 0
    assert row["date"] is None
    assert row["outlet"] == "unknown"


def test_problems_on_stderr_and_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "one.json", json.dumps(GOOD))
    bad = write(tmp_path / "broken.json", "{")
    lines = write(tmp_path / "items.jsonl", json.dumps(GOOD) + "\nnot json\n")
    empty = write(tmp_path / "empty.txt", "")
    code, rows, err = run(capsys, "add", str(tmp_path), "--dry-run", "--json")
    assert code == 0
    assert len(rows) == 2
    assert f"{empty}: empty file" in err
    assert any(line.startswith(f"{bad}: invalid JSON: ") for line in err)
    assert any(line.startswith(f"{lines}:2: invalid JSON: ") for line in err)
    assert len(err) == 3


def test_exit_one_when_nothing_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "broken.json", "{")
    code, rows, err = run(capsys, "add", str(bad), str(tmp_path / "missing.txt"), "--dry-run", "--json")
    assert code == 1
    assert rows == []
    assert err[0].startswith(f"{bad}: invalid JSON") or err[1].startswith(f"{bad}: invalid JSON")
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in err


def test_json_without_dry_run_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "one.json", json.dumps(GOOD))
    code = main(["--home", str(tmp_path / "home"), "add", str(path), "--json"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert "--dry-run" in captured.err


def test_outlet_option_overrides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "one.json", json.dumps(GOOD))
    code, [row], _ = run(capsys, "add", str(path), "--outlet", "Harbour Bulletin", "--dry-run", "--json")
    assert code == 0
    assert row["outlet"] == "Harbour Bulletin"


def test_home_before_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "one.json", json.dumps(GOOD))
    code, [row], _ = run(capsys, "--home", str(tmp_path / "home"), "add", str(path), "--dry-run", "--json")
    assert code == 0
    assert row["title"] == "Ferry fares frozen for a second year"


def test_max_size_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "one.json", json.dumps(GOOD))
    code, rows, err = run(capsys, "add", str(path), "--max-size", "0.0001", "--dry-run", "--json")
    assert code == 1
    assert rows == []
    assert err == [f"{path}: file is {path.stat().st_size} bytes, over the 104 bytes limit (see --max-size)"]


def test_table_output_without_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "one.json", json.dumps({**GOOD, "title": "Ferry [bold red]fares[/] frozen"}))
    code = main(["add", str(path), "--dry-run"])
    captured = capsys.readouterr()
    assert code == 0
    assert "Skerry Post" in captured.out
    cells = " ".join(line.split("│")[3].strip() for line in captured.out.splitlines() if line.count("│") > 3)
    assert "[bold red]fares[/]" in cells  # markup in data is shown as text (the title cell may wrap)
    assert "1 articles from 1 outlets, 0 people; 0 problems" in captured.err


def test_demo_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, err = run(capsys, "add", demo_corpus_path(), "--dry-run", "--json")
    assert code == 0
    assert err == []
    assert len(rows) == 45
    assert set(Counter(row["outlet"] for row in rows)) == {
        "The Korsa Ledger",
        "Patriot Dispatch",
        "Commons Voice",
        "Meridian Wire",
    }
    assert len({row["id"] for row in rows}) == 45
    assert all(row["title"] and row["body"] for row in rows)
    assert all(row["date"] is None or date.fromisoformat(row["date"]) for row in rows)


MENTION_KEYS = ["sentence", "start", "end", "surface", "label", "verb", "verb_class", "quote"]


def test_people_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (
        "Prime Minister Adrian Voss defended the sale on Monday. "
        "“This deal secures the future of our harbour,” Voss said. "
        "Opposition leader Maren Ilves claimed the price was too low."
    )
    path = write(tmp_path / "one.json", json.dumps({**GOOD, "text": body}))
    code, [row], _ = run(capsys, "add", str(path), "--dry-run", "--json")
    assert code == 0
    people = {p["name"]: p for p in row["people"]}
    assert set(people) == {"Adrian Voss", "Maren Ilves"}
    assert list(people["Adrian Voss"]) == ["name", "aliases", "mentions"]
    assert people["Adrian Voss"]["aliases"] == ["Voss"]
    first, second = people["Adrian Voss"]["mentions"]
    assert list(first)[: len(MENTION_KEYS)] == MENTION_KEYS
    assert first["label"] == "prime minister"
    assert (second["verb"], second["verb_class"]) == ("say", "neutral")
    assert second["quote"] == "This deal secures the future of our harbour"
    assert second["text"][second["start"] : second["end"]] == "Voss"
    [ilves] = people["Maren Ilves"]["mentions"]
    assert (ilves["label"], ilves["verb"], ilves["verb_class"]) == ("opposition leader", "claim", "distancing")


def test_people_config_from_the_config_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    write(home / "config" / "config.toml", '[people]\naliases = { "Adrian Voss" = ["the harbour salesman"] }\n')
    body = "Adrian Voss spoke. Later the harbour salesman said it again."
    path = write(tmp_path / "one.json", json.dumps({**GOOD, "text": body}))
    code, [row], _ = run(capsys, "--home", str(home), "add", str(path), "--dry-run", "--json")
    assert code == 0
    [person] = row["people"]
    assert [m["surface"] for m in person["mentions"]] == ["Adrian Voss", "the harbour salesman"]


def test_a_broken_config_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    write(home / "config" / "config.toml", "[people\nignore = 3\n")
    path = write(tmp_path / "one.json", json.dumps(GOOD))
    code, rows, err = run(capsys, "--home", str(home), "add", str(path), "--dry-run", "--json")
    assert code == 2
    assert rows == []
    assert len(err) == 1 and "config.toml: not valid TOML" in err[0]
