"""Reading + cleaning throughput per input format, on one core, on generated corpora of ~700 words.

    python bench/read_throughput.py [--articles 20000] [--html-articles 2000]

Prints a table (articles/s) and writes bench/out/read_throughput.json. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import generate
from corpus import Article, read_corpus

TARGETS = {"txt": 400.0, "jsonl": 400.0}


def measure(folder: Path) -> dict[str, float]:
    """Read every file under `folder` once; articles, seconds (wall and CPU), articles/s, problems."""
    start, cpu = time.perf_counter(), time.process_time()
    articles = problems = words = 0
    for item in read_corpus([folder]):
        if isinstance(item, Article):
            articles += 1
            words += len(item.body.split())
        else:
            problems += 1
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    return {
        "articles": articles,
        "problems": problems,
        "seconds": round(wall, 2),
        "cpu_seconds": round(used, 2),
        "articles_per_s": round(articles / wall, 1),
        "mean_words": round(words / max(articles, 1)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--html-articles", type=int, default=2000, help="HTML is bound by trafilatura: fewer")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    results = {}
    for fmt in ("txt", "jsonl", "rss", "html"):
        count = args.html_articles if fmt == "html" else args.articles
        folder = generate(args.out, fmt, count, text="recombined")  # the text of the figures in the README
        results[fmt] = measure(folder)
        r = results[fmt]
        target = TARGETS.get(fmt)
        verdict = (
            ""
            if target is None
            else (" (target >= {:.0f}: {})".format(target, "met" if r["articles_per_s"] >= target else "MISSED"))
        )
        print(
            f"{fmt:6} {r['articles']:>6} articles  {r['seconds']:>7.1f} s  {r['articles_per_s']:>7.1f} articles/s"
            f"  ~{r['mean_words']} words  {r['problems']} problems{verdict}",
            flush=True,
        )
    (args.out / "read_throughput.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
