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
    """ "Headline | The Site" or "Headline - The Site" to "Headline"."""
    if site:
        title = re.sub(rf"\s*[|–—:-]\s*{re.escape(site)}\s*$", "", title, flags=re.IGNORECASE)
    return title


_CHARREF = re.compile(r"&#(?:[xX](?P<hex>[0-9a-fA-F]{1,8})|(?P<dec>[0-9]{1,10}));?")


def _drop_control_refs(text: str) -> str:
    """Remove character references to control characters (`&#27;` is ESC): they are never text, and
    lxml's handling of them can make trafilatura drop the whole page."""

    def replace(match: re.Match[str]) -> str:
        code = int(match.group("hex"), 16) if match.group("hex") else int(match.group("dec"))
        control = (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or 0x7F <= code <= 0x9F
        return "" if control else match.group(0)

    return _CHARREF.sub(replace, text)


def _without_title(body: str, title: str) -> str:
    """The body without its first paragraph when that is the headline again (the page's <h1>)."""
    first, _, rest = body.partition("\n\n")
    if title and rest and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return body


def read_html(text: str) -> list[Record]:
    """One article from a saved page; ReadError when trafilatura finds no article in it."""
    import trafilatura  # ~0.3 s to import: paid only when there is HTML to read
    from trafilatura.utils import load_html

    try:
        tree = load_html(_drop_control_refs(text))
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
    if isinstance(document, dict):  # only with as_dict=True; typed as a possibility all the same
        raise ReadError("unexpected result from the HTML extractor")
    if document is None or not (document.text or "").strip():
        raise ReadError("no article text found in the HTML page")
    site = clean_inline(document.sitename or "") or None
    body = strip_furniture(normalize_body((document.text or "").replace("\n", "\n\n")))
    comments = marked_comments or parse_comments(
        [line for raw in (document.comments or "").split("\n") for line in (classify(raw), classify(""))]
    )
    tags = [t for field in (document.categories, document.tags) for t in (field or []) for t in split_tags(t)]
    title = _strip_site_suffix(clean_inline(document.title or ""), site)
    body = _without_title(body, title)
    return [
        Record(
            title=title or None,
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
