"""The export as tables: CSV for spreadsheets, GeoPackage for GIS (QGIS, ogrinfo).

Both are drawn from the same FeatureCollection as the GeoJSON and the map, one row per feature.

CSV cells hold article text, and a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return) as a formula: such text cells get a leading single quote
(OWASP's advice), and control characters other than tab and line breaks (an ESC of a terminal
escape sequence) become U+FFFD. Numbers conflictmap computes (coordinates, precision) are written
as numbers: a negative longitude is data, not a formula.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import types
import warnings
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from conflictmap.gazetteer.atomic import remove_stale_temps, temp_path
from conflictmap.geo.errors import MissingDependency, OutputError
from conflictmap.geo.export.geojson import PROPERTIES
from conflictmap.geo.reading.reader import printable

FORMATS = ("geojson", "csv", "gpkg")
CSV_COLUMNS = ("kind", "id", "name", "lat", "lon", "status", "time", "time_start", "time_end", "actor", "origin",
               "destination", "mode", "size", "speaker", "speaker_kind", "organization", "speaker_country",
               "where_prec", "basis", "text", "sources", "roles")
LAYERS = {"place": "places", "movement": "movements", "statement": "statements"}
LAYER_GEOMETRY = {"place": "Point", "movement": "MultiLineString", "statement": "Point"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def format_for(output: Path | None, requested: str | None) -> str:
    """The export format: the one asked for, else the one the output's suffix names, else GeoJSON.

    >>> format_for(Path("out.CSV"), None), format_for(Path("x.gpkg"), None), format_for(None, None)
    ('csv', 'gpkg', 'geojson')
    >>> format_for(Path("out.txt"), "csv")
    'csv'
    """
    if requested:
        return requested
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    return suffix if suffix in FORMATS else "geojson"


def cell(value: Any) -> Any:
    """A CSV cell: text neutralised for spreadsheets and terminals, numbers as they are.

    >>> [cell(v) for v in ["=HYPERLINK(\\"http://x\\")", "-2+3", "@SUM(A1)", "\\tx", "Kyiv", -77.03, None]]
    ['\\'=HYPERLINK("http://x")', "'-2+3", "'@SUM(A1)", "'\\tx", 'Kyiv', -77.03, '']
    >>> cell("red\\x1b[31m")
    'red\\ufffd[31m'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = _CONTROLS.sub("\ufffd", str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _ref_name(ref: Any) -> str | None:
    return ref.get("name") if isinstance(ref, dict) else None


def _unlisted_name(name: Any) -> str | None:
    """An end the gazetteer has no place for, as written, marked so."""
    return f"{name} (not in the gazetteer)" if isinstance(name, str) and name else None


def _point(feature: dict[str, Any]) -> tuple[float, float] | tuple[None, None]:
    """(lat, lon) of a feature's row: its Point; for a movement its destination, else the one end known."""
    geometry = feature.get("geometry")
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        lon, lat = geometry["coordinates"][:2]
        return lat, lon
    p = feature["properties"]
    if p.get("kind") == "movement":
        for ref in (p.get("destination"), p.get("origin"), *(p.get("via") or [])):
            if isinstance(ref, dict) and isinstance(ref.get("coordinates"), list):
                lon, lat = ref["coordinates"][:2]
                return lat, lon
    return None, None


def _sources(refs: Any) -> str:
    return "; ".join(f"{r.get('doc')}:{r.get('start')}-{r.get('end')}" for r in refs or [] if isinstance(r, dict))


def csv_row(feature: dict[str, Any]) -> dict[str, Any]:
    """One feature as a row of :data:`CSV_COLUMNS` (values not yet neutralised)."""
    p = feature["properties"]
    kind = p["kind"]
    lat, lon = _point(feature)
    time = p.get("time")
    row: dict[str, Any] = {"kind": kind, "id": feature.get("id"), "lat": lat, "lon": lon,
                           "where_prec": p.get("where_prec")}
    if isinstance(time, dict):  # {"text", "start", "end"} once times are normalised
        row.update(time=time.get("text"), time_start=time.get("start"), time_end=time.get("end"))
    else:
        row["time"] = time
    if kind == "place":
        roles = [m.get("role") for m in p.get("mentions") or [] if isinstance(m, dict)]
        row.update(name=p.get("name"), sources=_sources(p.get("mentions")),
                   roles="; ".join(str(r) for r in dict.fromkeys(roles)))
    elif kind == "movement":
        unlisted = p.get("unlisted") if isinstance(p.get("unlisted"), dict) else {}
        origin, destination = (_ref_name(p.get(role)) or _unlisted_name(unlisted.get(role))
                               for role in ("origin", "destination"))
        row.update(name=f"{origin or '?'} → {destination or '?'}", status=p.get("status"), actor=p.get("actor"),
                   origin=origin, destination=destination, mode=p.get("mode"), size=p.get("size"),
                   basis=p.get("origin_basis"), sources=_sources(p.get("sources")),
                   where_prec=max((r.get("where_prec") or 0 for r in (p.get("origin"), p.get("destination"))
                                   if isinstance(r, dict)), default=None))
    else:
        row.update(name=_ref_name(p.get("place")), speaker=p.get("speaker") or p.get("speaker_text"),
                   speaker_kind=p.get("speaker_kind"), organization=p.get("organization"),
                   speaker_country=p.get("speaker_country"), basis=p.get("basis"), text=p.get("text"),
                   sources=_sources(p.get("sources")))
    return row


def to_csv(collection: dict[str, Any], *, bom: bool = False) -> str:
    """The collection as CSV text, one row per feature (header :data:`CSV_COLUMNS`); ``bom`` starts
    it with a UTF-8 byte-order mark so spreadsheet programs read it as UTF-8."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for feature in collection["features"]:
        writer.writerow({k: cell(v) for k, v in csv_row(feature).items()})
    return ("\ufeff" if bom else "") + out.getvalue()


def require_geopandas() -> None:
    """Raise :class:`MissingDependency` unless geopandas and pyogrio can be imported."""
    try:
        import geopandas  # noqa: F401
        import pyogrio  # noqa: F401
    except ImportError as exc:
        raise MissingDependency("the gpkg format needs geopandas and pyogrio: "
                                "pip install 'conflictmap[geopandas]'") from exc


def _is_scalar(hint: Any) -> bool:
    """Whether a contract field is a plain value (else it is stored as a JSON string)."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return all(_is_scalar(a) for a in get_args(hint))
    return origin is Literal or hint in (str, int, float, bool, type(None))


def _integer(hint: Any) -> bool:
    return int in (get_args(hint) or (hint,)) and bool not in (get_args(hint) or (hint,))


def layer_frame(collection: dict[str, Any], kind: str) -> Any:
    """The features of ``kind`` as a GeoDataFrame (EPSG:4326): ``feature_id``, then the contract's
    properties in its order, nested ones (place references, sources, size claims) as JSON strings;
    features without a geometry keep an empty one."""
    import geopandas
    import pandas as pd
    from shapely.geometry import MultiLineString, shape

    hints = {k: h for k, h in get_type_hints(PROPERTIES[kind]).items() if k != "kind"}
    rows, geometries = [], []
    for f in collection["features"]:
        p = f["properties"]
        if p.get("kind") != kind:
            continue
        row: dict[str, Any] = {"feature_id": f.get("id")}
        for key, hint in hints.items():
            value = p.get(key)
            row[key] = value if _is_scalar(hint) and not isinstance(value, dict | list) else (
                None if value is None else json.dumps(value, ensure_ascii=False))
        rows.append(row)
        geom = shape(f["geometry"]) if f.get("geometry") else None
        if geom is not None and geom.geom_type == "LineString":
            geom = MultiLineString([geom])  # one geometry type per layer
        geometries.append(geom)
    frame = pd.DataFrame(rows, columns=["feature_id", *hints])
    for key, hint in hints.items():
        if _integer(hint):
            frame[key] = frame[key].astype("Int64")
    return geopandas.GeoDataFrame(frame, geometry=geopandas.GeoSeries(geometries, crs="EPSG:4326"))


def write_gpkg(collection: dict[str, Any], path: Path) -> dict[str, int]:
    """Write the collection as a GeoPackage with one layer per kind (:data:`LAYERS`), atomically
    (temp file, fsync, rename); return the number of features per layer."""
    require_geopandas()
    import pyogrio
    import pyogrio.errors

    remove_stale_temps(path)
    tmp = temp_path(path)
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()  # the writability probe's, if any: GDAL must create the file itself
    counts = {}
    try:
        with warnings.catch_warnings():  # GDAL would like the temp file's name to end in .gpkg
            warnings.filterwarnings("ignore", message=".*extension.*",
                                    category=RuntimeWarning)
            for kind, layer in LAYERS.items():
                frame = layer_frame(collection, kind)
                pyogrio.write_dataframe(frame, tmp, layer=layer, driver="GPKG", geometry_type=LAYER_GEOMETRY[kind])
                counts[layer] = len(frame)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except (OSError, pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise OutputError(f"cannot write {printable(str(path))}: {getattr(exc, 'strerror', None) or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return counts
