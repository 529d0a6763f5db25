"""Two articles side by side, paragraph by paragraph: which paragraphs tell the same thing, and in which words
they differ. Paragraphs are paired with the framing aligner (one-to-one, best first) and shown in the left
article's order; a paragraph with no partner stands alone, dimmed. Article text reaches the screen only as Text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Static

from corpus import Article
from corpus.framing.align import AlignedPair, DiffRun, align
from tui.scrolling import SCROLL_BINDINGS, ScrollingScreen

if TYPE_CHECKING:
    from index import Index
    from tui.app import NewsframeApp

THRESHOLD = 0.3


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the view: an aligned pair (both indexes) or a paragraph only one side has."""

    left: int | None
    right: int | None
    pair: AlignedPair | None = None


def rows_for(left: list[str], right: list[str], pairs: list[AlignedPair]) -> list[Row]:
    """Rows in the left article's order; a right-only paragraph follows the row of the nearest aligned
    right paragraph before it (or opens the view), so each side still reads top to bottom where it can."""
    by_left = {p.a: p for p in pairs}
    right_row: dict[int, int] = {}  # right paragraph -> left paragraph it is aligned with
    for p in pairs:
        right_row[p.b] = p.a
    after: dict[int, list[int]] = {}  # left paragraph (-1: the top) -> right-only paragraphs following it
    for j in range(len(right)):
        if j in right_row:
            continue
        anchor = max((b for b in right_row if b < j), default=None)
        after.setdefault(-1 if anchor is None else right_row[anchor], []).append(j)
    rows = [Row(None, j) for j in after.get(-1, [])]
    for i in range(len(left)):
        pair = by_left.get(i)
        rows.append(Row(i, pair.b, pair) if pair else Row(i, None))
        rows.extend(Row(None, j) for j in after.get(i, []))
    return rows


def diff_texts(diff: list[DiffRun], deleted: Style | str, inserted: Style | str) -> tuple[Text, Text]:
    """Each side's words with its differences marked: `[-words-]` only on the left, `{+words+}` only on the
    right, styled too; the brackets keep them apart without colour (NO_COLOR, a copied screen)."""
    left, right = Text(), Text()
    for run in diff:
        for side, words, style, marks in ((left, run.a, deleted, ("[-", "-]")), (right, run.b, inserted, ("{+", "+}"))):
            if not words:
                continue
            if side.plain:
                side.append(" ")
            if run.op == "equal":
                side.append(words)
            else:
                side.append(marks[0] + words + marks[1], style=style)
    return left, right


def describe(article: Article) -> Text:
    """outlet · date: title, for the header."""
    text = Text(article.outlet, style="bold")
    text.append(" · " + (article.date.isoformat() if article.date else "undated"), style="dim")
    text.append(": ")
    text.append(article.title)
    return text


