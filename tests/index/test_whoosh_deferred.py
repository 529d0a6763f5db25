"""Whoosh's English word-forms module stands in until used, and works the same once it is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A new interpreter: this test process may have loaded Whoosh already.
SCRIPT = r"""
import json, sys
from index.compare import compare_in_index  # imports whoosh.query, which imports the module
from index.search import Index
import whoosh.query.terms as terms
before = getattr(sys.modules["whoosh.lang.morph_en"], "__file__", None)
forms = sorted(terms.variations("rule"))  # what a Variations query expands to
after = getattr(sys.modules["whoosh.lang.morph_en"], "__file__", None)
import whoosh.lang.morph_en as real
print(json.dumps({"before": before, "after": after, "forms": forms, "real": sorted(real.variations("rule")),
                  "again": sorted(terms.variations("rule")), "rules": len(real.rules)}))
"""


def test_the_module_loads_only_when_used_and_gives_the_same_forms() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, check=True, capture_output=True, text=True)
    found = json.loads(done.stdout)
    assert found["before"] is None  # the stand-in: importing index and Whoosh compiled none of its patterns
    assert found["after"] and found["after"].endswith("morph_en.py")  # the first use loaded the real module
    assert found["forms"] == found["real"] == found["again"]
    assert {"rule", "rules", "ruled", "ruling"} <= set(found["forms"])
    assert found["rules"] > 0
