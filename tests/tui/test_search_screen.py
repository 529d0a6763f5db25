"""The search screen by keyboard: search as you type, facets, sort, paging, errors, "did you mean",
opening articles and comparisons, literal article text, and both terminal sizes with a resize."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import Input, OptionList, SelectionList, Static

import tui.search
from index import SearchResult
from tests.tui.helpers import settle
from tui.app import NewsframeApp
from tui.search import HIGHLIGHT, Found, Run, SearchScreen

SIZES = [(80, 24), (120, 36)]


def screen_text(app: NewsframeApp) -> str:
    """What the terminal shows, as plain text."""
    console = Console(width=app.size.width, file=io.StringIO(), record=True, force_terminal=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)


def search_screen(app: NewsframeApp) -> SearchScreen:
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    return screen


def status(app: NewsframeApp) -> str:
    return str(app.screen.query_one("#search-status", Static).render())


def prompts(app: NewsframeApp) -> list[Text]:
    results = app.screen.query_one("#results", OptionList)
    return [results.get_option_at_index(i).prompt for i in range(results.option_count)]  # type: ignore[misc]


def facet_values(app: NewsframeApp) -> list[str]:
    facets = app.screen.query_one("#facets", SelectionList)
    return [facets.get_option_at_index(i).value for i in range(facets.option_count)]


async def search(pilot: Any, text: str) -> None:
    """Type a new query and run it with enter."""
    if not pilot.app.screen.query_one("#query", Input).has_focus:
        await pilot.press("slash")
    await pilot.press("ctrl+u", *text, "enter")
    await settle(pilot)


def record(app: NewsframeApp, monkeypatch: pytest.MonkeyPatch, name: str) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(app, name, lambda *args: calls.append(args))
    return calls


@pytest.mark.parametrize("size", SIZES)
async def test_start_lists_everything_with_four_facets(demo_app: NewsframeApp, size: tuple[int, int]) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = search_screen(demo_app)
        assert screen.shown is not None and screen.shown.result.total == 45
        assert status(demo_app).startswith("45 articles · page 1/3")
        assert len(prompts(demo_app)) == 20
        assert sorted(facet_values(demo_app)) == [
            "Commons Voice",
            "Meridian Wire",
            "Patriot Dispatch",
            "The Korsa Ledger",
        ]
        assert demo_app.focused is screen.query_one("#query")
        assert ("-wide" if size[0] >= 120 else "-narrow") in screen.classes


@pytest.mark.parametrize("size", SIZES)
async def test_typing_a_query_shows_fewer_results_facets_and_highlights(
    demo_app: NewsframeApp, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.search, "DEBOUNCE", 3600)  # so "not yet" below holds however slow the machine
    async with demo_app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour")  # s, c, p... type into the query: keys go to the input first
        assert search_screen(demo_app).shown.run.query == ""  # type: ignore[union-attr]  # debounced: not yet
        await pilot.press("enter")
        await settle(pilot)
        screen = search_screen(demo_app)
        assert screen.shown is not None
        total = screen.shown.result.total
        assert 0 < total < 45
        assert status(demo_app).startswith(f"{total} articles")
        assert demo_app.focused is screen.query_one("#results")
        facets = demo_app.screen.query_one("#facets", SelectionList)
        labels = [str(facets.get_option_at_index(i).prompt) for i in range(facets.option_count)]
        counts = [int(label.split()[0]) for label in labels]
        assert sum(counts) == total  # an article has one outlet
        assert counts == sorted(counts, reverse=True)
        first = prompts(demo_app)[0]
        marked = [first.plain[s.start : s.end] for s in first.spans if str(s.style) == HIGHLIGHT]
        assert marked and all(word.lower().startswith("harbour") for word in marked)
        preview = str(screen.query_one("#preview", Static).render())
        assert preview.startswith(first.plain.splitlines()[0].rstrip("…"))
        assert "People: " in preview


async def test_typing_searches_once_typing_pauses(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tui.search, "DEBOUNCE", 0.001)  # the wait is a timer: make it due almost at once
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbour")
        screen = search_screen(demo_app)
        for _ in range(500):  # not a sleep: yield to the app until the timer has started the search
            if screen.wanted == "harbour":
                break
            await pilot.pause()
        await settle(pilot)
        assert screen.shown is not None and screen.shown.run.query == "harbour"
        assert screen.shown.result.total == 29
        assert demo_app.focused is screen.query_one("#query")  # typing goes on: the focus stays


async def test_escape_runs_what_was_typed_and_goes_to_results(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"strike", "escape")
        await settle(pilot)
        screen = search_screen(demo_app)
        assert screen.shown is not None and screen.shown.run.query == "strike"
        assert demo_app.focused is screen.query_one("#results")
        await pilot.press("j", "k", "down", "up")  # vim keys and arrows in the results
        assert screen.query_one("#results", OptionList).highlighted == 0


async def test_only_the_newest_query_is_shown(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "harbour")
        screen = search_screen(demo_app)
        before = [p.plain for p in prompts(demo_app)]
        stale = Found(Run(screen._seq - 1, "*", (), "relevance", 1), SearchResult(total=45, facets={}, hits=[]))
        screen._show(stale)  # an older search finishing late
        assert [p.plain for p in prompts(demo_app)] == before
        assert screen.shown is not None and screen.shown.run.query == "harbour"


@pytest.mark.parametrize("size", SIZES)
async def test_an_outlet_facet_filters_and_stays_across_queries(demo_app: NewsframeApp, size: tuple[int, int]) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await settle(pilot)
        await search(pilot, "harbour")
        screen = search_screen(demo_app)
        assert screen.shown is not None
        facets = screen.shown.result.facets
        outlet = facet_values(demo_app)[0]
        await pilot.press("f", "space")
        await settle(pilot)
        assert screen.shown.run.outlets == (outlet,)
        assert screen.shown.result.total == facets[outlet]
        assert {hit.outlet for hit in screen.shown.result.hits} == {outlet}
        assert f"only {outlet}" in status(demo_app)
        assert screen.query_one("#facets", SelectionList).selected == [outlet]
        await search(pilot, "harbour deal")
        assert screen.shown.run.outlets == (outlet,)
        assert screen.shown.result.total == screen.shown.result.facets[outlet]
        moves = ["j"] * facet_values(demo_app).index(outlet)
        await pilot.press("f", *moves, "enter")  # enter toggles too: back to every outlet
        await settle(pilot)
        assert screen.shown.run.outlets == ()
        assert screen.shown.result.total == sum(screen.shown.result.facets.values())


async def test_s_sorts_by_date_and_back(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await search(pilot, "harbour")
        await pilot.press("s")
        await settle(pilot)
        screen = search_screen(demo_app)
        assert screen.shown is not None
        dates = [hit.date for hit in screen.shown.result.hits]
        assert all(d is not None for d in dates)
        assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
        assert "sorted by date" in status(demo_app)
        await pilot.press("s")
        await settle(pilot)
        assert "sorted by relevance" in status(demo_app)


async def test_pages_turn_with_brackets_and_past_the_ends(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        screen = search_screen(demo_app)
        first = [p.plain for p in prompts(demo_app)]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "page 2/3" in status(demo_app)
        second = [p.plain for p in prompts(demo_app)]
        assert second != first
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert [p.plain for p in prompts(demo_app)] == first
        await pilot.press("end", "j")  # down past the last result: the next page, cursor on its first
        await settle(pilot)
        results = screen.query_one("#results", OptionList)
        assert "page 2/3" in status(demo_app) and results.highlighted == 0
        await pilot.press("k")  # up past the first: the previous page, cursor on its last
        await settle(pilot)
        assert "page 1/3" in status(demo_app) and results.highlighted == 19


async def test_a_malformed_query_says_why_and_keeps_the_results(
    demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.search, "DEBOUNCE", 3600)  # only enter searches: no half-typed query in between
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "harbour")
        before = [p.plain for p in prompts(demo_app)]
        await search(pilot, '"unclosed')
        line = demo_app.screen.query_one("#search-status", Static)
        assert "-error" in line.classes
        assert "unclosed quote" in status(demo_app)
        assert [p.plain for p in prompts(demo_app)] == before
        assert "unclosed quote" in screen_text(demo_app)
        await search(pilot, "harbour deal")  # and the next good query clears the error
        assert "-error" not in line.classes


async def test_did_you_mean(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tui.search, "SUGGEST_AFTER", 0)  # worked out as soon as the results are shown
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"harbr", "escape")
        await settle(pilot)
        screen = search_screen(demo_app)
        suggestion = screen.query_one("#suggestion", Static)
        assert suggestion.display and "-shown" in suggestion.classes
        assert "harbour" in str(suggestion.render())
        shown = screen_text(demo_app)
        assert "No articles match harbr;" in shown and "try fewer words or remove a filter." in shown
        await pilot.press("d")
        await settle(pilot)
        assert screen.query_one("#query", Input).value == "harbour"
        assert screen.shown is not None and screen.shown.result.total > 0
        assert not suggestion.display


async def test_did_you_mean_waits_for_a_pause_in_typing(
    demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Correcting a word holds the interpreter for up to a quarter of a second: not while keys come."""
    monkeypatch.setattr(tui.search, "SUGGEST_AFTER", 3600)  # a pause that never ends in this test
    asked: list[str] = []
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert demo_app.index is not None
        original = type(demo_app.index).suggestion
        monkeypatch.setattr(
            type(demo_app.index),
            "suggestion",
            lambda self, text, found: asked.append(text) or original(self, text, found),
        )
        await pilot.press(*"harbr", "escape")
        await settle(pilot)
        screen = search_screen(demo_app)
        assert "No articles match harbr;" in screen_text(demo_app)
        assert asked == []
        assert "-shown" not in screen.query_one("#suggestion", Static).classes


