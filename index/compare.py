"""Feeding a comparison from the index: resolve the target and outlets, fetch the stored articles
(sentences and mentions included, so no file is read again), and give the whole corpus as the prior
for distinctive words.

Decoding a large comparison's articles takes a third of it (3,100 articles: 0.4 s), so each outlet's
part (`corpus.framing.profile.outlet_part`) is a task the comparison's worker can take too: it reads the
outlet's articles from the index itself, with a searcher of its own on the same commit, and sends back
only the part. Where a worker can be forked (the CLI), it is started as the comparison begins, so that
it has read the tone lexicon and opened the index by the time the articles are known (about 25 ms of
the other core, while this process finds them).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, time
from functools import partial
from typing import Any

from rapidfuzz import fuzz, process
from whoosh.query import And, DateRange, Query, Term

from corpus.framing import parallel, tone
from corpus.framing.model import Comparison, Target
from corpus.framing.parallel import Task, beside, worth_a_worker
from corpus.framing.profile import OutletPart, combine, compare, outlet_part
from corpus.gc_pause import gc_paused
from corpus.model import Article
from corpus.names import fold
from index.docsets import count_by, docset, members
from index.schema import unpack
from index.search import Index, QueryError, bare_outlet, body_terms
from index.snippets import matches, stem_word
from index.store import Store

DEFAULT_OUTLETS = 3
MAX_OUTLETS = 4
# Sentences an article that names a person mentions them in (4.5 in the demo and bench corpora): to guess,
# before decoding, whether the comparison will be big enough for the alignment worker.
MENTIONS_PER_ARTICLE = 4


class CompareError(LookupError):
    """A target or outlet the index does not know; the message offers the closest names it does."""


def compare_in_index(
    index: Index,
    target: str,
    *,
    outlets: list[str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    same_stories: bool = False,
    window: int = 0,
    aligned_limit: int = 100,
) -> Comparison:
    """The comparison of `target` (a person's name or alias, or a query) across outlets.

    Without `outlets`, the three that cover the target most. Raises CompareError for an unknown
    target or outlet, QueryError for a malformed query.
    """
    with gc_paused():  # thousands of articles decoded: see corpus.gc_pause
        return _compare(index, target, outlets, date_from, date_to, same_stories, window, aligned_limit)


def _compare(
    index: Index,
    target: str,
    outlets: list[str] | None,
    date_from: date | None,
    date_to: date | None,
    same_stories: bool,
    window: int,
    aligned_limit: int,
) -> Comparison:
    if parallel.quick():  # a forked worker costs milliseconds: it opens the index while this process finds the articles
        parallel.start(tone.warm, partial(_open_here, str(index.store.data_dir), index.store.name))
    resolved, query = _target(index, target)
    if date_from or date_to:
        query = And([query, DateRange("date", _start(date_from), _end(date_to))])
    with index.searcher() as searcher:
        groups = index.outlet_groups(searcher)
        alive = index.live(searcher)
        matched = docset(query, searcher, alive)
        coverage = count_by(matched, groups)
        if not coverage:
            raise CompareError(_nothing_found(index, target, resolved, date_from, date_to))
        chosen = _outlets(outlets, coverage, groups) if outlets else list(coverage)[:DEFAULT_OUTLETS]
        period = (
            docset(DateRange("date", _start(date_from), _end(date_to)), searcher, alive) if date_from or date_to else -1
        )
        totals = {o: (groups.get(o, 0) & period).bit_count() for o in chosen}
        found = {o: members(matched & groups.get(o, 0)) for o in chosen}
        if resolved.kind == "query":
            resolved = Target(resolved.name, "query", resolved.aliases, body_terms(query, searcher))
        worker = worth_a_worker([MENTIONS_PER_ARTICLE * len(docs) for docs in found.values()])
        if worker:
            parallel.start(tone.warm)  # the worker starts up (and reads the tone lexicon) while articles are decoded
        if same_stories:  # which articles stay depends on every outlet's: all are decoded here
            articles = {o: [_article(searcher.stored_fields(d)) for d in docs] for o, docs in found.items()}
            prior = _Background(index.word_frequencies(searcher))
            return compare(
                resolved,
                articles,
                totals,
                prior=prior,
                matcher=_matcher(resolved),
                window=window,
                same_stories=True,
                aligned_limit=aligned_limit,
                date_from=date_from,
                date_to=date_to,
                parallel=True,
            )
        source = (str(index.store.data_dir), index.store.name, searcher.reader().generation())
        tasks: list[Task] = [(_outlet_part, (*source, o, docs, resolved, window)) for o, docs in found.items()]
        with _lent(source, searcher), beside([tasks], parallel=worker) as batch:
            prior = _Background(index.word_frequencies(searcher))  # while the worker opens the index
            parts = batch.results(0, idle=tone.warm)  # the tone lexicon, for any tone task this process takes
        parts = [
            part if part is not None else _part(searcher, o, docs, resolved, window)
            for part, (o, docs) in zip(parts, found.items(), strict=True)
        ]
    return combine(
        resolved,
        parts,
        totals,
        prior=prior,
        aligned_limit=aligned_limit,
        date_from=date_from,
        date_to=date_to,
        parallel=True,
    )


# This process's searcher for each (data dir, index name, commit) while a comparison runs, by process and
# thread: a forked worker inherits this table, and must open a searcher of its own (one of this
# process's would share its files' read positions with this process).
_searchers: dict[tuple[str, str, int, int, int], Any] = {}
# A worker's own Index of each store (by process, as a forked one inherits this too), kept for later
# comparisons.
_indexes: dict[tuple[str, str, int], Index] = {}


@contextmanager
def _lent(source: tuple[str, str, int], searcher: Any) -> Iterator[None]:
    key = (*source, os.getpid(), threading.get_ident())
    _searchers[key] = searcher
    try:
        yield
    finally:
        _searchers.pop(key, None)


def _open_here(data_dir: str, name: str) -> None:
    """A worker's warm-up: its own Index of the store, with a searcher open on the latest commit."""
    key = (data_dir, name, os.getpid())
    index = _indexes.get(key)
    if index is None:
        index = _indexes[key] = Index(Store(data_dir, name))
    with index.searcher():
        pass


def _outlet_part(
    data_dir: str, name: str, generation: int, outlet: str, docs: list[int], target: Target, window: int
) -> OutletPart | None:
    """The task: one outlet's part, read from the index at `generation` (None when this process cannot
    see that commit, as when another import committed since: the comparing process makes it then)."""
    searcher = _searchers.get((data_dir, name, generation, os.getpid(), threading.get_ident()))
    if searcher is not None:
        return _part(searcher, outlet, docs, target, window)
    _open_here(data_dir, name)
    with _indexes[(data_dir, name, os.getpid())].searcher() as own:
        if own.reader().generation() != generation:
            return None
        return _part(own, outlet, docs, target, window)


def _part(searcher: Any, outlet: str, docs: list[int], target: Target, window: int) -> OutletPart:
    with gc_paused():  # thousands of articles decoded: see corpus.gc_pause
        articles = [_article(searcher.stored_fields(d)) for d in docs]
        return outlet_part(target, outlet, articles, _matcher(target), window)


def _matcher(target: Target) -> Any:
    """A query's matcher: the sentences with a word that stems to one of its terms (None for a person)."""
    if target.kind != "query":
        return None
    terms = target.terms

    def matcher(text: str) -> list[tuple[int, int]]:
        return matches(text, terms)

    return matcher


def _target(index: Index, text: str) -> tuple[Target, Query]:
    name = index.person_name(text.strip().strip('"'))
    if name is not None:
        aliases = tuple(index.aliases(name))
        return Target(name, "person", aliases), Term("people", name.lower())
    query = index.parse(text)
    return Target(text.strip(), "query", tuple(text.split())), query


def _outlets(wanted: list[str], coverage: Mapping[str, int], groups: Mapping[str, int]) -> list[str]:
    known = {bare_outlet(o): o for o in groups}
    if len(wanted) > MAX_OUTLETS:
        raise CompareError(f"compare at most {MAX_OUTLETS} outlets at a time, not {len(wanted)}")
    chosen: list[str] = []
    for name in wanted:
        outlet = known.get(bare_outlet(name))
        if outlet is None:
            raise CompareError(f"no outlet named {name!r}; {_closest(name, list(groups), 'outlets')}")
        if outlet not in chosen:
            chosen.append(outlet)
    return chosen


def _nothing_found(index: Index, target: str, resolved: Target, date_from: date | None, date_to: date | None) -> str:
    if date_from or date_to:
        return f"nothing about {target!r} between {date_from or 'the start'} and {date_to or 'the end'}"
    names = list(index.known_people())
    for aliases in index.known_people().values():
        names.extend(aliases)
    return f"no person or article matches {target!r}; {_closest(target, names, 'people')}"


def _closest(name: str, known: list[str], what: str) -> str:
    found = process.extract(fold(name), {k: fold(k) for k in known}, scorer=fuzz.WRatio, limit=5, score_cutoff=60)
    names = list(dict.fromkeys(key for _, _, key in found))
    return f"closest {what}: " + ", ".join(names) if names else f"no {what} with a similar name"


def _article(stored: dict[str, Any]) -> Article:
    return unpack(stored["data"], stored["body"])


def _start(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min) if day else None


def _end(day: date | None) -> datetime | None:
    return datetime.combine(day, time.max) if day else None


class _Background(Mapping[str, float]):
    """Whole-corpus word counts for the prior: a word's count is its stem's in the body field."""

    def __init__(self, by_stem: Mapping[str, int]) -> None:
        self._by_stem = by_stem

    def __getitem__(self, word: str) -> float:
        return float(self._by_stem.get(stem_word(word), 0))

    def get(self, word: str, default: object = None) -> float:
        """Every word has a count (0 when the corpus lacks it): `Mapping.get`'s KeyError path is never
        taken, and skipping it matters for the 15,000 words of a large comparison."""
        return float(self._by_stem.get(stem_word(word), 0))

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_stem)

    def __len__(self) -> int:
        return len(self._by_stem)


__all__ = ["CompareError", "QueryError", "compare_in_index"]
