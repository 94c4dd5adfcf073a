"""Draw a conflictmap GeoJSON FeatureCollection with folium.

The map is drawn from the export only; the gazetteer supplies nothing but outlines (the Natural
Earth basemap, and the areas of country- and region-level places, which are shaded, not pinned).
By default the page is self-contained: no tiles, every script and stylesheet inline.
Every popup carries its feature's id, so the page can be checked against the export.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from conflictmap.maps.escape import escape

STATUS_STYLE: dict[str, dict[str, Any]] = {
    "reported": {"color": "#c0392b", "dash_array": None, "opacity": 0.9, "label": "reported"},
    "possible": {"color": "#e67e22", "dash_array": "8 8", "opacity": 0.85, "label": "possible (dashed)"},
    "denied": {"color": "#7f8c8d", "dash_array": "2 6", "opacity": 0.6, "label": "denied (dotted, grey)"},
}
PALETTE = ["#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e",
           "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"]
AREA_KINDS = frozenset({"country", "admin1", "admin2", "region", "continent"})
# Broader areas are fainter: a continent named once should not bury the map.
AREA_OPACITY = {"continent": 0.04, "region": 0.08, "country": 0.12, "admin1": 0.25, "admin2": 0.3}
CLUSTER_OVER = 300  # markers per layer beyond which they are clustered
BASEMAP_NEAR_DEG = 0.05  # outline detail where the data is (~5 km, Natural Earth 50m class)
BASEMAP_FAR_DEG = 0.3  # and elsewhere
AREA_DEG = 0.05  # shaded areas of countries and regions
GRID_DEG = 0.001  # coordinates rounded to ~100 m: plenty for a drawing
# A movement whose two ends are both areas (a country, a first-order region, a curated region) is
# known only from area to area: drawn as a thin dashed link over a faint band, never as a route.
AREA_END_KINDS = frozenset({"country", "admin1", "region", "continent"})
COUNTRY_LEVEL = "country level"
GENERATOR = "conflictmap"  # the page's <meta name="generator">; the reader skips pages that carry it


def country_colours(codes: Any) -> dict[str, str]:
    """One distinct colour per speaker country on this map (alphabetical order; the palette
    repeats only past 14 countries). Unknown countries are grey."""
    return {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(sorted({c for c in codes if c}))}


def _number(value: Any, default: float) -> float:
    """A number from an untrusted GeoJSON field, or ``default``."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else default


def is_area_end(ref: Any) -> bool:
    """Whether a movement's end is an area, not a place: a country, region or continent, or any
    place of UCDP precision 4 (first-order division) or coarser."""
    if not isinstance(ref, dict):
        return False
    return ref.get("place_type") in AREA_END_KINDS or _number(ref.get("where_prec"), 0) >= 4


def is_named(properties: Mapping[str, Any]) -> bool:
    """Whether a place feature is a place the text names (``named`` is false when only nationality
    words or organisation names refer to it; an export without the property predates it)."""
    return properties.get("named") is not False


def is_country_level(properties: Mapping[str, Any]) -> bool:
    """Whether a movement is known only from area to area (both ends areas): its route is unknown.

    >>> is_country_level({"origin": {"place_type": "country", "where_prec": 6},
    ...                   "destination": {"place_type": "admin1", "where_prec": 4}})
    True
    >>> is_country_level({"origin": {"place_type": "city", "where_prec": 1},
    ...                   "destination": {"place_type": "country", "where_prec": 6}})
    False
    """
    return is_area_end(properties.get("origin")) and is_area_end(properties.get("destination"))


def is_box(outline: Any) -> bool:
    """Whether an outline is a plain lon/lat rectangle: how the gazetteer stores a curated region
    that has no agreed boundary (``bbox:`` in ``gazetteer/data/curated.csv``: the Indo-Pacific, the
    Gaza Strip); the renderer asks only of curated places (``curated:`` ids), whose other outlines
    are unions of surveyed ones."""
    from shapely.geometry import Polygon

    return (isinstance(outline, Polygon) and not outline.interiors and len(outline.exterior.coords) == 5
            and bool(outline.equals(outline.envelope)))


