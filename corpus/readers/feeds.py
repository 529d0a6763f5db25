"""RSS and Atom feed files (feedparser): one article per entry, full content where the feed has it."""

from __future__ import annotations

from datetime import date
from typing import Any

from corpus.authors import normalize_authors
from corpus.dates import parse_date
from corpus.model import Problem
from corpus.pages import strip_furniture
from corpus.readers import ReadError, Record
from corpus.readers.fragments import html_to_text, looks_like_html
from corpus.text import clean_inline, normalize_body


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return parse_date(entry.get("published") or entry.get("updated"))


def _entry_text(entry: Any) -> str:
    """The fullest text the entry carries: content (content:encoded) before the summary."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    best = max(candidates, key=len)
    return html_to_text(best) if looks_like_html(best) else normalize_body(best)


def looks_like_feed(text: str) -> bool:
    """Whether an .xml file is a feed (and not some other XML) by its root elements."""
    head = text[:2048].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def read_feed(text: str) -> tuple[list[Record], list[Problem]]:
    """The entries of an RSS/Atom feed; a feed too broken to yield any entry is a ReadError."""
    import feedparser  # imported on first use: it costs ~0.1 s

    parsed = feedparser.parse(text)
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        raise ReadError(f"not a readable RSS/Atom feed (no entries){detail}")
    channel = clean_inline(parsed.feed.get("title", "")) or None
    records: list[Record] = []
    problems: list[Problem] = []
    for n, entry in enumerate(parsed.entries, start=1):
        body = strip_furniture(_entry_text(entry))
        if not body:
            problems.append(Problem("", f"feed entry {n} has no text"))
            continue
        source = entry.get("source") or {}
        tags = [clean_inline(t.get("term", "")) for t in entry.get("tags", []) or [] if t.get("term")]
        authors = normalize_authors(
            [a.get("name") for a in entry.get("authors", []) if a.get("name")] or entry.get("author")
        )
        records.append(
            Record(
                title=clean_inline(entry.get("title", "")) or None,
                body=body,
                part=n,
                key=entry.get("id") or entry.get("link"),
                outlet=clean_inline(source.get("title", "")) or channel,
                url=entry.get("link"),
                date=_entry_date(entry),
                authors=authors,
                tags=tags,
            )
        )
    return records, problems
