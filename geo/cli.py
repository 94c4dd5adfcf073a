"""The ``conflictmap`` command line.

Exit codes: 0 success (documents that could not be read are skipped and reported, the rest
processed); 1 a check found failures; 2 unusable input (no readable document, missing, truncated
or corrupt gazetteer, empty query, unreadable check file, model not installed) or bad usage. Data
goes to stdout, messages and progress to stderr.
"""

from __future__ import annotations

import csv
import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from gazetteer import (
    Candidate,
    Gazetteer,
    GazetteerError,
    Place,
    default_path,
    open_gazetteer,
)
from gazetteer.atomic import atomic_write_text
from geo.errors import ConflictmapError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_FAILURES = 1
EXIT_BAD_INPUT = 2


class BadInput(click.ClickException):
    """A one-line error for input we cannot use; exits with code 2."""

    exit_code = EXIT_BAD_INPUT


def translate_errors(func: F) -> F:
    """Turn library errors into one-line CLI errors (here, and nowhere else)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (GazetteerError, ConflictmapError) as exc:
            raise BadInput(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


gazetteer_option = click.option(
    "--gazetteer",
    "gazetteer_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Gazetteer database to use (default: $CONFLICTMAP_GAZETTEER, else the user cache, built on first use).",
)


def _open(path: Path | None) -> Gazetteer:
    return open_gazetteer(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    return {
        "id": place.id,
        "name": place.name,
        "place_type": place.kind.value,
        "country_code": place.country_code or None,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature or None,
        "population": place.population,
        "geonames_id": place.geonames_id,
        "where_prec": place.where_prec,
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
            click.echo(f"{name}: no match")
            continue
        top = found[0]
        click.echo(f"{name} -> {_describe(top)}")
        click.echo(f"    why: {'; '.join(top.reasons)}; score {top.score:g}")
        for alt in found[1:]:
            click.echo(f"    also: {_describe(alt)}; {'; '.join(alt.reasons)}; score {alt.score:g}")


# ---------------------------------------------------------------------------- check


def _float(row: dict[str, str], key: str, line: int, default: float | None = None) -> float | None:
    raw = (row.get(key) or "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise BadInput(f"line {line}: {key} is not a number: {raw!r}") from exc


def _read_checks(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read {path}: {exc}") from exc
    reader = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), strict=True)
    if not reader.fieldnames or "name" not in reader.fieldnames:
        raise BadInput(f"{path}: needs a CSV header with at least 'name' (name,country,lat,lon,km[,context])")
    try:
        rows = [(i, row) for i, row in enumerate(reader, start=2)]
    except csv.Error as exc:
        raise BadInput(f"{path}: not a usable CSV: {exc}") from exc
    if not rows:
        raise BadInput(f"{path}: no rows to check")
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
    from geopy.distance import geodesic

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
                dist = geodesic((lat, lon), place.latlon()).km
                detail += f" {dist:.0f} km"
                if km is not None and dist > km:
                    problems.append(f"{dist:.0f} km > {km:g} km")
        status = "FAIL" if problems else "pass"
        failures += bool(problems)
        click.echo(f"{status}  {name} -> {detail or '-'}" + (f"  ({'; '.join(problems)})" if problems else ""))
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
@translate_errors
def gazetteer_build(min_population: int, output: Path | None) -> None:
    """Build the gazetteer from the installed GeoNames and Natural Earth data."""
    from gazetteer.build import build

    target = output or default_path()
    click.echo(f"building gazetteer at {target}", err=True)
    report = build(target, min_population=min_population, progress=True)
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
    gaz = Gazetteer(gazetteer_path or default_path())
    problems = gaz.verify()
    if problems:
        raise BadInput(f"{gaz.path}: " + "; ".join(problems))
    click.echo(f"ok: {gaz.path} (integrity check and checksum)")


# ---------------------------------------------------------------------------- extract / map


def _analyse(paths: tuple[str, ...], gazetteer_path: Path | None) -> tuple[dict[str, Any], Gazetteer]:
    """Read, analyse and fuse; report on stderr what was read, skipped and found."""
    from tqdm import tqdm

    from geo.fusion import feature_collection
    from geo.pipeline import Pipeline
    from geo.reader import Document, Skipped, read_inputs

    items = list(read_inputs(paths))
    documents = [d for d in items if isinstance(d, Document)]
    skipped = [s for s in items if isinstance(s, Skipped)]
    for s in skipped:
        click.echo(f"skipped {s.source}: {s.reason}", err=True)
    if not documents:
        raise BadInput("no readable document among the inputs")
    pipeline = Pipeline(gazetteer=gazetteer_path)
    with tqdm(total=len(documents), unit="doc", file=sys.stderr, disable=len(documents) < 2,
              desc="analysing") as bar:
        analyses = list(pipeline.analyse(documents, on_done=lambda _d: bar.update(1)))
    collection = feature_collection(analyses, pipeline.gaz, skipped=skipped)
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    click.echo(
        f"documents: {len(documents)} read, {len(skipped)} skipped; places: {kinds.count('place')}, "
        f"movements: {kinds.count('movement')}, statements: {kinds.count('statement')}; "
        f"unresolved mentions: {len(collection['conflictmap']['unresolved'])}",
        err=True,
    )
    return collection, pipeline.gaz


def _dump(collection: dict[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the GeoJSON here (atomically) instead of stdout.")
@gazetteer_option
@translate_errors
def extract(paths: tuple[str, ...], output: Path | None, gazetteer_path: Path | None) -> None:
    """Extract places, movements and statement origins from articles as GeoJSON.

    PATHS are .txt or .html files, directories of them, or - for standard input.
    """
    collection, _ = _analyse(paths, gazetteer_path)
    if output is None:
        click.echo(_dump(collection), nl=False)
    else:
        atomic_write_text(output, _dump(collection))
        click.echo(f"wrote {output}", err=True)


@cli.command("map")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The HTML map to write.")
@click.option("--geojson", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the GeoJSON the map is drawn from.")
@click.option("--cdn", is_flag=True,
              help="Load Leaflet and map tiles from the web (a small file) instead of the self-contained page.")
@gazetteer_option
@translate_errors
def map_command(paths: tuple[str, ...], output: Path, geojson: Path | None, cdn: bool,
                gazetteer_path: Path | None) -> None:
    """Extract from articles and draw the result as an HTML map, drawn from the GeoJSON.

    The page is self-contained by default: it makes no network request at all.
    """
    from maps.render import render

    collection, gaz = _analyse(paths, gazetteer_path)
    if geojson is not None:
        atomic_write_text(geojson, _dump(collection))
        click.echo(f"wrote {geojson}", err=True)
    page = render(collection, gazetteer=gaz, offline=not cdn)
    atomic_write_text(output, page)
    click.echo(f"wrote {output} ({len(page.encode('utf-8')) / 1e6:.2f} MB)", err=True)


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
    from geo import evaluation

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
                from geo.pipeline import Pipeline

                pipeline = Pipeline(gazetteer=gazetteer_path)
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
