"""Text hygiene (corpus.text), dates (corpus.dates), authors (corpus.authors) and outlets (corpus.outlets)."""

from __future__ import annotations

from datetime import date
from pathlib import PurePath

import pytest

from corpus.authors import is_name, normalize_authors, parse_byline, split_names
from corpus.dates import date_from_url, find_date, parse_date
from corpus.model import UNKNOWN_OUTLET
from corpus.outlets import outlet_from_folder, outlet_from_signature, outlet_from_url, resolve_outlet
from corpus.text import clean_inline, join_paragraphs, normalize_body, sanitize

# --- sanitize -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x1b[31mred\x1b[0m b", "ared b"),  # CSI colours
        ("x\x1b[2J\x1b[1;1Hy", "xy"),  # CSI clear screen, cursor move
        ("t\x1b]0;evil title\x07u", "tu"),  # OSC ended by BEL
        ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8 hyperlink, ended by ST
        ("p\x1b]0;cut off", "p"),  # OSC never ended
        ("d\x1bPq#0;2;0;0;0\x1b\\e", "de"),  # DCS
        ("s\x1b_apc payload\x1b\\t", "st"),  # APC
        ("r\x1bMs", "rs"),  # two-byte escape (reverse index)
        ("g\x9b2Jh", "gh"),  # 8-bit CSI
    ],
)
def test_sanitize_removes_escape_sequences(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean


def test_sanitize_removes_c0_c1_and_del() -> None:
    assert sanitize("a\x00b\x07c\x08d\x0be\x0cf\x1fg\x7fh\x85i\x9fj") == "abcdefghij"


def test_sanitize_removes_bidi_and_invisible_characters() -> None:
    assert (
        sanitize("\u202eevil\u202c \u2066iso\u2069 zero\u200bwidth \ufeffbom \u202aembed")
        == "evil iso zerowidth bom embed"
    )


def test_sanitize_keeps_tabs_newlines_and_unicode() -> None:
    text = "col\tcol\nnext line — café ✓ 日本語 Ελληνικά “quoted”"
    assert sanitize(text) == text


def test_sanitize_normalises_line_ends_and_nfc() -> None:
    assert sanitize("a\r\nb\rc\u2028d\u2029e") == "a\nb\nc\nd\n\ne"
    assert sanitize("cafe\u0301") == "caf\u00e9"


def test_clean_inline_and_paragraphs() -> None:
    assert clean_inline("  Harbor\n Ledger\u00a0 \x1b[1mNews\x1b[0m ") == "Harbor Ledger News"
    assert join_paragraphs(["one", "  ", "two  words"]) == "one\n\ntwo words"
    assert (
        normalize_body("first line\nsame paragraph\n\n\n\nsecond\x07 one") == "first line same paragraph\n\nsecond one"
    )


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 21, 2024", date(2024, 11, 21)),
        ("Nov. 21 2024", date(2024, 11, 21)),
        ("Posted Sept 3 2023 in the morning", date(2023, 9, 3)),
        ("21 November 2024", date(2024, 11, 21)),
        ("21st of November, 2024", date(2024, 11, 21)),
        ("2024-11-21", date(2024, 11, 21)),
        ("2024/2/29", date(2024, 2, 29)),
        ("on 3 March 2024 and again on 2023-01-01", date(2024, 3, 3)),  # the first date written
    ],
)
def test_find_date_written_forms(text: str, expected: date) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize("text", ["November 5", "Nov 21", "February 30, 2024", "2023-02-29", "no date at all", "1 2 3"])
def test_find_date_without_year_or_invalid_is_none(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-21", date(2024, 11, 21)),
        ("2024-11-21T23:10:00Z", date(2024, 11, 21)),
        ("2024-11-21T10:00:00+02:00", date(2024, 11, 21)),
        ("Thu, 21 Nov 2024 10:00:00 +0000", date(2024, 11, 21)),
        ("Thu, 21 Nov 2024 10:00:00 GMT", date(2024, 11, 21)),
        ("November 21, 2024", date(2024, 11, 21)),
        ("  2021-10-18  ", date(2021, 10, 18)),
    ],
)
def test_parse_date_forms(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "Nov. 5", "2024-02-30", "2024-13-01", "yesterday"])
def test_parse_date_invalid_is_none(value: str | None) -> None:
    assert parse_date(value) is None


def test_dates_from_urls() -> None:
    assert date_from_url("https://harbor.example/2024/11/21/bridge-repair") == date(2024, 11, 21)
    assert date_from_url("https://harbor.example/2024-3-5/ferry") == date(2024, 3, 5)
    assert date_from_url("https://harbor.example/news/story-20240315.html") == date(2024, 3, 15)
    assert date_from_url("https://harbor.example/2024/13/40/bad") is None
    assert date_from_url("https://harbor.example/news/story") is None
    assert date_from_url(None) is None


