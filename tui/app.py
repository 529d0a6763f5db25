"""The Textual app: installs the screens, the global keys and the stylesheet; screens do the rest."""

from __future__ import annotations

import os

from textual.app import App
from textual.binding import Binding

from tui.browse import BrowseScreen


class NewsframeApp(App[None]):
    """newsframe in the terminal: keyboard first, usable at 80x24 and over SSH."""

    CSS_PATH = "newsframe.tcss"
    TITLE = "newsframe"
    BINDINGS = [
        Binding("question_mark", "toggle_help", "Help"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, paths: list[str], title: str = "newsframe") -> None:
        super().__init__()
        self.paths = paths
        self.title = title

    def on_mount(self) -> None:
        self.push_screen(BrowseScreen(self.paths))

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()


def build_app(paths: list[str], title: str = "newsframe", home: str | os.PathLike[str] | None = None) -> NewsframeApp:
    """The one way to make the app, shared by the CLI and the tests (`home` is where state lives)."""
    return NewsframeApp(paths=paths, title=title)
