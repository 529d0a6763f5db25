"""People extraction accuracy against the hand-made gold files, per field.

    python bench/people_accuracy.py [--misses]

Scores the demo corpus (tests/corpus/gold/demo_people.json) and, when ../shared is here, the real
pages of ../shared/samples (tests/corpus/gold/shared_people.json). `--misses` lists every
disagreement, for tuning. The same scores are asserted against the issue's targets in
tests/corpus/test_people_gold.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import Article, demo_corpus_path, read_corpus
from corpus.gold import load_gold, score
from corpus.people import extract_people

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "corpus" / "gold"
SETS = {
    "demo corpus": (Path(demo_corpus_path()), GOLD / "demo_people.json"),
    "../shared/samples": (ROOT.parent / "shared" / "samples", GOLD / "shared_people.json"),
    "../shared/corpora (held out)": (ROOT.parent / "shared" / "corpora", GOLD / "heldout_people.json"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list every disagreement with the gold file")
    args = parser.parse_args()
    for name, (root, gold_file) in SETS.items():
        if not root.is_dir():
            print(f"{name}: not here, skipped")
            continue
        articles = [a for a in read_corpus([root]) if isinstance(a, Article)]
        extract_people(articles)
        gold = load_gold(gold_file)
        scores = score(articles, gold, root)
        mentions = sum(len(entry["mentions"]) for entry in gold)
        print(f"\n{name}: {scores.articles} articles, {mentions} gold mentions")
        print("| field | precision | recall | right / found | found / gold |")
        print("|---|---:|---:|---:|---:|")
        for field, t in scores.rows():
            print(
                f"| {field} | {t.precision:.3f} | {t.recall:.3f} | {t.correct} / {t.found} | {t.recalled} / {t.gold} |"
            )
        if args.misses:
            print("\n".join(scores.misses))


if __name__ == "__main__":
    main()
