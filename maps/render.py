"""Draw a conflictmap GeoJSON FeatureCollection with folium.

The map is drawn from the export only (the analysis is never re-derived here); the gazetteer is
used for nothing but the outlines of countries and regions, so area-level mentions are shown as
areas and not as invented precise points.
"""

from __future__ import annotations

import hashlib
from typing import Any

from maps.escape import escape

STATUS_STYLE: dict[str, dict[str, Any]] = {
    "reported": {"color": "#c0392b", "dash_array": None, "opacity": 0.9},
    "possible": {"color": "#e67e22", "dash_array": "8 8", "opacity": 0.8},
    "denied": {"color": "#7f8c8d", "dash_array": "2 6", "opacity": 0.6},
}
PALETTE = ["#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e",
           "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"]
AREA_KINDS = frozenset({"country", "admin1", "region", "continent"})


def country_colour(code: str | None) -> str:
    """A stable colour per speaker country (grey when unknown)."""
    if not code:
        return "#555555"
    return PALETTE[int(hashlib.sha1(code.encode()).hexdigest(), 16) % len(PALETTE)]


def _sources_html(sources: list[dict[str, Any]], limit: int = 6) -> str:
    items = "".join(
        f"<li><i>{escape(s['text'][:300])}</i> <small>({escape(s['doc'])} {s['start']}-{s['end']})</small></li>"
        for s in sources[:limit]
    )
    more = f"<li>… {len(sources) - limit} more</li>" if len(sources) > limit else ""
    return f"<ul style='padding-left:1em;margin:0'>{items}{more}</ul>"


def movement_popup(p: dict[str, Any]) -> str:
    origin = (p.get("origin") or {}).get("name")
    destination = (p.get("destination") or {}).get("name")
    claims = "".join(f"<li>{escape(c['text'])} — {escape(c.get('claimed_by') or 'unattributed')}</li>"
                     for c in p.get("size_claims", []))
    return (
        f"<b>{escape(p.get('actor') or 'forces')}</b>: {escape(origin or '?')} → {escape(destination or '?')}<br>"
        f"status: <b>{escape(p.get('status'))}</b>; mode: {escape(p.get('mode') or 'not stated')}; "
        f"when: {escape(p.get('time') or 'not stated')}; origin basis: {escape(p.get('origin_basis') or '-')}<br>"
        + (f"sizes claimed:<ul style='margin:0'>{claims}</ul>" if claims else "")
        + f"sources:{_sources_html(p.get('sources', []))}"
    )


def statement_popup(p: dict[str, Any]) -> str:
    who = " — ".join(escape(x) for x in (p.get("speaker"), p.get("organization")) if x)
    return (
        f"<b>{who or 'unnamed speaker'}</b> ({escape(p.get('speaker_country') or '?')})<br>"
        f"where: {escape((p.get('place') or {}).get('name'))} (basis: {escape(p.get('basis'))})<br>"
        f"“{escape(p.get('text', '')[:500])}”<br>sources:{_sources_html(p.get('sources', []))}"
    )


def place_popup(p: dict[str, Any]) -> str:
    return (
        f"<b>{escape(p.get('name'))}</b> [{escape(p.get('place_type'))}, {escape(p.get('country_code') or '-')}]"
        f"<br>{p.get('mention_count', 0)} mention(s); precision {escape(p.get('where_prec'))} (UCDP scale)"
        f"<br>mentions:{_sources_html(p.get('mentions', []), limit=4)}"
    )


def render(collection: dict[str, Any], *, gazetteer: Any = None) -> str:
    """Return the HTML page of a folium map of ``collection``.

    ``gazetteer`` (a :class:`gazetteer.Gazetteer`) supplies outlines for area-level places;
    without it every place is drawn as a circle.
    """
    import folium

    features = collection.get("features", [])
    fmap = folium.Map(location=(30, 60), zoom_start=3, tiles="OpenStreetMap", control_scale=True)
    places = folium.FeatureGroup(name="Places", show=True)
    moves = folium.FeatureGroup(name="Movements", show=True)
    statements = folium.FeatureGroup(name="Statement origins", show=True)
    bounds: list[tuple[float, float]] = []

    for f in features:
        p = f["properties"]
        kind = p.get("kind")
        geom = f.get("geometry")
        if kind == "place":
            lon, lat = geom["coordinates"]
            outline = gazetteer.shape(p["id"]) if gazetteer is not None and p.get("place_type") in AREA_KINDS \
                and p.get("has_polygon") else None
            popup = folium.Popup(place_popup(p), max_width=420)
            if outline is not None:
                folium.GeoJson(
                    outline.__geo_interface__, name=escape(p["name"]),
                    style_function=lambda _f: {"fillColor": "#3498db", "color": "#2980b9", "weight": 1,
                                               "fillOpacity": 0.12},
                    tooltip=escape(p["name"]),
                ).add_child(popup).add_to(places)
            else:
                folium.CircleMarker(
                    (lat, lon), radius=min(4 + 2 * p.get("mention_count", 1) ** 0.5, 16), color="#2c3e50",
                    fill=True, fill_opacity=0.5, weight=1, tooltip=escape(p["name"]), popup=popup,
                ).add_to(places)
                bounds.append((lat, lon))
        elif kind == "movement" and geom and geom.get("type") == "LineString":
            style: dict[str, Any] = STATUS_STYLE.get(p.get("status") or "", STATUS_STYLE["reported"])
            latlons = [(lat, lon) for lon, lat in geom["coordinates"]]
            line = folium.PolyLine(latlons, weight=4, color=style["color"], opacity=style["opacity"],
                                   dash_array=style["dash_array"],
                                   tooltip=escape(f"{p.get('status')} movement: {p.get('actor') or 'forces'}"),
                                   popup=folium.Popup(movement_popup(p), max_width=460))
            line.add_to(moves)
            from folium.plugins import PolyLineTextPath

            PolyLineTextPath(line, "      ►      ", repeat=True, offset=6,
                             attributes={"fill": style["color"], "font-size": "14"}).add_to(moves)
            bounds += latlons
        elif kind == "statement" and geom:
            lon, lat = geom["coordinates"]
            folium.CircleMarker(
                (lat, lon), radius=8, color=country_colour(p.get("speaker_country")), fill=True, fill_opacity=0.85,
                weight=2, tooltip=escape(p.get("speaker") or p.get("organization") or "statement"),
                popup=folium.Popup(statement_popup(p), max_width=460),
            ).add_to(statements)
            bounds.append((lat, lon))

    for group in (places, moves, statements):
        group.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    if bounds:
        lats, lons = [b[0] for b in bounds], [b[1] for b in bounds]
        fmap.fit_bounds([(min(lats), min(lons)), (max(lats), max(lons))], padding=(20, 20))
    return fmap.get_root().render()
