"""The reader: one article, clean, with reposted blocks marked and reader comments folded away."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Collapsible, Footer, Header, Static

from corpus import Article
from tui.article_text import article_body, article_header, comments_text


class ReaderScreen(Screen[None]):
    """Read one article; `c` unfolds the reader comments, which are never part of the article."""

    BINDINGS = [
        Binding("q,escape", "app.pop_screen", "Back"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
        Binding("space,f,pagedown", "page('down')", "Page down", show=False),
        Binding("b,pageup", "page('up')", "Page up", show=False),
        Binding("g,home", "edge('home')", "Top", show=False),
        Binding("G,end", "edge('end')", "Bottom", show=False),
        Binding("c", "toggle_comments", "Comments"),
    ]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="reader"):
            yield Static(article_header(self.article), id="article-header")
            yield Static(article_body(self.article), id="article-body")
            if self.article.comments:
                with Collapsible(
                    title=f"Reader comments ({len(self.article.comments)})", collapsed=True, id="comments"
                ):
                    yield Static(comments_text(self.article.comments), id="comments-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.article.outlet
        self.query_one("#reader").focus()

    def action_scroll(self, direction: str) -> None:
        reader = self.query_one("#reader", VerticalScroll)
        reader.scroll_down() if direction == "down" else reader.scroll_up()

    def action_page(self, direction: str) -> None:
        reader = self.query_one("#reader", VerticalScroll)
        reader.scroll_page_down() if direction == "down" else reader.scroll_page_up()

    def action_edge(self, edge: str) -> None:
        reader = self.query_one("#reader", VerticalScroll)
        reader.scroll_home() if edge == "home" else reader.scroll_end()

    def action_toggle_comments(self) -> None:
        if self.article.comments:
            comments = self.query_one("#comments", Collapsible)
            comments.collapsed = not comments.collapsed
            if not comments.collapsed:
                self.query_one("#reader", VerticalScroll).scroll_to_widget(comments, top=True)
        else:
            self.notify("This article has no reader comments.")
