"""The Textual app: opens the index, installs the screens, the global keys and the command palette.

Screens reach each other only through the app's `open_*` methods, so every flow (search -> read ->
related -> compare -> evidence -> export) has one way in. All index work runs in thread workers;
the first frame never waits for the index.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable
from datetime import date
from functools import partial

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from index import Index, IndexError_, Store, indexed_files
from tui.locations import locations


class NewsframeApp(App[None]):
    """newsframe in the terminal: keyboard first, usable at 80x24 and over SSH."""

    CSS_PATH = "newsframe.tcss"
    TITLE = "newsframe"
    BINDINGS = [
        Binding("question_mark", "toggle_help", "Help"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        store: Store,
        *,
        import_paths: list[str] | None = None,
        title: str = "newsframe",
        home: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.home = home  # where the user's config lives (people corrections for imports)
        self.import_paths = import_paths or []
        self.title = title
        self.index: Index | None = None
        self._warmed = False
        self.COMMANDS = self.COMMANDS | {NewsframeCommands}

    def on_mount(self) -> None:
        terminal = sys.__stdin__
        if not self.is_headless and terminal is not None and terminal.isatty():
            self.set_interval(1.0, partial(self._exit_if_hung_up, terminal.fileno()))
        if self.import_paths:
            self.run_import(self.import_paths)
        else:
            self.open_index()

    def _exit_if_hung_up(self, fileno: int) -> None:
        """Quit when the terminal is gone (an SSH connection dropped) and no SIGHUP came, as when a parent
        such as `make` took it: Textual's input thread would read end-of-file forever, at 100% CPU."""
        if not os.isatty(fileno):
            self.exit()

    # --- opening the index ---------------------------------------------------------------------------

    def run_import(self, paths: list[str]) -> None:
        """Import `paths` with a progress bar, then open the index (the onboarding and `demo` way in)."""
        from tui.onboarding import ImportScreen

        self.push_screen(ImportScreen(self.store, paths), callback=lambda _: self.open_index())

    @work(thread=True, exclusive=True, group="open")
    def open_index(self) -> None:
        try:
            index = Index(self.store)
            articles = index.article_count()
            index.known_people()  # the people registry, read here rather than on the first palette key
        except IndexError_ as exc:  # no index yet, another schema, ...
            self.call_from_thread(self._show_onboarding, str(exc))
            return
        except Exception as exc:  # a damaged index: say what Whoosh said, on the onboarding screen
            self.call_from_thread(self._show_onboarding, f"cannot open it ({type(exc).__name__}: {exc})")
            return
        self.call_from_thread(self._index_ready, index, articles)

    def _index_ready(self, index: Index, articles: int) -> None:
        self.index = index
        if not articles:
            self._show_onboarding("the index is empty")
            return
        from tui.search import SearchScreen

        self._replace_all(SearchScreen())

    def first_results_shown(self) -> None:
        """The search screen has drawn its first results: now warm up the rest, once."""
        if not self._warmed:
            self._warmed = True
            self.warm_up()

    @work(thread=True, group="warm-up")
    def warm_up(self) -> None:
        """Load what the other screens need (their modules, VADER's lexicon, the index's word table and
        date columns) after the first results are on screen, so it does not delay them and the first
        comparison opens as fast as later ones. Then set all that aside from the garbage collector."""
        import tui.compare
        import tui.people
        import tui.reader  # noqa: F401
        from corpus.framing.tone import score

        score(["warm up"])
        if self.index is not None:
            self.index.warm()
            self.index.close()  # this thread's searcher: the thread ends here
        self._set_aside()

    def _set_aside(self) -> None:
        """Move every object alive now out of the cyclic garbage collector's sight (`gc.freeze`): the
        modules, Textual's styles and widgets, the index's tables, some 90,000 objects the collector
        tracks. They live as long as the app, and each full collection walked them all, 60-130 ms in
        the middle of a key's search or a comparison's drawing. Objects set aside are still freed when
        nothing refers to them; only a cycle among them would wait for the app's end (`on_unmount`).
        (From the warm-up's thread: the collector is the process's, and this needs nothing of the UI's.)"""
        if self.is_running:  # not when the app ended during the warm-up
            gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # the process may go on (tests, an embedding program): the collector sees all again

    def _show_onboarding(self, reason: str) -> None:
        from tui.onboarding import OnboardingScreen

        self._replace_all(OnboardingScreen(self.store, reason))

    def _replace_all(self, screen: object) -> None:
        """Make `screen` the bottom of the stack (after an import or on first open)."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen)  # type: ignore[arg-type]

    # --- navigation: the one way screens open each other ---------------------------------------------

    def open_article(self, article_id: str, terms: Iterable[str] = ()) -> None:
        from tui.reader import ReaderScreen

        self.push_screen(ReaderScreen(article_id, frozenset(terms)))

    def open_compare(
        self, target: str, outlets: list[str] | None = None, period: tuple[date | None, date | None] | None = None
    ) -> None:
        from tui.compare import CompareScreen

        self.push_screen(CompareScreen(target, outlets, period))

    def open_people(self, query: str | None = None) -> None:
        from tui.people import PeopleScreen

        self.push_screen(PeopleScreen(query))

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_ask_compare(self) -> None:
        """Ask for a person or query to compare (from the command palette)."""
        from tui.compare import AskTarget

        def chosen(target: str | None) -> None:
            if target:
                self.open_compare(target)

        self.push_screen(AskTarget(), chosen)


class NewsframeCommands(Provider):
    """The command palette (ctrl+p): compare any of the most mentioned people, or ask for a target."""

    async def discover(self) -> Hits:
        app = self.app
        assert isinstance(app, NewsframeApp)
        if app.index is not None:
            yield DiscoveryHit("Compare…", app.action_ask_compare, help="compare how outlets frame a person or query")
            yield DiscoveryHit("People", partial(app.open_people), help="who the corpus mentions, by outlet")

    async def search(self, query: str) -> Hits:
        app = self.app
        assert isinstance(app, NewsframeApp)
        matcher = self.matcher(query)
        if app.index is None:
            return
        commands = [("Compare…", app.action_ask_compare, "compare how outlets frame a person or query")]
        commands.append(("People", partial(app.open_people), "who the corpus mentions, by outlet"))
        for person in app.index.known_people():  # read in the worker that opened the index
            commands.append((f"Compare {person}", partial(app.open_compare, person), "how outlets frame them"))
        for name, action, help_text in commands:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), action, help=help_text)


def build_app(
    *,
    home: str | os.PathLike[str] | None = None,
    index: str = "default",
    import_paths: list[str] | None = None,
    demo: bool = False,
    title: str = "newsframe",
) -> NewsframeApp:
    """The one way to make the app, shared by the CLI and the tests.

    The demo's index lives in the cache dir (it can always be made again from the bundled corpus).
    """
    where = locations(home)
    if demo:
        from corpus import demo_corpus_path

        folder = demo_corpus_path()
        store = _demo_store(Store(where.cache, "demo"), folder)
        return NewsframeApp(store, import_paths=[folder], title="newsframe demo", home=home)
    return NewsframeApp(Store(where.data, index), import_paths=import_paths, title=title, home=home)


def _demo_store(store: Store, folder: str) -> Store:
    """The demo's index, a cache of the bundled corpus. Made from another copy of it (another checkout,
    a moved install), it holds the same articles under other paths, and would show each one twice once
    this copy is imported too: it starts afresh instead."""
    try:
        files = indexed_files(store)
    except IndexError_:  # none yet, or of another schema (the import says so)
        return store
    inside = os.path.abspath(folder).rstrip(os.sep) + os.sep
    if any(not path.startswith(inside) for path in files):
        store.delete()
    return store
