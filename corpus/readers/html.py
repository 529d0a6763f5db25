"""Saved HTML article pages: the article and its metadata by trafilatura, comments kept apart."""

from __future__ import annotations

import re

from corpus.authors import normalize_authors
from corpus.comments import parse_comments
from corpus.dates import parse_date
from corpus.lines import classify, split_tags
from corpus.pages import strip_furniture
from corpus.readers import ReadError, Record
from corpus.readers.html_comments import extract_comments
from corpus.text import clean_inline, normalize_body


def _strip_site_suffix(title: str, site: str | None) -> str:
    """"Headline | The Site" or "Headline - The Site" to "Headline"."""
    if site:
        title = re.sub(rf"\s*[|–—:-]\s*{re.escape(site)}\s*$", "", title, flags=re.IGNORECASE)
    return title


def read_html(text: str) -> list[Record]:
    """One article from a saved page; ReadError when trafilatura finds no article in it."""
    import trafilatura  # ~0.3 s to import: paid only when there is HTML to read
    from trafilatura.utils import load_html

    try:
        tree = load_html(text)
        if tree is None:
            raise ReadError("not an HTML page")
        marked_comments = extract_comments(tree)  # before trafilatura, which prunes the tree
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=True, include_tables=False, favor_precision=True
        )
    except ReadError:
        raise
    except Exception as exc:  # trafilatura raises lxml and value errors on pathological markup
        raise ReadError(f"could not parse the HTML ({type(exc).__name__}: {exc})") from None
    if document is None or not (document.text or "").strip():
        raise ReadError("no article text found in the HTML page")
    site = clean_inline(document.sitename or "") or None
    body = strip_furniture(normalize_body((document.text or "").replace("\n", "\n\n")))
    comments = marked_comments or parse_comments(
        [line for raw in (document.comments or "").split("\n") for line in (classify(raw), classify(""))]
    )
    tags = [t for field in (document.categories, document.tags) for t in (field or []) for t in split_tags(t)]
    title = clean_inline(document.title or "")
    return [
        Record(
            title=_strip_site_suffix(title, site) or None,
            body=body,
            outlet=site,
            url=document.url,
            date=parse_date(document.date),
            authors=normalize_authors(document.author.split(";") if document.author else []),
            tags=list(dict.fromkeys(clean_inline(t) for t in tags if clean_inline(t))),
            comments=comments,
            signed_text=text if not site else "",
        )
    ]
