"""Which outlet an article is from, from the evidence a file offers, most explicit first.

Order (design.md): an explicit `--outlet`, a field of structured input, the site of the URL, the
folder the file sits in under the import root, a signature in the text. Nothing found is "unknown":
never a guess presented as fact.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from corpus.model import UNKNOWN_OUTLET
from corpus.text import clean_inline

# Sites whose display name cannot be read off the host name. Anything else shows its host
# (without "www."), which is exact if not pretty.
KNOWN_SITES = {
    "apnews.com": "AP News",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "breitbart.com": "Breitbart",
    "cnn.com": "CNN",
    "foxnews.com": "Fox News",
    "huffpost.com": "HuffPost",
    "nytimes.com": "New York Times",
    "rt.com": "RT",
    "reuters.com": "Reuters",
    "theduran.com": "The Duran",
    "theguardian.com": "The Guardian",
    "usatoday.com": "USA Today",
    "washingtonpost.com": "Washington Post",
    "wsj.com": "Wall Street Journal",
}

_NAME = r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&'’.-]*){0,4})"
_SIGNATURES = [
    re.compile(rf"\b[Ss]upport\s+{_NAME}\s+on\s+(?:Patreon|PayPal|Substack)"),
    re.compile(rf"\bsubscribe\s+to\s+{_NAME}(?:'s|’s)\s+(?:YouTube|Channel|Newsletter|Podcast)", re.IGNORECASE),
    re.compile(
        rf"(?:©|\(c\)|\bcopyright\b)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*,?\s*)?(?:by\s+)?{_NAME}", re.IGNORECASE
    ),
]
_SIGNATURE_STOP = {"all", "rights", "reserved", "inc", "ltd", "llc"}


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL's site names: a known display name, else the host without "www."."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
    for site, name in KNOWN_SITES.items():
        if host == site or host.endswith("." + site):
            return name
    return host


def outlet_from_folder(path: PurePath, root: PurePath) -> str | None:
    """The first folder under the import root that holds the file, read as an outlet name.

    "patriot-dispatch" reads as "Patriot Dispatch" and "bbc" as "BBC"; a name with capitals or
    spaces is kept as written.
    """
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return None
    if len(parts) < 2:
        return None
    folder = parts[0].strip()
    if not folder or folder.startswith("."):
        return None
    if folder.islower() or folder.isdigit():
        words = re.split(r"[-_\s]+", folder)
        folder = " ".join(w.upper() if len(w) <= 3 and len(words) == 1 else w.capitalize() for w in words if w)
    else:
        folder = re.sub(r"[_]+", " ", folder)
    return clean_inline(folder) or None


def outlet_from_signature(text: str) -> str | None:
    """An outlet that signs the text: "support The Duran on Patreon", "(c) 2024 Example Daily"."""
    for pattern in _SIGNATURES:
        for match in pattern.finditer(text):
            words = match.group("name").split()
            while words and words[-1].lower().strip(".,") in _SIGNATURE_STOP:
                words.pop()
            name = " ".join(words).rstrip(".,’'")
            if len(name) >= 2 and not name.isdigit():
                return name[0].upper() + name[1:]
    return None


def resolve_outlet(
    explicit: str | None = None,
    field: str | None = None,
    url: str | None = None,
    folder: str | None = None,
    text: str | None = None,
) -> str:
    """Apply the evidence in order of precedence; "unknown" when there is none."""
    for candidate in (explicit, field, outlet_from_url(url), folder):
        if candidate and clean_inline(candidate):
            return clean_inline(candidate)
    if text:
        signed = outlet_from_signature(text)
        if signed:
            return signed
    return UNKNOWN_OUTLET
