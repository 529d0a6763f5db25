"""Search over the demo corpus: fields, operators, dates, sorting, paging, facets, snippets,
corrections, related coverage, and one-line errors for malformed queries."""

from __future__ import annotations

import pytest

from index import Index, QueryError, frequencies


def ids(index: Index, query: str, **kwargs: object) -> set[str]:
    result = index.search(query, limit=100, **kwargs)  # type: ignore[arg-type]
    return {h.id for h in result.hits}


def test_everything_for_an_empty_query_or_star(demo_index: Index) -> None:
    assert demo_index.search("").total == 45
    assert demo_index.search("*").total == 45


def test_terms_are_stemmed_and_ranked(demo_index: Index) -> None:
    result = demo_index.search("floods")
    assert result.total >= 8
    assert all("flood" in (h.title + h.snippet).lower() for h in result.hits[:5])
    assert result.hits == sorted(result.hits, key=lambda h: -h.score)


def test_outlet_field_ignores_case_and_facets_count_per_outlet(demo_index: Index) -> None:
    result = demo_index.search('harbour outlet:"patriot dispatch"')
    assert result.total > 0
    assert {h.outlet for h in result.hits} == {"Patriot Dispatch"}
    everywhere = demo_index.search("harbour")
    assert set(everywhere.facets) == {"Patriot Dispatch", "Commons Voice", "Meridian Wire", "The Korsa Ledger"}
    assert sum(everywhere.facets.values()) == everywhere.total


def test_outlet_filter_narrows_hits_and_total_but_facets_count_every_outlet(demo_index: Index) -> None:
    """Facets ignore the outlet filter, so a user sees what toggling another outlet on would add."""
    everywhere = demo_index.search("harbour")
    result = demo_index.search("harbour", outlets=["Meridian Wire"])
    assert {h.outlet for h in result.hits} == {"Meridian Wire"}
    assert result.total == everywhere.facets["Meridian Wire"] < everywhere.total
    assert result.facets == everywhere.facets


def test_person_matches_every_alias(demo_index: Index) -> None:
    by_name = ids(demo_index, 'person:"Tomás Brezina"')
    assert by_name
    assert ids(demo_index, 'person:"Tomas Brezina"') == by_name
    assert ids(demo_index, "person:Brezina") == by_name
    assert all("Tomás Brezina" in h.people for h in demo_index.search('person:"Brezina"').hits)


def test_title_author_and_tag_fields(demo_index: Index) -> None:
    assert demo_index.search("title:budget").total >= 4
    article = demo_index.article(next(iter(ids(demo_index, "title:budget"))))
    assert article is not None
    if article.authors:
        assert article.id in ids(demo_index, f'author:"{article.authors[0]}"')
    tagged = demo_index.search('tag:"harbour deal"')
    assert tagged.total >= 1


def test_phrases_with_slop_and_boolean_operators(demo_index: Index) -> None:
    exact = ids(demo_index, '"front door"')
    assert exact
    assert ids(demo_index, '"door front"') == set()
    assert ids(demo_index, '"front door"~2') >= exact
    assert ids(demo_index, '"door front"~2') == set()  # a slop widens the gap between words, in their order
    both = ids(demo_index, "strike AND floods")
    assert both <= ids(demo_index, "strike") & ids(demo_index, "floods")
    either = ids(demo_index, "strike OR floods")
    assert either == ids(demo_index, "strike") | ids(demo_index, "floods")
    without = ids(demo_index, "strike NOT floods")
    assert without == ids(demo_index, "strike") - ids(demo_index, "floods")


def test_wildcards(demo_index: Index) -> None:
    assert ids(demo_index, "harbo*") >= ids(demo_index, "harbour")


@pytest.mark.parametrize(
    ("query", "low", "high"),
    [
        ("date:[2025-04-01 TO 2025-04-30]", "2025-04-01", "2025-04-30"),
        ("date:[2025-04-01 to 2025-04-30]", "2025-04-01", "2025-04-30"),
        ("date:>2025-06", "2025-06-01", "2025-12-31"),
        ("date:2025-05", "2025-05-01", "2025-05-31"),
    ],
)
def test_date_ranges(demo_index: Index, query: str, low: str, high: str) -> None:
    result = demo_index.search(query, limit=100)
    assert result.total > 0
    assert all(h.date is not None and low <= h.date.isoformat() <= high for h in result.hits)


