"""People in a corpus: every mention, resolved to one canonical person, with labels, verbs and quotes.

Two passes, so that a bare surname can be resolved against the whole corpus:

1. `PeopleExtractor.draft(article)` splits the article into sentences (title, body, via blocks,
   comments), finds name candidates with their labels, verbs and quotes. Pure per article, so it can
   run in worker processes.
2. `NameRegistry` learns the full names of all drafts ("Kim Jong Un" and "Kim Jong-un", "Orbán" and
   "Orban", "Zelensky" and "Zelenskyy" become one person), then `resolve(draft)` links every mention:
   a surname or "Mr Putin" to the article's full name, else to the one full name the corpus knows.

`extract_people(articles)` runs both and fills `article.sentences` and `article.people`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from corpus.attribution import labels_for, quote_text, quoted_spans, verb_for
from corpus.lexicon import DAYS, MONTHS, NEVER_NAMES, PARTICLES, STOP_WORDS, Lexicon, lexicon
from corpus.model import UNKNOWN_OUTLET, Article, Mention, Person, Sentence, pickled_as_tuple
from corpus.names import Candidate, Tokens, find_candidates, fold, is_title_case, tokenize
from corpus.people_config import PeopleConfig
from corpus.sentences import split_sentences

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_WHERE_ORDER = {"body": 0, "via": 1, "title": 2, "comment": 3}


@pickled_as_tuple
@dataclass(slots=True)
class Hit:
    """A name found in a sentence, before it is known which person it is."""

    sentence: int
    start: int
    end: int
    surface: str
    words: tuple[str, ...]  # the name's words, folded
    evidence: str  # "title", "role", "label", "multiword", "alias"; "weak" or "" need more (see NameRegistry)
    labels: tuple[str, ...] = ()
    verb: str | None = None
    quote: str | None = None
    person: str | None = None  # set by a configured alias
    initial: bool = False  # the name opens its sentence (so its first word may be an ordinary word)
    context_before: str = ""  # the word before the name, lower-cased
    digit_after: bool = False  # a number follows the name ("May 5")


@pickled_as_tuple
@dataclass(slots=True)
class Draft:
    """One article after the first pass: its sentences, name hits, and Title Case lines to scan."""

    sentences: list[Sentence]
    hits: list[Hit]
    title_case: list[tuple[int, Tokens]] = field(default_factory=list)
    outlets: tuple[str, ...] = ()  # the article's outlet and the outlets it reposts: never people
    # Words the article writes in lower case, one per line: the registry learns from them, and a string
    # goes from a reader process to the writer in one piece (a set of 400 words took 0.08 ms an article).
    vocabulary: str = ""

    def full_names(self) -> list[tuple[str, ...]]:
        return [h.words for h in self.hits if len(h.words) > 1 and h.evidence]


class PeopleExtractor:
    """Finds name candidates in articles (pass 1); holds the lexicon and the user's configuration."""

    def __init__(self, config: PeopleConfig | None = None, lex: Lexicon | None = None) -> None:
        self.config = config or PeopleConfig()
        self.lex = lex or lexicon()
        self._alias_pattern = self.config.alias_pattern()

    def draft(self, article: Article) -> Draft:
        """Sentences and name hits of one article."""
        sentences = article_sentences(article)
        vocabulary = set(_LOWER_WORD.findall(article.title)) | set(_LOWER_WORD.findall(article.body))
        hits: list[Hit] = []
        title_case: list[tuple[int, Tokens]] = []
        for index, sentence in enumerate(sentences):
            if self._alias_pattern is None and _nothing_capitalised(sentence.text):
                continue
            tokens = tokenize(sentence.text)
            if not tokens.text:
                continue
            if is_title_case(tokens, vocabulary):
                title_case.append((index, tokens))
                continue
            found = [
                self.hit_for(index, sentence.text, tokens, c) for c in find_candidates(tokens, self.lex, vocabulary)
            ]
            found = self._with_aliases(index, sentence.text, tokens, found)
            _credit_quotes(sentence.text, tokens, found)
            hits.extend(found)
        outlets = (article.outlet, *(v.outlet for v in article.via))
        return Draft(sentences, hits, title_case, outlets, "\n".join(vocabulary))

    def hit_for(self, index: int, text: str, tokens: Tokens, cand: Candidate, title_case: bool = False) -> Hit:
        """A hit for a name candidate: its span, folded words, evidence, labels and verb."""
        labels, label_start = labels_for(tokens, cand, self.lex, title_case)
        verb = verb_for(tokens, cand, label_start, self.lex, title_case)
        start = tokens.start[cand.first]
        end = tokens.start[cand.last - 1] + len(cand.words[-1])
        opening = next((k for k, ch in enumerate(text) if ch.isalnum()), 0)
        evidence = cand.evidence
        if evidence == "weak" and labels:
            evidence = "label"  # "Keir Starmer, the British Prime Minister"
        return Hit(
            initial=start == opening,
            context_before=tokens.text[cand.head - 1].lower() if cand.head > 0 else "",
            digit_after=cand.last < len(tokens) and tokens.text[cand.last][0].isdigit(),
            sentence=index,
            start=start,
            end=end,
            surface=text[start:end],
            words=tuple(part for w in cand.words for part in fold(w).split()),
            evidence=evidence,
            labels=tuple(labels),
            verb=verb,
        )

    def _with_aliases(self, index: int, text: str, tokens: Tokens, hits: list[Hit]) -> list[Hit]:
        if self._alias_pattern is None:
            return hits
        for match in self._alias_pattern.finditer(text):
            person = self.config.alias_person(match.group())
            if person is None:
                continue
            hits = [h for h in hits if h.end <= match.start() or h.start >= match.end()]
            first = next((k for k, s in enumerate(tokens.start) if s >= match.start()), None)
            last = next((k for k, e in enumerate(tokens.end) if e >= match.end()), None)
            if first is None or last is None:
                continue
            cand = Candidate(first, last + 1, first, tuple(match.group().split()), "alias")
            hit = self.hit_for(index, text, tokens, cand)
            hit.person = person
            hit.end = match.end()
            hit.surface = match.group()
            hits.append(hit)
        hits.sort(key=lambda h: h.start)
        return hits


