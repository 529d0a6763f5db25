"""`newsframe add`: read, clean, find people and index; `--dry-run --json` prints articles as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from corpus import Article, Problem, ReadOptions, read_corpus
from corpus.people import extract_people
from corpus.people_config import ConfigError, PeopleConfig
from index import AddSummary, add_paths
from index import Progress as Done
from tui.commands.common import people_config, store_for


def run(args: argparse.Namespace) -> int:
    """Exit 0 when any article was read (or all were already in), 1 when nothing could be, 2 for a usage
    or configuration error, 3 when the index cannot be written."""
    try:
        config = people_config(args)
    except ConfigError as exc:
        print(f"newsframe: {exc}", file=sys.stderr)
        return 2
    if args.json and not args.dry_run:
        print("newsframe add: --json goes with --dry-run (an import prints a summary)", file=sys.stderr)
        return 2
    if args.dry_run:
        return _dry_run(args, config)
    return _index(args, config)


def _index(args: argparse.Namespace, config: PeopleConfig) -> int:
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    store = store_for(args)
    if args.rebuild:
        store.delete()
    options = ReadOptions(outlet=args.outlet, max_bytes=int(args.max_size * 1024 * 1024))
    columns = (
        TextColumn("indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[articles]} articles · {task.fields[rate]}/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("add", total=None, articles=0, rate="-")

        def progress(done: Done) -> None:
            rate = f"{done.articles / done.seconds:.0f}" if done.seconds > 0 else "-"
            bar.update(task, completed=done.files_done, total=done.files_total, articles=done.articles, rate=rate)

        summary = add_paths(
            store,
            args.paths,
            options,
            config,
            prune=args.prune,
            progress=progress,
            on_wait=lambda message: err.print(Text(message)),
            wait=args.wait,
        )
    for problem in summary.failed:
        print(str(problem), file=sys.stderr, flush=True)
    err.print(Text(_summary_line(store.name, summary)))
    return 0 if summary.added + summary.updated + summary.unchanged + summary.removed else 1


def _summary_line(name: str, s: AddSummary) -> str:
    rate = f", {s.articles_per_s:.0f} articles/s" if s.added + s.updated else ""
    return (
        f"index {name}: {s.added} added, {s.updated} updated, {s.unchanged} unchanged, {s.removed} removed, "
        f"{len(s.failed)} failed in {s.seconds:.1f} s{rate}"
    )


def _dry_run(args: argparse.Namespace, config: PeopleConfig) -> int:
    err = Console(stderr=True, highlight=False, soft_wrap=True)
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