async def test_enter_opens_the_reader_with_the_query_terms(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "harbours")
        await pilot.press("j")
        screen = search_screen(demo_app)
        option = screen.query_one("#results", OptionList).highlighted_option
        assert option is not None and option.id
        assert str(screen.query_one("#preview", Static).render()).startswith(screen.shown.hits[option.id].title)  # type: ignore[union-attr]
        await pilot.press("enter")
        assert type(demo_app.screen).__name__ == "ReaderScreen"
        assert demo_app.screen.article_id == option.id  # type: ignore[attr-defined]
        assert "harbour" in demo_app.screen.terms  # type: ignore[attr-defined]  # stemmed, as the index matched
        await settle(pilot)
        await pilot.press("q")
        assert demo_app.screen is screen


async def test_enter_passes_the_stemmed_terms(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = record(demo_app, monkeypatch, "open_article")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "harbour deals")
        await pilot.press("enter")
        hit = search_screen(demo_app).shown.result.hits[0]  # type: ignore[union-attr]
        assert calls == [(hit.id, frozenset({"harbour", "deal"}))]


async def test_c_compares_the_person_a_query_names(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = record(demo_app, monkeypatch, "open_compare")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, 'person:"Adrian Voss"')
        await pilot.press("c")
        await search(pilot, "voss")  # an alias: the canonical name
        await pilot.press("c")
        await search(pilot, 'person:"Adrian Voss" date:[2025-03-01 TO 2025-04-15]')  # that period only
        await pilot.press("c")
        await search(pilot, "harbour deal")  # not a person: the query itself
        await pilot.press("c")
        await pilot.press("f", "space", "j", "space")  # two outlets: compare just those
        await settle(pilot)
        await pilot.press("c")
        outlets = list(search_screen(demo_app).shown.run.outlets)  # type: ignore[union-attr]
        assert calls == [
            ("Adrian Voss", None, None),
            ("Adrian Voss", None, None),
            ("Adrian Voss", None, (date(2025, 3, 1), date(2025, 4, 15))),
            ("harbour deal", None, None),
            ("harbour deal", outlets, None),
        ]
        assert len(outlets) == 2