def country_names(codes: Any, *, gazetteer: Any = None, features: Any = ()) -> dict[str, str]:
    """A name for each ISO 3166-1 alpha-2 code ("KR" -> "South Korea"): the gazetteer's country,
    else a country place in the collection, else the code itself."""
    named = {str(f["properties"].get("country_code")): str(f["properties"].get("name"))
             for f in features if f["properties"].get("kind") == "place"
             and f["properties"].get("place_type") == "country" and f["properties"].get("name")}
    names = {}
    for code in codes:
        place = gazetteer.get(f"ne-admin0:{code}") if gazetteer is not None and code else None
        names[code] = place.name if place is not None else named.get(code, code)
    return names


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_JS_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def span(properties: Mapping[str, Any]) -> tuple[str, str] | None:
    """A feature's time as (start, end) ISO days when both are well formed, else None (undated)."""
    time = properties.get("time")
    if not isinstance(time, dict):
        return None
    start, end = time.get("start"), time.get("end")
    if isinstance(start, str) and isinstance(end, str) and _ISO_DAY.match(start) and _ISO_DAY.match(end):
        return (start, end) if start <= end else (end, start)
    return None


class Timeline:
    """What the time control filters: drawn layers by their JavaScript names, each with its parent
    group and its days (None: undated, always shown)."""

    def __init__(self) -> None:
        self.layers: list[tuple[str, str, str | None, str | None]] = []  # layer, parent, start, end
        self.feature_layers: list[tuple[str, str]] = []  # GeoJSON layer whose features carry cm_start/cm_end, parent

    def add(self, layer: Any, parent: Any, properties: Mapping[str, Any]) -> None:
        days = span(properties)
        self.layers.append((layer.get_name(), parent.get_name(), *(days or (None, None))))

    def days(self) -> list[str]:
        return [d for _, _, s, e in self.layers for d in (s, e) if d]


def _days(properties: Mapping[str, Any]) -> dict[str, str | None]:
    """The days a GeoJSON layer's feature carries for the time control."""
    days = span(properties)
    return {"cm_start": days[0] if days else None, "cm_end": days[1] if days else None}


def _time_control(timeline: Timeline, first: str | None, last: str | None) -> Any:
    """A date-range filter in the corner of the map, offline: features whose time overlaps the range
    show, the others hide; undated features always show and the control says how many. Its
    template is a constant; the layer names are folium's own identifiers (checked) and the days ISO
    dates (checked), handed over as JSON."""
    from branca.element import MacroElement, Template

    class TimeControl(MacroElement):  # type: ignore[misc]
        _template = Template("""
        {% macro html(this, kwargs) %}
        <div id='cm-time' style='position:fixed;top:80px;left:12px;z-index:9999;background:white;padding:6px 8px;
          border:1px solid #999;border-radius:4px;font:12px sans-serif'>
          <b>When</b><br>
          <label>from <input id='cm-time-from' type='date'></label><br>
          <label>to <input id='cm-time-to' type='date'></label><br>
          <button id='cm-time-reset' type='button'>all dates</button>
          <div id='cm-time-status'></div>
        </div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
          var spec = {{ this.spec|tojson }};
          var items = [];
          spec.layers.forEach(function (e) {
            var layer = window[e[0]], parent = window[e[1]];
            if (layer && parent) { items.push({layer: layer, parent: parent, start: e[2], end: e[3]}); }
          });
          spec.features.forEach(function (e) {
            var layer = window[e[0]], parent = window[e[1]];
            if (!layer || !parent) { return; }
            layer.eachLayer(function (child) {
              var p = (child.feature && child.feature.properties) || {};
              items.push({layer: child, parent: parent, start: p.cm_start || null, end: p.cm_end || null});
            });
          });
          var from = document.getElementById('cm-time-from'), to = document.getElementById('cm-time-to');
          var status = document.getElementById('cm-time-status');
          from.value = spec.first || ''; to.value = spec.last || '';
          function apply() {
            var shown = 0, dated = 0, undated = 0;
            items.forEach(function (it) {
              var visible = true;
              if (it.start) {
                dated += 1;
                visible = (!to.value || it.start <= to.value) && (!from.value || it.end >= from.value);
                if (visible) { shown += 1; }
              } else { undated += 1; }
              if (visible && !it.parent.hasLayer(it.layer)) { it.parent.addLayer(it.layer); }
              if (!visible && it.parent.hasLayer(it.layer)) { it.parent.removeLayer(it.layer); }
            });
            status.textContent = shown + ' of ' + dated + ' dated shown; ' + undated + ' undated, always shown';
          }
          from.addEventListener('change', apply); to.addEventListener('change', apply);
          document.getElementById('cm-time-reset').addEventListener('click', function () {
            from.value = spec.first || ''; to.value = spec.last || ''; apply();
          });
          apply();
        })();
        {% endmacro %}
        """)

        def __init__(self) -> None:
            super().__init__()
            self._name = "TimeControl"
            self.spec = {
                "layers": [list(e) for e in timeline.layers if _JS_NAME.match(e[0]) and _JS_NAME.match(e[1])],
                "features": [list(e) for e in timeline.feature_layers if all(_JS_NAME.match(n) for n in e)],
                "first": first if first and _ISO_DAY.match(first) else None,
                "last": last if last and _ISO_DAY.match(last) else None,
            }

    return TimeControl()