def test_sort_by_date_and_pages(demo_index: Index) -> None:
    first = demo_index.search("*", sort="date", limit=10, page=1)
    second = demo_index.search("*", sort="date", limit=10, page=2)
    dates = [h.date for h in first.hits + second.hits]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}
    assert first.pages == 5


def test_snippets_are_plain_text_with_highlight_spans(demo_index: Index) -> None:
    hit = demo_index.search("crane").hits[0]
    assert hit.highlights
    for start, end in hit.highlights:
        assert hit.snippet[start:end].lower().startswith("crane")
    assert "\x02" not in hit.snippet and "\x03" not in hit.snippet


def test_did_you_mean(demo_index: Index) -> None:
    result = demo_index.search("harbr")
    assert result.total == 0
    assert result.suggestion == "harbour"
    assert demo_index.search("harbour").suggestion is None


def test_warm_reads_what_did_you_mean_needs(demo_index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    index = Index(demo_index.store)  # a new one: nothing read yet
    index.warm()

    def unread(*_: object) -> object:
        raise AssertionError("the spelling words were read again")

    monkeypatch.setattr(frequencies, "load_words", unread)
    assert index.suggestion("harbr", 0) == "harbour"


def test_related_coverage_comes_from_other_outlets(demo_index: Index) -> None:
    [source] = demo_index.search('title:"Assembly approves harbour sale"', outlets=["The Korsa Ledger"]).hits
    related = demo_index.related(source.id, limit=5)
    assert related
    assert all(h.outlet != "The Korsa Ledger" for h in related)
    assert any("64" in h.title or "Assembly" in h.title for h in related[:3])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("AND (", "never closed"),
        ('"harbour deal', "unclosed quote"),
        ("harbour AND", "ends with AND"),
        ("date:[2025-13-45 TO 2025-14-01]", "bad date"),
        ("date:>notadate", "bad date"),
        ("harbour)", "closes nothing"),
    ],
)
def test_malformed_queries_get_one_line(demo_index: Index, query: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        demo_index.search(query)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_people_and_stats(demo_index: Index) -> None:
    people = demo_index.people(top=3)
    assert [p.name for p in people][:2] == ["Adrian Voss", "Maren Ilves"]
    assert people[0].mentions >= people[0].articles
    assert sum(people[0].by_outlet.values()) == people[0].articles
    only = demo_index.people(outlet="Meridian Wire", top=10)
    assert all(set(p.by_outlet) == {"Meridian Wire"} for p in only)
    stats = demo_index.stats()
    assert stats.articles == 45 and len(stats.outlets) == 4 and stats.people == 6
    assert stats.first_date is not None and stats.first_date.isoformat() == "2025-03-10"
    assert stats.size_bytes > 0


def test_article_round_trip_keeps_people_and_sentences(demo_index: Index) -> None:
    hit = demo_index.search('person:"Petra Aalto"').hits[0]
    article = demo_index.article(hit.id)
    assert article is not None
    [aalto] = [p for p in article.people if p.name == "Petra Aalto"]
    mention = aalto.mentions[0]
    assert article.sentences[mention.sentence].text[mention.start : mention.end] == mention.surface
    assert demo_index.article("no-such-id") is None


def test_a_phrase_with_an_outlet_filter_counts_like_any_other_query(demo_index: Index) -> None:
    everywhere = demo_index.search('"harbour sale"')
    assert everywhere.total == sum(everywhere.facets.values()) > 0
    outlet = next(iter(everywhere.facets))
    narrowed = demo_index.search('"harbour sale"', outlets=[outlet])
    assert narrowed.facets == everywhere.facets
    assert narrowed.total == everywhere.facets[outlet]
    assert {h.outlet for h in narrowed.hits} == {outlet}


def test_people_in_a_querys_articles(demo_index: Index) -> None:
    result = demo_index.search("strike", limit=100, snippets=0, suggest=False)
    assert 0 < result.total <= 100
    expected: dict[str, int] = {}
    for hit in result.hits:
        for name in set(hit.people):
            expected[name] = expected.get(name, 0) + 1
    found = {p.name: p.articles for p in demo_index.people(top=100, query="strike")}
    assert found == expected
    everyone = {p.name: p.articles for p in demo_index.people(top=100)}
    assert all(found[name] <= everyone[name] for name in found)
    with pytest.raises(QueryError):
        demo_index.people(query='"unclosed')
