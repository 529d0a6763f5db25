"""`newsframe compare`: every output format, files written, and one-line errors with exit code 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tui.helpers import run
from tui.cli import main

TWO = "Patriot Dispatch,Commons Voice"


def test_json_has_the_issues_keys(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--home", home, "compare", "Voss", "--outlets", TWO, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["target"]["name"] == "Adrian Voss"
    assert [o["outlet"] for o in data["outlets"]] == ["Patriot Dispatch", "Commons Voice"]
    keys = set(data["outlets"][0])
    assert {"outlet", "articles", "mentions", "share", "timeline", "labels", "verbs", "verb_classes", "tone"} <= keys
    assert {"distinctive", "comentions", "quotes", "kwic"} <= keys
    pair = data["aligned"][0]
    assert set(pair) == {"a", "b", "similarity", "diff"}
    assert {"outlet", "article", "sentence"} <= set(pair["a"])


def test_text_is_a_rich_report(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--home", home, "compare", "Ilves", "--outlets", TWO)
    assert code == 0
    assert "Maren Ilves (person)" in out
    assert "radical opposition chief" in out
    assert "same fact, different words" in out


def test_markdown_and_html_files(home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    md, html = tmp_path / "voss.md", tmp_path / "voss.html"
    assert run(capsys, "--home", home, "compare", "Voss", "--outlets", TWO, "--format", "md", "-o", str(md))[0] == 0
    assert md.read_text().startswith("# How outlets frame Adrian Voss")
    assert run(capsys, "--home", home, "compare", "Voss", "--outlets", TWO, "--format", "html", "-o", str(html))[0] == 0
    assert "<del>" in html.read_text() and "<script" not in html.read_text()


def test_csv_writes_one_table_per_measure(home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "kolk.csv"
    code, _, err = run(
        capsys, "--home", home, "compare", "van der Kolk", "--outlets", TWO, "--format", "csv", "-o", str(base)
    )
    assert code == 0
    labels = tmp_path / "kolk-labels.csv"
    assert f"wrote {labels}" in err
    rows = list(csv.DictReader(io.StringIO(labels.read_text())))
    assert {"outlet": "Patriot Dispatch", "label": "militant union boss"}.items() <= rows[0].items()
    assert (tmp_path / "kolk-aligned.csv").exists()


def test_unknown_target_and_outlet_exit_2_with_closest_names(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--home", home, "compare", "Adrian Vos")
    assert (code, out) == (2, "")
    assert err.startswith("newsframe: no person or article matches 'Adrian Vos'; closest people: ")
    assert "Adrian Voss" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--home", home, "compare", "Voss", "--outlets", "Patriot Dispach")
    assert code == 2 and "closest outlets: Patriot Dispatch" in err


def test_a_bad_date_is_a_usage_error(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--home", home, "compare", "Voss", "--from", "2025-13-01"])
    assert exit_.value.code == 2
    assert "not a date: '2025-13-01'" in capsys.readouterr().err


def test_the_console_script_ends_quickly_with_all_its_output(home: str) -> None:
    """`python -m tui.cli` ends a comparison with os._exit (tui.cli._quick_exit): its piped output must be
    whole and its exit status kept."""
    command = [sys.executable, "-m", "tui.cli", "--home", home, "compare", "Voss", "--outlets", TWO]
    done = subprocess.run([*command, "--format", "json"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["target"]["name"] == "Adrian Voss"  # flushed: a cut-off JSON would not load
    failed = subprocess.run([*command[:-2], "--outlets", "Nobody"], capture_output=True, text=True, timeout=120)
    assert failed.returncode == 2 and "no outlet named 'Nobody'" in failed.stderr
