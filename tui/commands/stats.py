"""`newsframe stats`: what an index holds."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from rich.console import Console
from rich.text import Text

from index import Index
from tui.commands.common import print_json, store_for


def run(args: argparse.Namespace) -> int:
    stats = Index(store_for(args)).stats()
    if args.json:
        print_json(asdict(stats))
        return 0
    out = Console(highlight=False)
    out.print(
        Text(f"index {args.index}: {stats.articles} articles from {len(stats.outlets)} outlets, {stats.people} people")
    )
    out.print(
        Text(f"dates: {stats.first_date or '-'} to {stats.last_date or '-'}; size {stats.size_bytes / 1e6:.1f} MB")
    )
    for outlet, count in stats.outlets.items():
        out.print(Text(f"  {outlet}  {count}"))
    return 0
