"""Compare two conflictmap GeoJSON exports of the same inputs, feature by feature.

Used to show that a refactoring preserves behaviour: produce OLD with the previous commit (e.g.
``git worktree add /tmp/old REF`` and run its ``conflictmap extract`` with ``PYTHONPATH``), NEW with
the working tree, on the same inputs and the same gazetteer, then::

    python scripts/compare_exports.py OLD.geojson NEW.geojson

Prints features only in one export, and for features in both, each differing field (dotted path),
with both values shortened. Exit 0 when identical, 1 otherwise.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _diff(a: Any, b: Any, path: str, out: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            _diff(a.get(key), b.get(key), f"{path}.{key}" if path else key, out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _diff(x, y, f"{path}[{i}]", out)
    elif a != b:
        out.append(f"  {path}: {json.dumps(a, ensure_ascii=False)[:120]} -> {json.dumps(b, ensure_ascii=False)[:120]}")


def main(old_path: str, new_path: str) -> int:
    old, new = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (old_path, new_path))
    by_id_old = {f["id"]: f for f in old["features"]}
    by_id_new = {f["id"]: f for f in new["features"]}
    differences = 0
    for fid in sorted(set(by_id_old) - set(by_id_new)):
        print(f"only in {old_path}: {fid}")
        differences += 1
    for fid in sorted(set(by_id_new) - set(by_id_old)):
        print(f"only in {new_path}: {fid}")
        differences += 1
    for fid in sorted(set(by_id_old) & set(by_id_new)):
        lines: list[str] = []
        _diff(by_id_old[fid], by_id_new[fid], "", lines)
        if lines:
            differences += 1
            print(f"{fid}:")
            print("\n".join(lines))
    meta: list[str] = []
    _diff(old.get("conflictmap"), new.get("conflictmap"), "conflictmap", meta)
    if meta:
        differences += 1
        print("\n".join(meta))
    print(f"{len(by_id_old)} / {len(by_id_new)} features; {differences} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