_DEPTH = {"Point": 0, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}


def _coordinates(value: Any, depth: int) -> Any:
    """``value`` as nested lists of floats ``depth`` levels above the [lon, lat] pairs, or None."""
    if not isinstance(value, list):
        return None
    if depth == 0:
        if len(value) < 2 or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value[:2]):
            return None
        lon, lat = float(value[0]), float(value[1])
        return [lon, lat] if -180 <= lon <= 180 and -90 <= lat <= 90 else None
    parts = [_coordinates(v, depth - 1) for v in value]
    return parts if parts and all(p is not None for p in parts) else None


def _geometry(geometry: Any) -> dict[str, Any] | None:
    """A drawable copy of a GeoJSON geometry (numbers only, [lon, lat] in range), or None: only
    numbers from the export reach the page's data, never a string of a hand-edited file."""
    if not isinstance(geometry, dict) or geometry.get("type") not in _DEPTH:
        return None
    coords = _coordinates(geometry.get("coordinates"), _DEPTH[geometry["type"]])
    return {"type": geometry["type"], "coordinates": coords} if coords is not None else None


def _id_tag(feature: dict[str, Any]) -> str:
    return f"<span class='cm-feature' data-id='{escape(feature.get('id'))}'></span>"


def _sources_html(sources: list[dict[str, Any]], limit: int = 6) -> str:
    items = "".join(
        f"<li><i>{escape(str(s.get('text') or '')[:300])}</i> <small>({escape(s.get('doc'))} {escape(s.get('start'))}"
        f"-{escape(s.get('end'))})</small></li>"
        for s in sources[:limit]
    )
    more = f"<li>… {len(sources) - limit} more</li>" if len(sources) > limit else ""
    return f"<ul style='padding-left:1em;margin:0'>{items}{more}</ul>"


def when(time: Any) -> str:
    """A time as the popup shows it: the phrase and the dates it spans, escaped."""
    if not isinstance(time, dict) or not time.get("text"):
        return "not stated"
    start, end = time.get("start"), time.get("end")
    dates = "" if not start else f" ({escape(start)})" if start == end else f" ({escape(start)} to {escape(end)})"
    return f"{escape(time['text'])}{dates}"


def movement_popup(f: dict[str, Any], note: str = "") -> str:
    """The popup of a movement; ``note`` (trusted HTML) goes under the headline."""
    p = f["properties"]
    unlisted = p.get("unlisted") if isinstance(p.get("unlisted"), dict) else {}
    origin, destination = ((p.get(role) or {}).get("name")
                           or (f"{unlisted[role]} (not in the gazetteer)" if isinstance(unlisted.get(role), str)
                               else None)
                           for role in ("origin", "destination"))
    claims = "".join(f"<li>{escape(c['text'])} — {escape(c.get('claimed_by') or 'unattributed')}</li>"
                     for c in p.get("size_claims", []))
    route = (f"; drawn as {escape(p.get('route'))}, {escape(p.get('route_km'))} km"
             if p.get("route") and not note else "")  # a country-level link has no route to speak of
    via = [ref.get("name") for ref in p.get("via") or [] if isinstance(ref, dict) and ref.get("name")]
    via += [f"{unlisted['via']} (not in the gazetteer)"] if isinstance(unlisted.get("via"), str) else []
    return (
        _id_tag(f)
        + f"<b>{escape(p.get('actor') or 'forces')}</b>: {escape(origin or '?')} → {escape(destination or '?')}<br>"
        + (f"via {escape(', '.join(map(str, via)))}<br>" if via else "")
        + (f"{note}<br>" if note else "")
        + f"status: <b>{escape(p.get('status'))}</b>; mode: {escape(p.get('mode') or 'not stated')}; "
        f"when: {when(p.get('time'))}<br>origin basis: {escape(p.get('origin_basis') or '-')}"
        f"{route}<br>"
        + (f"sizes claimed:<ul style='margin:0'>{claims}</ul>" if claims else "")
        + f"sources:{_sources_html(p.get('sources', []))}"
    )


