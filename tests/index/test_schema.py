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
