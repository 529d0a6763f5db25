"""Whole flows by keyboard: browse the demo corpus, filter by outlet, read, unfold comments, go back."""

from __future__ import annotations

import json

from textual.widgets import Collapsible, DataTable, OptionList, Static

from tui.app import NewsframeApp
from tui.browse import BrowseScreen
from tui.reader import ReaderScreen


async def _loaded(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _plain(static: Static) -> str:
    return str(static.render())


async def test_demo_lists_every_outlet_with_counts(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot)
        outlets = demo_app.screen.query_one("#outlets", OptionList)
        labels = [str(outlets.get_option_at_index(i).prompt) for i in range(outlets.option_count)]
        assert labels[0] == "All outlets  45"
        assert sorted(labels[1:]) == [
            "Commons Voice  11",
            "Meridian Wire  11",
            "Patriot Dispatch  12",
            "The Korsa Ledger  11",
        ]
        assert demo_app.screen.query_one("#articles", DataTable).row_count == 45


async def test_outlet_filter_then_read_then_back(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot)
        await pilot.press("o", "down")  # the first outlet after "All": the one with most articles
        table = demo_app.screen.query_one("#articles", DataTable)
        assert table.row_count == 12
        await pilot.press("enter")  # choose it: focus moves to the articles
        assert demo_app.focused is table
        await pilot.press("j", "enter")
        assert isinstance(demo_app.screen, ReaderScreen)
        article = demo_app.screen.article
        assert article.outlet == "Patriot Dispatch"
        header = _plain(demo_app.screen.query_one("#article-header", Static))
        assert header.startswith(article.title)
        await pilot.press("q")
        assert isinstance(demo_app.screen, BrowseScreen)


async def test_comments_are_folded_until_asked_for(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await _loaded(pilot)
        screen = demo_app.screen
        assert isinstance(screen, BrowseScreen)
        with_comments = next(i for i, a in enumerate(screen.articles) if len(a.comments) >= 3)
        table = screen.query_one("#articles", DataTable)
        table.move_cursor(row=with_comments)
        await pilot.press("enter")
        reader = demo_app.screen
        assert isinstance(reader, ReaderScreen)
        comments = reader.query_one("#comments", Collapsible)
        assert comments.collapsed
        body = _plain(reader.query_one("#article-body", Static))
        assert all(c.text.split("\n\n")[0] not in body for c in reader.article.comments)
        await pilot.press("c")
        assert not comments.collapsed
        await pilot.press("escape")
        assert isinstance(demo_app.screen, BrowseScreen)


async def test_resize_keeps_working(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot)
        table = demo_app.screen.query_one("#articles", DataTable)
        narrow = table.ordered_columns[2].width
        assert narrow == 80 - 20 - 2 - 10 - 16 - 6 - 2  # below 100 columns the outlet pane narrows to 20
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        table = demo_app.screen.query_one("#articles", DataTable)
        assert table.row_count == 45
        assert table.ordered_columns[2].width > narrow  # the title column takes the new room
        await pilot.press("enter")
        assert isinstance(demo_app.screen, ReaderScreen)


async def test_help_lists_the_keys(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot)
        await pilot.press("question_mark")
        assert demo_app.screen.query("HelpPanel")
        await pilot.press("question_mark")
        assert not demo_app.screen.query("HelpPanel")


async def test_article_text_is_shown_literally(make_app) -> None:  # type: ignore[no-untyped-def]
    record = {
        "title": "[bold red]Alert[/] \x1b[31mred\x1b[0m title",
        "outlet": "[link=https://evil.example]Outlet[/link]",
        "text": "First [b]paragraph[/b] with \x1b]0;pwned\x07 an escape.\n\nSecond paragraph [reverse]here[/].",
        "comments": [{"author": "[i]troll[/i]", "text": "A comment with [blink]markup[/blink]."}],
    }
    app = make_app({"export.jsonl": json.dumps(record) + "\n"})
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot)
        table = app.screen.query_one("#articles", DataTable)
        assert table.get_cell_at((0, 2)).plain == "[bold red]Alert[/] red title"
        assert table.get_cell_at((0, 1)).plain == "[link=https://evil.example]Outlet[/link]"
        await pilot.press("enter", "c")
        reader = app.screen
        header = _plain(reader.query_one("#article-header", Static))
        body = _plain(reader.query_one("#article-body", Static))
        assert "[bold red]Alert[/] red title" in header
        assert "First [b]paragraph[/b] with an escape." in body
        assert "\x1b" not in header + body and "pwned" not in body
        comments = _plain(reader.query_one("#comments-text", Static))
        assert "[i]troll[/i]" in comments and "[blink]markup[/blink]" in comments