def statement_popup(f: dict[str, Any]) -> str:
    p = f["properties"]
    who = " — ".join(escape(x) for x in (p.get("speaker"), p.get("organization")) if x)
    return (
        _id_tag(f)
        + f"<b class='cm-speaker'>{who or 'unnamed speaker'}</b> ({escape(p.get('speaker_country') or '?')})<br>"
        f"where: {escape((p.get('place') or {}).get('name'))} (basis: <b>{escape(p.get('basis'))}</b>)<br>"
        f"when: {when(p.get('time'))}<br>"
        f"“{escape(p.get('text', '')[:500])}”<br>sources:{_sources_html(p.get('sources', []))}"
    )


ROLE_WORDS = {"nationality": "as a nationality word", "in_organisation": "inside an organisation's name"}


def _roles_note(mentions: Any) -> str:
    """" (2 as a nationality word)": the mentions that do not name the place outright."""
    roles = [m.get("role") for m in mentions or [] if isinstance(m, dict)]
    notes = [f"{roles.count(role)} {words}" for role, words in ROLE_WORDS.items() if role in roles]
    return f" ({', '.join(notes)})" if notes else ""


def place_popup(f: dict[str, Any]) -> str:
    p = f["properties"]
    return (
        _id_tag(f)
        + f"<b>{escape(p.get('name'))}</b> [{escape(p.get('place_type'))}, {escape(p.get('country_code') or '-')}]"
        f"<br>{escape(p.get('mention_count', 0))} mention(s){_roles_note(p.get('mentions'))}; "
        f"precision {escape(p.get('where_prec'))} (UCDP scale:"
        " 1 exact … 6 country, 7 waters)"
        + ("<br><i>outline approximate: the hull of its towns</i>" if p.get("approximate_polygon") is True else "")
        + f"<br>mentions:{_sources_html(p.get('mentions', []), limit=4)}"
    )


def _latlons(coords: list[list[float]]) -> list[tuple[float, float]]:
    return [(lat, lon) for lon, lat in coords]


def _lines(geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    if geometry["type"] == "LineString":
        return [_latlons(geometry["coordinates"])]
    return [_latlons(part) for part in geometry["coordinates"]]


def _polygonal(geom: Any) -> Any:
    """Only (Multi)Polygons reach Leaflet: a GeometryCollection with a tooltip breaks every later layer."""
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon | MultiPolygon)]
    polys = [p for g in parts for p in (g.geoms if isinstance(g, MultiPolygon) else [g])]
    return MultiPolygon(polys) if polys else None


def _simplified(geom: Any, tolerance: float) -> Any:
    import shapely

    return _polygonal(shapely.set_precision(geom.simplify(tolerance, preserve_topology=True), GRID_DEG))


def basemap_geojson(gazetteer: Any, bounds: tuple[float, float, float, float] | None) -> dict[str, Any]:
    """Natural Earth country outlines: detailed near the data, coarse elsewhere."""
    from shapely.geometry import box, mapping

    from conflictmap.gazetteer import PlaceKind

    near = box(*bounds).buffer(15) if bounds else None
    features = []
    for place, geom in gazetteer.outlines(PlaceKind.COUNTRY):
        tolerance = BASEMAP_NEAR_DEG if near is not None and near.intersects(geom) else BASEMAP_FAR_DEG
        simple = _simplified(geom, tolerance)
        if simple is None or simple.is_empty:
            continue
        features.append({"type": "Feature", "properties": {"name": escape(place.name)},
                         "geometry": json.loads(json.dumps(mapping(simple)))})
    return {"type": "FeatureCollection", "features": features}


