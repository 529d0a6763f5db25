"""Reader comments from the tail of a page: numbered, bulleted, nested, signed, or plain blocks."""

from __future__ import annotations

import re

from corpus.lines import COMMENT_HEADER, Kind, Line
from corpus.model import Comment
from corpus.text import clean_inline

_ACTIONS = re.compile(
    r"^(?:reply|report|like|likes|dislike|flag|share|edit|delete|log in to reply|login to reply|"
    r"load more comments|view (?:more )?replies|hide replies|\d+\s+(?:likes?|replies|upvotes?)|↓|↑|\+\d+|-\d+)[\s.!]*$",
    re.IGNORECASE,
)
_TIMESTAMP = re.compile(
    r"^(?:on\s+)?\S.{0,30}\d{4}(?:\s+at\s+\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?)?$|^\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[•*·▪◦‣-]|\d+[.)])\s+(?P<rest>.+)$")
_BULLET_AUTHOR = re.compile(r"^(?P<author>[^\s:][^:]{0,30}?):\s+(?P<text>\S.*)$")
_SIGNATURE = re.compile(r"^[—–-]{1,2}\s*(?P<author>\S.{0,40})$")
_QUOTED = re.compile(r"^(?P<marks>(?:>\s*)+)(?P<rest>.*)$")


def _menu_like(text: str) -> bool:
    words = text.split()
    return (
        len(words) <= 4
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        and not re.search(r"[.!?,;]", text)
    )


def _author_ok(text: str) -> bool:
    """Short, and not ending like a sentence (an initial, "Pete K.", is fine)."""
    if not 0 < len(text) <= 40 or len(text.split()) > 5 or text.endswith(("!", "?")):
        return False
    return not text.endswith(".") or bool(re.search(r"\b[A-Z]\.$", text))


class _Builder:
    """Accumulates comments line by line; a header, bullet or blank-separated block starts one."""

    def __init__(self) -> None:
        self.comments: list[Comment] = []
        self.author: str | None = None
        self.depth = 0
        self.parts: list[str] = []
        self.open = False  # a header named the author and the comment's text may follow in blocks

    def flush(self) -> None:
        text = "\n\n".join(p for p in self.parts if p)
        if self.author is None and _menu_like(text):
            text = ""  # a stray page label ("The Duran", "Videos") left in the comment area
        if text:
            self.comments.append(Comment(text=text, author=self.author, depth=self.depth))
        self.author, self.depth, self.parts, self.open = None, 0, [], False

    def start(self, author: str | None, depth: int, text: str | None = None, open_: bool = True) -> None:
        """Begin a comment; an open one (after a header) takes the blank-separated blocks that follow."""
        self.flush()
        self.author, self.depth, self.open = author, depth, open_
        if text:
            self.parts.append(text)


def parse_comments(lines: list[Line]) -> list[Comment]:
    """Turn the classified lines after an article into comments, dropping furniture and actions."""
    builder = _Builder()
    indents = sorted({ln.indent for ln in lines if ln.kind is not Kind.BLANK})
    base_indent = indents[0] if indents else 0
    unit = indents[1] - base_indent if len(indents) > 1 else 1  # the site's indent per reply level
    content = [ln for ln in lines if ln.kind is not Kind.BLANK]
    blank_before = {
        id(ln) for prev, ln in zip([None, *lines], lines, strict=False) if prev is None or prev.kind is Kind.BLANK
    }
    for index, line in enumerate(content):
        text = line.text
        depth = max(0, (line.indent - base_indent) // unit)
        if quoted := _QUOTED.match(text):
            depth += quoted.group("marks").count(">")
            text = quoted.group("rest").strip()
        after_blank = id(line) in blank_before
        if line.kind in (Kind.FURNITURE, Kind.COMMENTS, Kind.END, Kind.PLACEHOLDER, Kind.PUBLISHED) or not text:
            continue
        if _ACTIONS.match(text):
            builder.flush()  # "Reply" closes the comment above it
            continue
        if builder.open and not builder.parts and (line.kind is Kind.DATE or _TIMESTAMP.match(text)):
            continue  # the date under a comment's header
        header = COMMENT_HEADER.match(text)
        if header and not _TIMESTAMP.match(text):
            builder.start(clean_inline(header.group("author") or header.group("author2") or "") or None, depth)
            continue
        following = content[index + 1] if index + 1 < len(content) else None
        if following is not None and _author_ok(text) and _TIMESTAMP.match(following.text.lstrip("> ")):
            builder.start(clean_inline(text), depth)  # a bare user name over the comment's date
            continue
        signature = _SIGNATURE.match(text)
        if signature and builder.parts and builder.author is None and _author_ok(signature.group("author")):
            builder.author = clean_inline(signature.group("author"))
            builder.flush()
            continue
        if bullet := _BULLET.match(text):
            rest = bullet.group("rest")
            named = _BULLET_AUTHOR.match(rest)
            if named and _author_ok(named.group("author")):
                builder.start(named.group("author"), depth, named.group("text"), open_=False)
            else:
                builder.start(None, depth, rest, open_=False)
            continue
        if builder.parts and depth != builder.depth:
            builder.start(None, depth, text, open_=False)
        elif (builder.parts and not after_blank) or (
            builder.open and (builder.author is not None or not builder.parts)
        ):
            builder.parts.append(text)
        else:
            builder.start(None, depth, text, open_=False)
    builder.flush()
    return builder.comments
