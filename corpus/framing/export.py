"""Export a Comparison for use outside newsframe: JSON and CSV for analysis, Markdown and HTML for a report.

Article text is data, never markup: HTML escapes it, Markdown backslash-escapes every character that could
start markup, and CSV prefixes text cells a spreadsheet would run as a formula. Markdown and HTML are
rendered from one document model, so the two reports always say the same thing.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.framing.align import DiffRun
from corpus.framing.model import AlignedSentences, Comparison, Evidence, OutletProfile, Ranked, SentenceRef
from corpus.framing.summary import short_name

# How many rows the reports show; JSON and CSV carry everything.
TOP = 10
TOP_QUOTES = 10
TOP_ALIGNED = 20

_TITLES = {
    "coverage": "Coverage",
    "labels": "Labels",
    "verbs": "Reporting verbs",
    "tone": "Tone",
    "distinctive": "Distinctive words",
    "comentions": "Named alongside",
    "quotes": "Quotes",
    "aligned": "Same fact, different words",
}


# --- JSON -------------------------------------------------------------------------------------------


def to_dict(c: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data, floats rounded to 4 places so files diff cleanly."""
    return {
        "target": {"name": c.target.name, "kind": c.target.kind, "aliases": list(c.target.aliases)},
        "date_from": c.date_from.isoformat() if c.date_from else None,
        "date_to": c.date_to.isoformat() if c.date_to else None,
        "same_stories": c.same_stories,
        "summary": dict(c.summary),
        "outlets": [_profile_dict(p) for p in c.outlets],
        "aligned": [_aligned_dict(a) for a in c.aligned],
    }


def to_json(c: Comparison) -> str:
    """`to_dict` as indented UTF-8 JSON text (names like "Kovač" stay readable), ending in a newline."""
    return json.dumps(to_dict(c), indent=2, ensure_ascii=False) + "\n"


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"article": e.article, "sentence": e.sentence}


def _ranked_dicts(items: Sequence[Ranked], key: str) -> list[dict[str, Any]]:
    return [{key: r.item, "count": r.count, "evidence": [_evidence(e) for e in r.evidence]} for r in items]


def _classes(p: OutletProfile) -> list[str]:
    """Every verb class the profile has a share or a count for, in the lexicon's order."""
    return list(dict.fromkeys([*p.verb_classes, *p.verb_class_counts]))


def _extremes(p: OutletProfile, pairs: Sequence[tuple[Evidence, float]]) -> list[dict[str, Any]]:
    return [
        {"article": e.article, "sentence": e.sentence, "text": p.sentences.get(e, ""), "compound": round(v, 4)}
        for e, v in pairs
    ]


def _profile_dict(p: OutletProfile) -> dict[str, Any]:
    t = p.tone
    return {
        "outlet": p.outlet,
        "articles": p.articles,
        "mentions": p.mentions,
        "share": round(p.share, 4),
        "outlet_articles": p.outlet_articles,
        "timeline": [{"period": period, "mentions": n} for period, n in p.timeline],
        "labels": _ranked_dicts(p.labels, "label"),
        "verbs": _ranked_dicts(p.verbs, "verb"),
        "verb_classes": {
            cls: {"count": p.verb_class_counts.get(cls, 0), "share": round(p.verb_classes.get(cls, 0.0), 4)}
            for cls in _classes(p)
        },
        "tone": {
            "n": t.n,
            "mean": round(t.mean, 4),
            "low": round(t.low, 4),
            "high": round(t.high, 4),
            "positive": round(t.positive, 4),
            "negative": round(t.negative, 4),
            "neutral": round(t.neutral, 4),
            "most_positive": _extremes(p, t.most_positive),
            "most_negative": _extremes(p, t.most_negative),
        },
        "distinctive": [
            {
                "word": d.score.word,
                "z": round(d.score.z, 4),
                "delta": round(d.score.delta, 4),
                "count": d.score.count,
                "other": d.score.other,
                "significant": d.score.significant,
                "evidence": [_evidence(e) for e in d.evidence],
            }
            for d in p.distinctive
        ],
        "comentions": _ranked_dicts(p.comentions, "name"),
        "comentions_articles": _ranked_dicts(p.comentions_articles, "name"),
        "quotes": [
            {"text": q.text, "verb": q.verb, "article": q.evidence.article, "sentence": q.evidence.sentence}
            for q in p.quotes
        ],
        "kwic": [
            {
                "article": k.evidence.article,
                "sentence": k.evidence.sentence,
                "date": k.date.isoformat() if k.date else None,
                "left": k.left,
                "name": k.name,
                "right": k.right,
            }
            for k in p.kwic
        ],
    }


