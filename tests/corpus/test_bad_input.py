"""Bad input is a Problem naming the file (and line) and the reason; the rest of the import goes in."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpus import Article, Problem, ReadOptions, read_corpus

GOOD = json.dumps(
    {
        "title": "Ferry fares frozen for a second year",
        "text": "The Oskarsholm ferry company will keep its fares unchanged until next spring, its director said.",
    }
)


def read(*paths: Path, max_bytes: int | None = None) -> tuple[list[Article], list[Problem]]:
    options = ReadOptions() if max_bytes is None else ReadOptions(max_bytes=max_bytes)
    items = list(read_corpus(paths, options))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def only_problem(tmp_path: Path, name: str, data: str | bytes, **kw: int) -> Problem:
    """Write a bad file next to a good one, read the folder: one problem for it, the good one read."""
    bad = write(tmp_path / name, data)
    write(tmp_path / "good.json", GOOD)
    articles, problems = read(tmp_path, **kw)
    assert [a.title for a in articles] == ["Ferry fares frozen for a second year"]
    [problem] = problems
    assert problem.path == str(bad)
    return problem


# --- bytes that are not text ------------------------------------------------------------------------


def test_binary_file(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20)
    assert problem.reason == "binary file, not text"
    assert problem.line is None


def test_empty_file(tmp_path: Path) -> None:
    assert only_problem(tmp_path, "empty.txt", b"").reason == "empty file"


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert only_problem(tmp_path, "blank.md", " \n\t\n   \r\n").reason == "empty file"


def test_undecodable_bytes(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, "noise.txt", bytes(range(0x80, 0x100)) * 4)
    assert problem.reason == "cannot tell the text encoding (not UTF-8, and no other encoding fits)"


def test_windows_1252_file_is_decoded(tmp_path: Path) -> None:
    text = (
        "Quayside café reopens\n\n"
        "Owner Renée Dubreuil said \u201cwe are staying\u201d \u2014 and the regulars at the harbour café cheered "
        "when the shutters went up on Tuesday morning after the long winter closure.\n"
    )
    [article], problems = read(write(tmp_path / "cafe.txt", text.encode("cp1252")))
    assert problems == []
    assert article.title == "Quayside café reopens"
    assert article.body.startswith("Owner Renée Dubreuil said \u201cwe are staying\u201d \u2014 and the regulars")


def test_utf16_with_bom(tmp_path: Path) -> None:
    text = (
        "Harbour lights\n\nThe harbour lights at Penmorva were switched on for the season on Friday, the trust said.\n"
    )
    [article], problems = read(write(tmp_path / "lights.txt", text.encode("utf-16")))
    assert problems == []
    assert article.title == "Harbour lights"
    assert article.body == "The harbour lights at Penmorva were switched on for the season on Friday, the trust said."


def test_utf8_bom_is_not_text(tmp_path: Path) -> None:
    [article], _ = read(write(tmp_path / "bom.json", b"\xef\xbb\xbf" + GOOD.encode()))
    assert article.title == "Ferry fares frozen for a second year"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, "big.json", GOOD + " " * 400, max_bytes=len(GOOD) + 10)
    assert problem.reason == f"file is {len(GOOD) + 400} bytes, over the {len(GOOD) + 10} bytes limit (see --max-size)"


# --- structured input -------------------------------------------------------------------------------


def test_malformed_jsonl_line_names_the_line(tmp_path: Path) -> None:
    second = json.dumps({"title": "Seal pups counted", "text": "Volunteers counted 212 seal pups this winter."})
    path = write(tmp_path / "items.jsonl", "\n".join([GOOD, '{"title": "broken', second]) + "\n")
    articles, problems = read(path)
    assert [a.title for a in articles] == ["Ferry fares frozen for a second year", "Seal pups counted"]
    [problem] = problems
    assert (problem.path, problem.line) == (str(path), 2)
    assert problem.reason.startswith("invalid JSON: ")
    assert str(problem).startswith(f"{path}:2: invalid JSON")


def test_jsonl_line_without_text_field(tmp_path: Path) -> None:
    path = write(tmp_path / "items.jsonl", "\n".join([json.dumps({"title": "Only a title"}), GOOD]))
    articles, problems = read(path)
    assert len(articles) == 1
    [problem] = problems
    assert (problem.path, problem.line) == (str(path), 1)
    assert problem.reason.startswith("no article text (looked for a field named text, content, body, article")


def test_jsonl_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = write(tmp_path / "items.jsonl", "\n".join([GOOD, "[1, 2, 3]"]))
    articles, problems = read(path)
    assert len(articles) == 1
    assert [(p.line, p.reason) for p in problems] == [(2, "not a JSON object")]


def test_invalid_json_file(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, "broken.json", '{"title": "Half a record", ')
    assert problem.reason.startswith("invalid JSON: ")
    assert "(line 1, column" in problem.reason


# --- feeds ------------------------------------------------------------------------------------------


def test_malformed_feed(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, "broken.rss", "<rss version='2.0'><channel><<<>>> not really & xml")
    assert problem.reason.startswith("not a readable RSS/Atom feed (no entries)")


def test_feed_entry_without_text(tmp_path: Path) -> None:
    feed = "<rss version='2.0'><channel><title>Gazette</title><item><title>Only a title</title></item></channel></rss>"
    problem = only_problem(tmp_path, "thin.rss", feed)
    assert problem.reason == "feed entry 1 has no text"


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, "settings.xml", '<?xml version="1.0"?><config><key name="a">1</key></config>')
    assert problem.reason == "XML file that is not an RSS or Atom feed"


# --- files that cannot be read ----------------------------------------------------------------------


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    bad = write(tmp_path / "locked.json", GOOD)
    bad.chmod(0)
    try:
        write(tmp_path / "good.json", GOOD.replace("second", "third"))
        articles, problems = read(tmp_path)
        assert len(articles) == 1
        assert [(p.path, p.reason) for p in problems] == [(str(bad), "permission denied")]
    finally:
        bad.chmod(0o644)


def test_read_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.json", GOOD.replace("second", "third"))
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    problem = only_problem(tmp_path, "locked.json", GOOD.replace("second", "third"))
    assert problem.reason == "permission denied"


def test_other_os_error_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "gone.json":
            raise OSError(5, "Input/output error", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert only_problem(tmp_path, "gone.json", GOOD).reason == "cannot read file: Input/output error"


def test_broken_symlink_inside_a_folder(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    write(tmp_path / "good.json", GOOD)
    articles, problems = read(tmp_path)
    assert len(articles) == 1
    assert [(p.path, p.reason) for p in problems] == [(str(link), "broken symbolic link (its target does not exist)")]


def test_broken_symlink_named_directly(tmp_path: Path) -> None:
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "nowhere.json")
    good = write(tmp_path / "good.json", GOOD)
    articles, problems = read(link, good)
    assert len(articles) == 1
    assert [(p.path, p.reason) for p in problems] == [(str(link), "broken symbolic link (its target does not exist)")]


def test_symlink_loop_is_reported_and_files_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "good.json", GOOD)
    (folder / "again").symlink_to(folder)  # a folder holding a link to itself
    (folder / "up").symlink_to(tmp_path)  # and one to its parent
    articles, problems = read(tmp_path)
    assert [a.source.path for a in articles] == [str(folder / "good.json")]
    assert {p.path for p in problems} == {str(folder / "again"), str(folder / "up")}
    assert all(p.reason == "symbolic link loop (this folder was already read); not followed" for p in problems)


def test_symlinked_folder_is_followed(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere" / "good.json", GOOD)
    (tmp_path / "import").mkdir()
    (tmp_path / "import" / "linked").symlink_to(tmp_path / "elsewhere")
    [article], problems = read(tmp_path / "import")
    assert problems == []
    assert article.source.path == str(tmp_path / "import" / "linked" / "good.json")


def test_nonexistent_path(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", GOOD)
    articles, problems = read(tmp_path / "missing", good)
    assert len(articles) == 1
    assert [(p.path, p.reason) for p in problems] == [(str(tmp_path / "missing"), "no such file or directory")]


def test_unsupported_extension_named_directly_is_reported(tmp_path: Path) -> None:
    doc = write(tmp_path / "report.pdf", b"%PDF-1.4")
    articles, problems = read(doc, write(tmp_path / "good.json", GOOD))
    assert len(articles) == 1
    [problem] = problems
    assert problem.path == str(doc)
    assert problem.reason.startswith("unsupported file type '.pdf' (newsframe reads ")


def test_unsupported_extension_in_a_folder_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "report.pdf", b"%PDF-1.4")
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff")
    write(tmp_path / ".hidden.json", GOOD)
    write(tmp_path / "good.json", GOOD)
    articles, problems = read(tmp_path)
    assert problems == []
    assert [Path(a.source.path).name for a in articles] == ["good.json"]


def test_reader_crash_costs_only_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import corpus.readers.feeds

    def explode(text: str) -> None:
        raise RuntimeError("reader bug")

    monkeypatch.setattr(corpus.readers.feeds, "read_feed", explode)
    feed = (
        "<rss version='2.0'><channel><title>G</title><item><description>Some text.</description></item></channel></rss>"
    )
    problem = only_problem(tmp_path, "gazette.rss", feed)
    assert problem.reason == "unexpected error while reading (RuntimeError: reader bug)"


# --- text that would act on a terminal --------------------------------------------------------------

E = "\x1b"


def test_escapes_removed_from_every_field_of_json(tmp_path: Path) -> None:
    record = {
        "title": f"{E}[31mRed{E}[0m alert [bold red]x[/]",
        "text": f"Harbour {E}[2Jnews\x07 and {E}]8;;https://x.example{E}\\a link{E}]8;;{E}\\ [link=https://x]y[/link]",
        "author": f"Mara {E}[1mQuill{E}[0m",
        "tags": [f"{E}[5mPorts", "Ferries\x00"],
        "outlet": f"{E}[32mGreen Post",
        "url": f"https://greenpost.example/a{E}[8m",
        "comments": [{"author": f"{E}[7mAnon", "text": f"hi {E}[31mred\u202e [bold]b[/bold]"}],
    }
    [article], problems = read(write(tmp_path / "a.json", json.dumps(record)))
    assert problems == []
    assert article.title == "Red alert [bold red]x[/]"
    assert article.body == "Harbour news and a link [link=https://x]y[/link]"
    assert article.authors == ["Mara Quill"]
    assert article.tags == ["Ports", "Ferries"]
    assert article.outlet == "Green Post"
    assert article.url == "https://greenpost.example/a"
    assert [(c.author, c.text) for c in article.comments] == [("Anon", "hi red [bold]b[/bold]")]


def test_escapes_removed_from_html_inside_json_and_single_tag(tmp_path: Path) -> None:
    record = {"title": "Alert", "body": f"<p>Harbour {E}[2Jnews &#27;[31mred</p>", "tags": f"{E}[5mPorts"}
    [article], _ = read(write(tmp_path / "a.json", json.dumps(record)))
    # the ESC of "&#27;" is dropped when the entity is decoded; what follows it is plain text
    assert article.body == "Harbour news [31mred"
    assert article.tags == ["Ports"]


def test_escapes_removed_from_pages_and_markup_kept(tmp_path: Path) -> None:
    page = (
        f"Harbour {E}[1mboard{E}[0m meets\n\n"
        f"The harbour board met on Monday {E}[2J and agreed to dredge the channel [bold red]x[/] before summer.\n"
    )
    [article], _ = read(write(tmp_path / "page.txt", page))
    assert article.title == "Harbour board meets"
    assert (
        article.body == "The harbour board met on Monday and agreed to dredge the channel [bold red]x[/] before summer."
    )


def test_escapes_removed_from_html_comments_and_body(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>The harbour board met on {day} evening and agreed that the channel at Penmorva must be dredged "
        f"before the summer season, when the ferries and the fishing fleet need the full depth of water.</p>\n"
        for day in ("Monday", "Tuesday", "Wednesday")
    )
    page = f"""<!DOCTYPE html><html><head><title>Harbour board &#27;[31mmeets</title>
<meta property="og:site_name" content="Penmorva Post"></head><body><main><article>
<h1>Harbour board meets</h1>
<p>The chair said the work would cost less than expected. &#27;[2J \x1b[31m</p>
{paragraphs}<p>Members also discussed the markup [bold red]x[/] in the minutes.</p></article>
<section id="comments"><div class="comment"><span class="comment-author">Zed &#27;[31mX</span>
<p>Comment &#27;[31mtext [bold]kept[/bold]</p></div></section></main></body></html>"""
    [article], problems = read(write(tmp_path / "page.html", page.replace("\\x1b", E)))
    assert problems == []
    assert E not in article.title
    # a raw escape goes whole; of "&#27;[2J" only the ESC can go, the rest is plain text
    assert article.paragraphs[0] == "The chair said the work would cost less than expected. [2J"
    assert article.title == "Harbour board meets"
    assert article.outlet == "Penmorva Post"
    assert article.paragraphs[-1] == "Members also discussed the markup [bold red]x[/] in the minutes."
    assert [(c.author, c.text) for c in article.comments] == [("Zed [31mX", "Comment [31mtext [bold]kept[/bold]")]
