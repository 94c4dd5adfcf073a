"""Build the SQLite gazetteer from the sources, atomically, with a checksum beside it."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import math
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from conflictmap.gazetteer import borders
from conflictmap.gazetteer import sources as src
from conflictmap.gazetteer.atomic import atomic_write_text, remove_stale_temps, temp_path
from conflictmap.gazetteer.dumps import read_geonames_dump
from conflictmap.gazetteer.errors import GazetteerBuildError
from conflictmap.gazetteer.model import PlaceKind
from conflictmap.gazetteer.normalize import fold, is_dotted
from conflictmap.gazetteer.weights import WEIGHTS

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 4

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places(
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL,
    geonames_id INTEGER,
    feature TEXT NOT NULL,
    has_shape INTEGER NOT NULL,  -- 0 none, 1 surveyed outline, 2 approximate (hull of its towns)
    prior REAL NOT NULL
);
CREATE TABLE aliases(key TEXT NOT NULL, pk INTEGER NOT NULL, name_type INTEGER NOT NULL,
                     PRIMARY KEY(key, pk)) WITHOUT ROWID;
CREATE TABLE shapes(pk INTEGER PRIMARY KEY, wkb BLOB NOT NULL);
CREATE TABLE demonyms(key TEXT PRIMARY KEY, country_code TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE point_index USING rtree(pk, min_lat, max_lat, min_lon, max_lon);
CREATE VIRTUAL TABLE shape_index USING rtree(pk, min_lon, max_lon, min_lat, max_lat);
"""
INDEXES = """
CREATE INDEX places_geonames ON places(geonames_id);
CREATE INDEX places_admin1 ON places(admin1_code);
"""

Progress = Callable[[str, int], Any]  # (stage, total) -> object with update(n) and close()


@dataclass(frozen=True, slots=True)
class BuildReport:
    path: Path
    places: int
    aliases: int
    shapes: int
    seconds: float
    size_bytes: int


# The committed files a default build reads: a gazetteer built from other versions of them is stale.
BUILD_DATA_FILES = (src.CURATED_FILE, src.ALIASES_FILE, src.DEMONYMS_FILE, src.ADMIN1_FILE)


@functools.cache
def inputs_digest() -> str:
    """A short hash of the ranking priors and of the committed data the build reads (curated
    places, aliases, nationality words, admin-1 regions), stored in the gazetteer's metadata as
    ``priors``: an edit to any of them makes every gazetteer built before it stale, so the default
    one is rebuilt on open and an explicit one refused, never used with old names or numbers."""
    digest = hashlib.sha256(WEIGHTS.priors.digest().encode("utf-8"))
    digest.update(b"\0" + borders.PARAMETERS.encode("utf-8"))
    for path in BUILD_DATA_FILES:
        digest.update(b"\0" + path.name.encode("utf-8") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"missing")  # the build will say so; opening only compares
    return digest.hexdigest()[:16]


def checksum_path(db: Path) -> Path:
    """The sidecar file holding the database's SHA-256."""
    return db.with_name(db.name + ".sha256")


def file_sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def default_sources(min_population: int) -> list[Callable[[], src.SourceData]]:
    return [
        lambda: src.read_geonames_cities(min_population),
        src.read_natural_earth_countries,
        src.read_natural_earth_admin1,
        src.read_geonames_continents,
        src.read_curated,
        src.read_geonames_divisions,
        src.read_country_demonyms,
    ]


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _no_progress(stage: str, total: int) -> _NoProgress:
    logger.info("building the gazetteer: %s (%d)", stage, total)
    return _NoProgress()


def build(
    output: Path,
    *,
    min_population: int = 1000,
    sources: Sequence[Callable[[], src.SourceData]] | None = None,
    geonames: Sequence[Path] = (),
    progress: Progress | None = None,
) -> BuildReport:
    """Build the gazetteer at ``output``, replacing any previous file only when complete.

    Parameters
    ----------
    output
        Destination SQLite file; its folder must exist. Checked for writing before any work.
    min_population
        Smallest GeoNames populated place to include (default 1000).
    sources
        Zero-argument callables returning :class:`~gazetteer.sources.SourceData`; the default is
        every registry-installed source plus the curated files.
    geonames
        GeoNames dump files (``allCountries.zip``, ``XX.zip``, ``XX.txt``) whose places are added
        on top of ``sources`` (see :mod:`conflictmap.gazetteer.dumps`).
    progress
        A factory ``(stage, total) -> bar`` (``update(n)``, ``close()``) for a progress display, such
        as the command line's bar; none by default (the library never prints: stages are logged).
    """
    started = time.perf_counter()
    bar_factory: Progress = progress if progress is not None else _no_progress

    output = Path(output)
    tmp = _claim(output)
    try:
        loaders = list(sources) if sources is not None else default_sources(min_population)
        loaders += [functools.partial(read_geonames_dump, Path(dump)) for dump in geonames]
        stage = bar_factory("reading sources", len(loaders))
        datasets = []
        for load in loaders:
            datasets.append(load())
            stage.update(1)
        stage.close()
        counts = _write(tmp, datasets, min_population=min_population, bar_factory=bar_factory)
        digest = file_sha256(tmp)
        atomic_write_text(checksum_path(output), f"{digest}  {output.name}\n")
        os.replace(tmp, output)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return BuildReport(output, *counts, time.perf_counter() - started, output.stat().st_size)


