"""Index and search benchmarks (issue 4) on a generated corpus, against bare Whoosh with the same schema.

    python bench/index_bench.py [--articles 40000] [--queries 240]

1. Bare Whoosh: the same articles read and cleaned beforehand (not timed), indexed with the same schema
   by `writer(procs=2, multisegment=True)`, with the same memory for postings as `add` gives its
   writers (`index.store.POOL_MB`): articles/s.
2. `newsframe add` end to end (read, clean, people, index) in a subprocess: articles/s, peak memory.
3. Bare Whoosh again, and the ratio of `add` to the mean of the two bare figures. This machine's speed
   drifts by 10% within an hour; builds on both sides of the import see the same drift it does.
4. A new process opens the index and answers its first query; then mixed queries (terms, phrases,
   fielded, date ranges), top 20 with snippets for the first 10 and outlet facets: p50 / p95, and
   the search process's peak memory.
Prints the machine's speed before and after (`bench.machine_speed`). Writes bench/out/index_bench.json. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import compile_bytecode, machine_speed
from bench.generate import generate
from index.store import POOL_MB

ROOT = Path(__file__).resolve().parents[1]
SEARCH_PROBE = r"""
import json, random, resource, sys, time
t0 = time.perf_counter()
from index import Index, Store
index = Index(Store(sys.argv[1], "bench"))
index.search("harbour", limit=20, snippets=10)
first = time.perf_counter() - t0
queries = json.loads(open(sys.argv[2]).read())
times = []
for q in queries:
    t = time.perf_counter()
    index.search(q, limit=20, snippets=10, suggest=False)
    times.append(time.perf_counter() - t)
