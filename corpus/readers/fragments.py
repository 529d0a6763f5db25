"""HTML fragments (feed content, HTML inside JSON fields) to paragraphs, with the stdlib parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from corpus.text import join_paragraphs, sanitize

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "tr",
    "pre",
    "figure",
    "ul",
    "ol",
    "table",
    "hr",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "figcaption", "button", "form"}
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|br|div|span|a|em|strong|b|i|li|h[1-6])\b[^>]*>", re.IGNORECASE)


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _break(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self._break()
            if tag == "li":
                self.current.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def looks_like_html(text: str) -> bool:
    """Whether a text field holds HTML markup rather than plain text."""
    return bool(_LOOKS_LIKE_HTML.search(text))


def html_to_text(fragment: str) -> str:
    """Paragraphs of an HTML fragment, blank-line separated; scripts, styles and captions dropped."""
    parser = _Paragraphs()
    parser.feed(fragment)
    parser.close()
    parser._break()
    # character references (&#27;) and raw control characters in the fragment come out here
    return join_paragraphs([sanitize(p) for p in parser.paragraphs])
