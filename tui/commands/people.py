"""`newsframe people`: who the index mentions, in how many articles, per outlet."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from index import Index
from tui.commands.common import print_json, store_for


def run(args: argparse.Namespace) -> int:
    people = Index(store_for(args)).people(outlet=args.outlet, top=args.top)
    if args.json:
        print_json([asdict(p) for p in people])
        return 0
    table = Table(expand=True)
    table.add_column("person")
    table.add_column("articles", justify="right")
    table.add_column("mentions", justify="right")
    table.add_column("by outlet", ratio=1)
    for p in people:
        outlets = ", ".join(f"{o} {n}" for o, n in p.by_outlet.items())
        table.add_row(Text(p.name), str(p.articles), str(p.mentions), Text(outlets))
    Console(highlight=False).print(table)
    return 0
