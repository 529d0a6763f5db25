"""The search screen, the bottom of the app: a query, outlet facets with counts, ranked results with
highlighted snippets, and a preview of the highlighted result.

Searching runs in a thread worker as you type (debounced), and every run carries a sequence number:
a slow search for an old query never overwrites the results of a newer one. Article text reaches
the screen only as `rich.text.Text`, so markup inside articles shows literally.

Paging: 20 results a page; `]`/`[` go to the next/previous page, and moving the cursor down past the
last result (or up past the first) turns the page too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection
from textual.worker import get_current_worker

from index import QueryError, SearchHit, SearchResult
from index.search import without_dates

if TYPE_CHECKING:
    from tui.app import NewsframeApp

PAGE_SIZE = 20
DEBOUNCE = 0.04  # seconds of pause in typing before a search: searches take milliseconds now
# Seconds after a search's results are shown, with no key typed since, before "did you mean" is worked
# out for them. Correcting a word takes the interpreter up to 0.25 s (a thread, but it holds the GIL),
# and worked out on every key it slowed the next keys' searches and drawing.
SUGGEST_AFTER = 0.3
HIGHLIGHT = "bold underline"  # legible in 16 colours and with NO_COLOR (no colour involved)
EVERYTHING = ("", "*")
_PERSON_QUERY = re.compile(r'(?i)^\s*(?:person|people):(?:"(?P<quoted>[^"]*)"|(?P<bare>\S+))\s*$')


@dataclass(frozen=True, slots=True)
class Run:
    """What one search asked for; `seq` orders runs so only the newest one's answer is shown."""

    seq: int
    query: str
    outlets: tuple[str, ...]
    sort: str
    page: int


@dataclass(slots=True)
class Found:
    """A finished search: its result, plus what the reader and compare need, worked out off the UI thread."""

    run: Run
    result: SearchResult
    terms: frozenset[str] = frozenset()
    person: str | None = None  # the canonical person when the query names exactly one
    hits: dict[str, SearchHit] = field(default_factory=dict)


def highlighted_text(text: str, spans: list[tuple[int, int]]) -> Text:
    """Plain `text` with the matched `spans` styled: the text is data, never markup."""
    out = Text(text)
    for start, end in spans:
        out.stylize(HIGHLIGHT, start, end)
    return out


def snippet_line(hit: SearchHit, lead: int = 24) -> Text:
    """The snippet cut so its first match sits near the start: options show one line of it."""
    start = 0
    if hit.highlights:
        first = min(a for a, _ in hit.highlights)
        if first > lead:
            start = hit.snippet.rfind(" ", 0, first - lead) + 1
    spans = [(a - start, b - start) for a, b in hit.highlights if a >= start]
    line = highlighted_text(hit.snippet[start:], spans)
    return Text("…").append_text(line) if start else line


def meta_line(hit: SearchHit) -> str:
    return f"{hit.outlet} · {hit.date.isoformat() if hit.date else 'no date'}"


def hit_prompt(hit: SearchHit) -> Text:
    """A result: title (bold), outlet · date (dim), and the snippet with its matches styled."""
    prompt = Text()
    prompt.append(hit.title or "(untitled)", style="bold")
    prompt.append("\n")
    prompt.append(meta_line(hit), style="dim")
    prompt.append("\n")
    prompt.append_text(snippet_line(hit))
    return prompt


def preview_text(hit: SearchHit) -> Text:
    """The preview of one result: everything the option shows, uncut, and who is in it."""
    text = Text()
    text.append(hit.title or "(untitled)", style="bold")
    text.append("\n")
    text.append(meta_line(hit), style="dim")
    if hit.people:
        text.append("\n")
        text.append("People: ", style="dim")
        text.append(", ".join(hit.people))
    text.append("\n\n")
    text.append_text(highlighted_text(hit.snippet, hit.highlights))
    return text


def person_in_query(query: str) -> str | None:
    """The name a `person:"X"` query asks for, as typed (a `date:` clause may narrow it to a period)."""
    match = _PERSON_QUERY.match(without_dates(query))
    if match is None:
        return None
    return match.group("quoted") if match.group("quoted") is not None else match.group("bare")


