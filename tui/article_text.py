"""Articles as rich Text for the screen. Article text is data: it is only ever put into `Text` as
plain strings, so markup-like text ("[bold]") shows literally; escapes were stripped when read.

Highlights are (start, end, style) spans in the coordinates of the text they style, so the reader can
layer query hits, person mentions and the current hit on one paragraph without re-reading the article.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from corpus import Article, Comment

Span = tuple[int, int]
StyledSpan = tuple[int, int, "str | Style"]


def meta_line(article: Article) -> Text:
    """Outlet · date · authors, for headers and lists."""
    parts = [article.outlet, article.date.isoformat() if article.date else "undated"]
    if article.authors:
        parts.append(", ".join(article.authors))
    return Text(" · ".join(parts), style="dim")


def article_header(article: Article, title_spans: Iterable[StyledSpan] = ()) -> Text:
    """The title in bold (with any highlights), then the meta line and tags."""
    text = styled(article.title, title_spans, style="bold")
    text.append("\n")
    text.append_text(meta_line(article))
    if article.tags:
        text.append("\n")
        text.append("tags: " + ", ".join(article.tags), style="italic dim")
    return text


def styled(text: str, spans: Iterable[StyledSpan] = (), *, style: str | Style = "") -> Text:
    """`text` as plain data with each span's style layered on, later spans over earlier ones."""
    out = Text(text, style=style)
    for start, end, span_style in spans:
        out.stylize(span_style, start, end)
    return out


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph as the reader shows it: the page's own text or a reposted ("via") block.

    `start` is where `text` begins in its field (article.body, or article.via[block].text), so spans
    found in the field (sentences, mentions) map onto the paragraph by subtracting it.
    """

    text: str
    where: str
    block: int = 0
    start: int = 0
    outlet: str | None = None
    first: bool = False


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) for each non-empty paragraph of `text`, split at blank lines."""
    found: list[tuple[int, str]] = []
    offset = 0
    for para in text.split("\n\n"):
        if para:
            found.append((offset, para))
        offset += len(para) + 2
    return found


def reading_order(article: Article) -> list[Block]:
    """The body's paragraphs with the reposted blocks put back at the paragraph they followed."""
    body = split_paragraphs(article.body)
    via_at: dict[int, list[int]] = {}
    for n, block in enumerate(article.via):
        via_at.setdefault(block.at, []).append(n)
    blocks: list[Block] = []
    for index in range(len(body) + 1):
        for n in via_at.get(index, []):
            via = article.via[n]
            for k, (offset, para) in enumerate(split_paragraphs(via.text)):
                blocks.append(Block(para, "via", n, offset, via.outlet, first=k == 0))
        if index < len(body):
            offset, para = body[index]
            blocks.append(Block(para, "body", 0, offset))
    # via blocks whose `at` lies past the end still belong to the article
    for n, via in enumerate(article.via):
        if via.at > len(body):
            for k, (offset, para) in enumerate(split_paragraphs(via.text)):
                blocks.append(Block(para, "via", n, offset, via.outlet, first=k == 0))
    return blocks


def mention_spans(article: Article) -> dict[tuple[str, int], list[Span]]:
    """Every person mention as a span of its field: (where, block) -> [(start, end)], in order."""
    found: dict[tuple[str, int], list[Span]] = {}
    for person in article.people:
        for mention in person.mentions:
            if mention.sentence >= len(article.sentences):
                continue
            sentence = article.sentences[mention.sentence]
            key = (sentence.where, sentence.block)
            found.setdefault(key, []).append((sentence.start + mention.start, sentence.start + mention.end))
    for spans in found.values():
        spans.sort()
    return found


def spans_within(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The spans lying inside [start, end), moved to coordinates relative to `start`."""
    return [(a - start, b - start) for a, b in spans if a >= start and b <= end]


def via_mark(outlet: str) -> Text:
    """The line that opens a reposted block."""
    text = Text("── reposted from ", style="bold italic")
    text.append(outlet, style="bold italic")
    text.append(" ──", style="bold italic")
    return text


def block_text(block: Block, spans: Iterable[StyledSpan] = ()) -> Text:
    """One paragraph with its highlights; reposted text in italic (the screen rules it off with a border)."""
    if block.where != "via":
        return styled(block.text, spans)
    text = Text(block.text, style="italic")
    for a, b, s in spans:
        text.stylize(s, a, b)
    return text


def comments_text(comments: list[Comment], spans: dict[int, list[StyledSpan]] | None = None) -> Text:
    """Reader comments, indented by reply depth, each under its author; `spans` highlight comment n's text."""
    text = Text()
    for n, comment in enumerate(comments):
        indent = "    " * comment.depth
        text.append(indent)
        text.append(comment.author or "anonymous", style="bold")
        text.append("\n")
        highlights = (spans or {}).get(n, [])
        for offset, para in split_paragraphs(comment.text):
            end = offset + len(para)
            local = [(a - offset, b - offset, s) for a, b, s in highlights if a >= offset and b <= end]
            text.append(indent)
            text.append_text(styled(para, local))
            text.append("\n")
        text.append("\n")
    text.rstrip()
    return text
