"""The Compare screen, driven by keys: panes side by side and as tabs, evidence, aligned sentences,
outlets added, removed and reordered, export, errors, and article text shown literally."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import Input, OptionList, TabbedContent

from tests.tui.helpers import settle
from tui.app import NewsframeApp
from tui.compare import (
    AlignedScreen,
    AskTarget,
    CompareScreen,
    EvidenceScreen,
    ExportScreen,
    OutletPane,
    OutletPicker,
)

VOSS_OUTLETS = ["Patriot Dispatch", "Commons Voice"]


def plain(option_list: OptionList) -> list[str]:
    """Every option's text, as the list shows it."""
    return [o.prompt.plain if isinstance(o.prompt, Text) else str(o.prompt) for o in option_list.options]


def pane(screen: CompareScreen, outlet: str) -> OutletPane:
    return next(p for p in screen.panes() if p.outlet == outlet)


def section(option_list: OptionList, name: str) -> list[str]:
    return [
        o.prompt.plain
        for o in option_list.options
        if o.id and o.id.startswith(name + "-") and isinstance(o.prompt, Text) and not o.disabled
    ]


def notifications(app: NewsframeApp) -> list[str]:
    return [n.message for n in app._notifications]


def record_articles(app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The reader is another screen's business: record what would open instead of opening it."""
    opened: list[str] = []

    def open_article(article_id: str, terms: Any = ()) -> None:
        opened.append(article_id)

    monkeypatch.setattr(app, "open_article", open_article)
    return opened


async def open_voss(pilot: Any) -> CompareScreen:
    await settle(pilot)
    pilot.app.open_compare("Adrian Voss", list(VOSS_OUTLETS))
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    assert screen.comparison is not None
    return screen


async def test_side_by_side_then_tabs_with_evidence(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = record_articles(demo_app, monkeypatch)
    async with demo_app.run_test(size=(120, 36)) as pilot:
        screen = await open_voss(pilot)
        assert screen.target == "Adrian Voss"
        assert screen.outlets == VOSS_OUTLETS
        # The summary sits above the panes, and both panes are on screen at once, side by side.
        summary = screen.query_one("#summary")
        assert summary.region.height > 0
        assert set(screen.comparison.summary) >= {"labels", "verbs", "tone"}
        left, right = screen.panes()
        assert left.outlet == "Patriot Dispatch" and right.outlet == "Commons Voice"
        assert left.region.width > 0 and right.region.width > 0
        assert left.region.y == right.region.y and left.region.x < right.region.x
        assert not screen.query(TabbedContent)
        assert "our prime minister" in " ".join(section(left, "labels"))
        assert any(line.endswith("insist") for line in section(right, "verbs"))
        assert left.has_focus

        # j skips the "Labels" heading; enter opens the label's evidence.
        await pilot.press("j")
        assert left.highlighted_option is not None and left.highlighted_option.id == "labels-0"
        await pilot.press("enter")
        await settle(pilot)
        evidence = pilot.app.screen
        assert isinstance(evidence, EvidenceScreen)
        sentences = [item.text for item in evidence.request.items]
        assert sentences and all("our prime minister" in s.lower() for s in sentences)
        await pilot.press("j", "enter")
        assert opened == [evidence.request.items[1].evidence.article]
        await pilot.press("escape")
        assert pilot.app.screen is screen

        # l moves to the next pane, h back.
        await pilot.press("l")
        assert right.has_focus
        await pilot.press("h")
        assert left.has_focus
        await pilot.press("tab")
        assert right.has_focus

        # Narrow: the panes become tabs, the focused outlet stays the one in view.
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        tabs = screen.query_one("#compare-tabs", TabbedContent)
        assert tabs.active == "tab-1"
        commons = pane(screen, "Commons Voice")
        assert commons.has_focus and commons.region.width > 0
        assert pane(screen, "Patriot Dispatch").region.width == 0
        await pilot.press("l")  # past the last outlet, round to the summary tab
        assert tabs.active == "tab-summary"
        await pilot.press("l")
        assert tabs.active == "tab-0"
        assert pane(screen, "Patriot Dispatch").has_focus

        # And back to wide: both panes again, the same one focused.
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert not screen.query(TabbedContent)
        assert pane(screen, "Patriot Dispatch").has_focus
        assert all(p.region.width > 0 for p in screen.panes())


async def test_tabs_at_80x24(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = record_articles(demo_app, monkeypatch)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_voss(pilot)
        tabs = screen.query_one("#compare-tabs", TabbedContent)
        # A narrow screen opens on the summary.
        assert tabs.active == "tab-summary"
        assert screen.query_one("#summary").region.height > 0
        assert all(p.region.width == 0 for p in screen.panes())
        await pilot.press("l")
        assert tabs.active == "tab-0"
        patriot = pane(screen, "Patriot Dispatch")
        assert patriot.has_focus and patriot.region.width > 0
        assert pane(screen, "Commons Voice").region.width == 0
        assert "our prime minister" in " ".join(section(patriot, "labels"))
        assert "insist" in " ".join(section(pane(screen, "Commons Voice"), "verbs"))

        await pilot.press("j", "enter")
        await settle(pilot)
        evidence = pilot.app.screen
        assert isinstance(evidence, EvidenceScreen)
        assert all("our prime minister" in item.text.lower() for item in evidence.request.items)
        await pilot.press("enter")
        assert opened == [evidence.request.items[0].evidence.article]
        await pilot.press("q")
        assert pilot.app.screen is screen
        assert patriot.has_focus

        # The tone bucket lists only positive sentences, most positive first.
        while patriot.highlighted_option is None or patriot.highlighted_option.id != "tone-pos":
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        tone = pilot.app.screen
        assert isinstance(tone, EvidenceScreen)
        scores = [item.score for item in tone.request.items]
        assert scores and all(s is not None and s >= 0.05 for s in scores)
        assert scores == sorted(scores, reverse=True)
        await pilot.press("escape")

        # The concordance aligns every line on the name, cut to the pane.
        kwic = [o for o in patriot.options if o.id and o.id.startswith("kwic-")]
        assert kwic
        names = {(span.start, str(span.style)) for o in kwic for span in o.prompt.spans if "bold" in str(span.style)}
        assert len(names) == 1
        assert all(len(o.prompt.plain) <= patriot.size.width for o in kwic)

        await pilot.press("h")
        assert tabs.active == "tab-summary"
        await pilot.press("q")
        assert not isinstance(pilot.app.screen, CompareScreen)


async def test_aligned_sentences(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = record_articles(demo_app, monkeypatch)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_voss(pilot)
        await pilot.press("a")
        await settle(pilot)
        aligned = pilot.app.screen
        assert isinstance(aligned, AlignedScreen)
        listing = aligned.query_one("#aligned-list", OptionList)
        prompts = [o.prompt for o in listing.options if isinstance(o.prompt, Text)]
        declared = next(p for p in prompts if "declared." in p.plain and "insisted." in p.plain)
        styles = {declared.plain[s.start : s.end]: str(s.style) for s in declared.spans}
        assert "strike" in styles["[-declared.-]"]  # marked even where there is no colour or style
        assert "underline" in styles["{+insisted.+}"]
        assert "Patriot Dispatch" in declared.plain and "Commons Voice" in declared.plain

        # o keeps the pairs of the focused outlet and the next; here that is every pair.
        await pilot.press("o")
        assert aligned.filtered and len(aligned.shown) == len(screen.comparison.aligned)
        await pilot.press("o")
        assert not aligned.filtered

        index = next(i for i, p in enumerate(aligned.shown) if "declared." in p.a.text)
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        evidence = pilot.app.screen
        assert isinstance(evidence, EvidenceScreen)
        assert [item.outlet for item in evidence.request.items] == VOSS_OUTLETS
        await pilot.press("enter")
        assert opened == [aligned.shown[index].a.evidence.article]
        await pilot.press("escape", "escape")
        assert pilot.app.screen is screen


async def test_add_remove_and_move_outlets(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        screen = await open_voss(pilot)
        # Two outlets is the fewest: removing one is refused.
        await pilot.press("minus")
        assert screen.outlets == VOSS_OUTLETS
        assert any("at least 2" in m for m in notifications(pilot.app))

        async def add(outlet: str) -> None:
            await pilot.press("plus")
            await settle(pilot)
            picker = pilot.app.screen
            assert isinstance(picker, OutletPicker)
            listing = picker.query_one("#picker-list", OptionList)
            assert not any(p.startswith(tuple(screen.outlets)) for p in plain(listing))
            for _ in range(listing.option_count):
                option = listing.highlighted_option
                if option is not None and option.prompt.plain.startswith(outlet):
                    break
                await pilot.press("j")
            await pilot.press("enter")
            await settle(pilot)

        await add("Meridian Wire")
        assert pilot.app.screen is screen
        assert screen.outlets == [*VOSS_OUTLETS, "Meridian Wire"]
        assert [p.outlet for p in screen.comparison.outlets] == screen.outlets
        panes = screen.panes()
        assert len(panes) == 3 and all(p.region.width > 0 for p in panes)
        assert pane(screen, "Meridian Wire").has_focus

        await add("The Korsa Ledger")
        assert len(screen.panes()) == 4
        await pilot.press("plus")
        assert not isinstance(pilot.app.screen, OutletPicker)
        assert any("At most 4" in m for m in notifications(pilot.app))

        # - removes the focused pane's outlet (the Ledger, just added).
        await pilot.press("minus")
        await settle(pilot)
        assert screen.outlets == [*VOSS_OUTLETS, "Meridian Wire"]
        assert len(screen.panes()) == 3

        # > swaps the focused outlet with its right neighbour without recomputing.
        before = screen.comparison
        assert pane(screen, "Meridian Wire").has_focus  # the neighbour of the removed pane
        await pilot.press("h")
        assert pane(screen, "Commons Voice").has_focus
        await pilot.press("greater_than_sign")
        await settle(pilot)
        assert screen.outlets == ["Patriot Dispatch", "Meridian Wire", "Commons Voice"]
        assert screen.comparison is before
        assert [p.outlet for p in screen.panes()] == screen.outlets
        assert pane(screen, "Commons Voice").has_focus
        await pilot.press("less_than_sign", "less_than_sign")
        await settle(pilot)
        assert screen.outlets == ["Commons Voice", "Patriot Dispatch", "Meridian Wire"]
        assert [p.outlet for p in screen.comparison.outlets] == screen.outlets
        assert pane(screen, "Commons Voice").has_focus

        # Cancelling the picker changes nothing.
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press("escape")
        assert pilot.app.screen is screen and len(screen.outlets) == 3


async def test_export_markdown_and_csv(demo_app: NewsframeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_voss(pilot)
        await pilot.press("e")
        export = pilot.app.screen
        assert isinstance(export, ExportScreen)
        assert export.query_one("#export-path", Input).value == str(tmp_path / "adrian-voss.md")
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        report = (tmp_path / "adrian-voss.md").read_text(encoding="utf-8")
        assert report.startswith("# How outlets frame Adrian Voss")
        assert f"wrote {tmp_path / 'adrian-voss.md'}" in notifications(pilot.app)

        # CSV: the fourth format; the path follows the format, one file per table beside it.
        await pilot.press("e", "j", "j", "j")
        assert export is not pilot.app.screen
        export = pilot.app.screen
        assert isinstance(export, ExportScreen)
        assert export.query_one("#export-path", Input).value == str(tmp_path / "adrian-voss.csv")
        await pilot.press("enter")
        await settle(pilot)
        coverage = (tmp_path / "adrian-voss-coverage.csv").read_text(encoding="utf-8")
        assert coverage.startswith("outlet,articles,outlet_articles,share,mentions")
        assert (tmp_path / "adrian-voss-labels.csv").exists()
        assert (tmp_path / "adrian-voss-aligned.csv").exists()

        # A path that cannot be written is reported, and the dialog stays for another try.
        await pilot.press("e", "tab", "ctrl+u", *str(tmp_path / "missing" / "x.md"), "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportScreen)
        assert any(m.startswith("could not write") for m in notifications(pilot.app))
        assert not (tmp_path / "missing").exists()
        await pilot.press("escape")
        assert pilot.app.screen is screen


async def test_unknown_target_shows_closest_names(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        below = pilot.app.screen
        pilot.app.open_compare("Adrian Vos")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is None
        assert screen.error is not None and "closest people" in screen.error and "Adrian Voss" in screen.error
        assert screen.query_one("#compare-error").display
        assert not screen.query_one("#compare-loading").display
        await pilot.press("q")
        assert pilot.app.screen is below


async def test_escape_leaves_while_computing(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        below = pilot.app.screen
        pilot.app.open_compare("Adrian Voss", list(VOSS_OUTLETS))
        await pilot.press("escape")
        assert pilot.app.screen is below
        await settle(pilot)
        assert pilot.app.screen is below


async def test_ask_target_from_the_palette(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        below = pilot.app.screen
        pilot.app.action_ask_compare()
        await pilot.pause()
        assert isinstance(pilot.app.screen, AskTarget)
        await pilot.press("escape")
        assert pilot.app.screen is below

        pilot.app.action_ask_compare()
        await pilot.pause()
        await pilot.press(*"Ilves", "enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.target == "Ilves"
        assert screen.comparison is not None and screen.comparison.target.name == "Maren Ilves"
        assert len(screen.outlets) == 3  # the three outlets covering her most


async def test_article_markup_shows_literally(make_app: Callable[..., NewsframeApp]) -> None:
    app = make_app(
        {
            "Alpha News/a.txt": "Harbour plan splits council\n\n"
            "Mayor Jana Holm said the [bold]harbour[/bold] plan was fair. Jana Holm spoke on Monday.\n",
            "Beta Post/b.txt": "Council backs harbour plan\n\n"
            "Mayor Jana Holm insisted the [bold]harbour[/bold] plan was fair. Critics said Jana Holm ignored them.\n",
        }
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_compare("Jana Holm")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.outlets == ["Alpha News", "Beta Post"]
        await pilot.press("l", "j")
        alpha = pane(screen, "Alpha News")
        assert alpha.highlighted_option is not None and alpha.highlighted_option.id == "labels-0"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert "[bold]harbour[/bold]" in app.export_screenshot()
        await pilot.press("escape", "a")
        await settle(pilot)
        assert isinstance(app.screen, AlignedScreen)
        shot = app.export_screenshot()
        assert "[bold]harbour[/bold]" in shot or "[bold]harbour[/bold]" in shot.replace("&#160;", " ")


async def test_a_long_section_opens_in_full_with_enter(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pane shows a section's first items; enter on "… and N more" shows the rest, cursor on the first."""
    import tui.compare as compare

    monkeypatch.setattr(compare, "SECTION_LIMIT", 3)
    async with demo_app.run_test(size=(120, 36)) as pilot:
        screen = await open_voss(pilot)
        outlet = pane(screen, "Commons Voice")
        total = len(outlet.profile.kwic)
        assert total > 3
        assert len(section(outlet, "kwic")) == 3
        outlet.focus()
        outlet.highlighted = outlet.get_option_index("more-kwic")
        await pilot.press("enter")
        await settle(pilot)
        assert len(section(outlet, "kwic")) == total
        assert outlet.highlighted_option is not None and outlet.highlighted_option.id == "kwic-3"
        assert type(pilot.app.screen).__name__ == "CompareScreen"  # no evidence screen for the "more" line
        await pilot.press("enter")  # an item again: its evidence
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "EvidenceScreen"