class SideBySideScreen(ScrollingScreen):
    """Two articles' paragraphs aligned, the word differences coloured; `s` swaps the sides."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"sidebyside--deleted", "sidebyside--inserted"}

    DEFAULT_CSS = """
    SideBySideScreen > .sidebyside--deleted {
        color: $error;
        text-style: strike;
    }
    SideBySideScreen > .sidebyside--inserted {
        color: $success;
        text-style: underline;
    }
    SideBySideScreen #sbs-header {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    SideBySideScreen #sbs-rows {
        height: 1fr;
        padding: 0 1;
    }
    SideBySideScreen .row {
        height: auto;
        margin-bottom: 1;
    }
    SideBySideScreen.-narrow .pair {
        layout: vertical;
    }
    SideBySideScreen.-wide .pair {
        layout: horizontal;
    }
    SideBySideScreen.-wide .pair > .cell {
        width: 1fr;
    }
    SideBySideScreen.-wide .pair > .cell.right {
        padding-left: 2;
    }
    SideBySideScreen.-narrow .pair > .cell.right {
        padding-left: 2;
        border-left: outer $panel-lighten-2;
    }
    SideBySideScreen .cell {
        height: auto;
    }
    SideBySideScreen .alone {
        color: $text-muted;
    }
    SideBySideScreen.-narrow .spacer {
        display: none;
    }
    SideBySideScreen #sbs-message {
        padding: 1;
    }
    """

    SCROLLS = "#sbs-rows"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.pop_screen", "Back"),
        Binding("s", "swap", "Swap sides"),
        *SCROLL_BINDINGS,
    ]

    def __init__(self, left_id: str, right_id: str) -> None:
        super().__init__()
        self.left_id = left_id
        self.right_id = right_id
        self.left: Article | None = None
        self.right: Article | None = None
        self.pairs: list[AlignedPair] = []
        self.rows: list[Row] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("loading…"), id="sbs-header")
        yield VerticalScroll(id="sbs-rows")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "side by side"
        rows = self.query_one("#sbs-rows", VerticalScroll)
        rows.loading = True
        rows.focus()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.call_after_refresh(self._repaint))
        self.load()

    @property
    def _index(self) -> Index:
        index = cast("NewsframeApp", self.app).index
        assert index is not None, "screens open only once the index is open"
        return index

    @work(thread=True, exclusive=True, group="sidebyside")
    def load(self, swap: bool = False) -> None:
        """Read both articles (once) and align their paragraphs, off the UI thread."""
        try:
            if self.left is None or self.right is None:
                left, right = self._index.article(self.left_id), self._index.article(self.right_id)
            else:
                left, right = (self.right, self.left) if swap else (self.left, self.right)
            if left is None or right is None:
                missing = self.left_id if left is None else self.right_id
                self.app.call_from_thread(self._show_missing, missing)
                return
            pairs = align(left.paragraphs, right.paragraphs, threshold=THRESHOLD)
            rows = rows_for(left.paragraphs, right.paragraphs, pairs)
        except Exception as exc:  # an index problem: one line, not a traceback
            self.app.call_from_thread(
                self.notify, f"cannot show them side by side: {exc}", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._show, left, right, pairs, rows)

    def _show_missing(self, article_id: str) -> None:
        if not self.is_attached:
            return
        container = self.query_one("#sbs-rows", VerticalScroll)
        container.loading = False
        message = Text("No article ")
        message.append(article_id, style="bold")
        message.append(" in the index. Press q to go back.")
        container.mount(Static(message, id="sbs-message"))
        self.query_one("#sbs-header", Static).update(Text("nothing to compare"))

    def _show(self, left: Article, right: Article, pairs: list[AlignedPair], rows: list[Row]) -> None:
        if not self.is_attached:
            return
        self.left, self.right, self.pairs, self.rows = left, right, pairs, rows
        self.left_id, self.right_id = left.id, right.id
        self.query_one("#sbs-header", Static).update(self._header())
        container = self.query_one("#sbs-rows", VerticalScroll)
        container.loading = False
        container.remove_children()
        container.mount_all([self._row(row) for row in rows])
        container.scroll_home(animate=False)

    def _repaint(self) -> None:
        """The diff colours are theme colours baked into Text: paint the rows again in the new theme."""
        if self.left is not None and self.right is not None:
            container = self.query_one("#sbs-rows", VerticalScroll)
            y = container.scroll_y
            self._show(self.left, self.right, self.pairs, self.rows)
            self.call_after_refresh(container.scroll_to, y=y, animate=False)

    def _header(self) -> Text:
        assert self.left is not None and self.right is not None
        text = Text("◀ ")
        text.append_text(describe(self.left))
        text.append("\n▶ ")
        text.append_text(describe(self.right))
        total = len(self.left.paragraphs)
        text.append(f"\n{len(self.pairs)} of {total} paragraph{'s' if total != 1 else ''} align", style="bold")
        text.append(f" · the right has {len(self.right.paragraphs)} · s swaps", style="dim")
        return text

    def _row(self, row: Row) -> Horizontal:
        assert self.left is not None and self.right is not None
        left, right = self.left.paragraphs, self.right.paragraphs
        if row.pair is not None and row.left is not None and row.right is not None:
            deleted = self.get_component_rich_style("sidebyside--deleted", partial=True)
            inserted = self.get_component_rich_style("sidebyside--inserted", partial=True)
            a, b = diff_texts(row.pair.diff, deleted, inserted)
            left_label = _label(self.left.outlet, row.left, f"similarity {row.pair.similarity:.2f}")
            right_label = _label(self.right.outlet, row.right, None)
            return Horizontal(
                Static(left_label + a, classes="cell left"),
                Static(right_label + b, classes="cell right"),
                classes="row pair aligned",
            )
        if row.left is not None:
            cells = [
                Static(_alone(self.left.outlet, row.left, left[row.left]), classes="cell left alone"),
                Static(Text(""), classes="cell right spacer"),
            ]
        else:
            assert row.right is not None
            cells = [
                Static(Text(""), classes="cell left spacer"),
                Static(_alone(self.right.outlet, row.right, right[row.right]), classes="cell right alone"),
            ]
        return Horizontal(*cells, classes="row pair")

    # --- actions --------------------------------------------------------------------------------------

    def action_swap(self) -> None:
        if self.left is None or self.right is None:
            return
        self.load(swap=True)


def _label(outlet: str, paragraph: int, note: str | None) -> Text:
    text = Text(f"¶{paragraph + 1} ", style="dim")
    text.append(outlet, style="dim bold")
    if note:
        text.append(" · " + note, style="dim")
    text.append("\n")
    return text


def _alone(outlet: str, paragraph: int, para: str) -> Text:
    text = Text(f"¶{paragraph + 1} only in ", style="dim")
    text.append(outlet, style="dim bold")
    text.append("\n")
    text.append(para, style="dim")
    return text