def _aligned_dict(a: AlignedSentences) -> dict[str, Any]:
    def side(ref: SentenceRef) -> dict[str, Any]:
        return {
            "outlet": ref.outlet,
            "article": ref.evidence.article,
            "sentence": ref.evidence.sentence,
            "text": ref.text,
        }

    return {
        "a": side(a.a),
        "b": side(a.b),
        "similarity": round(a.similarity, 4),
        "diff": [{"op": run.op, "a": run.a, "b": run.b} for run in a.diff],
    }


# --- CSV --------------------------------------------------------------------------------------------

# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"); tab and
# carriage return are on OWASP's list too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | bool | None


def _csv_cell(value: Cell) -> str | int | float:
    """Numbers stay numbers (-0.31 is not a formula); text gets a leading ' when a spreadsheet would run it.

    Every text cell here carries article or outlet text, or a fixed word that never starts with a formula
    character, so guarding all text is the same as guarding article text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, int):
        return value
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """One CSV text with a header row; "\n" line ends, so the text can be written in text mode anywhere."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return out.getvalue()


def diff_text(diff: Sequence[DiffRun]) -> str:
    """A word diff as plain text in git's word-diff style: `[-removed-]{+added+}`, shared words as they are."""
    parts: list[str] = []
    for run in diff:
        if run.op == "equal":
            parts.append(run.a)
            continue
        removed = f"[-{run.a}-]" if run.a else ""
        added = f"{{+{run.b}+}}" if run.b else ""
        parts.append(removed + added)
    return " ".join(p for p in parts if p)


def to_csv_tables(c: Comparison) -> dict[str, str]:
    """One CSV text per measure, long format (one row per outlet and item), for spreadsheets and pandas."""
    ps = c.outlets
    return {
        "coverage": _csv(
            ("outlet", "articles", "outlet_articles", "share", "mentions"),
            ((p.outlet, p.articles, p.outlet_articles, p.share, p.mentions) for p in ps),
        ),
        "timeline": _csv(
            ("outlet", "period", "mentions"), ((p.outlet, period, n) for p in ps for period, n in p.timeline)
        ),
        "labels": _csv(("outlet", "rank", "label", "count"), _ranked_csv_rows(ps, "labels")),
        "verbs": _csv(("outlet", "rank", "verb", "count"), _ranked_csv_rows(ps, "verbs")),
        "verb_classes": _csv(
            ("outlet", "class", "count", "share"),
            (
                (p.outlet, cls, p.verb_class_counts.get(cls, 0), p.verb_classes.get(cls, 0.0))
                for p in ps
                for cls in _classes(p)
            ),
        ),
        "tone": _csv(
            ("outlet", "n", "mean", "low", "high", "positive", "negative", "neutral"),
            (
                (
                    p.outlet,
                    p.tone.n,
                    p.tone.mean,
                    p.tone.low,
                    p.tone.high,
                    p.tone.positive,
                    p.tone.negative,
                    p.tone.neutral,
                )
                for p in ps
            ),
        ),
        "distinctive": _csv(
            ("outlet", "rank", "word", "z", "delta", "count", "other", "significant"),
            (
                (
                    p.outlet,
                    rank,
                    d.score.word,
                    d.score.z,
                    d.score.delta,
                    d.score.count,
                    d.score.other,
                    d.score.significant,
                )
                for p in ps
                for rank, d in enumerate(p.distinctive, 1)
            ),
        ),
        "comentions": _csv(
            ("outlet", "scope", "rank", "name", "count"),
            (
                (p.outlet, scope, rank, r.item, r.count)
                for p in ps
                for scope, items in (("sentence", p.comentions), ("article", p.comentions_articles))
                for rank, r in enumerate(items, 1)
            ),
        ),
        "quotes": _csv(
            ("outlet", "text", "verb", "article", "sentence"),
            ((p.outlet, q.text, q.verb, q.evidence.article, q.evidence.sentence) for p in ps for q in p.quotes),
        ),
        "kwic": _csv(
            ("outlet", "date", "article", "sentence", "left", "name", "right"),
            (
                (
                    p.outlet,
                    k.date.isoformat() if k.date else None,
                    k.evidence.article,
                    k.evidence.sentence,
                    k.left,
                    k.name,
                    k.right,
                )
                for p in ps
                for k in p.kwic
            ),
        ),
        "aligned": _csv(
            (
                "outlet_a",
                "article_a",
                "sentence_a",
                "text_a",
                "outlet_b",
                "article_b",
                "sentence_b",
                "text_b",
                "similarity",
                "diff",
            ),
            (
                (
                    a.a.outlet,
                    a.a.evidence.article,
                    a.a.evidence.sentence,
                    a.a.text,
                    a.b.outlet,
                    a.b.evidence.article,
                    a.b.evidence.sentence,
                    a.b.text,
                    a.similarity,
                    diff_text(a.diff),
                )
                for a in c.aligned
            ),
        ),
    }


