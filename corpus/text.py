"""Text hygiene shared by every reader: article text is data, never markup or terminal control."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# ESC-introduced sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks), DCS/SOS/PM/APC
# strings, and two-byte escapes. Removed whole, so no fragment of one reaches a terminal.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                    # CSI
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?       # OSC, ended by BEL or ST (or cut off)
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?            # DCS, SOS, PM, APC
    | \x1b[@-Z\\-_]                            # other two-byte escapes
    | \x9b[0-?]*[ -/]*[@-~]                    # 8-bit CSI
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls, and invisible characters that can reorder or
# hide text on screen (bidi overrides and isolates, zero-width space, BOM).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def sanitize(text: str) -> str:
    """Remove terminal escapes and control characters; normalise line ends and Unicode (NFC)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_inline(text: str) -> str:
    """Sanitise a one-line field (title, author, tag): no newlines, single spaces, trimmed."""
    return _SPACES.sub(" ", sanitize(text).replace("\n", " ")).strip()


def clean_line(line: str) -> str:
    """Collapse runs of whitespace (any Unicode space, newlines too) to one space and trim."""
    return " ".join(line.split())


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs with one blank line, dropping empty ones."""
    return "\n\n".join(p for p in (clean_line(p) for p in paragraphs) if p)


def normalize_body(text: str) -> str:
    """Sanitise free text from structured input into blank-line separated paragraphs.

    Lines inside a paragraph are joined; runs of blank lines become one.
    """
    blocks = _BLANK_LINES.sub("\n\n", sanitize(text)).split("\n\n")
    return join_paragraphs(blocks)  # collapsing whitespace joins a paragraph's lines too


def text_hash(*parts: str) -> str:
    """A short hash of text with case and spacing folded, to recognise the same article twice."""
    folded = " ".join(" ".join(parts).casefold().split())
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:16]


def word_count(text: str) -> int:
    """Words as whitespace-separated tokens; good enough for thresholds and statistics."""
    return len(text.split())
