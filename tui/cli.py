"""The `newsframe` command: scriptable commands over the same engine as the app.

Every command takes the global `--home DIR` (or $NEWSFRAME_HOME) before it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tui.locations import HOME_VARIABLE, locations

EPILOG = f"""\
examples:
  newsframe demo                          open the app on the bundled demo corpus
  newsframe add ~/news --dry-run --json   read and clean files, print one JSON article per line

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
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="open the app on the bundled demo corpus")
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
    add.add_argument("--json", action="store_true", help="print one JSON object per article on stdout")
    add.add_argument(
        "--max-size", type=float, default=20.0, metavar="MB", help="skip files larger than this (default: 20)"
    )
    add.set_defaults(run=_run_add)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsframe")
    except PackageNotFoundError:
        return "unknown"


def _run_demo(args: argparse.Namespace) -> int:
    from corpus import demo_corpus_path
    from tui.app import build_app

    build_app(paths=[demo_corpus_path()], title="newsframe demo", home=args.home).run()
    return 0


def _run_add(args: argparse.Namespace) -> int:
    from tui.commands.add import run_add

    return run_add(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsframe` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    locations(args.home)  # fail early on an unusable --home
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `newsframe add ... --json | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
