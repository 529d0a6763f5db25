"""One line per measure saying where the outlets differ most, in words a reader can check.

Each line names outlets and counts from the comparison itself; none of it is a judgement the figures
do not carry (an overlap of tone intervals is said out loud).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpus.lexicon import verb_classes

if TYPE_CHECKING:
    from corpus.framing.model import Comparison, OutletProfile, Target

CHARGED = ("distancing", "charged")


def summarise_differences(comparison: Comparison) -> dict[str, str]:
    profiles = [p for p in comparison.outlets if p.mentions]
    name = short_name(comparison.target)
    if len(profiles) < 2:
        only = profiles[0].outlet if profiles else "No outlet"
        return {"coverage": f"{only} alone mentions {name}: nothing to compare."}
    out = {
        "coverage": _coverage(profiles, name),
        "labels": _labels(profiles, name),
        "verbs": _verbs(profiles, name),
        "tone": _tone(profiles, name),
        "distinctive": _distinctive(profiles, name),
        "comentions": _comentions(profiles, name),
        "quotes": _quotes(profiles, name),
    }
    changed = [a for a in comparison.aligned if a.reworded]
    if not comparison.aligned:
        out["aligned"] = "No two outlets share a sentence about the same fact."
    elif len(comparison.aligned) == 1:
        out["aligned"] = f"1 sentence pair reports the same fact, in {'different' if changed else 'the same'} words."
    else:
        out["aligned"] = (
            f"{len(comparison.aligned)} sentence pairs report the same fact; {len(changed)} of them in different words."
        )
    return out


def short_name(target: Target) -> str:
    """A person's full name (a surname guess fails on "Sung Min-ho" and "van der Kolk"); a query quoted."""
    return target.name if target.kind == "person" else f"“{target.name}”"


def _times(n: int) -> str:
    return "never" if n == 0 else "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _coverage(profiles: list[OutletProfile], name: str) -> str:
    """Ranked by the share of the outlet's articles, then by mentions: both halves give both, so a tie
    in share (every outlet at 100%) still shows why one comes first."""
    ranked = sorted(profiles, key=lambda p: (-p.share, -p.mentions, p.outlet))
    most, least = ranked[0], ranked[-1]
    return (
        f"{most.outlet} covers {name} most: {_count(most.articles, 'article')}, {most.share:.0%} of its own, "
        f"{_count(most.mentions, 'mention')}; {least.outlet} least: {_count(least.articles, 'article')} "
        f"({least.share:.0%}), {_count(least.mentions, 'mention')}."
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _labels(profiles: list[OutletProfile], name: str) -> str:
    counts = {p.outlet: {r.item: r.count for r in p.labels} for p in profiles}
    best: tuple[int, int, str, str] | None = None
    for outlet, labels in counts.items():
        for label, n in labels.items():
            others = max((counts[o].get(label, 0) for o in counts if o != outlet), default=0)
            key = (n - others, n, outlet, label)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return f"No outlet attaches a label to {name}."
    _, n, outlet, label = best
    rest = [(o, counts[o].get(label, 0)) for o in counts if o != outlet]
    if all(c == 0 for _, c in rest):
        elsewhere = _join([o for o, _ in rest]) + (" never do" if len(rest) > 1 else " never does")
    else:
        elsewhere = "; ".join(f"{o} {_times(c)}" for o, c in rest)
    return f"{outlet} calls {name} “{label}” {_times(n)}; {elsewhere}."


def _verbs(profiles: list[OutletProfile], name: str) -> str:
    speaking = [p for p in profiles if sum(p.verb_class_counts.values())]
    if not speaking:
        return f"No outlet reports {name}'s words with a reporting verb."
    share = {p.outlet: sum(p.verb_classes.get(c, 0.0) for c in CHARGED) for p in speaking}
    ranked = sorted(speaking, key=lambda p: (-share[p.outlet], p.outlet))
    most, least = ranked[0], ranked[-1]
    classes = verb_classes()
    examples = [r.item for r in most.verbs if classes.get(r.item) in CHARGED][:2]
    example = f" ({', '.join(examples)})" if examples else ""
    if len(speaking) == 1:
        return (
            f"Only {most.outlet} reports {name}'s words with a reporting verb; distancing or charged verbs{example} "
            f"in {share[most.outlet]:.0%} of them."
        )
    if share[most.outlet] == share[least.outlet]:
        return f"Every outlet uses distancing or charged verbs{example} in {share[most.outlet]:.0%} of {name}'s attributions."
    return (
        f"{most.outlet} reports {name}'s words with distancing or charged verbs{example} in "
        f"{share[most.outlet]:.0%} of attributions; {least.outlet} in {share[least.outlet]:.0%}."
    )


def _tone(profiles: list[OutletProfile], name: str) -> str:
    ranked = sorted(profiles, key=lambda p: (p.tone.mean, p.outlet))
    low, high = ranked[0], ranked[-1]
    overlap = low.tone.high >= high.tone.low
    note = " The 95% intervals overlap, so the difference may be chance." if overlap else ""
    return (
        f"Tone about {name} is lowest in {low.outlet} (mean {low.tone.mean:+.2f}, {low.tone.negative:.0%} of "
        f"sentences negative) and highest in {high.outlet} ({high.tone.mean:+.2f}, {high.tone.positive:.0%} "
        f"positive).{note}"
    )


def _distinctive(profiles: list[OutletProfile], name: str) -> str:
    parts = []
    for p in profiles:
        significant = [d for d in p.distinctive if d.score.significant]
        if significant:
            top = significant[0].score
            parts.append(f"{p.outlet} “{top.word}” (z {top.z:.1f})")
    if not parts:
        return f"No word sets an outlet apart (|z| >= 1.96) in the sentences about {name}."
    return f"Most distinctive word near {name}: " + "; ".join(parts) + "."


def _comentions(profiles: list[OutletProfile], name: str) -> str:
    parts = [
        f"{p.outlet} most often with {p.comentions[0].item} ({p.comentions[0].count})" for p in profiles if p.comentions
    ]
    if not parts:
        return f"No outlet names anyone else in its sentences about {name}."
    return f"Named alongside {name}: " + "; ".join(parts) + "."


def _quotes(profiles: list[OutletProfile], name: str) -> str:
    ranked = sorted(profiles, key=lambda p: (-len(p.quotes), p.outlet))
    parts = [f"{p.outlet} {_times(len(p.quotes))}" for p in ranked]
    return f"Direct quotes of {name}: " + ", ".join(parts) + "."


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
