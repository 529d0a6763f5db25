"""The reader, related coverage and the side-by-side paragraph diff, driven by keys over the demo corpus."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from rich.text import Text
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Collapsible, OptionList, Static

from corpus import Article, Source, Via
from corpus.framing.align import AlignedPair, DiffRun
from index.search import body_terms
from tests.tui.helpers import settle
from tui.app import NewsframeApp
from tui.article_text import reading_order
from tui.reader import ReaderScreen
from tui.sidebyside import SideBySideScreen, diff_texts, rows_for


def plain(widget: Any) -> str:
    """What a Static shows, as plain text (its content is always a Text here)."""
    content = widget.content
    assert isinstance(content, Text), f"{widget!r} shows {type(content).__name__}, not Text"
    return content.plain


def screen_text(app: NewsframeApp) -> str:
    """Every character on screen, row by row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def styles_in(content: object) -> list[Any]:
    """The styles of a Text's spans (a Static's content, a paragraph's Text)."""
    assert isinstance(content, Text)
    return [span.style for span in content.spans]


def current(app: NewsframeApp) -> Screen[Any]:
    """The screen on top (a function, so each look is fresh)."""
    return app.screen


async def start(pilot: Any) -> NewsframeApp:
    await settle(pilot)
    app: NewsframeApp = pilot.app
    assert app.index is not None
    return app


def query_terms(app: NewsframeApp, query: str) -> frozenset[str]:
    assert app.index is not None
    with app.index.searcher() as searcher:
        return body_terms(app.index.parse(query), searcher)


async def open_reader(pilot: Any, article_id: str, terms: frozenset[str] = frozenset()) -> ReaderScreen:
    pilot.app.open_article(article_id, terms)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    assert screen.article_id == article_id
    assert screen.article is not None
    return screen


def status(screen: ReaderScreen) -> str:
    return plain(screen.query_one("#reader-status", Static))


def in_view(screen: ReaderScreen, target: int) -> bool:
    reader = screen.query_one("#reader", VerticalScroll)
    widget = screen._target_widget(target)
    top, height = reader.scroll_y, reader.scrollable_content_region.height
    region = widget.virtual_region
    return region.y < top + height and region.bottom > top