class ResultList(OptionList):
    """The results; moving past either end asks the screen for the next or previous page."""

    class Edge(Message):
        """The cursor tried to move past the last (step 1) or first (step -1) result."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def action_cursor_down(self) -> None:
        if self.option_count and self.highlighted == self.option_count - 1:
            self.post_message(self.Edge(1))
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.option_count and self.highlighted == 0:
            self.post_message(self.Edge(-1))
        else:
            super().action_cursor_up()


class SearchScreen(Screen[None]):
    """Search the corpus; the bottom screen, so `q` quits here."""

    AUTO_FOCUS = "#query"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("slash", "focus_query", "Search"),
        Binding("escape", "leave_query", "To results", show=False),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        Binding("enter", "open_article", "Read", show=False),
        Binding("f", "focus_facets", "Outlets"),
        Binding("s", "toggle_sort", "Sort"),
        # not in the footer: the suggestion line names the key, and a footer rebuilt whenever a
        # suggestion comes or goes (often, while typing) costs a layout pass per keystroke
        Binding("d", "did_you_mean", "Did you mean", show=False),
        Binding("c", "compare", "Compare"),
        Binding("p", "people", "People"),
        Binding("right_square_bracket", "page(1)", "Next page", show=False),
        Binding("left_square_bracket", "page(-1)", "Previous page", show=False),
        Binding("q", "app.quit", "Quit"),  # last: the footer cuts it first at 80 columns (ctrl+c quits too)
    ]
    DEFAULT_CSS = """
    SearchScreen {
        layout: vertical;
    }
    SearchScreen.-short Header {
        display: none;
    }
    SearchScreen #suggestion {
        height: auto;
        padding: 0 1;
        color: $text-accent;
        display: none;
    }
    SearchScreen #suggestion.-shown {
        display: block;
    }
    SearchScreen #panes {
        layout: grid;
        height: 1fr;
    }
    SearchScreen.-wide #panes {
        grid-size: 3 1;
        grid-columns: 26 3fr 2fr;
    }
    SearchScreen.-narrow #panes {
        grid-size: 2 2;
        grid-columns: 24 1fr;
        grid-rows: 1fr 6;
    }
    SearchScreen.-narrow #facets {
        row-span: 2;
        border: none;
        border-right: tall $border-blurred;
        padding: 0;
    }
    SearchScreen.-narrow #facets:focus {
        border-right: tall $border;
    }
    SearchScreen #facets {
        height: 100%;
        max-height: 100%;
    }
    SearchScreen #facets > .selection-list--button-selected,
    SearchScreen #facets > .selection-list--button-selected-highlighted {
        text-style: bold reverse;
    }
    SearchScreen #results {
        height: 100%;
        max-height: 100%;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    SearchScreen #preview-box {
        height: 100%;
        border: tall $border-blurred;
        padding: 0 1;
        overflow-y: auto;
    }
    SearchScreen.-narrow #preview-box {
        border: none;
        border-top: solid $panel;
        padding: 0 1;
    }
    SearchScreen #preview {
        height: auto;
    }
    SearchScreen #search-status {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
    }
    SearchScreen #search-status.-error {
        color: $text-error;
        text-style: bold;
    }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.sort = "relevance"
        self.outlets: tuple[str, ...] = ()  # the selected facets; none means every outlet
        self.wanted = query.strip()  # the query of the newest run asked for
        self.shown: Found | None = None  # what the results on screen came from
        self.error: str | None = None
        self._seq = 0
        self._debounce: Timer | None = None
        self._suggest_timer: Timer | None = None
        self._suggestion_shown: str | None = None
        self._land = "keep"  # where the cursor goes when the next results arrive: keep, first, last

    @property
    def newsframe(self) -> NewsframeApp:
        return cast("NewsframeApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            self.initial_query,
            placeholder='words, "a phrase", person:"Name", outlet:Name, -word  (empty: everything)',
            id="query",
        )
        yield Static(id="suggestion")
        with Container(id="panes"):
            yield SelectionList[str](id="facets")
            yield ResultList(id="results")
            with Container(id="preview-box"):
                yield Static(id="preview")
        yield Static(Text("Searching…"), id="search-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#facets").border_title = "Outlets"
        self.search_now()

    def on_screen_resume(self) -> None:
        """Textual sets breakpoint classes only on resize: catch up on one that happened while covered."""
        width, height = self.app.size
        self.set_class(width >= 120, "-wide")
        self.set_class(width < 120, "-narrow")
        self.set_class(height >= 30, "-tall")
        self.set_class(height < 30, "-short")

    # --- running searches ------------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def query_changed(self, event: Input.Changed) -> None:
        """Search as you type, once typing pauses: each change restarts the wait."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if event.value.strip() != self.wanted:
            self._stop_suggesting()
            self._debounce = self.set_timer(DEBOUNCE, self.search_now)

    @on(Input.Submitted, "#query")
    def query_submitted(self) -> None:
        self.search_now()
        self.query_one("#results").focus()

    def search_now(self) -> None:
        """Run the query in the input now (replacing any waiting debounce)."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        query = self.query_one("#query", Input).value.strip()
        if self.shown is not None and self.error is None and self._same(query):
            # the results on screen are this query's: keep them and the cursor, and drop the answer
            # of any search still running for something typed in between
            self.wanted = query
            self._seq += 1
            return
        self._rerun()

    def _same(self, query: str) -> bool:
        assert self.shown is not None
        run = self.shown.run
        return (run.query, run.outlets, run.sort, run.page) == (query, self.outlets, self.sort, 1)

    def _rerun(self, page: int = 1) -> None:
        """Search for the query in the input with the current outlets and sort; a new run number."""
        self.wanted = self.query_one("#query", Input).value.strip()
        self._seq += 1
        self._search(Run(self._seq, self.wanted, self.outlets, self.sort, page))

    @work(thread=True, exclusive=True, group="search")
    def _search(self, run: Run) -> None:
        index = self.newsframe.index
        assert index is not None  # the screen is shown only once the index is open
        try:
            result = index.search(
                run.query,
                outlets=list(run.outlets) or None,
                sort=run.sort,
                page=run.page,
                limit=PAGE_SIZE,
                suggest=False,  # below, once the results are on screen
            )
            terms = result.terms
            named = person_in_query(run.query)
            person = index.person_name(named) if named is not None else None
            if person is None and run.query not in EVERYTHING:
                person = index.person_name(run.query)
        except QueryError as exc:
            self._post(self._show_error, run, str(exc))
            return
        except Exception as exc:  # an index problem must not end the app with a traceback
            self._post(self._show_error, run, f"search failed: {type(exc).__name__}: {exc}")
            return
        found = Found(run, result, terms, person or named, {hit.id: hit for hit in result.hits})
        self._post(self._show, found)

    def _suggest_later(self, found: Found) -> None:
        """Few results: "did you mean" once SUGGEST_AFTER seconds pass with no key typed."""
        self._stop_suggesting()
        run = found.run
        if found.result.total < 5 and run.query not in EVERYTHING:
            if SUGGEST_AFTER <= 0:
                self._suggest(run, found.result.total)
            else:
                self._suggest_timer = self.set_timer(SUGGEST_AFTER, lambda: self._suggest(run, found.result.total))

    def _stop_suggesting(self) -> None:
        if self._suggest_timer is not None:
            self._suggest_timer.stop()
            self._suggest_timer = None

    @work(thread=True, exclusive=True, group="suggest")
    def _suggest(self, run: Run, total: int) -> None:
        index = self.newsframe.index
        if index is None or run.seq != self._seq:
            return
        try:
            suggestion = index.suggestion(run.query, total)
        except Exception:  # no suggestion is better than a lost search
            return
        if suggestion:
            self._post(self._late_suggestion, run, suggestion)

    def _late_suggestion(self, run: Run, suggestion: str) -> None:
        """The "did you mean" for the results on screen, computed after them."""
        if self.shown is None or self.shown.run != run or run.seq != self._seq:
            return
        self.shown.result.suggestion = suggestion
        self._show_suggestion(suggestion)

    def _post(self, callback: object, *args: object) -> None:
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(callback, *args)  # type: ignore[arg-type]

    def _show_error(self, run: Run, message: str) -> None:
        """A malformed query: say why on the status line, keep the results of the last good one."""
        if run.seq != self._seq:
            return
        self.error = message
        status = self.query_one("#search-status", Static)
        status.add_class("-error")
        status.update(Text(message))

    def _show(self, found: Found) -> None:
        if found.run.seq != self._seq:
            return  # an older query's answer, overtaken while it ran
        self.error = None
        previous = self.shown
        self.shown = found
        self._fill_facets(found.result.facets)
        self._fill_results(found, previous)
        self._show_suggestion(found.result.suggestion)
        self._show_status()
        self._suggest_later(found)
        if previous is None:
            self.newsframe.first_results_shown()

    def _fill_facets(self, facets: dict[str, int]) -> None:
        """The outlet counts; a selected outlet with no match stays listed (at 0) and selected, so a
        filter survives a query typed through words it does not match."""
        facets = {**facets, **{o: 0 for o in self.outlets if o not in facets}}
        lst = self.query_one("#facets", SelectionList)
        current = lst.highlighted_option
        was = cast(Selection[str], current).value if current is not None else None
        digits = len(str(max(facets.values(), default=0)))
        with self.prevent(SelectionList.SelectedChanged):
            lst.clear_options()
            lst.add_options(
                Selection(Text.assemble((f"{count:>{digits}} ", "dim"), outlet), outlet, outlet in self.outlets)
                for outlet, count in facets.items()
            )
        if lst.option_count:  # the cursor stays on its outlet while the user works the list
            order = list(facets)
            lst.highlighted = order.index(was) if lst.has_focus and was in facets else 0

    def _fill_results(self, found: Found, previous: Found | None) -> None:
        results = self.query_one("#results", ResultList)
        was = results.highlighted_option.id if results.highlighted_option is not None else None
        hits = found.result.hits
        # set_options, not clear then add: one size change, so one layout pass rather than two
        if not hits:
            query = found.run.query or "*"
            line = Text.assemble("No articles match ", (query, "bold"), ";\ntry fewer words or remove a filter.")
            results.set_options([Option(line, disabled=True)])
            self.query_one("#preview", Static).update(Text(""))
            self._land = "keep"
            return
        results.set_options(Option(hit_prompt(hit), id=hit.id) for hit in hits)
        ids = [hit.id for hit in hits]
        if self._land == "last":
            results.highlighted = len(ids) - 1
        elif self._land == "keep" and was in ids and previous is not None and previous.run.query == found.run.query:
            results.highlighted = ids.index(was)
        else:
            results.highlighted = 0
        self._land = "keep"

    def _show_suggestion(self, suggestion: str | None) -> None:
        box = self.query_one("#suggestion", Static)
        if suggestion == self._suggestion_shown:
            return  # unchanged: no update, so no layout pass on every keystroke
        self._suggestion_shown = suggestion
        if suggestion:
            box.update(Text.assemble("Did you mean ", (suggestion, "bold"), "?  escape, then d"))
        else:
            box.update(Text(""))
        box.set_class(bool(suggestion), "-shown")

    def _show_status(self) -> None:
        status = self.query_one("#search-status", Static)
        status.remove_class("-error")
        if self.shown is None:
            return
        result = self.shown.result
        parts = [f"{result.total} article{'s' if result.total != 1 else ''}", f"page {result.page}/{result.pages}"]
        parts.append(f"sorted by {self.shown.run.sort}")
        if self.shown.run.outlets:
            parts.append("only " + ", ".join(self.shown.run.outlets))
        status.update(Text(" · ".join(parts)), layout=False)  # one line of fixed size

    # --- reacting to the lists -------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#results")
    def result_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        hit = self.shown.hits.get(event.option.id or "") if self.shown else None
        self.query_one("#preview", Static).update(preview_text(hit) if hit else Text(""))

    @on(OptionList.OptionSelected, "#results")
    def result_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and self.shown is not None:
            self.newsframe.open_article(event.option.id, self.shown.terms)

    @on(ResultList.Edge)
    def turn_page(self, event: ResultList.Edge) -> None:
        self.action_page(event.step)

    @on(SelectionList.SelectedChanged, "#facets")
    def facets_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        """Filter to the selected outlets (none selected: all of them), in facet order."""
        chosen = set(event.selection_list.selected)
        if self.shown is not None:
            outlets = tuple(o for o in self.shown.result.facets if o in chosen)
        else:
            outlets = tuple(sorted(chosen))
        if outlets != self.outlets:
            self.outlets = outlets
            self._rerun()

    # --- actions -----------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "did_you_mean":
            return bool(self.shown and self.shown.result.suggestion)
        return True

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_leave_query(self) -> None:
        """Escape in the query: run what was typed now, and go to the results."""
        if self.query_one("#query", Input).has_focus:
            self.search_now()
            self.query_one("#results").focus()

    def action_cursor(self, step: int) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_cursor_down() if step > 0 else focused.action_cursor_up()

    def action_open_article(self) -> None:
        option = self.query_one("#results", ResultList).highlighted_option
        if option is not None and option.id and self.shown is not None:
            self.newsframe.open_article(option.id, self.shown.terms)

    def action_focus_facets(self) -> None:
        self.query_one("#facets").focus()

    def action_toggle_sort(self) -> None:
        self.sort = "date" if self.sort == "relevance" else "relevance"
        self._land = "first"
        self._rerun()

    def action_page(self, step: int) -> None:
        if self.shown is None:
            return
        page = self.shown.result.page + step
        if 1 <= page <= self.shown.result.pages:
            self._land = "first" if step > 0 else "last"
            self._rerun(page)

    def action_did_you_mean(self) -> None:
        if self.shown is None or not self.shown.result.suggestion:
            return
        query = self.query_one("#query", Input)
        with self.prevent(Input.Changed):
            query.value = self.shown.result.suggestion
        query.cursor_position = len(query.value)
        self.search_now()

    def action_compare(self) -> None:
        """Compare outlets on the person the query names, or else on the query itself."""
        if self.shown is None:
            return
        run = self.shown.run
        target = self.shown.person or run.query
        if not target or target == "*":
            self.notify("Type a person or a query to compare outlets on.", markup=False)
            return
        outlets = list(run.outlets) if 2 <= len(run.outlets) <= 4 else None
        period = None
        if self.shown.person and self.newsframe.index is not None:  # person:"X" date:[...]: that period
            try:
                period = self.newsframe.index.date_range(run.query)
            except QueryError:
                period = None
        self.newsframe.open_compare(target, outlets, period)

    def action_people(self) -> None:
        query = self.shown.run.query if self.shown is not None else ""
        self.newsframe.open_people(query if query not in EVERYTHING else None)
