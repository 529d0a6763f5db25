"""Page cleaning (corpus.pages and corpus.comments) on original fixture pages in the shapes scraped
pages come in: furniture around the text, several articles per page, repost blocks, reader comments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from corpus.comments import parse_comments
from corpus.lines import classify
from corpus.model import Comment
from corpus.pages import parse_page, strip_furniture
from tests.corpus.builders import read_all, read_page_file

FURNITURE_WORDS = (
    "Connect with us",
    "Latest",
    "Advertisement",
    "Share this",
    "Leave a Reply",
    "Please enter",
    "Continue Reading",
    "Liked it?",
    "Subscribe",
    "Donate",
    "Published",
    "Image:",
    "Avatar",
)

SINGLE = """Connect with us
Latest
Harbor council approves bridge repair after long delay

Mayor Ana Pilar, City Council, Bridge Repair, Port Authority, Budget Vote, Ferry Service
Image: Harbor Ledger archive

The Harbor City council voted on Tuesday to fund repairs to the old swing bridge, ending a two-year dispute.

Engineers told the council that the cables, the deck and the control house all need work this season.

Residents who use the ferry in the meantime will pay a reduced fare, the port authority said in a statement.

Share this article
Advertisement
Leave a Reply
Please enter your comment!
Please enter your name here
"""


def _block(title: str, dek: str, author: str, when: str, first: str, second: str) -> str:
    return f"""Latest

{title}

{dek}

{author}

Published

on

{when}

{first}

{second}

Continue Reading

"""


THREE = "Connect with us\n" + "".join(
    [
        _block(
            "Lighthouse keepers return to Gull Point",
            "A century-old job comes back as the coast guard hands over the light.",
            "Marta Greenhill",
            "March 4, 2024",
            "The coast guard will hand the Gull Point light back to a civilian keeper this spring.",
            "The new keeper, a retired ferry captain, will live in the cottage beside the tower.",
        ),
        _block(
            "Fishing quotas cut for the northern banks",
            "Boats will land a third less cod next season.",
            "Owen Bracewell",
            "April 9, 2024",
            "The fisheries board cut the cod quota for the northern banks by a third on Monday.",
            "Skippers said the cut would cost crews a month of work.",
        ),
        _block(
            "Night market opens on the quay",
            "Stalls will run every Friday until October.",
            "Priya Anand",
            "May 17, 2024",
            "Forty stalls opened on the quay on Friday for the first night market of the year.",
            "The council expects the market to draw visitors from the whole valley.",
        ),
    ]
)

AVATAR = """Latest

Why the harbor tax failed

A look at the vote and what comes next.

Avatar

Published

on

Authored by Ruth Calloway:

The harbor tax failed by four votes on Sunday, and its backers are already planning the next attempt.

Its opponents argued that the port, not the households, should pay for the dredging.

Continue Reading
"""

VIA = """Latest

Ferry strike ends after two weeks

Crews accept a new contract.

Daniel Okafor

Published

on

Ferry crews went back to work on Thursday after accepting a new contract.

Via the Example Times…

The strike, which began two weeks ago, stranded thousands of island commuters.

The union said the new contract raises pay by six percent over three years.

Liked it? Take a second to support The Harbor Ledger on Patreon!
Continue Reading
"""

COMMENTS = """Tide gauge shows record high water

The harbor tide gauge recorded its highest reading in forty years on Saturday night.

Flood barriers held, but the lower quay was closed for six hours.

Leave a Reply

12 Comments

1. seawall_sam says:
April 2, 2025 at 9:14 pm
The barriers paid for themselves this weekend.
Reply
    2. Greta Holm says:
    April 2, 2025 at 10:01 pm
    Agreed, but the quay still flooded.
    Reply
        3. seawall_sam says:
        April 3, 2025 at 7:30 am
        Only the lower part, and only for a few hours.
        Reply
4. dockhand77 says:
April 3, 2025 at 8:00 am
Who pays for the pumps?
Reply

• marina_lee: The ferry ran late all morning.
• Tom B: It always does when the tide is that high.

The council should publish the gauge data every day.
— Harbor Watcher

> The pumps were bought in 2019.
> > And they worked fine on Saturday.

quaygull
3 days ago
Nobody mentions the fish market, which flooded too.
"""

NO_FURNITURE = """Orchard growers expect a late harvest

A cold April has pushed the apple harvest in the valley back by about two weeks, growers said.

Most orchards lost few blossoms, so the crop itself should be close to normal.
"""

AFTER_END = """Library reopens after roof repair

