"""Finding person names in one sentence: capitalised runs, the titles before them, and what is not a name.

A name candidate is a run of capitalised words (with particles such as "van der" and initials inside,
hyphenated parts like "Jong-un"). Titles at its head ("Prime Minister", "French President") are split
off; places, nationalities, organisations and ordinary sentence-initial words are kept out. Whether a
one-word candidate ("Voss", "Kim") is a person is decided later, against the full names the article
and the corpus know (`corpus.people`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from corpus.lexicon import DAYS, DIRECTIONS, HYPHEN_PREFIXES, MONTHS, NEVER_NAMES, PARTICLES, STOP_WORDS, Lexicon
from corpus.model import pickled_as_tuple

# Words, with apostrophes and hyphens inside; dotted acronyms; numbers; any other single character.
# Each token comes with the space before it, so offsets follow from lengths (findall is much faster
# than building a match object per token).
_TOKEN = re.compile(
    r"(\s*)("
    r"(?:[A-Za-z]\.){2,}"
    r"|[^\W\d_]\w*(?:[-'’][^\W\d_]\w*)*(?:['’](?![^\W\d_]))?"  # a hyphen or apostrophe joins letters
    r"|\d[\d,.:]*\w*"
    r"|\S"
    r")"
)
_APOSTROPHES = ("'", "’")
_APOSTROPHE_S = ("'s", "’s")


def _possessive_at(word: str) -> int:
    """Where a possessive ending starts ("Voss's", "Voss’", "Jones'"), or -1. (endswith, not a regex
    search: a search anchored at the end still tries every position, 64 times an article.)"""
    if word.endswith(_APOSTROPHE_S):
        return len(word) - 2
    if word.endswith(_APOSTROPHES) and word[-2:-1] == "s":
        return len(word) - 1
    return -1


@pickled_as_tuple
@dataclass(slots=True)
class Tokens:
    """A sentence as tokens: text and character offsets into the sentence."""

    text: list[str]
    start: list[int]
    end: list[int]

    def __len__(self) -> int:
        return len(self.text)


def tokenize(sentence: str) -> Tokens:
    """The tokens of one sentence (punctuation characters are tokens of their own)."""
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for space, token in _TOKEN.findall(sentence):
        position += len(space)
        texts.append(token)
        starts.append(position)
        position += len(token)
        ends.append(position)
    return Tokens(texts, starts, ends)


@dataclass(slots=True)
class Candidate:
    """A possible person name in a sentence.

    `first`/`last` are token indexes of the name (inclusive/exclusive); `head` is where the title
    words split off the run begin (== `first` when there are none). `evidence` says why it is a person
    ("title", "role", "multiword"), or is empty when only a known full name can confirm it.
    """

    first: int
    last: int
    head: int
    words: tuple[str, ...]
    evidence: str = ""
    possessive: bool = False
    title_words: tuple[str, ...] = field(default_factory=tuple)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A key for comparing spellings: no accents, no case, hyphens and dots as spaces.

    "Kim Jong-un" and "Kim Jong Un", "Orbán" and "Orban", "Tomás" and "Tomas" fold alike.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("’", "'").replace("‐", "-").casefold()
    plain = re.sub(r"[-.]", " ", plain)
    return " ".join(plain.split())


def is_capitalised(word: str) -> bool:
    """A word that can be part of a name: capital first letter, not an all-capitals acronym."""
    if not word[0].isupper():
        return word.lower().startswith(HYPHEN_PREFIXES) and len(word) > 4 and word[word.index("-") + 1].isupper()
    return not word[1:].isupper()  # NATO, CNN, U.S.: acronyms


def is_title_case(tokens: Tokens, lower_vocabulary: frozenset[str] | set[str] = frozenset()) -> bool:
    """A headline in Title Case, where capitals say nothing about names.

    Most longer words are capitalised, and so is at least one ordinary word after the first ("As",
    "The", "Deal" when the article also writes "deal"), which a name-dense sentence does not do.
    """
    if len(tokens.text) > 20 or tokens.text[-1] == ".":
        return False  # headlines and subheads are short, and do not end with a full stop
    words = [t for t in tokens.text if len(t) > 3 and t[0].isalpha()]
    if len(words) < 3:
        return False
    capitalised = sum(1 for t in words if t[0].isupper())
    if capitalised / len(words) < 0.7:
        return False
    start = _sentence_start(tokens.text)
    return any(
        t[0].isupper() and (t.lower() in STOP_WORDS or t.lower() in lower_vocabulary)
        for t in tokens.text[start + 1 :]
        if t[0].isalpha()
    )


def find_candidates(tokens: Tokens, lex: Lexicon, lower_vocabulary: frozenset[str] | set[str]) -> list[Candidate]:
    """Name candidates in a sentence, in order, with titles split off and non-names dropped.

    `lower_vocabulary` holds words the article also uses in lower case: a capitalised word at the
    start of a sentence that is among them ("Strip", "Sources") is an ordinary word.
    """
    found: list[Candidate] = []
    texts = tokens.text
    n = len(texts)
    end = 0
    start = _sentence_start(texts)
    # (Lower-case name starts are particles and hyphenated prefixes: "-" is tested before slicing.)
    for i in [
        k for k, w in enumerate(texts) if w[0].isupper() or w in PARTICLES or ("-" in w and w[:3] in _PREFIX_HEADS)
    ]:
        if i < end or not _starts_name(texts, i):
            continue
        j = i + 1
        while j < n and _possessive_at(texts[j - 1]) < 0:
            word = texts[j]
            if word[0].isalpha() and is_capitalised(word) and not _adjacent_gap(tokens, j):
                j += 1
            elif word == "." and len(texts[j - 1]) == 1 and texts[j - 1].isupper() and j + 1 < n:
                j += 1  # an initial: "Donald J. Trump"
            elif word.lower() in PARTICLES and _particle_leads_to_name(texts, j):
                j += 1
            else:
                break
        end = j
        if j == i + 1 and texts[i].lower() in NEVER_NAMES:
            continue  # "The", "But": the commonest capitalised words, never a one-word name
        if (
            i >= 2
            and texts[i - 1] in {"for", "of"}
            and texts[i - 2][0].isupper()
            and texts[i - 2].lower() not in lex.titles
        ):
            continue  # the tail of an institution's name: "Centers for Disease Control", "Bank of Veldmark"
        candidate = _candidate(tokens, i, j, start, lex, lower_vocabulary)
        if candidate is not None:
            found.append(candidate)
    return found


_PREFIX_HEADS = frozenset(prefix[:3] for prefix in HYPHEN_PREFIXES)
_MONTHS_OR_DAYS = MONTHS | DAYS
_CONTRACTIONS = ("n't", "n’t", "'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll")


def _starts_name(texts: list[str], i: int) -> bool:
    word = texts[i]
    first = word[0]
    if first.isupper():
        return first.isalpha() and is_capitalised(word)
    if not first.isalpha():
        return False
    if word in PARTICLES:
        return _particle_leads_to_name(texts, i)
    return first in "ae" and is_capitalised(word)  # "al-Assad", "el-Sisi"


def _particle_leads_to_name(texts: list[str], i: int) -> bool:
    j = i
    while j < len(texts) and texts[j].lower() in PARTICLES:
        j += 1
    return j < len(texts) and j - i <= 3 and texts[j][0].isupper() and is_capitalised(texts[j])


def _adjacent_gap(tokens: Tokens, j: int) -> bool:
    """True when more than plain space separates token j from the one before (a line break, say)."""
    return tokens.start[j] - tokens.end[j - 1] > 1


def _candidate(
    tokens: Tokens, i: int, j: int, start: int, lex: Lexicon, lower_vocabulary: frozenset[str] | set[str]
) -> Candidate | None:
    """The candidate for the capitalised run i:j, or None; `start` is where the sentence's first word is."""
    texts = tokens.text
    index = [k for k in range(i, j) if texts[k] != "."]
    words = [texts[k] for k in index]
    cut_at = _possessive_at(words[-1])
    possessive = cut_at >= 0
    if possessive:
        words[-1] = words[-1][:cut_at]
    # Sentence-initial ordinary words: "But Voss", "Yesterday Ilves", "Strip away". A lone "May" or
    # "Will" stays: it is a name if the article knows "Theresa May". (Once: what follows is not initial.)
    first = words[0].lower()
    if (
        index[0] == start
        and (len(words) > 1 or first in NEVER_NAMES or first not in STOP_WORDS)
        and first not in PARTICLES
        and (first in STOP_WORDS or first in lower_vocabulary or first in lex.verb_forms)
    ):
        words.pop(0)
        index.pop(0)
    # Month and day names in front or behind: "Monday Voss", "Twitter Friday".
    while len(words) > 1 and words[0].lower() in _MONTHS_OR_DAYS:
        words.pop(0)
        index.pop(0)
    while len(words) > 1 and words[-1].lower() in DAYS:
        words.pop()
        index.pop()
    if not words:
        return None
    if len(words[0]) == 1 and (index[0] + 1 >= len(texts) or texts[index[0] + 1] != "."):
        return None  # "U.S.S Donald Cook": a stray letter, not an initial
    if any(w.endswith(_CONTRACTIONS) for w in words) or (index[0] > 0 and texts[index[0] - 1] == "@"):
        return None  # "Don't"; "@Frida L." is a commenter's handle
    lowered = [w.lower().replace("’", "'") for w in words]
    # Titles: split at the last title word that is followed by something.
    cut = -1
    for k, word in enumerate(lowered[:-1]):
        bare = word.rstrip(".")
        strong = (
            bare in lex.titles
            or bare in lex.honorifics
            or (bare.endswith("s") and bare[:-1] in lex.titles)  # "Senators Tim Scott and ..."
            or ("-" in bare and any(p in lex.titles for p in bare.split("-")))  # "Editor-in-Chief"
        )
        if strong or (bare in lex.weak_titles and all(_descriptive(w, lex) for w in lowered[:k])):
            cut = k
    head = index[0]
    title_words: tuple[str, ...] = ()
    evidence = ""
    if cut >= 0:
        title_words = tuple(words[: cut + 1])
        words, index, lowered = words[cut + 1 :], index[cut + 1 :], lowered[cut + 1 :]
        evidence = "title"
    # A leading nationality, place or institution is a descriptor: "Hungarian Viktor Orban",
    # "(Secretary of) State Mike Pompeo".
    while len(words) > 2 and (
        lowered[0] in lex.demonyms or lowered[0] in lex.places or lowered[0] in lex.organisation_words
    ):
        title_words = (*title_words, words[0])
        words, index, lowered = words[1:], index[1:], lowered[1:]
    while len(words) > 1 and (lowered[0] in lex.demonyms or lowered[0] in lex.places):
        title_words = (*title_words, words[0])
        words, index, lowered = words[1:], index[1:], lowered[1:]
    name = " ".join(lowered)
    bare_last = lowered[-1].rstrip(".")
    if bare_last in lex.titles or bare_last in lex.honorifics or bare_last in lex.roles:
        return None  # "Prime Minister", "Finance Minister" with no name after them
    if name in lex.places or name in lex.demonyms or name in lex.organisation_words:
        return None
    if not lex.organisation_words.isdisjoint(lowered):
        return None
    if len(words) > 1 and (all(w in lex.places or w in lex.demonyms for w in lowered) or lowered[-1] in lex.demonyms):
        return None  # "North Korea", "Vaccinated Americans"
    if len(words) == 2 and lowered[0] in DIRECTIONS and lowered[1] in lex.places:
        return None  # "West Texas"
    if len(words) == 1:
        if not evidence and (lowered[0] in NEVER_NAMES or lowered[0] in DAYS):
            return None  # a month or "Will" may still be a surname the article knows ("Theresa May")
        if lowered[0] in lex.titles or lowered[0] in lex.honorifics or lowered[0] in lex.weak_titles:
            return None
    elif not evidence:
        if any(w in NEVER_NAMES for w in lowered) or all(w in lower_vocabulary for w in lowered):
            return None
        # "Sadiq Khan" starts with a given name; "Rite Aid", "Friendship Park" do not, and stay "weak"
        # until something else shows they are people (a title, a label, a verb, the corpus).
        # A particle opening the run is a surname too: "Le Pen", "De Gaulle", "Van der Kolk".
        evidence = "multiword" if lowered[0] in lex.given_names or lowered[0] in PARTICLES else "weak"
    if evidence in ("", "weak") and index[0] > 0 and texts[index[0] - 1].lower() in lex.roles:
        evidence = "role"
    if len(words) > 6:
        return None
    return Candidate(
        first=index[0],
        last=index[-1] + 1,
        head=head,
        words=tuple(words),
        evidence=evidence,
        possessive=possessive,
        title_words=title_words,
    )


def _sentence_start(texts: list[str]) -> int:
    """The index of the first word (after opening quotes, bullets or dashes)."""
    for k, word in enumerate(texts):
        if word[0].isalnum():
            return k
    return 0


def _descriptive(word: str, lex: Lexicon) -> bool:
    return word in lex.demonyms or word in lex.places or word in lex.titles or word in lex.weak_titles