_FIRST_WORD = re.compile(r"[\W\d_]*([^\W\d_]+)\S*")
_CAPITAL_OR_PARTICLE = re.compile(r"(?<![\w'’])(?:[A-Z]|\w+-[A-Z])")


def _nothing_capitalised(text: str) -> bool:
    """True when the only capital opens the sentence on an ordinary word ("The", "He"): no names.

    Most sentences are like that, and skipping them is most of what keeps extraction fast.
    """
    first = _FIRST_WORD.match(text)
    if first is None:
        return True
    if first.group(1).lower() not in NEVER_NAMES:
        return False
    return _CAPITAL_OR_PARTICLE.search(text, first.end()) is None


def article_sentences(article: Article) -> list[Sentence]:
    """Title, body, via blocks and comments, split into sentences and numbered in that order."""
    sentences: list[Sentence] = []

    def add(where: str, block: int, text: str) -> None:
        for span in split_sentences(text):
            sentences.append(Sentence(where, block, span.start, span.end, text[span.start : span.end]))

    add("title", 0, article.title)
    add("body", 0, article.body)
    for k, via in enumerate(article.via):
        add("via", k, via.text)
    for k, comment in enumerate(article.comments):
        add("comment", k, comment.text)
    return sentences


def _credit_quotes(text: str, tokens: Tokens, hits: list[Hit]) -> None:
    """Give the sentence's quoted words to the speaker: the mention with a verb nearest the quote."""
    if not hits or not any(ch in text for ch in '“”"‘'):
        return
    spans = quoted_spans(text)
    if not spans:
        return
    speakers = [h for h in hits if h.verb and not _inside(h, spans)]
    colon = text.find(":")
    if not speakers and colon > 0 and any(a > colon for a, _ in spans):
        # A headline's "Voss in Halvik: “We acted as fast as the water allowed”".
        speakers = [h for h in hits if h.end <= colon and not _inside(h, spans)][:1]
    if not speakers:
        return
    credited: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        nearest = min(speakers, key=lambda h: min(abs(h.start - span[1]), abs(span[0] - h.end)))
        credited[id(nearest)].append(span)
    for h in speakers:
        h.quote = quote_text(text, credited.get(id(h), []))


