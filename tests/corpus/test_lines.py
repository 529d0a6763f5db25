"""Line classification rules of corpus.lines: furniture, structure, and what must stay article text."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.lines import Kind, classify, split_tags


def kind(text: str) -> Kind:
    return classify(text).kind


@pytest.mark.parametrize(
    "text",
    [
        "Connect with us",
        "Latest",
        "Trending Now",
        "Related Articles",
        "More stories from The Harbor Ledger",
        "Read More",
        "You may also like",
        "Advertisement",
        "Share this article",
        "Subscribe Now",
        "Donate",
        "Quick Donate",
        "Sign up for our newsletter",
        "The Harbor Ledger Newsletter",
        "Back to top",
        "Skip to main content",
        "Videos",
        "EURO",
        "© 2024 The Harbor Ledger. All rights reserved.",
        "Cookie settings",
        "Amount to donate in USD$:",
        "Validating payment information...",
        "Waiting for PayPal...",
        "Donate a quick 5 spot!",
    ],
)
def test_furniture_phrases(text: str) -> None:
    assert kind(text) is Kind.FURNITURE


@pytest.mark.parametrize(
    "text",
    [
        "Please subscribe to our YouTube channel for daily updates.",
        "Remember to Please Subscribe to The Harbor Ledger’s YouTube Channel.",
        "Follow The Harbor Ledger Audio Podcast on Soundcloud.",
        "Join our Telegram channel for breaking news.",
        "Your donations make all the difference. Together we keep the lights on.",
        "JOIN OUR YOUTUBE CHANNEL",
    ],
)
def test_calls_to_action_are_furniture(text: str) -> None:
    assert kind(text) is Kind.FURNITURE


@pytest.mark.parametrize(
    "text",
    [
        "//ads.example.net/js/tracker.js (tracker = window.tracker || []).push({});",
        "Advertisement //ads.example.net/js/ads.js (slots = window.slots || []).push({});",
        "(adsbygoogle = window.adsbygoogle || []).push({});",
        "https://cdn.example.net/widget.js",
        '<div class="ad-slot">',
        "var slot = 3",
        "5 100",
        "10 20 50",
    ],
)
def test_script_ad_and_counter_lines_are_furniture(text: str) -> None:
    assert kind(text) is Kind.FURNITURE


def test_posted_in_tag_line() -> None:
    line = classify("Posted in politics / economy / city hall")
    assert line.kind is Kind.TAGS
    assert line.value == ["politics", "economy", "city hall"]


def test_glued_posted_in_tag_line() -> None:
    line = classify("Posted inharbor news / port authority / local politics")
    assert line.kind is Kind.TAGS
    assert line.value == ["harbor news", "port authority", "local politics"]


def test_labelled_tag_lines() -> None:
    assert classify("Tags: budget, housing, city council").value == ["budget", "housing", "city council"]
    assert classify("Filed under: Transport").value == ["Transport"]
    assert classify("Topics: Ports | Shipping").kind is Kind.TAGS


def test_bare_keyword_line() -> None:
    line = classify("Mayor Ana Pilar, City Council, Bridge Repair, Port Authority, Budget Vote, Ferry Service")
    assert line.kind is Kind.TAGS
    assert line.value == [
        "Mayor Ana Pilar",
        "City Council",
        "Bridge Repair",
        "Port Authority",
        "Budget Vote",
        "Ferry Service",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the bridge, which opened in 1962, needed new cables, paint, and a wider deck.",
        "Red, green, blue, yellow and orange lights lit the square at night.",
        "Lindqvist, Marr, Okafor and Duval are the four candidates left in the race.",
        "Ports, rail, roads, airports",  # lowercase list without enough items capitalised: only 4, most lowercase
    ],
)
def test_sentences_with_commas_are_not_keyword_lines(text: str) -> None:
    assert kind(text) is Kind.TEXT


@pytest.mark.parametrize(
    "text",
    [
        "Posted in haste, the notice confused drivers for weeks.",
        "Published in a small journal, the study drew little notice at first.",
    ],
)
def test_sentences_starting_like_tag_lines_stay_text(text: str) -> None:
    assert kind(text) is Kind.TEXT


@pytest.mark.parametrize(
    "text",
    [
        "Image: Bloomberg",
        "(Photo by Lena Ortiz/Getty Images)",
        "Photo credit: Marta Green",
        "Featured image: Harbor Ledger archive",
        "Dock workers at the pier / Reuters",
    ],
)
def test_image_credits(text: str) -> None:
    assert kind(text) is Kind.CREDIT


def test_bylines() -> None:
    assert classify("By Jane Doe").value == ["Jane Doe"]
    assert classify("By JANE DOE and Omar Castillo").value == ["Jane Doe", "Omar Castillo"]
    assert classify("Authored by Tom Weller:").value == ["Tom Weller"]
    assert classify("Written by Rosa Lind | Updated March 3, 2024").value == ["Rosa Lind"]
    assert classify("By Jane Doe").kind is Kind.BYLINE


def test_by_at_the_start_of_a_sentence_is_not_a_byline() -> None:
    assert kind("By the end of the week, the council had voted twice.") is Kind.TEXT


def test_published_header_lines() -> None:
    assert kind("Published") is Kind.PUBLISHED
    assert classify("Published").value is None
    assert kind("on") is Kind.PUBLISHED
    assert classify("Published on March 3, 2024").value == date(2024, 3, 3)
    assert classify("Posted on 12 June 2023").value == date(2023, 6, 12)
    assert classify("Updated: 2024-01-05").value == date(2024, 1, 5)
    assert classify("Published on March 3, 2024 at 9:14 pm").kind is Kind.PUBLISHED


def test_sentences_starting_like_published_lines_stay_text() -> None:
    assert kind("Published reports say the mayor will resign.") is Kind.TEXT
    assert kind("Posted on March 3, 2024, the video drew millions of views within a day.") is Kind.TEXT


def test_date_lines() -> None:
    assert classify("November 21, 2024").kind is Kind.DATE
    assert classify("November 21, 2024").value == date(2024, 11, 21)
    assert classify("21 Nov 2024").value == date(2024, 11, 21)
    assert kind("The bridge closes on April 2, 2025 for repairs to the deck and cables.") is Kind.TEXT


def test_via_lines() -> None:
    assert classify("Via the Example Times…").kind is Kind.VIA
    assert classify("Via the Example Times…").value == "the Example Times"
    assert classify("Via RT…").value == "RT"
    assert classify("Via Harbor Ledger:").value == "Harbor Ledger"
    assert kind("Via ferry, the trip takes two hours and costs more.") is Kind.TEXT


@pytest.mark.parametrize(
    "text",
    [
        "Leave a Reply",
        "Leave a comment",
        "12 Comments",
        "3 responses to “Harbor bridge closes”",
        "Please enter your comment!",
        "Please enter your name here",
        "Notify of",
        "Click to comment",
        "Comments (4)",
        "Join the discussion",
    ],
)
def test_comment_prompts(text: str) -> None:
    assert kind(text) is Kind.COMMENTS


@pytest.mark.parametrize(
    "text",
    [
        "Continue Reading",
        "Liked it? Take a second to support The Harbor Ledger on Patreon!",
        "This article was originally published on Harbor Ledger.",
        "The story continues below.",
    ],
)
def test_end_marks(text: str) -> None:
    assert kind(text) is Kind.END


def test_a_sentence_about_publishing_is_not_an_end_mark() -> None:
    assert kind("The story was published in 1990 and made her famous overnight.") is Kind.TEXT


def test_avatar_placeholder() -> None:
    assert kind("Avatar") is Kind.PLACEHOLDER
    assert kind("avatar") is Kind.PLACEHOLDER


@pytest.mark.parametrize(
    "text",
    [
        "The council voted to donate the old ferry to a maritime museum in Portsmouth.",
        "Residents can subscribe to the water board's alerts, officials said, but few do.",
        "1. The first step is to measure the span.",
        "What comes next",
        "Mr Okafor called the vote “a very good day for the port”.",
        "Ana Pilar",
    ],
)
def test_body_lines_stay_text(text: str) -> None:
    assert kind(text) is Kind.TEXT


def test_repeated_lines_are_furniture_only_when_listed() -> None:
    line = "Donate a tenner to keep the Ledger afloat"
    assert kind(line) is Kind.TEXT
    assert classify(line, frozenset({line})).kind is Kind.FURNITURE


def test_indent_and_blank() -> None:
    assert classify("    Reply").indent == 4
    assert classify("   ").kind is Kind.BLANK


def test_split_tags() -> None:
    assert split_tags("a, b / c | d; #e.") == ["a", "b", "c", "d", "e"]
    assert split_tags(" , ") == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry published the document. Officials said it was final and would stand.",
        "The grants paid for gain-of-function (GOF) research, the letter says.",
        "The window. That was all the burglar needed, the detective said.",
    ],
)
def test_prose_mentioning_code_words_stays_text(text: str) -> None:
    assert kind(text) is Kind.TEXT


def test_code_words_in_code_are_furniture() -> None:
    assert kind('document.write("x")') is Kind.FURNITURE
    assert kind("function () { return 1 }") is Kind.FURNITURE
