"""Author names from by-lines ("By ...", "Authored by ...") and from name-shaped header lines."""

from __future__ import annotations

import re

from corpus.text import clean_inline

_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "bin", "al", "el", "ter"}
_BYLINE = re.compile(
    r"^(?:by|authored by|written by|words by|reporting by|story by)\s*:?\s+(?P<names>.+?)\s*:?$",
    re.IGNORECASE,
)
# What follows the names on a by-line: a date, an agency, a role.
_BYLINE_TAIL = re.compile(r"\s*(?:[|•·]|,?\s+(?:on|updated|published)\s|\s[-–—]\s).*$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)$")
_NOT_NAMES = {"staff", "reporter", "editor", "correspondent", "admin", "avatar", "guest", "contributor"}


def is_name(text: str, max_words: int = 5) -> bool:
    """Whether `text` is shaped like a person's name: 2-5 capitalised words, particles allowed."""
    words = text.split()
    if not 2 <= len(words) <= max_words or text.endswith(("!", "?", ":", ",", ";")):
        return False
    if text.endswith(".") and not re.search(r"(?:\b[A-Z]|\bJr|\bSr)\.$", text):
        return False
    if any(w.lower().strip(".") in _NOT_NAMES for w in words):
        return False
    capitals = 0
    for word in words:
        if word.lower() in _PARTICLES:
            continue
        if not _NAME_TOKEN.match(word) or (word.isupper() and len(word) > 3):
            return False
        capitals += 1
    return capitals >= 2


def split_names(text: str) -> list[str]:
    """Split "A, B and C" into names, dropping what is not name-shaped."""
    names = []
    for part in _SPLIT.split(clean_inline(text)):
        part = part.strip(" .:")
        if part.isupper():
            part = part.title()
        if is_name(part):
            names.append(part)
    return names


def parse_byline(line: str) -> list[str] | None:
    """Names from a by-line, or None when the line is not one."""
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    names = split_names(_BYLINE_TAIL.sub("", match.group("names")))
    return names or None


def normalize_authors(value: object) -> list[str]:
    """Authors from a structured field: a string ("A and B", "A; B"), a list, or objects with a name."""
    raw: list[str] = []
    if isinstance(value, str):
        raw = [value]
    elif isinstance(value, dict):
        raw = [str(value.get("name", ""))]
    elif isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, dict):
                raw.append(str(item.get("name") or item.get("title") or ""))
            elif item is not None:
                raw.append(str(item))
    names: list[str] = []
    for item in raw:
        item = clean_inline(item)
        if not item:
            continue
        parsed = parse_byline(item) or [p.strip() for p in re.split(r"\s*(?:;|\band\b|&)\s*", item) if p.strip()]
        for name in parsed:
            if name not in names:
                names.append(name)
    return names
