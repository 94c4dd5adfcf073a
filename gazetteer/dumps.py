"""A user's own GeoNames dump files (``allCountries.zip``, ``XX.zip``, ``XX.txt``) as a source.

GeoNames publishes them at https://download.geonames.org/export/dump/ (CC BY 4.0): 19 tab-separated
columns (geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature
code, country code, cc2, admin1..admin4 codes, population, elevation, dem, timezone, modification
date). They hold every village and named feature, where the registry packages stop at towns of 1,000.

Their rows are added on top of the default build (records are *supplementary*): an entity the build
already has (same GeoNames id) is not added twice, only given its feature code when it had none.
Nothing here downloads anything; the user passes files already on disk.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from conflictmap.gazetteer.errors import GazetteerBuildError
from conflictmap.gazetteer.model import Place, PlaceKind
from conflictmap.gazetteer.normalize import fold
from conflictmap.gazetteer.sources import (
    ARABIC_ARTICLE_COUNTRIES,
    NameType,
    SourceData,
    SourcePlace,
    keep_source_alias,
    prior,
    without_arabic_article,
)

logger = logging.getLogger(__name__)

N_COLUMNS = 19
# A named feature that is not a populated place (a stream, a hill, a school, a checkpoint) ranks
# below any village, so a namesake village always comes first; said alone, it is still found.
NAMED_FEATURE_PRIOR = -1.0
# Countries and dependencies come from Natural Earth, with outlines; their GeoNames rows are skipped.
_SKIPPED_CODES = re.compile(r"^(PCL.*|TERR|PRSH|ZN|ZNB)$")
_DATA_MEMBER = re.compile(r"^(?!readme)[^/]*\.txt$", re.IGNORECASE)


def kind_of(feature_class: str, feature_code: str) -> PlaceKind | None:
    """The gazetteer kind of a GeoNames feature, or None for rows the dump does not add.

    >>> [kind_of(*f).value for f in [("P", "PPL"), ("A", "ADM1"), ("A", "ADM3"), ("H", "STM")]]
    ['city', 'admin1', 'admin2', 'landmark']
    >>> kind_of("A", "PCLI") is None
    True
    """
    if feature_class == "P":
        return PlaceKind.CITY
    if feature_class == "A":
        if _SKIPPED_CODES.match(feature_code):
            return None
        return PlaceKind.ADMIN1 if feature_code in ("ADM1", "ADM1H") else PlaceKind.ADMIN2
    if feature_class in ("H", "L", "R", "S", "T", "U", "V"):
        return PlaceKind.LANDMARK
    return None


def _open_lines(path: Path) -> Iterator[tuple[str, Iterator[str]]]:
    """(member name, its lines) for each data file of a dump: the file itself, or each ``.txt``
    member of a zip other than GeoNames' readme."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                members = [m for m in zf.namelist() if _DATA_MEMBER.match(m)]
                if not members:
                    raise GazetteerBuildError(f"{path}: no GeoNames .txt file inside the zip")
                for member in members:
                    with zf.open(member) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as fh:
                        yield member, fh
        else:
            with path.open(encoding="utf-8", newline="\n") as fh:
                yield path.name, fh
    except (OSError, zipfile.BadZipFile) as exc:
        raise GazetteerBuildError(f"cannot read GeoNames dump {path}: {exc}") from exc


def _record(cols: list[str]) -> SourcePlace | None:
    gid_s, name, asciiname, alternates, lat_s, lon_s, fclass, fcode, cc = cols[:9]
    admin1, population_s = cols[10], cols[14]
    kind = kind_of(fclass, fcode)
    if kind is None or not name or not fold(name):
        return None
    population = int(population_s or 0)
    capital = fcode == "PPLC"
    place_prior = NAMED_FEATURE_PRIOR if kind is PlaceKind.LANDMARK else prior(kind, population, capital=capital)
    gid = int(gid_s)
    place = Place(
        id=f"geonames:{gid}", name=name, kind=kind, country_code=cc, lat=float(lat_s), lon=float(lon_s),
        population=population, admin1_code=f"{cc}.{admin1}" if cc else "", geonames_id=gid,
        feature=f"{fclass}.{fcode}", prior=place_prior,
    )
    aliases = [(name, NameType.PRIMARY)]
    if asciiname and fold(asciiname) != fold(name):
        aliases.append((asciiname, NameType.OFFICIAL))
    bare = fold(name)
    aliases += [
        (a, NameType.ALTERNATE) for a in alternates.split(",")
        # as for the default build's divisions: a district is not its bare town name
        if keep_source_alias(a) and not (kind is PlaceKind.ADMIN2 and bare.startswith(fold(a) + " "))
    ]
    if cc in ARABIC_ARTICLE_COUNTRIES:
        without = {without_arabic_article(n) for n, _ in aliases} - {""}
        aliases += [(b, NameType.ALTERNATE) for b in sorted(without) if keep_source_alias(b)]
    return SourcePlace(place, aliases, supplementary=True)


def read_geonames_dump(path: Path) -> SourceData:
    """The populated places, divisions and named features of one GeoNames dump file.

    Feature class and code are kept as the place's ``feature`` ("P.PPL", "H.STM"); countries
    (``A.PCL*``) are left to Natural Earth. Alternate names are filtered as the default build's
    (:func:`~conflictmap.gazetteer.sources.keep_source_alias`). Raises
    :class:`~conflictmap.gazetteer.errors.GazetteerBuildError` for a file that is not a dump.
    """
    path = Path(path)
    records: list[SourcePlace] = []
    newest = ""
    try:
        for member, lines in _open_lines(path):
            newest = max(newest, _read_rows(path, member, lines, records))
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise GazetteerBuildError(f"cannot read GeoNames dump {path}: {exc}") from exc
    logger.info("GeoNames dump %s: %d places", path, len(records))
    return SourceData(f"GeoNames dump {path.name}", f"rows to {newest or 'unknown'}", records)


def _read_rows(path: Path, member: str, lines: Iterator[str], records: list[SourcePlace]) -> str:
    """Append the records of one data file; return its newest modification date."""
    newest = ""
    for n, line in enumerate(lines, start=1):
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != N_COLUMNS:
            if not line.strip():
                continue
            raise GazetteerBuildError(
                f"{path} ({member}) line {n}: {len(cols)} columns, a GeoNames dump row has {N_COLUMNS}"
            )
        try:
            record = _record(cols)
        except ValueError as exc:
            raise GazetteerBuildError(f"{path} ({member}) line {n}: {exc}") from exc
        if record is not None:
            records.append(record)
            newest = max(newest, cols[18])
    return newest