# --- authors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("by jane doe", None),  # lowercase words are not a name
        ("By Jane Doe and Omar Castillo", ["Jane Doe", "Omar Castillo"]),
        ("By Jane Doe, Omar Castillo & Priya Anand", ["Jane Doe", "Omar Castillo", "Priya Anand"]),
        ("By JANE DOE", ["Jane Doe"]),
        ("Authored by Tom Weller:", ["Tom Weller"]),
        ("Written by Rosa Lind | March 3, 2024", ["Rosa Lind"]),
        ("By Jane Doe - Harbor Ledger", ["Jane Doe"]),
        ("By Jane Doe, updated March 3, 2024", ["Jane Doe"]),
        ("By Ludwig van Beethoven", ["Ludwig van Beethoven"]),
        ("By Staff Reporter", None),
        ("By the end of the week, the council had voted.", None),
        ("Jane Doe", None),  # no "By": not a by-line
    ],
)
def test_parse_byline(line: str, names: list[str] | None) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "text", ["Jane Doe", "Ludwig van Beethoven", "Pete K.", "Martin Luther King Jr.", "Anne-Marie O’Neill"]
)
def test_is_name_true(text: str) -> None:
    assert is_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jane",
        "The council met.",
        "NATO SUMMIT",
        "Harbor news today",
        "Who pays?",
        "Guest Contributor",
        "Avatar",
        "Jane Doe:",
    ],
)
def test_is_name_false(text: str) -> None:
    assert not is_name(text)


def test_split_names_and_normalize_authors() -> None:
    assert split_names("JANE DOE and OMAR CASTILLO") == ["Jane Doe", "Omar Castillo"]
    assert normalize_authors("Jane Doe and Omar Castillo") == ["Jane Doe", "Omar Castillo"]
    assert normalize_authors("Jane Doe; Omar Castillo") == ["Jane Doe", "Omar Castillo"]
    assert normalize_authors([{"name": "Ana Pilar"}, "Omar Castillo", None, "Ana Pilar"]) == [
        "Ana Pilar",
        "Omar Castillo",
    ]
    assert normalize_authors("By Rosa Lind") == ["Rosa Lind"]
    assert normalize_authors({"name": "Rosa Lind"}) == ["Rosa Lind"]
    assert normalize_authors(None) == []
    assert normalize_authors("  ") == []


# --- outlets --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Liked it? Take a second to support The Harbor Ledger on Patreon!", "The Harbor Ledger"),
        ("Please subscribe to Harbor Ledger’s YouTube Channel.", "Harbor Ledger"),
        ("© 2024 Example Daily. All rights reserved.", "Example Daily"),
        ("Copyright 2019-2024 Valley Courier Inc.", "Valley Courier"),
        ("(c) the valley courier", "The valley courier"),
        ("The council voted on Monday.", None),
    ],
)
def test_outlet_from_signature(text: str, outlet: str | None) -> None:
    assert outlet_from_signature(text) == outlet


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/world-123", "BBC"),
        ("https://www.bbc.com/news/world-123", "BBC"),
        ("https://m.rt.com/news/1/", "RT"),
        ("https://edition.cnn.com/2024/01/01/x", "CNN"),
        ("https://theduran.com/some-story/", "The Duran"),
        ("https://www.harborledger.example/a/b", "harborledger.example"),
        ("https://news.harborledger.example/a", "news.harborledger.example"),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_outlet_from_folder() -> None:
    root = PurePath("/import")
    assert outlet_from_folder(root / "harbor-ledger" / "a.txt", root) == "Harbor Ledger"
    assert outlet_from_folder(root / "valley_courier" / "2024" / "a.txt", root) == "Valley Courier"
    assert outlet_from_folder(root / "bbc" / "a.txt", root) == "BBC"
    assert outlet_from_folder(root / "Harbor Ledger" / "a.txt", root) == "Harbor Ledger"
    assert outlet_from_folder(root / "HarborLedger_News" / "a.txt", root) == "HarborLedger News"
    assert outlet_from_folder(root / "a.txt", root) is None  # directly under the root: no folder
    assert outlet_from_folder(root / ".cache" / "a.txt", root) is None
    assert outlet_from_folder(PurePath("/elsewhere/x/a.txt"), root) is None


def test_resolve_outlet_precedence() -> None:
    url = "https://www.bbc.com/news/x"
    signed = "© 2024 Signed Paper"
    assert resolve_outlet("Explicit", "Field", url, "Folder", signed) == "Explicit"
    assert resolve_outlet(None, "Field", url, "Folder", signed) == "Field"
    assert resolve_outlet(None, "  ", url, "Folder", signed) == "BBC"  # a blank field is no evidence
    assert resolve_outlet(None, None, url, "Folder", signed) == "BBC"
    assert resolve_outlet(None, None, "not a url", "Folder", signed) == "Folder"
    assert resolve_outlet(None, None, None, None, signed) == "Signed Paper"
    assert resolve_outlet(None, None, None, None, "The council met.") == UNKNOWN_OUTLET
    assert resolve_outlet() == "unknown"
    assert resolve_outlet(" Harbor\n Ledger ") == "Harbor Ledger"
