"""The people screen by keyboard: everyone with their outlets, the name filter, compare, back, and
the people of a query's results."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Static

from tests.tui.helpers import settle
from tui.app import NewsframeApp
from tui.people import PeopleScreen
from tui.search import SearchScreen

SIZES = [(80, 24), (120, 36)]


def names(app: NewsframeApp) -> list[str]:
    table = app.screen.query_one("#people", DataTable)
    return [str(row.value) for row in table.rows]


def cell(app: NewsframeApp, name: str, column: int) -> str:
    table = app.screen.query_one("#people", DataTable)
    return table.get_cell_at((names(app).index(name), column)).plain  # type: ignore[no-any-return]


def status(app: NewsframeApp) -> str:
    return str(app.screen.query_one("#people-status", Static).render())


def record(app: NewsframeApp, monkeypatch: pytest.MonkeyPatch, name: str) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(app, name, lambda *args: calls.append(args))
    return calls


async def open_people(pilot: Any, query: str | None = None) -> None:
    """From the search screen: run `query` (if any), then `p`."""
    await settle(pilot)
    if query is not None:
        await pilot.press("ctrl+u", *query, "enter")
    else:
        await pilot.press("escape")
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PeopleScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_p_lists_people_with_outlet_counts(demo_app: NewsframeApp, size: tuple[int, int]) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await open_people(pilot)
        listed = names(demo_app)
        assert listed[:2] == ["Adrian Voss", "Maren Ilves"]
        assert {"Tomás Brezina", "Lena van der Kolk", "Sung Min-ho", "Petra Aalto"} <= set(listed)
        assert cell(demo_app, "Adrian Voss", 1) == "45"
        assert cell(demo_app, "Adrian Voss", 2) == "102"
        assert cell(demo_app, "Adrian Voss", 3).startswith("Patriot Dispatch 12 · ")
        if size[0] >= 120:
            assert cell(demo_app, "Petra Aalto", 3).count(" · ") == 3  # every outlet fits
        else:
            assert cell(demo_app, "Petra Aalto", 3).endswith("· +3")  # the rest, counted
        assert status(demo_app).startswith("6 people")
        assert demo_app.focused is demo_app.screen.query_one("#people")
        await pilot.press("q")
        assert isinstance(demo_app.screen, SearchScreen)


async def test_the_filter_narrows_by_name_and_enter_compares(
    demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = record(demo_app, monkeypatch, "open_compare")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_people(pilot)
        await pilot.press("slash", *"tomas")  # no accents needed
        assert names(demo_app) == ["Tomás Brezina"]
        assert status(demo_app).startswith("1 of 6 shown")
        await pilot.press("enter")  # from the filter: to the table
        assert demo_app.focused is demo_app.screen.query_one("#people")
        await pilot.press("enter")
        assert calls == [("Tomás Brezina",)]
        await pilot.press("slash", "ctrl+u", *"van", "escape")
        assert names(demo_app) == ["Lena van der Kolk"]
        await pilot.press("c")
        assert calls[-1] == ("Lena van der Kolk",)
        await pilot.press("escape")  # the table has focus: back to search
        assert isinstance(demo_app.screen, SearchScreen)


async def test_j_k_move_and_c_compares_the_canonical_name(
    demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = record(demo_app, monkeypatch, "open_compare")
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await open_people(pilot)
        await pilot.press("j", "j", "k", "c")
        assert calls == [(names(demo_app)[1],)]


async def test_people_for_a_query(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await open_people(pilot, "harbour")
        assert demo_app.index is not None
        result = demo_app.index.search("harbour", limit=100, snippets=0, suggest=False)
        expected = Counter(name for hit in result.hits for name in set(hit.people))
        assert result.total <= 100  # every match is in `result`: the expected counts are complete
        assert status(demo_app) == f"{len(expected)} people in the articles matching harbour"
        listed = names(demo_app)
        assert set(listed) == set(expected)
        for name in listed:
            assert cell(demo_app, name, 1) == str(expected[name])
            assert int(cell(demo_app, name, 2)) >= expected[name]  # mentions: at least one per article
        await pilot.press("escape")
        assert isinstance(demo_app.screen, SearchScreen)


async def test_a_malformed_query_is_one_line(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        demo_app.push_screen(PeopleScreen('"unclosed'))
        await settle(pilot)
        line = demo_app.screen.query_one("#people-status", Static)
        assert "-error" in line.classes and "unclosed quote" in status(demo_app)
        await pilot.press("slash", *"x")  # the filter still types, nothing breaks
        assert demo_app.screen.query_one("#people-filter", Input).value == "x"