def _legend(countries: dict[str, str], *, approximate: bool = False, country_level: bool = False,
            region_labels: bool = False) -> Any:
    """The map's legend: a folium element whose template is a constant; the entries, escaped with
    :func:`maps.escape.escape`, are data handed to it, never template source. ``countries`` maps a
    speaker country's name to its colour."""
    from branca.element import MacroElement, Template

    class Legend(MacroElement):  # type: ignore[misc]
        _template = Template("""
        {% macro html(this, kwargs) %}
        <div id='cm-legend' style='position:fixed;bottom:24px;left:12px;z-index:9999;background:white;
          padding:8px 10px;border:1px solid #999;border-radius:4px;font:12px sans-serif;max-height:45%;
          overflow:auto'><b>conflictmap</b>
        {% for colour, dash, label in this.statuses %}
          <div><svg width='34' height='10'><line x1='0' y1='5' x2='34' y2='5' stroke='{{ colour }}'
            stroke-width='4' stroke-dasharray='{{ dash }}'/></svg> movement, {{ label }}</div>
        {% endfor %}
        {% if this.country_level %}
          <div class='cm-legend-country-level'><svg width='34' height='12'><line x1='0' y1='6' x2='34' y2='6'
            stroke='#c0392b' stroke-opacity='0.15' stroke-width='10'/><line x1='0' y1='6' x2='34' y2='6'
            stroke='#c0392b' stroke-width='2' stroke-dasharray='6 6'/></svg>
            movement known only country to country (route unknown)</div>
        {% endif %}
        {% for name, colour in this.speakers %}
          <div class='cm-legend-speaker'><span style='display:inline-block;width:12px;height:12px;
            border-radius:6px;background:{{ colour }}'></span> statement, speaker from {{ name }}</div>
        {% endfor %}
          <div><span style='display:inline-block;width:12px;height:12px;border:1px solid #2c3e50;
            border-radius:6px;background:#2c3e5080'></span> place named (size: mentions; faint: imprecise)</div>
          <div><span style='display:inline-block;width:14px;height:10px;background:#3498db40;
            border:1px solid #2980b9'></span> country or region named</div>
        {% if this.region_labels %}
          <div>◇ region with no agreed boundary (a label, not an area)</div>
        {% endif %}
        {% if this.approximate %}
          <div><span style='display:inline-block;width:14px;height:10px;background:#3498db40;
            border:1px dashed #2980b9'></span> region outline approximate (hull of its towns)</div>
        {% endif %}
        </div>
        {% endmacro %}
        """)

        def __init__(self) -> None:
            super().__init__()
            self._name = "Legend"
            self.statuses = [(s["color"], s["dash_array"] or "", escape(s["label"])) for s in STATUS_STYLE.values()]
            self.speakers = [(escape(name), escape(colour)) for name, colour in sorted(countries.items())]
            self.approximate = approximate
            self.country_level = country_level
            self.region_labels = region_labels

    return Legend()


