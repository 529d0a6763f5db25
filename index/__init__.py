"""The Whoosh index: building it from corpus articles, keeping it current, and searching it.

Nothing outside this package imports Whoosh; everything it returns is a plain dataclass.
"""

from index.build import AddSummary, Progress, add_paths, remove
from index.schema import SCHEMA_VERSION
from index.search import Index, PersonCount, QueryError, SearchHit, SearchResult, Stats
from index.store import Busy, IndexError_, NoIndex, Store, WrongSchema

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
    "remove",
]
