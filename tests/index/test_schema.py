"""What is stored per article comes back exactly: every field, sentence text and mention."""

from __future__ import annotations

from corpus import Article, demo_corpus_path, extract_people, read_corpus
from index.schema import document, pack, unpack


def test_every_demo_article_round_trips_through_the_stored_form() -> None:
    articles = [a for a in read_corpus([demo_corpus_path()]) if isinstance(a, Article)]
    extract_people(articles)
    assert any(a.comments for a in articles) and any(a.via for a in articles) and any(a.people for a in articles)
    for article in articles:
        stored = document(article)
        assert unpack(stored["data"], stored["body"]) == article
        assert unpack(pack(article), article.body).sentences == article.sentences


def test_stored_sentences_read_like_a_list() -> None:
    """Sentences are made when first read (see schema._StoredSentences); every way of reading them agrees."""
    article = next(a for a in read_corpus([demo_corpus_path()]) if isinstance(a, Article))
    extract_people([article])
    expected = list(article.sentences)
    stored = unpack(pack(article), article.body).sentences
    assert len(stored) == len(expected) > 3
    assert list(stored) == expected
    assert stored[0] == expected[0] and stored[-1] == expected[-1]
    assert stored[1:3] == expected[1:3] and stored[::2] == expected[::2]
    assert stored[2] is stored[2]  # made once
    assert stored == expected and expected == stored and stored != expected[:-1]
    assert stored.index(expected[1]) == 1 and expected[1] in stored


def test_the_compressed_data_of_an_older_index_still_reads() -> None:
    """Indexes made before the data went in uncompressed hold it as zlib'd JSON bytes: same rows."""
    import zlib

    article = next(a for a in read_corpus([demo_corpus_path()]) if isinstance(a, Article))
    extract_people([article])
    older = zlib.compress(pack(article).encode("utf-8"), 3)
    assert unpack(older, article.body) == article == unpack(pack(article), article.body)