def _claim(output: Path) -> Path:
    """Check that ``output`` can be written before a minute of work, and create its temp file.
    Raises :class:`GazetteerBuildError` in one line when it cannot."""
    if output.is_symlink() or (output.exists() and not output.is_file()):
        raise GazetteerBuildError(f"cannot write {output}: it exists and is not a regular file")
    if not output.parent.is_dir():
        raise GazetteerBuildError(f"cannot write {output}: folder {output.parent} does not exist")
    remove_stale_temps(output)
    tmp = temp_path(output)
    try:
        tmp.open("wb").close()
    except OSError as exc:
        raise GazetteerBuildError(f"cannot write {output}: {exc.strerror or exc}") from exc
    return tmp


def _write(
    path: Path, datasets: list[src.SourceData], *, min_population: int, bar_factory: Progress
) -> tuple[int, int, int]:
    from shapely import wkb
    from shapely.ops import unary_union

    records = [r for d in datasets for r in d.records]
    # A first-order region without a population of its own counts the people of its towns
    people: dict[str, int] = {}
    for r in records:
        if r.place.kind is PlaceKind.CITY and r.place.admin1_code:
            people[r.place.admin1_code] = people.get(r.place.admin1_code, 0) + r.place.population
    for r in records:
        p = r.place
        if p.kind is PlaceKind.ADMIN1 and not p.population and people.get(p.admin1_code):
            r.place = replace(p, population=people[p.admin1_code], prior=src.prior(p.kind, people[p.admin1_code]))
    by_id: dict[str, src.SourcePlace] = {}
    geonames_ids: set[int] = set()
    admin1_names: set[tuple[str, str]] = set()
    for r in sorted(records, key=lambda r: r.supplementary):  # stable: source order otherwise
        p = r.place
        if p.id in by_id:
            if not r.supplementary:
                logger.warning("duplicate place id %s: keeping the first", p.id)
            elif p.feature and not by_id[p.id].place.feature:  # a dump's feature code for a known town
                by_id[p.id].place = replace(by_id[p.id].place, feature=p.feature)
            continue
        if r.supplementary and (
            p.geonames_id in geonames_ids
            # a division Natural Earth has under the same name; a village may share its region's name
            or (p.kind is not PlaceKind.CITY and (p.country_code, fold(p.name)) in admin1_names)
        ):
            continue
        by_id[p.id] = r
        if p.geonames_id is not None:
            geonames_ids.add(p.geonames_id)
        if p.kind is PlaceKind.ADMIN1:
            admin1_names.add((p.country_code, fold(p.name)))

    # Curated outlines are unions of places the sources already have.
    for r in by_id.values():
        if r.geometry_spec:
            parts = _resolve_geometry_spec(r.geometry_spec, by_id)
            if not parts:
                logger.warning("%s: outline %r matched nothing", r.place.id, r.geometry_spec)
                continue
            geom = unary_union(parts).simplify(SIMPLIFY_UNION_DEG, preserve_topology=True)
            r.geometry = geom
            place = replace(r.place, has_shape=True)
            if math.isnan(place.lat) or math.isnan(place.lon):
                pt = geom.representative_point()
                place = replace(place, lat=round(pt.y, 4), lon=round(pt.x, 4))
            r.place = place
        if math.isnan(r.place.lat):
            raise GazetteerBuildError(f"{r.place.id}: no coordinates and no outline")

    # Land borders, derived from the country outlines ("the X-Y border" is a band, not either country)
    countries = [(r.place, r.geometry) for r in by_id.values() if r.place.kind is PlaceKind.COUNTRY]
    for place, band in borders.border_places(countries, src.prior(PlaceKind.REGION)):
        by_id[place.id] = src.SourcePlace(place, [(place.name, src.NameType.PRIMARY)], band)

    con = sqlite3.connect(path)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;")
        con.executescript(SCHEMA)
        bar = bar_factory("writing places", len(by_id))
        alias_rows: dict[tuple[str, int], int] = {}
        pk_of: dict[str, int] = {}
        n_shapes = 0
        for pk, r in enumerate(by_id.values(), start=1):
            p = r.place
            pk_of[p.id] = pk
            con.execute(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (pk, p.id, p.name, p.kind.value, p.country_code, p.admin1_code, p.lat, p.lon,
                 p.population, p.geonames_id, p.feature,
                 0 if r.geometry is None else 2 if p.approximate_shape else 1, p.prior),
            )
            con.execute("INSERT INTO point_index VALUES (?,?,?,?,?)", (pk, p.lat, p.lat, p.lon, p.lon))
            if r.geometry is not None:
                minx, miny, maxx, maxy = r.geometry.bounds
                con.execute("INSERT INTO shapes VALUES (?,?)", (pk, wkb.dumps(r.geometry)))
                con.execute("INSERT INTO shape_index VALUES (?,?,?,?,?)", (pk, minx, maxx, miny, maxy))
                n_shapes += 1
            for name, name_type in r.aliases:
                key = fold(name)
                if key:
                    k = (key, pk)
                    alias_rows[k] = min(alias_rows.get(k, 9), int(name_type))
            if pk % 5000 == 0:
                bar.update(5000)
        bar.close()
        for d in datasets:
            for alias, target in d.aliases:
                if target not in pk_of:
                    logger.info("alias %r: target %s not in this build", alias, target)
                    continue
                k = (fold(alias), pk_of[target])
                name_type = src.NameType.ABBREVIATION if is_dotted(alias) else src.NameType.OFFICIAL
                alias_rows[k] = min(alias_rows.get(k, 9), int(name_type))
        con.executemany(
            "INSERT INTO aliases VALUES (?,?,?)", ((k, pk, t) for (k, pk), t in alias_rows.items())
        )
        demonyms: dict[str, str] = {}
        for d in datasets:  # the first source to name a word wins: curated rows before countryinfo
            for word, code in d.demonyms:
                demonyms.setdefault(fold(word), code)
        con.executemany("INSERT INTO demonyms VALUES (?,?)", demonyms.items())
        con.executescript(INDEXES)
        meta = {
            "schema_version": str(SCHEMA_VERSION),
            "priors": inputs_digest(),  # the priors' numbers and the curated data the build read
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "min_population": str(min_population),
            "sources": json.dumps([{"name": d.name, "version": d.version, "places": len(d.records)}
                                   for d in datasets]),
            "builder": f"conflictmap {src.package_version('conflictmap')}",
        }
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    return len(by_id), len(alias_rows), n_shapes


