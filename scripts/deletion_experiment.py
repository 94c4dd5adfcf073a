"""Delete each data rule of the events in turn and check that some test fails.

A rule is a pattern (all lines of one label in ``geo/data/patterns/*.jsonl``), a word class of the
lexicon (one file of ``geo/data/lexicon/``), one cue class of ``status_cues.jsonl`` or one role of
``prepositions.jsonl``. For each, the file is rewritten without it, the given tests run, and the
file is restored (also on Ctrl-C). A rule whose deletion fails no test guards nothing: the script
lists it and exits 1.

    .venv/bin/python scripts/deletion_experiment.py [pytest args, default: the rule tests below]
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).parent.parent
DATA = ROOT / "geo" / "data"
# the tests that guard the rules: hand-built Docs, and the real model with the mini gazetteer (~3 s a run)
RULE_TESTS = ["tests/test_events_patterns.py", "tests/test_zones.py", "tests/test_components.py",
              "tests/test_places.py", "tests/test_events_rules.py", "tests/test_movements.py",
              "tests/test_fragments.py", "tests/test_dates.py", "tests/test_borders.py"]


def _rules() -> Iterator[tuple[str, Path, Callable[[dict], bool]]]:
    """(name, file, keep-row predicate) for every rule."""
    for path in sorted((DATA / "patterns").glob("*.jsonl")):
        labels = dict.fromkeys(json.loads(line)["label"] for line in path.read_text(encoding="utf-8").splitlines())
        for label in labels:
            yield f"pattern {path.stem}:{label}", path, lambda row, lab=label: row["label"] != lab
    for path in sorted((DATA / "lexicon").glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        if path.stem == "status_cues":
            for cue in dict.fromkeys(r["cue"] for r in rows):
                yield f"lexicon status_cues:{cue}", path, lambda row, c=cue: row["cue"] != c
        elif path.stem == "prepositions":
            for role in dict.fromkeys(r["role"] for r in rows):
                yield f"lexicon prepositions:{role}", path, lambda row, r_=role: row["role"] != r_
        else:
            yield f"lexicon {path.stem}", path, lambda row: False


def main(test_args: list[str]) -> int:
    unguarded = []
    for name, path, keep in _rules():
        original = path.read_text(encoding="utf-8")
        kept = [line for line in original.splitlines() if keep(json.loads(line))]
        try:
            path.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
            result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *test_args],
                                    cwd=ROOT, capture_output=True, text=True, check=False)
        finally:
            path.write_text(original, encoding="utf-8")
        guarded = result.returncode != 0
        print(f"{'fails a test' if guarded else 'NOTHING FAILS'}: {name}", flush=True)
        if not guarded:
            unguarded.append(name)
    print(f"{len(unguarded)} rule(s) whose deletion fails nothing" + (": " + ", ".join(unguarded) if unguarded else ""))
    return 1 if unguarded else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or RULE_TESTS))
