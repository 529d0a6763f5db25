"""The way in: `newsframe` on an empty index shows onboarding and imports in the app; `newsframe demo`
indexes the bundled corpus into the cache dir on first use; the command palette offers comparisons."""

from __future__ import annotations

import gc
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from corpus import demo_corpus_path
from index import Index, Store, indexed_files
from tests.tui.helpers import settle
from tui.app import NewsframeApp, build_app
from tui.cli import build_parser, main
from tui.onboarding import ImportScreen, OnboardingScreen

ROOT = Path(__file__).resolve().parents[2]


def text_of(app: NewsframeApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_an_empty_index_shows_onboarding_then_imports_in_the_app(tmp_path: Path) -> None:
    corpus = tmp_path / "news" / "Alpha Daily"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("Harbour deal signed\n\nThe harbour deal was signed on Monday, Iris Vale said.\n")
    app = build_app(home=tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OnboardingScreen)
        assert "no index named 'default'" in text_of(app, "#onboarding-reason")
        assert app.focused is app.screen.query_one("#path", Input)
        await pilot.press(*"/no/such/folder", "enter")
        assert "no such file or folder" in text_of(app, "#onboarding-error")
        app.screen.query_one("#path", Input).value = ""
        await pilot.press(*str(tmp_path / "news"), "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "SearchScreen"
        assert app.index is not None and app.index.stats().articles == 1


async def test_demo_is_indexed_into_the_cache_dir_on_first_use(tmp_path: Path) -> None:
    home = tmp_path / "home"
    app = build_app(home=home, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, ImportScreen)
        await settle(pilot)
        assert type(app.screen).__name__ == "SearchScreen"
        assert app.index is not None and app.index.stats().articles == 45
    assert (home / "cache" / "indexes" / "demo").is_dir()
    assert not (home / "data" / "indexes").exists()  # the demo never touches the user's indexes
    again = build_app(home=home, demo=True)  # a second start finds every file unchanged
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.index is not None and again.index.stats().articles == 45


async def test_a_demo_index_made_from_another_copy_of_the_corpus_starts_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two checkouts share the cache dir: the second one's demo must not show every article twice."""
    home = tmp_path / "home"
    first = build_app(home=home, demo=True)
    async with first.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert first.index is not None and first.index.stats().articles == 45
    copy = tmp_path / "other checkout" / "articles"
    shutil.copytree(demo_corpus_path(), copy)
    monkeypatch.setattr("corpus.demo_corpus_path", lambda: str(copy))
    second = build_app(home=home, demo=True)
    async with second.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert second.index is not None and second.index.stats().articles == 45
        assert all(path.startswith(str(copy)) for path in indexed_files(second.store))


def test_an_import_stopped_with_sigint_keeps_the_index_usable_and_a_rerun_finishes(tmp_path: Path) -> None:
    """What `escape` on the import screen does: SIGINT to the import process, then the same import again."""
    corpus = tmp_path / "news" / "Alpha Daily"
    corpus.mkdir(parents=True)
    for n in range(400):
        (corpus / f"{n:03}.txt").write_text(f"Story {n}\n\nIris Vale said the harbour deal {n} was signed on Monday.\n")
    data = tmp_path / "data"
    command = [sys.executable, "-m", "tui.import_runner", str(data), "default", str(tmp_path / "none.toml")]
    process = subprocess.Popen([*command, str(tmp_path / "news")], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    first = json.loads(process.stdout.readline())  # the import has started
    assert first["files_total"] == 400
    process.send_signal(signal.SIGINT)
    lines = [json.loads(line) for line in process.stdout]
    assert process.wait(timeout=60) == 130
    assert lines[-1] == {"stopped": True}
    assert Index(Store(data, "default")).stats().articles < 400  # it stopped, and what is there opens
    done = subprocess.run([*command, str(tmp_path / "news")], capture_output=True, text=True, check=True)
    summary = json.loads(done.stdout.splitlines()[-1])["summary"]
    assert summary["added"] + summary["unchanged"] == 400
    assert Index(Store(data, "default")).stats().articles == 400


async def test_what_the_warm_up_loaded_is_set_aside_from_the_collector_while_the_app_runs(
    demo_app: NewsframeApp,
) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)  # the first results, then the warm-up (a worker) and what it calls back
        assert demo_app._warmed
        # the modules, Textual's styles and widgets, the index's tables: out of every full collection
        assert gc.get_freeze_count() > 10_000
    assert gc.get_freeze_count() == 0  # the app's end gives them back to the collector


async def test_the_command_palette_offers_to_compare_people(demo_app: NewsframeApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"compare adrian")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(demo_app.screen).__name__ == "CompareScreen"
        assert demo_app.screen.target == "Adrian Voss"  # type: ignore[attr-defined]


def test_newsframe_alone_opens_the_app_and_demo_uses_the_cache(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened: list[tuple[str, str]] = []

    def fake_run(self: NewsframeApp) -> None:
        opened.append((str(self.store.path), ",".join(self.import_paths)))

    monkeypatch.setattr(NewsframeApp, "run", fake_run)
    assert main(["--home", str(tmp_path), "--index", "work"]) == 0
    assert main(["--home", str(tmp_path), "demo"]) == 0
    assert opened[0] == (str(tmp_path.resolve() / "data" / "indexes" / "work"), "")
    assert opened[1] == (str(tmp_path.resolve() / "cache" / "indexes" / "demo"), demo_corpus_path())
    assert "newsframe demo" in build_parser().format_help()


def test_the_app_quits_when_its_terminal_hangs_up_without_a_sighup(tmp_path: Path) -> None:
    """A dropped SSH connection under a parent that takes the SIGHUP (`make demo`): the app must quit,
    not read end-of-file forever at 100% CPU."""
    if not sys.platform.startswith("linux"):
        pytest.skip("needs a Linux pty")
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    app = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--home", str(tmp_path / "home")],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=env,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),  # as if a parent took it
    )
    os.close(slave)
    try:
        seen = b""
        deadline = time.monotonic() + 60
        while b"newsframe" not in seen and time.monotonic() < deadline:  # the first frame is drawn
            ready, _, _ = select.select([master], [], [], 1.0)
            if ready:
                seen += os.read(master, 65536)
        assert b"newsframe" in seen
    finally:
        os.close(master)  # the terminal hangs up
    try:
        assert app.wait(timeout=20) is not None
    finally:
        if app.poll() is None:
            app.kill()
