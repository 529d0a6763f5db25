"""The comparison over hand-built articles: every expected figure is counted by hand from the text below."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from corpus.framing.distinctive import fightin_words
from corpus.framing.model import Evidence, Target
from corpus.framing.profile import compare, outlet_part, same_story_articles
from corpus.framing.tone import score
from corpus.model import Article, Mention, Person, Sentence, Source

VALE = Target("Iris Vale", "person", ("Vale", "Ms Vale"))


def article(
    article_id: str,
    outlet: str,
    day: date | None,
    sentences: list[str],
    mentions: dict[str, list[Mention]],
    where: dict[int, str] | None = None,
    title: str = "",
) -> Article:
    where = where or {}
    built = [Sentence(where.get(i, "body"), 0, 0, len(text), text) for i, text in enumerate(sentences)]
    return Article(
        id=article_id,
        outlet=outlet,
        title=title or sentences[0],
        body="\n\n".join(sentences),
        source=Source(article_id),
        date=day,
        sentences=built,
        people=[Person(name, [], found) for name, found in mentions.items()],
    )


def mention(sentences: list[str], index: int, surface: str, **kwargs: object) -> Mention:
    start = sentences[index].index(surface)
    return Mention(index, start, start + len(surface), surface, **kwargs)  # type: ignore[arg-type]


A1 = [
    "The reckless minister Iris Vale claimed the port deal was a triumph.",
    "Vale claimed the workers would gain, Tom Hart said.",
    "Rain fell and rain fell all day.",
]
A2 = [
    "Iris Vale said the port deal would create jobs.",
    "Readers wrote that Vale is a disgrace.",
]
B1 = [
    "Minister Iris Vale said the port deal was a triumph for the city.",
    "Vale admitted that costs had risen.",
]


@pytest.fixture
def outlets() -> dict[str, list[Article]]:
    return {
        "Alpha": [
            article(
                "a1",
                "Alpha",
                date(2025, 3, 3),
                A1,
                {
                    "Iris Vale": [
                        mention(
                            A1, 0, "Iris Vale", labels=("reckless minister",), verb="claim", verb_class="distancing"
                        ),
                        mention(A1, 1, "Vale", verb="claim", verb_class="distancing", quote="the workers would gain"),
                    ],
                    "Tom Hart": [mention(A1, 1, "Tom Hart", verb="say", verb_class="neutral")],
                },
            ),
            article(
                "a2",
                "Alpha",
                date(2025, 3, 12),
                A2,
                {
                    "Iris Vale": [
                        mention(A2, 0, "Iris Vale", verb="say", verb_class="neutral"),
                        mention(A2, 1, "Vale", where="comment", labels=("disgrace",)),
                    ]
                },
                where={1: "comment"},
            ),
        ],
        "Beta": [
            article(
                "b1",
                "Beta",
                date(2025, 3, 4),
                B1,
                {
                    "Iris Vale": [
                        mention(B1, 0, "Iris Vale", labels=("minister",), verb="say", verb_class="neutral"),
                        mention(B1, 1, "Vale", verb="admit", verb_class="conceding"),
                    ]
                },
            )
        ],
    }


def test_coverage_counts_only_the_outlets_own_text(outlets: dict[str, list[Article]]) -> None:
    comparison = compare(VALE, outlets, {"Alpha": 10, "Beta": 4})
    alpha, beta = comparison.profile("Alpha"), comparison.profile("Beta")
    assert (alpha.articles, alpha.mentions, alpha.outlet_articles) == (2, 3, 10)  # the comment mention is left out
    assert alpha.share == pytest.approx(0.2)
    assert (beta.articles, beta.mentions, beta.share) == (1, 2, pytest.approx(0.25))


def test_timeline_in_weeks_across_every_week_of_the_span(outlets: dict[str, list[Article]]) -> None:
    comparison = compare(VALE, outlets, {})
    # 3 March 2025 is a Monday of ISO week 10; 12 March is in week 11
    assert comparison.profile("Alpha").timeline == [("2025-W10", 2), ("2025-W11", 1)]
    assert comparison.profile("Beta").timeline == [("2025-W10", 2), ("2025-W11", 0)]


def test_labels_verbs_and_class_shares(outlets: dict[str, list[Article]]) -> None:
    comparison = compare(VALE, outlets, {})
    alpha = comparison.profile("Alpha")
    assert [(r.item, r.count) for r in alpha.labels] == [("reckless minister", 1)]
    assert alpha.labels[0].evidence == [Evidence("a1", 0)]
    assert [(r.item, r.count) for r in alpha.verbs] == [("claim", 2), ("say", 1)]
    assert alpha.verb_class_counts == {"neutral": 1, "distancing": 2, "conceding": 0, "charged": 0, "positive": 0}
    assert alpha.verb_classes["distancing"] == pytest.approx(2 / 3)
    assert alpha.verb_classes["neutral"] == pytest.approx(1 / 3)
    beta = comparison.profile("Beta")
    assert beta.verb_classes["conceding"] == pytest.approx(0.5)


def test_quotes_comentions_and_kwic(outlets: dict[str, list[Article]]) -> None:
    alpha = compare(VALE, outlets, {}).profile("Alpha")
    assert [(q.text, q.verb, q.evidence) for q in alpha.quotes] == [
        ("the workers would gain", "claim", Evidence("a1", 1))
    ]
    assert [(r.item, r.count, r.evidence) for r in alpha.comentions] == [("Tom Hart", 1, [Evidence("a1", 1)])]
    assert [(r.item, r.count) for r in alpha.comentions_articles] == [("Tom Hart", 1)]
    first = alpha.kwic[0]
    assert (first.left, first.name, first.right) == (
        "The reckless minister ",
        "Iris Vale",
        " claimed the port deal was a triumph.",
    )
    assert [line.evidence for line in alpha.kwic] == [Evidence("a1", 0), Evidence("a1", 1), Evidence("a2", 0)]


def test_tone_is_vader_per_distinct_mention_sentence(outlets: dict[str, list[Article]]) -> None:
    alpha = compare(VALE, outlets, {}).profile("Alpha")
    expected = score([A1[0], A1[1], A2[0]])
    assert alpha.tone.n == 3
    assert alpha.tone.mean == pytest.approx(sum(expected) / 3)
    assert [e for e, _ in alpha.tone_scores] == [Evidence("a1", 0), Evidence("a1", 1), Evidence("a2", 0)]


def test_distinctive_words_leave_out_the_targets_name(outlets: dict[str, list[Article]]) -> None:
    comparison = compare(VALE, outlets, {}, prior=None)
    for profile in comparison.outlets:
        found = {d.score.word for d in profile.distinctive}
        assert not found & {"iris", "vale"}
    alpha = comparison.profile("Alpha")
    claimed = next(d for d in alpha.distinctive if d.score.word == "claimed")
    assert claimed.score.count == 2 and claimed.score.other == 0
    assert claimed.evidence == [Evidence("a1", 0), Evidence("a1", 1)]


def test_a_prior_weighs_distinctive_words_as_fightin_words_does(outlets: dict[str, list[Article]]) -> None:
    prior = {"claimed": 40.0, "triumph": 3.0, "disaster": 900.0}  # a background where "disaster" is common
    comparison = compare(VALE, outlets, {}, prior=prior)
    parts = [outlet_part(VALE, outlet, found) for outlet, found in outlets.items()]
    counts = {p.outlet: Counter(w for ws in p.tokens.values() for w in ws) for p in parts}
    expected = fightin_words(counts, prior, top=30)
    for profile in comparison.outlets:  # an outlet's distinctive words are those it uses more (z > 0)
        assert [d.score for d in profile.distinctive] == [w for w in expected[profile.outlet] if w.z > 0]
    without = compare(VALE, outlets, {})  # the outlets' own words as the background: other z-scores
    assert [d.score for d in without.outlets[0].distinctive] != [d.score for d in comparison.outlets[0].distinctive]


def test_aligned_sentences_pair_the_same_fact_across_outlets(outlets: dict[str, list[Article]]) -> None:
    comparison = compare(VALE, outlets, {})
    best = comparison.aligned[0]
    assert (best.a.outlet, best.a.evidence, best.b.outlet, best.b.evidence) == (
        "Alpha",
        Evidence("a1", 0),
        "Beta",
        Evidence("b1", 0),
    )
    changed = [(run.op, run.a, run.b) for run in best.diff if run.op != "equal"]
    assert ("replace", "The reckless minister", "Minister") in changed
    assert ("replace", "claimed", "said") in changed


def test_with_the_alignment_worker_the_comparison_is_the_same(
    outlets: dict[str, list[Article]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus.framing import parallel

    here = compare(VALE, outlets, {})
    monkeypatch.setattr(parallel, "WORTH_A_WORKER", 0)  # this tiny comparison gets the worker too
    if not parallel.start():
        pytest.skip("no worker process can be started here")
    beside = compare(VALE, outlets, {}, parallel=True)
    assert beside == here and beside.aligned


def test_summary_names_the_outlet_that_differs(outlets: dict[str, list[Article]]) -> None:
    summary = compare(VALE, outlets, {"Alpha": 10, "Beta": 4}).summary
    assert summary["labels"] == "Alpha calls Iris Vale “reckless minister” once; Beta never does."
    assert summary["verbs"].startswith("Alpha reports Iris Vale's words with distancing or charged verbs (claim)")
    assert summary["quotes"] == "Direct quotes of Iris Vale: Alpha once, Beta never."
    # the one pair: "The reckless minister Iris Vale claimed ..." and "Minister Iris Vale said ..."
    assert summary["aligned"] == "1 sentence pair reports the same fact, in different words."
    assert summary["coverage"] == (  # Beta: b1 of its 4 articles, 2 mentions; Alpha: a1, a2 of 10, 3 mentions
        "Beta covers Iris Vale most: 1 article, 25% of its own, 2 mentions; Alpha least: 2 articles (20%), 3 mentions."
    )


def test_a_window_widens_the_context_of_distinctive_words(outlets: dict[str, list[Article]]) -> None:
    narrow = compare(VALE, outlets, {}).profile("Alpha")
    wide = compare(VALE, outlets, {}, window=1).profile("Alpha")
    assert "rain" not in {d.score.word for d in narrow.distinctive}
    rain = next(d for d in wide.distinctive if d.score.word == "rain")
    assert rain.score.count == 2 and rain.evidence == [Evidence("a1", 1)]  # only sentence 1 has sentence 2 beside it


def test_a_query_target_mentions_are_the_sentences_the_matcher_finds(outlets: dict[str, list[Article]]) -> None:
    def matcher(text: str) -> list[tuple[int, int]]:
        at = text.find("port deal")
        return [(at, at + 9)] if at >= 0 else []

    comparison = compare(Target("port deal", "query", ("port", "deal")), outlets, {}, matcher=matcher)
    alpha = comparison.profile("Alpha")
    assert alpha.mentions == 2 and alpha.labels == [] and alpha.verbs == []
    assert alpha.kwic[0].name == "port deal"


def test_same_stories_keeps_articles_another_outlet_also_covers(outlets: dict[str, list[Article]]) -> None:
    kept = same_story_articles(outlets)
    assert [a.id for a in kept["Beta"]] == ["b1"]
    assert [a.id for a in kept["Alpha"]] == ["a1"]  # a2 shares the port deal too, but 8 days later
    far = dict(outlets)
    far["Beta"] = [
        article("b2", "Beta", date(2025, 9, 1), ["Iris Vale opened a library in the north."], {"Iris Vale": []})
    ]
    kept = same_story_articles(far)
    assert kept == {"Alpha": [], "Beta": []}


def test_one_outlet_alone_says_there_is_nothing_to_compare(outlets: dict[str, list[Article]]) -> None:
    comparison = compare(VALE, {"Alpha": outlets["Alpha"]}, {})
    assert comparison.aligned == []
    assert comparison.summary == {"coverage": "Alpha alone mentions Iris Vale: nothing to compare."}
