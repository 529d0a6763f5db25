"""The reader: one article, clean, with query hits and people highlighted, reposted blocks marked, reader
comments folded away, and the same story from other outlets one key away.

Each paragraph is its own widget, so `n`/`N` can scroll a hit into view and restyle only the paragraphs
that change. Article text is data: it reaches the screen only as `rich.text.Text`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Collapsible, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from corpus import Article
from index.snippets import matches
from tui.article_text import (
    Block,
    Span,
    StyledSpan,
    article_header,
    block_text,
    comments_text,
    mention_spans,
    reading_order,
    spans_within,
    via_mark,
)
from tui.scrolling import SCROLL_BINDINGS, ScrollingScreen
from tui.sidebyside import SideBySideScreen

if TYPE_CHECKING:
    from index import Index
    from index.search import SearchHit
    from tui.app import NewsframeApp

TITLE = -1  # the hit target of the title (in the header); paragraphs are numbered from 0
MAX_COMPARE_OUTLETS = 4


@dataclass(frozen=True, slots=True)
class Hit:
    """A place `n`/`N` can jump to: a span of the title (target -1) or of paragraph `target`."""

    target: int
    start: int
    end: int


class Paragraph(Static):
    """One paragraph of the article (body or reposted), so a hit can be scrolled to and restyled alone."""

    def __init__(self, block: Block, text: Text, *, index: int) -> None:
        classes = "paragraph via" if block.where == "via" else "paragraph"
        super().__init__(text, id=f"paragraph-{index}", classes=classes)
        self.block = block


class RelatedList(OptionList):
    """Related coverage; j/k move like the arrows, `d` puts the highlighted article beside this one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Open"),
        Binding("d", "screen.side_by_side", "Side by side"),
    ]


