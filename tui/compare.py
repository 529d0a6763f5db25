"""The Compare screen: how two to four outlets frame one person or query, measure by measure, with the
sentences behind every figure one key away.

Every piece of article text (sentences, labels, quotes, outlet names) reaches the screen as a
`rich.text.Text` or a plain `Content`, never as markup, so `[bold]` in an article shows as written.
Computing a comparison runs in a thread worker; the screen shows progress and `escape` leaves at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, LoadingIndicator, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from corpus.framing.export import write_export
from corpus.framing.model import AlignedSentences, Comparison, Evidence, KwicLine, OutletProfile, Ranked
from corpus.framing.tone import NEGATIVE_AT, POSITIVE_AT
from index.compare import MAX_OUTLETS, CompareError, compare_in_index
from index.search import QueryError
from index.snippets import matches, stem_word
from tui.render import diff_text, sparkline

if TYPE_CHECKING:
    from index import Index

# From this many columns the outlet panes sit side by side; below it they become tabs.
WIDE_AT = 100
# Fewest outlets a comparison keeps when one is removed (one outlet compares with nothing).
MIN_OUTLETS = 2
# Items per pane section: enough to read, few enough that a huge corpus stays quick to draw.
SECTION_LIMIT = 30  # items a pane shows per section at first; the rest come with enter on "… and N more"

_SPACE = re.compile(r"\s+")

MEASURES = {
    "coverage": "Coverage",
    "labels": "Labels",
    "verbs": "Verbs",
    "tone": "Tone",
    "distinctive": "Words",
    "comentions": "Named with",
    "quotes": "Quotes",
    "aligned": "Aligned",
}

EXPORT_FORMATS = {
    "md": "Markdown report",
    "html": "HTML report",
    "json": "JSON (everything)",
    "csv": "CSV tables (one file per measure)",
}


# --- text helpers -----------------------------------------------------------------------------------


def one_line(text: str) -> str:
    """Article text folded onto one line: a list item must not break on the article's own newlines."""
    return _SPACE.sub(" ", text).strip()