def _ranked_csv_rows(profiles: Sequence[OutletProfile], attr: str) -> list[tuple[Cell, ...]]:
    return [(p.outlet, rank, r.item, r.count) for p in profiles for rank, r in enumerate(getattr(p, attr), 1)]


# --- The report model, rendered as Markdown and HTML ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    """A run of inline text: "text", "strong", "em", "del" or "ins". Its text is always plain, never markup."""

    kind: str
    text: str


Inline = tuple[_Span, ...]


@dataclass(frozen=True, slots=True)
class _Heading:
    level: int
    text: Inline


@dataclass(frozen=True, slots=True)
class _Para:
    text: Inline


@dataclass(frozen=True, slots=True)
class _Bullets:
    items: list[Inline]


@dataclass(frozen=True, slots=True)
class _Table:
    header: list[Inline]
    rows: list[list[Inline]]


Block = _Heading | _Para | _Bullets | _Table


def _i(*parts: str | _Span) -> Inline:
    """Inline text from plain strings (as "text" spans) and spans."""
    return tuple(_Span("text", p) if isinstance(p, str) else p for p in parts)


def _strong(text: str) -> _Span:
    return _Span("strong", text)


def _ref(e: Evidence) -> str:
    return f"({e.article} #{e.sentence})"


def _first_ref(evidence: Sequence[Evidence]) -> str:
    return " " + _ref(evidence[0]) if evidence else ""


def _period(c: Comparison) -> str:
    if c.date_from and c.date_to:
        text = f"Period: {c.date_from.isoformat()} to {c.date_to.isoformat()}."
    elif c.date_from:
        text = f"Period: from {c.date_from.isoformat()}."
    elif c.date_to:
        text = f"Period: until {c.date_to.isoformat()}."
    else:
        text = "Period: all dates."
    if c.same_stories:
        text += " Only stories that another compared outlet also covers."
    return text


def _ranked_table(profiles: Sequence[OutletProfile], items: Sequence[Sequence[Inline]]) -> list[Block]:
    """Rank rows, one column per outlet, so the outlets' top items read side by side."""
    depth = max((len(column) for column in items), default=0)
    if depth == 0:
        return [_Para(_i("None."))]
    header = [_i("#"), *(_i(p.outlet) for p in profiles)]
    rows = [[_i(str(rank + 1)), *(col[rank] if rank < len(col) else _i() for col in items)] for rank in range(depth)]
    return [_Table(header, rows)]


def _ranked_cells(items: Sequence[Ranked]) -> list[Inline]:
    return [_i(f"{r.item} ×{r.count}{_first_ref(r.evidence)}") for r in items[:TOP]]


def _diff_spans(diff: Sequence[DiffRun]) -> list[_Span]:
    """Shared words plain, side a's words struck through, side b's in bold: the change reads left to right."""
    spans: list[_Span] = []
    for run in diff:
        if run.op == "equal":
            parts = [_Span("text", run.a)]
        else:
            parts = [s for s in (_Span("del", run.a), _Span("ins", run.b)) if s.text]
        for part in parts:
            if spans:
                spans.append(_Span("text", " "))
            spans.append(part)
    return spans