times.sort()
print(json.dumps({
    "open_and_first_query_s": round(first, 3),
    "queries": len(times),
    "p50_ms": round(1000 * times[len(times) // 2], 1),
    "p95_ms": round(1000 * times[int(len(times) * 0.95)], 1),
    "max_ms": round(1000 * times[-1], 1),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
"""


# `newsframe add` under a process of its own, which reports the largest resident size among its
# descendants: this process's own children include the bare builds, which hold every document at once.
ADD = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": round(seconds, 1), "peak_rss_mb_largest_process": round(peak, 1)}))
"""


def run_add(corpus: Path, data: Path) -> dict[str, float]:
    home = data / "home"
    command = [sys.executable, "-m", "tui.cli", "--home", str(home), "--index", "bench", "add", str(corpus)]
    done = subprocess.run([sys.executable, "-c", ADD, *command], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


BARE = r"""
import sys, tempfile, time, json
from corpus import Article, read_corpus
from corpus.people import extract_people
from index.schema import document, make_schema
from whoosh import index as whoosh_index
if __name__ == "__main__":
    articles = [a for a in read_corpus([sys.argv[1]]) if isinstance(a, Article)]
    extract_people(articles)
    docs = [document(a) for a in articles]
    del articles
    ix = whoosh_index.create_in(tempfile.mkdtemp(dir=sys.argv[2]), make_schema())
    start = time.perf_counter()
    writer = ix.writer(procs=2, multisegment=True, limitmb=int(sys.argv[3]), compound=False)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    seconds = time.perf_counter() - start
    print(json.dumps({"articles": len(docs), "seconds": round(seconds, 1), "articles_per_s": round(len(docs) / seconds, 1)}))
"""


def run_bare(corpus: Path, work: Path, pool_mb: int) -> dict[str, float]:
    """One bare Whoosh build of the corpus, in its own process (its index is deleted afterwards)."""
    bare_dir = Path(tempfile.mkdtemp(dir=work))
    done = subprocess.run(
        [sys.executable, "-c", BARE, str(corpus), str(bare_dir), str(pool_mb)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    shutil.rmtree(bare_dir, ignore_errors=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def queries(index_home: Path, count: int, seed: int = 3) -> list[str]:
    """Mixed queries drawn from the corpus itself: terms, phrases, fielded, date ranges."""
    sys.path.insert(0, str(ROOT))
    from index import Index, Store

    index = Index(Store(index_home / "data", "bench"))
    rng = random.Random(seed)
    sample = index.search("*", limit=200, snippets=0, suggest=False).hits
    words: list[str] = []
    phrases: list[str] = []
    for hit in sample:
        article = index.article(hit.id)
        assert article is not None
        tokens = [w.strip(".,;:“”\"'") for w in article.body.split() if len(w) > 4 and w.isalpha()]
        words += tokens[:20]
        text = [w.strip(".,;:“”\"'()") for w in article.body.split()]
        for i in range(0, min(len(text) - 1, 60), 15):
            if text[i] and text[i + 1]:
                phrases.append(f'"{text[i]} {text[i + 1]}"')
    people = [p.name for p in index.people(top=20)]
    outlets = index.outlets()
    out: list[str] = []
    kinds = ["term", "two", "phrase", "slop", "outlet", "person", "range", "after"]
    while len(out) < count:
        kind = kinds[len(out) % len(kinds)]
        if kind == "term":
            out.append(rng.choice(words))
        elif kind == "two":
            out.append(f"{rng.choice(words)} {rng.choice(words)}")
        elif kind == "phrase":
            out.append(rng.choice(phrases))
        elif kind == "slop":
            out.append(rng.choice(phrases) + "~3")
        elif kind == "outlet":
            out.append(f'{rng.choice(words)} outlet:"{rng.choice(outlets)}"')
        elif kind == "person":
            out.append(f'person:"{rng.choice(people)}"')
        elif kind == "range":
            month = rng.randint(1, 10)
            out.append(f"{rng.choice(words)} date:[2025-{month:02d}-01 TO 2025-{month + 2:02d}-28]")
        else:
            out.append(f"{rng.choice(words)} date:>2025-0{rng.randint(2, 9)}")
    return out


def search_probe(work: Path, query_file: Path) -> dict[str, float]:
    """Open the index in a new process, answer the first query, then time every query of the file."""
    compile_bytecode()
    probe = subprocess.run(
        [sys.executable, "-c", SEARCH_PROBE, str(work / "home" / "data"), str(query_file)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(probe.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=40000)
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument(
        "--bare-pool-mb",
        type=int,
        default=POOL_MB,
        help=f"bare Whoosh's limitmb (default {POOL_MB}, as `add` gives its writers)",
    )
    parser.add_argument(
        "--search-only",
        type=Path,
        metavar="WORKDIR",
        help="rerun only the search measures on a work dir an earlier run left (its index and queries.json)",
    )
    args = parser.parse_args()
    if args.search_only:
        search = search_probe(args.search_only, args.search_only / "queries.json")
        print("search:", search, flush=True)
        return
    corpus = generate(args.out, "jsonl", args.articles, words=800)
    work = Path(tempfile.mkdtemp(prefix="newsframe-bench-"))
    results: dict[str, object] = {"articles": args.articles, "cpus": os.cpu_count(), "bare_pool_mb": args.bare_pool_mb}
    print(f"corpus: {corpus}")
    results["machine_ms_before"] = machine_speed()
    print("machine speed (bench.machine_speed, ms, lower is faster):", results["machine_ms_before"], flush=True)
    before = run_bare(corpus, work, args.bare_pool_mb)
    print(f"bare whoosh (limitmb={args.bare_pool_mb}), before:", before, flush=True)
    added = run_add(corpus, work)
    added["articles_per_s"] = round(args.articles / added["seconds"], 1)
    results["add"] = added
    print("newsframe add:", added, flush=True)
    after = run_bare(corpus, work, args.bare_pool_mb)
    print("bare whoosh, after:", after, flush=True)
    results["bare_whoosh"] = {"before": before, "after": after}
    bare_rate = (before["articles_per_s"] + after["articles_per_s"]) / 2
    results["ratio"] = round(added["articles_per_s"] / bare_rate, 3)
    results["ratio_to_each"] = [round(added["articles_per_s"] / b["articles_per_s"], 3) for b in (before, after)]
    print("ratio:", results["ratio"], "(to each:", results["ratio_to_each"], ")", flush=True)
    query_file = work / "queries.json"
    query_file.write_text(json.dumps(queries(work / "home", args.queries)))
    results["search"] = search_probe(work, query_file)
    print("search:", results["search"], flush=True)
    results["machine_ms_after"] = machine_speed()
    print("machine speed after:", results["machine_ms_after"], flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "index_bench.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
