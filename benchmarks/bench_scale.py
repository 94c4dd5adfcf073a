"""A corpus, not a handful: documents per second on one and two processes and on a Dask
LocalCluster, a warm-cache re-run against a cold one, peak memory as the corpus grows, and fusion
time for thousands of movements.

Texts are real news read where they lie (``../shared/devtexts``, GeoWebNews and TR-News under
``../shared/eval``; never copied into the project), repeated under new names to the corpus size
and written to a temporary folder that is removed afterwards. Every analysis run is the command
line as a user runs it (``conflictmap extract DIR -o OUT``), timed from outside with its peak
resident memory (GNU time's maximum RSS of the main process). Fusion is timed in-process on
synthetic movement records (``tests/test_fusion.py:synthetic_movements``, real gazetteer places).

Usage::

    python benchmarks/bench_scale.py [--docs 600] [--grow 2400] [--runs 3] [--gazetteer PATH]
                                     [--only fusion,jobs,dask,cache,memory] [--reference]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CONFLICTMAP = Path(sys.executable).with_name("conflictmap")


def texts() -> list[str]:
    """Real article texts, read where they lie."""
    found = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "devtexts").glob("*/*.txt"))]
    for xml in (SHARED / "eval" / "geowebnews" / "GWN.xml", SHARED / "eval" / "trnews" / "TR-News.xml"):
        if xml.exists():
            found += [t for a in ET.parse(xml).getroot().iter("article") if (t := (a.findtext("text") or "").strip())]
    if not found:
        sys.exit(f"no texts under {SHARED}")
    return found


def corpus(folder: Path, n: int, pool: list[str]) -> Path:
    """``n`` documents cycled from ``pool`` under distinct names (so each is its own document)."""
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"doc{i:05d}.txt").write_text(pool[i % len(pool)], encoding="utf-8")
    return folder


def extract(folder: Path, out: Path, *options: str, env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one ``conflictmap extract`` run."""
    stats = out.with_suffix(".time")
    cmd = ["/usr/bin/time", "-f", "%e %M", "-o", str(stats), str(CONFLICTMAP), "-q", "extract", str(folder),
           "-o", str(out), *options]
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds, rss = stats.read_text(encoding="utf-8").split()[-2:]
    return float(seconds), int(rss)


def chars(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))


def bench_fusion(gazetteer: Path, reference: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from conflictmap.gazetteer import Gazetteer
    from conflictmap.geo.export.fusion import fuse_movements, movement_features
    from tests.test_fusion import place_pool, reference_fuse, synthetic_movements

    gaz = Gazetteer(gazetteer)
    pool = place_pool(gazetteer, gaz, countries=("RU", "UA", "KP", "BY", "SY", "IL", "LB", "PL", "MD", "GE"),
                      min_population=20_000)
    print(f"\n## Fusion ({len(pool)} places of 10 countries; synthetic movements)\n")
    print("| movements | fused | fusion s (indexed) | ms / movement | pairwise s (before) | + features and routes s |\n"
          "|---|---|---|---|---|---|")
    for n in (1_000, 8_000, 32_000):
        movements = synthetic_movements(pool, n)
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            fused = fuse_movements(movements, gaz)
            runs.append(time.perf_counter() - start)
        seconds = statistics.median(runs)
        old = "-"
        if reference and n <= 8_000:
            start = time.perf_counter()
            reference_fuse(movements, gaz)
            old = f"{time.perf_counter() - start:.2f}"
        start = time.perf_counter()
        movement_features(fused)
        features = time.perf_counter() - start
        print(f"| {n:,} | {len(fused):,} | {seconds:.2f} | {1000 * seconds / n:.3f} | {old} | {features:.1f} |",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--grow", type=int, default=2400, help="the larger corpus for the memory curve")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--gazetteer", type=Path, default=os.environ.get("CONFLICTMAP_GAZETTEER"))
    parser.add_argument("--only", default="fusion,jobs,dask,cache,memory")
    parser.add_argument("--reference", action="store_true", help="also time the pairwise fusion (slow at 8k)")
    args = parser.parse_args()
    if args.gazetteer is None:
        sys.exit("give --gazetteer or set CONFLICTMAP_GAZETTEER")
    parts = set(args.only.split(","))
    env = {**os.environ, "CONFLICTMAP_GAZETTEER": str(args.gazetteer)}
    env.pop("CONFLICTMAP_NO_CACHE", None)
    print(f"# bench_scale: {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    if "fusion" in parts:
        bench_fusion(args.gazetteer, args.reference)
    pool = texts()
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        small = corpus(tmp / "small", args.docs, pool)
        n_chars = chars(small)
        print(f"\n## Analysis: {args.docs} documents, {n_chars:,} characters ({len(pool)} distinct texts)\n")
        if parts & {"jobs", "dask"}:
            variants = [("-j 1", ["-j", "1"])] if "jobs" in parts else []
            variants += [("-j 2", ["-j", "2"])] if "jobs" in parts else []
            variants += [("--dask local (2 workers)", ["--dask", "local", "-j", "2"])] if "dask" in parts else []
            times: dict[str, list[float]] = {name: [] for name, _ in variants}
            for _ in range(args.runs):  # alternating, so a busy spell on the machine hits every variant
                for name, options in variants:
                    seconds, _rss = extract(small, tmp / "out.geojson", "--no-cache", *options, env=env)
                    times[name].append(seconds)
            print("| run | median s | docs/s | speed-up | runs (s) |\n|---|---|---|---|---|")
            base = statistics.median(times[variants[0][0]])
            for name, runs in times.items():
                med = statistics.median(runs)
                print(f"| {name} | {med:.1f} | {args.docs / med:.1f} | {base / med:.2f}x | "
                      f"{', '.join(f'{r:.1f}' for r in runs)} |", flush=True)
        if "cache" in parts:
            cache_dir = tmp / "cache"
            cold, _ = extract(small, tmp / "cold.geojson", "-j", "2", "--cache-dir", str(cache_dir), env=env)
            warm, _ = extract(small, tmp / "warm.geojson", "-j", "2", "--cache-dir", str(cache_dir), env=env)
            same = (tmp / "cold.geojson").read_bytes() == (tmp / "warm.geojson").read_bytes()
            size = sum(p.stat().st_size for p in cache_dir.rglob("*.json.gz"))
            print(f"\ncache: cold {cold:.1f} s, warm {warm:.1f} s ({100 * warm / cold:.0f}% of cold); "
                  f"outputs identical: {same}; {size / 1e6:.1f} MB for {args.docs} entries", flush=True)
        if "memory" in parts:
            large = corpus(tmp / "large", args.grow, pool)
            print("\n| documents | characters | s | ms / doc | peak RSS MB |\n|---|---|---|---|---|")
            for folder, n in ((small, args.docs), (large, args.grow)):
                seconds, rss = extract(folder, tmp / "mem.geojson", "--no-cache", "-j", "1", env=env)
                print(f"| {n:,} | {chars(folder):,} | {seconds:.1f} | {1000 * seconds / n:.0f} | {rss / 1024:.0f} |",
                      flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
