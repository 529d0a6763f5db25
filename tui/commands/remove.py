"""`newsframe remove PATH|ID`: take an article, or a file's or folder's articles, out of the index."""

from __future__ import annotations

import argparse
import sys

from index import remove
from tui.commands.common import store_for


def run(args: argparse.Namespace) -> int:
    removed = remove(store_for(args), args.target, on_wait=lambda m: print(m, file=sys.stderr))
    print(f"removed {removed} articles", file=sys.stderr)
    return 0 if removed else 1
