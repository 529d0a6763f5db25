"""The word lists people extraction runs on: data files in `corpus/data/`, and closed-class English words.

The data files are meant to be extended by users of newsframe (reporting verbs above all); the closed
classes below are the grammar of English and live in code. Everything is loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The package's own folder, not importlib.resources: that costs 8 ms of imports in every process, and
# newsframe is installed as files (pip, editable or not), never zipped.
DATA = Path(__file__).parent / "data"

VERB_CLASSES = ("neutral", "distancing", "conceding", "charged", "positive")

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
POSSESSIVE_DETERMINERS = frozenset({"our", "his", "her", "their", "its", "my", "your"})
PREPOSITIONS = frozenset(
    """
    about above across after against along amid among around as at before behind below beneath beside of
    besides between beyond by despite down during except for from in inside into like near off on onto
    out outside over past per since than through throughout till to toward towards under unlike until
    up upon via with within without
    """.split()
)
CONJUNCTIONS = frozenset("and but or nor so yet because although though while whereas if unless when whether".split())
RELATIVES = frozenset("who whom whose which that where".split())
PRONOUNS = frozenset(
    "i you he she it we they me him us them myself himself herself itself ourselves themselves one".split()
)
BE = frozenset("is was are were be been being am 's".split())
COPULAS = frozenset("is was are were remains remained became becomes".split())
AUXILIARIES = frozenset(
    "has have had did does do would will could can should may might must also then again later now once".split()
    + "still already previously repeatedly recently yesterday today publicly privately openly never".split()
    + "since just first further earlier quickly immediately swiftly long".split()
)
# Capitalised at the start of a sentence these are ordinary words, never the first word of a name.
STOP_WORDS = (
    DETERMINERS
    | POSSESSIVE_DETERMINERS
    | PREPOSITIONS
    | CONJUNCTIONS
    | RELATIVES
    | PRONOUNS
    | BE
    | AUXILIARIES
    | frozenset(
        """
        not no yes all both each every some neither either any many much more most few several such what why how there
        here meanwhile however instead even only just indeed perhaps maybe thus hence therefore
        nevertheless last next first second third new old former late said says according asked told
        please thanks thank dear hello hi oh well ok okay sorry good great breaking exclusive watch
        read video photo photos update updated analysis opinion comment editorial live nobody everyone
        someone anyone firstly secondly thirdly finally lastly additionally frankly honestly clearly
        obviously sadly luckily unfortunately fortunately interestingly ironically notably whatever
        whoever whenever wherever however tonight tomorrow anything everything something nothing
        """.split()
    )
)
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
    + "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Stop words that are never a name or part of one ("May", "Will", "Hope" can be).
NEVER_NAMES = STOP_WORDS - AUXILIARIES - MONTHS
# Lower-case words that can sit inside a name: "Ursula von der Leyen", "Rio de Janeiro".
# "West Texas", "Northern Ireland": a direction before a place is a place.
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central upper lower greater new".split()
)
PARTICLES = frozenset("van von der den de del della di da dos das du le la ter ten bin ibn al el y zu".split())
# Arabic-style prefixes joined by a hyphen: "al-Assad" starts lower-case but is a name.
HYPHEN_PREFIXES = ("al-", "el-", "ad-", "ar-", "as-", "an-", "ash-", "at-", "az-", "bin-", "ibn-", "abu-")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list, lower-cased, as sets for fast membership tests."""

    honorifics: frozenset[str]
    titles: frozenset[str]
    weak_titles: frozenset[str]
    roles: frozenset[str]
    participles: frozenset[str]
    places: frozenset[str]
    demonyms: frozenset[str]
    organisation_words: frozenset[str]
    given_names: frozenset[str]  # words that start personal names ("Sergei", and "Kim" of "Kim Jong-un")
    verb_forms: dict[str, tuple[str, ...]]  # an inflected first word -> lemmas it can belong to
    verb_class: dict[str, str]  # lemma ("lash out") -> class


@cache
def honorifics() -> frozenset[str]:
    """The honorifics alone ("Mr", "Dr", "Sen."): looking a name up needs only these (the lexicon is 8 ms)."""
    return _lower(_titles()["honorifics"])


@cache
def verb_classes() -> dict[str, str]:
    """Each reporting verb's lemma ("lash out") -> its class: a comparison's summary needs only these."""
    verbs = _verbs()
    return {lemma.lower(): name for name in VERB_CLASSES for lemma in verbs["classes"].get(name, [])}


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded from `corpus/data/` on first use."""
    titles = _titles()
    verbs = _verbs()
    verb_class = verb_classes()
    irregular: dict[str, list[str]] = {k.lower(): v for k, v in verbs.get("irregular", {}).items()}
    verb_forms: dict[str, set[str]] = {}
    for lemma in verb_class:
        head = lemma.split()[0]
        for form in {head, *inflections(head), *irregular.get(head, [])}:
            verb_forms.setdefault(form.lower(), set()).add(lemma)
    return Lexicon(
        honorifics=honorifics(),
        titles=_lower(titles["titles"]),
        weak_titles=_lower(titles["weak_titles"]),
        roles=_lower(titles["roles"]),
        participles=_lower(titles["participles"]),
        places=_lines("places.txt"),
        demonyms=_lines("demonyms.txt"),
        organisation_words=_lines("organisation_words.txt"),
        given_names=_lines("given_names.txt"),
        verb_forms={form: tuple(sorted(lemmas)) for form, lemmas in verb_forms.items()},
        verb_class=verb_class,
    )


def inflections(verb: str) -> set[str]:
    """Regular English inflections of a verb; forms that are not words do no harm (they never match)."""
    forms = set()
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # slam -> slammed, admit -> admitted
    return forms


@cache
def _titles() -> dict:  # type: ignore[type-arg]
    return _toml("titles.toml")


@cache
def _verbs() -> dict:  # type: ignore[type-arg]
    return _toml("reporting_verbs.toml")


def _toml(name: str) -> dict:  # type: ignore[type-arg]
    import tomllib  # here: a comparison or search process never reads these files (3 ms of imports)

    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def _lower(words: list[str]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)


def _lines(name: str) -> frozenset[str]:
    """A one-entry-per-line list (`#` starts a comment), lower-cased; empty when the file is absent."""
    resource = DATA / name
    if not resource.is_file():
        return frozenset()
    entries = (line.split("#", 1)[0].strip() for line in resource.read_text(encoding="utf-8").splitlines())
    return frozenset(entry.lower().replace("’", "'") for entry in entries if entry)
