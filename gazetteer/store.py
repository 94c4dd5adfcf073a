"""Read-only access to a built gazetteer: lookups, ranking, nearest place, point in region."""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import os
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from conflictmap.gazetteer import borders
from conflictmap.gazetteer.atomic import atomic_write_text
from conflictmap.gazetteer.build import SCHEMA_VERSION, checksum_path, file_sha256, inputs_digest
from conflictmap.gazetteer.errors import GazetteerCorrupt, GazetteerNotFound, GazetteerStale
from conflictmap.gazetteer.model import Candidate, Place, PlaceKind
from conflictmap.gazetteer.normalize import fold, is_dotted
from conflictmap.gazetteer.ranking import (
    ABBREVIATION,
    Evidence,
    context_ngrams,
    great_circle_km,
    parse_query,
    score_candidates,
)
from conflictmap.gazetteer.weights import WEIGHTS

logger = logging.getLogger(__name__)

ENV_VAR = "CONFLICTMAP_GAZETTEER"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_COLUMNS = "p.pk, p.id, p.name, p.kind, p.country_code, p.admin1_code, p.lat, p.lon, " \
           "p.population, p.geonames_id, p.feature, p.has_shape, p.prior"
_KINDS = {k.value: k for k in PlaceKind}
# A short word in capitals is an acronym; only a place's own names and curated codes match it.
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
ALTERNATE = 2  # sources.NameType.ALTERNATE (sources imports the store's siblings, not the store)
_PLURAL = re.compile(r"(?<=[a-z])s$")  # "Ukrainians" -> "Ukrainian"


