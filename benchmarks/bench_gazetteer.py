"""Gazetteer speed: lookups per second, cold start of `conflictmap resolve`, build time and size.

Every figure is the median of several runs, printed beside a baseline measured in the same run
on the same machine, so the ratio means something on a noisy shared box:

* lookups: ``Gazetteer.candidates`` (parse + alias lookup + ranking) vs a bare indexed SQLite
  SELECT on the same folded keys (the floor any design pays);
* cold start: ``conflictmap resolve Wonsan`` in a fresh process vs ``python -c pass``;
* build: one full build into a temporary file (``--build``).

Usage::

    python benchmarks/bench_gazetteer.py [--gazetteer PATH] [--runs 5] [--names 5000] [--build]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from conflictmap.gazetteer import Gazetteer, fold, open_gazetteer, parse_query


def sample_names(gaz: Gazetteer, n: int, seed: int = 7) -> list[str]:
    """``n`` names as text would give them: place names of all kinds, weighted to the larger ones
    as news mentions are, plus some that match nothing."""
    rows = gaz._query("SELECT name FROM places WHERE population >= 15000 OR kind != 'city'")
    rng = random.Random(seed)
    names = [r[0] for r in rng.sample(rows, min(n, len(rows)))]
    misses = [f"Nowhere {i}" for i in range(n // 20)]
    return (names + misses)[:n]


def time_lookups(path: Path, names: list[str], *, warm: bool) -> float:
    parse_query.cache_clear()  # first sight means no cache anywhere
    gaz = Gazetteer(path)
    if warm:
        for name in names:
            gaz.candidates(name)
    start = time.perf_counter()
    for name in names:
        gaz.candidates(name)
    elapsed = time.perf_counter() - start
    gaz.close()
    return len(names) / elapsed


def time_raw_sqlite(path: Path, names: list[str]) -> float:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    keys = [fold(n) for n in names]
    start = time.perf_counter()
    for key in keys:
        con.execute("SELECT p.* FROM aliases a JOIN places p ON p.pk = a.pk WHERE a.key = ?", (key,)).fetchall()
    elapsed = time.perf_counter() - start
    con.close()
    return len(keys) / elapsed


def time_process(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--names", type=int, default=5000)
    parser.add_argument("--build", action="store_true", help="also time one full build")
    args = parser.parse_args()

    gaz = open_gazetteer(args.gazetteer)
    path = gaz.path
    names = sample_names(gaz, args.names)
    gaz.close()
    print(f"gazetteer: {path} ({path.stat().st_size / 1e6:.1f} MB); {len(names)} names; {args.runs} runs")

    raw = statistics.median(time_raw_sqlite(path, names) for _ in range(args.runs))
    cold = statistics.median(time_lookups(path, names, warm=False) for _ in range(args.runs))
    warm = statistics.median(time_lookups(path, names, warm=True) for _ in range(args.runs))
    print(f"lookups/s, bare SQLite SELECT (baseline):    {raw:10,.0f}")
    print(f"lookups/s, candidates(), first sight:        {cold:10,.0f}  ({raw / cold:.2f}x the baseline's time)")
    print(f"lookups/s, candidates(), warm (cached keys): {warm:10,.0f}")

    exe = Path(sys.executable).parent / "conflictmap"
    env_args = ["--gazetteer", str(path)]
    python = statistics.median(time_process([sys.executable, "-c", "pass"]) for _ in range(args.runs))
    resolve = statistics.median(time_process([str(exe), "resolve", "Wonsan", *env_args]) for _ in range(args.runs))
    print(f"cold start, python -c pass (baseline):       {python:10.3f} s")
    print(f"cold start, conflictmap resolve Wonsan:      {resolve:10.3f} s  (+{resolve - python:.3f} s)")

    if args.build:
        from conflictmap.gazetteer.build import build

        with tempfile.TemporaryDirectory() as tmp:
            report = build(Path(tmp) / "g.sqlite")
        print(f"full build: {report.seconds:.1f} s, {report.size_bytes / 1e6:.1f} MB, "
              f"{report.places:,} places, {report.aliases:,} names, {report.shapes:,} outlines")


if __name__ == "__main__":
    main()
