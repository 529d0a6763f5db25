"""Ranking over bulk-read postings must give Whoosh's BM25F scores, on one segment and on several."""

from __future__ import annotations

import pytest
from whoosh import sorting

from index import Index, Store
from index import postings as postings_cache
from index.docsets import docset
from index.ranking import by_date, scoring_terms, top

# queries whose Whoosh scores are sums of BM25F terms (no constant-scored parts)
SCORED = [
    "harbour",
    "harbour strike",
    "harbour OR mayor",
    "harbour AND NOT strike",
    "title:harbour",
    'person:"Tomás Brezina"',
    "union ANDMAYBE militant",
    "(strike OR walkout) AND port^2",
]


def whoosh_ranked(index: Index, text: str, limit: int = 200) -> list[tuple[int, float]]:
    with index.ix.searcher() as searcher:
        return [(hit.docnum, hit.score) for hit in searcher.search(index.parse(text), limit=limit)]


def our_ranked(index: Index, text: str, limit: int = 200) -> list[tuple[int, float]]:
    query = index.parse(text)
    with index.ix.searcher() as searcher:
        return top(searcher, query, docset(query, searcher), limit)


def assert_same_ranking(expected: list[tuple[int, float]], found: list[tuple[int, float]]) -> None:
    """Whoosh's scores, but for one constant that Whoosh adds for a constant-scored clause (NOT x)."""
    assert len(found) == len(expected)
    offset = round(expected[0][1] - found[0][1], 6) if found else 0.0
    assert offset in (0.0, 1.0)
    assert [round(s + offset, 6) for _, s in found] == [round(s, 6) for _, s in expected]
    # the same documents at each score (documents of equal score may come in another order)
    by_score: dict[float, set[int]] = {}
    for docnum, score in expected:
        by_score.setdefault(round(score, 6), set()).add(docnum)
    for docnum, score in found:
        assert docnum in by_score[round(score + offset, 6)]


@pytest.mark.parametrize("text", SCORED)
def test_scores_equal_whoosh_bm25f(demo_index: Index, text: str) -> None:
    expected = whoosh_ranked(demo_index, text)
    assert expected, text
    assert_same_ranking(expected, our_ranked(demo_index, text))


def test_the_first_page_is_the_best_of_all_matches(demo_index: Index) -> None:
    everything = our_ranked(demo_index, "harbour OR strike", 500)
    assert our_ranked(demo_index, "harbour OR strike", 5) == everything[:5]
    assert [s for _, s in everything] == sorted((s for _, s in everything), reverse=True)


def test_not_and_filters_score_nothing(demo_index: Index) -> None:
    with demo_index.ix.searcher() as searcher:
        terms = {
            (f, str(t))
            for f, t, _ in scoring_terms(demo_index.parse('harbour NOT strike outlet:"Meridian Wire"'), searcher)
        }
    assert terms == {("title", "harbour"), ("body", "harbour")}


def test_wildcards_rank_by_their_words_and_ranges_keep_index_order(demo_index: Index) -> None:
    ranked = our_ranked(demo_index, "harb*")
    assert ranked and all(score > 0 for _, score in ranked)
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
    dated = our_ranked(demo_index, "date:[2025-01-01 TO 2025-12-31]")
    assert [d for d, _ in dated] == sorted(d for d, _ in dated)
    assert {d for d, _ in dated} == {d for d, _ in whoosh_ranked(demo_index, "date:[2025-01-01 TO 2025-12-31]")}


def test_newest_first_equals_whoosh_date_sort(demo_index: Index) -> None:
    query = demo_index.parse("harbour OR strike")
    with demo_index.ix.searcher() as searcher:
        newest = by_date(searcher, docset(query, searcher), 12)
        expected = searcher.search(query, limit=12, sortedby=sorting.FieldFacet("date", reverse=True))
        dates = [searcher.stored_fields(d)["date"] for d, _ in newest]
        assert dates == [hit["date"] for hit in expected]
        assert dates == sorted(dates, reverse=True)


def test_several_segments_with_deletions(segmented_store: Store) -> None:
    store = segmented_store
    index = Index(store)
    with index.ix.searcher() as searcher:
        assert len(searcher.leaf_searchers()) >= 2
    postings_cache.clear()
    for text in ("harbour", "harbour strike", "strike OR mayor", "title:harbour"):
        expected = whoosh_ranked(index, text)
        assert_same_ranking(expected, our_ranked(index, text))
        assert_same_ranking(expected, our_ranked(index, text))  # again, from the cache


def test_search_pages_through_the_same_ranking(demo_index: Index) -> None:
    first = demo_index.search("harbour OR strike", limit=5, page=1)
    second = demo_index.search("harbour OR strike", limit=5, page=2)
    whole = demo_index.search("harbour OR strike", limit=10)
    assert [h.id for h in first.hits + second.hits] == [h.id for h in whole.hits]
    assert first.hits[0].score >= first.hits[-1].score >= second.hits[0].score