def _inside(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(a <= hit.start and hit.end <= b for a, b in spans)


# --- pass 2: the corpus's names, and resolving each article's mentions ---------------------------


@lru_cache(maxsize=65536)
def _key(words: tuple[str, ...]) -> tuple[str, ...]:
    """A full name's key: folded words without initials ("donald j trump" -> ("donald", "trump"))."""
    return tuple(w for w in words if len(w) > 1 or not w.isalpha())


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or replaced character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def _one_edit_pairs(keys: list[tuple[str, ...]]) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every pair of keys with the same words but the last, whose last words are one edit apart.

    Comparing every pair within a shape took most of `NameRegistry.finish` on a big corpus (300,000
    comparisons for 17,500 names, many sharing a first name), and `finish` runs once per batch of an
    import. Two words one substitution apart are equal with that character deleted from both, and a word
    one insertion longer is the shorter one with a character deleted: so pairs that share a deletion
    variant are the only candidates, and `_one_edit` checks each.
    """
    by_shape: dict[tuple[int, tuple[str, ...]], list[tuple[str, ...]]] = defaultdict(list)
    for key in keys:
        by_shape[(len(key), key[:-1])].append(key)
    for shape in by_shape.values():
        if len(shape) < 2:
            continue
        by_variant: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for key in shape:
            word = key[-1]
            for variant in {word, *(word[:k] + word[k + 1 :] for k in range(len(word)))}:
                by_variant[variant].append(key)
        seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
        for group in by_variant.values():
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    if (a, b) not in seen and _one_edit(a[-1], b[-1]):
                        seen.add((a, b))
                        yield a, b


class NameRegistry:
    """The full names a corpus uses, grouped into people, and the spelling each person is shown under."""

    def __init__(self, config: PeopleConfig | None = None) -> None:
        self.config = config or PeopleConfig()
        self._surfaces: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        self._canonical: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._display: dict[tuple[str, ...], str] = {}
        self._by_last: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
        self._by_first: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
        self._aliases: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._outlets: set[tuple[str, ...]] = set()
        self._outlet_words: set[str] = set()
        self._outlet_cache: dict[tuple[str, ...], bool] = {}
        # Words that open or close a candidate full name, and in how many articles each is written in
        # lower case: "Following Trump", "Comey Memos" are not names.
        self._watch: set[str] = set()
        self._lower: Counter[str] = Counter()
        self._initial: Counter[tuple[str, ...]] = Counter()
        # Full names with no evidence of their own ("Rite Aid"), kept unless the corpus vouches for them.
        self._weak: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        self._given: Counter[str] = Counter()
        self._seen: dict[str, set[str]] = defaultdict(set)  # display name -> every surface resolved to it
        self._finished = False

    def common(self, word: str) -> bool:
        """A word that at least two articles write in lower case: an ordinary word, not a name."""
        return self._lower[word] >= 2

    def trimmed(self, hit: Hit) -> Hit | None:
        """The hit without an ordinary first word ("Following Trump" -> "Trump"); None if not a name.

        A weak full name ("Rite Aid") the corpus does not vouch for loses its evidence: it can then only
        join a person the article already knows.
        """
        if hit.evidence not in ("multiword", "weak") or len(hit.words) < 2:
            return hit
        if _plural(hit.words[-1]) and self.common(hit.words[-1]):
            return None  # "Comey Memos", "Labor Statistics"
        extension = hit.initial and _key(hit.words) not in self._canonical and _key(hit.words[1:]) in self._canonical
        ordinary = hit.initial and self.common(hit.words[0]) and hit.words[0] not in PARTICLES
        if (ordinary or extension) and " " in hit.surface:
            cut = hit.surface.index(" ") + 1
            rest = hit.words[1:]
            evidence = hit.evidence if len(rest) > 1 else ""
            hit = Hit(
                hit.sentence,
                hit.start + cut,
                hit.end,
                hit.surface[cut:],
                rest,
                evidence,
                hit.labels,
                hit.verb,
                hit.quote,
            )
        if hit.evidence == "weak" and not hit.verb and not self.vouched(_key(hit.words)):
            hit = Hit(hit.sentence, hit.start, hit.end, hit.surface, hit.words, "", hit.labels, hit.verb, hit.quote)
        return hit

    def is_outlet(self, words: tuple[str, ...]) -> bool:
        """True for an outlet's name or part of it ("Meridian Wire", "Duran" of "The Duran")."""
        known = self._outlet_cache.get(words)
        if known is None:
            known = self._outlet_cache[words] = self._is_outlet(words)
        return known

    def _is_outlet(self, words: tuple[str, ...]) -> bool:
        if not self._outlet_words.intersection(words):
            return False
        for outlet in self._outlets:
            if set(words) <= set(outlet):
                return True
            n = len(outlet)
            if any(words[i : i + n] == outlet for i in range(len(words) - n + 1)):
                return True
        return False

    def learn(self, draft: Draft) -> None:
        """Count the full names a draft mentions (with evidence that they are people)."""
        for outlet in draft.outlets:
            words = tuple(fold(outlet).split())
            if words[:1] == ("the",):
                words = words[1:]
            if words and outlet != UNKNOWN_OUTLET and words not in self._outlets:
                self._outlets.add(words)
                self._outlet_words.update(words)
                self._outlet_cache.clear()
        for hit in draft.hits:
            if len(hit.words) > 1 and hit.evidence and hit.person is None:
                key = _key(hit.words)
                if self.is_outlet(key):
                    continue
                if len(key) < 2 or self.config.ignored(" ".join(key)):
                    continue
                if hit.evidence in ("multiword", "weak"):
                    if hit.initial:
                        self._initial[key] += 1
                        self._watch.add(key[0])
                    if _plural(key[-1]):
                        self._watch.add(key[-1])
                if hit.evidence == "weak" and not hit.verb:
                    self._weak[key][hit.surface] += 1
                    continue
                self._surfaces[key][hit.surface] += 1
                if hit.evidence in ("title", "role", "label"):
                    self._given[key[0]] += 1  # "President Joe Biden": "joe" starts names
        for word in self._watch.intersection(draft.vocabulary.split("\n")):
            self._lower[word] += 1
        self._finished = False

    def vouched(self, key: tuple[str, ...]) -> bool:
        """A weak full name the corpus vouches for: seen with evidence, or its first word starts names."""
        return bool(key) and (key in self._surfaces or self._given[key[0]] > 0)

    def finish(self) -> None:
        """Group spellings into people and choose each person's display name."""
        # finish() runs once per batch of an import: a weak name moves over once, when vouched for.
        for key in [k for k in self._weak if self.vouched(k)]:
            self._surfaces[key].update(self._weak.pop(key))
        counts = {key: sum(c.values()) for key, c in self._surfaces.items()}
        for key, total in list(counts.items()):
            # Only ever seen opening a sentence, and the rest is a name of its own: "Bless Lena van der Kolk".
            only_initial = self._initial[key] == total
            ordinary_start = only_initial and (self.common(key[0]) or (len(key) > 2 and key[1:] in counts))
            if ordinary_start or (_plural(key[-1]) and self.common(key[-1])):
                del counts[key]  # "Following Trump", "Comey Memos": never seen as a name elsewhere
        parent: dict[tuple[str, ...], tuple[str, ...]] = {key: key for key in counts}

        def root(key: tuple[str, ...]) -> tuple[str, ...]:
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        def union(a: tuple[str, ...], b: tuple[str, ...]) -> None:
            ra, rb = root(a), root(b)
            if ra != rb:
                if (counts.get(ra, 0), ra) < (counts.get(rb, 0), rb):
                    ra, rb = rb, ra
                parent[rb] = ra

        # Spelling variants: same words but one, that one a single edit apart ("Zelensky"/"Zelenskyy").
        for a, b in _one_edit_pairs([key for key in counts if len(key[-1]) >= 6]):
            if not self.config.apart(a, b):
                union(a, b)
        # A surname with its particle ("Van der Kolk") belongs to the one full name that ends with it.
        longer_by_tail: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
        for key in counts:
            for cut in range(1, len(key) - 1):
                if key[cut] in PARTICLES:
                    longer_by_tail[key[cut:]].add(key)
        for key in list(counts):
            owners = longer_by_tail.get(key)
            if key[0] in PARTICLES and owners and len(owners) == 1:
                union(next(iter(owners)), key)
        # Across the corpus only configured merges join other different word lists.
        for group_names in self.config.merge:
            keys = [_key(tuple(fold(name).split())) for name in group_names]
            for key in keys:
                parent.setdefault(key, key)
                counts.setdefault(key, 0)
            for key in keys[1:]:
                union(keys[0], key)
            first = root(keys[0])
            if first != keys[0]:  # the first name of a merge group is the one shown
                parent[keys[0]] = keys[0]
                parent[first] = keys[0]
        for canonical, aliases in self.config.aliases.items():
            key = _key(tuple(fold(canonical).split()))
            parent.setdefault(key, key)
            counts.setdefault(key, 0)
            self._surfaces[key][canonical] += 0
            for alias in aliases:
                self._aliases[key].add(alias)
        self._canonical = {key: root(key) for key in parent if key in counts}
        members: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for key, canon in self._canonical.items():
            members[canon].update(self._surfaces.get(key, Counter()))
            for surface in self._surfaces.get(key, Counter()):
                members[canon][surface] += 0
        self._display = {}
        configured = {_key(tuple(fold(c).split())): c for c in self.config.aliases} | {
            _key(tuple(fold(g[0]).split())): g[0] for g in self.config.merge if g
        }
        for canon, surfaces in members.items():
            if canon in configured:
                self._display[canon] = configured[canon]
            elif len(surfaces) == 1:
                self._display[canon] = next(iter(surfaces))
            elif surfaces:
                self._display[canon] = max(
                    surfaces, key=lambda s: (_completeness(s), len(fold(s).split()), surfaces[s], s)
                )
            else:
                self._display[canon] = " ".join(w.title() for w in canon)
            self._aliases[canon].update(s for s in surfaces if s != self._display[canon])
        self._by_last.clear()
        self._by_first.clear()
        for key, canon in self._canonical.items():
            weight = counts.get(key, 0) or 1
            self._by_last[key[-1]][canon] += weight
            self._by_first[key[0]][canon] += weight
        self._finished = True

    def canonical(self, words: tuple[str, ...]) -> tuple[str, ...] | None:
        """The person a full name or a bare name belongs to, when the corpus knows it unambiguously."""
        if not self._finished:
            self.finish()
        key = _key(words)
        if key in self._canonical:
            return self._canonical[key]
        if len(key) == 1:
            for index in (self._by_last, self._by_first):
                found = index.get(key[0])
                if found:
                    ranked = found.most_common(2)
                    if len(ranked) == 1 or ranked[0][1] >= 4 * ranked[1][1]:
                        return ranked[0][0]
                    return None
        return None

    def knows(self, canon: tuple[str, ...]) -> bool:
        return canon in self._display

    def display(self, canon: tuple[str, ...]) -> str:
        return self._display.get(canon) or " ".join(w.title() for w in canon)

    def aliases(self, canon: tuple[str, ...]) -> list[str]:
        return sorted(self._aliases.get(canon, set()))

    def people(self) -> dict[str, list[str]]:
        """Every person the corpus knows by full name: display name -> aliases."""
        if not self._finished:
            self.finish()
        known = {self._display[c]: set(self.aliases(c)) for c in set(self._canonical.values()) if c in self._display}
        for name, surfaces in self._seen.items():
            known.setdefault(name, set()).update(surfaces - {name})
        return {name: sorted(aliases) for name, aliases in known.items()}

    def resolve(self, draft: Draft, extractor: PeopleExtractor) -> list[Person]:
        """The article's people with their mentions, every hit linked to a person or dropped."""
        if not self._finished:
            self.finish()
        clusters = _ArticleClusters(self, extractor.lex)
        hits = [t for t in (self.trimmed(h) for h in draft.hits) if t is not None]
        ordered = sorted(hits, key=lambda h: (_WHERE_ORDER[draft.sentences[h.sentence].where], h.sentence, h.start))
        # Full names first, then names with a title ("Mr Sung"), then bare names.
        for hit in ordered:
            if hit.person or (len(hit.words) > 1 and hit.evidence):
                clusters.add(hit, create=True)
        for hit in ordered:
            if hit.person is None and len(hit.words) == 1 and hit.evidence:
                clusters.add(hit, create=True)
        unplaced = [h for h in ordered if h.person is None and not h.evidence and not clusters.add(h, create=False)]
        unplaced = [h for h in unplaced if not _split_pair(h, clusters)]
        # A bare name nobody introduced is a person when it speaks ("Mélenchon said") or stands in a
        # list with people ("Le Pen and Mélenchon").
        placed = [h for h in ordered if clusters.placed(h)]
        for hit in unplaced:
            text = draft.sentences[hit.sentence].text
            speaks = (
                _speaks(hit, text, extractor.lex)
                and not _plural_at_start(hit, text)
                and _capitalised_elsewhere(hit, draft)
            )
            if (
                len(hit.words) == 1
                and _plausible_single(hit, extractor.lex)
                and (speaks or _listed_with(hit, placed, text))
            ):
                clusters.add(hit, create=True)
                placed.append(hit)
        for index, tokens in draft.title_case:
            for hit in _known_names_in(index, draft.sentences[index].text, tokens, clusters, extractor):
                clusters.add(hit, create=False)
        people = clusters.people(draft.sentences, extractor)
        for person in people:
            self._seen[person.name].update(m.surface for m in person.mentions)
        return people


def _month_context(hit: Hit) -> bool:
    """ "in May", "May 5", "last May": the month, not Theresa May."""
    before = {"in", "on", "since", "until", "by", "of", "last", "next", "early", "late", "mid"}
    return hit.context_before in before or hit.digit_after


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _completeness(surface: str) -> int:
    """Prefer the spelling with accents ("Tomás" over "Tomas"); then the fuller name ("Lena van der Kolk"
    over "Van der Kolk"); then the commoner one."""
    return 0 if surface.isascii() else sum(1 for ch in surface if ord(ch) > 127 and ch.isalpha())


class _ArticleClusters:
    """The people of one article while its hits are being linked."""

    def __init__(self, registry: NameRegistry, lex: Lexicon) -> None:
        self.registry = registry
        self.lex = lex
        self._placed: set[int] = set()
        self.names: dict[tuple[str, ...], list[Hit]] = {}  # cluster key (longest words) -> hits
        self.order: list[tuple[str, ...]] = []
        self._matches: dict[tuple[str, ...], tuple[str, ...] | None] = {}  # _match's answers while order holds
        self.person: dict[tuple[str, ...], str] = {}

    def known(self, hit: Hit) -> bool:
        """True when the hit would join a person the article or the corpus knows."""
        return self._match(hit.words) is not None or (
            self.registry.canonical(hit.words) is not None and _plausible_single(hit, self.lex)
        )

    def placed(self, hit: Hit) -> bool:
        return id(hit) in self._placed

    def add(self, hit: Hit, create: bool) -> bool:
        """Put the hit in its person's cluster; False when it is not (yet) known to be a person."""
        config = self.registry.config
        if config.ignored(" ".join(hit.words)) or config.ignored(hit.surface):
            return False
        if hit.person:
            key = _key(tuple(fold(hit.person).split()))
            self._put(key, hit)
            self.person[key] = hit.person
            return True
        if self.registry.is_outlet(hit.words):
            return False
        match = self._match(hit.words)
        if match is not None and not create and not _plausible_single(hit, self.lex):
            # Only the article's own full name can make "May" a surname, and not "in May" or "May 5".
            if hit.words[0] in MONTHS and _month_context(hit):
                return False
        elif not create and not _plausible_single(hit, self.lex):
            return False
        if match is not None:
            if len(match) == 1 and len(_key(hit.words)) > 1:  # a fuller name for a cluster begun by "Mr Sung"
                self.names[_key(hit.words)] = self.names.pop(match)
                self.order[self.order.index(match)] = _key(hit.words)
                self._matches.clear()
                match = _key(hit.words)
            self.names[match].append(hit)
            self._placed.add(id(hit))
            return True
        if create:
            self._put(_key(hit.words) or hit.words, hit)
            return True
        canon = self.registry.canonical(hit.words)
        if canon is not None and not _weak_single(hit):
            self._put(canon, hit)
            return True
        return False

    def _put(self, key: tuple[str, ...], hit: Hit) -> None:
        if key not in self.names:
            self.names[key] = []
            self.order.append(key)
            self._matches.clear()
        self.names[key].append(hit)
        self._placed.add(id(hit))

    def _match(self, words: tuple[str, ...]) -> tuple[str, ...] | None:
        """The cluster this name belongs to: one whose name ends (surname) or starts with it, or a
        shorter cluster the new name contains ("Mr Sung" before "Sung Min-ho"); the latest wins."""
        key = _key(words) or words
        if key in self._matches:
            return self._matches[key]
        best: tuple[str, ...] | None = None
        best_rank = -1
        size = len(key)
        for name in self.order:  # this loop is most of resolving: plain slices, no helper call
            length = len(name)
            if size <= length:
                shorter, longer, cut = key, name, size
            elif length:
                shorter, longer, cut = name, key, length
            else:
                continue
            if longer[-cut:] == shorter:
                rank = 2
            elif longer[:cut] == shorter:
                rank = 1
            else:
                continue
            if rank >= best_rank:  # a tie goes to the later cluster
                best, best_rank = name, rank
        self._matches[key] = best
        return best

    def people(self, sentences: list[Sentence], extractor: PeopleExtractor) -> list[Person]:
        found: dict[tuple[str, ...], list[Hit]] = defaultdict(list)
        for key in self.order:
            hits = self.names[key]
            if key in self.person:
                canon = _key(tuple(fold(self.person[key]).split()))
            else:
                canon = self.registry.canonical(key) or key
            found[canon].extend(hits)
        people: list[Person] = []
        for canon, hits in found.items():
            if self.registry.config.ignored(" ".join(canon)):
                continue
            if self.registry.knows(canon):
                name = self.registry.display(canon)
            else:
                name = Counter(h.surface for h in hits).most_common(1)[0][0]
            mentions = sorted(
                (
                    Mention(
                        sentence=h.sentence,
                        start=h.start,
                        end=h.end,
                        surface=h.surface,
                        where=sentences[h.sentence].where,
                        labels=h.labels,
                        verb=h.verb,
                        verb_class=extractor.lex.verb_class.get(h.verb) if h.verb else None,
                        quote=h.quote,
                    )
                    for h in hits
                ),
                key=lambda m: (m.sentence, m.start),
            )
            aliases = sorted(
                {m.surface for m in mentions if m.surface != name} | set(self.registry.aliases(canon)) - {name}
            )
            people.append(Person(name=name, aliases=aliases, mentions=mentions))
        people.sort(key=lambda p: (-len(p.mentions), p.mentions[0].sentence))
        return people


def _plausible_single(hit: Hit, lex: Lexicon) -> bool:
    """A bare name that could be a surname: not a place, nationality, institution or common word."""
    if len(hit.words) > 1:
        return True
    word = hit.words[0]
    return not (word in lex.places or word in lex.demonyms or word in lex.organisation_words or word in STOP_WORDS)


def _split_pair(hit: Hit, clusters: _ArticleClusters) -> bool:
    """ "the Putin-Kim summit": two known people joined by a hyphen; True when both are placed."""
    parts = hit.surface.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
        return False
    halves = [
        Hit(hit.sentence, hit.start, hit.start + len(parts[0]), parts[0], tuple(fold(parts[0]).split()), ""),
        Hit(hit.sentence, hit.end - len(parts[1]), hit.end, parts[1], tuple(fold(parts[1]).split()), ""),
    ]
    if not all(clusters.known(h) for h in halves):
        return False
    for half in halves:
        clusters.add(half, create=False)
    return True


def _capitalised_elsewhere(hit: Hit, draft: Draft) -> bool:
    """A sentence-initial word counts as a name only if the article also capitalises it mid-sentence."""
    if not hit.initial:
        return True
    return any(h.words == hit.words and not h.initial for h in draft.hits)


def _speaks(hit: Hit, text: str, lex: Lexicon) -> bool:
    """The name is directly followed by its reporting verb: "Mélenchon said", not "Local officials said"."""
    if not hit.verb:
        return False
    following = text[hit.end :].lstrip("’'s").split(None, 1)
    return bool(following) and following[0].lower().strip(",.") in lex.verb_forms


def _plural_at_start(hit: Hit, text: str) -> bool:
    """ "Critics said ...": a capitalised plural opening the sentence is a common noun, not a name."""
    word = hit.surface
    return text.lstrip("“\"‘'(").startswith(word) and word.endswith("s") and not word.endswith(("ss", "us", "is"))


_LIST_GLUE = frozenset({"and", ",", "or", ", and", "&"})


def _listed_with(hit: Hit, placed: list[Hit], text: str) -> bool:
    """True when the hit stands next to a known person in a list: "Le Pen and Mélenchon"."""
    for other in placed:
        if other.sentence != hit.sentence or other is hit:
            continue
        a, b = (other, hit) if other.start < hit.start else (hit, other)
        glue = text[a.end : b.start].strip().lstrip("’'s").strip()
        if glue in _LIST_GLUE:
            return True
    return False


def _weak_single(hit: Hit) -> bool:
    """A bare capitalised word too common to take for a surname without an article's full name."""
    word = hit.words[0]
    return word in STOP_WORDS or word in MONTHS or word in DAYS


def _known_names_in(
    index: int, text: str, tokens: Tokens, clusters: _ArticleClusters, extractor: PeopleExtractor
) -> list[Hit]:
    """Names in a Title Case headline: only those the article (or corpus) already knows."""
    hits: list[Hit] = []
    folded = [fold(t) for t in tokens.text]
    known = sorted(clusters.order, key=len, reverse=True)
    i = 0
    n = len(folded)
    while i < n:
        matched = 0
        for name in known:
            for length in range(len(name), 0, -1):
                for part in (name[-length:], name[:length]):
                    if tuple(folded[i : i + length]) == part and (length > 1 or part[0] not in STOP_WORDS):
                        matched = length
                        break
                if matched:
                    break
            if matched:
                break
        if not matched:
            word = tokens.text[i]
            possessive_free = fold(re.sub(r"['’]s?$", "", word))
            if (
                word[:1].isupper()
                and possessive_free not in STOP_WORDS
                and clusters.registry.canonical((possessive_free,)) is not None
            ):
                matched = 1
        if matched:
            words = tuple(tokens.text[i : i + matched])
            last = re.sub(r"['’]s?$", "", words[-1]) if matched else words[-1]
            cand = Candidate(i, i + matched, i, (*words[:-1], last), "", possessive=last != words[-1])
            hits.append(extractor.hit_for(index, text, tokens, cand, title_case=True))
            i += matched
        else:
            i += 1
    return hits


def extract_people(articles: list[Article], config: PeopleConfig | None = None) -> NameRegistry:
    """Fill `sentences` and `people` of every article; returns the registry of the corpus's names."""
    extractor = PeopleExtractor(config)
    registry = NameRegistry(extractor.config)
    drafts = [extractor.draft(article) for article in articles]
    for draft in drafts:
        registry.learn(draft)
        draft.vocabulary = ""  # only learning needs it
    registry.finish()
    for article, draft in zip(articles, drafts, strict=True):
        article.sentences = draft.sentences
        article.people = registry.resolve(draft, extractor)
    # Aliases are a corpus-wide fact: every name any article uses for the person (the registry saw them).
    aliases = registry.people()
    for article in articles:
        for person in article.people:
            person.aliases = aliases.get(person.name, person.aliases)
    return registry
