"""Generate a multi-outlet corpus of any size for benchmarks, in every input format.

Article text is built from the sentences of the bundled demo corpus (original text), so it reads like
news and carries names, quotes, labels and attribution; pages carry the furniture and reader comments
that real scraped pages do. Deterministic for a given seed.

Two text models (`--text`):
- `news` (the default) gives the term statistics of real news, which is what search speed depends on.
  Articles belong to stories (about 8 articles each, across outlets); a story draws its sentences from
  three demo articles, and about half of their ordinary words are replaced by words of a Zipfian
  vocabulary of 60,000 made-up words, a third of them from the story's own topical words. Names, titles,
  reporting verbs and stop words are kept. A word picked at random from an article then occurs in a few
  percent of the articles (median), as in real news, and the vocabulary grows with the corpus.
- `recombined` strings whole demo sentences together: 1,300 distinct stems in all, so a typical word
  occurs in 70% of the articles. The worst case for search; kept to reproduce earlier figures.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from datetime import date, timedelta
from html import escape
from itertools import accumulate
from pathlib import Path

from corpus import demo_corpus_path, read_corpus
from corpus.lexicon import lexicon
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


_WORD = re.compile(r"\b[a-z]{4,}\b")
_PROPER = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")  # a capitalised word inside a sentence
# the demo's recurring figures stay themselves in every story, so the corpus has people with thousands
# of mentions to compare; other names and places differ from story to story
RECURRING_PEOPLE = ("Adrian Voss", "Sung Min-ho", "Lena van der Kolk", "Tomás Brezina", "Maren Ilves")
RECURRING = ("Adrian", "Voss", "Sung", "Min-ho", "Lena", "Kolk", "Tomás", "Brezina", "Maren", "Ilves")
CALENDAR = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_STOP = frozenset(
    "about above after again against also among another because been before being below between both "
    "could does doing down during each even ever every from further have having here into just like more "
    "most much must next once only other over same should since some such than that their them then "
    "there these they this those through under until very were what when where which while whom whose "
    "will with within without would your".split()
)
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ar", "en", "ol")]


class Vocabulary:
    """Made-up words with Zipfian frequencies (Zipf-Mandelbrot, s = 1.05): the shape of real vocabulary."""

    def __init__(self, rng: random.Random, size: int = 60_000) -> None:
        words: dict[str, None] = {}
        while len(words) < size:
            words.setdefault("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))), None)
        self.words = list(words)
        self.cumulative = list(accumulate(1 / (rank + 2.7) ** 1.05 for rank in range(size)))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)

    def topical(self, rng: random.Random, k: int) -> list[str]:
        """Words for one story: mid- and low-frequency ones (ranks spread evenly on a log scale)."""
        return [
            self.words[min(len(self.words) - 1, int(200 * (len(self.words) / 200) ** rng.random()))] for _ in range(k)
        ]


class Text:
    """Sentences to draw from, and a random source."""

    def __init__(self, seed: int, model: str = "news", stories: int = 0) -> None:
        self.rng = random.Random(seed)
        self.model = model
        self.seed = seed
        articles = [a for a in read_corpus([demo_corpus_path()]) if isinstance(a, Article)]
        self.by_article = [[s for p in a.paragraphs for s in _SENTENCE_END.split(p) if len(s) > 30] for a in articles]
        self.sentences = [s for sentences in self.by_article for s in sentences]
        self.titles = [a.title for a in articles]
        self.stories = max(1, stories)
        if model == "news":
            self.vocabulary = Vocabulary(random.Random(seed))
            lex = lexicon()
            titles = lex.titles | lex.weak_titles | lex.roles | lex.honorifics
            words_of_titles = {word for title in titles for word in title.split()}  # "prime" of "prime minister"
            self.keep = _STOP | titles | words_of_titles | set(lex.verb_forms)
            self._story_cache: dict[int, tuple[list[int], list[str], dict[str, str]]] = {}
            self.proper_keep = {*RECURRING, *CALENDAR}
            self._story_day = date(2024, 1, 1)

    def article(self, words: int) -> tuple[str, list[str]]:
        if self.model == "recombined":
            return self._recombined(words)
        story = self.rng.randrange(self.stories)
        self._story_day = date(2024, 1, 1) + timedelta(days=random.Random(self.seed + story).randint(0, 696))
        sources, topical, names = self._story(story)
        pool = [s for i in sources for s in self.by_article[i]]
        paragraphs: list[str] = []
        count = 0
        while count < words:
            chosen = (self.rng.choice(pool) for _ in range(self.rng.randint(2, 4)))
            paragraph = " ".join(self._reword(sentence, topical, names) for sentence in chosen)
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        title = self._reword(self.titles[sources[0]], topical, names)
        return f"{title} ({self.rng.randint(1, 999)})", paragraphs

    def _story(self, story: int) -> tuple[list[int], list[str], dict[str, str]]:
        """A story's three source articles, its topical words and its names for the demo's minor names
        and places (the same for every article of the story)."""
        found = self._story_cache.get(story)
        if found is None:
            rng = random.Random(self.seed * 1_000_003 + story)
            found = (rng.sample(range(len(self.by_article)), 3), self.vocabulary.topical(rng, 40), {})
            self._story_cache[story] = found
        return found

    def _reword(self, sentence: str, topical: list[str], names: dict[str, str]) -> str:
        """Seven in ten ordinary lower-case words replaced (a third by the story's words), and the
        capitalised words inside the sentence renamed for the story (Zipfian too: some names recur)."""
        rng = self.rng

        def replace(match: re.Match[str]) -> str:
            word = match.group()
            if word in self.keep or rng.random() < 0.3:
                return word
            return rng.choice(topical) if rng.random() < 0.33 else self.vocabulary.draw(rng, 1)[0]

        def rename(match: re.Match[str]) -> str:
            word = match.group()
            if word in self.proper_keep or word.lower() in self.keep:
                return word
            if word not in names:
                names[word] = self.vocabulary.draw(rng, 1)[0].capitalize()
            return names[word]

        return _PROPER.sub(rename, _WORD.sub(replace, sentence))

    def _recombined(self, words: int) -> tuple[str, list[str]]:
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
        """The day of the last article: within four days of its story's first report, for `news`."""
        if self.model == "news":
            return self._story_day + timedelta(days=self.rng.randint(0, 3))
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


def generate(
    out: Path, fmt: str, count: int, outlets: int = 50, words: int = 700, seed: int = 7, text: str = "news"
) -> Path:
    """Write `count` articles of `fmt` under out/ (reused when already there); return the folder."""
    target = out / (f"{fmt}-{count}-{words}w" + ("" if text == "recombined" else f"-{text}"))
    marker = target / ".complete"
    if not marker.exists():
        WRITERS[fmt](target, Text(seed, text, stories=max(1, count // 8)), count, outlets, words)
        marker.touch()
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--format", choices=sorted(WRITERS), default="txt")
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--outlets", type=int, default=50)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--text", choices=["news", "recombined"], default="news", help="the text model (see above)")
    args = parser.parse_args()
    print(generate(args.out, args.format, args.articles, args.outlets, args.words, text=args.text))


if __name__ == "__main__":
    main()
