"""Onboarding: an empty index says how to add articles, and can run the import here with a progress bar.

The import runs in its own process (`tui.import_runner`), followed by a thread worker. `escape` stops
it: what was committed stays (the index is never left half-written), and the same import again
finishes the job.
"""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, ProgressBar, Static
from textual.worker import get_current_worker

from index import Progress, Store
from tui.locations import locations

HOW_TO = """\
This index has no articles yet. Point newsframe at the articles you have:
folders of scraped .txt pages, saved .html pages, .json/.jsonl exports,
RSS/Atom feeds. Type a path below and press enter to import it here, or
from a shell:

  newsframe add ~/news    read, clean, find people, index
                          (run it again: only what changed goes in)
  newsframe demo          try the bundled demo corpus instead
"""


class OnboardingScreen(Screen[None]):
    """What to do with an empty (or unusable) index."""

    AUTO_FOCUS = "#path"
    BINDINGS = [Binding("escape", "app.quit", "Quit")]

    def __init__(self, store: Store, reason: str) -> None:
        super().__init__()
        self.store = store
        self.reason = reason

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="onboarding"):
            yield Static(Text(f"Index {self.store.name!r}: {self.reason}", style="bold"), id="onboarding-reason")
            yield Static(Text(HOW_TO), id="onboarding-help")
            yield Input(placeholder="a folder or file of articles, e.g. ~/news", id="path")
            yield Static("", id="onboarding-error")
        yield Footer()

    @on(Input.Submitted, "#path")
    def start_import(self, event: Input.Submitted) -> None:
        paths = [str(Path(p).expanduser()) for p in event.value.split() if p]
        missing = [p for p in paths if not Path(p).exists()]
        error = self.query_one("#onboarding-error", Static)
        if not paths or missing:
            error.update(Text(f"no such file or folder: {missing[0]}" if missing else "type a path first"))
            return
        error.update("")
        from tui.app import NewsframeApp

        app = self.app
        assert isinstance(app, NewsframeApp)
        app.run_import(paths)


class ImportScreen(Screen[dict[str, object] | None]):
    """An import with a progress bar: files, articles and their rate; `escape` stops it safely."""

    BINDINGS = [Binding("escape", "cancel", "Stop the import")]

    def __init__(self, store: Store, paths: list[str]) -> None:
        super().__init__()
        self.store = store
        self.paths = paths
        self.process: subprocess.Popen[str] | None = None
        self.failed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="import"):
            yield Static(Text("Importing " + ", ".join(self.paths)), id="import-what")
            yield ProgressBar(id="import-bar", show_eta=True)
            yield Static(Text("Looking for article files…"), id="import-status")
        yield Footer()

    def on_mount(self) -> None:
        self.run()

    @work(thread=True, exclusive=True, group="import")
    def run(self) -> None:
        """Run `tui.import_runner` and follow its JSON lines; the last one is the summary or the error."""
        worker = get_current_worker()
        config = locations_config(self.app)
        command = [sys.executable, "-m", "tui.import_runner", str(self.store.data_dir), self.store.name, config]
        with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
            self.process = subprocess.Popen(
                [*command, *self.paths], stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL, text=True
            )
            last: dict[str, object] = {}
            assert self.process.stdout is not None
            for line in self.process.stdout:
                try:
                    last = json.loads(line)
                except ValueError:
                    continue
                if "files_done" in last and not worker.is_cancelled:
                    self._post(self._progress, Progress(**last))  # type: ignore[arg-type]
            code = self.process.wait()
            errors.seek(0)
            tail = [line.strip() for line in errors.read().splitlines() if line.strip()][-1:]
        if worker.is_cancelled:  # the app is closing: nothing left to show
            return
        if "error" in last:
            self._post(self._failed, str(last["error"]))
        elif "summary" in last:
            self._post(self._done, last["summary"])
        elif "stopped" in last:
            self._post(self.dismiss, None)
        else:  # the import process died without saying why on stdout: show its last words
            self._post(
                self._failed, f"the import process ended with status {code}: {tail[0] if tail else 'no message'}"
            )

    def _post(self, callback: object, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the app has stopped
            self.app.call_from_thread(callback, *args)  # type: ignore[arg-type]

    def on_unmount(self) -> None:
        """Leaving (or quitting the app) stops the import, so nothing waits for it to finish."""
        self._interrupt()

    def _interrupt(self) -> bool:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            return True
        return False

    def _done(self, summary: dict[str, object]) -> None:
        failed = summary.get("failed") or []
        if isinstance(failed, list) and failed:
            self.notify(f"{len(failed)} files could not be read, e.g. {failed[0]}", severity="warning", markup=False)
        self.dismiss(summary)

    def _progress(self, p: Progress) -> None:
        bar = self.query_one("#import-bar", ProgressBar)
        bar.update(total=max(1, p.files_total), progress=p.files_done)
        rate = p.articles / p.seconds if p.seconds else 0.0
        self.query_one("#import-status", Static).update(
            Text(f"{p.files_done} of {p.files_total} files, {p.articles} articles, {rate:.0f} articles/s")
        )

    def _failed(self, message: str) -> None:
        self.failed = True
        self.query_one("#import-status", Static).update(Text(f"The import stopped: {message}\nescape: back"))
        self.notify(message, severity="error", markup=False)

    def action_cancel(self) -> None:
        """Stop the import (SIGINT lets it roll back what it had not committed), or leave a failed one."""
        if self._interrupt():
            self.query_one("#import-status", Static).update(Text("Stopping the import…"))
        elif self.failed:
            self.dismiss(None)


def locations_config(app: object) -> str:
    """The people config file of the app's home."""
    home = getattr(app, "home", None)
    return str(locations(home).config / "config.toml")
