"""Reader comments from a page's markup: items marked `class="comment"` or `id="comment-N"`, as
WordPress and most CMSs write them, each with its author element and text, nested replies by depth."""

from __future__ import annotations

import re
from typing import Any

from corpus.model import Comment
from corpus.text import clean_inline, join_paragraphs

_ITEM_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' comment ')"
    " or re:test(@id, '^(?:comment|div-comment)-[0-9]+$')]"
)
_NS = {"re": "http://exslt.org/regular-expressions"}
_AUTHOR = re.compile(r"(?:^|[-_\s])(?:author|fn|username|user-name|commenter|name)(?:$|[-_\s])", re.IGNORECASE)
_META = re.compile(r"(?:meta|date|time|reply|actions|avatar|vote|footer)", re.IGNORECASE)
_SAYS = re.compile(r"\s+(?:says|said|wrote|writes)\s*:?\s*$", re.IGNORECASE)
_TEXT = re.compile(r"(?:content|body|text|message)", re.IGNORECASE)


def _classes(element: Any) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


def _own_elements(item: Any, items: set[Any]) -> list[Any]:
    """Descendants of a comment item that are not inside a nested reply."""
    found = []
    stack = list(item)
    while stack:
        element = stack.pop(0)
        if element in items:
            continue
        found.append(element)
        stack[0:0] = list(element)
    return found


def _text_of(element: Any, skip: set[Any]) -> str:
    """The text of an element without the subtrees in `skip` (author, date and reply links, replies)."""
    parts = [element.text or ""]
    for child in element:
        if child not in skip and isinstance(child.tag, str):
            inner = _text_of(child, skip)
            parts.append(f" {inner} " if child.tag in _BLOCK_TAGS else inner)
        parts.append(child.tail or "")
    return "".join(parts)


_BLOCK_TAGS = {"p", "div", "br", "li", "blockquote", "article", "section", "footer", "header", "ol", "ul", "pre"}


def extract_comments(tree: Any) -> list[Comment]:
    """The comments marked up in an lxml HTML tree, in page order; none when the page marks none.

    Sites often mark one comment twice (WordPress: `li.comment > article.comment-body`); an item
    with no text of its own stands for the first item inside it, so nesting depth counts comments,
    not wrappers.
    """
    items = tree.xpath(_ITEM_XPATH, namespaces=_NS)
    item_set = set(items)
    found: dict[Any, Comment] = {}
    for item in items:
        own = _own_elements(item, item_set)
        author_el = next((e for e in own if _AUTHOR.search(_classes(e))), None)
        author = clean_inline(author_el.text_content()) if author_el is not None else ""
        author = _SAYS.sub("", author)
        skip = {author_el} if author_el is not None else set()
        for element in own:
            if _META.search(_classes(element)) and element is not author_el:
                skip.add(element)
        text_els = [e for e in own if _TEXT.search(_classes(e)) and e not in skip]
        if not text_els:
            text_els = [e for e in own if e.tag == "p" and not any(a in skip for a in e.iterancestors())]
        text_els = [e for e in text_els if not any(a in text_els for a in e.iterancestors())]
        # without the author, date and reply links a wrapper (`article.comment-body`) may hold
        paragraphs = [" ".join(_text_of(e, skip | item_set).split()) for e in text_els if e not in skip]
        text = join_paragraphs(paragraphs)
        if not text:
            continue
        found[item] = Comment(text=text, author=author or None)

    def identity(item: Any) -> Any:
        while item not in found:
            inner = next((e for e in item.iterdescendants() if e in item_set), None)
            if inner is None:
                return item
            item = inner
        return item

    comments = []
    for item, comment in found.items():
        me = identity(item)
        depth = len({identity(a) for a in item.iterancestors() if a in item_set} - {me})
        comments.append(Comment(text=comment.text, author=comment.author, depth=depth))
    return comments
