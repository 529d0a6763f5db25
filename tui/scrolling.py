"""Reading keys shared by the screens that show long text: vim-style and the usual keys both scroll."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen

SCROLL_BINDINGS: list[BindingType] = [
    Binding("j,down", "scroll('down')", "Scroll down", show=False),
    Binding("k,up", "scroll('up')", "Scroll up", show=False),
    Binding("space,f,pagedown", "page('down')", "Page down", show=False),
    Binding("b,pageup", "page('up')", "Page up", show=False),
    Binding("g,home", "edge('home')", "Top", show=False),
    Binding("G,end", "edge('end')", "Bottom", show=False),
]


class ScrollingScreen(Screen[None]):
    """A screen whose text scrolls in one VerticalScroll, named by `SCROLLS` (a CSS selector)."""

    SCROLLS: ClassVar[str] = ""

    def _scroller(self) -> VerticalScroll:
        return self.query_one(self.SCROLLS, VerticalScroll)

    def action_scroll(self, direction: str) -> None:
        scroller = self._scroller()
        scroller.scroll_down(animate=False) if direction == "down" else scroller.scroll_up(animate=False)

    def action_page(self, direction: str) -> None:
        scroller = self._scroller()
        scroller.scroll_page_down(animate=False) if direction == "down" else scroller.scroll_page_up(animate=False)

    def action_edge(self, edge: str) -> None:
        scroller = self._scroller()
        scroller.scroll_home(animate=False) if edge == "home" else scroller.scroll_end(animate=False)