def highlight_spans(text: str, phrases: Iterable[str], stems: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Where the item occurs in a sentence: each phrase case-insensitively, and any inflection of `stems`."""
    folded = text.casefold()
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        needle = phrase.casefold().strip()
        if not needle:
            continue
        start = folded.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
    stems = frozenset(s for s in stems if s)
    if stems:
        spans.extend(matches(text, stems))
    return sorted(set(spans))


def highlighted(text: str, phrases: Iterable[str], stems: Iterable[str] = (), style: str = "bold reverse") -> Text:
    """The sentence as plain Text with the item's occurrences styled (case-folding keeps offsets for news text)."""
    out = Text(text)
    if len(text.casefold()) != len(text):  # a rare character whose case-folding changes length: no offsets to trust
        return out
    for start, end in highlight_spans(text, phrases, stems):
        out.stylize(style, start, end)
    return out


def _tail_cells(text: str, width: int) -> str:
    """The end of `text` that fits in `width` cells, with an ellipsis when cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    cut = text[-width:]
    while cut and cell_len(cut) > width - 1:
        cut = cut[1:]
    return "…" + cut


def _head_cells(text: str, width: int) -> str:
    """The start of `text` that fits in `width` cells, with an ellipsis when cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    cut = text[:width]
    while cut and cell_len(cut) > width - 1:
        cut = cut[:-1]
    return cut + "…"


def kwic_text(line: KwicLine, width: int) -> Text:
    """One concordance line in `width` cells: left context right-aligned, the name bold, the right context cut."""
    # The name starts in this column on every line; a narrow pane gives the left context less room.
    side = width * 2 // 5 if width >= 40 else width // 4
    room_right = min(12, width // 4)  # a long name ("our Prime Minister Adrian Voss") leaves some right context
    name = _head_cells(one_line(line.name), max(width - side - room_right, 6))
    left = _tail_cells(one_line(line.left) if line.left.strip() else "", side)
    right = _head_cells(one_line(line.right) if line.right.strip() else "", max(width - side - cell_len(name), 0))
    # Contexts keep their own spacing around the name; `one_line` strips it, so put one space back.
    if line.left[-1:].isspace() and left:
        left = _tail_cells(left + " ", side)
    if line.right[:1].isspace() and right:
        right = _head_cells(" " + right, max(width - side - cell_len(name), 0))
    out = Text(" " * max(side - cell_len(left), 0))
    out.append(left, style="dim")
    out.append(name, style="bold")
    out.append(right)
    return out


def slug(name: str) -> str:
    """A file-name stem for a target: accents folded, anything but letters and digits turned into dashes."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", "-", folded).strip("-") or "comparison"


def default_export_path(target: str, fmt: str) -> Path:
    return Path.cwd() / f"{slug(target)}.{fmt}"


def summary_text(comparison: Comparison) -> Table | Text:
    """One row per measure on where the outlets differ: the measure bold in its own column, the line wrapping
    beside it (a hanging indent keeps the measures scannable)."""
    if not comparison.summary:
        return Text("No differences to summarise.", style="dim")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for measure, line in comparison.summary.items():
        grid.add_row(Text(MEASURES.get(measure, measure.capitalize())), Text(one_line(line)))
    return grid


# --- evidence -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One sentence behind a figure, with what the evidence list shows beside it."""

    evidence: Evidence
    text: str
    outlet: str
    date: date | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class EvidenceRequest:
    """What an evidence list shows: a heading, the sentences, and the words to highlight in them."""

    title: Text
    items: list[EvidenceItem]
    phrases: tuple[str, ...] = ()
    stems: frozenset[str] = frozenset()


def _dates(profile: OutletProfile) -> dict[str, date | None]:
    """Article dates as the concordance knows them: every article that mentions the target has a line."""
    return {k.evidence.article: k.date for k in profile.kwic}


def _items(
    profile: OutletProfile, evidence: Iterable[Evidence], scores: dict[Evidence, float] | None = None
) -> list[EvidenceItem]:
    dates = _dates(profile)
    return [
        EvidenceItem(e, profile.sentences.get(e, ""), profile.outlet, dates.get(e.article), (scores or {}).get(e))
        for e in evidence
    ]


def _word_stems(words: Iterable[str]) -> frozenset[str]:
    """Stems for single words only: a phrase ("our prime minister") is found as written."""
    return frozenset(stem_word(w) for w in words if w and " " not in w.strip())


def evidence_for(profile: OutletProfile, option_id: str) -> EvidenceRequest | None:
    """The evidence behind one pane item, from its id "<section>-<index>"."""
    section, _, rest = option_id.rpartition("-")
    names = tuple(dict.fromkeys(k.name for k in profile.kwic))

    def title(what: str, item: str = "") -> Text:
        out = Text(f"{what}: ", style="bold")
        if item:
            out.append(item)
            out.append(" — ", style="dim")
        out.append(profile.outlet)
        return out

    if section == "coverage":
        items = _items(profile, [k.evidence for k in profile.kwic])
        return EvidenceRequest(title("Every mention"), items, names)
    if section == "tone":
        positive = rest == "pos"
        scored = [(e, v) for e, v in profile.tone_scores if (v >= POSITIVE_AT if positive else v <= NEGATIVE_AT)]
        scored.sort(key=lambda pair: -pair[1] if positive else pair[1])
        items = _items(profile, [e for e, _ in scored], dict(scored))
        return EvidenceRequest(title("Positive sentences" if positive else "Negative sentences"), items, names)
    try:
        index = int(rest)
    except ValueError:
        return None
    if section in ("labels", "verbs", "comentions"):
        ranked: list[Ranked] = getattr(profile, section)
        if not 0 <= index < len(ranked):
            return None
        r = ranked[index]
        what = {"labels": "Label", "verbs": "Verb", "comentions": "Named with"}[section]
        stems = _word_stems([r.item]) if section == "verbs" else frozenset()
        return EvidenceRequest(title(what, r.item), _items(profile, r.evidence), (r.item,), stems)
    if section == "distinctive" and 0 <= index < len(profile.distinctive):
        d = profile.distinctive[index]
        word = d.score.word
        return EvidenceRequest(title("Word", word), _items(profile, d.evidence), (word,), _word_stems([word]))
    if section == "quotes" and 0 <= index < len(profile.quotes):
        q = profile.quotes[index]
        return EvidenceRequest(title("Quote"), _items(profile, [q.evidence]), (q.text,))
    if section == "kwic" and 0 <= index < len(profile.kwic):
        k = profile.kwic[index]
        return EvidenceRequest(title("Mention", one_line(k.name)), _items(profile, [k.evidence]), (k.name,))
    return None


def aligned_evidence(pair: AlignedSentences) -> EvidenceRequest:
    """Both sentences of an aligned pair, their differing words highlighted, so either article is one key away."""
    title = Text("Same fact: ", style="bold")
    title.append(pair.a.outlet)
    title.append(" and ", style="dim")
    title.append(pair.b.outlet)
    changed = tuple(w for run in pair.diff if run.op != "equal" for w in (run.a, run.b) if w)
    items = [EvidenceItem(ref.evidence, ref.text, ref.outlet) for ref in (pair.a, pair.b)]
    return EvidenceRequest(title, items, changed)


# --- widgets ----------------------------------------------------------------------------------------


class VimOptionList(OptionList):
    """An OptionList that also moves with j/k and g/G."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]


def _heading(section: str, label: str) -> Option:
    return Option(Text(label, style="bold underline"), id=f"h-{section}", disabled=True)


def _note(section: str, n: int, text: Text | str) -> Option:
    return Option(text if isinstance(text, Text) else Text(text, style="italic"), id=f"n-{section}-{n}", disabled=True)


def _ranked_prompt(count: int, item: str) -> Text:
    out = Text(f"{count:>3} ", style="bold")
    out.append(one_line(item))
    return out


class OutletPane(VimOptionList):
    """One outlet's profile as a list: section headings are disabled, every figure is an item with evidence."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Evidence")]

    def __init__(self, profile: OutletProfile, position: int, highlight: str | None = None) -> None:
        self.profile = profile
        self.position = position
        self._initial = highlight
        self._kwic_width = 40
        self._limits: dict[str, int] = {}  # sections opened in full (from SECTION_LIMIT to every item)
        super().__init__(*self._build_options(), id=f"pane-{position}", markup=False)
        self.border_title = Text(profile.outlet)

    @property
    def outlet(self) -> str:
        return self.profile.outlet

    def _build_options(self) -> list[Option]:
        p = self.profile
        options: list[Option] = [_heading("coverage", "Coverage")]
        coverage = Text(f"{p.articles} of {p.outlet_articles} articles ({p.share:.0%}) · {p.mentions} mentions")
        bars = sparkline([n for _, n in p.timeline[-40:]])
        if bars:
            coverage.append("\n")
            coverage.append(bars, style="bold")
            coverage.append(f"  {p.timeline[-40:][0][0]}–{p.timeline[-1][0]}", style="dim")
        options.append(Option(coverage, id="coverage-0"))

        options.append(_heading("labels", "Labels"))
        options += self._ranked("labels", p.labels)

        options.append(_heading("verbs", "Verbs"))
        options += self._ranked("verbs", p.verbs)
        classes = [f"{cls} {share:.0%}" for cls, share in p.verb_classes.items() if share]  # the classes used
        if classes:
            options.append(_note("verbs", 0, " · ".join(classes)))

        options.append(_heading("tone", "Tone"))
        t = p.tone
        options.append(_note("tone", 0, f"mean {t.mean:+.2f} [{t.low:+.2f}, {t.high:+.2f}], n={t.n}"))
        options.append(_note("tone", 1, f"+ {t.positive:.0%}  − {t.negative:.0%}  = {t.neutral:.0%}"))
        n_pos = sum(1 for _, v in p.tone_scores if v >= POSITIVE_AT)
        n_neg = sum(1 for _, v in p.tone_scores if v <= NEGATIVE_AT)
        options.append(Option(_ranked_prompt(n_pos, "positive sentences"), id="tone-pos"))
        options.append(Option(_ranked_prompt(n_neg, "negative sentences"), id="tone-neg"))

        options.append(_heading("distinctive", "Distinctive words (z, * significant)"))
        if not p.distinctive:
            options.append(_note("distinctive", 0, "—"))
        for i, d in enumerate(p.distinctive[: self._limit("distinctive")]):
            mark = "*" if d.score.significant else " "
            prompt = Text(f"{d.score.z:>5.1f}{mark} ", style="bold" if d.score.significant else "")
            prompt.append(one_line(d.score.word))
            options.append(Option(prompt, id=f"distinctive-{i}"))

        options.append(_heading("comentions", "Named in the same sentences"))
        options += self._ranked("comentions", p.comentions)

        options.append(_heading("quotes", f"Quotes ({len(p.quotes)})"))
        if not p.quotes:
            options.append(_note("quotes", 0, "—"))
        for i, q in enumerate(p.quotes[: self._limit("quotes")]):
            prompt = Text("“" + one_line(q.text) + "”")
            if q.verb:
                prompt.append(f" ({q.verb})", style="dim")
            options.append(Option(prompt, id=f"quotes-{i}"))

        options.append(_heading("kwic", f"Concordance ({len(p.kwic)})"))
        if not p.kwic:
            options.append(_note("kwic", 0, "—"))
        for i, k in enumerate(p.kwic[: self._limit("kwic")]):
            options.append(Option(kwic_text(k, self._kwic_width), id=f"kwic-{i}"))
        long_sections: tuple[tuple[str, Sequence[object]], ...] = (
            ("labels", p.labels),
            ("verbs", p.verbs),
            ("distinctive", p.distinctive),
            ("comentions", p.comentions),
            ("quotes", p.quotes),
            ("kwic", p.kwic),
        )
        for section, items in long_sections:
            limit = self._limit(section)
            if len(items) > limit:
                at = next(i for i, o in enumerate(options) if o.id == f"{section}-{limit - 1}") + 1
                more = Text(f"… and {len(items) - limit} more: enter shows them", style="italic")
                options.insert(at, Option(more, id=f"more-{section}"))
        return options

    def _limit(self, section: str) -> int:
        return self._limits.get(section, SECTION_LIMIT)

    def show_all(self, section: str) -> None:
        """Open a section in full (a pane starts with its first items: drawing thousands costs seconds);
        the cursor goes to the first item that was hidden."""
        first = self._limit(section)
        self._limits[section] = 1 << 30
        self.set_options(self._build_options())
        try:
            self.highlighted = self.get_option_index(f"{section}-{first}")
        except Exception:  # nothing was hidden after all
            self.highlighted = 0

    def _ranked(self, section: str, items: Sequence[Ranked]) -> list[Option]:
        if not items:
            return [_note(section, 0, "—")]
        return [
            Option(_ranked_prompt(r.count, r.item), id=f"{section}-{i}")
            for i, r in enumerate(items[: self._limit(section)])
        ]

    def on_mount(self) -> None:
        index = None
        if self._initial:
            try:
                index = self.get_option_index(self._initial)
            except Exception:  # the item is gone after a recompute
                index = None
        if index is None:
            index = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = index

    def on_resize(self, event: events.Resize) -> None:
        """Concordance lines are cut to the pane's width, so they are redrawn when it changes."""
        width = max(self.scrollable_content_region.width - 1, 12)
        if width == self._kwic_width:
            return
        self._kwic_width = width
        # all options at once: replacing prompts one by one re-measures the whole list each time
        highlighted = self.highlighted
        self.set_options(self._build_options())
        self.highlighted = highlighted


class SummaryView(VerticalScroll):
    """Where the outlets differ, one line per measure; scrolls with j/k when it is a tab of its own."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def __init__(self, text: Table | Text, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._text = text

    def compose(self) -> ComposeResult:
        yield Static(self._text, classes="summary-text")


# --- the compare screen -----------------------------------------------------------------------------


class CompareScreen(Screen[None]):
    """How outlets frame one target: a summary line per measure, then one pane per outlet."""

    DEFAULT_CSS = """
    CompareScreen #compare-title { height: 1; padding: 0 1; background: $panel; }
    CompareScreen #compare-loading { height: auto; padding: 1 2; }
    CompareScreen #compare-loading LoadingIndicator { height: 3; }
    CompareScreen #compare-error { height: auto; padding: 1 2; display: none; }
    CompareScreen #compare-body { height: 1fr; }
    CompareScreen #summary { height: auto; max-height: 10; padding: 0 1; border-bottom: solid $panel; }
    CompareScreen #compare-tabs { height: 1fr; }
    CompareScreen #compare-tabs TabPane { padding: 0; height: 1fr; }
    CompareScreen #compare-tabs #summary { height: 1fr; max-height: 100%; border-bottom: none; }
    CompareScreen #panes { height: 1fr; }
    CompareScreen OutletPane { width: 1fr; height: 1fr; max-height: 100%; border: tall $panel; }
    CompareScreen OutletPane:focus { border: tall $accent; }
    CompareScreen OutletPane > .option-list--option-disabled { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Back"),
        Binding("escape", "back", "Back", show=False),
        Binding("a", "aligned", "Aligned"),
        Binding("e", "export", "Export"),
        Binding("plus", "add_outlet", "Add outlet"),
        Binding("minus", "remove_outlet", "Remove outlet"),
        Binding("less_than_sign", "move(-1)", "Move left"),
        Binding("greater_than_sign", "move(1)", "Move right"),
        Binding("r", "recompute", "Recompute"),
        Binding("h", "pane(-1)", "Prev pane"),
        Binding("l", "pane(1)", "Next pane"),
        Binding("tab", "pane(1)", "Next pane", show=False),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False),
    ]

    # Actions that need a finished comparison; while it computes they are shown disabled.
    _NEEDS_COMPARISON = frozenset({"aligned", "export", "add_outlet", "remove_outlet", "move", "pane"})

    def __init__(
        self, target: str, outlets: list[str] | None = None, period: tuple[date | None, date | None] | None = None
    ) -> None:
        super().__init__()
        self.target = target
        self.outlets: list[str] = list(outlets or [])
        self.period = period or (None, None)  # from, to (inclusive days): a query's `date:` clause
        self.comparison: Comparison | None = None
        self._wide: bool | None = None
        self._pane = 0  # the focused outlet's position; -1 is the summary tab (narrow layout only)
        self._highlight: dict[str, str] = {}  # outlet -> the option id highlighted in its pane
        self._computing = False
        self.error: str | None = None  # the one-line message when the comparison could not be made

    # --- layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._title(), id="compare-title")
        with Vertical(id="compare-loading"):
            yield Static(self._progress(), id="compare-progress")
            yield LoadingIndicator()
        yield Static(id="compare-error")
        yield Container(id="compare-body")
        yield Footer()

    def _title(self) -> Text:
        c = self.comparison
        out = Text("Compare ", style="bold")
        out.append(c.target.name if c else self.target)
        if any(self.period):  # before the outlets, which a narrow screen cuts
            out.append(f" {self.period[0] or '…'} to {self.period[1] or '…'}", style="dim")
        if c is not None:
            out.append(f" ({c.target.kind}) ", style="dim")
            out.append(" · ".join(p.outlet for p in c.outlets))
        return out

    def _progress(self) -> Text:
        out = Text("Comparing how outlets frame ")
        out.append(self.target, style="bold")
        if self.outlets:
            out.append(" in ")
            out.append(", ".join(self.outlets))
        out.append("…  (escape to go back)", style="dim")
        return out

    def on_mount(self) -> None:
        self.sub_title = "compare"
        self._wide = self.app.size.width >= WIDE_AT
        # Narrow screens open on the summary tab: the overview first, the outlets one `l` away.
        self._pane = 0 if self._wide else -1
        self._start()

    def on_resize(self, event: events.Resize) -> None:
        self._check_layout(event.size.width)

    def on_screen_resume(self) -> None:
        # A full screen above this one (evidence, aligned) hides resizes from it.
        self._check_layout(self.app.size.width)

    def _check_layout(self, width: int) -> None:
        wide = width >= WIDE_AT
        if wide == self._wide:
            return
        self._wide = wide
        if self.comparison is not None and not self._computing:
            self.call_later(self._render_body)

    # --- computing --------------------------------------------------------------------------------

    def _start(self) -> None:
        """(Re)compute for `self.outlets`; the panes hide behind a progress line until it is done."""
        self._computing = True
        self.query_one("#compare-progress", Static).update(self._progress())
        self.query_one("#compare-loading").display = True
        self.query_one("#compare-error").display = False
        self.query_one("#compare-body").display = False
        if self.comparison is not None:  # a recompute: grey out what needs one (the footer is rebuilt)
            self.refresh_bindings()
        index = getattr(self.app, "index", None)
        self._compute(index, self.target, list(self.outlets) or None)

    @work(thread=True, exclusive=True, group="compare")
    def _compute(self, index: Index, target: str, outlets: list[str] | None) -> None:
        worker = get_current_worker()
        app = self.app
        try:
            comparison = compare_in_index(
                index, target, outlets=outlets, date_from=self.period[0], date_to=self.period[1]
            )
        except (CompareError, QueryError) as exc:
            message = str(exc)
        except Exception as exc:  # a broken index must not take the app down
            message = f"compare failed: {type(exc).__name__}: {exc}"
        else:
            if not worker.is_cancelled:
                app.call_from_thread(self._computed, comparison)
            return
        if not worker.is_cancelled:
            app.call_from_thread(self._failed, message)

    def _computed(self, comparison: Comparison) -> None:
        if not self.is_attached:
            return
        self._computing = False
        self.comparison = comparison
        self.outlets = [p.outlet for p in comparison.outlets]
        self._pane = min(self._pane, len(self.outlets) - 1)
        self.query_one("#compare-title", Static).update(self._title())
        self.query_one("#compare-loading").display = False
        self.query_one("#compare-body").display = True
        self.refresh_bindings()
        self.call_later(self._render_body)

    def _failed(self, message: str) -> None:
        if not self.is_attached:
            return
        self._computing = False
        self.query_one("#compare-loading").display = False
        if self.comparison is not None:
            # A recompute (an outlet added or removed) failed: keep what was shown.
            self.outlets = [p.outlet for p in self.comparison.outlets]
            self.query_one("#compare-body").display = True
            self.notify(message, severity="error", markup=False)
        else:
            self.error = message
            error = Text(message, style="bold")
            error.append("\n\nq: back", style="dim")
            widget = self.query_one("#compare-error", Static)
            widget.update(error)
            widget.display = True
        self.refresh_bindings()

    # --- the panes ----------------------------------------------------------------------------------

    def panes(self) -> list[OutletPane]:
        return sorted(self.query(OutletPane), key=lambda p: p.position)

    async def _render_body(self) -> None:
        """Build the summary and panes for the current layout, keeping the focused pane and each pane's item."""
        c = self.comparison
        if c is None:
            return
        body = self.query_one("#compare-body", Container)
        for pane in self.query(OutletPane):
            if pane.highlighted_option is not None and pane.highlighted_option.id:
                self._highlight[pane.outlet] = pane.highlighted_option.id
        await body.remove_children()
        panes = [OutletPane(p, i, self._highlight.get(p.outlet)) for i, p in enumerate(c.outlets)]
        summary = SummaryView(summary_text(c), id="summary")
        if self._wide:
            self._pane = max(self._pane, 0)
            await body.mount_all([summary, Horizontal(*panes, id="panes")])
        else:
            active = "tab-summary" if self._pane < 0 else f"tab-{self._pane}"
            tabs = TabbedContent(initial=active, id="compare-tabs")
            tabs.compose_add_child(TabPane("Summary", summary, id="tab-summary"))
            for pane in panes:
                tabs.compose_add_child(TabPane(Content(pane.outlet), pane, id=f"tab-{pane.position}"))
            await body.mount(tabs)
        self.call_after_refresh(self._focus_pane)

    def _focus_pane(self) -> None:
        if self.comparison is None:
            return
        if not self._wide:
            tabs = self.query_one("#compare-tabs", TabbedContent)
            tabs.active = "tab-summary" if self._pane < 0 else f"tab-{self._pane}"
            if self._pane < 0:
                self.query_one("#summary", SummaryView).focus()
                return
        panes = self.panes()
        if panes:
            panes[min(max(self._pane, 0), len(panes) - 1)].focus()

    @on(events.DescendantFocus)
    def _focused(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, OutletPane):
            self._pane = event.widget.position
        elif isinstance(event.widget, SummaryView) and not self._wide:
            self._pane = -1

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane_id = event.pane.id or ""
        position = -1 if pane_id == "tab-summary" else int(pane_id.removeprefix("tab-") or 0)
        if position != self._pane:
            self._pane = position
            self.call_after_refresh(self._focus_pane)

    @on(OptionList.OptionHighlighted)
    def _remember(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, OutletPane) and event.option.id:
            self._highlight[event.option_list.outlet] = event.option.id

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if not isinstance(event.option_list, OutletPane) or not event.option.id:
            return
        if event.option.id.startswith("more-"):
            event.option_list.show_all(event.option.id.removeprefix("more-"))
            return
        request = evidence_for(event.option_list.profile, event.option.id)
        if request is not None:
            self.app.push_screen(EvidenceScreen(request))

    # --- actions ------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what needs a comparison until there is one; grey it out while one is recomputed."""
        if action in self._NEEDS_COMPARISON:
            if self.comparison is None:
                return False
            if self._computing:
                return None
        return True

    def _current(self) -> int | None:
        """The focused pane's position, or None (with a hint) on the summary tab."""
        if self._pane < 0 or self._pane >= len(self.outlets):
            self.notify("Choose an outlet's tab first (l).")
            return None
        return self._pane

    def action_back(self) -> None:
        self.workers.cancel_group(self, "compare")
        self.app.pop_screen()

    def action_pane(self, delta: int) -> None:
        n = len(self.outlets)
        if self.comparison is None or not n:
            return
        ring = list(range(n)) if self._wide else [-1, *range(n)]
        at = ring.index(self._pane) if self._pane in ring else 0
        self._pane = ring[(at + delta) % len(ring)]
        self._focus_pane()

    def action_recompute(self) -> None:
        self._start()

    def action_aligned(self) -> None:
        c = self.comparison
        if c is None:
            return
        pair = None
        if len(self.outlets) >= 2:
            i = max(self._pane, 0)
            pair = (self.outlets[i], self.outlets[(i + 1) % len(self.outlets)])
        self.app.push_screen(AlignedScreen(c, pair))

    def action_export(self) -> None:
        if self.comparison is not None:
            self.app.push_screen(ExportScreen(self.comparison, self.target))

    def action_add_outlet(self) -> None:
        if len(self.outlets) >= MAX_OUTLETS:
            self.notify(f"At most {MAX_OUTLETS} outlets at a time: remove one first (-).", severity="warning")
            return
        c = self.comparison
        query = None
        if c is not None:
            query = f'person:"{c.target.name}"' if c.target.kind == "person" else self.target

        def chosen(outlet: str | None) -> None:
            if outlet and outlet not in self.outlets:
                self.outlets.append(outlet)
                self._pane = len(self.outlets) - 1
                self._start()

        self.app.push_screen(OutletPicker(list(self.outlets), query), chosen)

    def action_remove_outlet(self) -> None:
        at = self._current()
        if at is None:
            return
        if len(self.outlets) <= MIN_OUTLETS:
            self.notify(f"A comparison needs at least {MIN_OUTLETS} outlets: add one (+) first.", severity="warning")
            return
        del self.outlets[at]
        self._pane = min(at, len(self.outlets) - 1)
        self._start()

    async def action_move(self, delta: int) -> None:
        """Swap the focused outlet with its neighbour: only the order changes, so nothing is recomputed."""
        at = self._current()
        c = self.comparison
        if at is None or c is None:
            return
        to = at + delta
        if not 0 <= to < len(self.outlets):
            self.app.bell()
            return
        self.outlets[at], self.outlets[to] = self.outlets[to], self.outlets[at]
        by_name = {p.outlet: p for p in c.outlets}
        if all(o in by_name for o in self.outlets):
            c.outlets = [by_name[o] for o in self.outlets]
            self._pane = to
            self.query_one("#compare-title", Static).update(self._title())
            await self._render_body()
        else:
            self._pane = to
            self._start()


# --- evidence ---------------------------------------------------------------------------------------


def evidence_prompt(item: EvidenceItem, phrases: Sequence[str], stems: frozenset[str]) -> Text:
    """Where the sentence is from on one dim line, then the sentence with the item highlighted."""
    head = Text(style="dim")
    head.append(item.outlet)
    head.append(" · ")
    head.append(item.evidence.article)
    if item.date is not None:
        head.append(" · " + item.date.isoformat())
    if item.score is not None:
        head.append(f" · tone {item.score:+.2f}")
    sentence = highlighted(one_line(item.text) or "(sentence not stored)", phrases, stems)
    return Text.assemble(head, "\n", sentence)


class EvidenceScreen(Screen[None]):
    """The sentences behind one figure; enter opens the article a sentence is from."""

    DEFAULT_CSS = """
    EvidenceScreen #evidence-title { height: auto; padding: 0 1; background: $panel; }
    EvidenceScreen #evidence-list { height: 1fr; max-height: 100%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.pop_screen", "Back"),
        Binding("escape", "app.pop_screen", "Back", show=False),
    ]

    def __init__(self, request: EvidenceRequest) -> None:
        super().__init__()
        self.request = request

    def compose(self) -> ComposeResult:
        r = self.request
        title = r.title.copy()
        title.append(f"  {len(r.items)} sentence{'s' if len(r.items) != 1 else ''}", style="dim")
        yield Header()
        yield Static(title, id="evidence-title")
        options = [Option(evidence_prompt(item, r.phrases, r.stems), id=f"ev-{i}") for i, item in enumerate(r.items)]
        yield VimOptionList(*options, id="evidence-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "evidence"
        listing = self.query_one("#evidence-list", OptionList)
        listing.focus()
        if listing.option_count:
            listing.highlighted = 0
        else:
            self.notify("No sentences stored for this item.")

    @on(OptionList.OptionSelected, "#evidence-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        index = int((event.option.id or "ev-0").removeprefix("ev-"))
        if 0 <= index < len(self.request.items):
            open_article: Callable[[str], None] = self.app.open_article  # type: ignore[attr-defined]
            open_article(self.request.items[index].evidence.article)


# --- aligned sentences ------------------------------------------------------------------------------


def aligned_prompt(pair: AlignedSentences) -> Text:
    head = Text(style="bold")
    head.append(pair.a.outlet)
    head.append(" → ", style="dim")
    head.append(pair.b.outlet)
    head.append(f"  similarity {pair.similarity:.2f}", style="dim")
    if all(run.op == "equal" for run in pair.diff):
        head.append("  same words", style="dim")
    return Text.assemble(head, "\n", diff_text(pair.diff))


class AlignedScreen(Screen[None]):
    """Sentences two outlets wrote about the same fact, best match first, each as a word diff."""

    DEFAULT_CSS = """
    AlignedScreen #aligned-status { height: auto; padding: 0 1; background: $panel; }
    AlignedScreen #aligned-list { height: 1fr; max-height: 100%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.pop_screen", "Back"),
        Binding("escape", "app.pop_screen", "Back", show=False),
        Binding("o", "toggle_filter", "These two outlets"),
        Binding("enter", "open", "Evidence", show=False),
    ]

    def __init__(self, comparison: Comparison, pair: tuple[str, str] | None = None) -> None:
        super().__init__()
        self.comparison = comparison
        self.pair = pair
        self.filtered = False
        self.shown: list[AlignedSentences] = list(comparison.aligned)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="aligned-status")
        yield VimOptionList(id="aligned-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "aligned sentences"
        self._fill()
        self.query_one("#aligned-list").focus()

    def _fill(self) -> None:
        pairs = self.comparison.aligned
        if self.filtered and self.pair is not None:
            wanted = set(self.pair)
            pairs = [p for p in pairs if {p.a.outlet, p.b.outlet} == wanted]
        self.shown = list(pairs)
        status = Text(f"{len(self.shown)} of {len(self.comparison.aligned)} pairs")
        if self.filtered and self.pair is not None:
            status.append(" between ")
            status.append(self.pair[0], style="bold")
            status.append(" and ")
            status.append(self.pair[1], style="bold")
        status.append("   [-only in the first-]  {+only in the second+}", style="dim")
        self.query_one("#aligned-status", Static).update(status)
        listing = self.query_one("#aligned-list", OptionList)
        listing.clear_options()
        if self.shown:
            listing.add_options(Option(aligned_prompt(p), id=f"pair-{i}") for i, p in enumerate(self.shown))
            listing.highlighted = 0
        else:
            listing.add_option(
                Option(Text("No two outlets report the same fact in these sentences.", style="dim"), disabled=True)
            )

    def action_toggle_filter(self) -> None:
        if self.pair is None:
            self.notify("Only one outlet: nothing to filter.")
            return
        self.filtered = not self.filtered
        self._fill()

    def action_open(self) -> None:
        self.query_one("#aligned-list", OptionList).action_select()

    @on(OptionList.OptionSelected, "#aligned-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        index = int((event.option.id or "pair-0").removeprefix("pair-"))
        if 0 <= index < len(self.shown):
            self.app.push_screen(EvidenceScreen(aligned_evidence(self.shown[index])))


# --- modals -----------------------------------------------------------------------------------------


class OutletPicker(ModalScreen[str | None]):
    """Choose an outlet to add; the target's article count per outlet fills in when the index answers."""

    DEFAULT_CSS = """
    OutletPicker { align: center middle; }
    OutletPicker > Vertical {
        width: 60; max-width: 90%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    OutletPicker #picker-list { height: auto; max-height: 16; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("q", "cancel", "Cancel", show=False),
    ]

    def __init__(self, chosen: list[str], count_query: str | None) -> None:
        super().__init__()
        self.chosen = chosen
        self.count_query = count_query
        self.choices: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Add an outlet (enter: add, escape: cancel)", style="bold"))
            yield VimOptionList(Option(Text("loading outlets…", style="dim"), disabled=True), id="picker-list")

    def on_mount(self) -> None:
        self.query_one("#picker-list").focus()
        self._load(getattr(self.app, "index", None), self.count_query)

    @work(thread=True, exclusive=True, group="picker")
    def _load(self, index: Index, query: str | None) -> None:
        """Outlets not yet compared, with how many of their articles mention the target (when known)."""
        worker = get_current_worker()
        try:
            outlets = [o for o in index.outlets() if o not in self.chosen]
        except Exception as exc:  # an index problem: say so, and offer nothing
            self.app.call_from_thread(self.notify, f"cannot list outlets: {exc}", severity="error", markup=False)
            outlets = []
        counts: dict[str, int] = {}
        if query:
            try:
                counts = index.search(query, limit=1, snippets=0, suggest=False).facets
            except Exception:  # counts are a nicety; the list works without them
                counts = {}
        outlets.sort(key=lambda o: (-counts.get(o, 0), o.casefold()))
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, outlets, counts)

    def _show(self, outlets: list[str], counts: dict[str, int]) -> None:
        if not self.is_attached:  # cancelled before the outlets came
            return
        self.choices = outlets
        listing = self.query_one("#picker-list", OptionList)
        listing.clear_options()
        if not outlets:
            listing.add_option(Option(Text("Every outlet is already compared.", style="dim"), disabled=True))
            return
        for i, outlet in enumerate(outlets):
            prompt = Text(outlet)
            if counts:
                prompt.append(f"  {counts.get(outlet, 0)} articles", style="dim")
            listing.add_option(Option(prompt, id=f"outlet-{i}"))
        listing.highlighted = 0

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        index = int((event.option.id or "outlet-0").removeprefix("outlet-"))
        self.dismiss(self.choices[index] if 0 <= index < len(self.choices) else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportScreen(ModalScreen[None]):
    """Write the comparison to a file: pick a format, check the path, enter."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 76; max-width: 95%; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    ExportScreen #export-formats { height: auto; }
    ExportScreen #export-hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, comparison: Comparison, target: str) -> None:
        super().__init__()
        self.comparison = comparison
        self.target = target
        self.format = "md"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Export the comparison", style="bold"))
            yield VimOptionList(
                *(Option(Text(f"{label} (.{fmt})"), id=fmt) for fmt, label in EXPORT_FORMATS.items()),
                id="export-formats",
            )
            yield Input(str(default_export_path(self.target, self.format)), id="export-path")
            yield Static(Text("enter: write · tab: edit the path · escape: cancel"), id="export-hint")

    def on_mount(self) -> None:
        formats = self.query_one("#export-formats", OptionList)
        formats.highlighted = 0
        formats.focus()

    @on(OptionList.OptionHighlighted, "#export-formats")
    def _format(self, event: OptionList.OptionHighlighted) -> None:
        fmt = event.option.id or "md"
        if fmt == self.format:
            return
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value)
        if path.suffix.lstrip(".") in EXPORT_FORMATS:
            path_input.value = str(path.with_suffix("." + fmt))
        self.format = fmt

    @on(OptionList.OptionSelected, "#export-formats")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._write()

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self._write()

    def _write(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self.notify("Give a path to write to.", severity="warning")
            return
        self._export(self.format, Path(value).expanduser())

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fmt: str, path: Path) -> None:
        app = self.app
        try:
            written = write_export(self.comparison, fmt, path)
        except (OSError, ValueError) as exc:  # an unwritable path; a csv "path" with no file name
            reason = getattr(exc, "strerror", None) or str(exc)
            app.call_from_thread(app.notify, f"could not write {path}: {reason}", severity="error", markup=False)
            return
        where = str(written[0]) if len(written) == 1 else f"{len(written)} tables: {path.parent}/{path.stem}-*.csv"
        app.call_from_thread(app.notify, f"wrote {where}", markup=False)
        app.call_from_thread(self._done)

    def _done(self) -> None:
        if self.is_attached and self.app.screen is self:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class AskTarget(ModalScreen[str | None]):
    """Ask whom or what to compare: a person's name or alias, or any search query."""

    DEFAULT_CSS = """
    AskTarget { align: center middle; }
    AskTarget > Vertical {
        width: 64; max-width: 95%; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    AskTarget #ask-hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Compare whom or what? (a person, or any query)", style="bold"))
            yield Input(placeholder="e.g. Adrian Voss, harbour deal", id="ask-target")
            yield Static(Text("enter: compare · escape: cancel"), id="ask-hint")

    def on_mount(self) -> None:
        self.query_one("#ask-target", Input).focus()

    @on(Input.Submitted, "#ask-target")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        self.dismiss(text or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = [
    "AlignedScreen",
    "AskTarget",
    "CompareScreen",
    "EvidenceScreen",
    "ExportScreen",
    "OutletPane",
    "OutletPicker",
]