The central library reopened on Monday after a year of repairs to its roof.

Visitors found the reading room as it was, with new lights.

Continue Reading

JOIN OUR CHANNEL FOR WEEKLY HARBOR NEWS
The Ledger is read in thirty countries and relies on its readers.
More from the valley desk, every weekday morning.
"""

ALL_FURNITURE = """Connect with us
Latest
Advertisement
Share this article
Subscribe Now
Donate
Leave a Reply
Please enter your comment!
"""


def _assert_clean(body: str) -> None:
    for paragraph in body.split("\n\n"):
        for word in FURNITURE_WORDS:
            assert not paragraph.startswith(word), paragraph


def test_single_article_with_furniture_and_keyword_line() -> None:
    [article] = parse_page(SINGLE)
    assert article.title == "Harbor council approves bridge repair after long delay"
    assert article.tags == [
        "Mayor Ana Pilar",
        "City Council",
        "Bridge Repair",
        "Port Authority",
        "Budget Vote",
        "Ferry Service",
    ]
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The Harbor City council voted on Tuesday")
    assert paragraphs[-1].endswith("said in a statement.")
    assert "Mayor Ana Pilar" not in article.body
    assert article.comments == []
    _assert_clean(article.body)


def test_three_articles_on_one_page() -> None:
    articles = parse_page(THREE)
    assert [a.title for a in articles] == [
        "Lighthouse keepers return to Gull Point",
        "Fishing quotas cut for the northern banks",
        "Night market opens on the quay",
    ]
    assert [a.authors for a in articles] == [["Marta Greenhill"], ["Owen Bracewell"], ["Priya Anand"]]
    assert [a.date for a in articles] == [date(2024, 3, 4), date(2024, 4, 9), date(2024, 5, 17)]
    assert articles[1].body.split("\n\n") == [
        "Boats will land a third less cod next season.",
        "The fisheries board cut the cod quota for the northern banks by a third on Monday.",
        "Skippers said the cut would cost crews a month of work.",
    ]
    for article in articles:
        _assert_clean(article.body)
        assert "Greenhill" not in article.body and "Bracewell" not in article.body and "Anand" not in article.body


def test_three_articles_read_from_file_are_parts(tmp_path: Path) -> None:
    articles, problems = read_page_file(tmp_path, THREE)
    assert problems == []
    assert [a.source.part for a in articles] == [1, 2, 3]
    assert len({a.id for a in articles}) == 3


def test_avatar_placeholder_and_authored_by() -> None:
    [article] = parse_page(AVATAR)
    assert article.title == "Why the harbor tax failed"
    assert article.authors == ["Ruth Calloway"]
    assert article.body.split("\n\n") == [
        "A look at the vote and what comes next.",
        "The harbor tax failed by four votes on Sunday, and its backers are already planning the next attempt.",
        "Its opponents argued that the port, not the households, should pay for the dredging.",
    ]
    _assert_clean(article.body)
    assert "Authored by" not in article.body


def test_via_block_kept_out_of_body() -> None:
    [article] = parse_page(VIA)
    assert article.authors == ["Daniel Okafor"]
    assert article.body.split("\n\n") == [
        "Crews accept a new contract.",
        "Ferry crews went back to work on Thursday after accepting a new contract.",
    ]
    [via] = article.via
    assert via.outlet == "Example Times"
    assert via.text.split("\n\n") == [
        "The strike, which began two weeks ago, stranded thousands of island commuters.",
        "The union said the new contract raises pay by six percent over three years.",
    ]
    assert via.at == 2  # after both body paragraphs (dek included), where it stood on the page
    assert "strike, which began" not in article.body


def test_via_outlet_and_signature_outlet_from_file(tmp_path: Path) -> None:
    [article], problems = read_page_file(tmp_path, VIA)
    assert problems == []
    assert article.outlet == "The Harbor Ledger"
    assert article.via[0].outlet == "Example Times"


def test_reader_comments_in_every_shape() -> None:
    [article] = parse_page(COMMENTS)
    assert article.body.split("\n\n") == [
        "The harbor tide gauge recorded its highest reading in forty years on Saturday night.",
        "Flood barriers held, but the lower quay was closed for six hours.",
    ]
    assert article.comments == [
        Comment("The barriers paid for themselves this weekend.", "seawall_sam", 0),
        Comment("Agreed, but the quay still flooded.", "Greta Holm", 1),
        Comment("Only the lower part, and only for a few hours.", "seawall_sam", 2),
        Comment("Who pays for the pumps?", "dockhand77", 0),
        Comment("The ferry ran late all morning.", "marina_lee", 0),
        Comment("It always does when the tide is that high.", "Tom B", 0),
        Comment("The council should publish the gauge data every day.", "Harbor Watcher", 0),
        Comment("The pumps were bought in 2019.", None, 1),
        Comment("And they worked fine on Saturday.", None, 2),
        Comment("Nobody mentions the fish market, which flooded too.", "quaygull", 0),
    ]
    for comment in article.comments:
        assert comment.text not in article.body
        assert "Reply" not in comment.text and "2025" not in comment.text


def test_comments_multi_paragraph_after_header() -> None:
    lines = [
        classify(t)
        for t in [
            "Leave a Reply",
            "",
            "Ines Vale says:",
            "May 1, 2024 at 8:00 am",
            "First part.",
            "",
            "Second part.",
            "Reply",
        ]
    ]
    assert parse_comments(lines) == [Comment("First part.\n\nSecond part.", "Ines Vale", 0)]


def test_page_without_furniture() -> None:
    [article] = parse_page(NO_FURNITURE)
    assert article.title == "Orchard growers expect a late harvest"
    assert article.body.split("\n\n") == [
        "A cold April has pushed the apple harvest in the valley back by about two weeks, growers said.",
        "Most orchards lost few blossoms, so the crop itself should be close to normal.",
    ]
    assert article.authors == [] and article.tags == [] and article.comments == [] and article.via == []


def test_text_after_continue_reading_is_dropped() -> None:
    [article] = parse_page(AFTER_END)
    assert article.body.split("\n\n") == [
        "The central library reopened on Monday after a year of repairs to its roof.",
        "Visitors found the reading room as it was, with new lights.",
    ]
    assert article.comments == []


def test_all_furniture_page_gives_no_article(tmp_path: Path) -> None:
    assert parse_page(ALL_FURNITURE) == []
    articles, problems = read_page_file(tmp_path, ALL_FURNITURE)
    assert articles == []
    assert len(problems) == 1 and "no article text" in problems[0].reason


def test_body_sentences_that_look_like_structure_stay_in_the_body() -> None:
    page = (
        "Archive finds old harbor plans\n\n"
        "The plans were drawn in 1911 and never built.\n\n"
        "The story was published in 1990 and made the archivist famous overnight.\n\n"
        "Posted in haste, the notice confused drivers for weeks.\n\n"
        "The council voted to donate the drawings to the museum.\n"
    )
    [article] = parse_page(page)
    assert len(article.body.split("\n\n")) == 4
    assert article.tags == []


def test_numbered_list_items_in_the_body_stay_text() -> None:
    page = (
        "How the bridge will be repaired\n\n"
        "The engineers set out three steps for the job.\n\n"
        "1. The first step is to measure the span.\n"
        "2. The second is to replace the cables.\n\n"
        "Work begins in June.\n"
    )
    [article] = parse_page(page)
    assert "1. The first step is to measure the span." in article.body
    assert "2. The second is to replace the cables." in article.body
    assert article.comments == []


def test_markdown_page(tmp_path: Path) -> None:
    page = "# Night market opens on the quay\n\nForty **stalls** opened on [the quay](https://example.org) on Friday.\n"
    [article], problems = read_page_file(tmp_path, page, "market.md")
    assert problems == []
    assert article.title == "Night market opens on the quay"
    assert article.body == "Forty stalls opened on the quay on Friday."


def test_strip_furniture_drops_whole_paragraphs_only() -> None:
    body = (
        "Advertisement\n\nThe council met on Monday.\n\nImage: Harbor Ledger\n\n"
        "Share this article\n\nIt voted to donate the ferry."
    )
    assert strip_furniture(body) == "The council met on Monday.\n\nIt voted to donate the ferry."


def test_repeated_lines_across_an_outlets_pages_are_furniture(tmp_path: Path) -> None:
    folder = tmp_path / "harbor-ledger"
    motto = "Harbor news you can trust since the flood"
    for n in range(3):
        (folder).mkdir(exist_ok=True)
        (folder / f"p{n}.txt").write_text(
            f"Story number {n} about the harbor\n\n{motto}\n\nThe harbor story {n} has its own text, long enough.\n",
            encoding="utf-8",
        )
    articles, problems = read_all(tmp_path)  # the folder under the import root names the outlet
    assert problems == []
    assert len(articles) == 3
    for article in articles:
        assert motto not in article.body
        assert article.outlet == "Harbor Ledger"
