"""Aligned-sentence throughput on one core: two outlets' mention sentences, some of them paraphrases of each other.

    python bench/align_bench.py [--n 2000] [--share 0.3] [--seed 7]

Both sides are generated from templates over a few hundred words, every sentence about the same person (as the
mention sentences of one person are). A share of side b (30% by default) paraphrases distinct side-a sentences:
synonyms swapped, words inserted or dropped, clauses moved, the name written another way; the rest of side b is
unrelated. The timed part is `align` (candidates, scores, matching and the diffs), median of 3 runs. Prints pairs
found, seconds, and how many of the planted paraphrase pairs came back. Not part of the test run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus.framing.align import AlignedPair, align, similarity

TARGET_SECONDS = 1.0

NAMES = [("Minister", "Anna", "Vale"), ("Senator", "Tomas", "Rhee"), ("Mayor", "Ingrid", "Solberg")]
REPORTING = {
    "said": ["claimed", "argued", "insisted", "stated"],
    "warned": ["cautioned", "alleged", "suggested"],
    "admitted": ["conceded", "acknowledged", "accepted"],
    "announced": ["revealed", "confirmed", "disclosed"],
}
ADJECTIVES = {
    "controversial": ["disputed", "contested"],
    "costly": ["expensive", "pricey"],
    "secret": ["confidential", "undisclosed"],
    "failed": ["collapsed", "botched"],
    "ambitious": ["sweeping", "bold"],
    "delayed": ["stalled", "postponed"],
    "unpopular": ["divisive", "resented"],
    "new": ["fresh", "latest"],
    "regional": ["provincial", "local"],
    "emergency": ["urgent", "crisis"],
    "illegal": ["unlawful", "improper"],
    "generous": ["lavish", "substantial"],
}
NOUNS = (
    "port deal budget reform pension plan tax hike rail contract housing scheme water tariff mining licence "
    "hospital merger fishing quota bridge project school closure border fence wind farm power plant airport "
    "expansion tram line refinery permit land sale bank bailout grain subsidy steel tariff ferry service "
    "council audit police review court ruling wage freeze fuel levy tobacco ban rent cap flood barrier "
    "tunnel tender dairy import forest lease pipeline route"
).split()
NOUN_PHRASES = [f"{NOUNS[i]} {NOUNS[i + 1]}" for i in range(0, len(NOUNS) - 1, 2)]
PREDICATES = {
    "was a disaster for": ["was a catastrophe for", "had been a disaster for"],
    "would protect": ["would safeguard", "will protect"],
    "had cost": ["had drained", "cost"],
    "would create jobs for": ["would bring jobs to", "will create work for"],
    "threatened": ["endangered", "put at risk"],
    "betrayed": ["let down", "abandoned"],
    "was unfair to": ["was unjust to", "treated unfairly"],
    "would benefit": ["would help", "will benefit"],
}
GROUPS = (
    "workers farmers pensioners fishermen nurses teachers tenants commuters students miners shopkeepers "
    "truckers families veterans taxpayers residents dockers builders drivers doctors"
).split()
GROUP_ADJECTIVES = ["local", "young", "rural", "poorer", "retired", "struggling", "coastal", "northern"]
PLACES = (
    "Harlow Brennick Ostmark Calder Velden Marrow Tessin Arvik Dunmore Lisk Pellham Rauma Sorrel Quay Vester "
    "Kilbride Norrby Ashgrove Falk Tamsin"
).split()
TIMES = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "at the weekend",
    "last week",
    "in a radio interview",
    "at a press conference",
    "in parliament",
    "during a televised debate",
    "in a statement",
]
ORGANISATIONS = (
    "the unions;the opposition;the treasury;the auditors;the regulator;the chamber of commerce;the green party;"
    "the port authority;the farmers' association;the court of appeal;the central bank;the health board;"
    "the teachers' union;the coast guard;the ombudsman;the rail operator"
).split(";")
CLAUSE_VERBS = {
    "criticised": ["condemned", "attacked"],
    "questioned": ["challenged", "doubted"],
    "rejected": ["dismissed", "refused"],
    "backed": ["supported", "endorsed"],
    "investigated": ["probed", "examined"],
    "leaked": ["published", "released"],
}
CLAUSE_OBJECTS = [
    "the figures",
    "the costings",
    "the timetable",
    "the contract terms",
    "the consultation",
    "the impact study",
    "the spending plans",
    "the safety report",
]
ACTIONS = {
    "championed": ["promoted", "pushed"],
    "blocked": ["halted", "stopped"],
    "defended": ["justified", "stood by"],
    "signed": ["approved", "agreed"],
    "scrapped": ["cancelled", "axed"],
    "negotiated": ["brokered", "struck"],
}
ADVERBS = ["sharply", "repeatedly", "openly", "quietly", "bitterly", "firmly", "angrily", "calmly"]
INSERTS = ["reportedly", "apparently", "once again", "for the first time", "without evidence", "in private"]


@dataclass(frozen=True, slots=True)
class Fact:
    """One sentence as slots, so a paraphrase can rewrite some slots and keep the rest: the same fact, reworded."""

    name: str
    reporting: str
    adjective: str
    topic: str
    place: str
    predicate: str
    group_adjective: str
    group: str
    when: str
    clause: str
    action: str
    form: int  # 0: "X said that the ...", 1: "X signed the ..., which ...", 2: "The ..., which X signed, ..."
    clause_first: bool = False
    insert: str = ""

    def render(self) -> str:
        insert = f" {self.insert}" if self.insert else ""
        group = f"{self.group_adjective} {self.group}".strip()
        topic = f"the {self.adjective} {self.topic} in {self.place}"
        if self.form == 0:
            core = f"{self.name}{insert} {self.reporting} {self.when} that {topic} {self.predicate} {group}"
        elif self.form == 1:
            core = f"{self.name}{insert} {self.action} {topic} {self.when}, which critics say {self.predicate} {group}"
        else:
            core = f"T{topic[1:]}, which {self.name}{insert} {self.action} {self.when}, {self.predicate} {group}"
        if not self.clause:
            return f"{core}."
        if self.clause_first:
            core = f"t{core[1:]}" if core.startswith("The ") else core
            return f"{self.clause[0].upper()}{self.clause[1:]}, {core}."
        return f"{core}, {self.clause}."


def _name(rng: random.Random) -> str:
    title, first, last = rng.choice(NAMES)
    return rng.choice([f"{title} {last}", f"{first} {last}", last, f"{title} {first} {last}"])


def _clause(rng: random.Random) -> str:
    verb = rng.choice(list(CLAUSE_VERBS))
    organisation, obj = rng.choice(ORGANISATIONS), rng.choice(CLAUSE_OBJECTS)
    return rng.choice(
        [
            f"after {organisation} {verb} {obj}",
            f"as {organisation} {verb} {obj} in {rng.choice(PLACES)}",
            f"days after {organisation} {rng.choice(ADVERBS)} {verb} {obj}",
            f"while {organisation} {verb} {obj}",
        ]
    )


def fact(rng: random.Random) -> Fact:
    """A fresh sentence of ~20-30 words about one of the people."""
    return Fact(
        name=_name(rng),
        reporting=rng.choice(list(REPORTING)),
        adjective=rng.choice(list(ADJECTIVES)),
        topic=rng.choice(NOUN_PHRASES),
        place=rng.choice(PLACES),
        predicate=rng.choice(list(PREDICATES)),
        group_adjective=rng.choice([*GROUP_ADJECTIVES, ""]),
        group=rng.choice(GROUPS),
        when=rng.choice(TIMES),
        clause=_clause(rng),
        action=rng.choice(list(ACTIONS)),
        form=rng.randrange(3),
    )


def _synonym(rng: random.Random, word: str, table: dict[str, list[str]]) -> str:
    return rng.choice(table.get(word, [word]))


def _reword_clause(rng: random.Random, clause: str) -> str:
    words = clause.split()
    out = [_synonym(rng, w, CLAUSE_VERBS) if rng.random() < 0.5 else w for w in words]
    if rng.random() < 0.3:
        out = [w for w in out if w not in ADVERBS]
    return " ".join(out)


def paraphrase(rng: random.Random, original: Fact) -> Fact:
    """The same fact as another outlet writes it: 2-5 of synonym, insertion, drop, moved clause, voice, name form."""
    edits = ["reporting", "adjective", "predicate", "group", "when", "clause", "insert", "name", "drop", "form"]
    out = original
    for edit in rng.sample(edits, k=rng.randint(2, 5)):
        if edit == "reporting":
            out = replace(
                out, reporting=_synonym(rng, out.reporting, REPORTING), action=_synonym(rng, out.action, ACTIONS)
            )
        elif edit == "drop":
            out = replace(out, clause="")
        elif edit == "form":
            out = replace(out, form={0: 0, 1: 2, 2: 1}[out.form])
        elif edit == "adjective":
            out = replace(out, adjective=_synonym(rng, out.adjective, ADJECTIVES))
        elif edit == "predicate":
            out = replace(out, predicate=_synonym(rng, out.predicate, PREDICATES))
        elif edit == "group":
            out = replace(out, group_adjective="" if out.group_adjective else rng.choice(GROUP_ADJECTIVES))
        elif edit == "when":
            out = replace(out, when=rng.choice(TIMES))
        elif edit == "clause" and out.clause:
            out = replace(out, clause=_reword_clause(rng, out.clause), clause_first=not out.clause_first)
        elif edit == "insert":
            out = replace(out, insert=rng.choice(INSERTS))
        else:
            last = out.name.split()[-1]
            title, first, _ = next(n for n in NAMES if n[2] == last)
            out = replace(out, name=rng.choice([f"{title} {last}", f"{first} {last}", last]))
    return out


def build(n: int, share: float, seed: int) -> tuple[list[str], list[str], set[tuple[int, int]]]:
    """Side a, side b, and the planted (a index, b index) paraphrase pairs."""
    rng = random.Random(seed)
    facts_a = [fact(rng) for _ in range(n)]
    planted_a = rng.sample(range(n), k=round(n * share))
    b_slots: list[Fact | None] = [None] * n
    planted_b = rng.sample(range(n), k=len(planted_a))
    planted = set()
    for i, j in zip(planted_a, planted_b, strict=True):
        b_slots[j] = paraphrase(rng, facts_a[i])
        planted.add((i, j))
    facts_b = [f if f is not None else fact(rng) for f in b_slots]
    return [f.render() for f in facts_a], [f.render() for f in facts_b], planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="sentences per side")
    parser.add_argument("--share", type=float, default=0.3, help="share of side b that paraphrases side a")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--examples", type=int, default=3, help="aligned pairs to print")
    args = parser.parse_args()

    a, b, planted = build(args.n, args.share, args.seed)
    words = statistics.mean(len(s.split()) for s in a + b)
    vocabulary = len({w.lower().strip(".,") for s in a + b for w in s.split()})
    runs: list[float] = []
    pairs: list[AlignedPair] = []
    for _ in range(3):
        start = time.perf_counter()
        pairs = align(a, b, threshold=args.threshold)
        runs.append(time.perf_counter() - start)
    seconds = statistics.median(runs)
    found = {(p.a, p.b) for p in pairs}
    recovered = len(found & planted)
    print(f"sides: {len(a)} x {len(b)} sentences, mean {words:.1f} words, vocabulary {vocabulary} words")
    print(
        f"pairs found: {len(pairs)} (planted {len(planted)}, recovered {recovered}, recall {recovered / max(len(planted), 1):.1%})"
    )
    missed = planted - found
    below = sum(similarity(a[i], b[j]) < args.threshold for i, j in missed)
    print(
        f"planted pairs missed: {len(missed)} ({below} below the threshold, {len(missed) - below} lost to a better pair)"
    )
    print(f"pairs not planted: {len(found - planted)} (unrelated sentences that share enough content words)")
    print(f"align: {seconds:.3f} s median of 3 ({', '.join(f'{r:.3f}' for r in runs)}); target <= {TARGET_SECONDS} s")
    for pair in pairs[: args.examples]:
        print(f"\n{pair.similarity:.3f}  a[{pair.a}]: {a[pair.a]}\n       b[{pair.b}]: {b[pair.b]}")
        print("       " + " ".join(f"[{r.op}: {r.a!r} -> {r.b!r}]" for r in pair.diff if r.op != "equal"))
    low = sorted(pairs, key=lambda p: p.similarity)[: args.examples]
    for pair in low:
        print(f"\nlow {pair.similarity:.3f}  a[{pair.a}]: {a[pair.a]}\n           b[{pair.b}]: {b[pair.b]}")


if __name__ == "__main__":
    main()
