"""`newsframe add`: read and clean article files; `--dry-run --json` prints them as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from corpus import Article, Problem, ReadOptions, read_corpus


def run_add(args: argparse.Namespace) -> int:
    """Exit 0 when any article was read, 1 when none could be, 2 for a usage error."""
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if not args.dry_run:
        err.print("newsframe add: indexing is not built yet in this version; use --dry-run to read and clean files")
        return 2
    options = ReadOptions(outlet=args.outlet, max_bytes=int(args.max_size * 1024 * 1024))
    out = Console(highlight=False, soft_wrap=True)
    articles: list[Article] = []
    problems = 0
    count = 0
    for item in read_corpus(args.paths, options):
        if isinstance(item, Problem):
            problems += 1
            # plain print: a path or reason must never be read as markup
            print(str(item), file=sys.stderr, flush=True)
            continue
        count += 1
        if args.json:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        else:
            articles.append(item)
    if not args.json:
        _print_table(out, articles)
        outlets = Counter(a.outlet for a in articles)
        err.print(Text(f"{count} articles from {len(outlets)} outlets; {problems} problems"))
    return 0 if count else 1


def _print_table(console: Console, articles: list[Article]) -> None:
    table = Table(show_lines=False, expand=True)
    for name, kwargs in (
        ("outlet", {"max_width": 20}),
        ("date", {}),
        ("title", {"ratio": 1}),
        ("words", {"justify": "right"}),
        ("comments", {"justify": "right"}),
    ):
        table.add_column(name, **kwargs)  # type: ignore[arg-type]
    for a in articles:
        table.add_row(
            Text(a.outlet),
            Text(a.date.isoformat() if a.date else "-"),
            Text(a.title),
            str(len(a.body.split())),
            str(len(a.comments)),
        )
    console.print(table)
