"""Scoring people extraction against a hand-made gold file: precision and recall per field.

The gold file lists, per article (`source` relative to a root folder, `part`), every person mention in
reading order: `{where, surface, person, labels, verb, quote}`. A gold mention is placed by finding its
surface in its section after the previous one; a found mention matches a gold one when they overlap
in the same section. Fields are then compared on matched pairs (see `Scores`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.attribution import normalise_label
from corpus.model import Article
from corpus.names import fold

_SECTIONS = ("title", "body", "via", "comment")


@dataclass(slots=True)
class Tally:
    """Counts for one field: found items that are right, all found items, all gold items."""

    correct: int = 0
    found: int = 0
    gold: int = 0
    recalled: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 1.0


@dataclass(slots=True)
class Scores:
    """names: mention spans; people: the canonical person of matched mentions; labels, verbs, quotes."""

    names: Tally = field(default_factory=Tally)
    exact: Tally = field(default_factory=Tally)
    people: Tally = field(default_factory=Tally)
    labels: Tally = field(default_factory=Tally)
    verbs: Tally = field(default_factory=Tally)
    quotes: Tally = field(default_factory=Tally)
    articles: int = 0
    misses: list[str] = field(default_factory=list)  # readable notes on errors, for tuning

    def rows(self) -> list[tuple[str, Tally]]:
        return [
            ("person names", self.names),
            ("exact name spans", self.exact),
            ("canonical person", self.people),
            ("labels", self.labels),
            ("verbs", self.verbs),
            ("quotes", self.quotes),
        ]


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    articles: list[dict[str, Any]] = data["articles"]
    return articles


def score(articles: Iterable[Article], gold: list[dict[str, Any]], root: str | Path) -> Scores:
    """Compare the people of `articles` (read from under `root`) with the gold annotations."""
    root = Path(root).resolve()
    by_source = {}
    for article in articles:
        try:
            rel = Path(article.source.path).resolve().relative_to(root).as_posix()
        except ValueError:
            continue
        by_source[(rel, article.source.part)] = article
    scores = Scores()
    for entry in gold:
        found = by_source.get((entry["source"], entry["part"]))
        if found is None:
            scores.misses.append(f"{entry['source']}#{entry['part']}: article not read")
            continue
        scores.articles += 1
        _score_article(found, entry, scores)
    return scores


def _sections(article: Article) -> dict[str, list[str]]:
    return {
        "title": [article.title],
        "body": [article.body],
        "via": [v.text for v in article.via],
        "comment": [c.text for c in article.comments],
    }


def _place_gold(article: Article, mentions: list[dict[str, Any]]) -> list[tuple[str, int, int, int] | None]:
    sections = _sections(article)
    cursor = {where: (0, 0) for where in _SECTIONS}
    placed: list[tuple[str, int, int, int] | None] = []
    for m in mentions:
        where = m["where"]
        block, pos = cursor[where]
        found = None
        texts = sections.get(where, [])
        while block < len(texts):
            at = texts[block].find(m["surface"], pos)
            if at >= 0:
                found = (where, block, at, at + len(m["surface"]))
                cursor[where] = (block, at + len(m["surface"]))
                break
            block, pos = block + 1, 0
        placed.append(found)
    return placed


def _score_article(article: Article, entry: dict[str, Any], scores: Scores) -> None:
    gold = entry["mentions"]
    spans = _place_gold(article, gold)
    found = []
    for person in article.people:
        for m in person.mentions:
            sentence = article.sentences[m.sentence]
            found.append(
                ((sentence.where, sentence.block, sentence.start + m.start, sentence.start + m.end), person.name, m)
            )
    used: set[int] = set()
    pairs = []
    for g_index, span in enumerate(spans):
        if span is None:
            scores.misses.append(
                f"{entry['source']}#{entry['part']}: gold surface not in text: {gold[g_index]['surface']}"
            )
            continue
        for f_index, (fspan, _, _) in enumerate(found):
            if f_index in used or fspan[:2] != span[:2]:
                continue
            if fspan[2] < span[3] and span[2] < fspan[3]:
                used.add(f_index)
                pairs.append((g_index, f_index))
                break
    matched_gold = {g for g, _ in pairs}
    label = f"{entry['source']}#{entry['part']}"
    scores.names.found += len(found)
    scores.names.gold += len(gold)
    scores.names.correct += len(pairs)
    scores.names.recalled += len(pairs)
    scores.exact.found += len(found)
    scores.exact.gold += len(gold)
    for g_index, f_index in pairs:
        g, (fspan, name, m) = gold[g_index], found[f_index]
        span = spans[g_index]
        if span is not None and fspan == span:
            scores.exact.correct += 1
            scores.exact.recalled += 1
        scores.people.found += 1
        scores.people.gold += 1
        if _same_person(name, g["person"]):
            scores.people.correct += 1
            scores.people.recalled += 1
        else:
            scores.misses.append(f"{label}: person {name!r} for gold {g['person']!r} ({g['surface']})")
        where = f"{label}: {g['surface']!r}"
        gold_labels = [normalise_label([x]) for x in g["labels"]]
        _score_field(scores.labels, gold_labels, list(m.labels), scores.misses, f"{where} label")
        _score_field(
            scores.verbs, [g["verb"]] if g["verb"] else [], [m.verb] if m.verb else [], scores.misses, f"{where} verb"
        )
        _score_field(
            scores.quotes,
            ["quote"] if g["quote"] else [],
            ["quote"] if m.quote else [],
            scores.misses,
            f"{where} quote",
        )
    for g_index, g in enumerate(gold):
        if g_index not in matched_gold:
            scores.misses.append(f"{label}: missed {g['where']} {g['surface']!r}")
            scores.labels.gold += len(g["labels"])
            scores.verbs.gold += 1 if g["verb"] else 0
            scores.quotes.gold += 1 if g["quote"] else 0
    matched_found = {f for _, f in pairs}
    for f_index, (fspan, name, m) in enumerate(found):
        if f_index not in matched_found:
            scores.misses.append(f"{label}: extra {fspan[0]} {m.surface!r} as {name!r}")
            scores.labels.found += len(m.labels)
            scores.verbs.found += 1 if m.verb else 0
            scores.quotes.found += 1 if m.quote else 0


def _same_person(found: str, gold: str) -> bool:
    """The same name, or one ends the other: annotators wrote "Trump" where the corpus knows
    "Donald Trump", and "Marine Le Pen" where the text only ever says "Le Pen"."""
    a, b = fold(found).split(), fold(gold).split()
    if len(a) > len(b):
        a, b = b, a
    return bool(a) and b[-len(a) :] == a


def _score_field(tally: Tally, gold: list[str], found: list[str], notes: list[str], where: str) -> None:
    tally.gold += len(gold)
    tally.found += len(found)
    tally.correct += sum(1 for f in found if f in gold)
    tally.recalled += sum(1 for g in gold if g in found)
    wrong = [f for f in found if f not in gold]
    missing = [g for g in gold if g not in found]
    if wrong or missing:
        notes.append(f"{where}: found {wrong or '-'}, gold {missing or '-'}")
