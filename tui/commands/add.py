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
from corpus.people import extract_people
from corpus.people_config import ConfigError, load_people_config
from tui.locations import locations


def run_add(args: argparse.Namespace) -> int:
    """Exit 0 when any article was read, 1 when none could be, 2 for a usage error."""
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if not args.dry_run:
        err.print("newsframe add: indexing is not built yet in this version; use --dry-run to read and clean files")
        return 2
    config_file = locations(args.home).config / "config.toml"
    try:
        config = load_people_config(config_file)
    except ConfigError as exc:
        print(f"newsframe: {exc}", file=sys.stderr)
        return 2
    options = ReadOptions(outlet=args.outlet, max_bytes=int(args.max_size * 1024 * 1024))
    out = Console(highlight=False, soft_wrap=True)
    articles: list[Article] = []
    problems = 0
    for item in read_corpus(args.paths, options):
        if isinstance(item, Problem):
            problems += 1
            # plain print: a path or reason must never be read as markup
            print(str(item), file=sys.stderr, flush=True)
            continue
        articles.append(item)
    # People are resolved across the whole set (a bare "Putin" maps to the full name others use).
    extract_people(articles, config)
    if args.json:
        for article in articles:
            sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    else:
        _print_table(out, articles)
        outlets = Counter(a.outlet for a in articles)
        people = {p.name for a in articles for p in a.people}
        err.print(
            Text(f"{len(articles)} articles from {len(outlets)} outlets, {len(people)} people; {problems} problems")
        )
    return 0 if articles else 1


def _print_table(console: Console, articles: list[Article]) -> None:
    table = Table(show_lines=False, expand=True)
    for name, kwargs in (
        ("outlet", {"max_width": 20}),
        ("date", {}),
        ("title", {"ratio": 3}),
        ("words", {"justify": "right"}),
        ("comments", {"justify": "right"}),
        ("people", {"ratio": 2}),
    ):
        table.add_column(name, **kwargs)  # type: ignore[arg-type]
    for a in articles:
        table.add_row(
            Text(a.outlet),
            Text(a.date.isoformat() if a.date else "-"),
            Text(a.title),
            str(len(a.body.split())),
            str(len(a.comments)),
            Text(", ".join(p.name for p in a.people[:3])),
        )
    console.print(table)
