"""The domain: articles read from the files users have, cleaned; no Textual, Rich or Whoosh here.

`read_corpus(paths)` is the entry point: it yields clean `Article`s and a `Problem` for each file (or
line) that could not be read. `extract_people(articles)` then fills each article's `sentences` and
`people` (mentions resolved across the whole set).

The names below are imported when first used (PEP 562): a process that only compares or searches
never loads the readers, and starts up faster for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpus.lazy import lazy_names

if TYPE_CHECKING:
    from corpus.ingest import ReadOptions, read_corpus
    from corpus.model import Article, Comment, Mention, Person, Problem, Sentence, Source, Via
    from corpus.people import extract_people
    from corpus.people_config import ConfigError, PeopleConfig, load_people_config

_WHERE = {
    "ReadOptions": "corpus.ingest",
    "read_corpus": "corpus.ingest",
    "Article": "corpus.model",
    "Comment": "corpus.model",
    "Mention": "corpus.model",
    "Person": "corpus.model",
    "Problem": "corpus.model",
    "Sentence": "corpus.model",
    "Source": "corpus.model",
    "Via": "corpus.model",
    "extract_people": "corpus.people",
    "ConfigError": "corpus.people_config",
    "PeopleConfig": "corpus.people_config",
    "load_people_config": "corpus.people_config",
}

__all__ = [
    "Article",
    "Comment",
    "ConfigError",
    "Mention",
    "PeopleConfig",
    "Person",
    "Problem",
    "ReadOptions",
    "Sentence",
    "Source",
    "Via",
    "demo_corpus_path",
    "extract_people",
    "load_people_config",
    "read_corpus",
]


__getattr__ = lazy_names("corpus", _WHERE, globals())


def demo_corpus_path() -> str:
    """The folder of the bundled demo corpus (fictional outlets, original text), as a path."""
    from importlib.resources import files

    return str(files("corpus").joinpath("demo", "articles"))
