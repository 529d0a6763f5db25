"""Where newsframe keeps its indexes, config and cache: one place, overridable for users and tests.

`--home DIR` or `NEWSFRAME_HOME` puts everything under one folder (data/, config/, cache/);
otherwise platformdirs' user directories are used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "newsframe"
HOME_VARIABLE = "NEWSFRAME_HOME"


@dataclass(frozen=True, slots=True)
class Locations:
    """The three folders newsframe writes to."""

    data: Path
    config: Path
    cache: Path


def locations(home: str | os.PathLike[str] | None = None) -> Locations:
    """Resolve the folders: an explicit home, then $NEWSFRAME_HOME, then platformdirs' defaults."""
    home = home or os.environ.get(HOME_VARIABLE)
    if home:
        root = Path(home).expanduser().resolve()
        return Locations(data=root / "data", config=root / "config", cache=root / "cache")
    from platformdirs import PlatformDirs  # here: a command given a home need not import it (7 ms)

    dirs = PlatformDirs(APP_NAME, appauthor=False)
    return Locations(data=Path(dirs.user_data_dir), config=Path(dirs.user_config_dir), cache=Path(dirs.user_cache_dir))