async def reader_flow(pilot: Any) -> None:
    """Search hit -> reader -> hits -> related -> side by side -> swap -> back, at the current size."""
    app = await start(pilot) if pilot.app.index is None else pilot.app
    assert app.index is not None
    first = app.index.search("harbour").hits[0]
    terms = query_terms(app, "harbour")
    reader = await open_reader(pilot, first.id, terms)
    article = reader.article
    assert article is not None

    header = plain(reader.query_one("#article-header", Static))
    assert article.title in header and article.outlet in header
    assert article.date is not None and article.date.isoformat() in header
    hit_style = reader.get_component_rich_style("reader--hit", partial=True)
    assert hit_style in styles_in(reader.query_one("#article-header", Static).content)  # "harbour" in the title

    # n / N walk the query hits, wrapping, and keep the current one in view
    count = len(reader.hits)
    assert count >= 3 and f"{count} hits" in status(reader)
    await pilot.press("n")
    assert status(reader).startswith(f"hit 1 of {count}")
    await pilot.press("n", "n")
    assert status(reader).startswith(f"hit 3 of {count}")
    await pilot.press("N")
    assert status(reader).startswith(f"hit 2 of {count}")
    await pilot.press("g", "N", "N")  # from hit 2 back past the first to the last
    await pilot.pause()
    assert status(reader).startswith(f"hit {count} of {count}")
    last = reader.hits[-1]
    assert last.target >= 0
    assert reader.query_one("#reader", VerticalScroll).scroll_y > 0
    assert in_view(reader, last.target)
    current_style = reader.get_component_rich_style("reader--current", partial=True)
    assert current_style in styles_in(reader.paragraph_text(last.target))
    assert hit_style in styles_in(reader.paragraph_text(last.target))

    # r: related coverage from other outlets only, in a focused list
    await pilot.press("r")
    await settle(pilot)
    related = reader.query_one("#related", OptionList)
    assert reader.focused is related
    ids = [option.id for option in related.options if option.id is not None]
    assert ids and first.id not in ids
    outlets = {found.outlet for i in ids if (found := app.index.article(i)) is not None}
    assert article.outlet not in outlets
    panel = reader.query_one("#related-panel").region
    text = reader.query_one("#reader").region
    if app.size.width >= 120:
        assert panel.x >= text.right and panel.y == text.y  # beside the text
    else:
        assert panel.y >= text.bottom  # below the text
    prompt = related.get_option_at_index(0).prompt
    assert isinstance(prompt, Text) and "\n" in prompt.plain and " · " in prompt.plain

    # enter opens the highlighted related article in a new reader; escape comes back to the first
    await pilot.press("j", "k", "enter")
    await settle(pilot)
    second = app.screen
    assert isinstance(second, ReaderScreen) and second is not reader
    assert second.article_id == ids[0] and second.terms == terms

    # d on a related item: the two articles side by side; s swaps; escape twice back to the first reader
    await pilot.press("r")
    await settle(pilot)
    await pilot.press("d")
    await settle(pilot)
    sbs = app.screen
    assert isinstance(sbs, SideBySideScreen)
    related_of_second = second.query_one("#related", OptionList).get_option_at_index(0).id
    assert (sbs.left_id, sbs.right_id) == (second.article_id, related_of_second)
    assert sbs.pairs, "two reports of one story share paragraphs"
    header_text = plain(sbs.query_one("#sbs-header", Static))
    assert f"{len(sbs.pairs)} of " in header_text and "paragraphs align" in header_text
    cells = list(sbs.query(".cell.left").results(Static))
    deleted = sbs.get_component_rich_style("sidebyside--deleted", partial=True)
    inserted = sbs.get_component_rich_style("sidebyside--inserted", partial=True)
    assert deleted.strike and inserted.underline
    assert any(deleted in styles_in(cell.content) for cell in cells)
    assert any(inserted in styles_in(cell.content) for cell in sbs.query(".cell.right").results(Static))
    assert any("only in" in plain(cell) for cell in sbs.query(".alone").results(Static))
    rows = sbs.query_one("#sbs-rows", VerticalScroll)
    pair = sbs.query(".aligned").first()
    rows.scroll_to_widget(pair, top=True, animate=False)
    await pilot.pause()
    left_cell, right_cell = pair.query(".cell").results(Static)
    if app.size.width >= 100:
        assert left_cell.region.y == right_cell.region.y and left_cell.region.right <= right_cell.region.x
    else:
        assert right_cell.region.y >= left_cell.region.bottom
    await pilot.press("j")
    assert rows.scroll_y >= 0
    before = (sbs.left_id, sbs.right_id)
    await pilot.press("s")
    await settle(pilot)
    assert (sbs.left_id, sbs.right_id) == before[::-1]
    assert sbs.pairs
    assert current(app) is sbs

    await pilot.press("escape")
    await settle(pilot)
    assert current(app) is second
    await pilot.press("escape")
    await settle(pilot)
    assert current(app) is reader
    await pilot.press("q")
    await settle(pilot)
    assert not isinstance(current(app), ReaderScreen)


