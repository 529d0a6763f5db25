"""A comparison: for one target and a few outlets, each outlet's framing profile and the sentences
where two outlets word the same fact differently. Pure: it reads articles (with their stored sentences
and mentions) and never re-parses a file or touches the index.

Only the outlet's own words count: mentions in reader comments and in blocks reposted from another
outlet ("Via ...") are left out, since they are not how this outlet frames anyone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from corpus.framing.align import AlignedPair, align, similar_pairs
from corpus.framing.distinctive import WordScore, fightin_words, words
from corpus.framing.model import (
    AlignedSentences,
    Comparison,
    Distinctive,
    Evidence,
    KwicLine,
    OutletProfile,
    Quote,
    Ranked,
    SentenceRef,
    Target,
)
from corpus.framing.parallel import Task, beside, worth_a_worker
from corpus.framing.summary import summarise_differences
from corpus.framing.tone import score, summarise
from corpus.lexicon import VERB_CLASSES
from corpus.model import Article, pickled_as_tuple

OWN_TEXT = ("title", "body")
Matcher = Callable[[str], list[tuple[int, int]]]


@pickled_as_tuple
@dataclass(slots=True)
class _Hit:
    """A mention of the target in one article: a person's Mention, or a sentence a query matched.
    (Not frozen, like `Mention`: a large comparison makes 14,000, and unpickles those the worker made.)"""

    evidence: Evidence
    date: date | None
    start: int
    end: int
    labels: tuple[str, ...] = ()
    verb: str | None = None
    verb_class: str | None = None
    quote: str | None = None


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class OutletPart:
    """What a comparison needs of one outlet, worked out from that outlet's articles alone: so a worker
    process can build it from the index while this one builds another, and only this crosses between
    them, not the articles."""

    outlet: str
    articles: int  # the outlet's articles given (those naming the target, or all of them for a query)
    hits: list[_Hit]
    texts: dict[Evidence, str]  # each mention sentence's text
    side: list[tuple[Evidence, str]]  # each wording once, for alignment
    tokens: dict[Evidence, list[str]]  # the counted words of each mention's context
    comentions: list[Ranked]
    comentions_articles: list[Ranked]


def compare(
    target: Target,
    articles: Mapping[str, Sequence[Article]],
    outlet_totals: Mapping[str, int],
    *,
    prior: Mapping[str, float] | None = None,
    matcher: Matcher | None = None,
    window: int = 0,
    same_stories: bool = False,
    align_threshold: float = 0.5,
    aligned_limit: int = 100,
    top: int = 30,
    date_from: date | None = None,
    date_to: date | None = None,
    parallel: bool = False,
) -> Comparison:
    """Compare how each outlet of `articles` (outlet -> its articles about the target) frames it.

    `outlet_totals` gives each outlet's article count for the share; `prior` background word counts
    for distinctive words (None: the compared outlets' own words); `matcher` finds a query target in
    a sentence; `window` widens each mention's context by that many sentences either side; `parallel`
    lets a worker process score tones and align sentences meanwhile when there are enough
    (corpus.framing.parallel).
    """
    if same_stories:
        articles = same_story_articles(articles)
    parts = [outlet_part(target, outlet, found, matcher, window) for outlet, found in articles.items()]
    return combine(
        target,
        parts,
        outlet_totals,
        prior=prior,
        align_threshold=align_threshold,
        aligned_limit=aligned_limit,
        top=top,
        date_from=date_from,
        date_to=date_to,
        same_stories=same_stories,
        parallel=parallel,
    )


def outlet_part(
    target: Target, outlet: str, articles: Sequence[Article], matcher: Matcher | None = None, window: int = 0
) -> OutletPart:
    """One outlet's share of a comparison (see `compare` for the arguments)."""
    hits = _hits(target, articles, matcher)
    by_id = {a.id: a for a in articles}
    texts = {e: by_id[e.article].sentences[e.sentence].text for e in dict.fromkeys(h.evidence for h in hits)}
    exclude = _name_words(target)
    tokens = {e: words(text, exclude) for e, text in _contexts(hits, by_id, window).items()}
    comentions, comentions_articles = _comentions(hits, by_id, target)
    return OutletPart(
        outlet,
        len(articles),
        hits,
        texts,
        _distinct_sentences(texts),
        tokens,
        comentions,
        comentions_articles,
    )


def combine(
    target: Target,
    parts: Sequence[OutletPart],
    outlet_totals: Mapping[str, int],
    *,
    prior: Mapping[str, float] | None = None,
    align_threshold: float = 0.5,
    aligned_limit: int = 100,
    top: int = 30,
    date_from: date | None = None,
    date_to: date | None = None,
    same_stories: bool = False,
    parallel: bool = False,
) -> Comparison:
    """The comparison made of each outlet's part: what needs all of them (the timeline's axis,
    distinctive words, aligned sentences) and the profiles. Tones and alignments are tasks, for the
    worker (see `compare`)."""
    outlet_pairs = list(combinations(parts, 2))
    tone_tasks: list[Task] = [(score, (list(part.texts.values()),)) for part in parts]
    align_tasks: list[Task] = [
        (_align, ([t for _, t in x.side], [t for _, t in y.side], align_threshold, aligned_limit))
        for x, y in outlet_pairs
    ]
    worth_it = parallel and worth_a_worker([len(part.side) for part in parts])
    with beside([tone_tasks, align_tasks], parallel=worth_it) as tasks:
        periods = _periods([h.date for part in parts for h in part.hits if h.date])
        counts = {part.outlet: Counter(w for found in part.tokens.values() for w in found) for part in parts}
        scores = fightin_words(counts, prior, top=top)
        tones = tasks.results(0)
        built = [
            _profile(
                part,
                outlet_totals.get(part.outlet, part.articles),
                periods,
                scores.get(part.outlet, []),
                top,
                list(zip(part.texts, tone, strict=True)),
            )
            for part, tone in zip(parts, tones, strict=True)
        ]
        alignments: list[list[AlignedPair]] = tasks.results(1)
    aligned: list[AlignedSentences] = []
    for (x, y), pairs in zip(outlet_pairs, alignments, strict=True):
        for pair in pairs:
            (ex, tx), (ey, ty) = x.side[pair.a], y.side[pair.b]
            aligned.append(
                AlignedSentences(
                    SentenceRef(x.outlet, ex, tx), SentenceRef(y.outlet, ey, ty), pair.similarity, pair.diff
                )
            )
    aligned.sort(key=lambda pair: -pair.similarity)  # best first across every pair of outlets (stable within ties)
    comparison = Comparison(target, built, aligned, {}, date_from, date_to, same_stories)
    comparison.summary = summarise_differences(comparison)
    return comparison


def same_story_articles(
    articles: Mapping[str, Sequence[Article]], threshold: float = 0.3, days: int = 4
) -> dict[str, list[Article]]:
    """Only articles whose story another chosen outlet also covers: similar title and opening,
    published within `days` of each other (when both are dated)."""
    keep: dict[str, set[str]] = {outlet: set() for outlet in articles}
    outlets = list(articles)
    for x, y in combinations(outlets, 2):
        a, b = articles[x], articles[y]
        for _, i, j in similar_pairs([_lead(art) for art in a], [_lead(art) for art in b], threshold):
            da, db = a[i].date, b[j].date
            if da and db and abs((da - db).days) > days:
                continue
            keep[x].add(a[i].id)
            keep[y].add(b[j].id)
    return {outlet: [a for a in found if a.id in keep[outlet]] for outlet, found in articles.items()}


def _lead(article: Article) -> str:
    paragraphs = article.paragraphs
    return article.title + " " + (paragraphs[0] if paragraphs else "")


def _hits(target: Target, articles: Sequence[Article], matcher: Matcher | None) -> list[_Hit]:
    hits: list[_Hit] = []
    for article in articles:
        if target.kind == "person":
            for person in article.people:
                if person.name != target.name:
                    continue
                for m in person.mentions:
                    if m.where in OWN_TEXT and m.sentence < len(article.sentences):
                        evidence = Evidence(article.id, m.sentence)
                        hits.append(
                            _Hit(evidence, article.date, m.start, m.end, m.labels, m.verb, m.verb_class, m.quote)
                        )
        elif matcher is not None:
            for index, sentence in enumerate(article.sentences):
                if sentence.where not in OWN_TEXT:
                    continue
                spans = matcher(sentence.text)
                if spans:
                    hits.append(_Hit(Evidence(article.id, index), article.date, spans[0][0], spans[0][1]))
    hits.sort(key=lambda h: (h.date or date.min, h.evidence))
    return hits


def _contexts(hits: Sequence[_Hit], by_id: Mapping[str, Article], window: int) -> dict[Evidence, str]:
    """The text around each distinct mention sentence: the sentence and `window` neighbours of the same text."""
    out: dict[Evidence, str] = {}
    for hit in hits:
        if hit.evidence in out:
            continue
        sentences = by_id[hit.evidence.article].sentences
        here = sentences[hit.evidence.sentence]
        lo, hi = hit.evidence.sentence, hit.evidence.sentence
        for _ in range(window):
            if lo > 0 and sentences[lo - 1].where == here.where and sentences[lo - 1].block == here.block:
                lo -= 1
            if (
                hi + 1 < len(sentences)
                and sentences[hi + 1].where == here.where
                and sentences[hi + 1].block == here.block
            ):
                hi += 1
        out[hit.evidence] = " ".join(s.text for s in sentences[lo : hi + 1])
    return out


def _name_words(target: Target) -> frozenset[str]:
    """The target's own words, left out of distinctive words (an outlet naming him is not framing)."""
    names = (target.name, *target.aliases)
    found = {w for name in names for w in words(name)}
    found |= {w.lower() for name in names for w in name.split()}
    return frozenset(found | set(target.terms))


def _periods(dates: list[date]) -> tuple[str, list[str]]:
    """Months when the mentions span more than four months, else ISO weeks; every period in between."""
    if not dates:
        return "month", []
    first, last = min(dates), max(dates)
    if (last - first).days > 120:
        out: list[str] = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            out.append(f"{year}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return "month", out
    weeks: list[str] = []
    day = first - timedelta(days=first.weekday())
    while day <= last:
        weeks.append(_week(day))
        day += timedelta(days=7)
    return "week", weeks


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _period(day: date, unit: str) -> str:
    return f"{day.year}-{day.month:02d}" if unit == "month" else _week(day)


def _ranked(counter: Counter[str], evidence: Mapping[str, list[Evidence]], top: int | None = None) -> list[Ranked]:
    ordered = sorted(counter, key=lambda k: (-counter[k], k))
    return [Ranked(item, counter[item], evidence[item]) for item in ordered[:top]]


def _profile(
    part: OutletPart,
    outlet_total: int,
    periods: tuple[str, list[str]],
    word_scores: list[WordScore],
    top: int,
    tone_scores: list[tuple[Evidence, float]],
) -> OutletProfile:
    unit, axis = periods
    hits = part.hits
    timeline = Counter(_period(h.date, unit) for h in hits if h.date)
    labels: Counter[str] = Counter()
    verbs: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    where: dict[str, list[Evidence]] = defaultdict(list)
    quotes: list[Quote] = []
    seen_quotes: set[str] = set()
    for hit in hits:
        for label in dict.fromkeys(hit.labels):
            labels[label] += 1
            where["label:" + label].append(hit.evidence)
        if hit.verb:
            verbs[hit.verb] += 1
            where["verb:" + hit.verb].append(hit.evidence)
            classes[hit.verb_class or "neutral"] += 1
        if hit.quote and hit.quote not in seen_quotes:
            seen_quotes.add(hit.quote)
            quotes.append(Quote(hit.quote, hit.verb, hit.evidence))
    with_verb = sum(classes.values())
    texts = part.texts  # distinctive words' evidence is among these: the tokens are the mentions' contexts
    return OutletProfile(
        outlet=part.outlet,
        articles=len({h.evidence.article for h in hits}),
        outlet_articles=max(outlet_total, part.articles),
        mentions=len(hits),
        timeline=[(period, timeline.get(period, 0)) for period in axis],
        labels=_ranked(labels, {k[6:]: v for k, v in where.items() if k.startswith("label:")}, top),
        verbs=_ranked(verbs, {k[5:]: v for k, v in where.items() if k.startswith("verb:")}, top),
        verb_classes={c: (classes[c] / with_verb if with_verb else 0.0) for c in VERB_CLASSES},
        verb_class_counts={c: classes[c] for c in VERB_CLASSES},
        tone=summarise(tone_scores),
        tone_scores=tone_scores,
        distinctive=_distinctive(word_scores, part.tokens, top),
        comentions=part.comentions[:top],
        comentions_articles=part.comentions_articles[:top],
        quotes=quotes,
        kwic=[_kwic(h, texts[h.evidence]) for h in hits],
        sentences=texts,
    )


def _align(a: list[str], b: list[str], threshold: float, limit: int | None) -> list[AlignedPair]:
    """`align` as a task: a module-level function, so a spawned worker can import it."""
    return align(a, b, threshold=threshold, limit=limit)


def _kwic(hit: _Hit, text: str) -> KwicLine:
    return KwicLine(hit.evidence, hit.date, text[: hit.start], text[hit.start : hit.end], text[hit.end :])


def _comentions(hits: list[_Hit], by_id: Mapping[str, Article], target: Target) -> tuple[list[Ranked], list[Ranked]]:
    """Other people named in the target's sentences, and in the target's articles."""
    sentences: Counter[str] = Counter()
    sentence_evidence: dict[str, list[Evidence]] = defaultdict(list)
    articles: Counter[str] = Counter()
    article_evidence: dict[str, list[Evidence]] = defaultdict(list)
    # the target's sentence numbers per article: checked for every mention of everyone else, so by number,
    # not by making an Evidence for each (two per mention took half of this on a large comparison)
    target_sentences: dict[str, set[int]] = defaultdict(set)
    for h in hits:
        target_sentences[h.evidence.article].add(h.evidence.sentence)
    for article_id, numbers in target_sentences.items():
        for person in by_id[article_id].people:
            if person.name == target.name:
                continue
            own = [m.sentence for m in person.mentions if m.where in OWN_TEXT]
            if not own:
                continue
            articles[person.name] += 1
            article_evidence[person.name].append(Evidence(article_id, own[0]))
            shared = [Evidence(article_id, k) for k in dict.fromkeys(own) if k in numbers]
            if shared:
                sentences[person.name] += len(shared)
                sentence_evidence[person.name].extend(shared)
    return _ranked(sentences, sentence_evidence), _ranked(articles, article_evidence)


def _distinctive(word_scores: Sequence[WordScore], tokens: Mapping[Evidence, list[str]], top: int) -> list[Distinctive]:
    """The outlet's words with the highest z, each with the mention sentences that use it."""
    chosen = [s for s in word_scores if s.z > 0][:top]
    wanted = {s.word for s in chosen}
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for key, found in tokens.items():
        for word in wanted.intersection(found):
            evidence[word].append(key)
    return [Distinctive(s, evidence[s.word]) for s in chosen]


def _distinct_sentences(texts: Mapping[Evidence, str]) -> list[tuple[Evidence, str]]:
    """Each mention sentence once, and each wording once (syndicated copies would align with themselves)."""
    first: dict[str, Evidence] = {}
    for evidence, text in texts.items():
        first.setdefault(text, evidence)
    return [(evidence, text) for text, evidence in first.items()]
