"""`newsframe search QUERY`: ranked hits with snippets and outlet counts; `--json` for scripts."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from index import Index
from tui.commands.common import print_json, store_for


def run(args: argparse.Namespace) -> int:
    index = Index(store_for(args))
    result = index.search(args.query, outlets=args.outlet, sort=args.sort, page=args.page, limit=args.limit)
    if args.json:
        print_json(
            {
                "total": result.total,
                "facets": result.facets,
                "hits": [
                    {
                        k: v
                        for k, v in asdict(h).items()
                        if k in ("id", "outlet", "title", "date", "score", "snippet", "people")
                    }
                    for h in result.hits
                ],
                "suggestion": result.suggestion,
            }
        )
        return 0
    out = Console(highlight=False, soft_wrap=False)
    shown = list(result.facets.items())[:8]
    facets = " · ".join(f"{o} {n}" for o, n in shown) + (" · …" if len(result.facets) > len(shown) else "")
    out.print(
        Text(f"{result.total} articles" + (f" — {facets}" if facets else "") + f"  (page {result.page}/{result.pages})")
    )
    if result.suggestion:
        out.print(Text(f"did you mean: {result.suggestion}", style="italic"))
    table = Table(show_header=True, expand=True, show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("outlet", max_width=18)
    table.add_column("title / snippet", ratio=1)
    table.add_column("id", no_wrap=True, style="dim")
    for hit in result.hits:
        cell = Text(hit.title, style="bold")
        if hit.snippet:
            snippet = Text(hit.snippet.replace("\n", " "))
            for start, end in hit.highlights:
                snippet.stylize("reverse", start, end)
            cell.append("\n")
            cell.append(snippet)
        table.add_row(Text(hit.date.isoformat() if hit.date else "-"), Text(hit.outlet), cell, Text(hit.id))
    out.print(table)
    return 0
