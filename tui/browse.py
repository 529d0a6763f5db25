"""The browse screen: outlets with their article counts, and the articles of the chosen outlet.

The corpus is read in a worker thread, so the first frame never waits for it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from corpus import Article, Problem, read_corpus
from tui.reader import ReaderScreen

ALL_OUTLETS = "\x00all"


class BrowseScreen(Screen[None]):
    """Pick an outlet on the left, an article on the right; enter opens it in the reader."""

    AUTO_FOCUS = "#articles"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("q", "app.quit", "Quit"),
        Binding("enter", "open_article", "Read", show=False),
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
        Binding("o", "focus_outlets", "Outlets"),
        Binding("a", "focus_articles", "Articles"),
    ]

    class Loaded(Message):
        """The corpus has been read: its articles, and the problems met on the way."""

        def __init__(self, articles: list[Article], problems: list[Problem]) -> None:
            super().__init__()
            self.articles = articles
            self.problems = problems

    def __init__(self, paths: list[str]) -> None:
        super().__init__()
        self.paths = paths
        self.articles: list[Article] = []
        self.outlet: str = ALL_OUTLETS

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="browse"):
            yield OptionList(id="outlets")
            yield DataTable(id="articles", cursor_type="row", zebra_stripes=False)
        yield Static(Text("Reading articles…"), id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#articles", DataTable).loading = True
        self.read_articles()

    def on_resize(self) -> None:
        if self.articles:
            self.show_outlet(self.outlet)

    @work(thread=True, exclusive=True)
    def read_articles(self) -> None:
        articles: list[Article] = []
        problems: list[Problem] = []
        for item in read_corpus(self.paths):
            (problems if isinstance(item, Problem) else articles).append(item)  # type: ignore[arg-type]
        self.post_message(self.Loaded(articles, problems))

    def on_browse_screen_loaded(self, message: Loaded) -> None:
        self.articles = [a for a in message.articles if a.duplicate_of is None]
        self.articles.sort(key=lambda a: (a.date is None, a.date), reverse=False)
        counts = Counter(a.outlet for a in self.articles)
        outlets = self.query_one("#outlets", OptionList)
        outlets.clear_options()
        outlets.add_option(Option(Text(f"All outlets  {len(self.articles)}"), id=ALL_OUTLETS))
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            outlets.add_option(Option(Text(f"{name}  {count}"), id=name))
        outlets.highlighted = 0
        sources = ", ".join(Path(p).name for p in self.paths)
        status = f"{len(self.articles)} articles from {len(counts)} outlets in {sources}"
        if message.problems:
            status += f"; {len(message.problems)} files could not be read"
        self.query_one("#status", Static).update(Text(status))
        self.query_one("#articles", DataTable).loading = False
        self.show_outlet(ALL_OUTLETS)
        if not outlets.has_focus:  # the user may have moved there while the corpus was read
            self.query_one("#articles", DataTable).focus()

    def show_outlet(self, outlet: str) -> None:
        """Fill the table with the outlet's articles, the title column taking the width that is left."""
        self.outlet = outlet
        table = self.query_one("#articles", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        outlet_width = min(18, max((len(a.outlet) for a in self.articles), default=6))
        # columns: date 10, outlet, title, each with one cell of padding either side; 2 for the scrollbar
        # (the table itself has no size while its loading indicator shows: measure around it)
        table_width = self.size.width - self.query_one("#outlets").outer_size.width - 2
        title_width = max(20, table_width - 10 - outlet_width - 3 * 2 - 2)
        table.add_column("Date", width=10)
        table.add_column("Outlet", width=outlet_width)
        table.add_column("Title", width=title_width)
        for index, article in enumerate(self.articles):
            if outlet in (ALL_OUTLETS, article.outlet):
                date = article.date.isoformat() if article.date else "–"
                table.add_row(Text(date), Text(article.outlet), Text(article.title), key=str(index))
        if 0 < cursor < table.row_count:
            table.move_cursor(row=cursor)

    @on(OptionList.OptionHighlighted, "#outlets")
    def outlet_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.outlet:
            self.show_outlet(event.option.id)

    @on(OptionList.OptionSelected, "#outlets")
    def outlet_selected(self) -> None:
        self.query_one("#articles", DataTable).focus()

    @on(DataTable.RowSelected, "#articles")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.push_screen(ReaderScreen(self.articles[int(event.row_key.value)]))

    def action_open_article(self) -> None:
        table = self.query_one("#articles", DataTable)
        if table.row_count:
            table.action_select_cursor()

    def action_cursor(self, direction: str) -> None:
        focused = self.focused
        if isinstance(focused, (DataTable, OptionList)):
            focused.action_cursor_down() if direction == "down" else focused.action_cursor_up()

    def action_focus_outlets(self) -> None:
        self.query_one("#outlets").focus()

    def action_focus_articles(self) -> None:
        self.query_one("#articles").focus()