def _report(c: Comparison) -> list[Block]:
    """The report as blocks: summary first, then one section per measure, evidence cited by sentence."""
    blocks: list[Block] = [_Heading(1, _i(f"How outlets frame {c.target.name}")), _Para(_i(_period(c)))]
    ps = c.outlets
    if ps:
        blocks.append(_Para(_i("Outlets: " + ", ".join(p.outlet for p in ps) + ".")))
    if c.summary:
        blocks.append(_Heading(2, _i("Summary")))
        blocks.append(
            _Bullets([_i(_strong(_TITLES.get(m, m.capitalize()) + ":"), " " + line) for m, line in c.summary.items()])
        )
    if not ps:
        return blocks
    name = short_name(c.target)

    blocks.append(_Heading(2, _i(_TITLES["coverage"])))
    blocks.append(
        _Table(
            [_i(), *(_i(p.outlet) for p in ps)],
            [
                [_i(f"Articles mentioning {name}"), *(_i(str(p.articles)) for p in ps)],
                [_i("All its articles"), *(_i(str(p.outlet_articles)) for p in ps)],
                [_i("Share of its articles"), *(_i(f"{p.share:.1%}") for p in ps)],
                [_i("Mentions"), *(_i(str(p.mentions)) for p in ps)],
            ],
        )
    )
    periods = list(dict.fromkeys(period for p in ps for period, _ in p.timeline))
    if periods:
        counts = [dict(p.timeline) for p in ps]
        blocks.append(_Heading(3, _i("Mentions by period")))
        blocks.append(
            _Table(
                [_i("Period"), *(_i(p.outlet) for p in ps)],
                [[_i(period), *(_i(str(n.get(period, 0))) for n in counts)] for period in periods],
            )
        )

    blocks.append(_Heading(2, _i(_TITLES["labels"])))
    blocks.append(
        _Para(_i(f"What each outlet calls {name}: the top {TOP}, with how often and one sentence that does."))
    )
    blocks += _ranked_table(ps, [_ranked_cells(p.labels) for p in ps])

    blocks.append(_Heading(2, _i(_TITLES["verbs"])))
    blocks.append(_Para(_i(f"The verbs that report {name}'s words: the top {TOP}.")))
    blocks += _ranked_table(ps, [_ranked_cells(p.verbs) for p in ps])
    classes = list(dict.fromkeys(cls for p in ps for cls in _classes(p)))
    if classes:
        blocks.append(_Heading(3, _i("Verb classes (share of the attributions)")))
        blocks.append(
            _Table(
                [_i("Class"), *(_i(p.outlet) for p in ps)],
                [
                    [
                        _i(cls),
                        *(_i(f"{p.verb_classes.get(cls, 0.0):.0%} ({p.verb_class_counts.get(cls, 0)})") for p in ps),
                    ]
                    for cls in classes
                ],
            )
        )

    blocks += _tone_section(ps, name)

    blocks.append(_Heading(2, _i(_TITLES["distinctive"])))
    blocks.append(
        _Para(
            _i(
                f"Words each outlet uses near {name} more than the others do (log-odds with an informative prior); "
                "* marks a difference with |z| ≥ 1.96."
            )
        )
    )
    blocks += _ranked_table(
        ps,
        [
            [
                _i(
                    f"{d.score.word}{'*' if d.score.significant else ''} z {d.score.z:.2f} ×{d.score.count}"
                    f"{_first_ref(d.evidence)}"
                )
                for d in p.distinctive[:TOP]
            ]
            for p in ps
        ],
    )

    blocks.append(_Heading(2, _i(_TITLES["comentions"])))
    blocks.append(_Heading(3, _i(f"In the same sentences as {name}")))
    blocks += _ranked_table(ps, [_ranked_cells(p.comentions) for p in ps])
    blocks.append(_Heading(3, _i(f"In the same articles as {name}")))
    blocks += _ranked_table(ps, [_ranked_cells(p.comentions_articles) for p in ps])

    blocks.append(_Heading(2, _i(_TITLES["quotes"])))
    for p in ps:
        blocks.append(_Heading(3, _i(p.outlet)))
        if not p.quotes:
            blocks.append(_Para(_i("No direct quotes.")))
            continue
        blocks.append(
            _Bullets(
                [_i(f"“{q.text}” — {q.verb or 'no reporting verb'} {_ref(q.evidence)}") for q in p.quotes[:TOP_QUOTES]]
            )
        )
        if len(p.quotes) > TOP_QUOTES:
            blocks.append(_Para(_i(f"The first {TOP_QUOTES} of {len(p.quotes)} quotes.")))

    blocks += _aligned_section(c.aligned)
    return blocks


