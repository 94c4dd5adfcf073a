"""Read back an exported FeatureCollection (possibly edited by hand) and check it against the contract.

``conflictmap map FILE.geojson`` draws such a file instead of analysing articles. The file is
untrusted: every feature is checked against the typed dictionaries of :mod:`geo.export.geojson`
(required properties and their types, ``kind``, geometry type and coordinates in range), and each
bad feature gets one line saying what is wrong with it. Nothing is drawn unless every feature passes.
"""

from __future__ import annotations

import json
import math
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, NotRequired, Union, get_args, get_origin, get_type_hints, is_typeddict

from conflictmap.geo.errors import CollectionError, InputError
from conflictmap.geo.export.geojson import PROPERTIES, FeatureCollection
from conflictmap.geo.reading.reader import printable, read_small_file

__all__ = ["CollectionError", "check_collection", "is_collection_path", "read_collection"]

MAX_BYTES = 512 * 1024 * 1024  # an export of ~10,000 articles is ~100 MB
SUFFIXES = (".geojson", ".json")
# The geometries a kind may have; None: the feature is listed but not drawn
# (a statement found but not placed, a movement with one known end).
GEOMETRIES: dict[str, tuple[str | None, ...]] = {
    "place": ("Point",),
    "movement": ("LineString", "MultiLineString", None),
    "statement": ("Point", None),
}
_DEPTH = {"Point": 0, "LineString": 1, "MultiLineString": 2}
_MAX_PROBLEMS = 3  # per feature: enough to fix it, short enough to read


def is_collection_path(path: str) -> bool:
    """Whether a command-line input names a GeoJSON file (by its suffix) rather than articles."""
    return path != "-" and Path(path).suffix.lower() in SUFFIXES


def read_collection(path: Path) -> FeatureCollection:
    """Read and check the conflictmap FeatureCollection at ``path``.

    Raises
    ------
    CollectionError
        The file cannot be read, is not JSON, is not a conflictmap FeatureCollection, or has
        features that break the contract (one entry of ``problems`` per bad feature).
    """
    shown = printable(str(path))
    try:
        data = read_small_file(path, MAX_BYTES)
    except InputError as exc:
        raise CollectionError(f"cannot read {shown}: {exc}") from exc
    try:
        obj = json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CollectionError(f"{shown} is not GeoJSON: {printable(str(exc))[:200]}") from exc
    return check_collection(obj, source=shown)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def check_collection(obj: Any, *, source: str = "input") -> FeatureCollection:
    """``obj`` as a :class:`FeatureCollection` when it is one of ours and every feature keeps the
    contract; else raise :class:`CollectionError` (see :func:`read_collection`).

    >>> try:
    ...     check_collection({"type": "FeatureCollection", "features": [{"type": "Feature", "id": "place:1",
    ...         "geometry": {"type": "Point", "coordinates": [200, 0]}, "properties": {"kind": "place"}}]})
    ... except CollectionError as exc:
    ...     print(exc.problems[0])
    feature place:1: coordinates out of range; properties: missing id, name, place_type, ...
    """
    if not isinstance(obj, dict) or obj.get("type") != "FeatureCollection" or not isinstance(obj.get("features"),
                                                                                          list):
        raise CollectionError(f"{source} is not a GeoJSON FeatureCollection")
    features = obj["features"]
    ours = "conflictmap" in obj or any(
        isinstance(f, dict) and isinstance(f.get("properties"), dict) and f["properties"].get("kind") in PROPERTIES
        for f in features)
    if not ours:
        raise CollectionError(f"{source} is not a conflictmap export (no 'conflictmap' member and no feature "
                              f"of kind {', '.join(PROPERTIES)})")
    problems = []
    seen: set[str] = set()
    for index, feature in enumerate(features):
        found = list(_feature_problems(feature))
        fid = feature.get("id") if isinstance(feature, dict) else None
        label = f"feature {fid}" if isinstance(fid, str) and fid else f"feature #{index + 1}"
        if isinstance(fid, str) and fid in seen:
            found.insert(0, "id repeats an earlier feature's")
        if isinstance(fid, str):
            seen.add(fid)
        if found:
            more = f" (and {len(found) - _MAX_PROBLEMS} more)" if len(found) > _MAX_PROBLEMS else ""
            problems.append(printable(f"{label}: {'; '.join(found[:_MAX_PROBLEMS])}{more}"))
    if problems:
        raise CollectionError(f"{source}: {len(problems)} of {len(features)} features break the contract; "
                              "nothing drawn", problems)
    return typing.cast(FeatureCollection, obj)