async def test_main_flow_at_80x24_then_120x36(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await reader_flow(pilot)
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        await reader_flow(pilot)


async def test_main_flow_at_120x36(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await start(pilot)
        await reader_flow(pilot)


async def test_resize_moves_the_related_panel_and_keeps_the_hit(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        app = await start(pilot)
        first = app.index.search("harbour").hits[0]  # type: ignore[union-attr]
        reader = await open_reader(pilot, first.id, query_terms(app, "harbour"))
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("escape")  # wide: the panel stays beside the text, the text has the focus
        assert reader.query_one("#related-panel").display and reader.focused is reader.query_one("#reader")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert reader.has_class("-narrow")
        await pilot.press("N")
        await pilot.pause()
        assert in_view(reader, reader.hits[-1].target)
        await pilot.press("r")
        await pilot.pause()
        assert reader.query_one("#related-panel").region.y >= reader.query_one("#reader").region.bottom
        await pilot.press("escape")  # narrow: the panel closes, giving the text its room back
        assert not reader.query_one("#related-panel").display
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ReaderScreen)


async def test_people_are_highlighted_and_walked_without_a_query(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        app = await start(pilot)
        first = app.index.search('person:"Adrian Voss"').hits[0]  # type: ignore[union-attr]
        reader = await open_reader(pilot, first.id)
        article = reader.article
        assert article is not None
        mention_style = reader.get_component_rich_style("reader--mention", partial=True)
        body_mentions = [
            (article.sentences[m.sentence], m) for p in article.people for m in p.mentions if m.where == "body"
        ]
        sentence, mention = body_mentions[0]
        name = sentence.text[mention.start : mention.end]
        where = sentence.start + mention.start
        index = next(
            i
            for i, block in enumerate(reader.blocks)
            if block.where == "body" and block.start <= where < block.start + len(block.text)
        )
        text = reader.paragraph_text(index)
        local = where - reader.blocks[index].start
        assert text.plain[local : local + len(name)] == name
        assert any(
            span.style == mention_style and span.start == local and span.end == local + len(name) for span in text.spans
        )
        assert reader.hit_kind == "people mentioned"

        app.theme = "ansi-dark"  # 16 colours: the highlights are painted again in the theme's own colours
        await settle(pilot)
        ansi = reader.get_component_rich_style("reader--mention", partial=True)
        assert ansi != mention_style and ansi.color is not None and ansi.color.number is not None
        assert ansi in styles_in(reader.paragraph_text(index))
        await pilot.press("n")
        assert status(reader).startswith(f"hit 1 of {len(reader.hits)}")
        assert "people" in status(reader)


async def test_comments_fold_and_unfold(demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        app = await start(pilot)
        assert app.index is not None
        hits = app.index.search('outlet:"Patriot Dispatch"', limit=50).hits
        with_comments = next(h.id for h in hits if app.index.article(h.id).comments)  # type: ignore[union-attr]
        without = next(h.id for h in hits if not app.index.article(h.id).comments)  # type: ignore[union-attr]

        reader = await open_reader(pilot, with_comments)
        comments = reader.query_one("#comments", Collapsible)
        assert comments.collapsed
        first_comment = reader.article.comments[0]  # type: ignore[union-attr]
        assert first_comment.text.split("\n\n")[0] in plain(reader.query_one("#comments-text", Static))
        await pilot.press("c")
        await pilot.pause()
        assert not comments.collapsed
        assert reader.query_one("#reader", VerticalScroll).scroll_y > 0  # scrolled down to them
        await pilot.press("c")
        assert comments.collapsed
        await pilot.press("q")
        await settle(pilot)

        said: list[str] = []
        monkeypatch.setattr(app, "notify", lambda message, **kwargs: said.append(message))
        reader = await open_reader(pilot, without)
        assert not reader.query("#comments")
        await pilot.press("c")
        assert said == ["no reader comments"]


async def test_compare_opens_with_the_most_mentioned_person(
    demo_app: NewsframeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        app = await start(pilot)
        calls: list[tuple[str, list[str] | None]] = []
        monkeypatch.setattr(app, "open_compare", lambda target, outlets=None: calls.append((target, outlets)))
        first = app.index.search("harbour").hits[0]  # type: ignore[union-attr]
        reader = await open_reader(pilot, first.id)
        article = reader.article
        assert article is not None
        counts = Counter({p.name: sum(m.where == "body" for m in p.mentions) for p in article.people})
        await pilot.press("x")
        assert len(calls) == 1
        person, outlets = calls[0]
        assert counts[person] == max(counts.values())
        assert outlets is not None and outlets[0] == article.outlet
        assert 2 <= len(outlets) <= 4 and len(set(outlets)) == len(outlets)
        assert set(outlets[1:]) <= {hit.outlet for hit in reader.related or []}


MARKUP_ARTICLES = [
    {
        "headline": "Harbour [bold]x[/bold] sale agreed",
        "content": "The harbour board agreed the sale on Monday. Read [link=http://e]y[/link] for the terms.\n\n"
        "Dockworkers said the harbour sale [red]ignored[/red] them and promised to strike over jobs.",
        "publisher": "Outlet One",
        "published": "2025-03-10",
        "comments": [{"author": "[b]anon[/b]", "text": "Nice [i]deal[/i]."}],
    },
    {
        "headline": "Harbour sale agreed by the board",
        "content": "The harbour board agreed the sale on Monday, [dim]people[/dim] close to it said.\n\n"
        "Dockworkers said the harbour sale ignored them and threatened to strike over jobs.",
        "publisher": "Outlet Two",
        "published": "2025-03-11",
    },
]


async def test_markup_in_articles_shows_literally(make_app: Callable[..., NewsframeApp]) -> None:
    app = make_app({"feed.jsonl": "\n".join(json.dumps(a) for a in MARKUP_ARTICLES)})
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        assert app.index is not None
        hits = app.index.search("harbour").hits
        one = next(h for h in hits if h.outlet == "Outlet One")
        reader = await open_reader(pilot, one.id, query_terms(app, "harbour"))
        assert "[bold]x[/bold]" in plain(reader.query_one("#article-header", Static))
        assert "[link=http://e]y[/link]" in reader.paragraph_text(0).plain
        assert "[red]ignored[/red]" in reader.paragraph_text(1).plain
        await pilot.press("c")
        await pilot.pause()
        shown = screen_text(app)
        assert "[bold]x[/bold]" in shown and "[link=http://e]y[/link]" in shown
        assert "[b]anon[/b]" in shown and "[i]deal[/i]" in shown

        await pilot.press("r")
        await settle(pilot)
        related = reader.query_one("#related", OptionList)
        assert [o.id for o in related.options] == [next(h.id for h in hits if h.outlet == "Outlet Two")]
        await pilot.press("d")
        await settle(pilot)
        sbs = app.screen
        assert isinstance(sbs, SideBySideScreen)
        assert "[bold]x[/bold]" in plain(sbs.query_one("#sbs-header", Static))
        cells = " ".join(plain(c) for c in sbs.query(".cell").results(Static))
        assert "[link=http://e]y[/link]" in cells and "[dim]people[/dim]" in cells
        assert "[link=http://e]y[/link]" in screen_text(app)


async def test_unknown_article_says_so_and_q_goes_back(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        app = await start(pilot)
        below = app.screen
        app.open_article("no-such-id")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article is None
        assert "no-such-id" in plain(reader.query_one("#reader-message", Static))
        await pilot.press("n", "c", "r", "x")  # nothing to act on: no error
        await pilot.press("q")
        await settle(pilot)
        assert app.screen is below


def test_rows_keep_the_left_order_and_place_right_only_paragraphs() -> None:
    pairs = [AlignedPair(0, 1, 0.9, []), AlignedPair(2, 3, 0.5, [])]
    rows = rows_for(["a0", "a1", "a2"], ["b0", "b1", "b2", "b3", "b4"], pairs)
    assert [(r.left, r.right) for r in rows] == [(None, 0), (0, 1), (None, 2), (1, None), (2, 3), (None, 4)]


def test_diff_marks_deleted_words_left_and_inserted_words_right() -> None:
    diff = [DiffRun("equal", "the deal", "the deal"), DiffRun("replace", "was", "is"), DiffRun("insert", "", "not")]
    left, right = diff_texts(diff, "strike", "underline")
    assert (left.plain, right.plain) == ("the deal [-was-]", "the deal {+is+} {+not+}")
    assert [(left.plain[s.start : s.end], s.style) for s in left.spans] == [("[-was-]", "strike")]
    assert [(right.plain[s.start : s.end], s.style) for s in right.spans] == [
        ("{+is+}", "underline"),
        ("{+not+}", "underline"),
    ]


def test_reading_order_puts_reposted_blocks_back_with_offsets() -> None:
    """The reader maps body sentences onto paragraphs by offset: each block is its field's slice at `start`."""
    via = Via(outlet="Wire", text="Reposted one.\n\nReposted two.", at=1)
    article = Article(id="a", outlet="o", title="t", body="One. Two.\n\nThree.", source=Source("x"), via=[via])
    blocks = reading_order(article)
    assert [(b.where, b.text, b.start, b.first) for b in blocks] == [
        ("body", "One. Two.", 0, False),
        ("via", "Reposted one.", 0, True),
        ("via", "Reposted two.", 15, False),
        ("body", "Three.", 11, False),
    ]
    for b in blocks:
        field = article.body if b.where == "body" else article.via[b.block].text
        assert field[b.start : b.start + len(b.text)] == b.text
