"""People extraction throughput on one core: generated ~700-word articles, and real text when present.

    python bench/people_throughput.py [--articles 5000]

Articles are read first (not timed), and the word lists loaded; the timed part is `extract_people` over all of them: sentence
splitting, names, labels, verbs, quotes (pass 1) and corpus-wide resolution (pass 2). Writes
bench/out/people_throughput.json. Not part of the test run.
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
from corpus.lexicon import lexicon
from corpus.people import extract_people

TARGET = 300.0
SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def measure(articles: list[Article]) -> dict[str, float]:
    words = sum(len(a.body.split()) for a in articles)
    lexicon()  # the word lists load once per process, not per article
    start, cpu = time.perf_counter(), time.process_time()
    registry = extract_people(articles)
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    mentions = sum(len(p.mentions) for a in articles for p in a.people)
    return {
        "articles": len(articles),
        "mean_words": round(words / max(len(articles), 1)),
        "seconds": round(wall, 2),
        "cpu_seconds": round(used, 2),
        "articles_per_s": round(len(articles) / wall, 1),
        "articles_700w_per_s": round(words / 700 / wall, 1),
        "mentions": mentions,
        "people": len(registry.people()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    sets: dict[str, list[Article]] = {
        "generated (jsonl)": [
            a
            for a in read_corpus([generate(args.out, "jsonl", args.articles, text="recombined")])
            if isinstance(a, Article)
        ]
    }
    for path in sorted(SHARED_CORPORA.glob("*.jsonl")) if SHARED_CORPORA.is_dir() else []:
        sets[f"../shared/corpora/{path.name}"] = [a for a in read_corpus([path]) if isinstance(a, Article)]
    results = {}
    print(f"{'articles':<42} {'n':>6} {'words':>6} {'art/s':>8} {'700w/s':>8} {'mentions':>9}")
    for name, articles in sets.items():
        r = results[name] = measure(articles)
        print(
            f"{name:<42} {r['articles']:>6} {r['mean_words']:>6} {r['articles_per_s']:>8} "
            f"{r['articles_700w_per_s']:>8} {r['mentions']:>9}"
        )
    print(f"target: >= {TARGET:.0f} articles/s of ~700 words on one core")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "people_throughput.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
