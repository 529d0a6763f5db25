"""The real samples and article sets under ../shared: read with the right articles, outlets, tags,
authors and reposts, and bodies free of page furniture. Skipped when ../shared is not there."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from corpus import Article, Problem, read_corpus
from corpus.lines import Kind, classify
from corpus.text import clean_inline

SHARED = Path(__file__).resolve().parents[3] / "shared"
if not (SHARED / "samples").is_dir():
    pytest.skip("../shared samples not available", allow_module_level=True)

SAMPLES = SHARED / "samples"
CORPORA = sorted((SHARED / "corpora").glob("*.jsonl"))

FURNITURE_PARAGRAPHS = (
    "Leave a Reply",
    "Please enter",
    "Liked it?",
    "Continue Reading",
    "adsbygoogle",
    "Published",
    "Image: Bloomberg",
    "Subscribe",
    "DONATE",
    "Donate",
    "Advertisement",
    "Connect with us",
    "Latest",
    "Click to comment",
    "Notify of",
    "Remember to Please Subscribe",
    "Follow The Duran",
    "Via the BBC",
    "Via RT",
    "Authored by",
    "Avatar",
    "JOIN OUR YOUTUBE CHANNEL",
    "Your donations",
    "Amount to donate",
    "Validating payment",
    "Waiting for PayPal",
    "Quick Donate",
    "The Duran Newsletter",
    "Videos",
    "Trending",
    "EURO",
    "//pagead2",
    "Posted in",
)
DROPPED = {Kind.FURNITURE, Kind.END, Kind.COMMENTS, Kind.CREDIT, Kind.PLACEHOLDER, Kind.PUBLISHED, Kind.TAGS}


def _sample(prefix: str) -> list[Article]:
    [path] = SAMPLES.glob(f"{prefix}_*.txt")
    items = list(read_corpus([path]))
    assert [i for i in items if isinstance(i, Problem)] == []
    return [i for i in items if isinstance(i, Article)]


def _assert_clean(article: Article) -> None:
    assert article.body
    for paragraph in article.paragraphs:
        assert not paragraph.startswith(FURNITURE_PARAGRAPHS), paragraph
        assert "adsbygoogle" not in paragraph and "window." not in paragraph
        assert classify(paragraph).kind not in DROPPED, paragraph
    for block in article.via:
        for paragraph in block.text.split("\n\n"):
            assert not paragraph.startswith(FURNITURE_PARAGRAPHS), paragraph


def test_sample_000_single_article_with_keyword_line() -> None:
    [article] = _sample("000")
    assert article.title == "Macron and French intelligence believe, Trump won’t win"
    assert article.outlet == "unknown"
    assert article.tags[:3] == [
        "Kim Jong Un",
        "Korea Massive Punishment and Retaliation",
        "Army Special Warfare Command",
    ]
    assert "Emmanuel Macron" in article.tags and "SOFREP" in article.tags
    assert article.paragraphs[0].startswith("French intelligence agency has briefed President Emmanuel Macron")
    assert article.paragraphs[-1].startswith("Shin issued his order on Wednesday")
    assert "Voting for Trump is voting for Putin" in article.paragraphs  # a subheading stays text
    assert article.comments == [] and article.via == []
    _assert_clean(article)
    assert not any(p.startswith("Kim Jong Un, Korea Massive") for p in article.paragraphs)


def test_sample_001_posted_in_tags() -> None:
    [article] = _sample("001")
    assert article.title == "Trump, Macron meet as U.S. backs Russia over Ukraine in U.N. vote"
    assert article.outlet == "unknown"
    assert article.tags == [
        "emmanuel macron",
        "foreign policy",
        "international relations",
        "politics",
        "ukraine politics",
    ]
    assert article.paragraphs[0] == "between Washington and Moscow."
    assert article.paragraphs[-1].startswith("European plans gained more importance this month")
    assert article.comments == []
    _assert_clean(article)


def test_sample_003_four_articles() -> None:
    articles = _sample("003")
    assert [a.title for a in articles] == [
        "Here’s why Vladimir Putin prefers Francois Fillon to Le Pen as President of France",
        "Peace on Korean Peninsula within reach, if only Trump can remove Pompeo & Bolton (Video)",
        "Putin meets Kim for the first time (Video)",
        "Kim And Putin: Changing The State Of The Board In Korea",
    ]
    assert {a.outlet for a in articles} == {"The Duran"}
    assert [a.authors for a in articles] == [
        ["Alexander Mercouris"],
        ["Alex Christoforou"],
        ["Alex Christoforou"],
        ["Tom Luongo"],
    ]
    assert [[v.outlet for v in a.via] for a in articles] == [[], ["BBC"], ["RT"], []]
    assert [a.source.part for a in articles] == [1, 2, 3, 4]
    for article in articles:
        _assert_clean(article)


def test_sample_003_bodies_and_reposts() -> None:
    first, second, third, fourth = _sample("003")
    assert first.paragraphs[0].startswith("Hardheaded calculation of Russian national interest")
    assert first.paragraphs[-1].startswith("As the Russian economy strengthens")
    assert "Alexander Mercouris" not in first.paragraphs
    assert second.paragraphs[0] == "The Duran Quick Take: Episode 152."
    assert second.via[0].text.startswith("Russian President Vladimir Putin has said North Korean leader")
    assert "Mr Kim praised the summit" not in second.body  # the reposted BBC text is not the page's own
    assert third.via[0].text.startswith("Leaders of Russia and North Korea sat down for a historic summit")
    assert third.via[0].text.rstrip().endswith("Following the summit, Putin is scheduled to visit China.")
    assert fourth.paragraphs[0] == "The future of Korea could be decided by these two men today."
    assert fourth.paragraphs[-1].startswith("But the reality is this summit itself marks a turning point")
    bullets = [p for p in fourth.paragraphs if p.startswith("• ")]
    assert len(bullets) == 5 and bullets[-1].startswith("• The operation to secure Crimea")
    assert not any("Donate" in p or "PayPal" in p for p in fourth.paragraphs)


@pytest.mark.parametrize("path", CORPORA, ids=[p.name for p in CORPORA])
def test_shared_jsonl_corpora_read_intact(path: Path) -> None:
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = list(read_corpus([path]))
    problems = [i for i in items if isinstance(i, Problem)]
    articles = [i for i in items if isinstance(i, Article)]
    assert problems == []
    assert len(articles) == len(raw)
    for record, article in zip(raw, articles, strict=True):
        assert article.outlet == record["outlet"], record["id"]
        assert (article.date.isoformat() if article.date else None) == record["date"], record["id"]
        assert article.url == record["url"]
        if record["title"]:
            assert article.title == clean_inline(record["title"]), record["id"]
        else:
            assert article.title, record["id"]
        assert article.body, record["id"]
        text = unicodedata.normalize("NFC", record["text"])
        expected = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        assert article.paragraphs == expected, record["id"]