def _tone_section(ps: Sequence[OutletProfile], name: str) -> list[Block]:
    blocks: list[Block] = [
        _Heading(2, _i(_TITLES["tone"])),
        _Para(
            _i(
                f"VADER compound score of each sentence mentioning {name}, from -1 to +1, "
                "with the mean's 95% interval; a sentence counts as positive from +0.05 and negative from -0.05."
            )
        ),
        _Table(
            [_i(), *(_i(p.outlet) for p in ps)],
            [
                [_i("Sentences scored"), *(_i(str(p.tone.n)) for p in ps)],
                [
                    _i("Mean [95% interval]"),
                    *(_i(f"{p.tone.mean:+.2f} [{p.tone.low:+.2f}, {p.tone.high:+.2f}]") for p in ps),
                ],
                [_i("Positive"), *(_i(f"{p.tone.positive:.0%}") for p in ps)],
                [_i("Negative"), *(_i(f"{p.tone.negative:.0%}") for p in ps)],
                [_i("Neutral"), *(_i(f"{p.tone.neutral:.0%}") for p in ps)],
            ],
        ),
    ]
    for p in ps:
        blocks.append(_Heading(3, _i(p.outlet)))
        for title, pairs in (("Most positive", p.tone.most_positive), ("Most negative", p.tone.most_negative)):
            blocks.append(_Para(_i(_strong(title + ":"))))
            if pairs:
                blocks.append(_Bullets([_i(f"{v:+.2f} “{p.sentences.get(e, '')}” {_ref(e)}") for e, v in pairs]))
            else:
                blocks.append(_Para(_i("None.")))
    return blocks


def _aligned_section(aligned: Sequence[AlignedSentences]) -> list[Block]:
    """The closest pairs that differ in wording; pairs worded alike show no framing, so they are left out."""
    blocks: list[Block] = [_Heading(2, _i(_TITLES["aligned"]))]
    changed = [a for a in aligned if a.reworded]
    if not changed:
        blocks.append(_Para(_i("No two outlets word the same fact differently.")))
        return blocks
    changed.sort(key=lambda a: -a.similarity)  # stable: ties keep the comparison's order
    shown = changed[:TOP_ALIGNED]
    blocks.append(
        _Para(
            _i(
                f"{len(changed)} sentence pairs report the same fact in different words; the {len(shown)} closest. "
                "Struck-through words are only in the first outlet's sentence, bold words only in the second's."
            )
        )
    )
    for k, a in enumerate(shown, 1):
        blocks.append(_Para(_i(_strong(f"{k}. {a.a.outlet} and {a.b.outlet}"), f", similarity {a.similarity:.2f}")))
        blocks.append(
            _Bullets(
                [
                    _i(_strong(a.a.outlet + ":"), f" {a.a.text} {_ref(a.a.evidence)}"),
                    _i(_strong(a.b.outlet + ":"), f" {a.b.text} {_ref(a.b.evidence)}"),
                    _i(_Span("em", "Wording:"), " ", *_diff_spans(a.diff)),
                ]
            )
        )
    return blocks


# --- Markdown ---------------------------------------------------------------------------------------

# Characters that can open markup anywhere in a line (CommonMark + GitHub: tables, strikethrough, math).
# Characters that only matter at the start of a line (#, >, -, +, digits) are safe: text never starts one.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|~$])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_SPACE = re.compile(r"\s+")


def md_escape(text: str) -> str:
    """Plain text as Markdown that renders as that text: markup characters backslash-escaped, entities
    kept literal, and line breaks folded to spaces so text cannot end a table row or start a block."""
    text = _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))
    return _MD_ENTITY.sub(r"\\&", text)


