"""An import in its own process, reporting progress as JSON lines: how the app imports.

The app does not import in its own process: Textual replaces stderr, which multiprocessing's spawn
needs, and Whoosh's writer forks, which a process with threads should not do. A child process also
keeps the reading and indexing off the UI's interpreter lock. SIGINT stops it between batches: what
was committed stays, and the same import run again finishes the job.

    python -m tui.import_runner DATA_DIR INDEX_NAME CONFIG_FILE PATH...
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from corpus.people_config import ConfigError, load_people_config
from index import IndexError_, Progress, Store, add_paths


def _emit(record: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    data_dir, name, config_file, *paths = list(argv if argv is not None else sys.argv[1:])
    # SIGINT is how the app stops an import: make sure it arrives, whatever the parent process had
    # ignored or blocked (both pass to a child; Python then never raises KeyboardInterrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        config = load_people_config(Path(config_file))
    except ConfigError as exc:
        _emit({"error": str(exc)})
        return 2

    def progress(p: Progress) -> None:
        _emit({"files_done": p.files_done, "files_total": p.files_total, "articles": p.articles, "seconds": p.seconds})

    try:
        summary = add_paths(Store(data_dir, name), paths, config=config, progress=progress, wait=5.0)
    except IndexError_ as exc:
        _emit({"error": str(exc)})
        return 3
    except KeyboardInterrupt:
        _emit({"stopped": True})
        return 130
    _emit(
        {
            "summary": {
                "added": summary.added,
                "updated": summary.updated,
                "unchanged": summary.unchanged,
                "removed": summary.removed,
                "failed": [str(p) for p in summary.failed],
                "seconds": summary.seconds,
            }
        }
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
