"""Lines that repeat across many pages of one outlet are that site's furniture, whatever they say.

This catches site-specific furniture no phrase list knows ("Donate a quick 10 spot!", a site's
menu) without a rule per site. Learned per folder of page files, from what the pages share.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from corpus.authors import is_name

MIN_PAGES = 3  # below this, nothing repeats meaningfully
MIN_SHARE = 0.3  # a line on at least this share of the folder's pages is furniture
MAX_LINE = 300  # longer lines are paragraphs of text, even when syndicated twice


def repeated_lines(pages: Iterable[str]) -> frozenset[str]:
    """The lines (whitespace-normalised) found on at least MIN_SHARE of `pages`, and on MIN_PAGES.

    Name-shaped lines are kept out: an author's name repeats across their pages but is not furniture.
    """
    counts: Counter[str] = Counter()
    total = 0
    for text in pages:
        total += 1
        counts.update({" ".join(line.split()) for line in text.split("\n") if 0 < len(line.strip()) <= MAX_LINE})
    if total < MIN_PAGES:
        return frozenset()
    threshold = max(MIN_PAGES, MIN_SHARE * total)
    return frozenset(line for line, n in counts.items() if n >= threshold and not is_name(line))
