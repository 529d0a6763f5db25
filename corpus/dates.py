"""Dates as news pages write them ("November 21, 2024", "21 Nov 2024", ISO) and as URLs carry them."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d])"),
    re.compile(rf"\b{_YEAR}/(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
]
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<mnum>[01]?\d)[/-](?P<day>[0-3]?\d)(?=[/._-]|$)"
    r"|[/_-](?P<year2>(?:19|20)\d\d)(?P<mnum2>[01]\d)(?P<day2>[0-3]\d)(?=[/._-]|$)"
)


def _make(year: str, month: str | int, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month: str | int | None = groups.get("mnum")
    if month is None:
        month = MONTHS[groups["month"].lower()]
    return _make(groups["year"], month, groups["day"])


def find_date(text: str) -> date | None:
    """The first full date (day, month and year) written in `text`, or None.

    A date without a year ("November 5") is not a date here: guessing the year would present a guess
    as fact.
    """
    best: tuple[int, date] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _from_match(match)
            if found is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), found)
                break
    return best[1] if best else None


def parse_date(value: str | None) -> date | None:
    """Parse a date field from structured input: ISO (with or without time), RFC 822, or written."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if re.match(r"^[A-Za-z]{3},\s", value) or re.search(r"\d\d:\d\d(:\d\d)?\s+([+-]\d{4}|[A-Z]{2,4})$", value):
        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            pass
    return find_date(value)


def date_from_url(url: str | None) -> date | None:
    """The publication date many sites put in article URLs (/2024/11/21/ or -20241121-)."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    if match.group("year"):
        return _make(match.group("year"), match.group("mnum"), match.group("day"))
    return _make(match.group("year2"), match.group("mnum2"), match.group("day2"))
