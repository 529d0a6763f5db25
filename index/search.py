"""Searching an index: ranked hits with snippets, outlet facets, "did you mean", related coverage,
articles by id, people and stats. Returns plain dataclasses; Whoosh objects never leave this module.

Each thread keeps one searcher open and refreshes it when a writer has committed: opening one costs
more than most queries (every segment's files), and Whoosh searchers are not shared across threads.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from whoosh.index import FileIndex
from whoosh.query import And, DateRange, Every, Query
from whoosh.searching import Searcher

from corpus.lexicon import honorifics
from corpus.model import Article
from corpus.names import fold
from index import frequencies, ranking, segment_tables
from index.docsets import count_by, docset, live, members, remember_sorted_column, sorted_column
from index.people_names import PeopleNames
from index.schema import unpack
from index.snippets import snippet
from index.store import Store

if TYPE_CHECKING:
    from index.spelling import VocabularyCorrector

_FIELD_ALIASES = {"people": ["person"], "authors": ["author"], "tags": ["tag"]}
_VALUE = r'(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s()]+))'
_PERSON = re.compile(r"(?i)\b(?:person|people):" + _VALUE)
_OUTLET = re.compile(r"(?i)\boutlet:" + _VALUE)


class QueryError(ValueError):
    """A query that cannot be run; the message is one line a user can act on."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    outlet: str
    title: str
    date: date | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]]  # spans of `snippet` that matched the query
    people: list[str]


@dataclass(slots=True)
class SearchResult:
    total: int
    facets: dict[str, int]
    hits: list[SearchHit]
    suggestion: str | None = None
    page: int = 1
    pages: int = 1
    terms: frozenset[str] = frozenset()  # the stemmed words the query matches: for highlighting anywhere


@dataclass(frozen=True, slots=True)
class PersonCount:
    name: str
    articles: int
    mentions: int
    by_outlet: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Stats:
    articles: int
    outlets: dict[str, int]
    people: int
    first_date: date | None
    last_date: date | None
    size_bytes: int


