"""JSON (one article, an array, or an object holding an array) and JSON Lines exports.

Field names vary between tools and sites; the usual ones are mapped (title/headline,
text/content/body, outlet/source/site_name/publisher, date/published/publish_date, url/link,
author/authors, tags/keywords) case-insensitively.
"""

from __future__ import annotations

import json
from typing import Any

from corpus.authors import normalize_authors
from corpus.dates import parse_date
from corpus.lines import split_tags
from corpus.model import Comment, Problem
from corpus.pages import strip_furniture
from corpus.readers import ReadError, Record
from corpus.readers.fragments import html_to_text, looks_like_html
from corpus.text import clean_inline, normalize_body

TITLE_FIELDS = ("title", "headline", "heading", "name")
TEXT_FIELDS = ("text", "content", "body", "article", "full_text", "fulltext", "maintext", "article_text", "story")
SUMMARY_FIELDS = ("description", "summary", "abstract", "excerpt")
OUTLET_FIELDS = (
    "outlet",
    "source",
    "site_name",
    "sitename",
    "publisher",
    "source_name",
    "site",
    "media",
    "newspaper",
    "publication",
)
DATE_FIELDS = (
    "date",
    "published",
    "publish_date",
    "published_at",
    "publishedat",
    "pubdate",
    "date_published",
    "datetime",
    "created_at",
    "time",
)
URL_FIELDS = ("url", "link", "canonical_url", "href", "permalink")
AUTHOR_FIELDS = ("authors", "author", "byline", "creator", "creators", "writer")
TAG_FIELDS = ("tags", "keywords", "categories", "category", "topics", "topic", "section")
ID_FIELDS = ("id", "_id", "uuid", "guid", "article_id", "doc_id")
LIST_FIELDS = ("articles", "items", "data", "results", "entries", "documents", "docs", "posts", "records")


def _pick(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("name", "title", "value", "text", "#text"):
            if isinstance(value.get(key), str):
                return str(value[key])
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _tags(value: Any) -> list[str]:
    if isinstance(value, str):
        tags = split_tags(value) if ("," in value or ";" in value or "|" in value) else [value]
        return [t for t in (clean_inline(t) for t in tags) if t]
    if isinstance(value, list):
        return [clean_inline(t) for t in (_as_text(v) for v in value) if t and clean_inline(t)]
    return []


def _comments(value: Any) -> list[Comment]:
    comments: list[Comment] = []
    if not isinstance(value, list):
        return comments
    for item in value:
        if isinstance(item, str):
            text, author = item, None
        elif isinstance(item, dict):
            folded = {str(k).lower(): v for k, v in item.items()}
            text = _as_text(_pick(folded, ("text", "body", "content", "comment", "message"))) or ""
            author = _as_text(_pick(folded, ("author", "user", "name", "username")))
        else:
            continue
        body = normalize_body(text)
        if body:
            comments.append(Comment(text=body, author=clean_inline(author) if author else None))
    return comments


def record_from_object(obj: dict[str, Any], part: int, line: int | None = None) -> Record:
    """Map one JSON object to a Record; ReadError when it holds no article text."""
    folded = {str(k).lower().replace("-", "_"): v for k, v in obj.items()}
    raw_text = _as_text(_pick(folded, TEXT_FIELDS)) or _as_text(_pick(folded, SUMMARY_FIELDS))
    if not raw_text or not raw_text.strip():
        raise ReadError(f"no article text (looked for a field named {', '.join(TEXT_FIELDS[:4])}, ...)")
    body = html_to_text(raw_text) if looks_like_html(raw_text) else normalize_body(raw_text)
    title = _as_text(_pick(folded, TITLE_FIELDS))
    key = _as_text(_pick(folded, ID_FIELDS))
    return Record(
        title=clean_inline(title) if title else None,
        body=strip_furniture(body),
        part=part,
        key=key,
        outlet=_as_text(_pick(folded, OUTLET_FIELDS)),
        url=clean_inline(_as_text(_pick(folded, URL_FIELDS)) or "") or None,
        date=parse_date(_as_text(_pick(folded, DATE_FIELDS))),
        authors=normalize_authors(_pick(folded, AUTHOR_FIELDS)),
        tags=_tags(_pick(folded, TAG_FIELDS)),
        comments=_comments(folded.get("comments")),
        line=line,
    )


def read_json(text: str) -> tuple[list[Record], list[Problem]]:
    """A .json file: one article, an array of them, or an object with an array under a usual key."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if isinstance(data, dict) and _pick({k.lower(): v for k, v in data.items()}, TEXT_FIELDS) is None:
        inner = _pick({k.lower(): v for k, v in data.items()}, LIST_FIELDS)
        if isinstance(inner, list):
            data = inner
    items = data if isinstance(data, list) else [data]
    records: list[Record] = []
    problems: list[Problem] = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(Problem("", f"item {n} is not a JSON object"))
            continue
        try:
            records.append(record_from_object(item, part=n))
        except ReadError as exc:
            problems.append(Problem("", f"item {n}: {exc}"))
    if not records and not problems:
        raise ReadError("no articles in the JSON file")
    return records, problems


def read_jsonl(text: str) -> tuple[list[Record], list[Problem]]:
    """A .jsonl file: one article per line; a bad line is a problem with its line number, not a stop."""
    records: list[Record] = []
    problems: list[Problem] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(Problem("", f"invalid JSON: {exc.msg} (column {exc.colno})", line=number))
            continue
        if not isinstance(item, dict):
            problems.append(Problem("", "not a JSON object", line=number))
            continue
        try:
            records.append(record_from_object(item, part=number, line=number))
        except ReadError as exc:
            problems.append(Problem("", str(exc), line=number))
    if not records and not problems:
        raise ReadError("no articles in the JSON Lines file")
    return records, problems
