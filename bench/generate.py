"""Generate a multi-outlet corpus of any size for benchmarks, in every input format.

Article text is recombined from the sentences of the bundled demo corpus (original text), so it reads
like news and carries names, quotes and numbers; pages carry the furniture and reader comments that
real scraped pages do. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from datetime import date, timedelta
from html import escape
from pathlib import Path

from corpus import demo_corpus_path, read_corpus
from corpus.model import Article

_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")
FIRST = ["Ingrid", "Mateo", "Hanna", "Rolf", "Dagny", "Sven", "Priya", "Josef", "Aino", "Carl", "Mira", "Lars"]
LAST = ["Solberg", "Ferrand", "Kovač", "Brandt", "Krell", "Ostrowski", "Lindahl", "Marek", "Rask", "Jensen", "Holt"]
TOPICS = ["politics", "economy", "harbour", "budget", "floods", "unions", "courts", "energy", "health", "transport"]
COMMENTS = [
    "This is the best reporting on the subject so far.",
    "Absolute nonsense from start to finish.",
    "Who paid for this article? Follow the money.",
    "Finally somebody says it plainly.",
    "My family lives there and none of this matches what we see.",
    "Typical. They never learn, do they?",
]


class Text:
    """Sentences to draw from, and a random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        articles = [a for a in read_corpus([demo_corpus_path()]) if isinstance(a, Article)]
        self.sentences = [s for a in articles for p in a.paragraphs for s in _SENTENCE_END.split(p) if len(s) > 30]
        self.titles = [a.title for a in articles]

    def article(self, words: int) -> tuple[str, list[str]]:
        paragraphs: list[str] = []
        count = 0
        while count < words:
            paragraph = " ".join(self.rng.choice(self.sentences) for _ in range(self.rng.randint(2, 4)))
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        title = self.rng.choice(self.titles)
        return f"{title} ({self.rng.randint(1, 999)})", paragraphs

    def author(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def day(self) -> date:
        return date(2024, 1, 1) + timedelta(days=self.rng.randint(0, 700))


def outlet_name(n: int) -> str:
    return f"Outlet {n:02d} News"


def write_txt(out: Path, text: Text, count: int, outlets: int, words: int) -> None:
    """Scraped-page shapes: furniture top and bottom, tag lines, header block, numbered comments."""
    for i in range(count):
        o = i % outlets
        folder = out / f"outlet-{o:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        title, paragraphs = text.article(words)
        day = text.day()
        lines = [
            "Connect with us",
            "//ads.example-network.com/js/adloader.js (adloader = window.adloader || []).push({});",
            "Latest",
            "",
            f"Posted in {text.rng.choice(TOPICS)} / {text.rng.choice(TOPICS)}",
            "",
            ", ".join(text.rng.sample(TOPICS, 5)),
            "",
            title,
            "",
            "Image: Example Photo Agency",
            "",
            f"By {text.author()}",
            "",
            f"Published on {day:%B} {day.day}, {day.year}",
            "",
        ]
        lines += [p + "\n" for p in paragraphs]
        lines += [
            f"Liked it? Take a second to support {outlet_name(o)} on Patreon!",
            "Continue Reading",
            "",
            "Advertisement",
            "",
            f"{text.rng.randint(2, 9)} Comments",
            "",
        ]
        for c in range(3):
            lines += [
                f"{c + 1}. reader{text.rng.randint(1, 999)} says:",
                f"{day:%B} {day.day}, {day.year} at 9:1{c} pm",
                text.rng.choice(COMMENTS),
                "Reply",
                "",
            ]
        lines += ["Leave a Reply", "Please enter your comment!", "Please enter your name here"]
        (folder / f"{day.isoformat()}-{i:06d}.txt").write_text("\n".join(lines), encoding="utf-8")


def write_jsonl(out: Path, text: Text, count: int, outlets: int, words: int, per_file: int = 200) -> None:
    out.mkdir(parents=True, exist_ok=True)
    handle = None
    for i in range(count):
        if i % per_file == 0:
            if handle:
                handle.close()
            handle = (out / f"export-{i // per_file:03d}.jsonl").open("w", encoding="utf-8")
        title, paragraphs = text.article(words)
        day = text.day()
        record = {
            "id": f"a{i}",
            "headline": title,
            "content": "\n\n".join(paragraphs),
            "publisher": outlet_name(i % outlets),
            "published": f"{day.isoformat()}T08:00:00Z",
            "link": f"https://outlet{i % outlets:02d}.example/{day:%Y/%m/%d}/a{i}",
            "byline": [text.author()],
            "keywords": text.rng.sample(TOPICS, 3),
        }
        assert handle is not None
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()


def write_rss(out: Path, text: Text, count: int, outlets: int, words: int, per_feed: int = 100) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for start in range(0, count, per_feed):
        o = (start // per_feed) % outlets
        items = []
        for i in range(start, min(count, start + per_feed)):
            title, paragraphs = text.article(words)
            day = text.day()
            body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
            items.append(
                f"<item><title>{escape(title)}</title><link>https://outlet{o:02d}.example/{i}</link>"
                f"<guid>https://outlet{o:02d}.example/{i}</guid><pubDate>{day:%a, %d %b %Y} 07:00:00 +0000</pubDate>"
                f"<dc:creator>{escape(text.author())}</dc:creator><category>{text.rng.choice(TOPICS)}</category>"
                f"<description>{escape(paragraphs[0][:200])}</description><content:encoded><![CDATA[{body}]]></content:encoded></item>"
            )
        feed = (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{outlet_name(o)}</title>'
            f"<link>https://outlet{o:02d}.example/</link><description>news</description>{''.join(items)}</channel></rss>"
        )
        (out / f"feed-{start // per_feed:04d}.rss").write_text(feed, encoding="utf-8")


def write_html(out: Path, text: Text, count: int, outlets: int, words: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        o = i % outlets
        title, paragraphs = text.article(words)
        day = text.day()
        body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        comments = "".join(
            f'<div class="comment"><p class="comment-author">reader{c}</p><p class="comment-body">{escape(text.rng.choice(COMMENTS))}</p></div>'
            for c in range(3)
        )
        page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | {outlet_name(o)}</title>
<meta property="og:title" content="{escape(title)}"><meta property="og:site_name" content="{outlet_name(o)}">
<meta name="author" content="{text.author()}"><meta property="article:published_time" content="{day.isoformat()}T08:00:00+00:00">
</head><body><header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>{escape(title)}</h1>{body}</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">A second story</a></li></ul></aside>
<section id="comments"><h2>3 comments</h2>{comments}</section></main>
<footer><p>© 2025 {outlet_name(o)}. All rights reserved.</p></footer></body></html>"""
        (out / f"page-{i:06d}.html").write_text(page, encoding="utf-8")


WRITERS = {"txt": write_txt, "jsonl": write_jsonl, "rss": write_rss, "html": write_html}


def generate(out: Path, fmt: str, count: int, outlets: int = 50, words: int = 700, seed: int = 7) -> Path:
    """Write `count` articles of `fmt` under out/fmt-count (reused when already there); return the folder."""
    target = out / f"{fmt}-{count}-{words}w"
    marker = target / ".complete"
    if not marker.exists():
        WRITERS[fmt](target, Text(seed), count, outlets, words)
        marker.touch()
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--format", choices=sorted(WRITERS), default="txt")
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--outlets", type=int, default=50)
    parser.add_argument("--words", type=int, default=700)
    args = parser.parse_args()
    print(generate(args.out, args.format, args.articles, args.outlets, args.words))


if __name__ == "__main__":
    main()
