"""The `newsframe` command: scriptable commands over the same engine as the app.

Every command takes the global `--home DIR` (or $NEWSFRAME_HOME) before it.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from datetime import date

from tui.locations import HOME_VARIABLE, locations

EPILOG = f"""\
examples:
  newsframe                               open the app on the default index
  newsframe demo                          open the app on the bundled demo corpus (indexed on first use)
  newsframe add ~/news                    read, clean, find people and index (rerun: only what changed)
  newsframe add ~/news --dry-run --json   read and clean without indexing, one JSON article per line
  newsframe search 'person:"Adrian Voss" outlet:"Commons Voice"' --sort date
  newsframe people --top 20               who the corpus mentions, per outlet
  newsframe compare Voss --outlets "Patriot Dispatch,Commons Voice" --format md -o voss.md

Indexes and config live in platformdirs' user folders, or under --home / ${HOME_VARIABLE}.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command (kept in one place for --help and the tests)."""
    parser = argparse.ArgumentParser(
        prog="newsframe",
        description="Search news articles and compare how outlets frame the same person or topic.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--home", metavar="DIR", help=f"where indexes and config live (default: ${HOME_VARIABLE} or the user data dir)"
    )
    parser.add_argument("--index", metavar="NAME", default="default", help="which index (default: default)")
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="open the app on the bundled demo corpus (indexed on first use)")
    demo.set_defaults(run=_run_demo)

    add = commands.add_parser(
        "add",
        help="read article files (.txt .md .html .json .jsonl .xml .rss .atom), recursively",
        description="Read and clean article files. Problems are reported one per line on stderr, "
        "naming the file (and line) and the reason; the rest of the files still go in.",
    )
    add.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    add.add_argument("--outlet", metavar="NAME", help="the outlet of every article read (overrides what the files say)")
    add.add_argument("--dry-run", action="store_true", help="read and clean without indexing")
    add.add_argument("--json", action="store_true", help="with --dry-run: one JSON object per article on stdout")
    add.add_argument(
        "--max-size", type=float, default=20.0, metavar="MB", help="skip files larger than this (default: 20)"
    )
    add.add_argument("--prune", action="store_true", help="drop articles whose files under PATH are gone")
    add.add_argument("--rebuild", action="store_true", help="start the index again from these files")
    add.add_argument("--wait", type=float, default=600.0, metavar="S", help="how long to wait for another import")
    add.set_defaults(run=_run_command, command_module="add")

    search = commands.add_parser("search", help="search the index (Whoosh query language, friendly fields)")
    search.add_argument(
        "query", nargs="?", default="", help='e.g. person:"Vladimir Putin" date:>2024-01 "harbour deal"~2'
    )
    search.add_argument("--outlet", action="append", metavar="NAME", help="only this outlet (repeatable)")
    search.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.add_argument("--page", type=int, default=1, metavar="N")
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=_run_command, command_module="search")

    show = commands.add_parser("show", help="one article by id, with its people")
    show.add_argument("id")
    show.add_argument("--related", action="store_true", help="also list related coverage from other outlets")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=_run_command, command_module="show")

    people = commands.add_parser("people", help="the people in the index, with counts per outlet")
    people.add_argument("--outlet", metavar="NAME")
    people.add_argument("--top", type=int, default=30, metavar="N")
    people.add_argument("--json", action="store_true")
    people.set_defaults(run=_run_command, command_module="people")

    compare = commands.add_parser(
        "compare",
        help="how outlets frame a person or topic: labels, verbs, tone, words, quotes, aligned sentences",
        description="Compare how outlets frame TARGET: a person (any name or alias the corpus uses) or a "
        "query. Without --outlets, the three outlets that cover it most.",
    )
    compare.add_argument("target", metavar="TARGET", help='a person ("Adrian Voss", "Voss") or a query')
    compare.add_argument("--outlets", metavar="A,B,C", help="up to 4 outlets, comma-separated")
    compare.add_argument("--from", dest="date_from", type=_day, metavar="DATE", help="from this day (YYYY-MM-DD)")
    compare.add_argument("--to", dest="date_to", type=_day, metavar="DATE", help="to this day (YYYY-MM-DD)")
    compare.add_argument(
        "--same-stories", action="store_true", help="only articles whose story another chosen outlet also covers"
    )
    compare.add_argument(
        "--window", type=int, default=0, metavar="N", help="distinctive words from N sentences around each mention"
    )
    compare.add_argument("--format", choices=["text", "md", "json", "csv", "html"], default="text")
    compare.add_argument("-o", "--output", metavar="FILE", help="write to FILE (csv: FILE-<measure>.csv per table)")
    compare.set_defaults(run=_run_command, command_module="compare")

    stats = commands.add_parser("stats", help="articles, outlets, people, dates, index size")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=_run_command, command_module="stats")

    remove = commands.add_parser("remove", help="remove an article (by id) or a file's or folder's articles")
    remove.add_argument("target", metavar="PATH|ID")
    remove.set_defaults(run=_run_command, command_module="remove")
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


class _VersionAction(argparse.Action):
    """`--version`, looked up only when asked for: reading the package metadata costs every command 19 ms."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **_: object) -> None:
        super().__init__(
            option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help="show the version and exit"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsframe")
    except PackageNotFoundError:
        return "unknown"


def _run_demo(args: argparse.Namespace) -> int:
    from tui.app import build_app

    build_app(home=args.home, demo=True).run()
    return 0


def _run_app(args: argparse.Namespace) -> int:
    from tui.app import build_app

    build_app(home=args.home, index=args.index).run()
    return 0


def _run_command(args: argparse.Namespace) -> int:
    """Run a command module's `run(args)`; index problems become one line on stderr."""
    from importlib import import_module

    from index import IndexError_, QueryError
    from index.compare import CompareError

    module = import_module(f"tui.commands.{args.command_module}")
    try:
        return int(module.run(args))
    except (IndexError_, QueryError, CompareError) as exc:
        print(f"newsframe: {exc}", file=sys.stderr)
        return 3 if isinstance(exc, IndexError_) else 2
    except (OSError, ValueError) as exc:  # an output file that cannot be written (`compare -o`)
        print(f"newsframe: cannot write: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 2


# Short commands that leave nothing to clean up once they return: they only read the index (`remove`
# commits before it returns). The console script runs these without the cyclic garbage collector and
# ends them without tearing the interpreter down.
QUICK_EXIT = frozenset({"search", "show", "people", "compare", "stats", "remove"})


def main(argv: Sequence[str] | None = None, *, quick_exit: bool = False) -> int:
    """Run one command; returns the exit status. With `quick_exit` (the console script), a command of
    QUICK_EXIT runs with the cyclic collector off (its imports alone set off 60 collections of objects
    that all stay alive, 7 ms) and ends the process itself once its output is flushed (`_quick_exit`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    locations(args.home)  # fail early on an unusable --home
    if args.command is None:
        args.run = _run_app  # `newsframe` alone opens the app on the index (--index NAME, default "default")
    if quick_exit and args.command in QUICK_EXIT:
        gc.disable()
    try:
        status = int(args.run(args))
        if quick_exit and args.command in QUICK_EXIT:
            _quick_exit(status)
        return status
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `newsframe add ... --json | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def entry() -> int:
    """The `newsframe` console script."""
    return main(quick_exit=True)


def _quick_exit(status: int) -> None:
    """Flush the output and end the process without the interpreter's teardown: after a large comparison,
    freeing every object one by one and joining the alignment worker took 0.05-0.1 s of a command's time.
    (mypy ends the same way, for the same reason.) Output files are closed by then; nothing else is pending."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    raise SystemExit(entry())