class Index:
    """Read access to one named index."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ix: FileIndex = store.open()
        self._names: PeopleNames | None = None  # Store.people(), read once
        self._groups: tuple[int, dict[str, int], int] | None = None  # (generation, outlet -> bits, live bits)
        self._frequencies: tuple[int, frequencies.Frequencies] | None = None  # per generation
        self._corrector: tuple[int, VocabularyCorrector] | None = None  # built on the first "did you mean"
        self._local = threading.local()

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """This thread's searcher, on the index's latest commit when no call of this thread is using it."""
        current: Searcher | None = getattr(self._local, "searcher", None)
        depth: int = getattr(self._local, "depth", 0)
        if current is None:
            current = self.ix.searcher()
        elif depth == 0 and not current.up_to_date():
            # not Searcher.refresh(): it reuses segment readers, and those miss new deletions
            current.close()
            current = self.ix.searcher()
        self._local.searcher = current
        self._local.depth = depth + 1
        try:
            yield current
        finally:
            self._local.depth = depth

    def close(self) -> None:
        """Close this thread's searcher (each thread that searched holds one until the Index is dropped)."""
        current = getattr(self._local, "searcher", None)
        if current is not None:
            current.close()
            self._local.searcher = None

    # --- queries ------------------------------------------------------------------------------------

    def parse(self, text: str) -> Query:
        """A Whoosh query for the user's text; QueryError with a one-line reason when malformed."""
        text = text.strip()
        if text in ("", "*"):
            return Every()
        _check_balanced(text)
        _check_dates(text)
        text = _PERSON.sub(lambda m: self._person_term(_value(m)), text)
        text = _OUTLET.sub(lambda m: self._outlet_term(_value(m)), text)
        # imported here: a comparison of a person, the commonest, never parses (Whoosh's parser is 10 ms)
        from whoosh.qparser import MultifieldParser
        from whoosh.qparser.dateparse import DateParserPlugin
        from whoosh.qparser.plugins import FieldAliasPlugin, GtLtPlugin

        parser = MultifieldParser(["title", "body"], self.ix.schema)
        parser.add_plugin(FieldAliasPlugin(_FIELD_ALIASES))
        parser.add_plugin(GtLtPlugin())
        parser.add_plugin(DateParserPlugin(free=False))
        try:
            query = parser.parse(text)
        except Exception as exc:  # Whoosh raises ValueError, TimeError and others for bad dates
            raise QueryError(f"cannot read the query: {_reason(exc)}") from exc
        if _has_errors(query):
            raise QueryError("cannot read the query: check dates (YYYY, YYYY-MM or YYYY-MM-DD) and field names")
        return query

    def _person_term(self, value: str) -> str:
        canonical = self.person_name(value) or value
        return f"people:'{_quote_term(canonical.lower())}'"  # one term, spaces and all

    def _outlet_term(self, value: str) -> str:
        wanted = bare_outlet(value)
        for outlet in self.outlets():
            if bare_outlet(outlet) == wanted:
                return f"outlet:'{_quote_term(outlet)}'"
        return f"outlet:'{_quote_term(value)}'"

    def date_range(self, text: str) -> tuple[date | None, date | None] | None:
        """The period a query's `date:` clause asks for, as inclusive days, when the clause must hold for
        every match (not inside OR or NOT); None without one. QueryError when the query is malformed."""
        query = self.parse(text)
        parts = query.subqueries if isinstance(query, And) else [query]
        for part in parts:
            if isinstance(part, DateRange) and part.fieldname == "date":
                start, end = part.startdate, part.enddate
                return (start.date() if start else None, end.date() if end else None)
        return None

    def person_name(self, name: str) -> str | None:
        """The canonical name for a name or any alias the corpus uses, with or without "Mr", "Dr"..."""
        folded = fold(name)
        names = self._people_names()
        found = names.canonical(folded)
        if found is not None:
            return found
        words = folded.split()
        titles = honorifics()
        while len(words) > 1 and words[0].rstrip(".") in titles:
            words = words[1:]
        return names.canonical(" ".join(words))

    def search(
        self,
        text: str,
        *,
        outlets: list[str] | None = None,
        sort: str = "relevance",
        page: int = 1,
        limit: int = 20,
        snippets: int = 10,
        suggest: bool = True,
    ) -> SearchResult:
        query = self.parse(text)
        with self.searcher() as searcher:
            result = self._run(searcher, query, outlets, sort, page, limit, snippets)
            if suggest and result.total < 5 and text.strip() not in ("", "*"):
                result.suggestion = self._suggest(searcher, query, text, result.total, outlets)
        return result

    def suggestion(self, text: str, found: int) -> str | None:
        """A corrected query that finds more than `found` articles, or None (for a second, later step:
        an app shows the results first and the "did you mean" when it is ready)."""
        if text.strip() in ("", "*"):
            return None
        query = self.parse(text)
        with self.searcher() as searcher:
            return self._suggest(searcher, query, text, found, None)

    def _run(
        self,
        searcher: Searcher,
        query: Query,
        outlets: list[str] | None,
        sort: str,
        page: int,
        limit: int,
        snippets: int,
    ) -> SearchResult:
        """The matched documents as a bitset (facet counts, totals, the outlet filter), then the page's
        hits ranked over those documents alone (`ranking`), then snippets for the first `snippets`."""
        page = max(1, page)
        groups = self.outlet_groups(searcher)
        matched = docset(query, searcher, self.live(searcher))
        facets = count_by(matched, groups)
        if outlets:
            wanted = 0
            for outlet in outlets:
                wanted |= groups.get(outlet, 0)
            matched &= wanted
        total = matched.bit_count()
        pages = max(1, -(-total // limit)) if limit else 1
        page = min(page, pages)
        terms = body_terms(query, searcher)
        if sort == "date":
            ranked = ranking.by_date(searcher, matched, page * limit)
        else:
            ranked = ranking.top(searcher, query, matched, page * limit)
        hits = []
        for rank, (docnum, score) in enumerate(ranked[(page - 1) * limit : page * limit]):
            fields = searcher.stored_fields(docnum)
            found = snippet(fields.get("body", ""), terms if rank < snippets else frozenset())
            hits.append(_hit(fields, score, found.text, found.highlights))
        return SearchResult(total=total, facets=facets, hits=hits, page=page, pages=pages, terms=terms)

    def outlet_groups(self, searcher: Searcher) -> dict[str, int]:
        """Each outlet's live documents as a bitset, read once per index generation."""
        return self._generation(searcher)[1]

    def live(self, searcher: Searcher) -> int:
        """The live (not deleted) documents as a bitset, once per index generation."""
        return self._generation(searcher)[2]

    def _generation(self, searcher: Searcher) -> tuple[int, dict[str, int], int]:
        generation = searcher.reader().generation()
        cached = self._groups
        if cached is not None and cached[0] == generation:
            return cached
        alive = live(searcher)
        tables = segment_tables.load(self.store.path, searcher.reader())
        groups: dict[str, int] = {}
        for sub, offset in searcher.leaf_searchers():
            segment = sub.reader().segment()
            if segment is None:  # an index with no documents yet
                continue
            segment_id = str(segment.segment_id())
            table = tables[segment_id]
            for name, bits in table.outlets.items():
                groups[name] = groups.get(name, 0) | (bits << offset)
            if table.dates is not None:  # what a date range will need, read with the rest
                remember_sorted_column(segment_id, "date", table.dates)
        groups = {name: bits & alive for name, bits in groups.items()}
        self._groups = (generation, groups, alive)
        return self._groups

    def word_frequencies(self, searcher: Searcher) -> frequencies.Frequencies:
        """Every body word's frequency in the whole index, by stem (the prior of distinctive words), read
        once per index generation."""
        generation = searcher.reader().generation()
        if self._frequencies is None or self._frequencies[0] != generation:
            self._frequencies = (generation, frequencies.load(self.store.path, searcher.reader()))
        return self._frequencies[1]

    def warm(self) -> None:
        """Read what comparisons, dated queries and "did you mean" need once (the word table, the names,
        each segment's sorted dates, the spelling words: 80 ms of the first correction on the bench
        index), so that an app's first comparison or correction takes no longer than later ones."""
        with self.searcher() as searcher:
            self.word_frequencies(searcher)
            self._spelling(searcher)
            self.outlet_groups(searcher)
            for sub, _ in searcher.leaf_searchers():
                if sub.reader().has_column("date"):
                    sorted_column(sub.reader(), "date")
        self.person_name("")

    def _spelling(self, searcher: Searcher) -> VocabularyCorrector:
        generation = searcher.reader().generation()
        if self._corrector is None or self._corrector[0] != generation:
            from index.spelling import VocabularyCorrector  # only for "did you mean"

            words = frequencies.load_words(self.store.path, searcher.reader())
            self._corrector = (generation, VocabularyCorrector(words, self.word_frequencies(searcher)))
        return self._corrector[1]

    def _suggest(
        self, searcher: Searcher, query: Query, text: str, total: int, outlets: list[str] | None
    ) -> str | None:
        """A corrected query when it finds more than the query did."""
        corrector = self._spelling(searcher)
        try:
            corrected = searcher.correct_query(
                query, text, correctors={"body": corrector, "title": corrector}, prefix=1
            )
        except Exception:
            return None
        if corrected.string == text:
            return None
        try:
            better = self.parse(corrected.string)
        except QueryError:
            return None
        found = searcher.search(better, limit=1, filter=None).estimated_length()
        return corrected.string if found > total else None

    # --- articles --------------------------------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        with self.searcher() as searcher:
            stored = searcher.document(id=article_id)
        return unpack(stored["data"], stored["body"]) if stored else None

    def related(self, article_id: str, limit: int = 10, other_outlets: bool = True) -> list[SearchHit]:
        """Articles most like this one (more-like-this on the body), by default from other outlets."""
        with self.searcher() as searcher:
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return []
            outlet = searcher.stored_fields(docnum)["outlet"]
            found = searcher.more_like(docnum, "body", top=limit * 3 if other_outlets else limit, numterms=30)
            hits = []
            for hit in found:
                if other_outlets and hit["outlet"] == outlet:
                    continue
                hits.append(_hit(hit.fields(), float(hit.score or 0.0)))
                if len(hits) >= limit:
                    break
        return hits

    # --- corpus-wide -----------------------------------------------------------------------------------

    def outlets(self) -> list[str]:
        with self.searcher() as searcher:
            return sorted(_text(t) for t in searcher.reader().lexicon("outlet"))

    def people(self, outlet: str | None = None, top: int = 50, query: str | None = None) -> list[PersonCount]:
        """People by the number of articles that mention them, with mentions and counts per outlet;
        with `query`, only in the articles it matches (QueryError when it is malformed)."""
        names = {fold(n): n for n in self._display_names()}
        wanted = self.parse(query) if query is not None and query.strip() not in ("", "*") else None
        articles: Counter[str] = Counter()
        mentions: Counter[str] = Counter()
        by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
        with self.searcher() as searcher:
            matched = set(members(docset(wanted, searcher, self.live(searcher)))) if wanted is not None else None
            for sub, offset in searcher.leaf_searchers():
                reader = sub.reader()
                outlets = reader.column_reader("outlet") if reader.has_column("outlet") else None
                for term in reader.lexicon("people"):
                    name = _text(term)
                    for docnum, freq in reader.postings("people", name).items_as("frequency"):
                        if matched is not None and docnum + offset not in matched:
                            continue
                        doc_outlet = _text(outlets[docnum]) if outlets is not None else ""
                        if outlet and doc_outlet != outlet:
                            continue
                        articles[name] += 1
                        mentions[name] += freq
                        by_outlet[name][doc_outlet] += 1
        ranked = sorted(articles, key=lambda n: (-articles[n], -mentions[n], n))[:top]
        return [
            PersonCount(names.get(fold(n), n.title()), articles[n], mentions[n], dict(by_outlet[n].most_common()))
            for n in ranked
        ]

    def _display_names(self) -> list[str]:
        return list(self.known_people())

    def known_people(self) -> dict[str, list[str]]:
        """Display name -> aliases, for every person the index knows."""
        return self._people_names().all()

    def aliases(self, person: str) -> list[str]:
        """A person's aliases, by display name (without reading every name)."""
        return self._people_names().aliases(person)

    def _people_names(self) -> PeopleNames:
        if self._names is None:
            self._names = self.store.people()
        return self._names

    def article_count(self) -> int:
        """How many articles the index holds (what the app needs at start, without `stats`' scans)."""
        with self.searcher() as searcher:
            return int(searcher.doc_count())

    def stats(self) -> Stats:
        with self.searcher() as searcher:
            reader = searcher.reader()
            total = searcher.doc_count()
            outlets = count_by(-1, self.outlet_groups(searcher)) if total else {}
            people = sum(1 for _ in reader.lexicon("people"))
            dates = [d for d in (_date(t) for t in _date_terms(reader)) if d]
        return Stats(
            articles=total,
            outlets=outlets,
            people=people,
            first_date=min(dates) if dates else None,
            last_date=max(dates) if dates else None,
            size_bytes=self.store.size_bytes(),
        )


def _hit(
    fields: dict[str, Any], score: float, snippet: str = "", spans: list[tuple[int, int]] | None = None
) -> SearchHit:
    """A plain SearchHit from a document's stored fields (Whoosh objects must not leave this module)."""
    stamp = fields.get("date")
    return SearchHit(
        id=fields["id"],
        outlet=fields["outlet"],
        title=fields["title"],
        date=stamp.date() if isinstance(stamp, datetime) else None,
        score=round(score, 4),
        snippet=snippet,
        highlights=spans or [],
        people=_people_field(fields.get("people", "")),
    )


def body_terms(query: Query, searcher: Searcher) -> frozenset[str]:
    """The body words a query matched (wildcards expanded), for snippets."""
    try:
        found = query.existing_terms(searcher.reader(), phrases=True, expand=True)
    except Exception:  # a query type that cannot list its terms: snippets without highlights
        return frozenset()
    return frozenset(_text(text) for field_name, text in found if field_name in ("body", "title"))


def _date_terms(reader: Any) -> list[Any]:
    column = reader.column_reader("date") if reader.has_column("date") else None
    if column is None:
        return []
    return [column[n] for n in range(reader.doc_count_all()) if not reader.is_deleted(n)]


def _date(value: Any) -> date | None:
    return value.date() if isinstance(value, datetime) and value.year > 1 else None


def _value(match: re.Match[str]) -> str:
    quoted = match.group("quoted")
    return quoted if quoted is not None else match.group("bare")


def bare_outlet(outlet: str) -> str:
    """An outlet name for matching: no case, no accents, no leading "the"."""
    folded = fold(outlet)
    return folded[4:] if folded.startswith("the ") else folded


def _quote_term(value: str) -> str:
    """A value inside Whoosh's single quotes (one term): its own single quotes escaped."""
    return value.replace("\\", "\\\\").replace("'", "\\'")


def _text(term: Any) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def _people_field(value: str) -> list[str]:
    seen: dict[str, None] = {}
    for name in value.split(","):
        if name.strip():
            seen.setdefault(name.strip(), None)
    return list(seen)


def _check_balanced(text: str) -> None:
    if text.count('"') % 2:
        raise QueryError('unclosed quote: add the closing " (or remove the opening one)')
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            raise QueryError("a ')' closes nothing: remove it or add its '('")
    if depth:
        raise QueryError("a '(' is never closed: add its ')'")
    words = text.split()
    if words and words[-1].upper() in ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"):
        raise QueryError(f"the query ends with {words[-1]}: add what it joins, or remove it")
    if words and words[0].upper() in ("AND", "OR", "ANDNOT", "ANDMAYBE"):
        raise QueryError(f"the query starts with {words[0]}: add what it joins, or remove it")


_DATE_CLAUSE = re.compile(r"(?i)\bdate:(\[[^\]]*\]|\S+)")


def without_dates(text: str) -> str:
    """The query without its `date:` clauses (to see what else it asks for)."""
    return _DATE_CLAUSE.sub(" ", text)


_DATE_VALUE = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")


def _check_dates(text: str) -> None:
    """Dates must be YYYY, YYYY-MM or YYYY-MM-DD and real: Whoosh would quietly read "2025-13-45"."""
    for clause in _DATE_CLAUSE.finditer(text):
        body = clause.group(1).strip("[]<>=")
        values = [v for v in body.split() if v.lower() != "to"]
        if not values:
            raise QueryError("date: needs a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        for value in values:
            if not _DATE_VALUE.fullmatch(value):
                raise QueryError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
            parts = [int(p) for p in value.split("-")]
            try:
                date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
            except ValueError:
                raise QueryError(f"bad date {value!r}: no such day") from None


def _has_errors(query: Query) -> bool:
    from whoosh.qparser.dateparse import DateParseError

    return any(isinstance(q, DateParseError) for q in query.leaves()) or isinstance(query, DateParseError)


def _reason(exc: Exception) -> str:
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return message[:160]
