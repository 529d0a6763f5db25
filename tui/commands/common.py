"""What the index commands share: the named store, the user's people config, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from corpus.people_config import PeopleConfig, load_people_config
from index import Store
from tui.locations import locations


def store_for(args: argparse.Namespace) -> Store:
    return Store(locations(args.home).data, args.index)


def people_config(args: argparse.Namespace) -> PeopleConfig:
    """The `[people]` table of config.toml (ConfigError, with the file named, when it is broken)."""
    return load_people_config(locations(args.home).config / "config.toml")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=_plain) + "\n")


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")
