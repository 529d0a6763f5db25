"""The domain: articles read from the files users have, cleaned; no Textual, Rich or Whoosh here.

`read_corpus(paths)` is the entry point: it yields clean `Article`s and a `Problem` for each file (or
line) that could not be read.
"""

from corpus.ingest import ReadOptions, read_corpus
from corpus.model import Article, Comment, Problem, Source, Via

__all__ = ["Article", "Comment", "Problem", "ReadOptions", "Source", "Via", "demo_corpus_path", "read_corpus"]


def demo_corpus_path() -> str:
    """The folder of the bundled demo corpus (fictional outlets, original text), as a path."""
    from importlib.resources import files

    return str(files("corpus").joinpath("demo", "articles"))