def render(collection: Mapping[str, Any], *, gazetteer: Any = None, offline: bool = True) -> str:
    """Return the HTML page of a folium map of ``collection``.

    Parameters
    ----------
    collection
        A conflictmap GeoJSON FeatureCollection ([lon, lat] coordinates).
    gazetteer
        A :class:`gazetteer.Gazetteer`, for outlines; without it there is no basemap and area-level
        places are drawn as circles.
    offline
        True (default): no tiles, Natural Earth basemap, every asset inline, no network request.
        False: OpenStreetMap tiles and folium's CDN assets (a much smaller file).
    """
    import folium
    from folium import plugins

    from conflictmap.maps import assets

    features = [{**f, "geometry": _geometry(f.get("geometry")),
                 "properties": f.get("properties") if isinstance(f.get("properties"), dict) else {}}
                for f in collection.get("features", []) if isinstance(f, dict)]
    fmap = folium.Map(location=(30, 60), zoom_start=3, tiles=None if offline else "OpenStreetMap",
                      control_scale=True)
    fmap.options["maxZoom"] = 18  # Leaflet.markercluster needs it, and without tiles nothing else sets it
    if offline:
        assets.trim_defaults(fmap)
    bounds = _bounds(features)
    if offline and gazetteer is not None:
        folium.GeoJson(
            basemap_geojson(gazetteer, bounds), name="Countries (Natural Earth)", control=False,
            style_function=lambda _f: {"fillColor": "#f2efe9", "color": "#9a9a9a", "weight": 0.6, "fillOpacity": 1},
        ).add_to(fmap)

    areas = folium.FeatureGroup(name="Areas named", show=True)
    place_points: list[dict[str, Any]] = []
    area_items: list[tuple[float, dict[str, Any], Any]] = []
    moves = folium.FeatureGroup(name="Movements", show=True)
    statement_points: list[dict[str, Any]] = []
    many_moves = sum(1 for f in features if f["properties"].get("kind") == "movement") > CLUSTER_OVER
    move_lines: list[dict[str, Any]] = []
    region_labels: list[dict[str, Any]] = []
    country_level = False
    timeline = Timeline()
    speaker_colours = country_colours(
        str(f["properties"].get("speaker_country") or "") for f in features
        if f["properties"].get("kind") == "statement")

    for f in features:
        p = f["properties"]
        kind = p.get("kind")
        geom = f.get("geometry")
        if kind == "place" and not is_named(p):
            continue  # only nationality words or organisation names refer to it: in the export, not a place named
        if kind == "place":
            outline = (gazetteer.shape(p["id"]) if gazetteer is not None and p.get("place_type") in AREA_KINDS
                       and p.get("has_polygon") else None)
            if outline is not None and str(p["id"]).startswith("curated:") and is_box(outline) and geom:
                region_labels.append(f)  # no agreed boundary: a label at its point, never the box
                continue
            outline = _simplified(outline, AREA_DEG) if outline is not None else None
            if outline is not None:
                area_items.append((outline.area, f, outline))
            else:
                place_points.append(f)
        elif kind == "movement":
            style = STATUS_STYLE.get(p.get("status") or "", STATUS_STYLE["reported"])
            tooltip = escape(f"{p.get('status')} movement: {p.get('actor') or 'forces'}")
            status_class = f"cm-movement cm-{escape(p.get('status'))}"
            link = _country_link(f) if is_country_level(p) else None
            if link is not None and not many_moves:
                country_level = True
                timeline.add(_draw_country_link(f, link, style, plugins).add_to(moves), moves, p)
            elif geom and many_moves:
                move_lines.append(f)
                country_level = country_level or link is not None
            elif geom:
                for part in _lines(geom):
                    line = folium.PolyLine(
                        part, weight=4, color=style["color"], opacity=style["opacity"],
                        dash_array=style["dash_array"], tooltip=tooltip, class_name=status_class,
                        popup=folium.Popup(movement_popup(f), max_width=460),
                    ).add_to(moves)
                    timeline.add(line, moves, p)
                    plugins.PolyLineTextPath(line, "      ►      ", repeat=True, offset=6,
                                             attributes={"fill": style["color"], "font-size": "14"}).add_to(moves)
            else:
                # Only one end is known (or only the place passed through): a ring there, never an invented line.
                end = p.get("destination") or p.get("origin") or next(iter(p.get("via") or []), None)
                point = _coordinates(end.get("coordinates"), 0) if isinstance(end, dict) else None
                if point is not None:
                    lon, lat = point
                    ring = folium.CircleMarker(
                        (lat, lon), radius=12, color=style["color"], fill=False, weight=3,
                        dash_array=style["dash_array"] or "4 4", tooltip=tooltip, class_name=status_class,
                        popup=folium.Popup(movement_popup(f) + "<i>only one end of this movement is on the map</i>",
                                           max_width=460),
                    ).add_to(moves)
                    timeline.add(ring, moves, p)
        elif kind == "statement" and geom:
            statement_points.append(f)

    # Largest areas first, so a region stays clickable on top of its country.
    for _, f, outline in sorted(area_items, key=lambda item: -item[0]):
        opacity = AREA_OPACITY.get(f["properties"].get("place_type"), 0.15)
        dash = "4 4" if f["properties"].get("approximate_polygon") is True else None  # hull of its towns
        folium.GeoJson(
            {"type": "Feature", "properties": {"name": escape(f["properties"]["name"])},
             "geometry": outline.__geo_interface__},
            style_function=lambda _f, o=opacity, d=dash: {"fillColor": "#3498db", "color": "#2980b9", "weight": 1,
                                                          "fillOpacity": o, "dashArray": d},
            tooltip=escape(f["properties"]["name"]),
        ).add_child(folium.Popup(place_popup(f), max_width=420)).add_to(areas)
    for f in region_labels:
        _region_label(f).add_to(areas)
    if move_lines:
        lines_layer = _movement_layer(move_lines).add_to(moves)
        timeline.feature_layers.append((lines_layer.get_name(), lines_layer.get_name()))
    statement_layer = _statement_layer(statement_points, speaker_colours)
    statements = _clustered(statement_layer, "Statement origins")
    if statement_points:
        timeline.feature_layers.append((statement_layer.get_name(), statements.get_name()))
    searchable = 0 < len(place_points) <= CLUSTER_OVER
    places = _place_layer(place_points) if searchable else _clustered(_place_layer(place_points), "Places named")
    for layer in (areas, places, moves, statements):
        layer.add_to(fmap)
    if searchable:
        plugins.Search(places, search_label="name", placeholder="Find a place", collapsed=False,
                       position="topright").add_to(fmap)
    plugins.Fullscreen().add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    approximate = any(f["properties"].get("approximate_polygon") is True for _, f, _ in area_items)
    names = country_names(speaker_colours, gazetteer=gazetteer, features=features)
    _legend({names[code]: colour for code, colour in speaker_colours.items()}, approximate=approximate,
            country_level=country_level, region_labels=bool(region_labels)).add_to(fmap)
    dated = timeline.days() + [d for f in statement_points + move_lines for d in (span(f["properties"]) or ())]
    if dated:
        _time_control(timeline, min(dated), max(dated)).add_to(fmap)
    if bounds:
        fmap.fit_bounds([(bounds[1], bounds[0]), (bounds[3], bounds[2])], padding=(30, 30))
    html = fmap.get_root().render()
    # after rendering, so the tag never passes through a template; conflictmap reads it to skip its own maps
    html = html.replace("<head>", f'<head>\n    <meta name="generator" content="{GENERATOR}">', 1)
    return assets.inline(html) if offline else html


