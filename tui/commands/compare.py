"""`newsframe compare TARGET`: how outlets frame a person or topic, in the terminal or as a report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corpus.framing.model import AlignedSentences, Comparison, OutletProfile
from index import Index
from index.compare import compare_in_index
from tui.commands.common import store_for
from tui.render import diff_text, sparkline

TOP = 8


def run(args: argparse.Namespace) -> int:
    index = Index(store_for(args))
    outlets = [o.strip() for o in args.outlets.split(",") if o.strip()] if args.outlets else None
    comparison = compare_in_index(
        index,
        args.target,
        outlets=outlets,
        date_from=args.date_from,
        date_to=args.date_to,
        same_stories=args.same_stories,
        window=args.window,
    )
    if args.format == "text":
        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                Console(file=handle, width=120, no_color=True, highlight=False).print(render(comparison))
            print(f"wrote {args.output}", file=sys.stderr)
        else:
            Console(highlight=False).print(render(comparison))
        return 0
    from corpus.framing.export import to_csv_tables, to_html, to_json, to_markdown, write_export  # reports only

    if args.output:
        for path in write_export(comparison, args.format, Path(args.output)):
            print(f"wrote {path}", file=sys.stderr)
        return 0
    if args.format == "csv":  # every table on stdout, each under a "# measure" line
        for name, table in to_csv_tables(comparison).items():
            sys.stdout.write(f"# {name}\n{table}\n")
        return 0
    text = {"json": to_json, "md": to_markdown, "html": to_html}[args.format](comparison)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def render(comparison: Comparison) -> Group:
    """The comparison as Rich renderables; every piece of article text goes in as a Text, never markup."""
    target = comparison.target
    kind = "person" if target.kind == "person" else "query"
    period = ""
    if comparison.date_from or comparison.date_to:
        period = f", {comparison.date_from or '…'} to {comparison.date_to or '…'}"
    scope = ", same stories only" if comparison.same_stories else ""
    title = Text(f"{target.name} ({kind}{period}{scope})", style="bold")
    summary = Text()
    for measure, line in comparison.summary.items():
        summary.append(f"{measure:>12}  ", style="bold")
        summary.append(line + "\n")
    parts: list[object] = [title, Panel(summary, title="where they differ", title_align="left")]
    parts.append(_columns("coverage", comparison.outlets, _coverage))
    parts.append(_columns("labels", comparison.outlets, lambda p: _ranked([(r.item, r.count) for r in p.labels])))
    parts.append(_columns("attribution verbs", comparison.outlets, _verbs))
    parts.append(_columns("tone (VADER, per mention sentence)", comparison.outlets, _tone))
    parts.append(_columns("distinctive words (z; * = |z| >= 1.96)", comparison.outlets, _distinctive))
    parts.append(
        _columns("named with", comparison.outlets, lambda p: _ranked([(r.item, r.count) for r in p.comentions]))
    )
    parts.append(_columns("quotes", comparison.outlets, _quotes))
    parts.append(_aligned(comparison.aligned))
    return Group(*parts)  # type: ignore[arg-type]


def _columns(title: str, profiles: list[OutletProfile], cell: object) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=True, show_lines=False)
    for profile in profiles:
        table.add_column(Text(profile.outlet), ratio=1, overflow="fold")
    table.add_row(*[cell(p) for p in profiles])  # type: ignore[operator]
    return table


def _coverage(p: OutletProfile) -> Text:
    text = Text(f"{p.articles} of {p.outlet_articles} articles ({p.share:.0%})\n{p.mentions} mentions\n")
    text.append(sparkline([n for _, n in p.timeline][-24:]))
    return text


def _ranked(items: list[tuple[str, int]]) -> Text:
    if not items:
        return Text("—", style="dim")
    text = Text()
    for item, count in items[:TOP]:
        text.append(f"{count:>3} ", style="bold")
        text.append(item + "\n")
    return text


def _verbs(p: OutletProfile) -> Text:
    text = _ranked([(r.item, r.count) for r in p.verbs])
    shares = [f"{c} {share:.0%}" for c, share in p.verb_classes.items() if share]
    if shares:
        text.append("\n" + ", ".join(shares), style="italic")
    return text


def _tone(p: OutletProfile) -> Text:
    tone = p.tone
    text = Text(f"mean {tone.mean:+.2f} [{tone.low:+.2f}, {tone.high:+.2f}], n={tone.n}\n")
    text.append(f"+ {tone.positive:.0%}  - {tone.negative:.0%}  = {tone.neutral:.0%}\n")
    for evidence, value in tone.most_negative[:1] + tone.most_positive[:1]:
        text.append(f"{value:+.2f} ", style="bold")
        text.append(p.sentences.get(evidence, "") + "\n")
    return text


def _distinctive(p: OutletProfile) -> Text:
    if not p.distinctive:
        return Text("—", style="dim")
    text = Text()
    for item in p.distinctive[:TOP]:
        mark = "*" if item.score.significant else " "
        text.append(f"{item.score.z:>5.1f}{mark} ", style="bold" if item.score.significant else "")
        text.append(item.score.word + "\n")
    return text


def _quotes(p: OutletProfile) -> Text:
    text = Text(f"{len(p.quotes)} quote{'s' if len(p.quotes) != 1 else ''}\n")
    for quote in p.quotes[:2]:
        text.append(f"“{quote.text}”" + (f" ({quote.verb})" if quote.verb else "") + "\n")
    return text


def _aligned(pairs: list[AlignedSentences], limit: int = 10) -> Table:
    table = Table(
        title="same fact, different words ([-only the first outlet-] {+only the second+})",
        title_justify="left",
        title_style="bold",
        expand=True,
        show_lines=True,
    )
    table.add_column("outlets", ratio=1)
    table.add_column("diff", ratio=4)
    changed = [p for p in pairs if p.reworded][:limit]
    for pair in changed:
        table.add_row(Text(f"{pair.a.outlet}\n{pair.b.outlet}\n{pair.similarity:.2f}"), diff_text(pair.diff))
    if not changed:
        table.add_row(Text("—"), Text("no two outlets report the same fact in different words", style="dim"))
    return table