class ReaderScreen(ScrollingScreen):
    """Read one article; `n`/`N` jump between hits, `c` unfolds the comments, `r` shows related coverage."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"reader--hit", "reader--mention", "reader--current"}

    DEFAULT_CSS = """
    ReaderScreen > .reader--hit {
        background: $warning-muted;
        text-style: bold;
    }
    ReaderScreen > .reader--mention {
        color: $accent;
        text-style: underline;
    }
    ReaderScreen > .reader--current {
        text-style: bold reverse;
    }
    ReaderScreen #reader-main {
        height: 1fr;
    }
    ReaderScreen #reader {
        height: 1fr;
        padding: 0 1;
    }
    ReaderScreen #article-header {
        padding: 1 0 0 0;
        margin-bottom: 1;
        border-bottom: solid $panel-lighten-2;
    }
    ReaderScreen .paragraph {
        margin-bottom: 1;
        max-width: 100;
    }
    ReaderScreen .paragraph.via {
        border-left: outer $secondary;
        padding-left: 1;
    }
    ReaderScreen .via-mark {
        color: $text-muted;
        max-width: 100;
    }
    ReaderScreen #reader-message {
        padding: 1;
    }
    ReaderScreen #comments {
        max-width: 100;
        margin-bottom: 1;
    }
    ReaderScreen #related-panel {
        display: none;
        height: 45%;
        border-top: solid $accent;
        background: $panel;
    }
    ReaderScreen #related-panel.-open {
        display: block;
    }
    ReaderScreen.-wide #reader-main {
        layout: horizontal;
    }
    ReaderScreen.-wide #related-panel {
        height: 1fr;
        width: 46;
        border-top: none;
        border-left: solid $accent;
    }
    ReaderScreen #related-title {
        padding: 0 1;
        text-style: bold;
    }
    ReaderScreen #related-empty {
        padding: 0 1;
        color: $text-muted;
    }
    ReaderScreen #related {
        height: 1fr;
        border: none;
        background: $panel;
    }
    ReaderScreen #reader-status {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    SCROLLS = "#reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Back"),
        Binding("escape", "escape", "Back", show=False),
        Binding("n", "hit(1)", "Next hit"),
        Binding("N", "hit(-1)", "Previous hit"),
        Binding("c", "toggle_comments", "Comments"),
        Binding("r", "related", "Related"),
        Binding("x", "compare", "Compare"),
        *SCROLL_BINDINGS,
    ]

    def __init__(self, article_id: str, terms: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.article_id = article_id
        self.terms = frozenset(terms)
        self.article: Article | None = None
        self.blocks: list[Block] = []
        self.hits: list[Hit] = []
        self.hit_kind = ""  # "query terms" or "people mentioned"
        self.current: int | None = None
        self.related: list[SearchHit] | None = None
        self._term_spans: dict[int, list[Span]] = {}
        self._mention_spans: dict[int, list[Span]] = {}

    # --- layout ---------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="reader-main"):
            yield VerticalScroll(id="reader")
            with Vertical(id="related-panel"):
                yield Static(Text("Related coverage · other outlets"), id="related-title")
                yield Static(Text(""), id="related-empty")
                yield RelatedList(id="related")
        yield Static(Text("loading…"), id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "reader"
        reader = self.query_one("#reader", VerticalScroll)
        reader.loading = True
        reader.focus()
        self.query_one("#related-empty").display = False
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.call_after_refresh(self._restyle_all))
        self.load_article()

    @property
    def _index(self) -> Index:
        index = cast("NewsframeApp", self.app).index
        assert index is not None, "screens open only once the index is open"
        return index

    # --- loading --------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="reader-article")
    def load_article(self) -> None:
        """Read the article off the UI thread (unpacking a big one takes a moment)."""
        try:
            article = self._index.article(self.article_id)
            problem = None
        except Exception as exc:  # a damaged record: say so on one line rather than crash the app
            article, problem = None, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self.app.call_from_thread(self._show_article, article, problem)

    def _show_article(self, article: Article | None, problem: str | None = None) -> None:
        if not self.is_attached:
            return
        reader = self.query_one("#reader", VerticalScroll)
        reader.loading = False
        if article is None:
            message = Text("No article ")
            message.append(self.article_id, style="bold")
            message.append(" in the index" + (f" ({problem})" if problem else "") + ". Press q to go back.")
            reader.mount(Static(message, id="reader-message"))
            self._set_status(Text("article not found"))
            return
        self.article = article
        self.blocks = reading_order(article)
        self._find_spans(article)
        widgets: list[Widget] = [Static(self._header_text(), id="article-header")]
        for index, block in enumerate(self.blocks):
            if block.where == "via" and block.first and block.outlet is not None:
                widgets.append(Static(via_mark(block.outlet), classes="via-mark"))
            widgets.append(Paragraph(block, self._paragraph_text(index), index=index))
        if article.comments:
            comments = Collapsible(
                Static(self._comments_text(article), id="comments-text"),
                title=f"Reader comments ({len(article.comments)}) · c",
                collapsed=True,
                id="comments",
            )
            widgets.append(comments)
        reader.mount_all(widgets)
        self._set_status(self._summary())
        self.load_related()

    @work(thread=True, exclusive=True, group="reader-related")
    def load_related(self) -> None:
        """More-like-this from other outlets, fetched once the article shows."""
        try:
            related = self._index.related(self.article_id)
        except Exception:  # related coverage is a convenience: an index hiccup must not break reading
            related = []
        self.app.call_from_thread(self._show_related, related)

    def _show_related(self, related: list[SearchHit]) -> None:
        if not self.is_attached:
            return
        self.related = related
        options = self.query_one("#related", RelatedList)
        options.loading = False
        items: list[Option | None] = []
        for hit in related:
            prompt = Text(hit.outlet, style="bold")
            prompt.append(" · " + (hit.date.isoformat() if hit.date else "undated"), style="dim")
            prompt.append("\n")
            prompt.append(hit.title)
            if items:
                items.append(None)  # a rule between two-line items
            items.append(Option(prompt, id=hit.id))
        options.set_options(items)
        empty = self.query_one("#related-empty", Static)
        empty.update(Text("No related coverage from other outlets."))
        empty.display = not related
        if related:
            options.highlighted = 0

    # --- highlights -----------------------------------------------------------------------------------

    def _find_spans(self, article: Article) -> None:
        """Query-term and mention spans per target (title, each paragraph), and the hits `n` walks."""
        mentions = mention_spans(article)
        self._term_spans = {TITLE: matches(article.title, self.terms)}
        self._mention_spans = {TITLE: mentions.get(("title", 0), [])}
        for index, block in enumerate(self.blocks):
            self._term_spans[index] = matches(block.text, self.terms)
            field = mentions.get((block.where, block.block), [])
            self._mention_spans[index] = spans_within(field, block.start, block.start + len(block.text))
        order = [TITLE, *range(len(self.blocks))]
        term_hits = [Hit(t, a, b) for t in order for a, b in self._term_spans[t]]
        mention_hits = [Hit(t, a, b) for t in order for a, b in self._mention_spans[t]]
        if term_hits:
            self.hits, self.hit_kind = term_hits, "query terms"
        else:
            self.hits, self.hit_kind = mention_hits, "people mentioned"
        self.current = None

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _spans(self, target: int) -> list[StyledSpan]:
        spans: list[StyledSpan] = [
            (a, b, self._style("reader--mention")) for a, b in self._mention_spans.get(target, [])
        ]
        spans += [(a, b, self._style("reader--hit")) for a, b in self._term_spans.get(target, [])]
        if self.current is not None:
            hit = self.hits[self.current]
            if hit.target == target:
                spans.append((hit.start, hit.end, self._style("reader--current")))
        return spans

    def _header_text(self) -> Text:
        assert self.article is not None
        return article_header(self.article, self._spans(TITLE))

    def _paragraph_text(self, index: int) -> Text:
        return block_text(self.blocks[index], self._spans(index))

    def _comments_text(self, article: Article) -> Text:
        mentions = mention_spans(article)
        spans: dict[int, list[StyledSpan]] = {}
        for n, comment in enumerate(article.comments):
            found: list[StyledSpan] = [
                (a, b, self._style("reader--mention")) for a, b in mentions.get(("comment", n), [])
            ]
            found += [(a, b, self._style("reader--hit")) for a, b in matches(comment.text, self.terms)]
            spans[n] = found
        return comments_text(article.comments, spans)

    def _target_widget(self, target: int) -> Static:
        if target == TITLE:
            return self.query_one("#article-header", Static)
        return self.query_one(f"#paragraph-{target}", Static)

    def _restyle(self, target: int) -> None:
        widget = self._target_widget(target)
        widget.update(self._header_text() if target == TITLE else self._paragraph_text(target))

    def _restyle_all(self) -> None:
        """Highlights are theme colours baked into Text: paint them again in the new theme's colours."""
        if self.article is None:
            return
        for target in (TITLE, *range(len(self.blocks))):
            self._restyle(target)
        if self.article.comments:
            self.query_one("#comments-text", Static).update(self._comments_text(self.article))

    def paragraph_text(self, index: int) -> Text:
        """The Text paragraph `index` shows now (for tests and tools)."""
        content = self._target_widget(index).content
        assert isinstance(content, Text)
        return content

    # --- status ---------------------------------------------------------------------------------------

    def _summary(self) -> Text:
        if not self.hits:
            return Text("no hits")
        count = len(self.hits)
        return Text(f"{count} hit{'s' if count != 1 else ''} ({self.hit_kind}) · n next, N previous")

    def _set_status(self, text: Text) -> None:
        self.query_one("#reader-status", Static).update(text)

    # --- actions --------------------------------------------------------------------------------------

    def action_hit(self, step: int) -> None:
        """Jump to the next (1) or previous (-1) hit, wrapping round, and scroll it into view."""
        if self.article is None:
            return
        if not self.hits:
            self._set_status(Text("no hits"))
            return
        before = self.current
        if before is None:
            self.current = 0 if step > 0 else len(self.hits) - 1
        else:
            self.current = (before + step) % len(self.hits)
        hit = self.hits[self.current]
        if before is not None and self.hits[before].target != hit.target:
            self._restyle(self.hits[before].target)
        self._restyle(hit.target)
        self._scroll_to_hit(hit)
        self._set_status(Text(f"hit {self.current + 1} of {len(self.hits)} · {self.hit_kind}"))

    def _scroll_to_hit(self, hit: Hit) -> None:
        """Centre the hit's line (not just its paragraph: a paragraph can be taller than the screen)."""
        reader = self.query_one("#reader", VerticalScroll)
        widget = self._target_widget(hit.target)
        content = widget.content
        line = 0
        width = widget.content_size.width
        if isinstance(content, Text) and width > 0:
            seen = 0
            for number, wrapped in enumerate(content.wrap(self.app.console, width)):
                seen += len(wrapped.plain)  # wrapped lines keep their trailing space: no drift
                if seen > hit.start:
                    line = number
                    break
        region = widget.virtual_region
        y = region.y + widget.styles.gutter.top + line
        reader.scroll_to_region(Region(0, y, 1, 1), center=True, animate=False, force=True)

    def action_toggle_comments(self) -> None:
        if self.article is None:
            return
        if not self.article.comments:
            self.notify("no reader comments")
            return
        comments = self.query_one("#comments", Collapsible)
        comments.collapsed = not comments.collapsed
        if not comments.collapsed:
            self.query_one("#reader", VerticalScroll).scroll_to_widget(comments, top=True, animate=False)

    def action_related(self) -> None:
        """Open the related panel, or move into it; pressed inside it, close it."""
        if self.article is None:
            return
        panel = self.query_one("#related-panel")
        options = self.query_one("#related", RelatedList)
        if panel.has_class("-open") and self.focused is options:
            self._leave_related(close=True)
            return
        panel.add_class("-open")
        if self.related is None:
            options.loading = True
        options.focus()

    def _leave_related(self, *, close: bool) -> None:
        if close or not self.has_class("-wide"):
            self.query_one("#related-panel").remove_class("-open")
        self.query_one("#reader", VerticalScroll).focus()

    def action_escape(self) -> None:
        """From the related panel: back to the text. From the text: back to the previous screen."""
        if self.focused is not None and self.focused.id == "related":
            self._leave_related(close=False)
        else:
            self.app.pop_screen()

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(OptionList.OptionSelected, "#related")
    def _open_related(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._leave_related(close=False)  # back here, the text has the focus again
            cast("NewsframeApp", self.app).open_article(event.option.id, self.terms)

    def action_side_by_side(self) -> None:
        """Align this article's paragraphs with the highlighted related article's."""
        option = self.query_one("#related", RelatedList).highlighted_option
        if option is None or option.id is None:
            self.notify("no related article highlighted")
            return
        self._leave_related(close=False)
        self.app.push_screen(SideBySideScreen(self.article_id, option.id))

    def action_compare(self) -> None:
        """Compare how outlets frame the person this article mentions most, across the related outlets."""
        if self.article is None:
            return
        person = most_mentioned(self.article)
        if person is None:
            self.notify("this article mentions nobody to compare")
            return
        outlets = [self.article.outlet]
        for hit in self.related or []:
            if hit.outlet not in outlets and len(outlets) < MAX_COMPARE_OUTLETS:
                outlets.append(hit.outlet)
        cast("NewsframeApp", self.app).open_compare(person, outlets if len(outlets) >= 2 else None)


def most_mentioned(article: Article) -> str | None:
    """The person with the most body mentions (ties: the article's order); any mention counts if none in the body."""
    if not article.people:
        return None
    body = Counter({p.name: sum(1 for m in p.mentions if m.where == "body") for p in article.people})
    if not any(body.values()):
        body = Counter({p.name: len(p.mentions) for p in article.people})
    best = max(article.people, key=lambda p: body[p.name])
    return best.name if body[best.name] else None
