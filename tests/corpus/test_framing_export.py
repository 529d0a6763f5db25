"""Exports of a comparison (corpus.framing.export): the JSON shape, CSV tables, and the Markdown and HTML reports.

The articles carry hostile text on purpose (a script tag, Rich markup, a table pipe, a spreadsheet formula):
every export must show it as text and never let it act as markup or a formula.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from datetime import date

import pytest

from corpus.framing.align import DiffRun
from corpus.framing.export import diff_text, md_escape, to_csv_tables, to_dict, to_html, to_json, to_markdown
from corpus.framing.model import Comparison, Target
from corpus.framing.profile import compare
from corpus.model import Article, Mention, Person, Sentence, Source

VALE = "Anna Vale"
REED = "Tom Reed"
FORMULA = '=HYPERLINK("http://evil.example","click")'
SCRIPT = "<script>alert(1)</script>"
HOSTILE_QUOTE = f"{SCRIPT} [bold]x[/bold]"
PIPE_LABEL = "tycoon | donor"

# (sentence index, surface, labels, verb, verb class, quote)
MentionSpec = tuple[int, str, tuple[str, ...], str | None, str | None, str | None]


def _article(aid: str, outlet: str, day: date, texts: list[str], people: dict[str, list[MentionSpec]]) -> Article:
    """An article whose body is `texts` joined by spaces, with sentences and mentions at their real offsets."""
    sentences: list[Sentence] = []
    at = 0
    for text in texts:
        sentences.append(Sentence("body", 0, at, at + len(text), text))
        at += len(text) + 1
    persons = []
    for name, specs in people.items():
        mentions = []
        for index, surface, labels, verb, verb_class, quote in specs:
            start = texts[index].index(surface)
            mentions.append(
                Mention(index, start, start + len(surface), surface, "body", labels, verb, verb_class, quote)
            )
        persons.append(Person(name, [], mentions))
    return Article(
        id=aid,
        outlet=outlet,
        title="",
        body=" ".join(texts),
        source=Source(aid + ".txt"),
        date=day,
        sentences=sentences,
        people=persons,
    )


def _comparison() -> Comparison:
    post = [
        _article(
            "post-1",
            "Daily Post",
            date(2025, 4, 2),
            [
                "Minister Anna Vale said the port deal was a disaster for workers.",
                "Vale praised the wonderful new hospital and thanked Tom Reed.",
            ],
            {
                VALE: [(0, "Anna Vale", ("minister",), "say", "neutral", None), (1, "Vale", (), None, None, None)],
                REED: [(1, "Tom Reed", (), None, None, None)],
            },
        ),
        _article(
            "post-2",
            "Daily Post",
            date(2025, 4, 9),
            [
                f"{FORMULA} was posted under the name of Vale.",
                f"Vale wrote {SCRIPT} and [bold]x[/bold] on a terrible, awful day.",
            ],
            {
                VALE: [
                    (0, "Vale", ("minister",), None, None, None),
                    (1, "Vale", (), "write", "neutral", HOSTILE_QUOTE),
                ]
            },
        ),
    ]
    star = [
        _article(
            "star-1",
            "Evening Star",
            date(2025, 4, 3),
            [
                "Anna Vale claimed the port deal was a catastrophe for workers.",
                "Critics said Vale failed the city and Tom Reed agreed.",
            ],
            {
                VALE: [
                    (0, "Anna Vale", (PIPE_LABEL,), "claim", "distancing", FORMULA),
                    (1, "Vale", (), None, None, None),
                ],
                REED: [(1, "Tom Reed", (), None, None, None)],
            },
        ),
        _article(
            "star-2",
            "Evening Star",
            date(2025, 4, 10),
            ["Vale, a tycoon | donor, was booed at a hateful rally in Kovač square over the failed port deal."],
            {VALE: [(0, "Vale", (PIPE_LABEL,), None, None, None)]},
        ),
    ]
    return compare(
        Target(VALE, "person"),
        {"Daily Post": post, "Evening Star": star},
        {"Daily Post": 10, "Evening Star": 8},
        date_from=date(2025, 4, 1),
        date_to=date(2025, 4, 30),
    )


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return _comparison()


# --- to_dict / to_json ------------------------------------------------------------------------------

OUTLET_KEYS = [
    "outlet",
    "articles",
    "mentions",
    "share",
    "outlet_articles",
    "timeline",
    "labels",
    "verbs",
    "verb_classes",
    "tone",
    "distinctive",
    "comentions",
    "comentions_articles",
    "quotes",
    "kwic",
]


def test_to_dict_has_exactly_the_documented_keys_in_order(comparison: Comparison) -> None:
    d = to_dict(comparison)
    assert list(d) == ["target", "date_from", "date_to", "same_stories", "summary", "outlets", "aligned"]
    assert list(d["target"]) == ["name", "kind", "aliases"]
    assert [p["outlet"] for p in d["outlets"]] == ["Daily Post", "Evening Star"]
    for p in d["outlets"]:
        assert list(p) == OUTLET_KEYS
        assert list(p["tone"]) == [
            "n",
            "mean",
            "low",
            "high",
            "positive",
            "negative",
            "neutral",
            "most_positive",
            "most_negative",
        ]
        for entry in p["verb_classes"].values():
            assert list(entry) == ["count", "share"]
    items = {key: [item for p in d["outlets"] for item in p[key]] for key in OUTLET_KEYS[5:] if key != "verb_classes"}
    items["tone_extremes"] = [
        item for p in d["outlets"] for key in ("most_positive", "most_negative") for item in p["tone"][key]
    ]
    expected = {
        "timeline": ["period", "mentions"],
        "labels": ["label", "count", "evidence"],
        "verbs": ["verb", "count", "evidence"],
        "tone": None,
        "distinctive": ["word", "z", "delta", "count", "other", "significant", "evidence"],
        "comentions": ["name", "count", "evidence"],
        "comentions_articles": ["name", "count", "evidence"],
        "quotes": ["text", "verb", "article", "sentence"],
        "kwic": ["article", "sentence", "date", "left", "name", "right"],
        "tone_extremes": ["article", "sentence", "text", "compound"],
    }
    for key, keys in expected.items():
        if keys is None:
            continue
        assert items[key], f"the fixture should give some {key}"
        for item in items[key]:
            assert list(item) == keys, key
            for e in item.get("evidence", []):
                assert list(e) == ["article", "sentence"]
    assert d["aligned"]
    for pair in d["aligned"]:
        assert list(pair) == ["a", "b", "similarity", "diff"]
        assert list(pair["a"]) == list(pair["b"]) == ["outlet", "article", "sentence", "text"]
        assert all(list(run) == ["op", "a", "b"] for run in pair["diff"])


def test_to_dict_values(comparison: Comparison) -> None:
    d = to_dict(comparison)
    assert d["target"] == {"name": VALE, "kind": "person", "aliases": []}
    assert (d["date_from"], d["date_to"], d["same_stories"]) == ("2025-04-01", "2025-04-30", False)
    assert d["summary"] == comparison.summary
    post, star = d["outlets"]
    assert (post["articles"], post["outlet_articles"], post["mentions"], post["share"]) == (2, 10, 4, 0.2)
    assert star["share"] == 0.25
    assert post["labels"][0] == {
        "label": "minister",
        "count": 2,
        "evidence": [{"article": "post-1", "sentence": 0}, {"article": "post-2", "sentence": 0}],
    }
    assert star["verb_classes"]["distancing"] == {"count": 1, "share": 1.0}
    assert {"text": HOSTILE_QUOTE, "verb": "write", "article": "post-2", "sentence": 1} in post["quotes"]
    # The tone extremes carry their sentence's text, and every float is rounded to 4 places.
    profile = comparison.profile("Daily Post")
    for item in post["tone"]["most_negative"] + post["tone"]["most_positive"]:
        key = next(e for e in profile.sentences if (e.article, e.sentence) == (item["article"], item["sentence"]))
        assert item["text"] == profile.sentences[key]
        assert item["compound"] == round(item["compound"], 4)
    assert any(SCRIPT in item["text"] for item in post["tone"]["most_negative"])
    kwic = post["kwic"][0]
    assert kwic["date"] == "2025-04-02" and kwic["name"] == "Anna Vale"


def test_to_json_round_trips_and_keeps_non_ascii(comparison: Comparison) -> None:
    text = to_json(comparison)
    assert json.loads(text) == to_dict(comparison)
    assert "Kovač" in text and "\\u" not in text
    assert text.startswith('{\n  "target"')


# --- CSV --------------------------------------------------------------------------------------------

HEADERS = {
    "coverage": ["outlet", "articles", "outlet_articles", "share", "mentions"],
    "timeline": ["outlet", "period", "mentions"],
    "labels": ["outlet", "rank", "label", "count"],
    "verbs": ["outlet", "rank", "verb", "count"],
    "verb_classes": ["outlet", "class", "count", "share"],
    "tone": ["outlet", "n", "mean", "low", "high", "positive", "negative", "neutral"],
    "distinctive": ["outlet", "rank", "word", "z", "delta", "count", "other", "significant"],
    "comentions": ["outlet", "scope", "rank", "name", "count"],
    "quotes": ["outlet", "text", "verb", "article", "sentence"],
    "kwic": ["outlet", "date", "article", "sentence", "left", "name", "right"],
    "aligned": [
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
    ],
}


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_csv_table_parses_with_its_header(comparison: Comparison) -> None:
    tables = to_csv_tables(comparison)
    assert list(tables) == list(HEADERS)
    for name, text in tables.items():
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == HEADERS[name], name
        assert len(rows) > 1, f"{name} should have rows"
        assert all(len(row) == len(HEADERS[name]) for row in rows), name
    coverage = _rows(tables["coverage"])
    assert coverage[0] == {
        "outlet": "Daily Post",
        "articles": "2",
        "outlet_articles": "10",
        "share": "0.2",
        "mentions": "4",
    }
    scopes = {row["scope"] for row in _rows(tables["comentions"])}
    assert scopes == {"sentence", "article"}


def test_csv_neutralises_formulas_from_articles_but_not_negative_numbers(comparison: Comparison) -> None:
    tables = to_csv_tables(comparison)
    quotes = _rows(tables["quotes"])
    assert {row["text"] for row in quotes} >= {"'" + FORMULA, HOSTILE_QUOTE}
    lefts = [row["left"] for row in _rows(tables["kwic"])]
    assert "'" + FORMULA + " was posted under the name of " in lefts
    for text in tables.values():
        for row in csv.reader(io.StringIO(text)):
            assert not any(cell.startswith(("=", "+", "@")) for cell in row)
    tone = {row["outlet"]: row for row in _rows(tables["tone"])}
    mean = tone["Evening Star"]["mean"]
    assert mean.startswith("-") and float(mean) < 0
    assert tone["Evening Star"]["low"].startswith("-")


def test_csv_aligned_renders_the_diff_inline(comparison: Comparison) -> None:
    aligned = _rows(to_csv_tables(comparison)["aligned"])
    row = next(r for r in aligned if r["article_a"] == "post-1")
    assert (row["outlet_a"], row["outlet_b"], row["article_b"], row["sentence_b"]) == (
        "Daily Post",
        "Evening Star",
        "star-1",
        "0",
    )
    assert row["diff"] == (
        "[-Minister-] Anna Vale [-said-]{+claimed+} the port deal was a [-disaster-]{+catastrophe+} for workers."
    )
    assert 0 < float(row["similarity"]) < 1


def test_diff_text_marks_removed_and_added_words() -> None:
    runs = [DiffRun("equal", "a b", "a b"), DiffRun("insert", "", "new"), DiffRun("delete", "old", "")]
    assert diff_text(runs) == "a b {+new+} [-old-]"


# --- Markdown ---------------------------------------------------------------------------------------

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def test_markdown_report_has_title_period_summary_and_sections(comparison: Comparison) -> None:
    md = to_markdown(comparison)
    assert md.startswith("# How outlets frame Anna Vale\n\nPeriod: 2025-04-01 to 2025-04-30.")
    for line in comparison.summary.values():
        assert md_escape(line) in md
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Summary",
        "## Coverage",
        "## Labels",
        "## Reporting verbs",
        "## Tone",
        "## Distinctive words",
        "## Named alongside",
        "## Quotes",
        "## Same fact, different words",
    ]
    assert "| # | Daily Post | Evening Star |" in md
    assert "minister ×2 (post-1 #0)" in md
    assert "| Share of its articles | 20.0% | 25.0% |" in md


def test_markdown_escapes_the_pipe_inside_a_table_cell(comparison: Comparison) -> None:
    md = to_markdown(comparison)
    header = "| # | Daily Post | Evening Star |"
    row = next(line for line in md.splitlines() if "tycoon" in line and line.startswith("| 1 |"))
    assert "tycoon \\| donor ×2 (star-1 #0)" in row
    assert len(_UNESCAPED_PIPE.split(row)) == len(_UNESCAPED_PIPE.split(header))


def test_markdown_escapes_markup_in_article_text(comparison: Comparison) -> None:
    md = to_markdown(comparison)
    assert "\\<script>alert(1)\\</script> \\[bold\\]x\\[/bold\\]" in md
    assert re.search(r"(?<!\\)<script", md) is None
    assert re.search(r"(?<!\\)\[bold", md) is None


def test_md_escape() -> None:
    assert md_escape("a|b*c_d`e[f]<g~h$i\\j") == "a\\|b\\*c\\_d\\`e\\[f\\]\\<g\\~h\\$i\\\\j"
    assert md_escape("AT&T &amp; &#60;") == "AT&T \\&amp; \\&#60;"
    assert md_escape("two\nlines\r\n| x") == "two lines \\| x"
    assert md_escape("# not a heading - 1. plain") == "# not a heading - 1. plain"


def test_significant_words_are_marked_with_a_star() -> None:
    c = _comparison()
    first = c.profile("Daily Post").distinctive[0]
    first.score = dataclasses.replace(first.score, significant=True)
    word = first.score.word
    assert f"| 1 | {word}\\* z {first.score.z:.2f} ×" in to_markdown(c)
    assert f"<td>{word}* z {first.score.z:.2f} ×" in to_html(c)
    assert to_dict(c)["outlets"][0]["distinctive"][0]["significant"] is True
    rows = _rows(to_csv_tables(c)["distinctive"])
    assert [row["significant"] for row in rows if row["outlet"] == "Daily Post"][:2] == ["true", "false"]


def test_markdown_shows_the_aligned_diff(comparison: Comparison) -> None:
    md = to_markdown(comparison)
    similarity = comparison.aligned[0].similarity
    assert f"**1. Daily Post and Evening Star**, similarity {similarity:.2f}" in md
    assert (
        "- *Wording:* ~~Minister~~ Anna Vale ~~said~~ **claimed** the port deal was a ~~disaster~~ **catastrophe** "
        "for workers." in md
    )
    assert "- **Daily Post:** Minister Anna Vale said the port deal was a disaster for workers. (post-1 #0)" in md


# --- HTML -------------------------------------------------------------------------------------------


def test_html_is_standalone_and_escapes_article_text(comparison: Comparison) -> None:
    page = to_html(comparison)
    assert page.startswith("<!DOCTYPE html>\n<html")
    assert page.rstrip().endswith("</html>")
    assert "<style>" in page and "<title>How outlets frame Anna Vale</title>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "[bold]x[/bold]" in page
    assert "tycoon | donor" in page
    for external in ("src=", "href=", "<link", "@import", "url("):
        assert external not in page
    assert "<h2>Same fact, different words</h2>" in page


def test_html_shows_the_aligned_diff(comparison: Comparison) -> None:
    page = to_html(comparison)
    assert (
        "<em>Wording:</em> <del>Minister</del> Anna Vale <del>said</del> <ins>claimed</ins> the port deal was a "
        "<del>disaster</del> <ins>catastrophe</ins> for workers." in page
    )


def test_html_has_the_same_sections_as_markdown(comparison: Comparison) -> None:
    md_headings = re.findall(r"^#{1,3} (.+)$", to_markdown(comparison), flags=re.M)
    html_headings = re.findall(r"<h[1-3]>(.+?)</h[1-3]>", to_html(comparison))
    assert html_headings == md_headings


# --- Nothing to compare -----------------------------------------------------------------------------


def test_exports_of_an_empty_comparison() -> None:
    empty = compare(Target("Nobody Here", "person"), {"A": [], "B": []}, {})
    d = to_dict(empty)
    assert [p["outlet"] for p in d["outlets"]] == ["A", "B"] and d["aligned"] == []
    assert json.loads(to_json(empty)) == d
    tables = to_csv_tables(empty)
    assert list(csv.reader(io.StringIO(tables["quotes"]))) == [HEADERS["quotes"]]
    assert _rows(tables["coverage"])[0]["share"] == "0.0"
    md = to_markdown(empty)
    assert md.startswith("# How outlets frame Nobody Here\n\nPeriod: all dates.")
    assert "No two outlets word the same fact differently." in md
    assert "<h1>How outlets frame Nobody Here</h1>" in to_html(empty)
