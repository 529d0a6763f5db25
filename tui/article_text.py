"""Articles as rich Text for the screen. Article text is data: it is only ever put into `Text` as
plain strings, so markup-like text ("[bold]") shows literally; escapes were stripped when read."""

from __future__ import annotations

from rich.text import Text

from corpus import Article, Comment


def meta_line(article: Article) -> Text:
    """Outlet · date · authors, for headers and lists."""
    parts = [article.outlet, article.date.isoformat() if article.date else "undated"]
    if article.authors:
        parts.append(", ".join(article.authors))
    return Text(" · ".join(parts), style="dim")


def article_header(article: Article) -> Text:
    """The title in bold, then the meta line and tags."""
    text = Text(article.title, style="bold")
    text.append("\n")
    text.append_text(meta_line(article))
    if article.tags:
        text.append("\n")
        text.append("tags: " + ", ".join(article.tags), style="italic dim")
    return text


def article_body(article: Article) -> Text:
    """The body paragraphs with reposted ("via") blocks put back where they stood, marked as such."""
    text = Text()
    paragraphs = article.paragraphs
    via_at: dict[int, list[int]] = {}
    for n, block in enumerate(article.via):
        via_at.setdefault(block.at, []).append(n)
    for index in range(len(paragraphs) + 1):
        for n in via_at.get(index, []):
            block = article.via[n]
            text.append(f"── reposted from {block.outlet} ──\n", style="bold italic")
            for para in block.text.split("\n\n"):
                text.append("│ " + para + "\n\n", style="italic")
        if index < len(paragraphs):
            text.append(paragraphs[index] + "\n\n")
    text.rstrip()
    return text


def comments_text(comments: list[Comment]) -> Text:
    """Reader comments, indented by reply depth, each under its author."""
    text = Text()
    for comment in comments:
        indent = "    " * comment.depth
        text.append(indent + (comment.author or "anonymous") + "\n", style="bold")
        for para in comment.text.split("\n\n"):
            text.append(indent + para + "\n")
        text.append("\n")
    text.rstrip()
    return text
