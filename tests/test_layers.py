"""The layers run one way (tui -> index -> corpus): the domain never imports the UI or Whoosh."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "corpus": {"textual", "rich", "whoosh", "index", "tui"},
    "index": {"textual", "rich", "tui"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_keeps_its_layer(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
        if _imports(path) & FORBIDDEN[package]
    }
    assert offenders == {}


def test_only_index_imports_whoosh() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("corpus", "tui")
        for path in (ROOT / package).rglob("*.py")
        if "whoosh" in _imports(path)
    ]
    assert offenders == []