def _country_link(f: Mapping[str, Any]) -> list[tuple[float, float]] | None:
    """(lat, lon) of the two ends: the first and last points of the drawn geometry (the export's
    line runs between the areas' label points, and a hand edit of it shows), else the place
    references' points. The second is shifted by 360° when that is shorter (Leaflet then draws
    across ±180° instead of around the world); None when an end has no valid point."""
    p, geom = f["properties"], f.get("geometry")
    start: list[float] | None
    end: list[float] | None
    if geom and geom["type"] in ("LineString", "MultiLineString"):
        parts = _lines(geom)
        (lat1, lon1), (lat2, lon2) = parts[0][0], parts[-1][-1]
        start, end = [lon1, lat1], [lon2, lat2]
    else:
        start, end = (_coordinates(ref.get("coordinates"), 0) if isinstance(ref, dict) else None
                      for ref in (p.get("origin"), p.get("destination")))
    if start is None or end is None:
        return None
    (lon1, lat1), (lon2, lat2) = start, end
    if abs(lon2 - lon1) > 180:
        lon2 += -360 if lon2 > lon1 else 360
    return [(lat1, lon1), (lat2, lon2)]


def _draw_country_link(f: dict[str, Any], link: list[tuple[float, float]], style: dict[str, Any],
                       plugins: Any) -> Any:
    """A movement known only from area to area: a faint band under a thin dashed line between the
    label points, one arrow for the direction, "country level" in its tooltip and popup."""
    import folium

    p = f["properties"]
    origin, destination = ((p.get(k) or {}).get("name") or "?" for k in ("origin", "destination"))
    tooltip = escape(f"{COUNTRY_LEVEL}, route unknown: {p.get('status')} movement: {p.get('actor') or 'forces'}, "
                     f"{origin} → {destination}")
    note = (f"<i class='cm-country-level-note'>{COUNTRY_LEVEL}: both ends are areas, so only the two areas are "
            "known, not the route; the line joins their label points</i>")
    group = folium.FeatureGroup(control=False)
    folium.PolyLine(link, weight=12, color=style["color"], opacity=0.15, tooltip=tooltip,
                    class_name="cm-country-level-band",
                    popup=folium.Popup(movement_popup(f, note), max_width=460)).add_to(group)
    line = folium.PolyLine(
        link, weight=2, color=style["color"], opacity=0.75, dash_array="6 6", tooltip=tooltip,
        class_name=f"cm-movement cm-country-level cm-{escape(p.get('status'))}",
        popup=folium.Popup(movement_popup(f, note), max_width=460)).add_to(group)
    plugins.PolyLineTextPath(line, "►", center=True, offset=5,
                             attributes={"fill": style["color"], "font-size": "12"}).add_to(group)
    return group


def _region_label(f: dict[str, Any]) -> Any:
    """A curated region with no agreed boundary: a labelled marker at its point, never its box."""
    import folium

    lon, lat = f["geometry"]["coordinates"]
    name = escape(f["properties"].get("name"))
    return folium.Marker(
        (lat, lon),
        icon=folium.DivIcon(
            html=(f"<div class='cm-region-label' style='font:12px sans-serif;white-space:nowrap;color:#1f4e79;"
                  f"background:#ffffffcc;border:1px dashed #2980b9;border-radius:3px;padding:1px 4px;"
                  f"display:inline-block'>◇ {name}</div>"),
            icon_size=(0, 0), icon_anchor=(8, 10), class_name="cm-region-marker"),
        tooltip=f"{name}: no agreed boundary",
        popup=folium.Popup(place_popup(f) + "<br><i>no agreed boundary: shown as a label, not an area</i>",
                           max_width=420),
    )


