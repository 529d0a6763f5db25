"""The people screen: who the corpus mentions, in how many articles, and in which outlets.

Given a query it counts the people in the articles that match it instead (every match, not a page).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from corpus.names import fold
from index import Index, QueryError

if TYPE_CHECKING:
    from tui.app import NewsframeApp

TOP = 200
EVERYTHING = ("", "*")


@dataclass(frozen=True, slots=True)
class PersonRow:
    name: str
    articles: int
    mentions: int
    by_outlet: dict[str, int]
    aliases: tuple[str, ...] = ()

    def matches(self, wanted: str) -> bool:
        """Whether the name or an alias contains `wanted` (already folded: no case, no accents)."""
        return any(wanted in fold(name) for name in (self.name, *self.aliases))


@dataclass(slots=True)
class Loaded:
    rows: list[PersonRow] = field(default_factory=list)
    note: str = ""  # what the rows are: all people, or the people of a query's results
    error: str | None = None


def people_rows(index: Index, query: str | None) -> Loaded:
    """The rows for the table: everyone, or the people in the articles matching `query` (QueryError)."""
    known = index.known_people()
    everyone = query is None or query.strip() in EVERYTHING
    people = index.people(top=TOP, query=None if everyone else query)
    rows = [PersonRow(p.name, p.articles, p.mentions, p.by_outlet, tuple(known.get(p.name, ()))) for p in people]
    if everyone:
        return Loaded(rows, f"{len(rows)} people, by the number of articles that mention them")
    return Loaded(rows, f"{len(rows)} people in the articles matching {query}")


def outlets_text(by_outlet: dict[str, int], width: int = 0) -> Text:
    """ "Patriot Dispatch 12 · Commons Voice 11 · +2": as many outlets as fit in `width` (0: all).

    Outlet names are data, so plain Text; an outlet is never cut through its count.
    """
    text = Text()
    items = list(by_outlet.items())
    for n, (outlet, count) in enumerate(items):
        piece = f"{' · ' if n else ''}{outlet} {count}"
        rest = len(items) - n - 1
        more = f" · +{rest}" if rest else ""
        if width and n and text.cell_len + len(piece) + len(more) > width:
            text.append(f" · +{len(items) - n}", style="dim")
            break
        if n:
            text.append(" · ", style="dim")
        text.append(outlet)
        text.append(f" {count}", style="bold")
    return text


class PeopleScreen(Screen[None]):
    """People in the corpus (or in a query's results); enter or `c` compares outlets on one."""

    AUTO_FOCUS = "#people"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
        Binding("slash", "focus_filter", "Filter"),
        Binding("c", "compare", "Compare"),
        Binding("enter", "compare", "Compare", show=False),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]
    DEFAULT_CSS = """
    PeopleScreen #people {
        height: 1fr;
    }
    PeopleScreen #people-status {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
    }
    PeopleScreen #people-status.-error {
        color: $text-error;
        text-style: bold;
    }
    """

    def __init__(self, query: str | None = None) -> None:
        super().__init__()
        self.query_text = query.strip() if query and query.strip() not in EVERYTHING else None
        self.loaded: Loaded | None = None

    @property
    def newsframe(self) -> NewsframeApp:
        return cast("NewsframeApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter by name  (/)", id="people-filter")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=False)
        yield Static(Text("Counting people…"), id="people-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#people", DataTable).loading = True
        self.load()

    @work(thread=True, exclusive=True, group="people")
    def load(self) -> None:
        index = self.newsframe.index
        assert index is not None
        try:
            loaded = people_rows(index, self.query_text)
        except QueryError as exc:
            loaded = Loaded(error=str(exc))
        except Exception as exc:  # never a traceback for an index problem
            loaded = Loaded(error=f"could not count people: {type(exc).__name__}: {exc}")
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, loaded)

    def _loaded(self, loaded: Loaded) -> None:
        if not self.is_attached:  # left before the people were counted
            return
        self.loaded = loaded
        self.query_one("#people", DataTable).loading = False
        self.fill()

    def on_resize(self) -> None:
        if self.loaded is not None:
            self.fill()

    @on(Input.Changed, "#people-filter")
    def filter_changed(self) -> None:
        if self.loaded is not None:
            self.fill()

    @on(Input.Submitted, "#people-filter")
    def filter_submitted(self) -> None:
        self.query_one("#people").focus()

    def visible_rows(self) -> list[PersonRow]:
        if self.loaded is None:
            return []
        wanted = fold(self.query_one("#people-filter", Input).value.strip())
        return [row for row in self.loaded.rows if not wanted or row.matches(wanted)]

    def fill(self) -> None:
        """Fill the table with the rows the filter lets through, the outlets column taking the width left."""
        assert self.loaded is not None
        table = self.query_one("#people", DataTable)
        status = self.query_one("#people-status", Static)
        if self.loaded.error is not None:
            status.add_class("-error")
            status.update(Text(self.loaded.error))
            return
        status.remove_class("-error")
        current = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        rows = self.visible_rows()
        name_width = min(24, max((len(r.name) for r in self.loaded.rows), default=6))
        # four columns with a cell of padding either side, and 2 for the scrollbar
        outlets_width = max(20, self.size.width - name_width - 8 - 8 - 4 * 2 - 2)
        table.clear(columns=True)
        table.add_column("Person", width=name_width)
        table.add_column(Text("Articles", justify="right"), width=8)
        table.add_column(Text("Mentions", justify="right"), width=8)
        table.add_column("Outlets", width=outlets_width)
        for row in rows:
            mentions = str(row.mentions)
            table.add_row(
                Text(row.name),
                Text(str(row.articles), justify="right"),
                Text(mentions, justify="right"),
                outlets_text(row.by_outlet, outlets_width),
                key=row.name,
            )
        names = [r.name for r in rows]
        if current in names:
            table.move_cursor(row=names.index(current))
        note = self.loaded.note
        if len(rows) != len(self.loaded.rows):
            note = f"{len(rows)} of {len(self.loaded.rows)} shown · {note}"
        if not self.loaded.rows:
            note = f"No people found · {note}"
        status.update(Text(note))

    def highlighted_name(self) -> str | None:
        table = self.query_one("#people", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @on(DataTable.RowSelected, "#people")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.newsframe.open_compare(event.row_key.value)

    def action_compare(self) -> None:
        name = self.highlighted_name()
        if name is not None:
            self.newsframe.open_compare(name)

    def action_back(self) -> None:
        """Escape in the filter goes to the table; otherwise back to the screen below."""
        if self.query_one("#people-filter", Input).has_focus:
            self.query_one("#people").focus()
        else:
            self.app.pop_screen()

    def action_focus_filter(self) -> None:
        self.query_one("#people-filter", Input).focus()

    def action_cursor(self, step: int) -> None:
        table = self.query_one("#people", DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()
