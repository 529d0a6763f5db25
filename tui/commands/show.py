"""`newsframe show ID`: one article with its people (and related coverage); `--json` as in `add`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from rich.console import Console
from rich.text import Text

from index import Index
from tui.commands.common import print_json, store_for


def run(args: argparse.Namespace) -> int:
    index = Index(store_for(args))
    article = index.article(args.id)
    if article is None:
        print(f"newsframe: no article with id {args.id!r} in index {args.index!r}", file=sys.stderr)
        return 1
    related = index.related(article.id) if args.related else []
    if args.json:
        data = article.to_dict()
        if args.related:
            data["related"] = [
                {k: v for k, v in asdict(h).items() if k in ("id", "outlet", "title", "date", "score")} for h in related
            ]
        print_json(data)
        return 0
    out = Console(highlight=False)
    out.print(Text(article.title, style="bold"))
    out.print(
        Text(
            f"{article.outlet} · {article.date or 'undated'} · {', '.join(article.authors) or 'no author'}", style="dim"
        )
    )
    out.print()
    out.print(Text(article.body))
    if article.people:
        out.print()
        out.print(Text("people: " + ", ".join(f"{p.name} ({len(p.mentions)})" for p in article.people)))
    for hit in related:
        out.print(Text(f"related: {hit.outlet} · {hit.date or '-'} · {hit.title} [{hit.id}]"))
    return 0
