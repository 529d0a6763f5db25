"""Comparison benchmarks (issue 5) on the index `bench/index_bench.py` builds (40,000 generated articles).

    python bench/compare_bench.py WORKDIR      # the work dir index_bench.py printed (it holds home/)

Each case runs in a new process, timed from before `import` to the finished comparison:
1. the person with the most mentions, across 4 outlets (>= 5,000 mentions; target <= 2.0 s);
2. a person narrowed by dates to about 500 mentions across 3 outlets (target <= 0.3 s);
3. aligned sentences alone: two outlets' first 2,000 distinct mention sentences each (target <= 1.0 s);
4. cases 1 and 2 as the `newsframe compare` command, end to end: its start-up, rendering and exit too.
Prints the machine's speed before and after (`bench.machine_speed`), since it drifts by half within an
evening. Writes bench/out/compare_bench.json. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
from datetime import date
from index import Index, Store
from index.compare import compare_in_index
index = Index(Store(sys.argv[1], "bench"))
case = json.loads(sys.argv[2])
t1 = time.perf_counter()
c = compare_in_index(index, case["target"], outlets=case["outlets"],
                     date_from=date.fromisoformat(case["from"]) if case.get("from") else None,
                     date_to=date.fromisoformat(case["to"]) if case.get("to") else None)
t2 = time.perf_counter()
print(json.dumps({"mentions": sum(p.mentions for p in c.outlets), "articles": sum(p.articles for p in c.outlets),
                  "aligned_pairs": len(c.aligned), "outlets": len(c.outlets),
                  "import_and_open_s": round(t1 - t0, 3), "compare_s": round(t2 - t1, 3), "total_s": round(t2 - t0, 3)}))
"""

ALIGN_PROBE = r"""
import json, sys, time
from index import Index, Store
from index.compare import compare_in_index
from corpus.framing.align import align
index = Index(Store(sys.argv[1], "bench"))
case = json.loads(sys.argv[2])
c = compare_in_index(index, case["target"], outlets=case["outlets"])
sides = []
for profile in c.outlets:
    texts = list(dict.fromkeys(profile.sentences[line.evidence] for line in profile.kwic))
    sides.append(texts[:2000])
t = time.perf_counter()
pairs = align(sides[0], sides[1])
seconds = time.perf_counter() - t
print(json.dumps({"sentences": [len(s) for s in sides], "pairs": len(pairs), "align_s": round(seconds, 3)}))
"""


def probe(script: str, data: Path, case: dict[str, object]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(data), json.dumps(case)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def command(home: Path, case: dict[str, object]) -> float:
    """`newsframe compare` as a user types it, text to /dev/null: wall seconds, start to exit."""
    argv = [sys.executable, "-m", "tui.cli", "--home", str(home), "--index", "bench", "compare", str(case["target"])]
    argv += ["--outlets", ",".join(case["outlets"])]  # type: ignore[arg-type]
    if case.get("from"):
        argv += ["--from", str(case["from"]), "--to", str(case["to"])]
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return round(time.perf_counter() - start, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workdir", type=Path, help="the work dir of an index_bench.py run")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args()
    data = args.workdir / "home" / "data"
    sys.path.insert(0, str(ROOT))
    from bench import compile_bytecode, machine_speed
    from bench.generate import RECURRING_PEOPLE
    from index import Index, Store

    index = Index(Store(data, "bench"))
    people = index.people(top=10)
    big = people[0]
    outlets4 = list(big.by_outlet)[:4]
    # the least mentioned of the demo's recurring figures (other names come and go with the stories)
    small = min((p for p in people if p.name in RECURRING_PEOPLE), key=lambda p: p.mentions)
    outlets3 = list(small.by_outlet)[:3]
    stats = index.stats()
    # about 500 mentions: the share of the date span that holds ~500 of the small person's mentions there
    per_outlet = small.mentions / max(1, len(small.by_outlet))
    wanted_days = (
        500
        / (per_outlet * 3)
        * ((stats.last_date - stats.first_date).days if stats.first_date and stats.last_date else 365)
    )
    start = stats.first_date
    assert start is not None
    from datetime import timedelta

    end = start + timedelta(days=max(1, int(wanted_days)))
    cases = {
        "large": {"target": big.name, "outlets": outlets4},
        "small": {"target": small.name, "outlets": outlets3, "from": start.isoformat(), "to": end.isoformat()},
    }
    compile_bytecode()
    results: dict[str, object] = {"machine_ms_before": machine_speed()}
    print("machine speed (bench.machine_speed, ms, lower is faster):", results["machine_ms_before"], flush=True)
    for name, case in cases.items():
        runs = [probe(PROBE, data, case) for _ in range(3)]
        runs.sort(key=lambda r: float(r["total_s"]))  # type: ignore[arg-type]
        results[name] = {"case": case, "median": runs[1], "runs": runs}
        print(name, case, runs[1], flush=True)
    for name, case in cases.items():
        seconds = sorted(command(args.workdir / "home", case) for _ in range(3))
        results[f"{name}_command"] = {"case": case, "median_s": seconds[1], "runs_s": seconds}
        print(f"{name}, the command end to end", seconds, flush=True)
    align_case = {"target": big.name, "outlets": outlets4[:2]}
    runs = [probe(ALIGN_PROBE, data, align_case) for _ in range(3)]
    runs.sort(key=lambda r: float(r["align_s"]))  # type: ignore[arg-type]
    results["align"] = {"case": align_case, "median": runs[1]}
    print("align", align_case, runs[1], flush=True)
    results["machine_ms_after"] = machine_speed()
    print("machine speed after:", results["machine_ms_after"], flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "compare_bench.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
