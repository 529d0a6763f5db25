"""The Whoosh index: building it from corpus articles, keeping it current, and searching it.

Nothing outside this package imports Whoosh; everything it returns is a plain dataclass. The names
below are imported when first used (PEP 562): searching and comparing never load the readers and the
people extractor that `add` needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpus.lazy import lazy_names
from index.whoosh_deferred import defer_morph_en

defer_morph_en()  # before any module of this package imports Whoosh

if TYPE_CHECKING:
    from index.build import AddSummary, Progress, add_paths, indexed_files, remove
    from index.schema import SCHEMA_VERSION
    from index.search import Index, PersonCount, QueryError, SearchHit, SearchResult, Stats
    from index.store import Busy, IndexError_, NoIndex, Store, WrongSchema

_WHERE = {
    "AddSummary": "index.build",
    "Progress": "index.build",
    "add_paths": "index.build",
    "indexed_files": "index.build",
    "remove": "index.build",
    "SCHEMA_VERSION": "index.schema",
    "Index": "index.search",
    "PersonCount": "index.search",
    "QueryError": "index.search",
    "SearchHit": "index.search",
    "SearchResult": "index.search",
    "Stats": "index.search",
    "Busy": "index.store",
    "IndexError_": "index.store",
    "NoIndex": "index.store",
    "Store": "index.store",
    "WrongSchema": "index.store",
}

__all__ = [
    "SCHEMA_VERSION",
    "AddSummary",
    "Busy",
    "Index",
    "IndexError_",
    "NoIndex",
    "PersonCount",
    "Progress",
    "QueryError",
    "SearchHit",
    "SearchResult",
    "Stats",
    "Store",
    "WrongSchema",
    "add_paths",
    "indexed_files",
    "remove",
]


__getattr__ = lazy_names("index", _WHERE, globals())
