"""Rendering cost for big maps: time and file size for a synthetic collection of N features.

Features are spread over Eurasia: 40% places (cities, no outlines), 30% movements (two-point
lines), 30% statements. Beyond 300 markers per layer the renderer clusters them. Reported as
medians of several runs, beside the cost of rendering the 5-seed map in the same run.

Usage::

    python benchmarks/bench_map.py [--features 10000] [--runs 3] [--cdn]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from conflictmap.maps.render import render


def synthetic(n: int, seed: int = 1) -> dict:
    rng = random.Random(seed)

    def point() -> list[float]:
        return [round(rng.uniform(-10, 140), 4), round(rng.uniform(10, 65), 4)]

    def src(i: int) -> list[dict]:
        return [{"doc": f"doc{i % 500}", "start": 0, "end": 40, "text": f"Sentence {i} about troops moving."}]

    features = []
    for i in range(n):
        r = i % 10
        if r < 4:
            features.append(
                {
                    "type": "Feature",
                    "id": f"place:{i}",
                    "geometry": {"type": "Point", "coordinates": point()},
                    "properties": {
                        "kind": "place",
                        "id": f"p{i}",
                        "name": f"Place {i}",
                        "place_type": "city",
                        "country_code": "XX",
                        "where_prec": 1,
                        "mention_count": 1 + i % 7,
                        "has_polygon": False,
                        "mentions": src(i),
                    },
                }
            )
        elif r < 7:
            a, b = point(), point()
            features.append(
                {
                    "type": "Feature",
                    "id": f"movement:{i}",
                    "geometry": {"type": "LineString", "coordinates": [a, b]},
                    "properties": {
                        "kind": "movement",
                        "actor": "troops",
                        "origin": {"name": "A", "coordinates": a},
                        "destination": {"name": "B", "coordinates": b},
                        "status": ("reported", "possible", "denied")[i % 3],
                        "mode": None,
                        "time": None,
                        "size_claims": [],
                        "sources": src(i),
                    },
                }
            )
        else:
            features.append(
                {
                    "type": "Feature",
                    "id": f"statement:{i}",
                    "geometry": {"type": "Point", "coordinates": point()},
                    "properties": {
                        "kind": "statement",
                        "speaker": f"Speaker {i % 50}",
                        "organization": None,
                        "speaker_country": f"C{i % 9}",
                        "place": {"id": "x", "name": "Somewhere"},
                        "basis": "affiliation",
                        "text": f"Statement {i}.",
                        "where_prec": 1,
                        "sources": src(i),
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cdn", action="store_true")
    args = parser.parse_args()
    collection = synthetic(args.features)
    small = synthetic(40)
    render(small, offline=not args.cdn)  # imports and asset loading, once
    big_times, small_times, size = [], [], 0
    for _ in range(args.runs):
        start = time.perf_counter()
        page = render(collection, offline=not args.cdn)
        big_times.append(time.perf_counter() - start)
        size = len(page.encode("utf-8"))
        start = time.perf_counter()
        render(small, offline=not args.cdn)
        small_times.append(time.perf_counter() - start)
    mode = "CDN" if args.cdn else "self-contained"
    print(
        f"{args.features:,} features ({mode}): render {statistics.median(big_times):.1f} s, {size / 1e6:.1f} MB "
        f"| 40 features: {statistics.median(small_times):.2f} s | medians of {args.runs} runs"
    )


if __name__ == "__main__":
    main()
