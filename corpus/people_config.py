"""The user's corrections to people extraction, from the `[people]` table of a TOML file.

```toml
[people]
ignore = ["Baby Boomer", "Team Putin"]          # never a person
merge = [["Volodymyr Zelensky", "Zelenskiy"]]   # one person; the first name is the one shown
keep_apart = [["Kim Jong-un", "Kim Jong-il"]]   # never merged as spelling variants
[people.aliases]
"Vladimir Putin" = ["the Kremlin chief"]        # extra names, found in text as they are written
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from corpus.names import fold


class ConfigError(ValueError):
    """The configuration file cannot be used; the message says where and why."""


@dataclass(slots=True)
class PeopleConfig:
    aliases: dict[str, list[str]] = field(default_factory=dict)
    merge: list[list[str]] = field(default_factory=list)
    keep_apart: list[list[str]] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    _ignored: frozenset[str] = frozenset()
    _apart: frozenset[frozenset[tuple[str, ...]]] = frozenset()
    _alias_to: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._ignored = frozenset(fold(name) for name in self.ignore)
        self._apart = frozenset(
            frozenset(tuple(fold(name).split()) for name in pair) for pair in self.keep_apart if len(pair) == 2
        )
        self._alias_to = {fold(alias): person for person, names in self.aliases.items() for alias in names}

    def ignored(self, name: str) -> bool:
        return bool(self._ignored) and fold(name) in self._ignored  # asked for every hit: nothing to fold when empty

    def apart(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return frozenset({a, b}) in self._apart

    def alias_person(self, text: str) -> str | None:
        return self._alias_to.get(fold(text))

    def alias_pattern(self) -> re.Pattern[str] | None:
        """One regex for every configured alias, matched as whole words, case-insensitively."""
        names = sorted({a for names in self.aliases.values() for a in names}, key=len, reverse=True)
        if not names:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)


def load_people_config(path: str | Path) -> PeopleConfig:
    """The `[people]` table of a TOML file; a missing file is an empty configuration."""
    path = Path(path)
    if not path.is_file():
        return PeopleConfig()
    import tomllib  # here: 3 ms of imports that a command without a config file never needs

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    table = data.get("people", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [people] must be a table")
    aliases = table.get("aliases", {})
    if not isinstance(aliases, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v) for k, v in aliases.items()
    ):
        raise ConfigError(f'{path}: [people.aliases] maps a name to a list of names, e.g. "Vladimir Putin" = ["Putin"]')
    merge = _list_of_lists(path, table, "merge")
    keep_apart = _list_of_lists(path, table, "keep_apart")
    if any(len(pair) != 2 for pair in keep_apart):
        raise ConfigError(f'{path}: people.keep_apart holds pairs of names, e.g. [["Kim Jong-un", "Kim Jong-il"]]')
    ignore = table.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(x, str) for x in ignore):
        raise ConfigError(f"{path}: people.ignore is a list of names")
    return PeopleConfig(aliases=aliases, merge=merge, keep_apart=keep_apart, ignore=ignore)


def _list_of_lists(path: Path, table: dict[str, object], key: str) -> list[list[str]]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(group, list) and all(isinstance(x, str) for x in group) for group in value
    ):
        raise ConfigError(f"{path}: people.{key} is a list of lists of names")
    return value