def _place_layer(place_points: list[dict[str, Any]]) -> Any:
    """Named places as one GeoJSON layer of circles sized by mentions (searchable by name)."""
    import folium

    if not place_points:
        return folium.FeatureGroup(name="Places named")

    return folium.GeoJson(
        {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": f["geometry"],
             "properties": {"name": escape(f["properties"]["name"]), "popup": place_popup(f),
                            "radius": min(4 + 2 * _number(f["properties"].get("mention_count"), 1) ** 0.5, 16),
                            "faint": _number(f["properties"].get("where_prec"), 1) >= 2}}
            for f in place_points]},
        name="Places named",
        marker=folium.CircleMarker(radius=6, fill=True, color="#2c3e50", weight=1),
        style_function=lambda ft: {"radius": ft["properties"]["radius"],
                                   "fillOpacity": 0.2 if ft["properties"]["faint"] else 0.6},
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False),
    )


def _clustered(layer: Any, name: str) -> Any:
    """The layer itself, or inside a marker cluster when it holds more markers than a reader can
    tell apart (Leaflet.markercluster takes the GeoJSON layer's markers one by one)."""
    from folium import plugins

    if not hasattr(layer, "data") or len(layer.data.get("features", [])) <= CLUSTER_OVER:
        return layer
    cluster = plugins.MarkerCluster(name=f"{name} (clustered)")
    layer.control = False
    layer.add_to(cluster)
    return cluster


def _statement_layer(points: list[dict[str, Any]], colours: dict[str, str]) -> Any:
    """Statement origins as one GeoJSON layer: popups are built only when opened."""
    import folium

    if not points:
        return folium.FeatureGroup(name="Statement origins")

    return folium.GeoJson(
        {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": f["geometry"],
             "properties": {"popup": statement_popup(f),
                            "label": escape(f["properties"].get("speaker") or f["properties"].get("organization")
                                            or "statement"),
                            "colour": colours.get(str(f["properties"].get("speaker_country") or ""), "#555555"),
                            "imprecise": _number(f["properties"].get("where_prec"), 1) >= 4,
                            **_days(f["properties"])}}
            for f in points]},
        name="Statement origins",
        marker=folium.CircleMarker(radius=9, fill=True, weight=2, class_name="cm-statement"),
        style_function=lambda ft: {"color": ft["properties"]["colour"], "fillColor": ft["properties"]["colour"],
                                   "fillOpacity": 0.35 if ft["properties"]["imprecise"] else 0.85,
                                   "dashArray": "3 3" if ft["properties"]["imprecise"] else None},
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False),
    )


def _movement_layer(lines: list[dict[str, Any]]) -> Any:
    """Many movements as one GeoJSON layer (no arrows): fast to load, popups built when opened."""
    import folium

    return folium.GeoJson(
        {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": f["geometry"],
             "properties": {"popup": movement_popup(f), "status": escape(f["properties"].get("status")),
                            "country_level": is_country_level(f["properties"]),
                            "label": escape(("country level, route unknown: " if is_country_level(f["properties"])
                                             else "") + f"{f['properties'].get('status')} movement"),
                            **_days(f["properties"])}}
            for f in lines]},
        name="Movements (lines)", control=False,
        style_function=lambda ft: {
            "color": STATUS_STYLE.get(ft["properties"]["status"], STATUS_STYLE["reported"])["color"],
            "dashArray": "6 6" if ft["properties"]["country_level"] else
            STATUS_STYLE.get(ft["properties"]["status"], STATUS_STYLE["reported"])["dash_array"],
            "weight": 1.5 if ft["properties"]["country_level"] else 3,
            "opacity": 0.5 if ft["properties"]["country_level"] else 0.8},
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False),
    )


def _bounds(features: list[dict[str, Any]]) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of drawn points and lines, or None."""
    from folium.utilities import get_bounds

    drawn: list[list[float]] = []
    for f in features:
        geom = f.get("geometry")
        p = f["properties"]
        if not geom or (p.get("kind") == "place" and (not is_named(p) or (p.get("place_type") in AREA_KINDS
                                                                          and p.get("has_polygon")))):
            continue  # areas do not frame the map (a country would zoom out to a continent); a county
            # with no outline is drawn as a point and frames it like any point
        coords = geom["coordinates"]
        drawn += {"Point": [coords], "LineString": coords}.get(geom["type"]) or [c for part in coords for c in part]
    if not drawn:
        return None
    (south, west), (north, east) = get_bounds(drawn, lonlat=True)
    if south is None or west is None or north is None or east is None:
        return None
    return west, south, east, north