def _feature_problems(feature: Any) -> Iterator[str]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        yield "not a GeoJSON Feature"
        return
    if not isinstance(feature.get("id"), str) or not feature["id"]:
        yield "id missing (a string such as 'movement:3')"
    props = feature.get("properties")
    if not isinstance(props, dict):
        yield "properties missing"
        return
    kind = props.get("kind")
    if kind is None:
        yield "properties.kind missing"
        return
    if kind not in PROPERTIES:
        yield f"unknown kind {str(kind)[:40]!r} (expected {', '.join(PROPERTIES)})"
        return
    if "geometry" not in feature:
        yield "geometry missing (null when not drawn)"
    else:
        yield from _geometry_problems(feature["geometry"], GEOMETRIES[kind])
    yield from _value_problems(props, PROPERTIES[kind], "properties")


def _geometry_problems(geometry: Any, allowed: tuple[str | None, ...]) -> Iterator[str]:
    gtype: Any = geometry.get("type") if isinstance(geometry, dict) else geometry
    if geometry is not None and not isinstance(geometry, dict):
        yield "geometry is not a GeoJSON geometry"
    elif gtype not in allowed:
        names = " or ".join("null" if a is None else a for a in allowed)
        yield f"geometry {str(gtype or 'null')[:40]} not allowed here (expected {names})"
    elif geometry is not None:
        yield from _coordinate_problems(geometry.get("coordinates"), _DEPTH[gtype], "coordinates")


def _coordinate_problems(value: Any, depth: int, where: str) -> Iterator[str]:
    """Problems of nested coordinate lists ``depth`` levels above [lon, lat] pairs (first one only)."""
    if not isinstance(value, list):
        yield f"{where} are not a list"
        return
    if depth == 0:
        if len(value) not in (2, 3) or not all(_is_number(v) for v in value):
            yield f"{where} are not numbers [lon, lat]"
        elif not (-180 <= value[0] <= 180 and -90 <= value[1] <= 90):
            yield f"{where} out of range"
        return
    if not value or (depth == 1 and len(value) < 2):
        yield f"{where} have too few positions"
        return
    for part in value:
        problem = next(_coordinate_problems(part, depth - 1, where), None)
        if problem:
            yield problem
            return


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


_SCALARS: dict[Any, tuple[Any, str]] = {
    float: (_is_number, "is not a number"),
    int: (lambda v: isinstance(v, int) and not isinstance(v, bool), "is not a whole number"),
    bool: (lambda v: isinstance(v, bool), "is not true or false"),
    str: (lambda v: isinstance(v, str), "is not a string"),
    type(None): (lambda v: v is None, "is not null"),
}


def _value_problems(value: Any, annotation: Any, where: str) -> Iterator[str]:
    """Problems of ``value`` against a contract annotation: TypedDicts (required keys, recursively),
    ``X | None``, ``list[X]``, ``Literal[...]``, ``str``, ``int``, ``float``, ``bool``, ``dict[...]``."""
    origin = get_origin(annotation)
    if is_typeddict(annotation):
        if not isinstance(value, dict):
            yield f"{where} is not an object"
            return
        # NotRequired seen through the postponed annotations ("from __future__ import annotations"
        # hides it from __required_keys__): such a key may be absent, its value is checked when present
        declared = get_type_hints(annotation, include_extras=True)
        optional = {k for k, h in declared.items() if get_origin(h) is NotRequired}
        hints = {k: get_args(h)[0] if k in optional else h for k, h in declared.items()}
        missing = [k for k in hints if k in annotation.__required_keys__ and k not in optional and k not in value]
        if missing:
            yield f"{where}: missing {', '.join(missing)}"
        for key, hint in hints.items():
            if key in value:
                if key == "coordinates":  # a place reference's [lon, lat]
                    yield from _coordinate_problems(value[key], 0, f"{where}.{key}")
                else:
                    yield from _value_problems(value[key], hint, f"{where}.{key}")
    elif origin in (Union, types.UnionType):
        options = get_args(annotation)
        if value is None and type(None) in options:
            return
        found = [list(_value_problems(value, o, where)) for o in options if o is not type(None)]
        if all(found):
            yield min(found, key=len)[0]
    elif origin is Literal:
        if value not in get_args(annotation):
            yield f"{where} is {str(value)[:40]!r}, not one of {', '.join(map(str, get_args(annotation)))}"
    elif origin is list:
        if not isinstance(value, list):
            yield f"{where} is not a list"
            return
        for i, item in enumerate(value):
            problem = next(_value_problems(item, get_args(annotation)[0], f"{where}[{i}]"), None)
            if problem:
                yield problem
                return
    elif origin is dict or annotation is dict:
        if not isinstance(value, dict):
            yield f"{where} is not an object"
            return
        keys, values = get_args(annotation) or (Any, Any)
        for key, item in value.items():  # "dict[Role, str]": each key and each value checked
            problem = next((p for p in (*_value_problems(key, keys, f"{where} key"),
                                        *_value_problems(item, values, f"{where}.{str(key)[:40]}")) if p), None)
            if problem:
                yield problem
                return
    elif annotation in _SCALARS:
        accepts, complaint = _SCALARS[annotation]
        if not accepts(value):
            yield f"{where} {complaint}"