def default_path() -> Path:
    """Where the gazetteer lives: ``$CONFLICTMAP_GAZETTEER`` or the user's cache directory."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("conflictmap")) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def _check_file(path: Path) -> None:
    if not path.exists():
        raise GazetteerNotFound(f"no gazetteer at {path}; run `conflictmap gazetteer build`")
    if not path.is_file():
        raise GazetteerCorrupt(f"{path} is not a regular file")
    size = path.stat().st_size
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or header[:16] != _SQLITE_MAGIC:
        raise GazetteerCorrupt(f"{path} is not a gazetteer database (not SQLite)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if page_count and page_size * page_count != size:
        raise GazetteerCorrupt(
            f"{path} is truncated or damaged ({size} bytes, header says {page_size * page_count});"
            " rebuild it with `conflictmap gazetteer build`"
        )


_VERIFIED: set[tuple[str, str]] = set()  # (path, file version) checked in this process


def _version(path: Path) -> str:
    """What changes whenever the file's bytes do: size, modification and change times, inode
    (the change time cannot be set back by a user, so a restored mtime does not hide an edit)."""
    st = path.stat()
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"


def _check_checksum_once(path: Path) -> None:
    """Compare the file with its SHA-256 sidecar once per file version: the first open after a
    build or a change hashes the file (~0.1 s for the full gazetteer) and records the version in a
    ``.verified`` stamp beside it; later opens compare a stat. No sidecar: nothing to compare."""
    sidecar = checksum_path(path)
    stamp = path.with_name(path.name + ".verified")
    version = _version(path)
    if (str(path), version) in _VERIFIED or not sidecar.exists():
        return
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if stamp.read_text(encoding="utf-8").strip() == version:
            _VERIFIED.add((str(path), version))
            return
    try:
        expected = sidecar.read_text(encoding="utf-8").split()[0]
    except (OSError, UnicodeDecodeError, IndexError) as exc:
        raise GazetteerCorrupt(f"{sidecar} is unreadable; rebuild with `conflictmap gazetteer build`") from exc
    if file_sha256(path) != expected:
        raise GazetteerCorrupt(
            f"{path} does not match its checksum (damaged since it was built); "
            "rebuild it with `conflictmap gazetteer build`"
        )
    _VERIFIED.add((str(path), version))
    with contextlib.suppress(OSError):  # a read-only folder: hash again next time
        atomic_write_text(stamp, version + "\n")


CONTAINERS = (PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2)  # what a qualifier ("X, Y") may name


def holds(container: Place, place: Place) -> bool:
    """Whether ``place`` lies in ``container`` by its codes: a country holds its country's places, a
    division those of its admin-1 key (a county or parish: at least its first-order region's)."""
    if container.id == place.id:
        return False
    if container.kind is PlaceKind.COUNTRY:
        return bool(container.country_code) and place.country_code == container.country_code
    return bool(container.admin1_code) and place.admin1_code == container.admin1_code


class Gazetteer:
    """A built gazetteer, opened read-only.

    >>> gaz = Gazetteer.open()                       # doctest: +SKIP
    >>> gaz.best("Kursk region").name                # doctest: +SKIP
    'Kursk'
    """

    def __init__(self, path: Path, *, verify_checksum: bool = True) -> None:
        self.path = Path(path)
        _check_file(self.path)
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._con.execute("PRAGMA query_only=1")
            self.meta = dict(self._con.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            raise GazetteerCorrupt(f"{self.path} is damaged: {exc}") from exc
        version = self.meta.get("schema_version")
        if version != str(SCHEMA_VERSION):
            raise GazetteerCorrupt(
                f"{self.path} has schema version {version}, this conflictmap needs {SCHEMA_VERSION};"
                " rebuild it with `conflictmap gazetteer build`"
            )
        if self.meta.get("priors") != inputs_digest():
            raise GazetteerStale(
                f"{self.path} was built with other ranking priors or curated data than this conflictmap uses;"
                " rebuild it with `conflictmap gazetteer build`"
            )
        if verify_checksum:
            _check_checksum_once(self.path)
        self._lookup = functools.lru_cache(maxsize=200_000)(self._lookup_uncached)
        self._demonym = functools.lru_cache(maxsize=10_000)(self._demonym_uncached)
        self._capitals: dict[str, Place] | None = None

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open ``path`` or the default gazetteer (see :func:`default_path`)."""
        return cls(path or default_path())

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ low level

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        try:
            return self._con.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as exc:
            raise GazetteerCorrupt(f"{self.path} is damaged: {exc}") from exc

    @staticmethod
    def _place(row: tuple) -> Place:
        if row[3] not in _KINDS:
            raise GazetteerCorrupt(f"place {row[1]} has an unknown kind {row[3]!r}; rebuild the gazetteer")
        return Place(
            id=row[1], name=row[2], kind=_KINDS[row[3]], country_code=row[4], admin1_code=row[5],
            lat=row[6], lon=row[7], population=row[8], geonames_id=row[9], feature=row[10],
            has_shape=bool(row[11]), approximate_shape=row[11] == 2, prior=row[12],
        )

    def _lookup_uncached(self, key: str) -> tuple[tuple[Place, int], ...]:
        rows = self._query(
            f"SELECT {_COLUMNS}, a.name_type FROM aliases a JOIN places p ON p.pk = a.pk WHERE a.key = ?",
            (key,),
        )
        return tuple((self._place(r), r[13]) for r in rows)

    def lookup(self, name: str) -> tuple[tuple[Place, int], ...]:
        """Every place with an alias equal to ``name`` once folded, with the alias's name type
        (0 primary, 1 official or curated, 2 alternate, 3 dotted abbreviation). Unranked."""
        return self._lookup(fold(name))

    # ------------------------------------------------------------------ public API

    def get(self, place_id: str) -> Place | None:
        """The place with this id ("geonames:2013348", "ne-admin1:RU-KRS"), or None."""
        rows = self._query(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (place_id,))
        return self._place(rows[0]) if rows else None

    def by_geonames_id(self, geonames_id: int) -> Place | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM places p WHERE p.geonames_id = ?", (geonames_id,))
        return self._place(rows[0]) if rows else None

    def demonym(self, word: str) -> str | None:
        """What a nationality word names: an ISO alpha-2 country ("North Korean" -> "KP"), or the
        place id of a nation within a country, a continent or a bloc ("English" -> England's
        "geonames:6269131", "European" -> "geonames:6255148"), or None."""
        return self._demonym(word)

    def demonym_country(self, word: str) -> str | None:
        """The ISO alpha-2 country of a nationality word ("English" -> "GB"), or None when it names
        no single country ("European", "Arab")."""
        value = self._demonym(word)
        if value is None or ":" not in value:
            return value
        place = self.get(value)
        return place.country_code or None if place is not None else None

    def _demonym_uncached(self, word: str) -> str | None:
        for form in (word, _PLURAL.sub("", word)):
            rows = self._query("SELECT country_code FROM demonyms WHERE key = ?", (fold(form),))
            if rows:
                return rows[0][0]
        return None

    def border(self, text: str, *, home: str | None = None) -> Place | None:
        """The land border a phrase names: "the Chad-Sudan border", "the Polish-Belarusian frontier",
        "the border between Chad and Sudan" (the band two countries share), "the Ukrainian border",
        "Ukraine's border", "the border with China" (all the country's land borders, the other side
        unnamed), "Ukraine's western border" (the shared border lying that way, when one does), "the
        southern border" (``home``'s, the country the context gives). None when the phrase names no
        border or two countries that share none."""
        parsed = borders.parse_border(text)
        codes = borders.resolve_sides(parsed, self._country_code, home) if parsed is not None else None
        if parsed is None or codes is None:
            return None
        if len(codes) == 2:
            return self.get(borders.pair_id(*codes))
        ring = self.get(borders.ring_id(codes[0]))
        outline = self.shape(f"ne-admin0:{codes[0]}") if ring is not None and parsed.direction else None
        if ring is None or outline is None:
            return ring
        return borders.toward(borders.main_part(outline), self._shared_borders(codes[0]), parsed.direction) or ring

    def _shared_borders(self, code: str) -> list[Place]:
        """The borders a country shares with each neighbour."""
        rows = self._query(f"SELECT {_COLUMNS} FROM places p WHERE p.id LIKE ? OR p.id LIKE ?",
                           (f"border:{code}-%", f"border:%-{code}"))
        return [self._place(r) for r in rows]

    def _country_code(self, words: str) -> str | None:
        """The country a name ("U.S.", "North Korea") or a nationality word ("Mexican") names."""
        named = [p.country_code for p, name_type in self.lookup(words)
                 if p.kind is PlaceKind.COUNTRY and name_type < ALTERNATE]
        if named:
            return named[0]
        value = self._demonym(words)
        return value if value is not None and ":" not in value else None

    def capital(self, country_code: str) -> Place | None:
        """The national capital of a country, as GeoNames marks it, or None."""
        if self._capitals is None:
            rows = self._query(
                f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'city' AND p.feature = 'capital' "
                "ORDER BY p.population"
            )
            self._capitals = {row[4]: self._place(row) for row in rows}  # the most populous wins
        return self._capitals.get(country_code.upper())

    def candidates(
        self,
        query: str,
        *,
        country: str | None = None,
        kinds: Iterable[PlaceKind] | None = None,
        evidence: Evidence | None = None,
        limit: int = 10,
    ) -> list[Candidate]:
        """Places ``query`` may name, best first.

        Parameters
        ----------
        query
            A place name as written, optionally qualified: "Tripoli, Lebanon", "Georgia (US
            state)", "Kursk region", "the Kremlin", "North Korea's".
        country
            Keep only places in this ISO 3166-1 alpha-2 country.
        kinds
            Keep only these kinds of place.
        evidence
            Countries and regions the surrounding text is about (see :meth:`evidence`).
        limit
            How many candidates to return at most.

        Raises
        ------
        QueryError
            When the query is empty once punctuation is removed.
        """
        parsed = parse_query(query)
        pool: dict[str, tuple[Place, int, str]] = {}
        acronym = _ACRONYM.match(parsed.text) is not None
        for key in parsed.keys:
            for place, name_type in self._lookup(key):
                if name_type == ABBREVIATION and "." not in parsed.text:
                    continue  # "Ky." is Kentucky; "KY" or "ky" is not asked for here
                if acronym and name_type == ALTERNATE:
                    continue  # an acronym is a body's ("HAMAS"), not some town's alternate name
                old = pool.get(place.id)
                if old is None or name_type < old[1]:
                    pool[place.id] = (place, name_type, key)
            if pool and key == parsed.keys[0]:
                break  # the query as written matched: do not widen to stripped forms
        border = self.border(query)
        if border is not None:  # "the X-Y border": the band along the line, not either country
            pool[border.id] = (border, 0, fold(query))
        if is_dotted(parsed.text) and any(t == ABBREVIATION for _, t, _ in pool.values()):
            # "Kan." is written as an abbreviation: Kansas, not the town of Kan
            pool = {k: e for k, e in pool.items() if e[1] == ABBREVIATION}
        wanted = set(kinds) if kinds else None
        entries = [
            e for e in pool.values()
            if (not country or e[0].country_code == country.upper()) and (wanted is None or e[0].kind in wanted)
        ]
        qualifier = self._container(parsed.qualifier, [e[0] for e in entries]) if parsed.qualifier else None
        ranked = score_candidates(entries, parsed, qualifier=qualifier, evidence=evidence)
        return ranked[:limit]

    def _container(self, qualifier: str, places: list[Place]) -> Place | None:
        """The country or division a qualifier names: the best-ranked one that holds one of
        ``places`` ("Bosaso, Bari" is Bari region, Somalia, not Bari, Italy), else the best."""
        if not fold(qualifier):
            return None
        found = [c.place for c in self.candidates(qualifier, kinds=CONTAINERS, limit=5)]
        return next((q for q in found if any(holds(q, p) for p in places)), found[0] if found else None)

    def best(self, query: str, **kwargs: Any) -> Place | None:
        """The top candidate's place, or None when nothing matches."""
        found = self.candidates(query, limit=1, **kwargs)
        return found[0].place if found else None

    def evidence(self, text: str) -> Evidence:
        """Countries and first-order regions named in ``text``, for context-aware ranking.

        Only names that unambiguously denote a country or region are counted (a country's own
        name, a region's primary name): a cheap, model-free reading for `resolve --context`.
        """
        countries: dict[str, int] = {}
        admin1: dict[str, int] = {}
        for ngram in context_ngrams(text):
            for place, name_type in self._lookup(fold(ngram)):
                if name_type == 2 or (name_type == ABBREVIATION and "." not in ngram):
                    continue
                if place.kind is PlaceKind.COUNTRY:
                    countries[place.country_code] = countries.get(place.country_code, 0) + 1
                elif place.kind is PlaceKind.ADMIN1:
                    admin1[place.admin1_code] = admin1.get(place.admin1_code, 0) + 1
                    countries[place.country_code] = countries.get(place.country_code, 0) + 1
                elif place.kind is PlaceKind.CITY and place.prior >= WEIGHTS.context_city_prior:
                    countries[place.country_code] = countries.get(place.country_code, 0) + 1
        return Evidence(countries=countries, admin1=admin1)

    def nearest(
        self, lat: float, lon: float, *, kinds: Iterable[PlaceKind] = (PlaceKind.CITY,), max_km: float = 500.0
    ) -> tuple[Place, float] | None:
        """The nearest place of one of ``kinds`` to (lat, lon) in degrees, with its distance in km,
        or None when nothing lies within ``max_km``."""
        wanted = tuple(k.value for k in kinds)
        marks = ",".join("?" * len(wanted))
        radii = [r for r in (0.25, 1.0, 4.0) if r * 111.0 < max_km] + [max_km / 111.0]
        for radius in radii:
            dlon = min(180.0, radius / max(0.05, math.cos(math.radians(lat))))
            rows = self._query(
                f"SELECT {_COLUMNS} FROM point_index i JOIN places p ON p.pk = i.pk "
                f"WHERE i.min_lat >= ? AND i.max_lat <= ? AND i.min_lon >= ? AND i.max_lon <= ? "
                f"AND p.kind IN ({marks})",
                (lat - radius, lat + radius, lon - dlon, lon + dlon, *wanted),
            )
            if not rows:
                continue
            km, row = min(((great_circle_km(lat, lon, r[6], r[7]), r) for r in rows), key=lambda s: s[0])
            # Anything closer than `radius` degrees would lie inside this box: the answer is final.
            if km <= radius * 111.0 or radius == radii[-1]:
                return (self._place(row), km) if km <= max_km else None
        return None

    def shape(self, place_id: str) -> Any:
        """The outline of a country or region as a shapely geometry (lon/lat), or None."""
        rows = self._query(
            "SELECT s.wkb FROM shapes s JOIN places p ON p.pk = s.pk WHERE p.id = ?", (place_id,)
        )
        if not rows:
            return None
        from shapely import wkb

        return wkb.loads(rows[0][0])

    def contains(self, place_id: str, lat: float, lon: float) -> bool:
        """Whether (lat, lon) in degrees lies inside the outline of ``place_id``.

        Places without an outline contain nothing.
        """
        geom = self.shape(place_id)
        if geom is None:
            return False
        from shapely.geometry import Point

        return bool(geom.covers(Point(lon, lat)))

    def outlines(self, kind: PlaceKind = PlaceKind.COUNTRY) -> list[tuple[Place, Any]]:
        """Every place of ``kind`` that has an outline, with it (shapely, lon/lat)."""
        from shapely import wkb

        rows = self._query(
            f"SELECT {_COLUMNS}, s.wkb FROM places p JOIN shapes s ON s.pk = p.pk WHERE p.kind = ? ORDER BY p.pk",
            (kind.value,),
        )
        return [(self._place(r), wkb.loads(r[13])) for r in rows]

    def places_at(
        self, lat: float, lon: float, *, kinds: Iterable[PlaceKind] = (PlaceKind.COUNTRY, PlaceKind.ADMIN1),
        approximate: bool = False,
    ) -> list[Place]:
        """Countries and regions whose outline covers (lat, lon), smallest kind first. Approximate
        outlines (the hull of a division's towns) count only with ``approximate=True``."""
        from shapely import wkb
        from shapely.geometry import Point

        wanted = {k.value for k in kinds}
        rows = self._query(
            f"SELECT {_COLUMNS}, s.wkb FROM shape_index i JOIN places p ON p.pk = i.pk "
            "JOIN shapes s ON s.pk = i.pk WHERE i.min_lon <= ? AND i.max_lon >= ? "
            "AND i.min_lat <= ? AND i.max_lat >= ?",
            (lon, lon, lat, lat),
        )
        pt = Point(lon, lat)
        found = [self._place(r) for r in rows
                 if r[3] in wanted and (approximate or r[11] == 1) and wkb.loads(r[13]).covers(pt)]
        order = list(PlaceKind)
        return sorted(found, key=lambda p: -order.index(p.kind))

    # ------------------------------------------------------------------ maintenance

    def counts(self) -> dict[str, int]:
        return dict(self._query("SELECT kind, COUNT(*) FROM places GROUP BY kind ORDER BY kind"))

    def alias_count(self) -> int:
        return self._query("SELECT COUNT(*) FROM aliases")[0][0]

    def verify(self) -> list[str]:
        """Problems found by SQLite's integrity check and the stored checksum; empty when sound."""
        problems = []
        rows = self._query("PRAGMA integrity_check")
        if [r[0] for r in rows] != ["ok"]:
            first = " ".join(str(rows[0][0]).split())
            problems.append(f"integrity check found {len(rows)} problem(s), first: {first[:200]}")
        sidecar = checksum_path(self.path)
        if not sidecar.exists():
            problems.append(f"no checksum file {sidecar.name}")
        else:
            expected = sidecar.read_text(encoding="utf-8").split()[0]
            actual = file_sha256(self.path)
            if expected != actual:
                problems.append(f"checksum mismatch: expected {expected[:12]}…, file has {actual[:12]}…")
        return problems
