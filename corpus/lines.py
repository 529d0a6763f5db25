"""What each line of a scraped page is: article text, or page furniture, or page structure.

The rules are generic signals (line shape, code-like text, link-like text, a by-line, a date block)
plus a small set of phrases that sites everywhere use. Nothing here knows one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, auto

from corpus.authors import parse_byline
from corpus.dates import find_date


class Kind(Enum):
    """The role of one line of a page."""

    BLANK = auto()
    TEXT = auto()  # candidate article text (or a title, dek, author name: position decides)
    FURNITURE = auto()  # navigation, ads, share/subscribe/donate blocks, plugs: dropped
    END = auto()  # marks the end of an article's text ("Continue Reading", "Liked it? ...")
    COMMENTS = auto()  # opens the reader-comment area ("Leave a Reply", "12 Comments")
    PUBLISHED = auto()  # "Published", "Published on <date>", "Posted on <date>"
    DATE = auto()  # a line that is only a date (part of a header block)
    BYLINE = auto()  # "By ...", "Authored by ...:"
    TAGS = auto()  # "Posted in a / b", "Tags: a, b", a bare keyword line
    CREDIT = auto()  # "Image: Bloomberg", "(Photo by X/Getty Images)"
    VIA = auto()  # "Via the BBC..." opens reposted text
    PLACEHOLDER = auto()  # "Avatar": an author slot with no author


@dataclass(slots=True)
class Line:
    """One classified line; `indent` keeps leading spaces (comment nesting), `value` what was parsed."""

    text: str
    kind: Kind
    indent: int = 0
    value: object = None


def _phrases(*items: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(items) + r")[\s.!:…»›>|-]*$", re.IGNORECASE)


# Whole lines that are furniture on news sites everywhere.
_FURNITURE = _phrases(
    r"connect with us",
    r"latest(?: news| stories| posts)?",
    r"trending(?: now)?",
    r"videos?",
    r"popular",
    r"most (?:read|popular|viewed)",
    r"related(?: articles| posts| stories| coverage)?",
    r"(?:related|more|also|recent|other|latest) (?:stories |articles |posts )?(?:from|on|in|by) .{1,40}",
    r"read (?:more|next|also)",
    r"you (?:may|might) also like",
    r"recommended(?: for you)?",
    r"advertisement",
    r"advertising",
    r"sponsored(?: content)?",
    r"ad",
    r"share(?: this(?: article| story| post)?)?(?: on \w+)?",
    r"tweet",
    r"email",
    r"print",
    r"copy link",
    r"facebook",
    r"twitter",
    r"whatsapp",
    r"telegram",
    r"linkedin",
    r"reddit",
    r"pinterest",
    r"menu",
    r"search",
    r"home",
    r"skip to (?:main )?content",
    r"close",
    r"subscribe(?: now| today)?",
    r"sign in",
    r"log in",
    r"register",
    r"donate(?: now| today)?",
    r"quick donate",
    r"newsletter",
    r"the .{1,40} newsletter",
    r"sign up(?: for (?:our|the) .{1,40})?",
    r"show more",
    r"load more",
    r"next(?: article| post)?",
    r"previous(?: article| post)?",
    r"back to top",
    r"validating payment information",
    r"waiting for (?:paypal|payment.{0,30})",
    r"amount to donate.*",
    r"donate a .{1,30}",
    r"join our .{1,40}(?:channel|list|community)",
    r"follow us(?: on .{1,30})?",
    r"listen(?: to this article)?",
    r"watch(?: now)?",
    r"play(?: video)?",
    r"audio",
    r"podcast",
    r"euro",
    r"usd",
    r"gbp",
    r"cookie(?:s| settings| policy)",
    r"privacy policy",
    r"terms of (?:use|service)",
    r"all rights reserved",
    r"accept(?: all)?(?: cookies)?",
    r"(?:©|\(c\)|copyright).{0,60}",
)
_END = _phrases(
    r"continue reading",
    r"liked it\? take a second to support .{1,60}",
    r"(?:this|the) (?:article|story) (?:continues|(?:was |first )?originally (?:published|posted|appeared)) .{0,80}",
    # "This article was published on example.com": the line names only where, never what happened
    r"(?:this|the) (?:article|story) was (?:first )?(?:published|posted) (?:on|at|by) "
    r"(?-i:[A-Z0-9]\S*|\S+\.[a-z]{2,}\S*)(?:\s+(?-i:[A-Z&]\S*)){0,5}",
    r"(?:originally )?published (?:at|by|on) .{1,60} (?:under|with) .{1,60}",
)
_COMMENTS = re.compile(
    r"^(?:leave a (?:reply|comment)|click (?:here )?to comment|(?:post|add|write) a comment|join the (?:discussion|conversation)|"
    r"please enter your (?:comment|name(?: here)?|email(?: address)?(?: here)?)|notify of|comments?|"
    r"reader comments|\d+\s+(?:comments?|responses?|replies)(?: so far)?(?: to .{1,120})?|"
    r"comments?\s*\(\d+\)|view comments|show comments|you must be logged in to post a comment)[\s.!:]*$",
    re.IGNORECASE,
)
# A comment's own header: "1. KorsaPatriot88 says:", "Jane wrote:", "KorsaPatriot88 on April 2, 2025 at 9:14 pm"
COMMENT_HEADER = re.compile(
    r"^(?:\d+[.)]\s*)?(?P<author>[^\s:][^:]{0,40}?)\s+(?:says|said|wrote|writes|replied|commented)\s*:?\s*$"
    r"|^(?:\d+[.)]\s*)?(?P<author2>[^\s:][^:]{0,40}?)\s+(?:on\s+)?\S.{0,30}\d{4}\s+at\s+\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*:?$",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"^(?:published|posted|updated|last updated|first published)(?:\s+on)?\s*:?\s*(?P<rest>.*)$", re.IGNORECASE
)
_POSTED_IN = re.compile(r"^(?:posted|filed|published) ?(?:in|under)\s*:?\s*(?P<tags>.+)$", re.IGNORECASE)
_TAGS_LABEL = re.compile(
    r"^(?:tags?|keywords?|topics?|categories|category|filed under)\s*:\s*(?P<tags>.+)$", re.IGNORECASE
)
_CREDIT = re.compile(
    r"^\(?(?:(?:featured |top |header |lead )?(?:image|photo|picture|photograph|illustration|video)(?: credit| source)?s?|credit|source|"
    r"(?:image|photo) (?:by|courtesy(?: of)?))\s*[:/-]\s*\S.{0,100}\)?$"
    r"|^\(?(?:photo|image|picture) by .{2,80}\)?$"
    r"|^.{0,80}/\s*(?:getty images|reuters|afp|ap(?: photo)?|shutterstock|epa|alamy)\)?$",
    re.IGNORECASE,
)
_VIA = re.compile(
    r"^via\s+(?P<outlet>(?:the\s+)?[A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9][\w&'’.-]*){0,4})\s*(?:…|\.{2,}|:)?\s*$",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"^(?:avatar|photo|image|author|admin|profile picture)$", re.IGNORECASE)
# Calls to action: imperatives aimed at the reader about the outlet's channels or money.
_CALL_TO_ACTION = re.compile(
    r"(?:please\s+)?(?:remember to\s+(?:please\s+)?)?(?:support|donate|subscribe|sign up|join|follow|click|share|"
    r"watch|listen|download|like us|get (?:our|the)|check out)\b.{0,140}\b(?:channel|newsletter|podcast|patreon|paypal|"
    r"youtube|soundcloud|telegram|twitter|facebook|instagram|rumble|substack|app|updates|inbox|here|below)\b.{0,40}$",
    re.IGNORECASE,
)
_YOUR_SUPPORT = re.compile(
    r"\byour (?:donations?|support|contributions?) (?:make|keeps?|helps?|allows?)\b", re.IGNORECASE
)
# Only lines with one of these can be code; checking for them first keeps prose off the slow path.
_CODE_CHARS = re.compile(r"[;{}=<]")
_CODE_WORDS = ("//", "window.", "document.", ".push(", "function")
# Code and tracking snippets that scrapers keep: JS calls, URLs on their own, markup remains.
_CODE = re.compile(
    # "window.x" and "function (...) {" are code; "the document." and "gain-of-function (GOF)" are prose
    r"^(?://|https?://)\S+(?:\s.*[;{}()].*)?$|[;{}]\s*$|\bwindow\.\w|\bdocument\.\w|\bfunction\s*\w*\s*\([^()]*\)\s*\{|"
    r"\.push\(|=>|"
    r"^\s*<[a-z/!][^>]*>\s*$|\bvar\s+\w+\s*=",
)
_KEYWORD_ITEM = re.compile(r"^[\w'’.&-]+(?:\s+[\w'’.&-]+){0,5}$")


def split_tags(text: str) -> list[str]:
    """Split a tag line at commas, slashes, pipes or semicolons into trimmed tags."""
    return [t.strip(" .#") for t in re.split(r"\s*[,/|;]\s*", text) if t.strip(" .#")]


def _keyword_line(text: str) -> list[str] | None:
    """A bare keyword line: four or more short comma-separated items and nothing else."""
    if "," not in text or text.endswith((".", "!", "?", ":", "”", '"')):
        return None
    items = [i.strip() for i in text.split(",")]
    if len(items) < 4 or not all(i and _KEYWORD_ITEM.match(i) for i in items):
        return None
    # a sentence with a list in it has lowercase verbs between the commas; keywords are mostly capitalised
    capitalised = sum(1 for i in items if i[0].isupper() or i[0].isdigit())
    mean_words = sum(i.count(" ") + 1 for i in items) / len(items)
    return items if capitalised >= 0.6 * len(items) or (len(items) >= 6 and mean_words <= 3) else None


def _date_only(rest: str) -> bool:
    """What follows "Published on": a date (maybe a time, a by-line), not a sentence that starts with one."""
    words = rest.count(" ") + 1
    return find_date(rest) is not None and words <= 8 and not (words > 4 and rest.endswith((".", "!", "?")))


def _tag_list(tags: str) -> bool:
    """What follows "Posted in": short tags, not the rest of a sentence ("Posted in haste, the note ...")."""
    return not tags.endswith((".", "!", "?", "”", '"')) and all(t.count(" ") < 5 for t in split_tags(tags))


def classify(raw: str, repeated: frozenset[str] = frozenset()) -> Line:
    """Classify one raw line of a page. `repeated` holds lines seen across many pages of the outlet."""
    stripped = raw.strip()
    indent = len(raw) - len(raw.lstrip(" \t"))
    text = " ".join(stripped.split())
    if not text:
        return Line("", Kind.BLANK)
    words = text.count(" ") + 1
    short = words <= 30
    if short and (m := _PUBLISHED.match(text)) and (not m.group("rest") or _date_only(m.group("rest"))):
        return Line(text, Kind.PUBLISHED, indent, find_date(m.group("rest")))
    if text.lower() == "on":  # the second half of "Published / on" blocks
        return Line(text, Kind.PUBLISHED, indent)
    if short and (m := _POSTED_IN.match(text)) and _tag_list(m.group("tags")):
        return Line(text, Kind.TAGS, indent, split_tags(m.group("tags")))
    if short and (m := _TAGS_LABEL.match(text)):
        return Line(text, Kind.TAGS, indent, split_tags(m.group("tags")))
    if short and _END.match(text):
        return Line(text, Kind.END, indent)
    if short and (_COMMENTS.match(text) or (COMMENT_HEADER.match(text) and not text.endswith("."))):
        return Line(text, Kind.COMMENTS if _COMMENTS.match(text) else Kind.TEXT, indent)
    if words <= 12 and (names := parse_byline(text)):
        return Line(text, Kind.BYLINE, indent, names)
    if words <= 8 and (m := _VIA.match(text)) and text[:3].lower() == "via":
        return Line(text, Kind.VIA, indent, m.group("outlet"))
    if short and _PLACEHOLDER.match(text):
        return Line(text, Kind.PLACEHOLDER, indent)
    if short and (
        _FURNITURE.match(text)
        or _CALL_TO_ACTION.match(text)
        or ("your " in text.lower() and _YOUR_SUPPORT.search(text))
    ):
        return Line(text, Kind.FURNITURE, indent)
    if (_CODE_CHARS.search(text) or any(w in text for w in _CODE_WORDS)) and _CODE.search(text):
        return Line(text, Kind.FURNITURE, indent)
    if short and _CREDIT.match(text):
        return Line(text, Kind.CREDIT, indent)
    if words <= 8 and find_date(text) and len(re.sub(r"[\W\d_]+", "", text)) <= 16:
        return Line(text, Kind.DATE, indent, find_date(text))
    if re.fullmatch(r"[\d\s.,$€£%+-]+", text):  # "5 100", "10 20 50": amount pickers and counters
        return Line(text, Kind.FURNITURE, indent)
    if (tags := _keyword_line(text)) is not None:
        return Line(text, Kind.TAGS, indent, tags)
    if text in repeated:
        return Line(text, Kind.FURNITURE, indent, "repeated")
    return Line(text, Kind.TEXT, indent)