def _md_inline(text: Inline) -> str:
    out: list[str] = []
    for span in text:
        inner = md_escape(span.text)
        if span.kind == "text":
            out.append(inner)
            continue
        # Emphasis must hug its text to render, so outer spaces go outside the markers.
        core = inner.strip()
        if not core:
            out.append(inner)
            continue
        mark = {"strong": "**", "ins": "**", "em": "*", "del": "~~"}[span.kind]
        lead = " " if inner.startswith(" ") else ""
        tail = " " if inner.endswith(" ") else ""
        out.append(f"{lead}{mark}{core}{mark}{tail}")
    return "".join(out)


def _md_row(cells: Sequence[Inline]) -> str:
    return "| " + " | ".join(_md_inline(cell) for cell in cells) + " |"


def _md_block(block: Block) -> str:
    if isinstance(block, _Heading):
        return "#" * block.level + " " + _md_inline(block.text)
    if isinstance(block, _Para):
        return _md_inline(block.text)
    if isinstance(block, _Bullets):
        return "\n".join("- " + _md_inline(item) for item in block.items)
    lines = [_md_row(block.header), "| " + " | ".join("---" for _ in block.header) + " |"]
    lines += [_md_row(row) for row in block.rows]
    return "\n".join(lines)


def to_markdown(c: Comparison) -> str:
    """A report to paste into a document: the summary, then a section per measure, evidence as (article #sentence)."""
    return "\n\n".join(_md_block(block) for block in _report(c)) + "\n"


# --- HTML -------------------------------------------------------------------------------------------

_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; color: #222; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
del { background: #fde2e2; color: #8a1c1c; } ins { background: #dff5e1; color: #1b5e20; text-decoration: none; }
""".strip()

_HTML_TAG = {"strong": "strong", "em": "em", "del": "del", "ins": "ins"}


def _html_inline(text: Inline) -> str:
    out: list[str] = []
    for span in text:
        inner = html.escape(span.text)
        tag = _HTML_TAG.get(span.kind)
        out.append(f"<{tag}>{inner}</{tag}>" if tag else inner)
    return "".join(out)


def _html_block(block: Block) -> str:
    if isinstance(block, _Heading):
        return f"<h{block.level}>{_html_inline(block.text)}</h{block.level}>"
    if isinstance(block, _Para):
        return f"<p>{_html_inline(block.text)}</p>"
    if isinstance(block, _Bullets):
        return "<ul>\n" + "\n".join(f"<li>{_html_inline(item)}</li>" for item in block.items) + "\n</ul>"
    head = "".join(f"<th>{_html_inline(cell)}</th>" for cell in block.header)
    body = "\n".join("<tr>" + "".join(f"<td>{_html_inline(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def to_html(c: Comparison) -> str:
    """The Markdown report as one standalone HTML5 file: inline CSS, no scripts, nothing fetched.

    The Content-Security-Policy forbids scripts and external resources too, as a second guard behind escaping.
    """
    title = html.escape(f"How outlets frame {c.target.name}")
    body = "\n".join(_html_block(block) for block in _report(c))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


FORMATS = ("md", "html", "json", "csv")


def write_export(comparison: Comparison, fmt: str, path: Path) -> list[Path]:
    """Write the comparison as `fmt` to `path`; csv writes one `<stem>-<measure>.csv` per table beside it.

    Raises OSError when the path cannot be written, ValueError for an unknown format or a csv path
    with no file name.
    """
    if fmt == "csv":
        if not path.name or path.name in (".", ".."):
            raise ValueError(f"{path} has no file name to put the tables beside")
        stem = path.name[: -len(path.suffix)] if path.suffix else path.name
        written = []
        for measure, table in to_csv_tables(comparison).items():
            target = path.with_name(f"{stem}-{measure}.csv")
            target.write_text(table, encoding="utf-8")
            written.append(target)
        return written
    renderers = {"md": to_markdown, "html": to_html, "json": to_json}
    if fmt not in renderers:
        raise ValueError(f"no export format {fmt!r}: use one of {', '.join(FORMATS)}")
    path.write_text(renderers[fmt](comparison), encoding="utf-8")
    return [path]
