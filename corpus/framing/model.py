"""The records a comparison is made of. Every figure carries `Evidence`: the sentences behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from corpus.framing.align import DiffRun
from corpus.framing.distinctive import WordScore
from corpus.framing.tone import Tone
from corpus.model import pickled_as_tuple


@pickled_as_tuple
@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """One sentence: the article's id and the sentence's index in `Article.sentences`."""

    article: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Target:
    """What is compared: a person (canonical name and aliases) or a free query.

    For a query, `terms` are the index's analysed words (stems); a sentence mentions the target when
    one of its words stems to one of them, as the caller's `matcher` decides.
    """

    name: str
    kind: str  # "person" or "query"
    aliases: tuple[str, ...] = ()
    terms: frozenset[str] = frozenset()


@pickled_as_tuple
@dataclass(slots=True)
class Ranked:
    """A label, verb, person or word with how often it occurs and where."""

    item: str
    count: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    verb: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class KwicLine:
    """One mention, split around the name so a view can align every line on it."""

    evidence: Evidence
    date: date | None
    left: str
    name: str
    right: str


@dataclass(slots=True)
class Distinctive:
    score: WordScore
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class OutletProfile:
    """How one outlet frames the target."""

    outlet: str
    articles: int  # articles mentioning the target
    outlet_articles: int  # all the outlet's articles in the compared period
    mentions: int
    timeline: list[tuple[str, int]]  # (period, mentions): "2025-04" by month, "2025-W15" by week
    labels: list[Ranked]
    verbs: list[Ranked]
    verb_classes: dict[str, float]  # class -> share of the mentions that have a verb
    verb_class_counts: dict[str, int]
    tone: Tone[Evidence]
    tone_scores: list[tuple[Evidence, float]]  # every mention sentence's VADER compound
    distinctive: list[Distinctive]
    comentions: list[Ranked]  # people in the same sentences
    comentions_articles: list[Ranked]  # people in the same articles
    quotes: list[Quote]
    kwic: list[KwicLine]
    sentences: dict[Evidence, str] = field(default_factory=dict)  # the text of every evidence sentence

    @property
    def share(self) -> float:
        return self.articles / self.outlet_articles if self.outlet_articles else 0.0


@dataclass(frozen=True, slots=True)
class SentenceRef:
    outlet: str
    evidence: Evidence
    text: str


@dataclass(frozen=True, slots=True)
class AlignedSentences:
    a: SentenceRef
    b: SentenceRef
    similarity: float
    diff: list[DiffRun]

    @property
    def reworded(self) -> bool:
        """Whether the two sentences differ in any word (a pair can score 1.0 and still differ)."""
        return any(run.op != "equal" for run in self.diff)


@dataclass(slots=True)
class Comparison:
    target: Target
    outlets: list[OutletProfile]
    aligned: list[AlignedSentences]
    summary: dict[str, str]  # measure -> one line on where the outlets differ most
    date_from: date | None = None
    date_to: date | None = None
    same_stories: bool = False

    def profile(self, outlet: str) -> OutletProfile:
        return next(p for p in self.outlets if p.outlet == outlet)
