"""Comparisons on the demo corpus find the slants written into it (corpus/demo/README.md)."""

from __future__ import annotations

import os
import sys
from datetime import date
from functools import partial

import pytest

from corpus.framing.model import Comparison, Target
from index import Index
from index import compare as index_compare
from index.compare import CompareError, compare_in_index

ALL = ["Patriot Dispatch", "Commons Voice", "Meridian Wire", "The Korsa Ledger"]


def labels(c: Comparison, outlet: str) -> list[str]:
    return [r.item for r in c.profile(outlet).labels]


def verbs(c: Comparison, outlet: str) -> list[str]:
    return [r.item for r in c.profile(outlet).verbs]


def test_voss_verbs_differ_as_written(demo_index: Index) -> None:
    c = compare_in_index(demo_index, "Adrian Voss", outlets=ALL)
    assert {"declare", "vow"} <= set(verbs(c, "Patriot Dispatch")[:4])
    assert {"insist", "admit", "claim"} <= set(verbs(c, "Commons Voice"))
    for wire in ("Meridian Wire", "The Korsa Ledger"):
        assert verbs(c, wire)[0] == "say"
        assert c.profile(wire).verb_classes["distancing"] == 0
    assert c.profile("Commons Voice").verb_classes["distancing"] > 0.3


def test_labels_for_the_union_leader_the_shipowner_and_the_finance_minister(demo_index: Index) -> None:
    kolk = compare_in_index(demo_index, "van der Kolk", outlets=ALL)
    assert labels(kolk, "Patriot Dispatch")[0] == "militant union boss"
    assert labels(kolk, "Commons Voice")[0] == "veteran organiser"
    assert kolk.summary["labels"].startswith("Commons Voice calls Lena van der Kolk “veteran organiser”")
    sung = compare_in_index(demo_index, "Mr Sung", outlets=ALL)
    assert labels(sung, "Commons Voice")[0] == "billionaire shipping magnate"
    assert labels(sung, "Patriot Dispatch")[0] == "visionary investor"
    brezina = compare_in_index(demo_index, "Tomas Brezina", outlets=ALL)  # the unaccented alias
    assert brezina.target.name == "Tomás Brezina"
    assert labels(brezina, "Commons Voice")[0] == "austerity architect"
    assert labels(brezina, "Patriot Dispatch")[0] == "prudent finance minister"


def test_tone_around_the_shipowner_is_warmest_in_the_pro_government_outlet(demo_index: Index) -> None:
    sung = compare_in_index(demo_index, "Sung Min-ho", outlets=ALL)
    tones = {p.outlet: p.tone.mean for p in sung.outlets}
    assert max(tones, key=lambda o: tones[o]) == "Patriot Dispatch"
    assert sung.profile("Patriot Dispatch").tone.most_positive  # evidence for the figure


def test_distinctive_words_carry_the_slant(demo_index: Index) -> None:
    ilves = compare_in_index(demo_index, "Maren Ilves", outlets=ALL)
    significant = {d.score.word for d in ilves.profile("Patriot Dispatch").distinctive if d.score.significant}
    assert {"radical", "chief"} <= significant
    assert not {"maren", "ilves"} & significant


def test_aligned_sentences_show_the_verb_swap(demo_index: Index) -> None:
    c = compare_in_index(demo_index, "Voss", outlets=["Patriot Dispatch", "Commons Voice"])
    swaps = {(run.a, run.b) for pair in c.aligned for run in pair.diff if run.op == "replace"}
    assert ("declared.", "insisted.") in swaps
    for pair in c.aligned:
        assert pair.a.outlet == "Patriot Dispatch" and pair.b.outlet == "Commons Voice"
        assert pair.similarity >= 0.5


def test_default_outlets_are_the_three_that_cover_the_target_most(demo_index: Index) -> None:
    c = compare_in_index(demo_index, "Ilves")
    assert len(c.outlets) == 3
    mentions = {p.outlet: p.articles for p in c.outlets}
    full = {p.outlet: p.articles for p in compare_in_index(demo_index, "Ilves", outlets=ALL).outlets}
    assert min(mentions.values()) >= max(v for o, v in full.items() if o not in mentions)


def test_a_query_target_and_a_date_range(demo_index: Index) -> None:
    c = compare_in_index(
        demo_index, '"harbour deal"', outlets=ALL, date_from=date(2025, 3, 1), date_to=date(2025, 3, 31)
    )
    assert c.target.kind == "query"
    for profile in c.outlets:
        assert all(line.date and date(2025, 3, 1) <= line.date <= date(2025, 3, 31) for line in profile.kwic)
        assert all("harbour" in line.name.lower() or "deal" in line.name.lower() for line in profile.kwic)
    assert sum(p.mentions for p in c.outlets) > 0