async def test_c_opens_the_compare_screen(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await search(pilot, 'person:"Adrian Voss"')
        await pilot.press("c")
        assert type(demo_app.screen).__name__ == "CompareScreen"
        assert demo_app.screen.target == "Adrian Voss"  # type: ignore[attr-defined]
        await settle(pilot)
        whole = sum(p.mentions for p in demo_app.screen.comparison.outlets)  # type: ignore[attr-defined]
        await pilot.press("escape")
        await search(pilot, 'person:"Adrian Voss" date:[2025-03-01 TO 2025-03-31]')
        await pilot.press("c")
        await settle(pilot)
        comparison = demo_app.screen.comparison  # type: ignore[attr-defined]
        assert 0 < sum(p.mentions for p in comparison.outlets) < whole
        title = str(demo_app.screen.query_one("#compare-title").render())
        assert "2025-03-01 to 2025-03-31" in title


async def test_p_opens_people_for_the_query(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = record(demo_app, monkeypatch, "open_people")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "p")
        await search(pilot, "harbour")
        await pilot.press("p")
        assert calls == [(None,), ("harbour",)]


async def test_q_types_in_the_query_and_quits_elsewhere(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        assert demo_app.screen.query_one("#query", Input).value == "q"
        assert demo_app.is_running
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("q")
        assert not demo_app.is_running


async def test_article_text_shows_literally(make_app: Callable[[dict[str, str]], NewsframeApp]) -> None:
    records = [
        {
            "title": "The [bold]x[/bold] harbour [link=http://e]y[/link]",
            "outlet": "Outlet One",
            "text": "A harbour story with [bold]x[/bold] and [link=http://e]y[/link] inside it.\n\nMore text here.",
        },
        {"title": "Plain title", "outlet": "Outlet Two", "text": "Nothing to see in this one at all."},
    ]
    app = make_app({"export.jsonl": "".join(json.dumps(r) + "\n" for r in records)})
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await search(pilot, "harbour")
        first = prompts(app)[0]
        assert first.plain.startswith("The [bold]x[/bold] harbour [link=http://e]y[/link]")
        assert "[bold]x[/bold] and [link=http://e]y[/link]" in first.plain
        preview = str(app.screen.query_one("#preview", Static).render())
        assert "The [bold]x[/bold] harbour [link=http://e]y[/link]" in preview
        assert "with [bold]x[/bold] and [link=http://e]y[/link] inside" in preview
        shown = screen_text(app)
        assert "The [bold]x[/bold] harbour [link=http://e]y[/link]" in shown
        assert "A harbour story with [bold]x[/bold] and [link=http:" in shown


async def test_a_resize_mid_flow_switches_the_layout(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = search_screen(demo_app)
        await search(pilot, "harbour")
        results, preview = screen.query_one("#results"), screen.query_one("#preview-box")
        assert "-wide" in screen.classes
        assert preview.region.x > results.region.x  # side by side
        await pilot.press("j")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "-narrow" in screen.classes and "-wide" not in screen.classes
        assert preview.region.y > results.region.y and preview.region.x == results.region.x  # below
        assert screen.query_one("#facets").region.width <= 24
        assert screen.query_one("#results", OptionList).highlighted == 1
        await pilot.press("s")
        await settle(pilot)
        assert "sorted by date" in status(demo_app)
        await pilot.press("p")
        await settle(pilot)
        await pilot.resize_terminal(120, 36)  # while the search screen is covered
        await pilot.press("escape")
        await settle(pilot)
        assert demo_app.screen is screen and "-wide" in screen.classes and "-narrow" not in screen.classes


async def test_a_filter_survives_a_query_its_outlet_does_not_match(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = search_screen(demo_app)
        assert demo_app.index is not None
        only_some = demo_app.index.search("militant").facets
        outlet = next(o for o in facet_values(demo_app) if o not in only_some)
        moves = ["j"] * facet_values(demo_app).index(outlet)
        await pilot.press("escape", "f", *moves, "space")  # escape: out of the query box first
        await settle(pilot)
        assert screen.outlets == (outlet,)
        await search(pilot, "militant")
        assert screen.shown is not None and screen.shown.result.total == 0
        assert screen.query_one("#facets", SelectionList).selected == [outlet]
        assert outlet in facet_values(demo_app)  # listed, at 0
        await search(pilot, "harbour")
        assert screen.shown.run.outlets == (outlet,) and screen.shown.result.total > 0