SIMPLIFY_UNION_DEG = 0.05


def _resolve_geometry_spec(spec: str, by_id: dict[str, src.SourcePlace]) -> list[Any]:
    """Outline parts named by a curated spec.

    ``countries:KP KR`` — union of those countries; ``admin1:UA-14 UA-09`` — of those regions;
    ``group:RU/Far Eastern`` — every admin-1 region of a country in that Natural Earth grouping;
    ``continent:Europe`` — every country Natural Earth puts on that continent;
    ``bbox:W S E N`` — a lon/lat box, for regions with no agreed boundary.
    """
    from shapely.geometry import box

    kind, _, arg = spec.partition(":")
    parts: list[Any] = []
    if kind == "countries":
        parts = [by_id[f"ne-admin0:{c}"].geometry for c in arg.split() if f"ne-admin0:{c}" in by_id]
    elif kind == "admin1":
        parts = [by_id[f"ne-admin1:{c}"].geometry for c in arg.split() if f"ne-admin1:{c}" in by_id]
    elif kind == "group":
        country, _, group = arg.partition("/")
        parts = [r.geometry for r in by_id.values()
                 if r.place.kind is PlaceKind.ADMIN1 and r.place.country_code == country and r.group == group]
    elif kind == "continent":
        parts = [r.geometry for r in by_id.values()
                 if r.place.kind is PlaceKind.COUNTRY and r.group == arg and r.geometry is not None]
    elif kind == "bbox":
        w, s, e, n = (float(x) for x in arg.split())
        parts = [box(w, s, e, n)]
    else:
        raise GazetteerBuildError(f"unknown outline spec {spec!r}")
    return [p for p in parts if p is not None]