def test_unknown_targets_and_outlets_get_the_closest_names(demo_index: Index) -> None:
    with pytest.raises(CompareError, match=r"closest people: .*Adrian Voss"):
        compare_in_index(demo_index, "Adrian Vos")
    with pytest.raises(CompareError, match="no outlet named 'Patriot Dispach'; closest outlets: Patriot Dispatch"):
        compare_in_index(demo_index, "Voss", outlets=["Patriot Dispach", "Commons Voice"])
    with pytest.raises(CompareError, match="nothing about"):
        compare_in_index(demo_index, "Voss", date_from=date(2020, 1, 1), date_to=date(2020, 2, 1))


def test_more_than_four_outlets_is_refused(demo_index: Index) -> None:
    with pytest.raises(CompareError, match="at most 4 outlets"):
        compare_in_index(demo_index, "Voss", outlets=[*ALL, "Patriot Dispatch", "Another"])


def opened(data_dir: str, name: str) -> bool:
    return (data_dir, name, os.getpid()) in index_compare._indexes


def no_part(*args: object) -> None:
    return None


def test_the_worker_and_this_process_make_the_same_comparison(
    demo_index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus.framing import parallel

    cases = [
        ("Adrian Voss", {"outlets": ALL}),
        ('"harbour deal"', {"outlets": ALL, "date_from": date(2025, 3, 1)}),
        ("Ilves", {"window": 1}),
    ]
    with monkeypatch.context() as here:  # no worker: every part and task made in this process
        here.setattr(parallel, "_worker", None)
        here.setattr(parallel, "_unavailable", True)
        alone = [compare_in_index(demo_index, target, **kw) for target, kw in cases]  # type: ignore[arg-type]
    monkeypatch.setattr(parallel, "WORTH_A_QUICK_WORKER", 0)  # these small comparisons get the worker too
    monkeypatch.setattr(parallel, "WORTH_A_WORKER", 0)
    if not parallel.start():
        pytest.skip("no worker process can be started here")
    for (target, kw), expected in zip(cases, alone, strict=True):
        assert compare_in_index(demo_index, target, **kw) == expected  # type: ignore[arg-type]
    # an outlet part the worker could not make (another import committed since) is made here
    monkeypatch.setattr(index_compare, "_outlet_part", no_part)
    assert compare_in_index(demo_index, "Adrian Voss", outlets=ALL) == alone[0]


@pytest.mark.skipif(sys.platform != "linux", reason="forks a worker")
def test_a_worker_reads_an_outlet_part_from_the_index_itself(demo_index: Index) -> None:
    """The part a worker makes with a searcher of its own, on the commit the comparison is on, and
    nothing from a commit it cannot see."""
    from corpus.framing import parallel

    target = Target("Adrian Voss", "person", tuple(demo_index.aliases("Adrian Voss")))
    with demo_index.searcher() as searcher:
        docs = [d for d, fields in searcher.iter_docs() if "adrian voss" in fields.get("people", "").lower()]
        generation = searcher.reader().generation()
        outlet = searcher.stored_fields(docs[0])["outlet"]
        docs = [d for d in docs if searcher.stored_fields(d)["outlet"] == outlet]
        expected = index_compare._part(searcher, outlet, docs, target, 0)
        query = Target('"harbour deal"', "query", ("harbour", "deal"), frozenset({"harbour", "deal"}))
        expected_query = index_compare._part(searcher, outlet, docs, query, 1)
    source = (str(demo_index.store.data_dir), demo_index.store.name)
    worker = parallel._Worker(warm=(partial(index_compare._open_here, *source),))
    try:
        worker.job.value = 1
        tasks = [
            (opened, source),
            (index_compare._outlet_part, (*source, generation, outlet, docs, target, 0)),
            (index_compare._outlet_part, (*source, generation + 1, outlet, docs, target, 0)),
            (index_compare._outlet_part, (*source, generation, outlet, docs, query, 1)),  # a query's matcher
        ]
        worker.conn.send((1, tasks, [4]))  # the worker takes them all: nobody else claims
        # the index opened before the job came
        assert worker.conn.recv() == (1, {0: True, 1: expected, 2: None, 3: expected_query})
    finally:
        worker.process.kill()
        worker.process.join()
    assert expected.hits and expected.texts and expected.side and expected_query.hits
