"""Whoosh loads one module newsframe never runs: it is loaded when first used instead.

`whoosh.query` imports `whoosh.lang.morph_en` for its `Variations` query (English word forms), and that
module compiles 25 large regular expressions as it loads: 5-7 ms of every process that searches or
compares, a few percent of a small comparison. newsframe never builds a `Variations` query, so a stand-in
takes the module's place in `sys.modules` until something uses it: its `variations` (the one name Whoosh
imports from it), or any other name, loads the real module then.

Whoosh is pinned exactly (pyproject.toml), and a test checks that `Variations` still expands words.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import Any

MORPH_EN = "whoosh.lang.morph_en"


def defer_morph_en() -> None:
    """Put the stand-in in place, unless the real module is already loaded."""
    if MORPH_EN in sys.modules:
        return
    stand_in = ModuleType(MORPH_EN, "Stands in for whoosh.lang.morph_en until it is used (index.whoosh_deferred).")

    def real() -> ModuleType:
        if sys.modules.get(MORPH_EN) is stand_in:
            del sys.modules[MORPH_EN]
        return import_module(MORPH_EN)

    def variations(word: str) -> Any:
        return real().variations(word)

    def __getattr__(name: str) -> Any:
        if name.startswith("__"):  # the import system's and repr's questions (`__spec__`, `__file__`)
            raise AttributeError(name)
        return getattr(real(), name)

    stand_in.variations = variations  # type: ignore[attr-defined]
    stand_in.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules[MORPH_EN] = stand_in
